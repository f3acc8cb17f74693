import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Portcullis
@testable import PortcullisServer
import Testing

/// `/validate` in process (HummingbirdTesting's router framework) with the stored payloads of
/// fixtures/admission and the built-in packs.
@Suite struct AdmissionRouterTests {
    @Test func compliantDeploymentIsAllowedWithNothingToSay() async throws {
        let harness = try ServerHarness()
        try await harness.application().test(.router) { client in
            let response = try await client.review(ServerHarness.fixture("allow-deployment.json"))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let answer = try ReviewAnswer(response.body)
            #expect(answer.uid == "c0a8f1d2-0001-4b6e-8f3a-5d9e7c1b2a01")
            #expect(answer.allowed)
            #expect(answer.code == nil && answer.warnings.isEmpty)
        }
        let line = try #require(harness.decisionLines.last)
        #expect(line.metadata["outcome"] == "allowed")
        #expect(line.metadata["kind"] == "Deployment" && line.metadata["namespace"] == "shop" && line.metadata["name"] == "web")
        #expect(line.metadata["uid"] == "c0a8f1d2-0001-4b6e-8f3a-5d9e7c1b2a01")
    }

    @Test func enforcedFindingsDenyNamingPolicyPathAndMessage() async throws {
        let harness = try ServerHarness()
        try await harness.application().test(.router) { client in
            let answer = try ReviewAnswer(try await client.review(ServerHarness.fixture("deny-deployment.json")).body)
            #expect(answer.uid == "c0a8f1d2-0002-4b6e-8f3a-5d9e7c1b2a02")
            #expect(!answer.allowed)
            #expect(answer.code == 403)
            let message = try #require(answer.message)
            #expect(message.hasPrefix("Deployment shop/web: [images/no-latest-tag] spec.template.spec.containers[0].image: container 'web' uses floating image 'nginx:latest'; "))
            #expect(message.contains("[pod-security-baseline/privileged] spec.template.spec.containers[0].securityContext.privileged: container 'web' runs privileged"))
            #expect(answer.namedPolicies == ["images/no-latest-tag", "pod-security-baseline/privileged", "pod-security-restricted/allow-privilege-escalation"])
            #expect(!message.contains("$."))
        }
        let line = try #require(harness.decisionLines.last)
        #expect(line.metadata["outcome"] == "denied")
        #expect(line.metadata["policies"] == "images/no-latest-tag=deny,pod-security-baseline/privileged=deny,pod-security-restricted/allow-privilege-escalation=deny")
    }

    @Test func warningSeverityGoesToWarnings() async throws {
        let harness = try ServerHarness()
        try await harness.application().test(.router) { client in
            let answer = try ReviewAnswer(try await client.review(ServerHarness.fixture("warn-deployment.json")).body)
            #expect(answer.allowed)
            #expect(answer.code == nil)
            #expect(answer.warnings == ["[pod-security-extra/read-only-root-filesystem] spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem: container 'web' does not set readOnlyRootFilesystem: true"])
        }
        #expect(harness.decisionLines.last?.metadata["outcome"] == "warned")
    }

