import ArgumentParser
import Foundation
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest

/// `portcullis check`: evaluates the policies over manifests and reports findings compiler-style.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check manifests against the policies; report findings as file:line:column: severity: message [policy].",
        discussion: "Exit status: 0 no finding at or above --fail-on, 1 such findings, 2 usage, policy or input errors."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var policies: PolicyOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Fail (exit 1) on findings of this severity or higher: error, warning, info.")
    var failOn: Severity = .error

    @Option(help: "Colour: auto (a terminal without NO_COLOR), always, never.")
    var color: ColorMode = .auto

    @Flag(name: .shortAndLong, help: "Print only problems, no summary.")
    var quiet = false

    @Flag(help: "Print the compiled rule graph (rules per kind, shared nodes) and exit.")
    var explainPlan = false

    @Flag(help: "Build every field of every resource, even those no policy reads.")
    var noProjection = false

    func run() throws {
        var out = OutputStream.standardOutput
        let printer = DiagnosticPrinter(color: color, fileDescriptor: out.descriptor)
        let (graph, policySources, policyDiagnostics) = policies.compile()
        if !policyDiagnostics.isEmpty {
            var err = OutputStream.standardError
            for diagnostic in policyDiagnostics.sorted(by: Diagnostic.reportOrder) {
                err.writeLine(printer.renderer.render(diagnostic, source: policySources.first { $0.path == diagnostic.path }))
            }
            err.flush()
        }
        guard let graph else { throw ExitCode(2) }
        if explainPlan {
            out.write(PlanExplainer.explain(graph))
            out.flush()
            return
        }
        try input.requirePaths()
        let clock = ContinuousClock()
        let started = clock.now
        let discovery = InputDiscovery(excludes: input.excludes.map(GlobPattern.init), standardInputName: input.stdinFilename)
        let (inputs, discoveryDiagnostics) = discovery.collect(input.paths)
        var limits = ManifestLimits(maxFileBytes: input.maxFileSize, maxDepth: input.maxDepth)
        if !noProjection { limits.projection = graph.projection }
        let checker = ManifestChecker(graph: graph, loader: ManifestLoader(limits: limits))
        let results = checker.check(inputs, parallel: !input.serial)
        let elapsed = clock.now - started

        let diagnostics = discoveryDiagnostics + results.flatMap { $0.file.diagnostics + $0.issues }
        let findings = results.flatMap(\.findings)
        switch format {
        case .json:
            out.write(JSONReport.render(results: results, discoveryDiagnostics: discoveryDiagnostics, graph: graph))
        case .text:
            printer.print(discoveryDiagnostics, source: nil, to: &out)
            let findingPrinter = FindingPrinter(renderer: printer.renderer)
            for result in results {
                // Loader problems and findings of one file together, in line order.
                var entries: [(SourceLocation, String)] = []
                for diagnostic in result.file.diagnostics + result.issues {
                    entries.append((diagnostic.span?.start ?? SourceLocation(line: 0, column: 0), printer.renderer.render(diagnostic, source: result.file.source)))
                }
                for finding in result.findings {
                    entries.append((finding.span.start, findingPrinter.render(finding, source: result.file.source)))
                }
                for entry in entries.enumerated().sorted(by: { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }) {
                    out.writeLine(entry.element.1)
                }
            }
            if !quiet {
                let resources = results.reduce(0) { $0 + $1.file.resources.count }
                let bySeverity = Severity.allCases.reversed().map { severity in
                    let n = findings.filter { $0.severity == severity }.count
                    return "\(n) \(severity.rawValue)\(n == 1 ? "" : "s")"
                }.joined(separator: ", ")
                let problems = diagnostics.filter { $0.severity == .error }.count
                let milliseconds = Int(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
                out.writeLine("checked \(inputs.count) file\(inputs.count == 1 ? "" : "s"), \(resources) resource\(resources == 1 ? "" : "s") against \(graph.rules.count) polic\(graph.rules.count == 1 ? "y" : "ies"): \(bySeverity); \(problems) input error\(problems == 1 ? "" : "s") (\(milliseconds) ms)")
            }
        }
        out.flush()
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
        if findings.contains(where: { $0.severity >= failOn }) { throw ExitCode(1) }
    }
}
