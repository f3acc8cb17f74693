import ArgumentParser

/// The `portcullis` command line: a thin adapter over the Portcullis libraries.
@main
struct PortcullisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portcullis",
        abstract: "Policy-as-code validation for Kubernetes and GitOps manifests.",
        version: "0.1.0",
        subcommands: [CheckCommand.self, ParseCommand.self]
    )
}
