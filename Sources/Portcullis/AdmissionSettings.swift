import PortcullisManifest

/// What a policy's findings do to an admission request.
public enum AdmissionMode: String, Sendable, Hashable, CaseIterable {
    /// Deny the request (`allowed: false`, HTTP 403 in the review's status), naming each finding.
    case enforce
    /// Allow it, and return the findings as warnings (kubectl prints them).
    case warn
    /// Allow it silently: the findings are logged and counted only.
    case audit

    /// The default for a severity: errors enforce, warnings warn, information is audited.
    public init(severity: Severity) {
        switch severity {
        case .error: self = .enforce
        case .warning: self = .warn
        case .info: self = .audit
        }
    }
}

/// What the admission endpoint answers when it cannot evaluate a request (the evaluation deadline
/// passed, an internal error): the same choice as a ValidatingWebhookConfiguration's `failurePolicy`.
public enum AdmissionFailurePolicy: String, Sendable, Hashable, CaseIterable {
    /// Deny, with the reason in the message (the default: a broken gate stays closed).
    case fail
    /// Allow, with the reason as a warning.
    case ignore
}

/// The `admission:` section of `.portcullis.yaml`: how `portcullis serve` turns findings into
/// admission decisions. `check` ignores it.
///
/// ```yaml
/// admission:
///   modes: {images: warn, secrets/no-plaintext: audit}   # by policy id or pack; an id wins
///   exempt: {namespaces: [kube-system, "team-*"], users: ["system:serviceaccount:flux-system:*"], groups: []}
///   check-delete: false        # DELETE: check the object being deleted (oldObject)
///   subresources: false        # requests on subresources (status, scale, …)
///   failure-policy: fail       # fail | ignore, when a request cannot be evaluated
///   timeout-ms: 500            # evaluation deadline per request
/// ```
public struct AdmissionSettings: Sendable {
    /// Modes by policy id or pack (`images`); an id wins over its pack, a longer pack over a shorter.
    /// Policies named nowhere take the mode of their severity (`AdmissionMode.init(severity:)`).
    public var modes: [String: AdmissionMode] = [:]
    /// Namespaces whose requests are allowed without evaluation (globs: `team-*`).
    public var exemptNamespaces: [String] = [] { didSet { namespaceGlobs = exemptNamespaces.map(Self.glob) } }
    /// Users (`userInfo.username`) whose requests are allowed without evaluation (globs).
    public var exemptUsers: [String] = [] { didSet { userGlobs = exemptUsers.map(Self.glob) } }
    /// Groups (`userInfo.groups`) whose members' requests are allowed without evaluation (globs).
    public var exemptGroups: [String] = [] { didSet { groupGlobs = exemptGroups.map(Self.glob) } }
    /// Whether a DELETE checks the object being deleted (`oldObject`); otherwise it is allowed unchecked.
    public var checkDelete = false
    /// Whether requests on subresources (`status`, `scale`, `exec`, …) are checked; otherwise allowed.
    public var subresources = false
    /// What to answer when a request cannot be evaluated.
    public var failurePolicy = AdmissionFailurePolicy.fail
    /// The evaluation deadline per request, in milliseconds.
    public var timeoutMilliseconds = 500

    private var namespaceGlobs: [GlobPattern] = []
    private var userGlobs: [GlobPattern] = []
    private var groupGlobs: [GlobPattern] = []

    /// The defaults: modes from severities, no exemptions, DELETE and subresources unchecked, fail
    /// closed, 500 ms.
    public init() {}

    /// The mode of `policy`: its id's, else its longest pack's, else its severity's.
    public func mode(for policy: PolicyDescription) -> AdmissionMode {
        if let exact = modes[policy.id] { return exact }
        let packs = modes.filter { policy.id.hasPrefix($0.key + "/") }
        return packs.max { $0.key.count < $1.key.count }?.value ?? AdmissionMode(severity: policy.severity)
    }

    /// Why a request is exempt (`namespace 'kube-system' is exempt`), or nil when it is not.
    public func exemption(namespace: String?, user: String?, groups: [String]) -> String? {
        if let namespace, !namespace.isEmpty, let glob = namespaceGlobs.first(where: { $0.matches(namespace) }) {
            return "namespace '\(namespace)' is exempt (\(glob.pattern))"
        }
        if let user, let glob = userGlobs.first(where: { $0.matches(user) }) {
            return "user '\(user)' is exempt (\(glob.pattern))"
        }
        for group in groups {
            if let glob = groupGlobs.first(where: { $0.matches(group) }) { return "group '\(group)' is exempt (\(glob.pattern))" }
        }
        return nil
    }

    /// The mode names that select no policy among `ids` (a typo, or a policy that does not run).
    public func unknownModeNames(among ids: [String]) -> [String] {
        modes.keys.sorted().filter { name in !ids.contains { $0 == name || $0.hasPrefix(name + "/") } }
    }

    private static func glob(_ pattern: String) -> GlobPattern { GlobPattern(pattern, mode: .text) }
}
