import Dispatch
import Portcullis
import PortcullisDiagnostics

/// The progress of a long run on standard error, when it is a terminal: files and documents done
/// out of the total, documents per second, time elapsed — one line redrawn in place a few times a
/// second, from about a second into the run, and erased at the end. Never in a pipe or a file (CI
/// logs stay clean). A thread of its own reads the run's atomic counters: the workers never wait
/// for it.
final class ProgressLine: @unchecked Sendable {
    let progress = ValidationProgress()
    /// Milliseconds before the first draw, and between draws.
    private let delay: Int
    private let interval = 200
    private let started = ContinuousClock.now
    private let stopRequest = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    /// A running progress line, or `nil` when standard error is not a terminal (or `TERM` is `dumb`).
    /// `PORTCULLIS_PROGRESS_AFTER` (seconds, default 1) sets when it first shows.
    static func start(environment: [String: String]) -> ProgressLine? {
        guard Platform.isTerminal(2), environment["TERM"] != "dumb" else { return nil }
        let seconds = environment["PORTCULLIS_PROGRESS_AFTER"].flatMap(Double.init).map { max(0, $0) } ?? 1
        let line = ProgressLine(delay: Int(seconds * 1000))
        DispatchQueue(label: "portcullis.progress").async { line.run() }
        return line
    }

    private init(delay: Int) {
        self.delay = delay
    }

    /// Stops the line and erases it (before the report is printed).
    func stop() {
        stopRequest.signal()
        stopped.wait()
    }

    private func run() {
        var drawn = false
        var wait = delay
        while stopRequest.wait(timeout: .now() + .milliseconds(wait)) == .timedOut {
            write("\r" + Self.describe(progress.snapshot, elapsed: ContinuousClock.now - started) + "\u{1B}[K")
            drawn = true
            wait = interval
        }
        if drawn { write("\r\u{1B}[K") }
        stopped.signal()
    }

    private func write(_ text: String) {
        var text = text
        _ = text.withUTF8 { Platform.writeAll(2, UnsafeRawBufferPointer($0)) }
    }

    /// `checking 1,204/5,000 files · 48,160 documents · 21,530 documents/s · 2.2 s`; while a
    /// cross-document run loads, `loading …`, then documents out of those loaded.
    static func describe(_ snapshot: ValidationProgress.Snapshot, elapsed: Duration) -> String {
        let seconds = max(0.001, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        guard snapshot.files > 0 else { return "finding files · " + tenths(seconds) + " s" }
        let loading = snapshot.loadsFirst && snapshot.filesLoaded < snapshot.files
        let documents = loading ? snapshot.documentsLoaded : snapshot.documentsChecked
        var parts = ["\(loading ? "loading" : "checking") \(grouped(loading ? snapshot.filesLoaded : snapshot.filesChecked))/\(grouped(snapshot.files)) files"]
        parts.append(snapshot.loadsFirst && !loading ? "\(grouped(documents))/\(grouped(snapshot.documentsLoaded)) documents" : "\(grouped(documents)) documents")
        parts.append("\(grouped(Int(Double(documents) / seconds))) documents/s")
        parts.append(seconds < 60 ? tenths(seconds) + " s" : "\(Int(seconds) / 60) min \(Int(seconds) % 60 < 10 ? "0" : "")\(Int(seconds) % 60) s")
        return parts.joined(separator: " · ")
    }

    /// 2.25 → `2.3`: one decimal, rounded half away from zero (as `%.1f` prints it, near enough for a
    /// progress line).
    static func tenths(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        return "\(scaled / 10).\(scaled % 10)"
    }

    /// 12345 → `12,345`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
