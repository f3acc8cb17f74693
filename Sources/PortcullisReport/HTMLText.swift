/// Text made safe for HTML (element content and quoted attribute values alike): a value from a
/// manifest is never markup. Control characters other than tab and line breaks become U+FFFD.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: needsEscape) else { return nil }
            return escape(bytes)
        } ?? text
    }

    /// UTF-8 bytes (valid: they come from a `String`) as escaped text.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]  // U+FFFD
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0..<0x20, 0x7F: out += replacement
            case 0xC2 where index < bytes.count && (0x80...0x9F).contains(bytes[index]):  // C1 controls
                out += replacement
                index += 1
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x7F, 0xC2: true
        case 0..<0x20: byte != 0x09 && byte != 0x0A && byte != 0x0D
        default: false
        }
    }
}
