import PortcullisDiagnostics
@testable import PortcullisEngine
import PortcullisManifest
import Testing

/// A workload's pod spec and pod metadata are found by keys spelt in the program, per kind
/// (`WorkloadKinds.pod(_:of:kind:)`): where the kind's paths (`podSpecPaths`, `podMetadataPath`)
/// say, for every kind they name, and nowhere for any other.
@Suite struct WorkloadKindsTests {
    static func root(_ yaml: String) throws -> Node {
        let file = KeptFiles.keep(ManifestLoader().load(SourceFile(path: "test.yaml", bytes: Array(yaml.utf8))))
        return try #require(file.resources.first).root
    }

    /// A document of `kind` holding every place a pod template can be.
    static func everywhere(_ kind: String) -> String {
        """
        kind: \(kind)
        metadata: {name: a, labels: {at: root}}
        spec:
          metadata: {labels: {at: spec}}
          spec: {containers: [{name: spec-spec}]}
          template:
            metadata: {labels: {at: template}}
            spec: {containers: [{name: template}]}
          jobTemplate:
            spec:
              template:
                metadata: {labels: {at: job-template}}
                spec: {containers: [{name: job-template}]}
        """
    }

    @Test(arguments: ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController", "CronJob", "Pod",
                      "Service", "ConfigMap", "Cronjob", "deployment", ""])
    func podPartsAreWhereTheKindsPathsSay(_ kind: String) throws {
        let root = try Self.root(Self.everywhere(kind))
        #expect(WorkloadKinds.hasPodTemplate(kind) == (WorkloadKinds.podSpecPaths[kind] != nil))
        let spec = WorkloadKinds.podSpecPaths[kind].flatMap { root.node(at: $0) }
        let metadata = WorkloadKinds.podMetadataPath(kind).flatMap { root.node(at: $0) }
        #expect(WorkloadKinds.pod(.spec, of: root, kind: kind)?.index == spec?.index)
        #expect(WorkloadKinds.pod(.metadata, of: root, kind: kind)?.index == metadata?.index)
        #expect((spec != nil) == WorkloadKinds.hasPodTemplate(kind))
    }

    /// A kind given a pod spec path later is found by the `switch`es too, or this fails.
    @Test func everyKindWithAPodSpecPathHasItsParts() throws {
        for kind in WorkloadKinds.podSpecPaths.keys {
            try podPartsAreWhereTheKindsPathsSay(kind)
            #expect(WorkloadKinds.hasPodTemplate(kind), "\(kind)")
        }
    }

    @Test func aTemplateMissingOrNotAMappingHasNoParts() throws {
        for yaml in ["kind: Deployment\nspec: {replicas: 2}\n", "kind: Deployment\nspec: [template]\n",
                     "kind: CronJob\nspec: {jobTemplate: {spec: {}}}\n"] {
            let root = try Self.root(yaml)
            #expect(WorkloadKinds.pod(.spec, of: root, kind: root[literal: "kind"]?.scalarText ?? "") == nil, "\(yaml)")
        }
    }
}
