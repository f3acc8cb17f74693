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

    /// Lines kept as the bytes go are the lines as the file gives them (no line break, no CR,
    /// UTF-8 as it is, an empty last line after a final break): shown without reading the file
    /// again, so even once it is gone; a line not kept is read again; past the end there is none.
    @Test(arguments: ["a: 1\nb: 2\r\n\nc: ünï\n", "a: 1\nlast without a break", "\n\n\n", "one\r\n", "", "a\r", "\r\n\r\n"])
    func keptLinesAreShownWithoutReadingTheFileAgain(_ text: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("kept.yaml", text)
        let file = ManifestLoader().loadFile(atPath: path, displayPath: "kept.yaml")
        let lineCount = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
        let expected = (0...(lineCount + 1)).map { file.source.text(ofLine: $0) }
        let everyLine = Array((0...(lineCount + 1)).reversed()) + [1, 1]
        let released = file.released(keepingLines: everyLine, within: KeptLineBudget())
        #expect(released.source.isDetached)
        let firstOnly = file.released(keepingLines: [1], within: KeptLineBudget())
        try FileManager.default.removeItem(atPath: path)
        #expect((0...(lineCount + 1)).map { released.source.text(ofLine: $0) } == expected)
        #expect(expected[lineCount + 1] == nil && expected[0] == nil)
        #expect(firstOnly.source.text(ofLine: 1) == expected[1])
        #expect(lineCount < 2 || firstOnly.source.text(ofLine: 2) == nil)  // not kept, and the file is gone
    }

    /// A few lines of a long file are found by counting the line feeds of the blocks before them:
    /// lines at any place against blocks of sixteen bytes (first, last, adjacent, in one block,
    /// past the end) are the file's lines, and only those are kept.
    @Test func keptLinesAnywhereInALongFileAreTheFilesLines() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            // Comments of 0 to 40 bytes after the `#` (no diagnostic, whose lines would be kept too),
            // some ending in CR, some with multibyte text.
            let lineCount = Int.random(in: 1...120, using: &generator)
            let lines = (0..<lineCount).map { _ in
                "#" + String(repeating: ["a", "é", " "].randomElement(using: &generator)!, count: Int.random(in: 0...40, using: &generator))
                    + (Int.random(in: 0..<5, using: &generator) == 0 ? "\r" : "")
            }
            var text = lines.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : "")
            if text.hasSuffix("\r") { text.removeLast() }  // a CR alone is a line break of its own
            let path = try folder.write("long-\(round).yaml", text)
            let file = ManifestLoader().loadFile(atPath: path, displayPath: "long.yaml")
            let count = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
            let expected = (0...(count + 2)).map { file.source.text(ofLine: $0) }
            let wanted = (0..<Int.random(in: 1...8, using: &generator)).map { _ in Int.random(in: 1...(count + 2), using: &generator) }
                + (round % 4 == 0 ? [1, 2, count] : [])
            let released = file.released(keepingLines: wanted, within: KeptLineBudget())
            try FileManager.default.removeItem(atPath: path)
            #expect(released.source.isDetached && file.diagnostics.isEmpty, "\(file.diagnostics)")
            for line in 0...(count + 2) {
                #expect(released.source.text(ofLine: line) == (wanted.contains(line) ? expected[line] : nil), "round \(round), line \(line)")
            }
        }
    }

    /// A run's budget is spent file by file: a file whose lines do not fit keeps none and reads
    /// them again; a budget of nothing keeps nothing.
    @Test func keptLinesStayWithinTheRunsBudget() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // Pieces of 64 KiB: a budget of 100 KiB holds one piece, whose room a line of 60 KiB
        // takes; the next file's line of 60 KiB needs a second piece, past the budget.
        let line = String(repeating: "x", count: 60 << 10)
        let first = try folder.write("first.yaml", "a: \(line)\n")
        let second = try folder.write("second.yaml", "b: \(line)\n")
        let budget = KeptLineBudget(bytes: 100 << 10)
        let kept = ManifestLoader().loadFile(atPath: first, displayPath: "first.yaml").released(keepingLines: [1], within: budget)
        let over = ManifestLoader().loadFile(atPath: second, displayPath: "second.yaml").released(keepingLines: [1], within: budget)
        let none = ManifestLoader().loadFile(atPath: first, displayPath: "first.yaml").released(keepingLines: [1], within: KeptLineBudget(bytes: 0))
        try FileManager.default.removeItem(atPath: first)
        try FileManager.default.removeItem(atPath: second)
        #expect(kept.source.text(ofLine: 1) == "a: \(line)")
        #expect(over.source.text(ofLine: 1) == nil)
        #expect(none.source.text(ofLine: 1) == nil)
    }

    @Test func aFileGoneSinceItWasCheckedShowsNoLines() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("gone.yaml", "kind: A\n")
        let released = ManifestLoader().loadFile(atPath: path, displayPath: "gone.yaml").released()
        folder.remove()
        #expect(released.source.text(ofLine: 1) == nil)
    }
}
