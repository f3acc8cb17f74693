import PortcullisDiagnostics

/// One mapping document of a file, or one item of a `kind: List`: a resource when it names its
/// `apiVersion` and `kind` (`isResource`).
package struct Document: Sendable {
    /// The display path of the file it came from.
    package let path: String
    /// 0-based position of its YAML document in the file's stream (empty documents count).
    package let streamIndex: Int
    /// For an item unpacked from a `*List`, its 0-based index in `items`.
    package let listItemIndex: Int?
    /// The resource's top-level mapping.
    package let root: Node
    /// For the object of an AdmissionReview: the request's operation (`CREATE`, `UPDATE`, …).
    package let operation: String?

    package init(path: String, streamIndex: Int, listItemIndex: Int?, root: Node, operation: String? = nil) {
        self.path = path
        self.streamIndex = streamIndex
        self.listItemIndex = listItemIndex
        self.root = root
        self.operation = operation
    }

    package var apiVersion: String? { root["apiVersion"]?.scalarText }
    package var kind: String? { root["kind"]?.scalarText }
    package var name: String? { root["metadata"]?["name"]?.scalarText }
    package var namespace: String? { root["metadata"]?["namespace"]?.scalarText }

    /// Whether this is a Kubernetes resource: it names both its `apiVersion` and its `kind`, as
    /// kubectl requires. Anything else (a Helm values file, an application's configuration) is read,
    /// but no policy runs on it and cross-document lookups do not see it. A document with only one
    /// of the two is not a resource either (the loader warns about it: `manifest.missing-kind`).
    package var isResource: Bool { Self.names(root["apiVersion"]) && Self.names(root["kind"]) }

    /// The identity fields `isResource` finds absent (`apiVersion`, `kind`), in that order.
    var missingIdentity: [String] {
        [("apiVersion", root["apiVersion"]), ("kind", root["kind"])].compactMap { Self.names($0.1) ? nil : $0.0 }
    }

    /// A non-empty, non-null scalar: something that can name an apiVersion or a kind.
    private static func names(_ node: Node?) -> Bool {
        guard let node, node.kind == .scalar, !node.isNull else { return false }
        return node.scalarText?.isEmpty == false
    }

    /// For an `admission.k8s.io` AdmissionReview: the object under review and the operation. A
    /// DELETE carries no object (nothing to check): the object is `nil`.
    var admissionRequest: (object: Node?, operation: String?)? {
        guard listItemIndex == nil, root["kind"]?.string == "AdmissionReview",
              root["apiVersion"]?.string?.hasPrefix("admission.k8s.io/") == true, let request = root["request"] else { return nil }
        let object = request["object"].flatMap { $0.kind == .mapping ? $0 : nil }
        return (object, request["operation"]?.string)
    }

    /// For a `v1/List` or any `*List` kind whose `items` is a sequence: the items.
    var listItems: [Node]? {
        guard listItemIndex == nil, let kind = root["kind"]?.string, kind.hasSuffix("List"),
              root["apiVersion"] != nil, let items = root["items"], items.kind == .sequence else { return nil }
        return items.elements
    }
}
