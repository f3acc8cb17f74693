/// A problem found in an input (a manifest, a policy, a configuration file).
///
/// Diagnostics are collected, not thrown: one bad file yields diagnostics and the run goes on.
package struct Diagnostic: Hashable, Sendable {
    /// What kind of problem this is; stable across releases.
    package var id: DiagnosticID
    package var severity: Severity
    package var message: String
    /// The file the problem is in, as shown to the user; `nil` for problems of the run itself.
    package var path: String?
    /// Where in `path` the problem is, when it has a position.
    package var span: SourceSpan?
    /// Further explanation, each optionally with a position of its own.
    package var notes: [DiagnosticNote]

    package init(
        id: DiagnosticID,
        severity: Severity,
        message: String,
        path: String? = nil,
        span: SourceSpan? = nil,
        notes: [DiagnosticNote] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.path = path
        self.span = span
        self.notes = notes
    }

    /// An error diagnostic.
    package static func error(
        _ id: DiagnosticID, _ message: String, path: String? = nil, at span: SourceSpan? = nil,
        notes: [DiagnosticNote] = []
    ) -> Diagnostic {
        Diagnostic(id: id, severity: .error, message: message, path: path, span: span, notes: notes)
    }

    /// A warning diagnostic.
    package static func warning(
        _ id: DiagnosticID, _ message: String, path: String? = nil, at span: SourceSpan? = nil,
        notes: [DiagnosticNote] = []
    ) -> Diagnostic {
        Diagnostic(id: id, severity: .warning, message: message, path: path, span: span, notes: notes)
    }
}

/// A secondary message attached to a diagnostic.
package struct DiagnosticNote: Hashable, Sendable {
    package var message: String
    package var span: SourceSpan?

    package init(_ message: String, at span: SourceSpan? = nil) {
        self.message = message
        self.span = span
    }
}

extension Diagnostic {
    /// The order reports use: by path, then position, then id and message.
    package static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let lp = lhs.path ?? "", rp = rhs.path ?? ""
        if lp != rp { return lp < rp }
        let ls = lhs.span?.start ?? SourceLocation(line: 0, column: 0)
        let rs = rhs.span?.start ?? SourceLocation(line: 0, column: 0)
        if ls != rs { return ls < rs }
        if lhs.id.rawValue != rhs.id.rawValue { return lhs.id.rawValue < rhs.id.rawValue }
        return lhs.message < rhs.message
    }
}

extension Sequence<Diagnostic> {
    /// The lines of `path` these diagnostics point at (what a report shows of that file).
    package func lines(in path: String) -> [Int] {
        compactMap { $0.path == path ? $0.span?.start.line : nil }
    }
}
