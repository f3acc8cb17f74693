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

/// Where a few wanted lines start (`LineStarts.of(lines:in:)`, what a file keeps the lines of its
/// findings by), found by counting line feeds a span of 256 bytes at a time, against the full index.
@Suite struct WantedLineStartsTests {
    static func wantedStarts(_ wanted: [Int], _ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { LineStarts.of(lines: wanted, in: $0) }
    }

    @Test func everyLineOfFilesAroundASpanIsFoundAlone() {
        // Lines of 0 to 300 bytes around spans of 256: every line wanted alone, then all of them.
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 15, 16, 255, 256, 257, 511, 512, 513, 1000, 4096] {
            var bytes = (0..<length).map { _ in UInt8(ascii: "a") }
            for index in bytes.indices where Int.random(in: 0..<10, using: &generator) == 0 { bytes[index] = UInt8(ascii: "\n") }
            let starts = LineStarts.of(bytes)
            for line in 1...(starts.count + 1) {
                let expected = line <= starts.count ? [starts[line - 1]] : []
                #expect(Self.wantedStarts([line], bytes) == expected, "length \(length), line \(line)")
            }
            #expect(Self.wantedStarts(Array(1...starts.count), bytes) == starts, "length \(length)")
        }
    }

    @Test func spansOfNothingButLineFeedsAndRandomWantedSets() {
        var generator = SystemRandomNumberGenerator()
        let feeds = [UInt8](repeating: UInt8(ascii: "\n"), count: 256 * 3 + 5)
        let feedStarts = LineStarts.of(feeds)
        #expect(Self.wantedStarts([1, 256, 257, 258, 700, feedStarts.count], feeds) == [1, 256, 257, 258, 700, feedStarts.count].map { feedStarts[$0 - 1] })
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x0D, 0x20, 0x61, 0xC3, 0xA9, 0x00]
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...3000, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let starts = LineStarts.of(bytes)
            let wanted = Array(Set((0..<Int.random(in: 1...12, using: &generator)).map { _ in Int.random(in: 1...(starts.count + 3), using: &generator) })).sorted()
            let present = wanted.prefix { $0 <= starts.count }
            #expect(Self.wantedStarts(wanted, bytes) == present.map { starts[$0 - 1] })
        }
    }
}
