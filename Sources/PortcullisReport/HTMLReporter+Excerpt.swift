import PortcullisDiagnostics

extension HTMLReporter {
    /// Lines shown before and after the finding's line.
    static let contextLines = 2
    /// The most characters of a line shown (a window around the finding on long lines: minified JSON).
    static let lineWindow = 160

    /// The source around `span`, line numbers in a column, the finding's line marked and the span
    /// on it highlighted. Works on the file's bytes: columns count Unicode scalars, as spans do.
    static func excerpt(_ source: SourceFile, span: SourceSpan) -> String {
        let line = span.start.line
        guard line >= 1, source.byteRange(ofLine: line) != nil else { return "" }
        let first = max(1, line - contextLines)
        var last = line
        // (Not the empty "line" after a file's final line break.)
        while last < line + contextLines, let next = source.byteRange(ofLine: last + 1), !(next.isEmpty && next.lowerBound == source.bytes.count) {
            last += 1
        }
        let digits = String(last).count
        // On a long line, show a window around the finding's column; other lines follow the same window.
        let windowStart = max(0, span.start.column - 1 - lineWindow / 3)
        var out = "<pre class=\"excerpt\">"
        source.bytes.withUnsafeBufferPointer { bytes in
            for number in first...last {
                guard let range = source.byteRange(ofLine: number) else { break }
                let text = UnsafeBufferPointer(rebasing: bytes[range])
                let scalars = scalarCount(text)
                let start = min(windowStart, scalars)
                let end = min(scalars, start + lineWindow)
                let label = String(repeating: " ", count: digits - String(number).count) + String(number)
                out += "<span class=\"line\(number == line ? " hit" : "")\"><span class=\"number\">\(label)</span> "
                out += start > 0 ? "…" : ""
                if number == line {
                    let from = min(max(span.start.column - 1, start), end)
                    var to = span.end.line == line ? min(max(span.end.column - 1, from), end) : end
                    if to <= from { to = end }  // a point: mark the rest of the line
                    out += escaped(text, start, from) + "<mark>" + escaped(text, from, to) + "</mark>" + escaped(text, to, end)
                } else {
                    out += escaped(text, start, end)
                }
                out += end < scalars ? "…" : ""
                out += "</span>"
            }
        }
        return out + "</pre>\n"
    }

    /// Unicode scalars in UTF-8 bytes: bytes that do not continue a sequence (an invalid byte counts one).
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The byte offset of scalar `n` (0-based) in `bytes`.
    private static func offset(ofScalar n: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var seen = 0
        for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if seen == n { return index }
            seen += 1
        }
        return bytes.count
    }

    /// Scalars `from..<to` of the line, escaped (invalid UTF-8 repaired).
    private static func escaped(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        let lower = offset(ofScalar: from, in: text), upper = offset(ofScalar: to, in: text)
        return HTMLText.escape(String(decoding: UnsafeBufferPointer(rebasing: text[lower..<upper]), as: UTF8.self))
    }
}
