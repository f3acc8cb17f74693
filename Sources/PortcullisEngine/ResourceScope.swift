import PortcullisDiagnostics
import PortcullisManifest

/// Where a kind's objects live: in a namespace, or in the cluster as a whole (what `kubectl
/// api-resources` shows as NAMESPACED true or false, and a CustomResourceDefinition as `spec.scope`).
package enum ResourceScope: String, Sendable {
    case namespaced = "Namespaced"
    case cluster = "Cluster"
}

/// What the engine knows of resource scopes, for the `namespaced` and `cluster-scoped` matchers.
///
/// A resource's scope is, in this order: what a CustomResourceDefinition of the run declares for its
/// API group and kind (`spec.scope`, `spec.group`, `spec.names.kind`); cluster-scoped when its kind is
/// one of Kubernetes' own cluster-scoped kinds or a well-known operator's (`clusterScopedKinds`), when
/// its group is one whose kinds all are (`clusterScopedGroups`), or when it is the list kind of one of
/// these (`ClusterRoleList`); namespaced otherwise.
package enum ResourceScopes {
    /// The kind whose objects declare the scope of custom kinds.
    package static let definitionKind = "CustomResourceDefinition"

    /// Cluster-scoped kinds, whatever the API version: Kubernetes' own (`kubectl api-resources
    /// --namespaced=false`, including a few removed kinds old manifests still hold), and the
    /// cluster-scoped kinds of widely used operators whose names say so.
    package static let clusterScopedKinds: Set<String> = [
        // core
        "Namespace", "Node", "PersistentVolume", "ComponentStatus",
        // rbac.authorization.k8s.io
        "ClusterRole", "ClusterRoleBinding",
        // apiextensions.k8s.io, apiregistration.k8s.io
        "CustomResourceDefinition", "APIService",
        // admissionregistration.k8s.io
        "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
        // storage.k8s.io
        "StorageClass", "CSIDriver", "CSINode", "VolumeAttachment", "VolumeAttributesClass",
        // scheduling.k8s.io, node.k8s.io, networking.k8s.io
        "PriorityClass", "RuntimeClass", "IngressClass", "IPAddress", "ServiceCIDR",
        // certificates.k8s.io
        "CertificateSigningRequest", "ClusterTrustBundle",
        // flowcontrol.apiserver.k8s.io
        "FlowSchema", "PriorityLevelConfiguration",
        // authentication.k8s.io, authorization.k8s.io (LocalSubjectAccessReview is namespaced)
        "TokenReview", "SelfSubjectReview", "SubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview",
        // resource.k8s.io, storagemigration.k8s.io, internal.apiserver.k8s.io
        "DeviceClass", "ResourceSlice", "StorageVersionMigration", "StorageVersion",
        // removed from Kubernetes, still found in old manifests
        "PodSecurityPolicy", "InitializerConfiguration",
        // cert-manager, Gatekeeper, Kyverno, External Secrets, Gateway API, CSI snapshots, Argo Workflows
        "ClusterIssuer", "ConstraintTemplate", "ClusterPolicy", "ClusterCleanupPolicy", "ClusterPolicyReport",
        "ClusterSecretStore", "ClusterExternalSecret", "GatewayClass", "VolumeSnapshotClass", "VolumeSnapshotContent",
        "ClusterWorkflowTemplate",
    ]

    /// API groups all of whose kinds are cluster-scoped: Gatekeeper's constraints (one kind per
    /// ConstraintTemplate) and mutators.
    package static let clusterScopedGroups: Set<String> = ["constraints.gatekeeper.sh", "mutations.gatekeeper.sh"]

    /// The scope of a resource of `kind` and `apiVersion`, asking `inputSet` for the scopes its
    /// CustomResourceDefinitions declare.
    package static func scope(kind: String, apiVersion: String?, in inputSet: InputSet) -> ResourceScope {
        // Only a group with a dot can have a declared scope (`declaration` keeps declarable groups
        // only) or be a cluster-scoped group: the core group and `apps` are not looked up, and no
        // `String` is made of them (asked per document by `namespaced` and `cluster-scoped`).
        var dottedGroup: String?
        if let apiVersion {
            _ = withDottedGroup(of: apiVersion) { group in
                dottedGroup = String(decoding: group, as: UTF8.self)
                return true
            }
        }
        if let group = dottedGroup {
            if let declared = inputSet.declaredScope(kind: kind, group: group) { return declared }
            if clusterScopedGroups.contains(group) { return .cluster }
        }
        if clusterScopedKindTable.contains(kind) { return .cluster }
        if isListKind(kind), clusterScopedKindTable.contains(String(kind.dropLast(4))) { return .cluster }
        return .namespaced
    }

    /// `clusterScopedKinds` for `scope`, asked of every document by `namespaced` and `cluster-scoped`.
    private static let clusterScopedKindTable = FixedStringMap<Void>(clusterScopedKinds)

    /// Whether `kind` is a list kind's name (`ClusterRoleList`): longer than `List`, ending with it;
    /// compared as bytes (`hasSuffix` compares characters).
    private static func isListKind(_ kind: String) -> Bool {
        kind.withUTF8InPlace { bytes in
            let count = bytes.count
            return count > 4 && bytes[count - 4] == UInt8(ascii: "L") && bytes[count - 3] == UInt8(ascii: "i")
                && bytes[count - 2] == UInt8(ascii: "s") && bytes[count - 1] == UInt8(ascii: "t")
        }
    }

    /// The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `""` (the core group).
    package static func group(ofAPIVersion apiVersion: String) -> String {
        // Bytes, not characters: asked per document and rule, where grapheme breaking showed.
        guard let slash = apiVersion.utf8.firstIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(apiVersion[..<slash])
    }

    /// Kubernetes' own API groups with a dot in their name (those without one never are a
    /// definition's): the API server serves its own kinds there, whatever a definition says. Equal to
    /// the dotted groups of the embedded schema table (a test holds them together).
    package static let kubernetesDottedGroups: Set<String> = [
        "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "authentication.k8s.io",
        "authorization.k8s.io", "certificates.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "events.k8s.io",
        "flowcontrol.apiserver.k8s.io", "internal.apiserver.k8s.io", "lifecycle.k8s.io", "networking.k8s.io", "node.k8s.io",
        "rbac.authorization.k8s.io", "resource.k8s.io", "scheduling.k8s.io", "storage.k8s.io", "storagemigration.k8s.io",
    ]

    /// Whether a CustomResourceDefinition of the run can declare kinds of `group`: the API server
    /// accepts only a domain with at least one dot (never the core group, `apps`, `batch`…), and
    /// serves Kubernetes' own groups itself (`kubernetesDottedGroups`). Gateway API's
    /// `gateway.networking.k8s.io` or Cluster API's `cluster.x-k8s.io` are declarable.
    package static func isDeclarable(group: some StringProtocol) -> Bool {
        group.utf8.contains(UInt8(ascii: ".")) && !kubernetesDottedGroups.contains(String(group))
    }

    /// Whether `document`'s API group is one a CustomResourceDefinition of the run can declare
    /// (`isDeclarable`): only such a resource can get another scope or schema from the run.
    package static func isDeclarable(_ document: Document) -> Bool {
        // Most groups have no dot (`apps/v1`, `v1`): no `String` is made of them and no set asked.
        guard let apiVersion = document.apiVersion else { return false }
        return withDottedGroup(of: apiVersion) { isDeclarable(group: String(decoding: $0, as: UTF8.self)) }
    }

    /// `test` of the bytes of `apiVersion`'s API group, read where they are, when that group has a
    /// dot (`example.com/v1`, `networking.k8s.io/v1`); `false` for a group without one (`apps/v1`)
    /// and for the core group (`v1`). What a custom resource and a declarable group are told by.
    static func withDottedGroup(of apiVersion: String, _ test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        apiVersion.withUTF8InPlace { bytes in
            guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return false }
            let group = UnsafeBufferPointer(rebasing: bytes[..<slash])
            return group.contains(UInt8(ascii: ".")) && test(group)
        }
    }

    /// The scope a CustomResourceDefinition declares, with the group and kind it declares it for;
    /// `nil` for any other document, one without a valid `spec.scope`, or one declaring a group a
    /// definition cannot have (`isDeclarable`).
    static func declaration(_ document: Document) -> (group: String, kind: String, scope: ResourceScope)? {
        guard document.kind == definitionKind, document.apiVersion?.hasPrefix("apiextensions.k8s.io/") == true,
              let spec = document.root["spec"], let group = spec["group"]?.scalarText, isDeclarable(group: group),
              let kind = spec["names"]?["kind"]?.scalarText,
              let scope = spec["scope"]?.scalarText.flatMap(ResourceScope.init(rawValue:)) else { return nil }
        return (group, kind, scope)
    }
}
