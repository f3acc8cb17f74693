/// Text from manifests made safe for GitHub-flavoured Markdown: a value is never markup, a link,
/// HTML or a table cell break, and stays on one line.
enum MarkdownText {
    /// Escapes the Markdown punctuation that could start markup mid-line (emphasis, code, links —
    /// `(` matters only after `]`, which is escaped —, tables, strikethrough, math) and HTML; line
    /// breaks and control characters become spaces.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscape) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0xC2, index < bytes.count, (0x80...0x9F).contains(bytes[index]) {  // C1 controls
                out.append(UInt8(ascii: " "))
                index += 1
            } else if let replacement = special(byte) {
                out += replacement
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let entities: [UInt8: [UInt8]] = [
        UInt8(ascii: "<"): Array("&lt;".utf8), UInt8(ascii: ">"): Array("&gt;".utf8), UInt8(ascii: "&"): Array("&amp;".utf8),
    ]

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "$"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
             0..<0x20, 0x7F, 0xC2: true
        default: false
        }
    }

    /// What a byte becomes, or `nil` when it stays (0xC2 is looked at with the byte after it).
    private static func special(_ byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "$"):
            [UInt8(ascii: "\\"), byte]
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): entities[byte]
        case 0..<0x20, 0x7F: [UInt8(ascii: " ")]
        case 0xC2: [byte]
        default: nil
        }
    }

    /// Inline code for an identifier (policy ids, diagnostic ids); escaped text if it holds a backtick,
    /// a pipe (a table cell's end) or a control character.
    static func code(_ text: String) -> String {
        let plain = !text.isEmpty && !text.utf8.contains { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "|") || $0 < 0x20 || $0 == 0x7F }
        return plain ? "`" + text + "`" : escape(text)
    }
}
