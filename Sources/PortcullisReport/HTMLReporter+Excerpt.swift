import PortcullisDiagnostics

extension HTMLReporter {
    /// Lines shown before and after the finding's line.
    static let contextLines = 2
    /// The most characters of a line shown (a window around the finding on long lines: minified JSON).
    static let lineWindow = 160

    /// The source around `span`, line numbers in a column, the finding's line marked and the span
    /// on it highlighted.
    static func excerpt(_ source: SourceFile, span: SourceSpan) -> String {
        let line = span.start.line
        guard line >= 1, source.byteRange(ofLine: line) != nil else { return "" }
        let first = max(1, line - contextLines)
        var last = line
        while last < line + contextLines, source.byteRange(ofLine: last + 1) != nil { last += 1 }
        let digits = String(last).count
        // On a long line, show a window around the finding's column; other lines follow the same window.
        let windowStart = max(0, span.start.column - 1 - lineWindow / 3)
        var out = "<pre class=\"excerpt\">"
        for number in first...last {
            guard let text = source.text(ofLine: number) else { break }
            let scalars = Array(text.unicodeScalars)
            let start = min(windowStart, scalars.count)
            let end = min(scalars.count, start + lineWindow)
            let label = String(repeating: " ", count: digits - String(number).count) + String(number)
            out += "<span class=\"line\(number == line ? " hit" : "")\"><span class=\"number\">\(label)</span> "
            out += start > 0 ? "…" : ""
            if number == line {
                let from = min(max(span.start.column - 1, start), end)
                var to = span.end.line == line ? min(max(span.end.column - 1, from), end) : end
                if to <= from { to = end }  // a point: mark the rest of the line
                out += escaped(scalars[start..<from]) + "<mark>" + escaped(scalars[from..<to]) + "</mark>" + escaped(scalars[to..<end])
            } else {
                out += escaped(scalars[start..<end])
            }
            out += end < scalars.count ? "…" : ""
            out += "</span>"
        }
        return out + "</pre>\n"
    }

    private static func escaped(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return HTMLText.escape(text)
    }
}
