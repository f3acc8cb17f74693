import Foundation
import Testing
@testable import PortcullisManifest

/// Whole files read into memory never zeroed (`FileReader.readAll`): every byte the file has, none
/// more, and a buffer made larger than what it got (a stream's) kept at its size.
@Suite struct FileReaderTests {
    @Test(arguments: [0, 1, 4095, 4096, 4097, 200_000])
    func aFileReadsWhole(_ size: Int) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let path = try folder.write("f.yaml", bytes: bytes)
        guard case .success(let read) = FileReader.read(path: path, maxBytes: 1 << 20) else { Issue.record("not read"); return }
        #expect(read == bytes)
    }

    @Test func aFileOverTheLimitIsNotRead() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("f.yaml", bytes: Array(repeating: 0x61, count: 5_000))
        #expect(FileReader.read(path: path, maxBytes: 4_999) == .failure(.tooLarge(size: 5_000, limit: 4_999)))
    }

    /// A stream is read into a buffer made for 64 KiB, then doubled as it fills: what is kept is
    /// the bytes, not the buffer.
    @Test(arguments: [10, 70_000])
    func aStreamIsKeptAtItsSize(_ size: Int) throws {
        let pipe = Pipe()
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0) }
        let writer = Thread {
            pipe.fileHandleForWriting.write(Data(bytes))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let result = FileReader.readAll(fd: pipe.fileHandleForReading.fileDescriptor, expected: 64 * 1024, maxBytes: 1 << 20, isStream: true)
        guard case .success(let read) = result else { Issue.record("not read: \(result)"); return }
        #expect(read == bytes)
        #expect(read.capacity <= max(size + size / 4, size + 4096), "capacity \(read.capacity) for \(size) bytes")
    }
}
