import PortcullisDiagnostics
import PortcullisManifest

/// A violation of a policy by a resource: what, where exactly, and how to fix it.
package struct Finding: Sendable, Hashable {
    package var policyID: String
    /// The `deny` block that found it, in a policy with several (its label, else its number).
    package var check: String?
    package var severity: Severity
    package var message: String
    /// The manifest file (display path).
    package var path: String
    /// The node the finding points at; for a missing field, the mapping where it belongs.
    package var span: SourceSpan
    /// 0-based position of the YAML document in its file.
    package var documentIndex: Int
    package var listItemIndex: Int?
    package var kind: String?
    package var namespace: String?
    package var name: String?
    /// How to reach the node from the resource's root.
    package var pathComponents: [PathComponent]
    /// JSON path of the node, e.g. `$.spec.template.spec.containers[0].image` (built when asked).
    package var jsonPath: String { PortcullisManifest.Node.jsonPath(pathComponents) }
    package var help: String?
    package var helpURL: String?
    package var remediation: String?
    /// Set when a suppression (inline comment, annotation, waiver) covers the finding: it is still
    /// reported (SARIF `suppressions`), but never fails the run.
    package var suppression: Suppression?

    package init(policyID: String, severity: Severity, message: String, path: String, span: SourceSpan, documentIndex: Int,
                 listItemIndex: Int?, kind: String?, namespace: String?, name: String?, pathComponents: [PathComponent],
                 help: String?, helpURL: String?, remediation: String?, suppression: Suppression? = nil, check: String? = nil) {
        self.policyID = policyID
        self.check = check
        self.severity = severity
        self.message = message
        self.path = path
        self.span = span
        self.documentIndex = documentIndex
        self.listItemIndex = listItemIndex
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.pathComponents = pathComponents
        self.help = help
        self.helpURL = helpURL
        self.remediation = remediation
        self.suppression = suppression
    }

    /// Report order: file, line, column, policy, message.
    package static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.span.start != b.span.start { return a.span.start < b.span.start }
        if a.policyID != b.policyID { return a.policyID < b.policyID }
        if a.check != b.check { return (a.check ?? "") < (b.check ?? "") }
        return a.message < b.message
    }
}
