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
            let id = policy.id + String(repeating: " ", count: max(0, width - policy.id.count))
            let severity = policy.severity.rawValue + String(repeating: " ", count: max(0, 7 - policy.severity.rawValue.count))
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
    @OptionGroup var configFile: ConfigArguments

    func run() throws {
        // The configuration's parameters are the values in effect.
        let configuration = try configFile.load(color: .never)
        let policySet = try policies.compile(configuration: configuration, color: .never, forceAll: true)
        guard let policy = policySet.policy(id: id) else {
            var err = OutputStream.standardError
            let suggestion = policySet.nearestPolicyID(to: id).map { "; did you mean '\($0)'?" } ?? ""
            err.writeLine("error: no policy '\(id)'\(suggestion) (see `portcullis rules --all-policies`)")
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
        if !policy.parameterDetails.isEmpty {
            out.writeLine("\nparameters (set with --param NAME=value, or pack.NAME for this pack's only):")
            for parameter in policy.parameterDetails {
                let changed = parameter.value != parameter.defaultValue
                out.writeLine("  \(parameter.name) = \(parameter.value)" + (changed ? "   (default \(parameter.defaultValue))" : "   (the default)")
                              + "   declared at \(parameter.declaredAt)")
            }
        }
        if !policy.checks.isEmpty { out.writeLine("\nchecks: " + policy.checks.joined(separator: ", ")) }
        if let source = policySet.source(of: policy) {
            out.writeLine("\nsource (\(policy.definedAt.file):\(policy.definedAt.line)):")
            for line in source.split(separator: "\n", omittingEmptySubsequences: false) { out.writeLine("    " + line) }
        }
        for (offset, example) in policy.examples.enumerated() {
            out.writeLine("\nexample \(offset + 1) (\(example.shouldFail ? "fails" : "passes")):")
            for line in example.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { out.writeLine("    " + line) }
        }
        out.flush()
    }
}
