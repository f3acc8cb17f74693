import Benchmark
import BenchmarkPolicies
import CorpusGenerator
import PortcullisEngine
import PortcullisDiagnostics
@_spi(Benchmarks) import PortcullisManifest

/// ordo-one/benchmark suites on the same ~10 MB generated corpus: raw libyaml, the loader, and the
/// loader with 4 and 40 checks evaluated.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(5), maxIterations: 20)
    var generator = CorpusGenerator()
    let files = generator.generate(targetBytes: 10 << 20)
    let sources = files.map { SourceFile(path: $0.name, bytes: $0.bytes) }
    let loader = ManifestLoader()

    Benchmark("raw libyaml events, 10 MB") { benchmark in
        for file in files { blackHole(RawYAMLEventParser.countEvents(file.bytes)) }
    }
    Benchmark("loader arena tree, 10 MB") { benchmark in
        for source in sources { blackHole(loader.load(source).resources.count) }
    }
    Benchmark("loader + JSON of every resource, 10 MB") { benchmark in
        for source in sources {
            var writer = JSONWriter()
            for resource in loader.load(source).resources { writer.append(resource.root) }
            blackHole(writer.bytes.count)
        }
    }
    for (name, text) in [("4", BenchmarkPolicies.headline), ("40", BenchmarkPolicies.forty)] {
        let graph = PolicyCompiler.compile([SourceFile(path: "bench.policy", bytes: Array(text.utf8))]).0!
        let checker = ManifestChecker(graph: graph, loader: ManifestLoader(limits: ManifestLimits(projection: graph.projection)))
        Benchmark("loader + \(name) checks, 10 MB") { benchmark in
            for source in sources { blackHole(checker.evaluate(checker.loader.load(source)).findings.count) }
        }
    }
}
