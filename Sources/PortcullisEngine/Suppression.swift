/// Why a finding is not held against the run: an inline comment, an annotation on the resource or a
/// waiver in the configuration. The finding stays in reports (SARIF `suppressions`).
package struct Suppression: Sendable, Hashable {
    /// The annotation that suppresses findings on its resource (`"POLICY -- reason"`; several
    /// entries separated by `;` or new lines).
    package static let annotation = "portcullis.dev/ignore"

    /// SARIF's two kinds: declared in the manifest itself, or outside it.
    package enum Kind: String, Sendable, Hashable {
        case inSource
        case external
    }

    package var kind: Kind
    /// The reason given (required for every form).
    package var justification: String
    /// Where it was declared, `file:line`.
    package var origin: String

    package init(kind: Kind, justification: String, origin: String) {
        self.kind = kind
        self.justification = justification
        self.origin = origin
    }
}
