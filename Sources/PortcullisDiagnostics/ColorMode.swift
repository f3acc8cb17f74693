/// Whether rendered output may use ANSI colour.
package enum ColorMode: String, Sendable, CaseIterable {
    /// Colour when the stream is a terminal and `NO_COLOR` is not set.
    case auto
    case always
    case never

    /// Decides for a file descriptor: `auto` means a terminal, no `NO_COLOR`, and `TERM` not `dumb`.
    package func allowsColor(fileDescriptor: Int32, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return Platform.isTerminal(fileDescriptor)
        }
    }
}
