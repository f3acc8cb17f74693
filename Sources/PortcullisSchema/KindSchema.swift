/// One kind at one apiVersion, as the schema table lists it.
package struct KindSchema: Sendable, Hashable {
    package let kind: String
    /// `apps/v1`, `v1`.
    package let apiVersion: String
    /// Whether its objects live in a namespace.
    package let namespaced: Bool
    /// The object type of its documents.
    package let type: ObjectReference

    package init(kind: String, apiVersion: String, namespaced: Bool, type: ObjectReference) {
        self.kind = kind
        self.apiVersion = apiVersion
        self.namespaced = namespaced
        self.type = type
    }

    /// The API group: `apps` for `apps/v1`, `""` for the core group's `v1`.
    package var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }
}
