import BenchmarkPolicies
import CorpusGenerator
import Dispatch
import Foundation
@_spi(Benchmarks) import Portcullis

/// Loader throughput next to raw libyaml event parsing of the same bytes, measured in one run.
///
/// Usage: portcullis-throughput [MEGABYTES] [--write DIR] [--loader-only] [--forty-only] [--packs-only]
/// Generates MEGABYTES (default 100) of manifests in memory, then for several rounds times, in
/// turn, raw libyaml parsing and the loader on one core (CPU time, interleaved per chunk of files),
/// and the loader on every core (wall clock, best round).
enum Throughput {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var writeFolder: String?
        if let flag = arguments.firstIndex(of: "--write"), flag + 1 < arguments.count {
            writeFolder = arguments[flag + 1]
            arguments.removeSubrange(flag...(flag + 1))
        }
        if arguments.contains("--compile-times") {
            compileTimes()
            return
        }
        if let flag = arguments.firstIndex(of: "--schema-files"), flag + 1 < arguments.count {
            // The schema pack over a folder of manifests (../shared/gen's output): nothing else.
            let sources = files(in: arguments[flag + 1])
            let bytes = sources.reduce(0) { $0 + $1.bytes.count }
            print("corpus: \(sources.count) files, \(String(format: "%.1f", Double(bytes) / 1e6)) MB from \(arguments[flag + 1])")
            schemaPack(sources: sources) { name, duration in
                let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
                return "\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", Double(bytes) / 1e6 / seconds)) MB/s"
            }
            return
        }
        let megabytes = arguments.first.flatMap(Int.init) ?? 100
        var generator = CorpusGenerator()
        let files = generator.generate(targetBytes: megabytes << 20)
        let bytes = files.reduce(0) { $0 + $1.bytes.count }
        let documents = files.reduce(0) { $0 + $1.documents }
        if let writeFolder {
            try? FileManager.default.createDirectory(atPath: writeFolder, withIntermediateDirectories: true)
            for file in files {
                FileManager.default.createFile(atPath: writeFolder + "/" + file.name, contents: Data(file.bytes))
            }
            print("wrote \(files.count) files to \(writeFolder)")
            return
        }
        print("corpus: \(files.count) files, \(documents) documents, \(String(format: "%.1f", Double(bytes) / 1e6)) MB (generated in memory)")
        let sources = files.map { (name: $0.name, bytes: $0.bytes) }
        let loader = Loader()

        // Correctness first: every document loads, none is lost.
        let loaded = sources.reduce(0) { $0 + loader.load($1) }
        precondition(loaded == documents, "loaded \(loaded) resources of \(documents) documents")

        if arguments.contains("--forty-only") {  // for profilers: loading + 40 checks, 3 times
            let policies = try! PolicySet.compile([.text(BenchmarkPolicies.forty, name: "b.policy")]).get()
            for _ in 0..<3 { for source in sources { _ = BenchmarkHooks.loadAndEvaluate(source.bytes, name: source.name, policies: policies) } }
            return
        }
        if arguments.contains("--packs-only") {  // just the built-in packs section
            builtinPacks(sources: sources, bytes: bytes, documents: documents) { name, duration in "\(name): \(duration)" }
            return
        }
        if arguments.contains("--loader-only") {  // for profilers: nothing but the loader, 5 times
            for _ in 0..<5 { for source in sources { _ = loader.load(source) } }
            return
        }
        // One core: raw libyaml and the loader alternate over the same chunk of files, and each is
        // timed by the thread's CPU clock, so another process taking the core slows neither figure.
        var raw = Duration.zero, single = Duration.zero, parallel = Duration.seconds(1_000)
        let rounds = 3
        let chunk = 8
        for _ in 0..<rounds {
            for start in stride(from: 0, to: sources.count, by: chunk) {
                let range = start..<min(start + chunk, sources.count)
                raw += cpuTime {
                    var events = 0
                    for index in range { events += BenchmarkHooks.rawLibyamlEvents(files[index].bytes).events }
                    precondition(events > 0)
                }
                single += cpuTime {
                    var count = 0
                    for index in range { count += loader.load(sources[index]) }
                    precondition(count > 0)
                }
            }
            parallel = min(parallel, time {
                let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: sources.count)
                defer { counts.deallocate() }
                nonisolated(unsafe) let slots = counts
                DispatchQueue.concurrentPerform(iterations: sources.count) { index in
                    slots[index] = loader.load(sources[index])
                }
                precondition(counts.reduce(0, +) == documents)
            })
        }
        raw /= rounds
        single /= rounds
        // Wall clock of one core for the parallel comparison, measured the same way as `parallel`.
        let singleWall = time {
            for source in sources { _ = loader.load(source) }
        }
        func line(_ name: String, _ duration: Duration) -> String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return "\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", Double(bytes) / 1e6 / seconds)) MB/s  \(String(format: "%10.0f", Double(documents) / seconds)) docs/s"
        }
        print(line("raw libyaml events (1 core, CPU)", raw))
        print(line("loader, arena tree (1 core, CPU)", single))
        print(line("loader, arena tree (1 core, wall)", singleWall))
        print(line("loader, arena tree (\(ProcessInfo.processInfo.activeProcessorCount) cores, wall)", parallel))
        print(String(format: "loader / raw libyaml: %.2fx (1 core, CPU time)", ratio(raw, single)))
        print(String(format: "parallel / single: %.2fx (wall clock)", ratio(singleWall, parallel)))
        evaluation(sources: sources, documents: documents, bytes: bytes, line: line)
        builtinPacks(sources: sources, bytes: bytes, documents: documents, line: line)
        schemaPack(sources: sources, line: line)
    }

    /// Loading alone against loading + evaluating 4 and 40 checks, one core, CPU time, interleaved
    /// per chunk; then loading + 40 checks on one core against every core (wall clock).
    static func evaluation(sources: [(name: String, bytes: [UInt8])], documents: Int, bytes: Int, line: (String, Duration) -> String) {
        func policies(_ text: String) -> PolicySet {
            let compilation = PolicySet.compile([.text(text, name: "bench.policy")])
            precondition(compilation.policySet != nil, "benchmark policies do not compile: \(compilation.diagnostics)")
            return compilation.policySet!
        }
        let four = policies(BenchmarkPolicies.headline)
        let forty = policies(BenchmarkPolicies.forty)
        let loader = Loader()
        // `portcullis check` loads with the policies' projection: fields no rule reads are parsed, not built.
        @Sendable func evaluate(_ set: PolicySet, _ source: (name: String, bytes: [UInt8]), projection: Bool = true) -> Int {
            BenchmarkHooks.loadAndEvaluate(source.bytes, name: source.name, policies: set, projection: projection)
        }
        print("\nevaluation: \(BenchmarkHooks.size(of: four).rules) and \(BenchmarkHooks.size(of: forty).rules) policies (\(BenchmarkHooks.size(of: forty).nodes) plan nodes)")
        var loadOnly = Duration.zero, withFour = Duration.zero, withForty = Duration.zero
        var withFourFull = Duration.zero, withFortyFull = Duration.zero
        var findingsFour = 0, findingsForty = 0
        for round in 0..<3 {
            for start in stride(from: 0, to: sources.count, by: 8) {
                let range = start..<min(start + 8, sources.count)
                loadOnly += cpuTime { for index in range { _ = loader.load(sources[index]) } }
                withFour += cpuTime {
                    for index in range { let n = evaluate(four, sources[index]); if round == 0 { findingsFour += n } }
                }
                withForty += cpuTime {
                    for index in range { let n = evaluate(forty, sources[index]); if round == 0 { findingsForty += n } }
                }
                withFourFull += cpuTime { for index in range { _ = evaluate(four, sources[index], projection: false) } }
                withFortyFull += cpuTime { for index in range { _ = evaluate(forty, sources[index], projection: false) } }
            }
        }
        print(line("load only (1 core, CPU)", loadOnly / 3))
        print(line("load + 4 checks (1 core, CPU)", withFour / 3) + "  \(findingsFour) findings")
        print(line("load + 40 checks (1 core, CPU)", withForty / 3) + "  \(findingsForty) findings")
        print(line("  same, no projection: 4 checks", withFourFull / 3))
        print(line("  same, no projection: 40 checks", withFortyFull / 3))
        print(String(format: "cost over loading alone: 4 checks %+.0f%%, 40 checks %+.0f%% (without projection: %+.0f%%, %+.0f%%)",
                     (ratio(withFour, loadOnly) - 1) * 100, (ratio(withForty, loadOnly) - 1) * 100,
                     (ratio(withFourFull, loadOnly) - 1) * 100, (ratio(withFortyFull, loadOnly) - 1) * 100))
        var single = Duration.seconds(1_000), parallel = Duration.seconds(1_000)
        for _ in 0..<3 {
            single = min(single, time { for source in sources { _ = evaluate(forty, source) } })
            parallel = min(parallel, time {
                let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: sources.count)
                defer { counts.deallocate() }
                nonisolated(unsafe) let slots = counts
                DispatchQueue.concurrentPerform(iterations: sources.count) { index in
                    slots[index] = evaluate(forty, sources[index])
                }
            })
        }
        print(line("load + 40 checks (1 core, wall)", single))
        print(line("load + 40 checks (\(ProcessInfo.processInfo.activeProcessorCount) cores, wall)", parallel))
        print(String(format: "parallel evaluation / single: %.2fx (wall clock)", ratio(single, parallel)))
    }

    /// CPU time of the calling thread spent in `body`.
    static func cpuTime(_ body: () -> Void) -> Duration {
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        let nanoseconds = (end.tv_sec - start.tv_sec) * 1_000_000_000 + (end.tv_nsec - start.tv_nsec)
        return .nanoseconds(nanoseconds)
    }

    static func time(_ body: () -> Void) -> Duration {
        let clock = ContinuousClock()
        return clock.measure(body)
    }

    /// How fast `measured` ran relative to `baseline` (1.0 = same speed): baseline time / measured time.
    static func ratio(_ baseline: Duration, _ measured: Duration) -> Double {
        let b = Double(baseline.components.seconds) + Double(baseline.components.attoseconds) / 1e18
        let m = Double(measured.components.seconds) + Double(measured.components.attoseconds) / 1e18
        return b / m
    }
}

/// Loading alone, through the library's benchmark hooks.
struct Loader: Sendable {
    var policies: PolicySet?

    /// Loads one file; the number of resources.
    func load(_ source: (name: String, bytes: [UInt8])) -> Int {
        BenchmarkHooks.load(source.bytes, name: source.name, projectionOf: policies)
    }
}
