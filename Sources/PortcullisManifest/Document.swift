import PortcullisDiagnostics

/// One resource: a non-empty YAML document of a file, or one item of a `kind: List`.
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
