import Foundation
@_spi(Benchmarks) import Portcullis

extension Throughput {
    /// Loading alone against a whole validation with the built-in packs (the default policies of
    /// `portcullis check`, as embedded in the library; cross-document rules included: every file
    /// loaded, then evaluated; suppressions applied), and the cost of rendering the findings in each
    /// report format. One core, CPU time, best of 3.
    static func builtinPacks(sources: [(name: String, bytes: [UInt8])], bytes: Int, documents: Int, line: (String, Duration) -> String) {
        guard let policies = try? PolicySet.builtin() else {
            print("\nbuilt-in packs: skipped, they do not compile")
            return
        }
        var options = ValidationOptions()
        options.parallel = false
        let validator = Validator(policies: policies, options: options)
        let plain = Loader()
        var loadOnly = Duration.seconds(1_000), withPacks = Duration.seconds(1_000)
        var result: ValidationResult?
        for _ in 0..<3 {
            loadOnly = min(loadOnly, cpuTime { for source in sources { _ = plain.load(source) } })
            withPacks = min(withPacks, cpuTime { result = validator.validate(files: sources) })
        }
        guard let result else { return }
        let size = BenchmarkHooks.size(of: policies)
        print("\nbuilt-in packs: \(size.rules) default policies (\(size.nodes) plan nodes), cross-document: \(policies.looksAcrossDocuments)")
        print(line("load only (1 core, CPU)", loadOnly))
        print(line("validate with packs (1 core, CPU)", withPacks) + "  \(result.findings.count) findings")
        print(String(format: "cost over loading alone: %+.0f%%", (ratio(withPacks, loadOnly) - 1) * 100))
        for format in ReportFormat.allCases {
            var best = Duration.seconds(1_000)
            var size = 0
            for _ in 0..<3 {
                best = min(best, cpuTime { size = Report(format: format, rootPath: "/").render(result).utf8.count })
            }
            // ratio(a, b) is a / b in time: rendering time over loading time.
            let share = ratio(best, loadOnly)
            print("  render " + format.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                  + String(format: "%7.1f ms  %5.1f MB  (%.0f%% of loading time)",
                           Double(best.components.attoseconds) / 1e15 + Double(best.components.seconds) * 1000, Double(size) / 1e6, share * 100))
        }
    }
}
