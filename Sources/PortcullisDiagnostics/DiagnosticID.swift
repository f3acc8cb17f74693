/// A stable, dotted identifier of a kind of diagnostic, e.g. `yaml.syntax` or `input.too-large`.
///
/// Identifiers are part of the user interface: they appear in brackets after each message and in
/// machine-readable reports, so they never change once published.
package struct DiagnosticID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    package let rawValue: String

    package init(_ rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { self.rawValue = value }

    package var description: String { rawValue }
}