    /// A container name carrying terminal controls (ESC, the C1 CSI, DEL, a line separator, a
    /// bidirectional override) reaches neither a denial nor a warning: `kubectl` prints both.
    @Test func controlCharactersOfTheManifestNeverReachTheAnswer() async throws {
        let harness = try ServerHarness()
        let hostile = #"w\u001b[31me\u009b2Jb\u007f\u2028x\u202ey"#
        func review(_ fixture: String) throws -> [UInt8] {
            let text = String(decoding: try ServerHarness.fixture(fixture), as: UTF8.self)
            let edited = text.replacingOccurrences(of: "\"name\": \"web\",\n                \"image\"",
                                                   with: "\"name\": \"\(hostile)\",\n                \"image\"")
            #expect(edited != text)
            return Array(edited.utf8)
        }
        let (deny, warn) = (try review("deny-deployment.json"), try review("warn-deployment.json"))
        try await harness.application().test(.router) { client in
            let denied = try ReviewAnswer(try await client.review(deny).body)
            let warned = try ReviewAnswer(try await client.review(warn).body)
            let message = try #require(denied.message)
            #expect(message.contains("container 'w [31me 2Jb  x y'"), "\(message)")
            #expect(warned.warnings.count == 1 && warned.warnings[0].contains("container 'w [31me 2Jb  x y'"), "\(warned.warnings)")
            for text in [message] + warned.warnings {
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x202E })
            }
        }
    }

    /// A failure's reason can quote the manifest too (here a pattern read from it that does not
    /// compile): the 500 answer carries no terminal control either.
    @Test func controlCharactersOfAFailureReasonNeverReachTheAnswer() async throws {
        let harness = try ServerHarness(policies: ["dynamic.policy": """
            policy "test/dynamic-pattern" {
              match kind Deployment
              deny when metadata.name matches metadata.annotations.pattern
              message "named after the pattern"
            }
            """])
        let allow = try String(decoding: ServerHarness.fixture("allow-deployment.json"), as: UTF8.self)
        let edited = allow.replacingOccurrences(of: "\"metadata\": {", with: #""metadata": {"annotations": {"pattern": "\u001b]0;x\u0007\u009b("}, "#)
        #expect(edited != allow)
        let body = Array(edited.utf8)
        try await harness.application().test(.router) { client in
            let answer = try ReviewAnswer(try await client.review(body).body)
            #expect(!answer.allowed)
            #expect(answer.code == 500)
            let message = try #require(answer.message)
            #expect(message.contains("' ]0;x  (' is not a valid regular expression"), "\(message)")
            #expect(!message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }

    @Test func modesFromTheConfigurationOverrideSeverities() async throws {
        // images → audit (pack), one id of a pack → warn (an id wins over its pack), warnings → enforce.
        let harness = try ServerHarness(configuration: """
            admission:
              modes: {images: audit, pod-security-baseline/privileged: warn, pod-security-extra: enforce}
            """)
        try await harness.application().test(.router) { client in
            let denied = try ReviewAnswer(try await client.review(ServerHarness.fixture("deny-deployment.json")).body)
            #expect(!denied.allowed)
            #expect(denied.message?.contains("images/no-latest-tag") == false, "audit mode never shows: \(denied.message ?? "")")
            #expect(denied.message?.contains("[pod-security-restricted/allow-privilege-escalation]") == true)
            #expect(denied.warnings.count == 1 && denied.warnings[0].hasPrefix("[pod-security-baseline/privileged] "))
            let warned = try ReviewAnswer(try await client.review(ServerHarness.fixture("warn-deployment.json")).body)
            #expect(!warned.allowed, "pod-security-extra enforced")
            #expect(warned.message?.contains("[pod-security-extra/read-only-root-filesystem]") == true)
        }
        let audited = try #require(harness.decisionLines.first)
        #expect(audited.metadata["policies"]?.description.contains("images/no-latest-tag=audit") == true)
        #expect(audited.metadata["audit"]?.description.hasPrefix("[images/no-latest-tag] spec.template.spec.containers[0].image: ") == true)
        #expect(harness.server.renderMetrics().contains(#"portcullis_admission_policy_decisions_total{policy="images/no-latest-tag",outcome="audit"} 1"#))
    }

    @Test func auditOnlyFindingsAllowSilently() async throws {
        let harness = try ServerHarness(configuration: "admission: {modes: {images: audit, pod-security-baseline: audit, pod-security-restricted: audit}}\n")
        try await harness.application().test(.router) { client in
            let answer = try ReviewAnswer(try await client.review(ServerHarness.fixture("deny-deployment.json")).body)
            #expect(answer.allowed && answer.code == nil && answer.warnings.isEmpty)
        }
        let line = try #require(harness.decisionLines.last)
        #expect(line.metadata["outcome"] == "allowed")
        #expect(line.metadata["audit"]?.description.contains("[pod-security-baseline/privileged]") == true)
    }

    @Test func dryRunIsAnsweredLikeAnyRequest() async throws {
        let harness = try ServerHarness()
        try await harness.application().test(.router) { client in
            let dry = try ReviewAnswer(try await client.review(ServerHarness.fixture("dry-run-deny.json")).body)
            let real = try ReviewAnswer(try await client.review(ServerHarness.fixture("deny-deployment.json")).body)
            #expect(!dry.allowed && dry.code == 403)
            #expect(dry.message == real.message)
        }
        #expect(harness.decisionLines.first?.metadata["dryRun"] == "true")
    }

    @Test func deleteChecksNothingUnlessConfigured() async throws {
        let plain = try ServerHarness()
        try await plain.application().test(.router) { client in
            let answer = try ReviewAnswer(try await client.review(ServerHarness.fixture("delete-deployment.json")).body)
            #expect(answer.allowed && answer.code == nil)
        }
        #expect(plain.decisionLines.last?.metadata["outcome"] == "skipped")
        // Configured: the object being deleted (oldObject) is checked, with operation DELETE.
        let checked = try ServerHarness(configuration: "admission: {check-delete: true}\n")
        try await checked.application().test(.router) { client in
            let answer = try ReviewAnswer(try await client.review(ServerHarness.fixture("delete-deployment.json")).body)
            #expect(!answer.allowed)
            #expect(answer.message?.contains("[images/no-latest-tag]") == true)
        }
    }

    @Test func subresourcesAreSkippedUnlessConfigured() async throws {
        let plain = try ServerHarness()
        try await plain.application().test(.router) { client in
            let answer1 = try ReviewAnswer(try await client.review(ServerHarness.fixture("status-subresource.json")).body)
            #expect(answer1.allowed)
        }
        #expect(plain.decisionLines.last?.metadata["reason"]?.description.contains("subresource 'status'") == true)
        let checked = try ServerHarness(configuration: "admission: {subresources: true}\n")
        try await checked.application().test(.router) { client in
            let answer2 = try ReviewAnswer(try await client.review(ServerHarness.fixture("status-subresource.json")).body)
            #expect(!answer2.allowed)
        }
    }

    @Test func exemptNamespacesUsersAndGroupsAreAllowedWithoutEvaluation() async throws {
        let harness = try ServerHarness(configuration: """
            admission:
              exempt:
                namespaces: [kube-*]
                users: ["system:serviceaccount:flux-system:*"]
                groups: [break-glass]
            """)
        try await harness.application().test(.router) { client in
            let answer3 = try ReviewAnswer(try await client.review(ServerHarness.fixture("exempt-namespace.json")).body)
            #expect(answer3.allowed)
            let deny = try String(decoding: ServerHarness.fixture("deny-deployment.json"), as: UTF8.self)
            let flux = deny.replacingOccurrences(of: "alice@example.com", with: "system:serviceaccount:flux-system:kustomize-controller")
            let answer4 = try ReviewAnswer(try await client.review(Array(flux.utf8)).body)
            #expect(answer4.allowed)
            let group = deny.replacingOccurrences(of: "\"system:authenticated\"", with: "\"break-glass\"")
            let answer5 = try ReviewAnswer(try await client.review(Array(group.utf8)).body)
            #expect(answer5.allowed)
            let answer6 = try ReviewAnswer(try await client.review(Array(deny.utf8)).body)
            #expect(!answer6.allowed)
        }
        let reasons = harness.decisionLines.prefix(3).map { $0.metadata["reason"]?.description ?? "" }
        #expect(reasons == ["namespace 'kube-system' is exempt (kube-*)",
                            "user 'system:serviceaccount:flux-system:kustomize-controller' is exempt (system:serviceaccount:flux-system:*)",
                            "group 'break-glass' is exempt (break-glass)"])
        #expect(harness.server.renderMetrics().contains(#"portcullis_admission_reviews_total{outcome="exempt"} 3"#))
    }

    @Test func suppressedFindingsNeverDeny() async throws {
        let harness = try ServerHarness()
        let deny = try String(decoding: ServerHarness.fixture("deny-deployment.json"), as: UTF8.self)
        let annotated = deny.replacingFirst("\"metadata\": {", with: """
            "metadata": {"annotations": {"portcullis.dev/ignore": "images, pod-security-baseline, pod-security-restricted -- vendor image (OPS-1)"},
            """)
        #expect(annotated != deny)
        try await harness.application().test(.router) { client in
            let answer = try ReviewAnswer(try await client.review(Array(annotated.utf8)).body)
            #expect(answer.allowed, "\(answer.message ?? "")")
        }
        #expect(harness.decisionLines.last?.metadata["policies"]?.description.contains("images/no-latest-tag=suppressed") == true)
    }

    @Test func podUpdatesAreJudgedAsThePacksSay() async throws {
        // The pod-security packs skip Pod UPDATEs (a running pod's spec is immutable there).
        let harness = try ServerHarness()
        try await harness.application().test(.router) { client in
            let answer = try ReviewAnswer(try await client.review(ServerHarness.fixture("update-privileged-pod.json")).body)
            #expect(!answer.namedPolicies.contains("pod-security-baseline/privileged"))
        }
    }

    @Test(arguments: [
        ("wrong-api-version.json", "AdmissionReview apiVersion 'admission.k8s.io/v1beta1' is not supported"),
        ("not-a-review.json", "expected an AdmissionReview (apiVersion admission.k8s.io/v1), got kind 'Deployment'"),
        ("truncated-body.txt", "the body is not valid JSON (1515 bytes): Unexpected end of file"),
        ("not-json-body.txt", "the body is not valid JSON (72 bytes): Invalid value around character 0"),
    ])
    func badBodiesAre400WithAMessage(_ name: String, _ expected: String) async throws {
        let harness = try ServerHarness()
        try await harness.application().test(.router) { client in
            let response = try await client.review(ServerHarness.fixture(name))
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).hasPrefix(expected), "\(String(buffer: response.body))")
        }
    }

    @Test func emptyAndIncompleteReviewsAre400() async throws {
        let harness = try ServerHarness()
        try await harness.application().test(.router) { client in
            let cases: [(String, String)] = [
                ("", "the body is empty"),
                (#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}"#, "the AdmissionReview has no request"),
                (#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"operation":"CREATE"}}"#, "the AdmissionReview request has no uid"),
                (#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":7}}"#, "not an AdmissionReview: request.uid:"),
            ]
            for (body, expected) in cases {
                let response = try await client.review(Array(body.utf8))
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).hasPrefix(expected), "\(String(buffer: response.body))")
            }
        }
    }

    @Test func bodiesOverTheCapAre413() async throws {
        let harness = try ServerHarness()
        // A valid review made larger than 2 MiB by an annotation (Kubernetes caps objects near 1.5 MiB).
        let allow = try String(decoding: ServerHarness.fixture("allow-deployment.json"), as: UTF8.self)
        let big = allow.replacingFirst("\"metadata\": {", with: "\"metadata\": {\"annotations\": {\"padding\": \"\(String(repeating: "x", count: 2_200_000))\"},")
        #expect(big.utf8.count > 2 * 1024 * 1024)
        try await harness.application().test(.router) { client in
            let response = try await client.review(Array(big.utf8))
            #expect(response.status == .contentTooLarge)
            #expect(String(buffer: response.body).contains("larger than the 2097152 bytes accepted for an AdmissionReview"))
            // Just under the cap is read and judged.
            let fits = allow.replacingFirst("\"metadata\": {", with: "\"metadata\": {\"annotations\": {\"padding\": \"\(String(repeating: "x", count: 1_500_000))\"},")
            let fitting = try await client.review(Array(fits.utf8))
            #expect(fitting.status == .ok, "\(String(buffer: fitting.body))")
            #expect(try ReviewAnswer(fitting.body).allowed)
        }
    }

    @Test func unreadableObjectsFollowTheFailurePolicy() async throws {
        // An object nested deeper than the loader accepts cannot be evaluated.
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let allow = try String(decoding: ServerHarness.fixture("allow-deployment.json"), as: UTF8.self)
        let body = Array(allow.replacingOccurrences(of: "\"replicas\": 2,", with: "\"replicas\": 2, \"deep\": \(deep),").utf8)
        let closed = try ServerHarness()
        try await closed.application().test(.router) { client in
            let answer = try ReviewAnswer(try await client.review(body).body)
            #expect(!answer.allowed)
            #expect(answer.code == 500)
            #expect(answer.message?.hasPrefix("portcullis could not evaluate the request: nesting deeper than 256 levels") == true, "\(answer.message ?? "")")
            #expect(answer.message?.hasSuffix("(admission.failure-policy: fail)") == true)
        }
        #expect(closed.decisionLines.last?.level == .error)
        let open = try ServerHarness(configuration: "admission: {failure-policy: ignore}\n")
        try await open.application().test(.router) { client in
            let answer = try ReviewAnswer(try await client.review(body).body)
            #expect(answer.allowed)
            #expect(answer.warnings.first?.hasPrefix("portcullis did not evaluate the request: nesting deeper") == true)
        }
        #expect(open.server.renderMetrics().contains(#"portcullis_admission_reviews_total{outcome="failed"} 1"#))
    }

    @Test func evaluationsOverTheDeadlineFollowTheFailurePolicy() async throws {
        // 2,000 containers take far more than a millisecond to read and judge (the deadline is
        // checked when evaluation returns: an answer after it is the failure policy's). They are
        // compliant, like the fixture's own: 2,000 failing ones would pass the cap on findings per
        // resource (1,000), an input error that is answered before the deadline is looked at.
        let allow = try String(decoding: ServerHarness.fixture("allow-deployment.json"), as: UTF8.self)
        let container = #"{"name": "c", "image": "registry.example.com/shop/web:1.4.2", "securityContext": {"allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true, "capabilities": {"drop": ["ALL"]}}, "readinessProbe": {"httpGet": {"path": "/ready", "port": 8080}}, "livenessProbe": {"httpGet": {"path": "/healthz", "port": 8080}}, "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": "500m", "memory": "256Mi"}}}"#
        let many = allow.replacingOccurrences(of: "\"containers\": [", with: "\"containers\": [" + Array(repeating: container, count: 2000).joined(separator: ",") + ",")
        let harness = try ServerHarness(configuration: "admission: {timeout-ms: 1}\n")
        try await harness.application().test(.router) { client in
            let answer = try ReviewAnswer(try await client.review(Array(many.utf8)).body)
            #expect(!answer.allowed && answer.code == 500)
            #expect(answer.message?.contains("ms, over the 1 ms deadline (admission.timeout-ms)") == true, "\(answer.message ?? "")")
        }
    }

    @Test func uidComesBackUnchangedAndTheResponseIsAnAdmissionReview() async throws {
        let harness = try ServerHarness()
        let allow = try String(decoding: ServerHarness.fixture("allow-deployment.json"), as: UTF8.self)
        let uid = "weird \"uid\" \\ with escapes\t"
        let body = allow.replacingOccurrences(of: "\"c0a8f1d2-0001-4b6e-8f3a-5d9e7c1b2a01\"", with: "\"weird \\\"uid\\\" \\\\ with escapes\\t\"")
        try await harness.application().test(.router) { client in
            let answer8 = try ReviewAnswer(try await client.review(Array(body.utf8)).body)
            #expect(answer8.uid == uid)
        }
    }

    @Test func healthReadinessAndMetrics() async throws {
        let harness = try ServerHarness()
        try await harness.application().test(.router) { client in
            let health = try await client.executeRequest(uri: "/healthz", method: .get, headers: [:], body: nil)
            #expect(health.status == .ok && String(buffer: health.body) == "ok\n")
            let ready = try await client.executeRequest(uri: "/readyz", method: .get, headers: [:], body: nil)
            #expect(ready.status == .ok)
            let builtin = try PolicySet.builtin().policies
            let crossDocument = builtin.filter(\.looksAcrossDocuments)
            #expect(String(buffer: ready.body).hasPrefix("policy set 1: \(builtin.count - crossDocument.count) policies at admission; \(crossDocument.count) cross-document policies skipped there"), "\(String(buffer: ready.body))")
            _ = try await client.review(ServerHarness.fixture("deny-deployment.json"))
            _ = try await client.review(ServerHarness.fixture("not-json-body.txt"))
            _ = try await client.executeRequest(uri: "/nowhere", method: .get, headers: [:], body: nil)
            let metrics = try await client.executeRequest(uri: "/metrics", method: .get, headers: [:], body: nil)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: metrics.body)
            for expected in [
                #"portcullis_http_requests_total{path="/validate",code="200"} 1"#,
                #"portcullis_http_requests_total{path="/validate",code="400"} 1"#,
                #"portcullis_http_requests_total{path="other",code="404"} 1"#,
                #"portcullis_admission_reviews_total{outcome="denied"} 1"#,
                #"portcullis_admission_policy_decisions_total{policy="images/no-latest-tag",outcome="deny"} 1"#,
                #"portcullis_http_request_duration_seconds_bucket{path="/validate",le="+Inf"} 2"#,
                "portcullis_http_requests_in_flight 1",  // this request
                "portcullis_admission_policies \(builtin.count - crossDocument.count)", "portcullis_admission_cross_document_policies_skipped \(crossDocument.count)",
                "# HELP portcullis_http_requests_total HTTP requests by path and status code.",
            ] {
                #expect(text.contains(expected), "missing \(expected) in\n\(text)")
            }
        }
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
