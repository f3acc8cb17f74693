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

    /// Whether the UTF-8 of a string holds a scalar `needsEscape` names, told from its bytes: a C0
    /// byte, DEL, a C1 control (`C2 80`–`C2 9F`), U+2028–U+202E (`E2 80 A8`–`E2 80 AE`) or
    /// U+2066–U+2069 (`E2 81 A6`–`E2 81 A9`). Text with accents, dashes or arrows (a policy's help)
    /// is then not decoded scalar by scalar for each finding it is shown with.
    static func holdsEscapes(_ bytes: UnsafeBufferPointer<UInt8>, keepingNewlines: Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index < count {
            // Eight bytes of printable ASCII at a time; a word with anything else is read byte by byte.
            if index + 8 <= count && isPrintableASCII(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let end = min(index + 8, count)
            while index < end {
                let byte = bytes[index]
                if byte < 0x20 {
                    if !(keepingNewlines && byte == 0x0A) { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte == 0xC2 {
                    if index + 1 < count && bytes[index + 1] <= 0x9F { return true }
                } else if byte == 0xE2 && index + 2 < count {
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0x80 && third >= 0xA8 && third <= 0xAE { return true }
                    if second == 0x81 && third >= 0xA6 && third <= 0xA9 { return true }
                }
                index += 1
            }
        }
        return false
    }

    /// Whether each of the eight bytes of `word` is printable ASCII (0x20–0x7E). A byte below 0x20
    /// borrows when 0x20 is taken from it, and only such a byte does; DEL is the byte that 0x7F
    /// turns to zero.
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs = ones &* 0x80
        let controls = (word &- ones &* 0x20) & ~word & highs
        let flipped = word ^ (ones &* 0x7F)
        let deletes = (flipped &- ones) & ~flipped & highs
        return (word & highs) | controls | deletes == 0
    }

    /// Whether `text` holds no character `needsEscape` names. Nearly all text needs nothing: one pass
    /// over its bytes says so without decoding scalars (`holdsEscapes`).
    package static func isPrintable(_ text: String, keepingNewlines: Bool = false) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { !holdsEscapes($0, keepingNewlines: keepingNewlines) }
            ?? !text.unicodeScalars.contains { needsEscape($0, keepingNewlines: keepingNewlines) }
    }

    /// `text` with every character `needsEscape` names written as `\u{XX}` (a backslash is kept as it is).
    package static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
        if isPrintable(text, keepingNewlines: keepingNewlines) { return text }
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
