/// Which top-level fields of a resource the consumer (the rule graph) will read, by kind.
///
/// With a projection the loader still parses every byte (syntax errors are still found) but does not
/// build the tree of a top-level mapping or sequence no consumer reads — a ConfigMap's `data`, a
/// CustomResourceDefinition's schemas (`alwaysKeptNested`) — and puts a null placeholder in its place.
/// The kind must appear before the field (as it does in nearly every manifest); fields before `kind`
/// are always built.
package struct ManifestProjection: Sendable, Hashable {
    /// Top-level keys to build, per kind.
    package let keysByKind: [String: Set<String>]
    /// Kinds whose resources are built whole.
    package let wholeKinds: Set<String>
    /// Keys to build for kinds in neither; `nil` builds everything.
    package let otherKinds: Set<String>?
    /// `keysByKind` and `otherKinds` with `alwaysKept` added, made once (a loader asks for each
    /// kind of each file).
    private let builtKeysByKind: [String: Set<String>]
    private let builtKeysOfOtherKinds: Set<String>?
    /// Keys always built, whatever the kind: identity, and `items` of a List.
    package static let alwaysKept: Set<String> = ["apiVersion", "kind", "metadata", "items"]
    /// Second-level keys built, by kind, under a top-level mapping the projection otherwise leaves
    /// unbuilt: a CustomResourceDefinition's `spec.group`, `spec.names` and `spec.scope` (the kind it
    /// defines and that kind's scope, which the `namespaced`/`cluster-scoped` matchers look up) without
    /// its schemas. Scalars directly under such a mapping are built too; its other collections are not.
    package static let alwaysKeptNested: [String: [String: Set<String>]] = [
        "CustomResourceDefinition": ["spec": ["group", "names", "scope"]],
    ]

    package init(keysByKind: [String: Set<String>], wholeKinds: Set<String> = [], otherKinds: Set<String>?) {
        self.keysByKind = keysByKind
        self.wholeKinds = wholeKinds
        self.otherKinds = otherKinds
        builtKeysByKind = keysByKind.mapValues { $0.union(Self.alwaysKept) }
        builtKeysOfOtherKinds = otherKinds.map { $0.union(Self.alwaysKept) }
    }

    /// The keys to build for `kind`, or `nil` for everything.
    package func keys(forKind kind: String) -> Set<String>? {
        if kind.hasSuffix("List") || kind == "AdmissionReview" || wholeKinds.contains(kind) { return nil }
        if let keys = builtKeysByKind[kind] { return keys }
        return builtKeysOfOtherKinds
    }
}
