/// Standard base64 decoding (with or without padding; whitespace ignored).
enum Base64 {
    static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        values.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): values.append(byte - 65)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): values.append(byte - 71)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(byte + 4)
            case UInt8(ascii: "+"), UInt8(ascii: "-"): values.append(62)
            case UInt8(ascii: "/"), UInt8(ascii: "_"): values.append(63)
            case UInt8(ascii: "="), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            default: return nil
            }
        }
        if values.count % 4 == 1 { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 / 4)
        var i = 0
        while i + 1 < values.count {
            let a = values[i], b = values[i + 1]
            let c = i + 2 < values.count ? values[i + 2] : 0
            let d = i + 3 < values.count ? values[i + 3] : 0
            out.append(a << 2 | b >> 4)
            if i + 2 < values.count { out.append((b & 0xF) << 4 | c >> 2) }
            if i + 3 < values.count { out.append((c & 0x3) << 6 | d) }
            i += 4
        }
        return out
    }
}
