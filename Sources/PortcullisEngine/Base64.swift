import PortcullisDiagnostics

/// Standard base64 decoding (with or without padding; whitespace ignored).
enum Base64 {
    /// `text` decoded; `nil` when it holds a character outside the alphabets (standard and URL-safe,
    /// `=` and whitespace skipped) or leaves a single character over.
    static func decode(_ text: String) -> [UInt8]? {
        // Read in place: iterating `text.utf8` held the string and went byte by byte through its
        // view (a Secret's values are decoded for every check on them).
        text.withUTF8InPlace { decode(bytes: $0) }
    }

    /// The base64 text in `bytes` decoded, four characters at a time into three bytes.
    static func decode(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 4 * 3 + 2)
        // The characters read since the last full group, six bits each.
        var group: UInt32 = 0
        var filled = 0
        for byte in bytes {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - 65
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - 71
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte + 4
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            default: return nil
            }
            group = group << 6 | UInt32(value)
            filled += 1
            if filled == 4 {
                out.append(UInt8(truncatingIfNeeded: group >> 16))
                out.append(UInt8(truncatingIfNeeded: group >> 8))
                out.append(UInt8(truncatingIfNeeded: group))
                group = 0
                filled = 0
            }
        }
        switch filled {
        case 1: return nil  // six bits make no byte
        case 2: out.append(UInt8(truncatingIfNeeded: group >> 4))
        case 3:
            out.append(UInt8(truncatingIfNeeded: group >> 10))
            out.append(UInt8(truncatingIfNeeded: group >> 2))
        default: break
        }
        return out
    }
}
