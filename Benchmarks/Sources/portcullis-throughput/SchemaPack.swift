import Foundation
@_spi(Benchmarks) import Portcullis

extension Throughput {
    /// The `schema` pack (every resource validated against the embedded Kubernetes schema) against
    /// loading alone, over the same sources: one core, CPU time, best of 3, interleaved. The pack's
    /// own cost is validate − load; the goal is that it costs less than loading.
    static func schemaPack(sources: [(name: String, bytes: [UInt8])], line: (String, Duration) -> String) {
        guard let policies = try? PolicySet.compile([.builtin], options: PolicyOptions(only: ["schema"])).get() else {
            print("\nschema pack: skipped, it does not compile")
            return
        }
        var options = ValidationOptions()
        options.parallel = false
        let validator = Validator(policies: policies, options: options)
        let plain = Loader()
        var loadOnly = Duration.seconds(1_000), withPack = Duration.seconds(1_000)
        var result: ValidationResult?
        for _ in 0..<3 {
            loadOnly = min(loadOnly, cpuTime { for source in sources { _ = plain.load(source) } })
            withPack = min(withPack, cpuTime { result = validator.validate(files: sources) })
        }
        guard let result else { return }
        // The pack alone: loading and evaluating timed apart, interleaved over chunks of 8 files
        // (5 rounds), so a busy machine slows both alike.
        var load = Duration.zero, evaluate = Duration.zero
        var found = 0
        for _ in 0..<5 {
            for start in stride(from: 0, to: sources.count, by: 8) {
                let chunk = Array(sources[start..<min(start + 8, sources.count)])
                var loaded: BenchmarkHooks.LoadedFiles?
                load += cpuTime { loaded = BenchmarkHooks.preload(chunk, for: policies) }
                evaluate += cpuTime { found += BenchmarkHooks.evaluate(policies, over: loaded!) }
            }
        }
        var byPolicy: [String: Int] = [:]
        for finding in result.findings { byPolicy[finding.policyID, default: 0] += 1 }
        print("\nschema pack: \(policies.policies.count) policies; findings: "
              + byPolicy.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print(line("load only (1 core, CPU)", loadOnly))
        print(line("load + schema pack (1 core, CPU)", withPack))
        print(String(format: "validate with the pack / load only: %.2f (whole runs, best of 3)", ratio(withPack, loadOnly)))
        print(String(format: "schema pack alone (evaluation) / loading: %.2f — load %.0f ms, evaluate %.0f ms, 5 interleaved rounds",
                     ratio(evaluate, load), Double(load.components.seconds) * 1000 + Double(load.components.attoseconds) / 1e15,
                     Double(evaluate.components.seconds) * 1000 + Double(evaluate.components.attoseconds) / 1e15))
    }

    /// The `.yaml` files of a folder (recursively), for `--files DIR`.
    static func files(in folder: String) -> [(name: String, bytes: [UInt8])] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).map { (name: name, bytes: Array($0)) }
        }
    }
}

extension Throughput {
    /// Compile time of the built-in packs: as before the schema pack and the type check (schema pack
    /// left out, no check), as `check` compiles them now (no check: a test proves they check
    /// cleanly), and type-checked (what checking them at every start would cost). The first
    /// type-checked compile of the process also decodes the schema (cold); best of 20 otherwise.
    static func compileTimes() {
        var cold = Duration.zero
        cold = cpuTime { _ = BenchmarkHooks.compileBuiltins(typeCheck: true) }
        var before = Duration.seconds(1_000), now = Duration.seconds(1_000), checked = Duration.seconds(1_000)
        var counts = (0, 0, 0)
        for _ in 0..<20 {
            before = min(before, cpuTime { counts.0 = BenchmarkHooks.compileBuiltins(typeCheck: false, schemaPack: false) })
            now = min(now, cpuTime { counts.1 = BenchmarkHooks.compileBuiltins(typeCheck: false) })
            checked = min(checked, cpuTime { counts.2 = BenchmarkHooks.compileBuiltins(typeCheck: true) })
        }
        func ms(_ d: Duration) -> String { String(format: "%.2f ms", Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) }
        print("\ncompile the built-in packs (1 core, CPU, best of 20):")
        print("  before (no schema pack, no type check): \(ms(before))  (\(counts.0) policies)")
        print("  now, as check compiles them (no type check): \(ms(now))  (\(counts.1) policies)")
        print("  type-checked: \(ms(checked)) warm, \(ms(cold)) cold (first in the process: decodes the schema)")
    }
}
