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
        var out: [UInt8] = []
        append(diagnostic, source: source, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `render(diagnostic, source:)` appended to `out` as UTF-8: a report renders many into one
    /// block of bytes, with no string made per part.
    package func append(_ diagnostic: Diagnostic, source: SourceFile?, to out: inout [UInt8]) {
        appendHeader(path: diagnostic.path, span: diagnostic.span, severity: diagnostic.severity, message: diagnostic.message,
                     id: diagnostic.id.rawValue, to: &out)
        if let span = diagnostic.span { appendExcerpt(of: source, at: span.start, to: &out) }
        for note in diagnostic.notes {
            var prefix = ""
            if let path = diagnostic.path, let span = note.span { prefix = "\(TerminalText.escaped(path)):\(span.start): " }
            out.append(contentsOf: ("\n" + prefix + paint("note", code: "1;36") + ": " + TerminalText.escaped(note.message, keepingNewlines: true)).utf8)
        }
    }

    /// The first line: `path:line:col: severity: message [id]`. Control characters of the path and
    /// message (a manifest value quoted in a message can hold any) are escaped (`TerminalText`).
    package func header(_ diagnostic: Diagnostic) -> String {
        var out: [UInt8] = []
        appendHeader(path: diagnostic.path, span: diagnostic.span, severity: diagnostic.severity, message: diagnostic.message,
                     id: diagnostic.id.rawValue, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `header` of a diagnostic with these parts, appended to `out` (a finding renders without a
    /// `Diagnostic` made for it). `escapedPath`: `path` as `TerminalText.escaped` gives it, when the
    /// caller has it (a file's findings share it).
    package func appendHeader(path: String?, escapedPath: String? = nil, span: SourceSpan?, severity: Severity, message: String,
                              id: String, to out: inout [UInt8]) {
        if let path {
            if useColor { out.appendUTF8("\u{1B}[1m") }
            out.appendUTF8(escapedPath ?? TerminalText.escaped(path))
            if let span {
                out.append(UInt8(ascii: ":"))
                out.appendDecimal(span.start.line)
                out.append(UInt8(ascii: ":"))
                out.appendDecimal(span.start.column)
            }
            out.appendUTF8(": ")
            if useColor { out.appendUTF8("\u{1B}[0m") }
        }
        if useColor { out.appendUTF8("\u{1B}[\(Self.colorCode(severity))m") }
        out.appendUTF8(severity.rawValue)
        if useColor { out.appendUTF8("\u{1B}[0m") }
        out.appendUTF8(": ")
        out.appendUTF8(TerminalText.escaped(message))
        out.appendUTF8(" [")
        out.appendUTF8(TerminalText.escaped(id))
        out.append(UInt8(ascii: "]"))
    }

    /// A line break, then the source line of `location` and a caret under its column, appended to
    /// `out`; nothing when source lines are not shown or the line is not there.
    package func appendExcerpt(of source: SourceFile?, at location: SourceLocation, to out: inout [UInt8]) {
        guard showSourceLine, let source else { return }
        source.withLine(location.line) { line in
            out.append(UInt8(ascii: "\n"))
            // Most lines are short printable ASCII: shown as they are, the caret after column - 1 blanks.
            guard line.count <= 160, line.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }) else {
                out.appendUTF8(excerpt(line: String(decoding: line, as: UTF8.self), column: location.column))
                return
            }
            out.appendUTF8("    ")
            out.append(contentsOf: line)
            out.appendUTF8("\n    ")
            var index = 1
            for byte in line where index < location.column {
                out.append(byte == 0x09 ? 0x09 : 0x20)
                index += 1
            }
            if index < location.column { out.append(contentsOf: repeatElement(0x20, count: location.column - index)) }
            out.appendUTF8(paint("^", code: "1;32"))
        }
    }

    /// The line (a window of it around the column when it is long) and a caret under the column:
    /// what `appendExcerpt` shows of a line that is long or not all printable ASCII.
    private func excerpt(line: String, column: Int) -> String {
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
