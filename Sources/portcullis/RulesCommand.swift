import ArgumentParser
import Portcullis

/// `portcullis rules`: the loaded policies, one per line.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the loaded policies: id, severity, title.")

    @OptionGroup var policies: PolicyArguments
    @OptionGroup var configFile: ConfigArguments

    @Flag(help: "Print the policy reference as Markdown (docs/policies.md).")
    var markdown = false

    func run() throws {
        let configuration = try configFile.load(color: .never)
        let policySet = try policies.compile(configuration: configuration, color: .never)
        var out = OutputStream.standardOutput
        defer { out.flush() }
        if markdown { return out.write(PolicyMarkdown.render(policySet.policies)) }
        let listed = policySet.policies.sorted { $0.id < $1.id }
        let width = listed.map(\.id.count).max() ?? 0
        for policy in listed {
            let id = policy.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = policy.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            out.writeLine("\(id)  \(severity)  \(policy.title ?? "")" + (policy.enabledByDefault ? "" : "  (opt-in)"))
        }
    }
}

/// `portcullis explain ID`: one policy in full, with its examples.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show one policy: what it checks, why, how to fix it, and its examples.")

    @Argument(help: "The policy id, e.g. images/no-latest-tag.")
    var id: String

    @OptionGroup var policies: PolicyArguments

    func run() throws {
        let policySet = try policies.compile(configuration: nil, color: .never, forceAll: true)
        guard let policy = policySet.policy(id: id) else {
            var err = OutputStream.standardError
            err.writeLine("error: no policy '\(id)' (see `portcullis rules --all-policies`)")
            err.flush()
            throw ExitCode(2)
        }
        var out = OutputStream.standardOutput
        out.writeLine("\(policy.id) — \(policy.title ?? "")")
        out.writeLine("severity: \(policy.severity.rawValue)" + (policy.tags.isEmpty ? "" : "   tags: " + policy.tags.joined(separator: ", ")))
        out.writeLine("defined in: \(policy.definedAt.file):\(policy.definedAt.line)")
        if let description = policy.description { out.writeLine("\n" + description) }
        if let help = policy.help { out.writeLine("\nhelp: " + help) }
        if let remediation = policy.remediation { out.writeLine("remediation: " + remediation) }
        if let url = policy.helpURL { out.writeLine("see: " + url) }
        if !policy.parameters.isEmpty {
            out.writeLine("\nparameters: " + policy.parameters.map { "\($0.name) = \($0.value)" }.joined(separator: "; "))
        }
        for (offset, example) in policy.examples.enumerated() {
            out.writeLine("\nexample \(offset + 1) (\(example.shouldFail ? "fails" : "passes")):")
            for line in example.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { out.writeLine("    " + line) }
        }
        out.flush()
    }
}
