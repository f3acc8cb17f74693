extension String {
    /// The text of `bytes` as `String(decoding: bytes, as: UTF8.self)` gives it: each maximal
    /// subpart of an ill-formed sequence (Unicode's recommended practice, which the standard library
    /// follows) becomes one U+FFFD. The standard library's repair is slow, a few thousand
    /// instructions for a short text; bytes that are mostly not UTF-8 (what `base64decode` makes of
    /// most words) are repaired here as they are copied, and the standard library then checks
    /// valid UTF-8 only.
    init(repairingUTF8 bytes: [UInt8]) {
        // Each ill-formed byte becomes at most three: room for the worst case, written once.
        self.init(unsafeUninitializedCapacity: bytes.count * 3) { target in
            var written = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    target[written] = byte
                    written += 1
                    index += 1
                    continue
                }
                let (isValid, length) = Self.utf8Sequence(in: bytes, at: index)
                if isValid {
                    for offset in 0..<length { target[written + offset] = bytes[index + offset] }
                    written += length
                } else {
                    target[written] = 0xEF
                    target[written + 1] = 0xBF
                    target[written + 2] = 0xBD
                    written += 3
                }
                index += length
            }
            return written
        }
    }

    /// Whether the sequence led by the non-ASCII byte at `start` is well-formed (Unicode's table
    /// 3-7), and how many bytes it takes: the whole sequence, or its maximal ill-formed subpart
    /// (the lead byte and the continuation bytes that fit it, at least one byte).
    private static func utf8Sequence(in bytes: [UInt8], at start: Int) -> (isValid: Bool, length: Int) {
        let continuations: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch bytes[start] {
        case 0xC2...0xDF: continuations = 1
        case 0xE0: continuations = 2; low = 0xA0
        case 0xED: continuations = 2; high = 0x9F
        case 0xE1...0xEF: continuations = 2
        case 0xF0: continuations = 3; low = 0x90
        case 0xF4: continuations = 3; high = 0x8F
        case 0xF1...0xF3: continuations = 3
        default: return (false, 1)
        }
        for offset in 1...continuations {
            guard start + offset < bytes.count else { return (false, offset) }
            let byte = bytes[start + offset]
            guard byte >= low && byte <= high else { return (false, offset) }
            low = 0x80
            high = 0xBF
        }
        return (true, continuations + 1)
    }
}
