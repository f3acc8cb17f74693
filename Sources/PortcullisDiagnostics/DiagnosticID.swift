/// A stable, dotted identifier of a kind of diagnostic, e.g. `yaml.syntax` or `input.too-large`.
///
/// Identifiers are part of the user interface: they appear in brackets after each message and in
/// machine-readable reports, so they never change once published.
public struct DiagnosticID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
}
