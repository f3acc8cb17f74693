import Foundation

/// The package's built executables (`portcullis`, `portcullis-server`), run as a user runs them.
enum Binaries {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `name` beside the test bundle (the same build folder).
    static func url(_ name: String) -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return ServerHarness.packageRoot.appendingPathComponent(".build/debug/" + name)
    }

    /// Runs `name` with `arguments` from the package root; standard input from `stdin`.
    static func run(_ name: String, _ arguments: [String], stdin: [UInt8] = []) throws -> Result {
        let process = Process()
        process.executableURL = url(name)
        process.arguments = arguments
        process.currentDirectoryURL = ServerHarness.packageRoot
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(stdin))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        nonisolated(unsafe) var errData = Data()
        let errThread = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errThread.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errThread.isFinished || !writer.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
