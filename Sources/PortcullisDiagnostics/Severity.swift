/// How serious a diagnostic or finding is. Ordered: `info` < `warning` < `error`.
package enum Severity: String, Comparable, CaseIterable, Sendable, Codable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
