import Foundation
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import Testing

/// A quantifier whose body is the `selects` test alone is decided by `selects` on what it reads of
/// each candidate (its pod labels, its selector) without evaluating the body: the same
/// verdicts as the scan (the body written with `or false`, which is not recognised) for selectors
/// that select resources with no labels (an empty one, `DoesNotExist`, `NotIn`, controller labels
/// only), labels or selectors that are not mappings, a resource of no workload kind, pods of every
/// workload shape; in one file and across files in two passes; and no shortcut where the test is
/// one conjunct of the body or selects a defaulted selector.
@Suite struct WholeBodySelectionTests {
    static let text = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: labelled, namespace: shop}
        spec: {template: {metadata: {labels: {app: web}}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: unlabelled, namespace: shop}
        spec: {template: {metadata: {}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: list-labels, namespace: shop}
        spec: {template: {metadata: {labels: [app, web]}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, namespace: shop}
        spec: {jobTemplate: {spec: {template: {metadata: {labels: {app: batch}}}}}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: bare, namespace: shop, labels: {app: bare}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: to-web, namespace: shop}
        spec: {selector: {app: web}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: to-batch, namespace: shop}
        spec: {selector: {app: batch}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: to-bare, namespace: shop}
        spec: {selector: {app: bare}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: controller-only, namespace: shop}
        spec: {selector: {pod-template-hash: abc}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: empty, namespace: shop}
        spec: {selector: {}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: list-selector, namespace: shop}
        spec: {selector: [app]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: to-nothing, namespace: shop}
        spec: {selector: {app: nothing}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: no-app, namespace: shop}
        spec: {selector: {matchExpressions: [{key: app, operator: DoesNotExist}]}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: not-web, namespace: other}
        spec: {selector: {matchExpressions: [{key: app, operator: NotIn, values: [web]}]}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: list, namespace: third}
        spec: {selector: [app]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web-other, namespace: other}
        spec: {template: {metadata: {labels: {app: web}}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api-other, namespace: other}
        spec: {template: {metadata: {labels: {app: api}}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web-third, namespace: third}
        spec: {template: {metadata: {labels: {app: web}}}}
        """

    static let cases: [(kind: String, lookup: String, denied: [String])] = [
        ("Service", "not (any w in workloads(metadata.namespace): selects(spec.selector, podLabels(w))", ["list-selector", "to-nothing"]),
        ("Service", "not (any w in workloads(): selects(spec.selector, podLabels(w))", ["list-selector", "to-nothing"]),
        ("Deployment", "not (any b in resources(\"PodDisruptionBudget\", metadata.namespace): selects(b.spec.selector, pod_metadata.labels)",
         ["labelled", "web-other", "web-third"]),
        ("Deployment", "not (any b in resources(\"PodDisruptionBudget\"): selects(b.spec.selector, pod_metadata.labels)",
         ["labelled", "web-other", "web-third"]),
    ]

    static func graph(kind: String, _ condition: String) throws -> RuleGraph {
        let harness = EngineHarness("policy \"test/selection\" {\n  match kind \(kind)\n  deny when \(condition)\n  message \"x\"\n}\n")
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        return try #require(harness.graph)
    }

    @Test func inOneFile() throws {
        for (kind, lookup, denied) in Self.cases {
            #expect(try Self.graph(kind: kind, lookup + ")").wholeBodySelectionCount == 1, "\(lookup)")
            let indexed = try SelectionIndexTests.denied(kind: kind, lookup + ")", in: Self.text)
            #expect(indexed == (try SelectionIndexTests.denied(kind: kind, lookup + " or false)", in: Self.text)), "\(lookup)")
            #expect(indexed == denied, "\(lookup)")
        }
    }

    /// Each document in a file of its own, checked as a run checks many files: the lookup rules'
    /// subjects and what they look up copied, the rules evaluated on the copies in a second pass.
    @Test func acrossFilesInTwoPasses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-whole-body-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inputs = Self.text.components(separatedBy: "---\n").enumerated().map { index, document in
            let name = String(format: "d%02d.yaml", index)
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(document.utf8)))
            return InputFile(path: folder + "/" + name, displayPath: name)
        }
        #expect(inputs.count == 18)
        func denied(kind: String, _ condition: String) throws -> [String] {
            var checker = ManifestChecker(graph: try Self.graph(kind: kind, condition))
            checker.wholeRunFileLimit = 0
            return checker.check(inputs, parallel: true).flatMap { $0.findings.compactMap(\.name) }
        }
        for (kind, lookup, expected) in Self.cases {
            let indexed = try denied(kind: kind, lookup + ")")
            #expect(indexed == (try denied(kind: kind, lookup + " or false)")), "\(lookup)")
            #expect(indexed == expected, "\(lookup)")
        }
    }

    @Test func notWhereTheTestIsOneConjunctOrSelectsADefault() throws {
        let conjunct = try Self.graph(kind: "Service",
                                      "not (any w in workloads(): w.kind == \"Deployment\" and selects(spec.selector, podLabels(w)))")
        #expect(conjunct.indexedLookupCount == 1 && conjunct.wholeBodySelectionCount == 0)
        let defaulted = try Self.graph(kind: "Pod",
                                       "not (any p in resources(\"NetworkPolicy\", metadata.namespace): selects(default(p.spec.podSelector, {}), metadata.labels))")
        #expect(defaulted.indexedLookupCount == 1 && defaulted.wholeBodySelectionCount == 0)
    }
}
