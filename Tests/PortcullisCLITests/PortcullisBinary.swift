import Foundation

/// Runs the built `portcullis` executable the way a user does: real files, real exit codes.
struct PortcullisBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (two folders above this file's folder).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the package, when present.
    static var sharedFolder: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The executable: beside the test bundle (same build folder), or `PORTCULLIS_BIN`.
    static let url: URL = {
        if let override = ProcessInfo.processInfo.environment["PORTCULLIS_BIN"] { return URL(fileURLWithPath: override) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("portcullis")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/portcullis")
    }()

    /// The compiled-policy cache folder of the binaries these tests run (unless one is set already,
    /// as `make test` does): a folder of this test process's own, never the user's cache.
    static let cacheFolder = ProcessInfo.processInfo.environment["PORTCULLIS_CACHE_DIR"]
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-tests-cache-\(getpid())").path

    /// The environment for the binaries these tests start (directly, through pre-commit, a shell or
    /// a script): this process's, with the cache folder above.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PORTCULLIS_CACHE_DIR"] = cacheFolder
        return environment
    }

    /// Whether python3 can import `module` (tests that need it skip, saying so, when it cannot).
    static func pythonHas(module: String) -> Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import \(module)"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    /// Runs one of the repository's Python scripts (scripts/NAME) with `arguments`.
    static func runScript(_ name: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/" + name).path] + arguments
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// Runs the binary with `arguments`; with `launcher`, through that program (`/usr/bin/env`
    /// finds it), which is handed the binary's path and the arguments to start it with.
    static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        workingDirectory: URL = packageRoot, launcher: [String] = []
    ) throws -> Result {
        let process = Process()
        process.executableURL = launcher.isEmpty ? url : URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = launcher.isEmpty ? arguments : launcher + [url.path] + arguments
        process.currentDirectoryURL = workingDirectory
        var env = Self.environment
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes to the end concurrently, so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let errThread = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errThread.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errThread.isExecuting || !errThread.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
