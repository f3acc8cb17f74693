/// Why a finding is not held against the run: an inline comment, an annotation on the resource or a
/// waiver in the configuration. The finding stays in reports (SARIF `suppressions`).
public struct Suppression: Sendable, Hashable {
    /// SARIF's two kinds: declared in the manifest itself, or outside it.
    public enum Kind: String, Sendable, Hashable {
        case inSource
        case external
    }

    public var kind: Kind
    /// The reason given (required for every form).
    public var justification: String
    /// Where it was declared, `file:line`.
    public var origin: String

    public init(kind: Kind, justification: String, origin: String) {
        self.kind = kind
        self.justification = justification
        self.origin = origin
    }
}
