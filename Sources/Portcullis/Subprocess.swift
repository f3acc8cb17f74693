import Foundation

/// Runs a program to its end with a time limit and collects what it printed: kustomize renderings
/// and git's list of changed files. Standard input is empty; standard output and error are read
/// concurrently, so a full pipe never blocks the child.
struct Subprocess {
    /// What the program did.
    struct Output: Sendable {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]
        /// Stopped (SIGTERM, then SIGKILL) because it ran past the time limit.
        var timedOut: Bool

        var succeeded: Bool { !timedOut && status == 0 }
        /// Standard error as text, trimmed (what to quote in a diagnostic).
        var errorText: String {
            String(decoding: standardError, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The program could not be started.
    struct LaunchFailure: Error, Sendable {
        var executable: String
        var reason: String
    }

    var executable: String
    var arguments: [String]
    var workingDirectory: String?
    var timeout: Duration

    func run() throws(LaunchFailure) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw LaunchFailure(executable: executable, reason: (error as NSError).localizedDescription)
        }
        let readers = DispatchGroup()
        let collected = Collected()
        for (pipe, isError) in [(out, false), (err, true)] {
            let handle = pipe.fileHandleForReading
            DispatchQueue.global().async(group: readers) {
                let data = handle.readDataToEndOfFile()
                collected.set(Array(data), isError: isError)
            }
        }
        var timedOut = false
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        readers.wait()
        return Output(status: process.terminationStatus, standardOutput: collected.output, standardError: collected.error, timedOut: timedOut)
    }

    /// The executable called `name` in the folders of a `PATH` value, if any.
    static func find(_ name: String, searchPath: String?) -> String? {
        for folder in (searchPath ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/" + name
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }
}

/// The two outputs, written by the reader threads and read after both are done.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var outputBytes: [UInt8] = []
    private var errorBytes: [UInt8] = []

    func set(_ bytes: [UInt8], isError: Bool) {
        lock.withLock { if isError { errorBytes = bytes } else { outputBytes = bytes } }
    }

    var output: [UInt8] { lock.withLock { outputBytes } }
    var error: [UInt8] { lock.withLock { errorBytes } }
}
