import PortcullisEngine

/// A violation of a policy by a resource: which policy, how bad, what, where exactly (the node's
/// line and column), in which resource, and how to fix it.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    let base: PortcullisEngine.Finding

    init(_ base: PortcullisEngine.Finding) { self.base = base }

    /// The policy's id, e.g. `images/no-latest-tag`.
    public var policyID: String { base.policyID }
    /// The `deny` block that found it, in a policy with several: its label (`deny pdb when …`), else
    /// its 1-based number; `nil` for a policy with one unnamed block.
    public var check: String? { base.check }
    /// The policy's severity (after overrides).
    public var severity: Severity { Severity(base.severity) }
    /// What is wrong with this resource, naming the container or field.
    public var message: String { base.message }
    /// The node the finding points at; for a missing field, the mapping where it belongs.
    public var range: SourceRange { SourceRange(file: base.path, span: base.span) }
    /// The resource: kind, namespace and name as written (any may be missing).
    public var resource: ResourceIdentity {
        ResourceIdentity(kind: base.kind, namespace: base.namespace, name: base.name, documentIndex: base.documentIndex, listItemIndex: base.listItemIndex)
    }
    /// The node's JSON path, e.g. `$.spec.template.spec.containers[0].image`.
    public var jsonPath: String { base.jsonPath }
    /// How to fix it, in one sentence, and where to read more.
    public var help: String? { base.help }
    public var helpURL: String? { base.helpURL }
    /// What to change, step by step.
    public var remediation: String? { base.remediation }
    /// Set when an inline comment, an annotation or a waiver covers the finding: it is still
    /// reported, but never fails a run.
    public var suppression: Suppression? { base.suppression.map(Suppression.init) }
    /// Whether a suppression covers the finding.
    public var isSuppressed: Bool { base.isSuppressed }

    /// `file:line:column: severity: message [policy]`.
    public var description: String { "\(range): \(severity.rawValue): \(message) [\(policyID)\(check.map { "#" + $0 } ?? "")]" }
}

/// Which resource a finding is about.
public struct ResourceIdentity: Sendable, Hashable {
    /// `Deployment`, `Pod`, … as written.
    public var kind: String?
    /// `metadata.namespace`, when set.
    public var namespace: String?
    /// `metadata.name`, when set.
    public var name: String?
    /// 0-based position of the YAML document in its file.
    public var documentIndex: Int
    /// The item's index when the resource is an item of a `kind: List`.
    public var listItemIndex: Int?
}

/// Why a finding does not count against a run.
public struct Suppression: Sendable, Hashable {
    /// Declared in the manifest itself (a comment, an annotation) or outside it (a waiver).
    public enum Kind: String, Sendable, Hashable {
        /// A comment or an annotation in the manifest.
        case inSource
        /// A waiver in the configuration file.
        case external
    }

    /// Where it was declared.
    public var kind: Kind
    /// The reason given (every form requires one).
    public var justification: String
    /// Where it was declared, `file:line`.
    public var origin: String

    init(_ base: PortcullisEngine.Suppression) {
        kind = base.kind == .inSource ? .inSource : .external
        justification = base.justification
        origin = base.origin
    }
}
