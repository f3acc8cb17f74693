import ArgumentParser
import PortcullisEngine

/// `portcullis rules`: the loaded policies, one per line.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the loaded policies: id, severity, title.")

    @OptionGroup var policies: PolicyOptions
    @OptionGroup var configuration: ConfigOptions

    @Flag(help: "Print the policy reference as Markdown (docs/policies.md).")
    var markdown = false

    func run() throws {
        let project = try configuration.load(printer: DiagnosticPrinter(color: .never, fileDescriptor: 2))
        let (graph, _, diagnostics) = policies.compile(config: project)
        var out = OutputStream.standardOutput
        for diagnostic in diagnostics { out.writeLine(DiagnosticPrinter(color: .never, fileDescriptor: 1).renderer.render(diagnostic, source: nil)) }
        guard let graph else { out.flush(); throw ExitCode(2) }
        if markdown {
            out.write(PolicyMarkdown.render(graph.rules))
            out.flush()
            return
        }
        let width = graph.rules.map(\.info.id.count).max() ?? 0
        for rule in graph.rules.sorted(by: { $0.info.id < $1.info.id }) {
            let id = rule.info.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.info.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            out.writeLine("\(id)  \(severity)  \(rule.info.title ?? "")" + (rule.info.enabledByDefault ? "" : "  (opt-in)"))
        }
        out.flush()
    }
}

/// `portcullis explain ID`: one policy in full, with its examples.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show one policy: what it checks, why, how to fix it, and its examples.")

    @Argument(help: "The policy id, e.g. images/no-latest-tag.")
    var id: String

    @OptionGroup var policies: PolicyOptions

    func run() throws {
        let (graph, _, _) = policies.compile()
        var out = OutputStream.standardOutput
        guard let graph else { throw ExitCode(2) }
        guard let rule = graph.rule(id: id) else {
            var err = OutputStream.standardError
            err.writeLine("error: no policy '\(id)' (see `portcullis rules`)")
            err.flush()
            throw ExitCode(2)
        }
        let info = rule.info
        out.writeLine("\(info.id) — \(info.title ?? "")")
        out.writeLine("severity: \(info.severity.rawValue)" + (info.tags.isEmpty ? "" : "   tags: " + info.tags.joined(separator: ", ")))
        out.writeLine("defined in: \(info.path):\(info.span.start.line)")
        if let description = info.description { out.writeLine("\n" + description) }
        if let help = info.help { out.writeLine("\nhelp: " + help) }
        if let remediation = info.remediation { out.writeLine("remediation: " + remediation) }
        if let url = info.helpURL { out.writeLine("see: " + url) }
        for (offset, example) in info.examples.enumerated() {
            out.writeLine("\nexample \(offset + 1) (\(example.shouldFail ? "fails" : "passes")):")
            for line in example.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { out.writeLine("    " + line) }
        }
        out.flush()
    }
}
