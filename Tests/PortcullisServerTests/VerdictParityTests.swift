import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Portcullis
@testable import PortcullisServer
import Testing

/// The cluster gates what review approved: every resource of fixtures/ goes to `/validate` and to
/// `portcullis check` (the built binary) as the same AdmissionReview (check reads a review as its
/// object, with the operation), and both give the same verdict — deny ⇔ an active (unsuppressed)
/// error-severity finding of a policy that does not look across documents — and name the same
/// policies. (Comment suppressions do not survive the trip to the cluster, where objects are JSON:
/// annotations do, and are honoured on both sides.)
@Suite struct VerdictParityTests {
    struct Resource {
        var index: Int
        var json: [UInt8]
        var kind: String
        var namespace: String
        var name: String
    }

    /// Each resource of fixtures/ as the loader sees it (`portcullis parse`), one JSON text each.
    static func resources() throws -> [Resource] {
        let parsed = try Binaries.run("portcullis", ["parse", "fixtures"])
        #expect(parsed.status == 2, "fixtures/invalid holds broken files on purpose")
        var resources: [Resource] = []
        for line in parsed.stdout.split(separator: "\n") {
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let resource = try #require(entry["resource"] as? [String: Any])
            let metadata = resource["metadata"] as? [String: Any]
            resources.append(Resource(index: resources.count, json: Array(try JSONSerialization.data(withJSONObject: resource, options: [.sortedKeys])),
                                      kind: resource["kind"] as? String ?? "", namespace: metadata?["namespace"] as? String ?? "",
                                      name: metadata?["name"] as? String ?? ""))
        }
        return resources
    }

    static func review(_ resource: Resource) -> [UInt8] {
        func quoted(_ text: String) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed]), as: UTF8.self).dropFirst().dropLast().description
        }
        let head = #"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"parity-\#(resource.index)","#
            + #""kind":{"group":"","version":"v1","kind":\#(quoted(resource.kind))},"operation":"CREATE","#
            + #""namespace":\#(quoted(resource.namespace)),"name":\#(quoted(resource.name)),"userInfo":{"username":"ci"},"object":"#
        return Array(head.utf8) + resource.json + Array("}}".utf8)
    }

    @Test func everyFixtureResourceGetsTheVerdictOfCheck() async throws {
        let resources = try Self.resources()
        #expect(resources.count >= 20, "fixtures/ holds \(resources.count) resources")
        let folder = try ScratchFolder()
        for resource in resources { try folder.write("r\(resource.index).json", String(decoding: Self.review(resource), as: UTF8.self)) }
        let check = try Binaries.run("portcullis", ["check", "--no-config", "--format", "json", folder.path])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], "\(check.stderr)")
        let findings = try #require(report["findings"] as? [[String: Any]])
        let crossDocument = Set(try PolicySet.builtin().policies.filter(\.looksAcrossDocuments).map(\.id))
        #expect(crossDocument.isSuperset(of: ["reliability/pdb-required", "reliability/service-selector"]))

        var expected: [Int: (deny: Bool, named: Set<String>)] = [:]
        for finding in findings {
            guard let file = finding["file"] as? String, let policy = finding["policy"] as? String,
                  let index = Int(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent.dropFirst()) else { continue }
            guard finding["suppression"] == nil, !crossDocument.contains(policy) else { continue }
            var entry = expected[index] ?? (false, [])
            let severity = finding["severity"] as? String
            if severity == "error" { entry.deny = true }
            if severity != "info" { entry.named.insert(policy) }  // info is audited: logged, not answered
            expected[index] = entry
        }
        #expect(expected.values.contains { $0.deny } && expected.values.contains { !$0.deny })

        let verdicts = expected
        let harness = try ServerHarness()
        try await harness.application().test(.router) { client in
            for resource in resources {
                let response = try await client.review(Self.review(resource))
                #expect(response.status == .ok)
                let answer = try ReviewAnswer(response.body)
                let want = verdicts[resource.index] ?? (false, [])
                #expect(answer.allowed == !want.deny, "r\(resource.index) \(resource.kind) \(resource.namespace)/\(resource.name): \(answer.message ?? "")")
                #expect(answer.namedPolicies == want.named, "r\(resource.index) \(resource.kind) \(resource.name)")
                #expect(answer.uid == "parity-\(resource.index)")
            }
        }
    }
}
