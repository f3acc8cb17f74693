import Foundation
import Portcullis
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import Testing

/// A run evaluates cross-document rules last, on documents cut down to what those rules read
/// (`CrossDocumentProjection`); every other rule meets a document as soon as its file is loaded.
/// The verdicts must be those of loading every file whole and evaluating everything against it all,
/// which `validate(files:)` (held in memory) still does.
@Suite struct CrossDocumentEvaluationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every YAML and JSON file under `folder`, as names and bytes, in path order.
    static func files(under folder: URL) throws -> [(name: String, bytes: [UInt8])] {
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var found: [(String, [UInt8])] = []
        for case let url as URL in enumerator where ["yaml", "yml", "json"].contains(url.pathExtension) {
            found.append((url.path, Array(try Data(contentsOf: url))))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// Options under which a run of even one file keeps copies of what the cross-document rules
    /// read and evaluates them in a second pass, as a large run does (a few files are otherwise
    /// loaded whole: `ValidationOptions.wholeRunFileLimit`).
    static var copyingEvenFewFiles: ValidationOptions {
        var options = ValidationOptions()
        options.wholeRunFileLimit = 0
        return options
    }

    /// A document that is not a resource (a Helm values file) is counted loaded and checked alike,
    /// by a small run (one pass) and by a large one (copies, two passes).
    @Test func progressCountsEveryDocumentOnceLoadedAndOnceChecked() throws {
        let policies = try PolicySet.compile([.builtin]).get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("foo: bar\n".utf8).write(to: folder.appendingPathComponent("values.yaml"))
        try Data("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: 'nginx:1.25'}]}\n".utf8)
            .write(to: folder.appendingPathComponent("app.yaml"))
        for var options in [ValidationOptions(), Self.copyingEvenFewFiles] {
            let progress = ValidationProgress()
            options.progress = progress
            _ = Validator(policies: policies, options: options).validate(paths: [folder.path])
            let done = progress.snapshot
            #expect(done.files == 2 && done.filesLoaded == 2 && done.filesChecked == 2, "limit \(options.wholeRunFileLimit)")
            #expect(done.documentsLoaded == 2, "limit \(options.wholeRunFileLimit)")
            #expect(done.documentsLoaded == done.documentsChecked,
                    "limit \(options.wholeRunFileLimit): \(done.documentsLoaded) loaded, \(done.documentsChecked) checked")
        }
    }

    @Test(arguments: [false, true])
    func projectedRunsFindWhatWholeDocumentsFind(allPolicies: Bool) throws {
        let policies = try PolicySet.compile([.builtin], options: PolicyOptions(all: allPolicies)).get()
        #expect(policies.looksAcrossDocuments)
        let folder = Self.root.appendingPathComponent("fixtures")
        // GitOps folders are left out: a run reads a kustomization's patches as patches, not resources.
        let files = try Self.files(under: folder).filter { !$0.name.contains("/gitops") }
        let validator = Validator(policies: policies)
        let streamed = validator.validate(paths: files.map(\.name))
        let whole = validator.validate(files: files)
        #expect(streamed.findings.count > 50)
        let a = streamed.findings.map { "\($0.description) \($0.jsonPath) \($0.isSuppressed)" }
        let b = whole.findings.map { "\($0.description) \($0.jsonPath) \($0.isSuppressed)" }
        #expect(a.filter { !b.contains($0) } == [])
        #expect(b.filter { !a.contains($0) } == [])
        #expect(a == b)
        #expect(Report(format: .json).render(streamed).count > 0)
        // Cross-document findings are among them, suppressed ones too (their annotations are kept).
        #expect(streamed.findings.contains { $0.policyID == "reliability/pdb-required" })
        #expect(streamed.findings.contains { $0.policyID == "reliability/pdb-required" && $0.isSuppressed })
    }

    /// Lists, aliases and suppressions in the documents kept for the cross-document pass: a run
    /// finds what loading the files whole finds.
    @Test func listsAliasesAndAnnotationsSurviveTheCopy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-projection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files: [(String, String)] = [
            ("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: api, namespace: shop, annotations: {portcullis.dev/ignore: "reliability/pdb-required -- drained by hand"}}
                    spec:
                      replicas: 3
                      selector: {matchLabels: &api {app: api}}
                      template:
                        metadata: {labels: *api}
                        spec:
                          containers: &containers
                            - {name: api, image: "nginx:1.25", env: &env [{name: A, value: "1"}, {name: B, value: "2"}]}
                  - apiVersion: apps/v1
                    kind: StatefulSet
                    metadata: {name: db, namespace: shop}
                    spec:
                      replicas: 2
                      selector: {matchLabels: {app: db}}
                      template:
                        metadata: {labels: {app: db}}
                        spec: {containers: *containers}

                """),
            ("pdb.yaml", """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: db, namespace: shop}
                spec: {maxUnavailable: 1, selector: {matchLabels: {app: db}}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {selector: {app: web}, ports: [{port: 80}]}

                """),
        ]
        var named: [(name: String, bytes: [UInt8])] = []
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            named.append((url.path, Array(text.utf8)))
        }
        let policies = try PolicySet.compile([.builtin], options: PolicyOptions(all: true)).get()
        let validator = Validator(policies: policies, options: Self.copyingEvenFewFiles)
        let streamed = validator.validate(paths: named.map(\.name))
        let whole = validator.validate(files: named)
        let describe = { (result: ValidationResult) in result.findings.map { "\($0.description) \($0.jsonPath) \($0.isSuppressed)" } }
        #expect(describe(streamed) == describe(whole))
        #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
        // A run of these few files loads them whole and evaluates once: the same again.
        let small = Validator(policies: policies).validate(paths: named.map(\.name))
        #expect(describe(small) == describe(whole))
        #expect(small.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
        // The Deployment's missing budget is found and suppressed by its annotation; the Service
        // selects no workload; the StatefulSet has its budget.
        #expect(streamed.findings.contains { $0.policyID == "reliability/pdb-required" && $0.isSuppressed })
        #expect(streamed.findings.contains { $0.policyID == "reliability/service-selector" })
        #expect(!streamed.findings.contains { $0.policyID == "reliability/pdb-required" && $0.message.contains("'db'") })
    }

    /// The documents kept for the cross-document pass hold only the suppression annotation, unless
    /// a cross-document rule's matcher or expression reads annotations: those rules must see every
    /// annotation still.
    @Test func annotationsReadByCrossDocumentRulesSurviveTheCopy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-annotations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each alone: the matcher's annotations must be kept without an expression reading them.
        let matcher = """
            policy "team/payments-budget" {
              title "Payments workloads have a disruption budget"
              severity error
              match kind Deployment
              exclude annotation "team" = "web"
              deny when not (any b in resources("PodDisruptionBudget", default(metadata.namespace, "")): b.metadata.name == metadata.name)
              message "payments Deployment '{metadata.name}' has no budget"
            }
            """
        let expression = """
            policy "team/owner-budget" {
              title "Owned workloads have a budget of their owner"
              severity warning
              match kind Deployment
              deny when metadata.annotations["owner"] exists
                and not (any b in resources("PodDisruptionBudget", default(metadata.namespace, "")): b.metadata.annotations["owner"] == metadata.annotations["owner"])
              message "{metadata.annotations.owner}'s Deployment '{metadata.name}' has no budget of theirs"
            }
            """
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: pay, namespace: shop, annotations: {team: payments, owner: ana}}
            spec: {template: {spec: {containers: [{name: pay, image: "pay:1.0.0"}]}}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop, annotations: {team: web, owner: bo}}
            spec: {template: {spec: {containers: [{name: web, image: "web:1.0.0"}]}}}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: shared, namespace: shop, annotations: {owner: ana}}
            spec: {maxUnavailable: 1}

            """
        let url = folder.appendingPathComponent("team.yaml")
        try Data(text.utf8).write(to: url)
        // No budget has a Deployment's name, but 'web' is excluded by its annotation; of the owners,
        // 'web''s has no budget.
        for (policy, expected) in [(matcher, ["payments Deployment 'pay' has no budget"]),
                                   (expression, ["bo's Deployment 'web' has no budget of theirs"])] {
            let policies = try PolicySet.compile([.text(policy, name: "team.policy")]).get()
            #expect(policies.looksAcrossDocuments)
            let validator = Validator(policies: policies, options: Self.copyingEvenFewFiles)
            let streamed = validator.validate(paths: [url.path])
            let whole = validator.validate(files: [(url.path, Array(text.utf8))])
            #expect(streamed.findings.map { "\($0.description) \($0.jsonPath)" } == whole.findings.map { "\($0.description) \($0.jsonPath)" })
            #expect(streamed.findings.map(\.message) == expected)
        }
    }

    /// A finding `at` a node of another arena (a parameter's mapping; a resource of another file
    /// looked up) points at the evaluated document, not at that node's line and column in text the
    /// report does not show: the parameter's own JSON, or the other file.
    @Test func findingsAtNodesOfOtherArenasPointAtTheDocument() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-other-arenas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let policy = """
            param table = {Deployment: {max: 3}, Gadget: {max: 1}}

            policy "acme/table" {
              title "Replicas within the table"
              match kind Deployment
              deny when default(spec.replicas, 1) > params.table[kind].max
              message "{kind} '{metadata.name}' over {params.table[kind]}"
              at params.table[kind]
            }

            policy "acme/service-spec" {
              title "Points at a Service of another file"
              match kind Deployment
              deny when any s in resources("Service", default(metadata.namespace, "")): s.metadata.name != metadata.name
              message "'{metadata.name}' shares its namespace with another Service"
              at resources("Service", default(metadata.namespace, ""))[0].spec
            }
            """
        let deployment = """
            # a comment, so the document starts on line 2
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec: {replicas: 9}

            """
        let service = """
            apiVersion: v1
            kind: Service
            metadata: {name: db, namespace: shop}
            spec:
              ports: [{port: 5432}]

            """
        let deploymentURL = folder.appendingPathComponent("deployment.yaml"), serviceURL = folder.appendingPathComponent("service.yaml")
        try Data(deployment.utf8).write(to: deploymentURL)
        try Data(service.utf8).write(to: serviceURL)
        let policies = try PolicySet.compile([.text(policy, name: "acme.policy")]).get()
        for options in [Self.copyingEvenFewFiles, ValidationOptions()] {
            let result = Validator(policies: policies, options: options).validate(paths: [deploymentURL.path, serviceURL.path])
            let found = result.findings.sorted { $0.policyID < $1.policyID }
            #expect(found.map(\.policyID) == ["acme/service-spec", "acme/table"])
            for finding in found {
                // The Deployment's first line and column: where the document starts.
                #expect(finding.range.file == deploymentURL.path, "\(finding)")
                #expect(finding.range.line == 2 && finding.range.column == 1, "\(finding)")
                #expect(finding.jsonPath == "$", "\(finding)")
            }
        }
    }

    /// Documents of a waiting file that no cross-document rule reads are not copied unless they
    /// carry annotations: their suppressions still apply, and one past the per-resource limit still
    /// gets its error, in document order with the others. A document past the limit over both
    /// passes keeps the findings one pass over every rule keeps (a document that is not a
    /// resource, evaluated in between, must not shift where they stand).
    @Test func documentsNotCopiedKeepTheirSuppressionsAndLimits() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-not-copied-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: everything, namespace: shop}
            rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}, {apiGroups: [""], resources: [pods/exec], verbs: [create]}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              replicas: 3
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec: {containers: [{name: api, image: "nginx:1.25"}]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: waived, namespace: shop, annotations: {portcullis.dev/ignore: "rbac/wildcard-rules -- a test role"}}
            rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: also-everything, namespace: shop}
            rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}, {apiGroups: [""], resources: [pods/exec], verbs: [create]}]
            ---
            settings: {replicas: 3}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: owned, namespace: shop, annotations: {team: payments, portcullis.dev/ignored: "not the suppression key"}}
            data: {mode: live}

            """
        let url = folder.appendingPathComponent("mixed.yaml")
        try Data(text.utf8).write(to: url)
        let policies = try PolicySet.compile([.builtin], options: PolicyOptions(all: true)).get()
        // Copied for the cross-document pass: the Deployment (the rules read it) and the Role with
        // the suppression annotation; not the others, the ConfigMap's other annotations included.
        let loaded = ManifestLoader().load(SourceFile(path: url.path, bytes: Array(text.utf8)))
        let scope = CrossDocumentScope(policies.graph)
        let projected = CrossDocumentProjection(policies.graph).projected(loaded, keeping: loaded.resources.map(scope.contains))
        #expect(projected.copied == [false, true, true, false, false, false])
        #expect(projected.file.resources[1].root["metadata"]?["annotations"]?["portcullis.dev/ignore"]?.scalarText
                == "rbac/wildcard-rules -- a test role")
        let describe = { (result: ValidationResult) in result.findings.map { "\($0.description) \($0.jsonPath) \($0.isSuppressed)" } }
        for limit in [1_000, 1] {
            var options = Self.copyingEvenFewFiles
            options.maxFindingsPerResource = limit
            let validator = Validator(policies: policies, options: options)
            let streamed = validator.validate(paths: [url.path])
            let whole = validator.validate(files: [(url.path, Array(text.utf8))])
            #expect(describe(streamed) == describe(whole))
            #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
            if limit == 1 {
                // The unannotated Roles (not copied) are past the limit, their errors in document
                // order with the Deployment's (which waits for the cross-document pass).
                let lines = streamed.diagnostics.filter { $0.description.contains("only the first 1 are reported") }.compactMap { $0.range?.line }
                #expect(lines.contains(1) && lines.contains(21))
                #expect(lines == lines.sorted())
            } else {
                #expect(streamed.findings.contains { $0.policyID == "rbac/wildcard-rules" && $0.resource.name == "waived" && $0.isSuppressed })
                #expect(streamed.findings.contains { $0.policyID == "rbac/wildcard-rules" && $0.resource.name == "everything" && !$0.isSuppressed })
                #expect(streamed.findings.contains { $0.policyID == "reliability/pdb-required" })
            }
        }
    }
}
