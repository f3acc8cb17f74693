/// Renders diagnostics compiler-style:
///
/// ```
/// path/to/file.yaml:3:7: error: mapping values are not allowed here [yaml.syntax]
///     image: nginx: latest
///                 ^
/// ```
///
/// The caret sits under the diagnostic's column; tabs in the shown line are kept so the caret lines up.
package struct DiagnosticRenderer: Sendable {
    /// Whether to colour the severity and caret with ANSI escapes.
    package var useColor: Bool
    /// Whether to show the source line and caret under the header line.
    package var showSourceLine: Bool

    package init(useColor: Bool = false, showSourceLine: Bool = true) {
        self.useColor = useColor
        self.showSourceLine = showSourceLine
    }

    /// Renders one diagnostic; `source` supplies the line text for the caret when available.
    package func render(_ diagnostic: Diagnostic, source: SourceFile?) -> String {
        var out = header(diagnostic)
        if showSourceLine, let span = diagnostic.span, let source,
           let line = source.text(ofLine: span.start.line) {
            out += "\n" + excerpt(line: line, column: span.start.column)
        }
        for note in diagnostic.notes {
            var prefix = ""
            if let path = diagnostic.path, let span = note.span { prefix = "\(TerminalText.escaped(path)):\(span.start): " }
            out += "\n" + prefix + paint("note", code: "1;36") + ": " + TerminalText.escaped(note.message, keepingNewlines: true)
        }
        return out
    }

    /// The first line: `path:line:col: severity: message [id]`. Control characters of the path and
    /// message (a manifest value quoted in a message can hold any) are escaped (`TerminalText`).
    package func header(_ diagnostic: Diagnostic) -> String {
        var location = ""
        if let path = diagnostic.path {
            location = TerminalText.escaped(path)
            if let span = diagnostic.span { location += ":\(span.start.line):\(span.start.column)" }
            location += ": "
        }
        let severity = paint(diagnostic.severity.rawValue, code: Self.colorCode(diagnostic.severity))
        return "\(paint(location, code: "1"))\(severity): \(TerminalText.escaped(diagnostic.message)) [\(TerminalText.escaped(diagnostic.id.rawValue))]"
    }

    /// The line (a window of it around the column when it is long) and a caret under the column.
    private func excerpt(line: String, column: Int) -> String {
        // Most lines are short printable ASCII: shown as they are, the caret after column - 1 blanks.
        let utf8 = line.utf8
        if utf8.count <= 160, utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }) {
            var marker = ""
            var index = 1
            for byte in utf8 where index < column {
                marker.append(byte == 0x09 ? "\t" : " ")
                index += 1
            }
            if index < column { marker += String(repeating: " ", count: column - index) }
            return "    " + line + "\n    " + marker + paint("^", code: "1;32")
        }
        // Control characters (a NUL in a binary file, an ESC sequence, a C1 control, a bidirectional
        // override) would garble a terminal or reorder the line: show U+FFFD.
        let scalars = line.unicodeScalars.map { $0 != "\t" && TerminalText.needsEscape($0) ? "\u{FFFD}" : $0 }
        let width = 160
        var first = 0
        if scalars.count > width { first = max(0, min(column - 1 - width / 2, scalars.count - width)) }
        let last = min(scalars.count, first + width)
        var shown = first > 0 ? "…" : ""
        shown.unicodeScalars.append(contentsOf: scalars[first..<last])
        if last < scalars.count { shown += "…" }
        var marker = first > 0 ? " " : ""
        var index = first + 1
        while index < column {
            let scalar = index - 1 < scalars.count ? scalars[index - 1] : " "
            marker.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
            index += 1
        }
        return "    " + shown + "\n    " + marker + paint("^", code: "1;32")
    }

    private func paint(_ text: String, code: String) -> String {
        guard useColor, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private static func colorCode(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;34"
        }
    }
}
