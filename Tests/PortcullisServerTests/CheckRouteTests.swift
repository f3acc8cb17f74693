import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Portcullis
@testable import PortcullisServer
import Testing

/// `POST /v1/check`: a manifest in, the report `portcullis check` prints out.
@Suite struct CheckRouteTests {
    static func manifest(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: ServerHarness.packageRoot.appendingPathComponent(path)))
    }

    @Test(arguments: ["fixtures/violations/web.yaml", "fixtures/valid/deployment.yaml", "fixtures/cross-document/app.yaml", "fixtures/invalid/syntax-error.yaml"])
    func jsonReportIsTheCommandLinesByteForByte(_ path: String) async throws {
        let body = try Self.manifest(path)
        let cli = try Binaries.run("portcullis", ["check", "--no-config", "--format", "json", "--stdin-filename", path, "-"], stdin: body)
        let harness = try ServerHarness()
        try await harness.application().test(.router) { client in
            let response = try await client.executeRequest(uri: "/v1/check?filename=\(path)", method: .post, headers: [:], body: ByteBuffer(bytes: body))
            #expect(String(buffer: response.body) == cli.stdout)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.headers[.init("Portcullis-Exit-Code")!] == String(cli.status))
            let expected: HTTPResponse.Status = cli.status == 0 ? .ok : cli.status == 1 ? .unprocessableContent : .badRequest
            #expect(response.status == expected)
        }
    }

    @Test func queryParametersAreCheckOptions() async throws {
        let body = try Self.manifest("fixtures/violations/web.yaml")
        let cli = try Binaries.run("portcullis", ["check", "--no-config", "--format", "sarif", "--only", "images", "--enable", "images/digest-pinned",
                                                  "--fail-on", "warning", "--stdin-filename", "web.yaml", "-"], stdin: body)
        let harness = try ServerHarness()
        try await harness.application().test(.router) { client in
            let response = try await client.executeRequest(uri: "/v1/check?format=sarif&only=images&enable=images/digest-pinned&fail-on=warning&filename=web.yaml",
                                                           method: .post, headers: [:], body: ByteBuffer(bytes: body))
            #expect(String(buffer: response.body) == cli.stdout)
            #expect(response.status == .unprocessableContent && cli.status == 1)
            let disabled = try await client.executeRequest(uri: "/v1/check?format=text&disable=images,pod-security-baseline,pod-security-restricted,resources,reliability,pod-security-extra",
                                                           method: .post, headers: [:], body: ByteBuffer(bytes: body))
            #expect(disabled.status == .ok, "\(String(buffer: disabled.body))")
            #expect(String(buffer: disabled.body).hasPrefix("checked 1 file, 1 resource"))
        }
    }

    @Test func badQueriesAre400() async throws {
        let harness = try ServerHarness()
        try await harness.application().test(.router) { client in
            for (query, message) in [
                ("colour=never", "unknown query parameter 'colour' (parameters: format, only, enable, disable, fail-on, filename)"),
                ("format=yaml", "unknown format 'yaml'"),
                ("fail-on=fatal", "fail-on takes error, warning or info"),
                ("only=imagez", "'imagez' names no policy and no pack"),
            ] {
                let response = try await client.executeRequest(uri: "/v1/check?" + query, method: .post, headers: [:], body: ByteBuffer(string: "{}"))
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains(message), "\(String(buffer: response.body))")
            }
        }
    }

    @Test func checkBodiesHaveTheirOwnCap() async throws {
        let harness = try ServerHarness { $0.maxCheckBytes = 1000 }
        try await harness.application().test(.router) { client in
            let response = try await client.executeRequest(uri: "/v1/check", method: .post, headers: [:], body: ByteBuffer(string: String(repeating: "# x\n", count: 300)))
            #expect(response.status == .contentTooLarge)
        }
    }
}
