import PortcullisDiagnostics

/// Whether rendered output may use ANSI colour.
public enum ColorMode: String, Sendable, CaseIterable {
    /// Colour when the stream is a terminal, `NO_COLOR` is not set and `TERM` is not `dumb`.
    case auto
    /// Always colour (`--color always`).
    case always
    /// Never colour.
    case never

    /// Decides for an open file descriptor (1: standard output, 2: standard error).
    public func allowsColor(fileDescriptor: Int32, environment: [String: String]) -> Bool {
        let layer: PortcullisDiagnostics.ColorMode = switch self {
        case .auto: .auto
        case .always: .always
        case .never: .never
        }
        return layer.allowsColor(fileDescriptor: fileDescriptor, environment: environment)
    }
}
