/// Text from manifests made safe for GitHub-flavoured Markdown: a value is never markup, a link,
/// HTML or a table cell break, and stays on one line.
enum MarkdownText {
    /// Escapes the Markdown punctuation that could start markup mid-line (emphasis, code, links —
    /// `(` matters only after `]`, which is escaped —, tables, strikethrough, math) and HTML; line
    /// breaks and control characters become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "$":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\t": out += " "
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Inline code for an identifier (policy ids, diagnostic ids); escaped text if it holds a backtick
    /// or a line break.
    static func code(_ text: String) -> String {
        if text.contains("`") || text.contains(where: \.isNewline) || text.isEmpty { return escape(text) }
        return "`" + text.replacingOccurrences(of: "|", with: "\\|") + "`"
    }
}
