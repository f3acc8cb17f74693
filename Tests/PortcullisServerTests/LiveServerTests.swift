import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Portcullis
@testable import PortcullisServer
import Synchronization
import Testing

/// Over a real socket: plain HTTP (`.live`, `.ahc`), TLS with a certificate the test makes, and a
/// policy set swapped under load.
@Suite(.serialized) struct LiveServerTests {
    @Test func storedPayloadsOverARealSocket() async throws {
        let harness = try ServerHarness()
        try await harness.application().test(.live) { client in
            let answer1 = try ReviewAnswer(try await client.review(ServerHarness.fixture("allow-deployment.json")).body)
            #expect(answer1.allowed)
            let denied = try ReviewAnswer(try await client.review(ServerHarness.fixture("deny-deployment.json")).body)
            #expect(!denied.allowed && denied.code == 403)
            let warned = try ReviewAnswer(try await client.review(ServerHarness.fixture("warn-deployment.json")).body)
            #expect(warned.allowed && warned.warnings.count == 1)
            let answer2 = try ReviewAnswer(try await client.review(ServerHarness.fixture("delete-deployment.json")).body)
            #expect(answer2.allowed)
            let status3 = try await client.review(ServerHarness.fixture("truncated-body.txt")).status
            #expect(status3 == .badRequest)
            let status4 = try await client.review(ServerHarness.fixture("wrong-api-version.json")).status
            #expect(status4 == .badRequest)
            let big = [UInt8](repeating: UInt8(ascii: " "), count: 3 * 1024 * 1024)
            let status5 = try await client.review(big).status
            #expect(status5 == .contentTooLarge)
        }
    }

    // MARK: TLS

    /// A self-signed certificate for localhost and 127.0.0.1, made with openssl.
    static func makeCertificate(in folder: ScratchFolder, name: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                             "-keyout", folder.path + "/\(name).key", "-out", folder.path + "/\(name).crt", "-days", "2",
                             "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// Installs `name`'s pair as the serving files (each replaced atomically, key first).
    static func install(_ name: String, key keyName: String? = nil, in folder: ScratchFolder) throws {
        let fm = FileManager.default
        for (source, target) in [("\(keyName ?? name).key", "tls.key"), ("\(name).crt", "tls.crt")] {
            try? fm.removeItem(atPath: folder.path + "/next")
            try fm.copyItem(atPath: folder.path + "/" + source, toPath: folder.path + "/next")
            #expect(rename(folder.path + "/next", folder.path + "/" + target) == 0)
        }
    }

    static var hasTools: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")
    }

    // MARK: Hot reload

    static func policy(_ set: String, _ names: [String]) -> String {
        names.map { name in
            """
            policy "team/\(name)" {
              severity error
              match kind Deployment
              deny when metadata.name exists
              message "\(set): \(name)"
              at metadata.name
            }

            """
        }.joined()
    }

    @Test func policiesSwappedUnderLoadAnswerFromTheOldOrTheNewSet() async throws {
        let folder = try ScratchFolder()
        try folder.write("one/team.policy", Self.policy("set one", ["alpha", "beta"]))
        try folder.write("two/team.policy", Self.policy("set two", ["gamma", "delta"]))
        try folder.write("broken/team.policy", "policy \"team/broken\" {\n  severity fatal\n")
        // A ConfigMap volume swaps a link to a new folder in one rename; so does this test.
        let point: @Sendable (String) -> Void = { target in
            try? FileManager.default.removeItem(atPath: folder.path + "/next")
            try? FileManager.default.createSymbolicLink(atPath: folder.path + "/next", withDestinationPath: target)
            #expect(rename(folder.path + "/next", folder.path + "/current") == 0)
        }
        point("one")
        let harness = try ServerHarness(folder: folder) { options in
            options.policyPaths = [folder.path + "/current"]
            options.reloadInterval = .milliseconds(20)
        }
        let one: Set<String> = ["team/alpha", "team/beta"], two: Set<String> = ["team/gamma", "team/delta"]
        let body = try ServerHarness.fixture("deny-deployment.json")
        let stop = StopFlag()
        try await harness.application().test(.ahc(.http)) { client in
            let answers = try await withThrowingTaskGroup(of: [Set<String>].self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        var seen: [Set<String>] = []
                        while !stop.value.load(ordering: .relaxed) && seen.count < 2000 {
                            let response = try await client.review(body)
                            #expect(response.status == .ok)
                            let answer = try ReviewAnswer(response.body)
                            #expect(!answer.allowed)
                            seen.append(answer.namedPolicies)
                        }
                        return seen
                    }
                }
                try await Task.sleep(for: .milliseconds(300))
                point("two")
                // The poller notices within its interval; wait for the new set to answer.
                for _ in 0..<1000 where !harness.server.store.current.checkPolicies.policies.contains(where: { $0.id == "team/gamma" }) {
                    try await Task.sleep(for: .milliseconds(10))
                }
                try await Task.sleep(for: .milliseconds(300))
                point("broken")
                for _ in 0..<1000 where harness.server.store.lastFailure == nil { try await Task.sleep(for: .milliseconds(10)) }
                try await Task.sleep(for: .milliseconds(200))
                stop.value.store(true, ordering: .relaxed)
                var all: [Set<String>] = []
                for try await seen in group { all += seen }
                return all
            }
            #expect(answers.count > 50, "\(answers.count) answers under load")
            #expect(answers.allSatisfy { $0 == one || $0 == two }, "every answer comes from one whole set: \(Set(answers))")
            #expect(answers.contains(one) && answers.contains(two))
            #expect(answers.last == two, "the broken set was refused")
            let ready = try await client.executeRequest(uri: "/readyz", method: .get, headers: [:], body: nil)
            let text = String(buffer: ready.body)
            #expect(text.hasPrefix("policy set 2: 2 policies at admission"), "\(text)")
            #expect(text.contains("last reload refused (the set above keeps serving):\n"), "\(text)")
            #expect(text.contains("team.policy:2:12: error:"), "the refusal names the line and column: \(text)")
        }
        let metrics = harness.server.renderMetrics()
        #expect(metrics.contains(#"portcullis_policy_reloads_total{result="success"} 1"#), "\(metrics)")
        #expect(metrics.contains(#"portcullis_policy_reloads_total{result="failure"} 1"#))
        #expect(harness.logs.entries.contains { $0.level == .error && $0.message.description.hasPrefix("policy reload refused") })
    }
}

/// A flag the load tasks read and the test sets.
final class StopFlag: Sendable {
    let value = Atomic(false)
}
