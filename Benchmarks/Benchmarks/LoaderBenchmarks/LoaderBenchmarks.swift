import Benchmark
import BenchmarkPolicies
import CorpusGenerator
@_spi(Benchmarks) import Portcullis

/// ordo-one/benchmark suites on the same ~10 MB generated corpus: raw libyaml, the loader, the
/// loader with 4 and 40 checks evaluated, and a whole validation with the built-in packs.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(5), maxIterations: 20)
    var generator = CorpusGenerator()
    let files = generator.generate(targetBytes: 10 << 20)
    let sources = files.map { (name: $0.name, bytes: $0.bytes) }

    Benchmark("raw libyaml events, 10 MB") { benchmark in
        for file in files { blackHole(BenchmarkHooks.rawLibyamlEvents(file.bytes)) }
    }
    Benchmark("loader arena tree, 10 MB") { benchmark in
        for source in sources { blackHole(BenchmarkHooks.load(source.bytes, name: source.name)) }
    }
    Benchmark("loader + JSON of every resource, 10 MB") { benchmark in
        for source in sources { blackHole(BenchmarkHooks.loadAndWriteJSON(source.bytes, name: source.name)) }
    }
    for (name, text) in [("4", BenchmarkPolicies.headline), ("40", BenchmarkPolicies.forty)] {
        let policies = try! PolicySet.compile([.text(text, name: "bench.policy")]).get()
        Benchmark("loader + \(name) checks, 10 MB") { benchmark in
            for source in sources { blackHole(BenchmarkHooks.loadAndEvaluate(source.bytes, name: source.name, policies: policies)) }
        }
    }
    let builtin = try! PolicySet.builtin()
    Benchmark("validate with the built-in packs, 10 MB") { benchmark in
        blackHole(Validator(policies: builtin).validate(files: sources).findings.count)
    }
}
