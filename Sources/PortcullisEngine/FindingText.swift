import PortcullisManifest

/// A finding's message and path, in one allocation of exactly their size.
///
/// A run holds every finding until it is reported. A message built piece by piece keeps the spare
/// capacity its growth left, and a path in its own array costs a second allocation: held apart,
/// the two took about 270 bytes a finding on the generated corpus. Here they are the message's
/// length (LEB128), its UTF-8 bytes and the packed path (`PackedPath`), in one array made to size.
/// Texts compare and hash as their messages and paths do.
package struct FindingText: Sendable, Hashable {
    private let bytes: [UInt8]

    /// The text of `message` and the path `components`.
    package init(message: String, path components: [PathComponent]) {
        var message = message
        self = message.withUTF8 { FindingText(messageUTF8: $0, path: components) }
    }

    /// The text of a message given as UTF-8 bytes (an evaluator's scratch buffer) and the path `components`.
    package init(messageUTF8 message: UnsafeBufferPointer<UInt8>, path components: [PathComponent]) {
        let total = LEB128.byteCount(of: message.count) + message.count + PackedPath.byteCount(of: components)
        bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            var offset = LEB128.write(message.count, into: buffer, at: 0)
            if let base = message.baseAddress, !message.isEmpty {
                (buffer.baseAddress! + offset).initialize(from: base, count: message.count)
            }
            offset += message.count
            initialized = PackedPath.pack(components, into: buffer, at: offset)
        }
    }

    /// A text from its encoding (`encoded`), as `PackedFindings` stores it.
    package init(encoded: [UInt8]) {
        bytes = encoded
    }

    /// The encoding: the message's length (LEB128), its UTF-8 bytes, the packed path.
    package var encoded: [UInt8] { bytes }

    /// The message.
    package var message: String {
        bytes.withUnsafeBufferPointer { all in
            let (start, count) = Self.messageRange(all)
            return String(decoding: UnsafeBufferPointer(rebasing: all[start..<(start + count)]), as: UTF8.self)
        }
    }

    /// The path's components, unpacked.
    package var pathComponents: [PathComponent] {
        bytes.withUnsafeBufferPointer { all in
            let (start, count) = Self.messageRange(all)
            return PackedPath.components(in: UnsafeBufferPointer(rebasing: all[(start + count)...]))
        }
    }

    /// The path's JSON path (`Node.jsonPath`), written from the packed path.
    package var jsonPath: String {
        bytes.withUnsafeBufferPointer { all in
            let (start, count) = Self.messageRange(all)
            return PackedPath.jsonPath(in: UnsafeBufferPointer(rebasing: all[(start + count)...]))
        }
    }

    /// Equal when message and path are (the bytes are both, in one encoding).
    package static func == (a: FindingText, b: FindingText) -> Bool { a.bytes == b.bytes }

    /// The bytes, hashed as one block (an array of bytes hashes them one at a time: most of a
    /// run's interning cost, `FindingTextInterner`).
    package func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// The bytes' hash with the process's random seed (SipHash, as `Hasher` makes it): what
    /// `FindingTextInterner` chooses a table by and `FindingTextTable` keeps. Equal texts get equal
    /// hashes; texts made to collide cannot be made without the seed.
    var seededHash: Int {
        var hasher = Hasher()
        hash(into: &hasher)
        return hasher.finalize()
    }

    /// Where the message's bytes start, and how many there are.
    private static func messageRange(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, count: Int) {
        var offset = 0
        let count = LEB128.read(bytes, at: &offset)
        return (offset, count)
    }
}
