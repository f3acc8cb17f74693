import Testing
@testable import PortcullisEngine

/// `String(repairingUTF8:)` must give the standard library's text for every byte sequence: the
/// same U+FFFD for the same ill-formed bytes, byte for byte.
@Suite struct RepairedUTF8Tests {
    private static func expectSameText(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let ours = Array(String(repairingUTF8: bytes).utf8)
        let standard = Array(String(decoding: bytes, as: UTF8.self).utf8)
        #expect(ours == standard, "\(bytes.map { String($0, radix: 16) })", sourceLocation: sourceLocation)
    }

    @Test func everySequenceOfOneOrTwoBytes() {
        for first in 0...255 {
            Self.expectSameText([UInt8(first)])
            for second in 0...255 { Self.expectSameText([UInt8(first), UInt8(second)]) }
        }
    }

    /// Every non-ASCII lead with following bytes at the edges of each lead's ranges (table 3-7),
    /// then an ASCII byte (a cut sequence before it).
    @Test func leadsWithBoundaryContinuations() {
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]
        for lead in 0x80...0xFF {
            for second in edges {
                for third in edges {
                    Self.expectSameText([UInt8(lead), second, third, 0x41])
                    // Only four-byte leads (and the first leads past them) read a fourth byte.
                    guard lead >= 0xF0 && lead <= 0xF5 else { continue }
                    for fourth in edges { Self.expectSameText([UInt8(lead), second, third, fourth]) }
                }
            }
        }
    }

    /// Longer texts of valid sequences, stray bytes and cut sequences mixed, from a fixed seed.
    @Test func mixedTexts() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_003)
        }
        let pieces: [[UInt8]] = [[0x61], [0x20], Array("é".utf8), Array("€".utf8), Array("𝄞".utf8), [0x80], [0xC3], [0xE2, 0x82],
                                 [0xF0, 0x9D, 0x84], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80]]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 12) { bytes += pieces[next() % pieces.count] }
            Self.expectSameText(bytes)
        }
    }

    @Test func base64OfPlainWordsDecodesToRepairedText() throws {
        // "production" is valid base64 whose bytes are not UTF-8.
        let bytes = try #require(Base64.decode("production"))
        #expect(String(repairingUTF8: bytes).contains("\u{FFFD}"))
        Self.expectSameText(bytes)
        #expect(String(repairingUTF8: try #require(Base64.decode("c2VjcmV0LXRva2Vu"))) == "secret-token")
    }
}
