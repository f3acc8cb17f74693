/// Text from inputs made safe to print: control characters (C0, DEL, C1), line and paragraph
/// separators and bidirectional overrides are shown as `\u{1B}`-style escapes, so a manifest value
/// cannot move the cursor, recolour the terminal, set its title, forge a line of the report or
/// reorder what a reader sees ("Trojan Source").
package enum TerminalText {
    /// Whether `scalar` is escaped by `escaped(_:)`.
    @inline(__always)
    package static func needsEscape(_ scalar: Unicode.Scalar, keepingNewlines: Bool = false) -> Bool {
        let v = scalar.value
        if v < 0x20 { return !(keepingNewlines && v == 0x0A) }
        if v < 0x7F { return false }
        return v <= 0x9F || v == 0x2028 || v == 0x2029 || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `text` with every character `needsEscape` names written as `\u{XX}` (a backslash is kept as it is).
    package static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
        // Most text is printable ASCII: one pass over its bytes says so without decoding scalars.
        let printableASCII = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { byte in (byte >= 0x20 && byte < 0x7F) || (keepingNewlines && byte == 0x0A) }
        }
        if printableASCII == true { return text }
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingNewlines: keepingNewlines) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingNewlines: keepingNewlines) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
