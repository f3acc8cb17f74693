import PortcullisDiagnostics
import PortcullisManifest

/// How a finding's path from its resource's root is packed into bytes (`FindingText` holds them):
/// a run holds every finding until it is reported, and an array of path components costs three
/// times as much.
///
/// A key is the byte 0, its UTF-8 length and its bytes; an index is the byte 1 and its value;
/// lengths and values are unsigned LEB128. The packing is one-to-one, so packed paths compare and
/// hash as their components do.
enum PackedPath {
    /// How many bytes `components` pack into.
    static func byteCount(of components: [PathComponent]) -> Int {
        var total = 0
        for component in components {
            switch component {
            case .key(let key):
                let length = key.utf8.count
                total += 1 + LEB128.byteCount(of: length) + length
            case .index(let index):
                total += 1 + LEB128.byteCount(of: max(0, index))
            }
        }
        return total
    }

    /// Packs `components` into `buffer` from `offset` (room for `byteCount(of:)` bytes); returns the
    /// offset past them.
    static func pack(_ components: [PathComponent], into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        var offset = offset
        for component in components {
            switch component {
            case .key(let key):
                buffer[offset] = 0
                let start = offset + 1
                // Read in place (`withUTF8` is mutating: the key was copied for it, a reference
                // counted twice per key packed).
                offset = key.withUTF8InPlace { writeKey($0, into: buffer, at: start) }
            case .index(let index):
                buffer[offset] = 1
                offset = LEB128.write(max(0, index), into: buffer, at: offset + 1)
            }
        }
        return offset
    }

    /// Writes a key's length and UTF-8 bytes into `buffer` from `offset`; returns the offset past them.
    private static func writeKey(_ utf8: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        var end = LEB128.write(utf8.count, into: buffer, at: offset)
        for byte in utf8 {
            buffer[end] = byte
            end += 1
        }
        return end
    }

    /// The components packed in `bytes`.
    static func components(in bytes: UnsafeBufferPointer<UInt8>) -> [PathComponent] {
        var components: [PathComponent] = []
        forEachComponent(in: bytes,
                         key: { components.append(.key(String(decoding: $0, as: UTF8.self))) },
                         index: { components.append(.index($0)) })
        return components
    }

    /// The JSON path of the components packed in `bytes`, as `Node.jsonPath` writes it for them,
    /// with no component unpacked.
    static func jsonPath(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var path: [UInt8] = [UInt8(ascii: "$")]
        path.reserveCapacity(bytes.count + 16)
        forEachComponent(in: bytes,
                         key: { Node.appendPathStep(keyUTF8: $0, to: &path) },
                         index: { Node.appendIndexStep($0, to: &path) })
        return String(decoding: path, as: UTF8.self)
    }

    /// Each component packed in `bytes`, in order: a key's UTF-8 bytes to `key`, an index to `index`.
    @inline(__always)
    private static func forEachComponent(in bytes: UnsafeBufferPointer<UInt8>, key: (UnsafeBufferPointer<UInt8>) -> Void,
                                         index: (Int) -> Void) {
        var offset = 0
        while offset < bytes.count {
            let tag = bytes[offset]
            offset += 1
            let number = LEB128.read(bytes, at: &offset)
            if tag == 0 {
                key(UnsafeBufferPointer(rebasing: bytes[offset..<(offset + number)]))
                offset += number
            } else {
                index(number)
            }
        }
    }
}

/// Unsigned LEB128: seven bits a byte, low bits first, the high bit set on every byte but the last.
enum LEB128 {
    static func byteCount(of value: Int) -> Int {
        var rest = UInt(value) >> 7
        var count = 1
        while rest > 0 {
            rest >>= 7
            count += 1
        }
        return count
    }

    /// Writes `value` at `offset`; returns the offset past it.
    static func write(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        var rest = UInt(value)
        var offset = offset
        while rest >= 0x80 {
            buffer[offset] = UInt8(rest & 0x7F) | 0x80
            rest >>= 7
            offset += 1
        }
        buffer[offset] = UInt8(rest)
        return offset + 1
    }

    /// Reads a value at `offset`, moving it past the value.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) -> Int {
        var value: UInt = 0
        var shift: UInt = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            value |= UInt(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(value)
    }
}
