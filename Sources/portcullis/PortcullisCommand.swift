import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// The `portcullis` command line: a thin adapter over the Portcullis libraries.
@main
struct PortcullisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portcullis",
        abstract: "Policy-as-code validation for Kubernetes and GitOps manifests.",
        discussion: "Exit status: 0 no violation, 1 violations, 2 usage, configuration or input errors.",
        version: "0.1.0",
        subcommands: [CheckCommand.self, TestCommand.self, ParseCommand.self, RulesCommand.self, ExplainCommand.self, InitCommand.self]
    )

    /// Runs the command; usage errors exit with status 2, as every other error of the user's input.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                var err = OutputStream.standardError
                err.writeLine(fullMessage(for: error))
                err.flush()
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
