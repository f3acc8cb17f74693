import Benchmark
import CorpusGenerator
import PortcullisDiagnostics
@_spi(Benchmarks) import PortcullisManifest

/// ordo-one/benchmark suites: the loader and raw libyaml on the same ~10 MB generated corpus.
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
}
