import PortcullisDiagnostics
import PortcullisManifest

/// An exception granted in the configuration file: which policy, for which resources or paths, why,
/// who owns it and until when. After `expires` it no longer suppresses and is itself reported.
public struct Waiver: Sendable, Equatable {
    public var policies: [String]
    /// Resource selector: each set field must match (globs).
    public var kind: String?
    public var namespace: String?
    public var name: String?
    /// File path globs (`legacy/**`).
    public let paths: [String]
    public var reason: String
    public var owner: String
    /// `YYYY-MM-DD`; the waiver holds through that day.
    public var expires: String
    /// Where it is written in the configuration file.
    public var origin: String
    public var span: SourceSpan?
    /// `paths`, compiled once.
    private var pathGlobs: [GlobPattern]

    public init(policies: [String], kind: String? = nil, namespace: String? = nil, name: String? = nil, paths: [String] = [],
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
            return Wildcard.matches(value ?? "", pattern)
        }
        guard glob(kind, finding.kind), glob(namespace, finding.namespace), glob(name, finding.name) else { return false }
        return pathGlobs.isEmpty || pathGlobs.contains { $0.matches(finding.path) }
    }

    /// Whether the waiver has run out on `today` (`YYYY-MM-DD`).
    public func isExpired(on today: String) -> Bool { expires < today }

    public static func == (a: Waiver, b: Waiver) -> Bool { a.origin == b.origin && a.span == b.span && a.policies == b.policies }
}
