import PortcullisDiagnostics
@testable import PortcullisManifest
import Testing

/// `KeyTable.hash` reads a key's last bytes with whole loads, and `bytesEqual` compares short
/// texts as words: both give what a byte at a time gives, at every length and for every byte.
@Suite struct KeyHashTests {
    /// The hash as it is defined: 8-byte words, then the rest a byte at a time.
    private static func reference(_ key: [UInt8]) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        var offset = 0
        while offset + 8 <= key.count {
            var word: UInt64 = 0
            for index in 0..<8 { word |= UInt64(key[offset + index]) << UInt64(8 * index) }
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            offset += 8
        }
        if offset < key.count {
            var tail: UInt64 = 0
            for index in offset..<key.count { tail |= UInt64(key[index]) << UInt64(8 * (index - offset)) }
            h = (h ^ tail) &* 0xFF51_AFD7_ED55_8CCD
        }
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    /// Bytes of every value at every position, from a fixed seed.
    private static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    @Test func theHashIsTheSameAsAByteAtATime() {
        for count in 0...40 {
            for seed in 1...8 as ClosedRange<UInt64> {
                let key = Self.bytes(count, seed: seed &* 31 &+ UInt64(count))
                let hash = key.withUnsafeBytes { KeyTable.hash($0) }
                #expect(hash == Self.reference(key), "length \(count), seed \(seed)")
            }
        }
    }

    @Test func shortTextsAreEqualOnlyWhenEveryByteIs() {
        for count in 0...40 {
            let text = Self.bytes(count, seed: UInt64(count) &+ 7)
            let same = text
            #expect(text.withUnsafeBytes { a in same.withUnsafeBytes { b in
                count == 0 || bytesEqual(a.baseAddress!, b.baseAddress!, count: count) } })
            for position in 0..<count {
                var other = text
                other[position] ^= 0x20
                let equal = text.withUnsafeBytes { a in other.withUnsafeBytes { b in bytesEqual(a.baseAddress!, b.baseAddress!, count: count) } }
                #expect(!equal, "length \(count), byte \(position) differs")
            }
        }
    }
}
