import Foundation
@testable import PortcullisEngine
import Testing

/// `Base64.decode` against Foundation's decoder, over every length of a run of bytes, padded and
/// not, in the standard and URL-safe alphabets, with whitespace; and what it refuses.
@Suite struct Base64Tests {
    @Test func decodesWhatFoundationEncodes() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<64 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let padded = Data(bytes).base64EncodedString()
            #expect(Base64.decode(padded) == bytes, "\(padded)")
            let unpadded = String(padded.prefix { $0 != "=" })
            #expect(Base64.decode(unpadded) == bytes, "\(unpadded)")
            let urlSafe = padded.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            #expect(Base64.decode(urlSafe) == bytes, "\(urlSafe)")
            let wrapped = padded.enumerated().map { $0.offset % 8 == 7 ? "\($0.element)\n " : "\($0.element)" }.joined()
            #expect(Base64.decode(wrapped) == bytes, "\(wrapped)")
        }
    }

    @Test func refusesTextOutsideTheAlphabet() {
        #expect(Base64.decode("c2VjcmV0!") == nil)
        #expect(Base64.decode("é") == nil)
        // One character over a full group is six bits: no byte.
        #expect(Base64.decode("c2VjcmV0a") == nil)
        #expect(Base64.decode("") == [])
    }
}
