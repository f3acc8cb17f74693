import Testing
@testable import PortcullisDiagnostics

/// Hashes are written as sixteen lowercase hexadecimal digits (fingerprints, compiled-policy cache
/// names), and JSON's `\u00XX` escapes with the same digits.
@Suite struct HexDigitTests {
    @Test func sixteenDigitsTheHighestFirstWithZerosKept() {
        #expect(UInt64(0).sixteenHexDigits == "0000000000000000")
        #expect(UInt64(0x0123_4567_89AB_CDEF).sixteenHexDigits == "0123456789abcdef")
        #expect(UInt64(0xF000_0000_0000_000A).sixteenHexDigits == "f00000000000000a")
        #expect(UInt64.max.sixteenHexDigits == "ffffffffffffffff")
    }

    @Test func aDigitIsThatOfTheLowFourBits() {
        #expect((0..<16).map { HexDigit.lowercase(UInt64($0)) } == Array("0123456789abcdef".utf8))
        #expect(HexDigit.lowercase(0x1F) == UInt8(ascii: "f") && HexDigit.lowercase(0x20) == UInt8(ascii: "0"))
    }
}
