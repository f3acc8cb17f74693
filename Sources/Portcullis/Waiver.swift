import PortcullisDiagnostics
import PortcullisManifest

/// An exception granted in the configuration file: which policies, for which resources or paths,
/// why, who owns it and until when. After `expires` it no longer suppresses and is itself reported.
public struct Waiver: Sendable, Hashable {
    /// Policy ids or packs (`images` covers `images/…`), or `all`.
    public var policies: [String]
    /// Resource selector: each field given must match (globs: `old-*`).
    public var kind: String?
    /// Namespace glob.
    public var namespace: String?
    /// Name glob.
    public var name: String?
    /// File path globs (`legacy/**`), relative to the configuration file's folder.
    public var paths: [String]
    /// Why the exception is granted (shown with every suppressed finding).
    public var reason: String
    /// Who answers for it.
    public var owner: String
    /// `YYYY-MM-DD`; the waiver holds through that day.
    public var expires: String
    /// Where it is written: the configuration file and its line.
    public var origin: SourceRange?

    /// Where its `policy` is written (an unknown policy is reported there).
    var policyOrigin: SourceRange?
    /// The configuration file's folder: path globs are relative to it.
    let folder: String?
    private let kindGlob: GlobPattern?
    private let namespaceGlob: GlobPattern?
    private let nameGlob: GlobPattern?
    private let pathGlobs: [GlobPattern]

    /// A waiver; `paths` are globs over the paths the run shows.
    public init(policies: [String], kind: String? = nil, namespace: String? = nil, name: String? = nil, paths: [String] = [],
                reason: String, owner: String, expires: String, origin: SourceRange? = nil) {
        self.init(policies: policies, kind: kind, namespace: namespace, name: name, paths: paths, reason: reason, owner: owner,
                  expires: expires, origin: origin, folder: nil)
    }

    init(policies: [String], kind: String?, namespace: String?, name: String?, paths: [String],
         reason: String, owner: String, expires: String, origin: SourceRange?, folder: String?) {
        self.policies = policies
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.paths = paths
        self.reason = reason
        self.owner = owner
        self.expires = expires
        self.origin = origin
        self.folder = folder
        kindGlob = kind.map { GlobPattern($0, mode: .text) }
        namespaceGlob = namespace.map { GlobPattern($0, mode: .text) }
        nameGlob = name.map { GlobPattern($0, mode: .text) }
        pathGlobs = paths.map(GlobPattern.init)
    }

    /// Whether the waiver has run out on `today` (`YYYY-MM-DD`).
    public func isExpired(on today: String) -> Bool { expires < today }

    /// Whether the waiver's selector covers a finding (the policy is checked by the caller).
    func covers(kind: String?, namespace: String?, name: String?, path: String) -> Bool {
        if let kindGlob, !kindGlob.matches(kind ?? "") { return false }
        if let namespaceGlob, !namespaceGlob.matches(namespace ?? "") { return false }
        if let nameGlob, !nameGlob.matches(name ?? "") { return false }
        guard !pathGlobs.isEmpty else { return true }
        // The path as the run shows it, and relative to the configuration's folder.
        var candidates = [path]
        if let folder, let relative = PathResolution.relative(PathResolution.absolute(path), to: folder) { candidates.append(relative) }
        return pathGlobs.contains { glob in candidates.contains { glob.matches($0) } }
    }

    /// Where the waiver is written, as `file:line`.
    var originText: String { origin.map { "\($0.file):\($0.line)" } ?? "" }

    public static func == (a: Waiver, b: Waiver) -> Bool {
        a.policies == b.policies && a.kind == b.kind && a.namespace == b.namespace && a.name == b.name && a.paths == b.paths
            && a.reason == b.reason && a.owner == b.owner && a.expires == b.expires && a.origin == b.origin
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(policies)
        hasher.combine(expires)
        hasher.combine(origin)
    }
}
