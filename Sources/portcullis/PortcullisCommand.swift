import ArgumentParser
import Portcullis
import enum PortcullisDiagnostics.Platform

/// The `portcullis` command line: a thin adapter over the Portcullis library.
@main
struct PortcullisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portcullis",
        abstract: "Policy-as-code validation for Kubernetes and GitOps manifests.",
        discussion: "Exit status: 0 no violation, 1 violations, 2 usage, configuration or input errors.",
        version: ToolInfo.version,
        subcommands: [CheckCommand.self, TestCommand.self, ParseCommand.self, RulesCommand.self, ExplainCommand.self, InitCommand.self, ServeCommand.self]
    )

    /// Runs the command; usage errors exit with status 2, as every other error of the user's input.
    static func main() {
        Platform.restoreChildStatus()
        do {
            var command = try parsedCheck(Array(CommandLine.arguments.dropFirst())) ?? parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            finish(status: code.rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                var err = OutputStream.standardError
                err.writeLine(fullMessage(for: error))
                err.flush()
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
        finish(status: 0)
    }

    /// `portcullis check …`, the command every hook and CI job runs, parsed as the check command on
    /// its own: parsing from the root also builds the check command's argument set to ask whether it
    /// takes pass-through arguments, a third of start-up's parsing. Anything but a plain successful
    /// parse (help, version, completion scripts, any usage error) is `nil`, and the root parses it
    /// again, as it always did, for the same outcome and the same messages.
    static func parsedCheck(_ arguments: [String]) -> CheckCommand? {
        guard arguments.first == "check" else { return nil }
        return (try? CheckCommand.parseAsRoot(Array(arguments.dropFirst()))) as? CheckCommand
    }

    /// Exits with `status`, unless something written to standard output did not get there (a full
    /// disk, `> /dev/full`): then a message on standard error and status 2, since the report is lost.
    static func finish(status: Int32) -> Never {
        OutputStream.exit(status)
    }
}

// Value lists from the raw values, as ArgumentParser's defaults give them, but without its string
// interpolation of each case: every interpolation is a run-time conformance lookup at start-up.
extension ColorMode: ExpressibleByArgument {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var allValueDescriptions: [String: String] { [:] }
}

extension Severity: ExpressibleByArgument {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var allValueDescriptions: [String: String] { [:] }
}

extension ReportFormat: ExpressibleByArgument {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var allValueDescriptions: [String: String] { [:] }
}

extension OutputStream {
    /// Prints diagnostics compiler-style, with their source lines.
    mutating func write(_ diagnostics: [Diagnostic], color: ColorMode) {
        let useColor = color.allowsColor(fileDescriptor: descriptor, environment: ProcessEnvironment.variables)
        for diagnostic in diagnostics { writeLine(diagnostic.rendered(color: useColor)) }
    }
}
