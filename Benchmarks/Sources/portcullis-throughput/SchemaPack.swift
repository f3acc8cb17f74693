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
        var byPolicy: [String: Int] = [:]
        for finding in result.findings { byPolicy[finding.policyID, default: 0] += 1 }
        print("\nschema pack: \(policies.policies.count) policies; findings: "
              + byPolicy.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print(line("load only (1 core, CPU)", loadOnly))
        print(line("load + schema pack (1 core, CPU)", withPack))
        let packOnly = withPack - loadOnly
        print(String(format: "schema pack alone / loading: %.2f (the pack costs %.0f%% of the loader's time)",
                     ratio(packOnly, loadOnly), ratio(packOnly, loadOnly) * 100))
    }

    /// The `.yaml` files of a folder (recursively), for `--files DIR`.
    static func files(in folder: String) -> [(name: String, bytes: [UInt8])] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).map { (name: name, bytes: Array($0)) }
        }
    }
}
