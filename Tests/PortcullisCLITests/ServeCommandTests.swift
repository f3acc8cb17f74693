import Foundation
import Testing

/// `portcullis serve` runs `portcullis-server` from beside itself, so `check` never links the server.
@Suite struct ServeCommandTests {
    @Test func serveRunsTheServerWithTheSameArguments() throws {
        let help = try PortcullisBinary.run(["serve", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: portcullis serve"), "\(help.stdout)")
        #expect(help.stdout.contains("--insecure-http"))
        let usage = try PortcullisBinary.run(["serve", "--port", "8443"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("Give --tls-cert and --tls-key"), "\(usage.stderr)")
        #expect(try PortcullisBinary.run(["--help"]).stdout.contains("serve"))
    }

    @Test func aMissingServerIsAClearError() throws {
        let dir = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: PortcullisBinary.url.path, toPath: dir.path + "/portcullis")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dir.path + "/portcullis")
        process.arguments = ["serve", "--port", "8443", "--insecure-http"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(text.contains("error: \(dir.path)/portcullis-server not found"), "\(text)")
        try? FileManager.default.removeItem(atPath: dir.path)
    }

    @Test func checkDoesNotLinkTheServer() throws {
        // The pre-commit path stays small: no NIO, no Hummingbird, no BoringSSL in `portcullis`.
        let symbols = Process()
        symbols.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        symbols.arguments = ["sh", "-c", "strings '\(PortcullisBinary.url.path)' | grep -c -E 'NIOPosix|HummingbirdCore|CNIOBoringSSL' || true"]
        let out = Pipe()
        symbols.standardOutput = out
        try symbols.run()
        let count = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        symbols.waitUntilExit()
        #expect(count == "0", "portcullis mentions the server's libraries \(count) times")
    }
}
