import PortcullisDiagnostics

/// UTF-16 manifests (a byte-order mark first) turned into UTF-8 once, before anything reads them:
/// libyaml, the directive-comment search and the source excerpts then all see the same text.
enum UTF16Text {
    enum Outcome {
        /// Not UTF-16: the bytes are read as they are.
        case notUTF16
        /// The same file as UTF-8, without the byte-order mark.
        case decoded(SourceFile)
        /// A lone surrogate or an odd byte at the end.
        case invalid(Diagnostic)
    }

    static func decode(_ source: SourceFile) -> Outcome {
        let bytes = source.bytes
        guard bytes.count >= 2 else { return .notUTF16 }
        let bigEndian: Bool
        if bytes[0] == 0xFF && bytes[1] == 0xFE {
            // FF FE 00 00 is UTF-32LE, which libyaml does not read either way.
            bigEndian = false
        } else if bytes[0] == 0xFE && bytes[1] == 0xFF {
            bigEndian = true
        } else {
            return .notUTF16
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count)
        var offset = 2
        func unit(_ at: Int) -> UInt16 {
            bigEndian ? UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1]) : UInt16(bytes[at + 1]) << 8 | UInt16(bytes[at])
        }
        func failure(_ problem: String, at byteOffset: Int) -> Outcome {
            let decodedSoFar = SourceFile(path: source.path, bytes: utf8)
            return .invalid(.error(ManifestDiagnostic.invalidUTF8,
                                   "invalid UTF-16: \(problem) at offset \(byteOffset); save the file as UTF-8",
                                   path: source.path, at: SourceSpan(start: decodedSoFar.location(ofByteOffset: utf8.count))))
        }
        while offset < bytes.count {
            guard offset + 1 < bytes.count else { return failure("an odd byte at the end", at: offset) }
            let first = unit(offset)
            let scalar: UInt32
            if first >= 0xD800 && first < 0xDC00 {
                guard offset + 3 < bytes.count else { return failure("a high surrogate without its low surrogate", at: offset) }
                let second = unit(offset + 2)
                guard second >= 0xDC00 && second < 0xE000 else { return failure("a high surrogate without its low surrogate", at: offset) }
                scalar = 0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00)
                offset += 4
            } else if first >= 0xDC00 && first < 0xE000 {
                return failure("a low surrogate without a high surrogate", at: offset)
            } else {
                scalar = UInt32(first)
                offset += 2
            }
            switch scalar {
            case 0..<0x80:
                utf8.append(UInt8(scalar))
            case 0x80..<0x800:
                utf8 += [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)]
            case 0x800..<0x10000:
                utf8 += [UInt8(0xE0 | scalar >> 12), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
            default:
                utf8 += [UInt8(0xF0 | scalar >> 18), UInt8(0x80 | scalar >> 12 & 0x3F), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
            }
        }
        return .decoded(SourceFile(path: source.path, bytes: utf8))
    }
}
