import PortcullisDiagnostics

/// Which compiled policies a run uses. A name selects a policy by id (`images/digest-pinned`) or a
/// whole pack by its first id segment (`images`).
package struct PolicySelection: Sendable {
    /// Opt-in policies (`enabled false`) to turn on.
    package var enable: [String] = []
    /// Policies to turn off.
    package var disable: [String] = []
    /// When set, exactly these policies (opt-in ones included), minus `disable`.
    package var only: [String]?
    /// Every policy, opt-in ones included (`portcullis test`, `rules --all`).
    package var everything = false
    /// Severity overrides by policy id or pack (an id wins over its pack).
    package var severities: [String: Severity] = [:]

    package init(enable: [String] = [], disable: [String] = [], only: [String]? = nil, everything: Bool = false) {
        self.enable = enable
        self.disable = disable
        self.only = only
        self.everything = everything
    }

    /// The default: policies enabled by default.
    package static let defaults = PolicySelection()
    /// Every policy.
    package static let all = PolicySelection(everything: true)

    static func names(_ name: String, _ id: String) -> Bool {
        id == name || id.hasPrefix(name + "/")
    }

    func severity(for id: String) -> Severity? {
        if let exact = severities[id] { return exact }
        return severities.filter { Self.names($0.key, id) }.max { $0.key.count < $1.key.count }?.value
    }

    func includes(_ info: PolicyInfo) -> Bool {
        if disable.contains(where: { Self.names($0, info.id) }) { return false }
        if let only { return only.contains { Self.names($0, info.id) } }
        return everything || info.enabledByDefault || enable.contains { Self.names($0, info.id) }
    }

    /// Names that select no policy at all (a typo in `--enable`, `--disable` or `--only`).
    func unknownNames(among ids: [String]) -> [String] {
        (enable + disable + (only ?? []) + Array(severities.keys)).filter { name in !ids.contains { Self.names(name, $0) } }
    }
}
