import PortcullisDiagnostics
import PortcullisManifest

/// A violation of a policy by a resource: what, where exactly, and how to fix it.
public struct Finding: Sendable, Hashable {
    public var policyID: String
    public var severity: Severity
    public var message: String
    /// The manifest file (display path).
    public var path: String
    /// The node the finding points at; for a missing field, the mapping where it belongs.
    public var span: SourceSpan
    /// 0-based position of the YAML document in its file.
    public var documentIndex: Int
    public var listItemIndex: Int?
    public var kind: String?
    public var namespace: String?
    public var name: String?
    /// How to reach the node from the resource's root.
    public var pathComponents: [PathComponent]
    /// JSON path of the node, e.g. `$.spec.template.spec.containers[0].image` (built when asked).
    public var jsonPath: String { PortcullisManifest.Node.jsonPath(pathComponents) }
    public var help: String?
    public var helpURL: String?
    public var remediation: String?
    /// Set when a suppression (inline comment, annotation, waiver) covers the finding: it is still
    /// reported (SARIF `suppressions`), but never fails the run.
    public var suppression: Suppression?

    /// Report order: file, line, column, policy, message.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.span.start != b.span.start { return a.span.start < b.span.start }
        if a.policyID != b.policyID { return a.policyID < b.policyID }
        return a.message < b.message
    }
}
