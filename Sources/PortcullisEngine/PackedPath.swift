import PortcullisManifest

/// A finding's path from its resource's root, packed into bytes: a run holds every finding until
/// it is reported, and an array of path components costs three times as much.
///
/// A key is the byte 0, its UTF-8 length and its bytes; an index is the byte 1 and its value;
/// lengths and values are unsigned LEB128. The packing is one-to-one, so packed paths compare and
/// hash as their components do.
package struct PackedPath: Sendable, Hashable {
    private var bytes: [UInt8]

    package init(_ components: [PathComponent]) {
        var bytes: [UInt8] = []
        for component in components {
            switch component {
            case .key(let key):
                bytes.append(0)
                Self.appendNumber(key.utf8.count, to: &bytes)
                bytes.append(contentsOf: key.utf8)
            case .index(let index):
                bytes.append(1)
                Self.appendNumber(max(0, index), to: &bytes)
            }
        }
        self.bytes = bytes
    }

    /// The components, unpacked.
    package var components: [PathComponent] {
        var components: [PathComponent] = []
        var offset = 0
        while offset < bytes.count {
            let tag = bytes[offset]
            offset += 1
            let number = Self.number(in: bytes, at: &offset)
            if tag == 0 {
                components.append(.key(String(decoding: bytes[offset..<(offset + number)], as: UTF8.self)))
                offset += number
            } else {
                components.append(.index(number))
            }
        }
        return components
    }

    private static func appendNumber(_ value: Int, to bytes: inout [UInt8]) {
        var rest = UInt(value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private static func number(in bytes: [UInt8], at offset: inout Int) -> Int {
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
