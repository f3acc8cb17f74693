extension String {
    /// The text without spaces and tabs at either end (a parameter given on the command line,
    /// `--param name=a, b`).
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// The text without the Unicode white space (`White_Space`: spaces, tabs, line breaks, NEL,
    /// no-break and other spaces) at either end, scalar by scalar, as Go's `strings.TrimSpace` and
    /// CEL's `trim()` have it: a block scalar's closing line break goes, and a space before a
    /// combining mark goes too (by `Character` the two are one, and it stayed).
    var trimmingWhiteSpace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
