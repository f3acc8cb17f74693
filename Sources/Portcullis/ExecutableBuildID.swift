#if canImport(Glibc)
import Glibc
import PortcullisDiagnostics

/// The running program's GNU build ID (`.note.gnu.build-id`: a hash the linker computes over the
/// binary's contents), in hex, read from `/proc/self/exe`'s note segments; nil when it has none.
package enum ExecutableBuildID {
    package static let current: String? = {
        guard case .success(let descriptor) = Platform.openForReading("/proc/self/exe") else { return nil }
        defer { Platform.close(descriptor) }
        func read(_ count: Int, at offset: Int) -> [UInt8]? {
            guard count >= 0, count <= 1 << 20 else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            return n == count ? bytes : nil
        }
        // ELF64, little-endian: the program headers, then each note segment.
        guard let header = read(64, at: 0), header[0..<4].elementsEqual([0x7F, 0x45, 0x4C, 0x46]), header[4] == 2, header[5] == 1 else {
            return nil
        }
        func integer(_ bytes: [UInt8], _ offset: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        let headersAt = integer(header, 32, 8), headerSize = integer(header, 54, 2), headerCount = integer(header, 56, 2)
        guard headerSize >= 56, let headers = read(headerSize * headerCount, at: headersAt) else { return nil }
        for index in 0..<headerCount where integer(headers, index * headerSize, 4) == 4 {  // PT_NOTE
            let base = index * headerSize
            guard let notes = read(integer(headers, base + 32, 8), at: integer(headers, base + 8, 8)) else { continue }
            if let id = notes.withUnsafeBytes({ buildID(in: $0) }) { return id }
        }
        return nil
    }()

    /// The build ID among the ELF notes in `notes` (name `GNU`, type 3).
    package static func buildID(in notes: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        func aligned(_ n: Int) -> Int { (n + 3) & ~3 }
        while offset + 12 <= notes.count {
            let nameSize = Int(notes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let descriptionSize = Int(notes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            let type = notes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let nameStart = offset + 12, descriptionStart = nameStart + aligned(nameSize)
            guard descriptionStart + descriptionSize <= notes.count else { return nil }
            if type == 3, nameSize == 4, notes[nameStart..<(nameStart + 3)].elementsEqual("GNU".utf8), descriptionSize > 0 {
                return notes[descriptionStart..<(descriptionStart + descriptionSize)].map { byte in
                    let digits = String(byte, radix: 16)
                    return digits.count == 1 ? "0" + digits : digits
                }.joined()
            }
            offset = descriptionStart + aligned(descriptionSize)
        }
        return nil
    }
}
#else
/// Not read on this platform: the file's identity alone tells builds apart.
package enum ExecutableBuildID {
    package static let current: String? = nil
}
#endif
