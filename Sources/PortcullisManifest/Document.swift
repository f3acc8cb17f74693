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

    /// The identity fields, read once here: matchers, lookups, findings and reports ask for them many
    /// times per document (each read was a key lookup and a new `String`).
    package let apiVersion: String?
    package let kind: String?
    package let namespace: String?
    /// Read where a finding is made (often longer than a `String` holds inline: not kept).
    package var name: String? { root["metadata"]?["name"]?.scalarText }
    /// Whether this is a Kubernetes resource: it names both its `apiVersion` and its `kind`, as
    /// kubectl requires. Anything else (a Helm values file, an application's configuration) is read,
    /// but no policy runs on it and cross-document lookups do not see it. A document with only one
    /// of the two is not a resource either (the loader warns about it: `manifest.missing-kind`).
    package let isResource: Bool

    package init(path: String, streamIndex: Int, listItemIndex: Int?, root: Node, operation: String? = nil) {
        self.path = path
        self.streamIndex = streamIndex
        self.listItemIndex = listItemIndex
        self.root = root
        self.operation = operation
        let apiVersionNode = root["apiVersion"], kindNode = root["kind"], metadata = root["metadata"]
        apiVersion = apiVersionNode?.scalarText
        kind = kindNode?.scalarText
        namespace = metadata?["namespace"]?.scalarText
        isResource = Self.names(apiVersionNode) && Self.names(kindNode)
    }

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
