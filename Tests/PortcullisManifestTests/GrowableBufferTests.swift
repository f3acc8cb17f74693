@testable import PortcullisManifest
import Testing

/// `GrowableBuffer.append(from:range:)` copies a range of another buffer or of itself, growing as
/// needed: from itself, the elements are read where they are once it has grown.
@Suite struct GrowableBufferTests {
    @Test(arguments: [16, 1_000, 100_000])
    func aBufferAppendsARangeOfItself(_ count: Int) {
        let buffer = GrowableBuffer<Int32>(capacity: count)
        for number in 0..<count { buffer.append(Int32(number)) }
        buffer.append(from: buffer, range: 0..<count)
        buffer.append(from: buffer, range: (count / 2)..<count)
        #expect(buffer.count == count * 2 + (count - count / 2))
        let expected = (0..<count).map(Int32.init) + (0..<count).map(Int32.init) + ((count / 2)..<count).map(Int32.init)
        #expect((0..<buffer.count).map { buffer[$0] } == expected)
    }
}
