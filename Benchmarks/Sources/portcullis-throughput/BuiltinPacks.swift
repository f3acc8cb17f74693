import Foundation
import PortcullisDiagnostics
import PortcullisEngine
@_spi(Benchmarks) import PortcullisManifest
import PortcullisReport

extension Throughput {
    /// Loading alone against loading + the built-in packs (the default policies of `portcullis check`,
    /// read from ../policies, cross-document rules included: every file loaded, then evaluated), and
    /// the cost of rendering the findings in each report format. One core, CPU time, best of 3.
    static func builtinPacks(sources: [SourceFile], bytes: Int, documents: Int, line: (String, Duration) -> String) {
        let folder = ProcessInfo.processInfo.environment["PORTCULLIS_POLICIES"] ?? "../policies"
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".policy") }.sorted()
        let policySources = files.compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).map { SourceFile(path: name, bytes: Array($0)) }
        }
        guard !policySources.isEmpty, let graph = PolicyCompiler.compile(policySources).0 else {
            print("\nbuilt-in packs: skipped, no policies compile under \(folder)")
            return
        }
        let checker = ManifestChecker(graph: graph)
        let plain = ManifestLoader()
        let projected = ManifestLoader(limits: ManifestLimits(projection: graph.projection))
        var loadOnly = Duration.seconds(1_000), withPacks = Duration.seconds(1_000)
        var findings: [Finding] = []
        var loadedFiles: [ManifestFile] = []
        for _ in 0..<3 {
            loadOnly = min(loadOnly, cpuTime { for source in sources { _ = plain.load(source).resources.count } })
            withPacks = min(withPacks, cpuTime {
                let loaded = sources.map { projected.load($0) }
                let inputSet = InputSet(files: loaded)
                findings = loaded.flatMap { checker.evaluate($0, in: inputSet).findings }
                loadedFiles = loaded
            })
        }
        print("\nbuilt-in packs: \(graph.rules.count) default policies (\(graph.nodes.count) plan nodes), cross-document: \(graph.isCrossDocument)")
        print(line("load only (1 core, CPU)", loadOnly))
        print(line("load + packs (1 core, CPU)", withPacks) + "  \(findings.count) findings")
        print(String(format: "cost over loading alone: %+.0f%%", (ratio(withPacks, loadOnly) - 1) * 100))
        let report = RunReport(findings: findings, diagnostics: [], rules: graph.rules.map(\.info), sources: loadedFiles.map(\.source),
                               resourceCount: documents)
        for format in ReportFormat.allCases {
            var best = Duration.seconds(1_000)
            var size = 0
            for _ in 0..<3 {
                best = min(best, cpuTime { size = format.reporter().render(report).utf8.count })
            }
            // ratio(a, b) is a / b in time: rendering time over loading time.
            let share = ratio(best, loadOnly)
            print(String(format: "  render %-6@ %6.1f ms  %5.1f MB  (%.0f%% of loading time)", format.rawValue as NSString,
                         Double(best.components.attoseconds) / 1e15 + Double(best.components.seconds) * 1000, Double(size) / 1e6, share * 100))
        }
    }
}
