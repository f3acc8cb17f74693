import PortcullisDiagnostics

/// How much a finding or a problem matters. Ordered: `info` < `warning` < `error`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    /// Worth knowing; never fails a run unless `--fail-on info`.
    case info
    /// Should be fixed; fails a run with `--fail-on warning`.
    case warning
    /// Must be fixed: fails a run, denies an admission request in enforce mode.
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    init(_ layer: PortcullisDiagnostics.Severity) {
        switch layer {
        case .info: self = .info
        case .warning: self = .warning
        case .error: self = .error
        }
    }

    var layer: PortcullisDiagnostics.Severity {
        switch self {
        case .info: .info
        case .warning: .warning
        case .error: .error
        }
    }
}
