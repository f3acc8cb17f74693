extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text` with one copy (appending `text.utf8` goes through the
    /// generic path, a few hundred instructions for a short text).
    @inline(__always)
    package mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends the decimal digits of `value` (with a `-` before a negative one), as
    /// `value.description` writes them, with no `String` made.
    package mutating func appendDecimal(_ value: Int) {
        if value >= 0 && value < 10 {
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        // The digits, last first, at the end of a buffer as long as the longest `Int` (`Int.min`:
        // a sign and 19 digits).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            if value < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
