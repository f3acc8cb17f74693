/// Lowercase hexadecimal digits, how the package writes hashes and escaped control bytes.
enum HexDigit {
    /// The lowercase digit (`0`–`9`, `a`–`f`) of the low four bits of `value`.
    @inline(__always)
    static func lowercase(_ value: UInt64) -> UInt8 {
        let nibble = UInt8(truncatingIfNeeded: value) & 0xF
        return nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
    }
}

extension UInt64 {
    /// The value as sixteen lowercase hexadecimal digits, the highest first (zeros kept): how the
    /// package writes its 64-bit hashes (fingerprints, compiled-policy cache names).
    package var sixteenHexDigits: String {
        String(unsafeUninitializedCapacity: 16) { text in
            for position in 0..<16 { text[position] = HexDigit.lowercase(self >> UInt64(60 - 4 * position)) }
            return 16
        }
    }
}
