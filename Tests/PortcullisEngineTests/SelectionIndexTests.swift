import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import Testing

/// Cross-document label selection answered from an index gives the verdicts a scan gives. The same
/// conditions are written twice: in the shape the graph indexes, and with `or false` in the body,
/// which the graph does not recognise, so it scans every resource.
@Suite struct SelectionIndexTests {
    static let workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: web, tier: front}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          replicas: 2
          template:
            metadata: {labels: {app: db, tier: back, app.kubernetes.io/name: db}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: nolabels, namespace: shop}
        spec:
          replicas: 2
          template: {metadata: {}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: other, namespace: elsewhere}
        spec:
          replicas: 2
          template:
            metadata: {labels: {app: web}}
        """
    static let services = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-back, namespace: shop}
        spec: {selector: {app: web, tier: back}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: per-pod, namespace: shop}
        spec: {selector: {statefulset.kubernetes.io/pod-name: db-0, app: db}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: controller-only, namespace: shop}
        spec: {selector: {pod-template-hash: abc}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: nested, namespace: shop}
        spec: {selector: {app: {name: web}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ghost, namespace: shop}
        spec: {selector: {app: ghost}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: labelselector, namespace: shop}
        spec: {selector: {matchLabels: {app: db}}}
        """
    static let budgets = """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: front, namespace: shop}
        spec: {selector: {matchLabels: {tier: front}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: expressions, namespace: shop}
        spec:
          selector:
            matchExpressions: [{key: app.kubernetes.io/name, operator: In, values: [db]}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: two-pairs, namespace: elsewhere}
        spec: {selector: {matchLabels: {app: web, tier: front}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: broken, namespace: elsewhere}
        spec: {selector: [app]}
        """

    static let autoscalers = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec: {scaleTargetRef: {kind: Deployment, name: web}, minReplicas: 3}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: db-wrong-kind, namespace: shop}
        spec: {scaleTargetRef: {kind: Deployment, name: db}, minReplicas: "2"}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: nested, namespace: shop}
        spec: {scaleTargetRef: {kind: Deployment, name: {of: nolabels}}, minReplicas: 2.0}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: nameless, namespace: elsewhere}
        spec: {scaleTargetRef: {kind: StatefulSet}, minReplicas: 2}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: null-name, namespace: elsewhere}
        spec: {scaleTargetRef: {kind: Deployment, name: null}}
        """

    /// Names of the resources `condition` denies across the three files, the indexed way and the scanning way.
    func verdicts(kind: String, _ condition: (String) -> String) throws -> (indexed: [String], scanned: [String]) {
        func run(_ body: String) throws -> [String] {
            let harness = EngineHarness("policy \"test/selection\" {\n  match kind \(kind)\n  deny when \(body)\n  message \"x\"\n}\n")
            #expect(harness.errors.isEmpty, "\(harness.errors)")
            let graph = try #require(harness.graph)
            #expect(graph.indexedLookupCount == (body.contains(" or false)") ? 0 : 1), "\(body)")
            let files = [("workloads.yaml", Self.workloads), ("services.yaml", Self.services), ("budgets.yaml", Self.budgets),
                         ("autoscalers.yaml", Self.autoscalers)]
                .map { ManifestLoader().load(SourceFile(path: $0.0, bytes: Array($0.1.utf8))) }
            let set = InputSet(files: files)
            return files.flatMap { ManifestChecker(graph: graph).evaluate($0, in: set).findings.compactMap(\.name) }
        }
        return (try run(condition("")), try run(condition(" or false")))
    }

    @Test func servicesFindTheWorkloadsTheirSelectorsSelect() throws {
        for namespace in ["metadata.namespace", ""] {
            let result = try verdicts(kind: "Service") { extra in
                "not (any w in workloads(\(namespace)): selects(spec.selector, podLabels(w))\(extra))"
            }
            #expect(result.indexed == result.scanned, "namespace argument: \(namespace)")
            #expect(!result.indexed.isEmpty)
        }
        let inShop = try verdicts(kind: "Service") { "not (any w in workloads(metadata.namespace): selects(spec.selector, podLabels(w))\($0))" }
        // `nested` requires a pod without an `app` label (a non-scalar value matches none): `nolabels`.
        #expect(inShop.indexed == ["web-back", "ghost"])
    }

    @Test func workloadsFindTheBudgetsSelectingTheirPods() throws {
        for kind in ["Deployment", "StatefulSet"] {
            for lookup in ["resources(\"PodDisruptionBudget\", default(metadata.namespace, \"\"))", "resources(\"PodDisruptionBudget\")",
                           "resources([\"PodDisruptionBudget\", \"Service\"])"] {
                let result = try verdicts(kind: kind) { "not (any b in \(lookup): selects(b.spec.selector, pod_metadata.labels)\($0))" }
                #expect(result.indexed == result.scanned, "\(kind) \(lookup)")
            }
        }
        let inNamespace = try verdicts(kind: "Deployment") {
            "not (any b in resources(\"PodDisruptionBudget\", default(metadata.namespace, \"\")): selects(b.spec.selector, pod_metadata.labels)\($0))"
        }
        #expect(inNamespace.indexed == ["nolabels", "other"])
    }

    @Test func workloadLookupsIndexedThroughOneConjunctOfTheBody() throws {
        let result = try verdicts(kind: "PodDisruptionBudget") {
            "(any w in workloads(metadata.namespace): w.kind in [\"Deployment\", \"StatefulSet\"] and selects(spec.selector, podLabels(w))\($0))"
        }
        #expect(result.indexed == result.scanned)
        #expect(result.indexed == ["front", "expressions"])
    }

    /// `any h in resources(K, ns): h.path == value and …` (the HorizontalPodAutoscaler lookup of
    /// `reliability/prod-replicas`): strings, numbers against strings, missing against null, a
    /// mapping where a name is expected, values on either side of `==`.
    @Test func equalityLookupsGiveTheScansVerdicts() throws {
        let conditions = [
            "any h in resources(\"HorizontalPodAutoscaler\", default(metadata.namespace, \"\")): h.spec.scaleTargetRef.name == metadata.name and h.spec.scaleTargetRef.kind == kind",
            "any h in resources(\"HorizontalPodAutoscaler\"): metadata.name == h.spec.scaleTargetRef.name",
            "any h in resources(\"HorizontalPodAutoscaler\"): h.spec.minReplicas == spec.replicas",
            "any h in resources([\"HorizontalPodAutoscaler\", \"Service\"], metadata.namespace): h.spec.scaleTargetRef.name == spec.selector",
            "any h in resources(\"HorizontalPodAutoscaler\"): h.spec.scaleTargetRef.name == metadata.labels.missing and h.metadata.namespace == metadata.namespace",
        ]
        for condition in conditions {
            for kind in ["Deployment", "StatefulSet"] {
                let result = try verdicts(kind: kind) { "(\(condition)\($0))" }
                #expect(result.indexed == result.scanned, "\(kind): \(condition)")
            }
        }
        let byName = try verdicts(kind: "Deployment") { "(\(conditions[0])\($0))" }
        #expect(byName.indexed == ["web"])
        let byReplicas = try verdicts(kind: "Deployment") { "(\(conditions[2])\($0))" }
        #expect(byReplicas.indexed == ["web", "nolabels", "other"])
        // Missing equals null: every workload of `elsewhere` (no `missing` label) has the null-named autoscaler.
        let nullish = try verdicts(kind: "Deployment") { "(\(conditions[4])\($0))" }
        #expect(nullish.indexed == ["other"])
    }

    /// `selects(default(np.spec.podSelector, {}), podLabels(resource))` (network/default-deny): a
    /// resource without the field selects everything through the constant.
    @Test func defaultedSelectorsGiveTheScansVerdicts() throws {
        for kind in ["Deployment", "StatefulSet"] {
            for lookup in ["resources(\"PodDisruptionBudget\", default(metadata.namespace, \"\"))", "resources([\"PodDisruptionBudget\", \"Service\"])"] {
                for path in ["b.spec.selector", "b.spec.podSelector"] {
                    let result = try verdicts(kind: kind) { "not (any b in \(lookup): selects(default(\(path), {}), podLabels(resource))\($0))" }
                    #expect(result.indexed == result.scanned, "\(kind) \(lookup) \(path)")
                }
            }
        }
        let selected = try verdicts(kind: "Deployment") {
            "not (any b in resources(\"PodDisruptionBudget\", metadata.namespace): selects(default(b.spec.selector, {}), podLabels(resource))\($0))"
        }
        #expect(selected.indexed == ["nolabels", "other"])
        // No PodDisruptionBudget has a podSelector: the constant `{}` selects every workload.
        let everything = try verdicts(kind: "Deployment") {
            "not (any b in resources(\"PodDisruptionBudget\", metadata.namespace): selects(default(b.spec.podSelector, {}), podLabels(resource))\($0))"
        }
        #expect(everything.indexed.isEmpty)
    }

    /// Names of the resources of `kind` that `body` denies in the one file `text`, evaluated with
    /// the input set of that file; the lookup must be indexed unless the body ends in ` or false)`.
    static func denied(kind: String, _ body: String, in text: String) throws -> [String] {
        let harness = EngineHarness("policy \"test/selection\" {\n  match kind \(kind)\n  deny when \(body)\n  message \"x\"\n}\n")
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let graph = try #require(harness.graph)
        #expect(graph.indexedLookupCount == (body.hasSuffix(" or false)") ? 0 : 1), "\(body)")
        let file = ManifestLoader().load(SourceFile(path: "one.yaml", bytes: Array(text.utf8)))
        return ManifestChecker(graph: graph).evaluate(file, in: InputSet(files: [file])).findings.compactMap(\.name)
    }

    /// Label keys and values are compared byte for byte, as the API server compares them, by the
    /// index and the scan alike: a label equal as a `String` (canonically equivalent: U+212A KELVIN
    /// SIGN and "K") but spelt with other bytes is another label, in a Service's selector and in a
    /// LabelSelector's `matchLabels` and `matchExpressions`.
    @Test func labelsAreComparedByTheirBytes() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: kelvin, namespace: shop}
            spec:
              template: {metadata: {labels: {unit: "\u{212A}", app: old, app: kelvin}}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ascii, namespace: shop}
            spec:
              template: {metadata: {labels: {unit: K, app: ascii}}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: by-unit, namespace: shop}
            spec: {selector: {unit: "K"}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: by-kelvin, namespace: shop}
            spec: {selector: {unit: "\u{212A}", app: kelvin}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: ascii-unit-kelvin-app, namespace: shop}
            spec: {selector: {unit: K, app: kelvin}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: by-old-value, namespace: shop}
            spec: {selector: {app: old}}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: budget, namespace: shop}
            spec: {selector: {matchLabels: {unit: "\u{212A}"}, matchExpressions: [{key: app, operator: In, values: [kelvin, ascii]}]}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ascii-in-expressions, namespace: exprs}
            spec:
              template: {metadata: {labels: {unit: K}}}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: by-expression, namespace: exprs}
            spec: {selector: {matchExpressions: [{key: unit, operator: In, values: ["\u{212A}"]}]}}
            """
        let services = "not (any w in workloads(metadata.namespace): selects(spec.selector, podLabels(w))"
        let budgets = "not (any b in resources(\"PodDisruptionBudget\", metadata.namespace): selects(b.spec.selector, podLabels(resource))"
        for (kind, lookup, expected) in [("Service", services, ["ascii-unit-kelvin-app", "by-old-value"]), ("Deployment", budgets, ["ascii", "ascii-in-expressions"])] {
            let indexed = try Self.denied(kind: kind, lookup + ")", in: text)
            #expect(indexed == (try Self.denied(kind: kind, lookup + " or false)", in: text)), "\(lookup)")
            #expect(indexed == expected, "\(lookup)")
        }
    }

    /// One file whose documents are in more namespaces than an evaluator keeps indexes for per
    /// lookup (`LookupIndexMemo.entriesPerNode`), in an order that comes back to each: every lookup
    /// shape gives the scan's verdicts, and the namespaces' own.
    @Test func lookupsAcrossManyNamespacesOfOneFileGiveTheScansVerdicts() throws {
        let count = LookupIndexMemo.entriesPerNode + 4
        var documents: [String] = []
        for round in 0..<2 {
            for number in 0..<count {
                let namespace = "ns\(number)"
                if round == 0 {
                    documents.append("""
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web\(number), namespace: \(namespace)}
                        spec:
                          replicas: 2
                          template: {metadata: {labels: {app: web\(number)}}}
                        """)
                    documents.append("""
                        apiVersion: policy/v1
                        kind: PodDisruptionBudget
                        metadata: {name: budget\(number), namespace: \(namespace)}
                        spec: {selector: {matchLabels: {app: web\(number % 3 == 0 ? number : number + 1)}}}
                        """)
                }
                // A Service selecting its namespace's workload, one selecting the next namespace's.
                let selected = round == 0 ? number : number + 1
                documents.append("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: svc\(round)-\(number), namespace: \(namespace)}
                    spec: {selector: {app: web\(selected)}}
                    """)
            }
        }
        let text = documents.joined(separator: "\n---\n") + "\n"
        func run(kind: String, _ body: String) throws -> [String] { try Self.denied(kind: kind, body, in: text) }
        let lookups = [
            ("Service", "not (any w in workloads(metadata.namespace): selects(spec.selector, podLabels(w))"),
            ("Deployment", "not (any b in resources(\"PodDisruptionBudget\", metadata.namespace): selects(b.spec.selector, podLabels(resource))"),
            ("Service", "not (any d in resources(\"Deployment\", metadata.namespace): d.spec.template.metadata.labels.app == spec.selector.app"),
        ]
        var denied: [[String]] = []
        for (kind, lookup) in lookups {
            let indexed = try run(kind: kind, lookup + ")")
            #expect(indexed == (try run(kind: kind, lookup + " or false)")), "\(lookup)")
            denied.append(indexed)
        }
        let services = (0..<count).map { "svc1-\($0)" }
        #expect(denied[0] == services)
        #expect(denied[1] == (0..<count).filter { $0 % 3 != 0 }.map { "web\($0)" })
        #expect(denied[2] == services)
    }

    /// A lookup whose kinds come from the document: documents of one file and namespace asking for
    /// different kinds get each kind's index, not the first one taken.
    @Test func lookupsOfKindsReadFromTheDocumentGiveTheScansVerdicts() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec: {template: {metadata: {labels: {app: web}}}}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: shop}
            spec: {template: {metadata: {labels: {app: db}}}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web-as-deployment, namespace: shop, labels: {target: Deployment}}
            spec: {selector: {app: web}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web-as-statefulset, namespace: shop, labels: {target: StatefulSet}}
            spec: {selector: {app: web}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: db-as-statefulset, namespace: shop, labels: {target: StatefulSet}}
            spec: {selector: {app: db}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: db-as-deployment, namespace: shop, labels: {target: Deployment}}
            spec: {selector: {app: db}}

            """
        let lookup = "not (any d in resources(metadata.labels.target, metadata.namespace): d.spec.template.metadata.labels.app == spec.selector.app"
        func run(_ body: String) throws -> [String] { try Self.denied(kind: "Service", body, in: text) }
        let indexed = try run(lookup + ")")
        #expect(indexed == (try run(lookup + " or false)")))
        #expect(indexed == ["web-as-statefulset", "db-as-deployment"])
    }
}
