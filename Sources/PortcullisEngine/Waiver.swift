import PortcullisDiagnostics
import PortcullisManifest

/// An exception granted in the configuration file: which policy, for which resources or paths, why,
/// who owns it and until when. After `expires` it no longer suppresses and is itself reported.
package struct Waiver: Sendable, Equatable {
    package var policies: [String]
    /// Resource selector: each set field must match (globs).
    package var kind: String?
    package var namespace: String?
    package var name: String?
    /// File path globs (`legacy/**`).
    package let paths: [String]
    package var reason: String
    package var owner: String
    /// `YYYY-MM-DD`; the waiver holds through that day.
    package var expires: String
    /// Where it is written in the configuration file.
    package var origin: String
    package var span: SourceSpan?
    /// `paths`, compiled once.
    private var pathGlobs: [GlobPattern]

    package init(policies: [String], kind: String? = nil, namespace: String? = nil, name: String? = nil, paths: [String] = [],
                reason: String, owner: String, expires: String, origin: String, span: SourceSpan? = nil) {
        self.policies = policies
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.paths = paths
        self.reason = reason
        self.owner = owner
        self.expires = expires
        self.origin = origin
        self.span = span
        pathGlobs = paths.map(GlobPattern.init)
    }

    func matches(_ finding: Finding) -> Bool {
        func glob(_ pattern: String?, _ value: String?) -> Bool {
            guard let pattern else { return true }
            return GlobPattern(pattern, mode: .text).matches(value ?? "")
        }
        guard glob(kind, finding.kind), glob(namespace, finding.namespace), glob(name, finding.name) else { return false }
        return pathGlobs.isEmpty || pathGlobs.contains { $0.matches(finding.path) }
    }

    /// Whether the waiver has run out on `today` (`YYYY-MM-DD`).
    package func isExpired(on today: String) -> Bool { expires < today }

    package static func == (a: Waiver, b: Waiver) -> Bool { a.origin == b.origin && a.span == b.span && a.policies == b.policies }
}
