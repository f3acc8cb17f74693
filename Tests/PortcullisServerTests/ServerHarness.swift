import Foundation
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import Logging
import NIOCore
@testable import PortcullisServer

/// Servers for tests: a scratch folder for policies, configuration and certificates; a logger
/// whose lines the test can read; the stored AdmissionReview payloads of fixtures/admission.
struct ServerHarness {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let folder: ScratchFolder
    let logs = InMemoryLogHandler()
    let server: AdmissionServer

    /// A server on 127.0.0.1 (port 0 when live), plain HTTP unless `tls`; `configuration` is
    /// written to `.portcullis.yaml` in the scratch folder, `policies` to files in its `policies/`.
    init(configuration: String? = nil, policies: [String: String]? = nil, tls: TLSFiles? = nil,
         folder: ScratchFolder? = nil, tweak: (inout ServerOptions) -> Void = { _ in }) throws {
        let folder = try folder ?? ScratchFolder()
        self.folder = folder
        var options = ServerOptions()
        options.host = "127.0.0.1"
        options.port = 0
        options.tls = tls
        if let configuration {
            try folder.write(".portcullis.yaml", configuration)
            options.configurationPath = folder.path + "/.portcullis.yaml"
        }
        if let policies {
            for (name, text) in policies { try folder.write("policies/" + name, text) }
            options.policyPaths = [folder.path + "/policies"]
        }
        tweak(&options)
        let handler = logs
        server = try AdmissionServer(options: options, logger: Logger(label: "test") { _ in handler })
    }

    func application() throws -> some ApplicationProtocol { try server.makeApplication(handlesSIGHUP: false) }

    /// A stored payload of fixtures/admission.
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: packageRoot.appendingPathComponent("fixtures/admission/" + name)))
    }

    /// The admission log lines (one per decision).
    var decisionLines: [InMemoryLogHandler.Entry] { logs.entries.filter { $0.message.description == "admission decision" } }
}

/// A folder of its own under the system's temporary folder, removed when the value goes.
final class ScratchFolder: Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-server-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` (folders made as needed), atomically.
    func write(_ name: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}

/// An AdmissionReview response, parsed.
struct ReviewAnswer {
    var uid: String
    var allowed: Bool
    var code: Int?
    var message: String?
    var warnings: [String]

    init(_ body: ByteBuffer) throws {
        let json = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        guard json?["apiVersion"] as? String == "admission.k8s.io/v1", json?["kind"] as? String == "AdmissionReview",
              let response = json?["response"] as? [String: Any] else {
            throw AnswerError(text: String(buffer: body))
        }
        uid = response["uid"] as? String ?? ""
        allowed = response["allowed"] as? Bool ?? false
        let status = response["status"] as? [String: Any]
        code = status?["code"] as? Int
        message = status?["message"] as? String
        warnings = response["warnings"] as? [String] ?? []
    }

    /// The policy ids named in the denial and the warnings (`[id] …`).
    var namedPolicies: Set<String> {
        let texts = (message.map { $0.components(separatedBy: "; ") } ?? []) + warnings
        return Set(texts.compactMap { text in
            guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return nil }
            let id = String(text[text.index(after: open)..<close])
            return id.range(of: #"^[a-z0-9-]+/[a-z0-9-]+$"#, options: .regularExpression) == nil ? nil : id
        })
    }
}

struct AnswerError: Error, CustomStringConvertible {
    var text: String
    var description: String { "not an AdmissionReview response: \(text)" }
}

extension TestClientProtocol {
    /// POSTs `body` to `/validate`.
    func review(_ body: [UInt8]) async throws -> TestResponse {
        try await executeRequest(uri: "/validate", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body))
    }
}
