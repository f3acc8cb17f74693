import Foundation
@testable import PortcullisSchema
import Testing

@Suite struct KubernetesSchemaTests {
    let schema = KubernetesSchema.embedded

    @Test func embeddedTableDecodesCompletely() throws {
        try schema.validateAll()
        #expect(schema.kubernetesVersion == "1.37.0")
        #expect(schema.kinds.count > 150)
    }

    @Test func deploymentFieldsHaveTheirTypes() throws {
        let deployment = try #require(schema.kind("Deployment", apiVersion: "apps/v1"))
        #expect(deployment.namespaced)
        #expect(deployment.group == "apps")
        let root = schema.object(deployment.type)
        #expect(root.requiredFields == ["spec"])
        guard case .object(let specRef)? = root.field("spec")?.type else { Issue.record("spec is not an object"); return }
        let spec = schema.object(specRef)
        #expect(spec.field("replicas")?.type == .integer)
        #expect(spec.requiredFields == ["selector", "template"])
        guard case .object(let templateRef)? = spec.field("template")?.type,
              case .object(let podRef)? = schema.object(templateRef).field("spec")?.type,
              case .list(.object(let containerRef), let keys)? = schema.object(podRef).field("containers")?.type else {
            Issue.record("no containers list"); return
        }
        #expect(keys == ["name"])
        let container = schema.object(containerRef)
        #expect(container.displayName == "Container")
        #expect(container.field("imagePullPolicy")?.type == .string(allowed: ["Always", "IfNotPresent", "Never"]))
        #expect(container.field("name")?.required == true)
        #expect(!container.allowsUnknownFields)
        guard case .object(let resourcesRef)? = container.field("resources")?.type else { Issue.record("no resources"); return }
        #expect(schema.object(resourcesRef).field("limits")?.type == .map(.quantity))
        guard case .list(.object(let portRef), let portKeys)? = container.field("ports")?.type else { Issue.record("no ports"); return }
        #expect(portKeys == ["containerPort", "protocol"])
        #expect(schema.object(portRef).field("protocol")?.type == .string(allowed: ["SCTP", "TCP", "UDP"]))
    }

    @Test func scopesAndVersions() {
        #expect(schema.kind("Namespace", apiVersion: "v1")?.namespaced == false)
        #expect(schema.kind("ClusterRole", apiVersion: "rbac.authorization.k8s.io/v1")?.namespaced == false)
        #expect(schema.kind("Deployment", apiVersion: "extensions/v1beta1") == nil)
        #expect(schema.versions(of: "HorizontalPodAutoscaler").map(\.apiVersion).contains("autoscaling/v2"))
        #expect(!schema.isKnownKind("Deploymnet"))
        #expect(schema.groups.contains("apps") && schema.groups.contains(""))
    }

    @Test func intOrStringAndPreservedFields() throws {
        let service = schema.object(try #require(schema.kind("Service", apiVersion: "v1")).type)
        guard case .object(let specRef)? = service.field("spec")?.type,
              case .list(.object(let portRef), _)? = schema.object(specRef).field("ports")?.type else { Issue.record("no ports"); return }
        #expect(schema.object(portRef).field("targetPort")?.type == .intOrString)
        let crd = schema.object(try #require(schema.kind("CustomResourceDefinition", apiVersion: "apiextensions.k8s.io/v1")).type)
        #expect(!crd.allowsUnknownFields)
    }

    @Test(arguments: [
        ("nothing", 1, "not a Portcullis schema table"),
        ("portcullis-schema 1 kubernetes=1\nK Pod v1 n\n", 2, "a kind line"),
        ("portcullis-schema 1 kubernetes=1\nX\n", 2, "starts with K or T"),
        ("portcullis-schema 1 kubernetes=1\nK Pod v1 n 3\nT core.v1.Pod\t-\n", 1, "past the last"),
    ])
    func malformedTablesAreErrorsWithTheirLine(text: String, line: Int, reason: String) {
        #expect {
            _ = try KubernetesSchema(table: Array(text.utf8))
        } throws: { error in
            guard let error = error as? SchemaTableError else { return false }
            return error.line == line && error.reason.contains(reason)
        }
    }

    @Test func malformedTypeLinesAreFoundByValidateAll() throws {
        let table = try KubernetesSchema(table: Array("portcullis-schema 1 kubernetes=1\nK Pod v1 n 0\nT core.v1.Pod\t-\tspec:@7\n".utf8))
        #expect(throws: SchemaTableError(line: 3, "'@7' names no type line")) { try table.validateAll() }
    }

    @Test(arguments: [("replcas", "replicas"), ("metdata", "metadata"), ("imagePullpolicy", "imagePullPolicy"), ("Deploymnet", "Deployment")])
    func suggestions(typo: String, meant: String) {
        #expect(NameSuggestion.nearest(to: typo, among: ["replicas", "metadata", "imagePullPolicy", "Deployment", "selector"]) == meant)
    }

    @Test func noSuggestionWhenNothingIsNear() {
        #expect(NameSuggestion.nearest(to: "zzz", among: ["replicas", "metadata"]) == nil)
    }

    /// The binary embeds the committed table, byte for byte (EmbeddedSchemaTable.swift, written by
    /// `make schema-table` from it).
    @Test func theEmbeddedTableIsTheCommittedOne() throws {
        let committed = try String(contentsOf: SchemaGenerator.committedTable, encoding: .utf8)
        let embedded = EmbeddedSchemaTable.bytes.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        #expect(embedded + "\n" == committed, "Sources/PortcullisSchema/EmbeddedSchemaTable.swift is stale: run `make schema-table`")
    }

    /// The committed table is exactly what the generator writes from kubernetes-validate.
    @Test(.enabled(if: SchemaGenerator.available, "skipped: the schema generator cannot run here (python3 venv or PyPI unavailable; the reason is printed)"))
    func committedTableMatchesTheGenerator() throws {
        let generated = try SchemaGenerator.generate()
        let committed = try String(contentsOf: SchemaGenerator.committedTable, encoding: .utf8)
        #expect(generated == committed, "schemas/kubernetes.schema is stale: run `make schema-table`")
    }
}
