extension UInt64 {
    /// The value as sixteen lowercase hexadecimal digits, the highest first (zeros kept): how the
    /// package writes its 64-bit hashes (fingerprints, compiled-policy cache names).
    package var sixteenHexDigits: String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 16) { text in
            digits.withUTF8Buffer { digits in
                for position in 0..<16 { text[position] = digits[Int(truncatingIfNeeded: self >> UInt64(60 - 4 * position)) & 0xF] }
            }
            return 16
        }
    }
}
