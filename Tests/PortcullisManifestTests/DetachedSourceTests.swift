import Foundation
import PortcullisDiagnostics
import PortcullisManifest
import Testing

/// A file read from disk lets its bytes go once evaluated and reads them again for a report's
/// excerpts; bytes that are not the file's as read (transcoded UTF-16, standard input, text in
/// memory) are kept.
@Suite struct DetachedSourceTests {
    @Test func aFileFromDiskIsReadAgainForItsLines() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ünïcode\r\ndata: {}\n"
        let path = try folder.write("config.yaml", text)
        let file = ManifestLoader().loadFile(atPath: path, displayPath: "config.yaml")
        #expect(file.source.reloadPath == path)
        let released = file.released()
        #expect(released.source.isDetached)
        #expect(released.resources.isEmpty && released.storage == nil)
        #expect(released.resourceCount == 1)
        #expect(released.source.path == "config.yaml")
        for line in 1...6 { #expect(released.source.text(ofLine: line) == file.source.text(ofLine: line)) }
        #expect(released.source.text(ofLine: 4) == "  name: ünïcode")
        #expect(released.source.bytes == Array(text.utf8))
    }

    @Test func transcodedAndInMemoryBytesStay() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // UTF-16 with a byte order mark: positions refer to the UTF-8 text decoded from it.
        let utf16: [UInt8] = [0xFF, 0xFE] + "kind: ConfigMap\napiVersion: v1\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = try folder.write("wide.yaml", bytes: utf16)
        let wide = ManifestLoader().loadFile(atPath: path, displayPath: "wide.yaml")
        #expect(wide.source.reloadPath == nil)
        #expect(!wide.released().source.isDetached)
        #expect(wide.released().source.text(ofLine: 2) == "apiVersion: v1")

        let inMemory = ManifestLoader().load(SourceFile(path: "<stdin>", bytes: Array("kind: A\n".utf8))).released()
        #expect(!inMemory.source.isDetached)
        #expect(inMemory.source.text(ofLine: 1) == "kind: A")
    }

    @Test func aFileGoneSinceItWasCheckedShowsNoLines() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("gone.yaml", "kind: A\n")
        let released = ManifestLoader().loadFile(atPath: path, displayPath: "gone.yaml").released()
        folder.remove()
        #expect(released.source.text(ofLine: 1) == nil)
    }
}
