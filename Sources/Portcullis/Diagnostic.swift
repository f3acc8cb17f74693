import PortcullisDiagnostics

/// A problem that is not a policy finding: a policy that does not compile, a manifest that does not
/// parse, an unused suppression, a bad configuration value. Collected, never thrown: a run goes on
/// past every one of them.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    let base: PortcullisDiagnostics.Diagnostic
    /// The file it points into, kept so it can be rendered with its source line.
    let source: SourceFile?

    init(_ base: PortcullisDiagnostics.Diagnostic, source: SourceFile? = nil) {
        self.base = base
        self.source = source
    }

    /// A stable identifier of the kind of problem, e.g. `yaml.syntax`, `policy.unknown-function`.
    public var id: String { base.id.rawValue }
    /// Errors make a run exit 2; warnings are shown and counted.
    public var severity: Severity { Severity(base.severity) }
    /// What is wrong, in one sentence.
    public var message: String { base.message }
    /// The file it is about, when it is about one.
    public var file: String? { base.path }
    /// Where in `file`, when known.
    public var range: SourceRange? {
        guard let path = base.path, let span = base.span else { return nil }
        return SourceRange(file: path, span: span)
    }
    /// Further explanations, each possibly at a place of its own.
    public var notes: [String] { base.notes.map(\.message) }

    /// `file:line:column: severity: message [id]`.
    public var description: String { DiagnosticRenderer(useColor: false, showSourceLine: false).header(base) }

    /// Compiler style: the header line, then the source line with a caret under the column, and notes.
    public func rendered(color: Bool = false) -> String {
        DiagnosticRenderer(useColor: color).render(base, source: source)
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool { a.base == b.base }
    public func hash(into hasher: inout Hasher) { hasher.combine(base) }
}

extension Array where Element == PortcullisDiagnostics.Diagnostic {
    /// Wraps layer diagnostics, pairing each with the source it points into.
    func wrapped(sources: [SourceFile] = []) -> [Diagnostic] {
        guard !sources.isEmpty else { return map { Diagnostic($0) } }
        var byPath: [String: SourceFile] = [:]
        for source in sources where byPath[source.path] == nil { byPath[source.path] = source }
        return map { Diagnostic($0, source: $0.path.flatMap { byPath[$0] }) }
    }
}
