import Foundation
import Testing

/// The built `portcullis-server` as an operator runs it: arguments, exit status, SIGHUP, SIGTERM.
@Suite(.serialized) struct ServerProcessTests {
    /// A running server process; its standard error is collected.
    final class Running: @unchecked Sendable {
        let process = Process()
        let stderr = Pipe()
        private let lock = NSLock()
        private var collected = Data()
        private(set) var port = 0

        init(_ arguments: [String]) throws {
            process.executableURL = Binaries.url("portcullis-server")
            process.arguments = arguments
            process.currentDirectoryURL = ServerHarness.packageRoot
            process.standardError = stderr
            process.standardOutput = FileHandle.nullDevice
            stderr.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self else { return }
                self.lock.lock()
                self.collected.append(data)
                self.lock.unlock()
            }
            try process.run()
            // Hummingbird logs the address it listens on.
            for _ in 0..<600 {
                if let match = log.range(of: #"listening on 127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                    port = Int(log[match].split(separator: ":").last!)!
                    return
                }
                if !process.isRunning { break }
                usleep(50_000)
            }
            throw ProcessError(description: "the server did not start: \(log)")
        }

        var log: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: collected, as: UTF8.self)
        }

        /// Waits up to `seconds` for the process to end; its status, or nil if it still runs.
        func wait(seconds: Double) -> Int32? {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            return process.isRunning ? nil : process.terminationStatus
        }

        deinit {
            if process.isRunning { process.terminate() }
        }
    }

    struct ProcessError: Error, CustomStringConvertible { var description: String }

    static func curl(_ arguments: [String]) throws -> (status: Int32, body: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "-sS", "--max-time", "60"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static var hasCurl: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") }

    @Test(arguments: [
        (["--port", "8443"], "Give --tls-cert and --tls-key (the API server calls webhooks over HTTPS), or --insecure-http."),
        (["--port", "8443", "--tls-cert", "a.crt"], "--tls-cert and --tls-key go together."),
        (["--port", "8443", "--insecure-http", "--tls-cert", "a", "--tls-key", "b"], "Give either --tls-cert and --tls-key, or --insecure-http, not both."),
        (["--insecure-http"], "Missing expected argument '--port <port>'"),
    ])
    func usageErrorsExit2(_ arguments: [String], _ message: String) throws {
        let result = try Binaries.run("portcullis-server", arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func unusableConfigurationOrCertificateExit2() throws {
        let folder = try ScratchFolder()
        try folder.write("bad.yaml", "admission:\n  modes: {images: block}\n")
        let config = try Binaries.run("portcullis-server", ["--port", "0", "--insecure-http", "--config", folder.path + "/bad.yaml"])
        #expect(config.status == 2)
        #expect(config.stderr.contains("bad.yaml:2:19: error: 'admission.modes.images' takes enforce, warn or audit [config.invalid-value]"), "\(config.stderr)")
        let tls = try Binaries.run("portcullis-server", ["--port", "0", "--tls-cert", folder.path + "/none.crt", "--tls-key", folder.path + "/none.key"])
        #expect(tls.status == 2)
        #expect(tls.stderr.contains("the TLS certificate or key cannot be used"), "\(tls.stderr)")
    }

    @Test(.enabled(if: hasCurl, "skipped: curl is needed"))
    func sighupReloadsAndSigtermFinishesWhatIsInFlight() throws {
        let folder = try ScratchFolder()
        try folder.write("policies/team.policy", LiveServerTests.policy("set one", ["alpha"]))
        let server = try Running(["--host", "127.0.0.1", "--port", "0", "--insecure-http", "--policy", folder.path + "/policies",
                                  "--reload-interval", "3600"])
        let url = "http://127.0.0.1:\(server.port)"
        #expect(try Self.curl([url + "/readyz"]).body.hasPrefix("policy set 1: 1 policies at admission"))

        // SIGHUP: reloaded at once (the poller would wait an hour).
        try folder.write("policies/team.policy", LiveServerTests.policy("set two", ["beta", "gamma"]))
        kill(server.process.processIdentifier, SIGHUP)
        var ready = ""
        for _ in 0..<200 {
            ready = try Self.curl([url + "/readyz"]).body
            if ready.hasPrefix("policy set 2") { break }
            usleep(50_000)
        }
        #expect(ready.hasPrefix("policy set 2: 2 policies at admission"), "\(ready)\n\(server.log)")

        // SIGTERM while a large check is being evaluated: it is answered in full, then the process ends.
        let document = try String(contentsOf: ServerHarness.packageRoot.appendingPathComponent("fixtures/violations/web.yaml"), encoding: .utf8)
        try folder.write("big.yaml", Array(repeating: document, count: 6_000).joined(separator: "\n---\n"))
        let request = Process()
        request.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        request.arguments = ["curl", "-sS", "--max-time", "120", "-o", folder.path + "/report.json", "-w", "%{http_code}",
                             "--data-binary", "@" + folder.path + "/big.yaml", url + "/v1/check"]
        let out = Pipe()
        request.standardOutput = out
        try request.run()
        // Wait until the check is being evaluated (the gauge counts the /metrics request too).
        for _ in 0..<600 {
            let metrics = try Self.curl([url + "/metrics"]).body
            if let line = metrics.split(separator: "\n").first(where: { $0.hasPrefix("portcullis_http_requests_in_flight ") }),
               let value = Double(line.split(separator: " ").last ?? ""), value >= 2 { break }
            usleep(20_000)
        }
        kill(server.process.processIdentifier, SIGTERM)
        let code = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        request.waitUntilExit()
        #expect(code == "422", "the request in flight was answered: \(code)\n\(server.log)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/report.json"))) as? [String: Any]
        #expect((report?["summary"] as? [String: Any])?["resources"] as? Int == 6_000)
        #expect(server.wait(seconds: 30) == 0, "the server ended after finishing: \(server.log)")
        #expect(try Self.curl([url + "/healthz"]).status != 0, "nothing listens any more")
    }

    /// TLS with a certificate made by the test (openssl), rotated under the running process: the poller
    /// picks up the new pair and the next handshake serves it; a pair whose key is not the
    /// certificate's is refused and the previous pair keeps serving.
    @Test(.enabled(if: LiveServerTests.hasTools, "skipped: openssl and curl are needed (apt-get install openssl curl)"))
    func tlsWithARotatingCertificate() throws {
        let folder = try ScratchFolder()
        for name in ["first", "second", "third"] { try LiveServerTests.makeCertificate(in: folder, name: name) }
        try LiveServerTests.install("first", in: folder)
        let server = try Running(["--host", "127.0.0.1", "--port", "0", "--tls-cert", folder.path + "/tls.crt", "--tls-key", folder.path + "/tls.key",
                                  "--reload-interval", "0.2"])
        let url = "https://localhost:\(server.port)"
        func curl(_ anchor: String, _ extra: [String] = [], _ path: String = "/healthz") throws -> (status: Int32, body: String) {
            try Self.curl(["--cacert", folder.path + "/" + anchor + ".crt", "--resolve", "localhost:\(server.port):127.0.0.1"] + extra + [url + path])
        }
        // The certificate verifies, and a review is answered.
        let review = folder.path + "/review.json"
        try Data(ServerHarness.fixture("deny-deployment.json")).write(to: URL(fileURLWithPath: review))
        let answered = try curl("first", ["--data-binary", "@" + review], "/validate")
        #expect(answered.status == 0, "\(server.log)")
        #expect(answered.body.contains(#""allowed":false"#))
        // TLS 1.2 at least.
        #expect(try curl("first", ["--tlsv1.1", "--tls-max", "1.1"]).status != 0)
        #expect(try curl("first", ["--tlsv1.2", "--tls-max", "1.2"]).status == 0)

        // Rotation: within a few polls the new pair is served and the old anchor no longer verifies.
        try LiveServerTests.install("second", in: folder)
        var rotated = (status: Int32(-1), body: "")
        for _ in 0..<100 {
            rotated = try curl("second")
            if rotated.status == 0 { break }
            usleep(100_000)
        }
        #expect(rotated.status == 0 && rotated.body == "ok\n", "\(server.log)")
        #expect(try curl("first").status != 0)

        // A pair whose key is not the certificate's is refused; the second pair keeps serving.
        try LiveServerTests.install("third", key: "first", in: folder)
        for _ in 0..<100 where !server.log.contains("TLS certificate reload refused") { usleep(100_000) }
        #expect(server.log.contains("TLS certificate reload refused; the previous certificate keeps serving"))
        #expect(try curl("second").status == 0)
        let metrics = try curl("second", [], "/metrics").body
        #expect(metrics.contains(#"portcullis_tls_certificate_reloads_total{result="success"} 1"#), "\(metrics)")
        #expect(metrics.contains(#"portcullis_tls_certificate_reloads_total{result="failure"} 1"#))
    }
}
