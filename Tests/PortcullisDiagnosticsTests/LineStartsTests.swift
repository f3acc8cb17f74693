import Testing
@testable import PortcullisDiagnostics

/// The line index of a file's bytes (`LineStarts.of`), found sixteen bytes at a time, against
/// the offsets past each line feed found one byte at a time.
@Suite struct LineStartsTests {
    static func oneByteAtATime(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        return starts
    }

    @Test func everyLengthAndPlaceOfALineFeedAroundABlock() {
        for length in 0...49 {
            for place in 0..<max(length, 1) {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                if place < length { bytes[place] = UInt8(ascii: "\n") }
                #expect(LineStarts.of(bytes) == Self.oneByteAtATime(bytes), "length \(length), feed at \(place)")
            }
        }
    }

    @Test func onlyLineFeedsPastWhatOneCountingRoundHolds() {
        // 255 blocks of 16 is where the counting lanes are summed: 2 rounds and a tail.
        for length in [16 * 255 - 1, 16 * 255, 16 * 255 + 1, 16 * 510 + 7] {
            let bytes = [UInt8](repeating: UInt8(ascii: "\n"), count: length)
            #expect(LineStarts.of(bytes) == Self.oneByteAtATime(bytes), "length \(length)")
        }
    }

    @Test func mixedTextWithCarriageReturnsAndHighBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x20, 0x61, 0xC3, 0xA9, 0x8A, 0xFF, 0x00]
        for _ in 0..<200 {
            let length = Int.random(in: 0...300, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(LineStarts.of(bytes) == Self.oneByteAtATime(bytes))
        }
    }
}
