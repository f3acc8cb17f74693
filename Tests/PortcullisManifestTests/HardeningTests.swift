import Foundation
import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

/// Issue 13, the loader's share: each item's reproducer, shrunk.
@Suite struct HardeningTests {
    private func load(_ text: String, limits: ManifestLimits = .standard) -> ManifestFile {
        ManifestLoader(limits: limits).load(SourceFile(path: "t.yaml", bytes: Array(text.utf8)))
    }

    // Item 2: per-document diagnostics are capped at 20 per kind, and documents per file are bounded.
    @Test func perDocumentDiagnosticsAreCapped() {
        let file = load(String(repeating: "--- just text\n", count: 30) + String(repeating: "--- [a]\n", count: 25) + String(repeating: "--- {a: 1}\n", count: 22))
        for id in [ManifestDiagnostic.notAMapping, ManifestDiagnostic.sequenceDocument, ManifestDiagnostic.missingKind] {
            let of = file.diagnostics.filter { $0.id == id }
            #expect(of.count == 21, "\(id): 20 shown and one 'more' line")
            #expect(of.last?.span == nil && of.last?.message.contains("more diagnostic") == true)
        }
        #expect(file.diagnostics.filter { $0.id == ManifestDiagnostic.notAMapping }.last?.message == "10 more diagnostics of this kind in this file not shown")
    }

    @Test func documentsPastTheLimitStopTheFileWithALocatedError() {
        let text = (0..<50).map { "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c\($0)}\n" }.joined(separator: "---\n")
        let file = load(text, limits: ManifestLimits(maxDocuments: 10))
        #expect(file.resources.count == 10)
        let error = file.diagnostics.first { $0.id == ManifestDiagnostic.tooManyDocuments }
        #expect(error?.severity == .error)
        #expect(error?.span?.start.line == 40, "at the 11th document's '---' (line 40)")
        #expect(file.hasErrors)
    }

    /// A million tiny documents (the 10.5 M reproducer, shrunk) stop at the default limit, with
    /// bounded bookkeeping.
    @Test func manyTinyDocumentsStopAtTheDefaultLimit() {
        let text = String(repeating: "a: 1\n---\n", count: ManifestLimits.standard.maxDocuments + 5)
        let file = load(text)
        #expect(file.diagnostics.contains { $0.id == ManifestDiagnostic.tooManyDocuments })
        #expect(file.diagnostics.filter { $0.id == ManifestDiagnostic.missingKind }.count == 21)
    }

    // Item 5: walkers over deep documents use explicit stacks.
    @Test func pathToADeepNodeNeedsNoRecursion() throws {
        let depth = 60_000
        let text = "a: " + String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth) + "\n"
        let file = load(text, limits: ManifestLimits(maxDepth: depth + 10))
        let root = try #require(file.resources.first?.root)
        var node = try #require(root["a"])
        while node.kind == .sequence, let first = node[0] { node = first }
        #expect(node.scalarText == "x")
        let found = try #require(root.path(to: node))
        #expect(found.components.count == depth + 1)
        var writer = JSONWriter()
        writer.append(root)
        #expect(writer.bytes.count == 2 * depth + 9)
    }

    // Item 4: positions and JSON stop at a byte budget.
    @Test func positionsOfAnAliasTowerStopAtTheBudget() throws {
        // Each level holds the previous one twice: 2^20 nodes, paths ~20 steps deep.
        var text = "l0: &l0 [x, y]\n"
        for level in 1...19 { text += "l\(level): &l\(level) [*l\(level - 1), *l\(level - 1)]\n" }
        let file = load(text, limits: ManifestLimits(maxExpandedNodes: 10_000_000))
        let root = try #require(file.resources.first?.root)
        let (entries, complete) = root.pathsAndSpans(maxPathBytes: 100_000)
        #expect(!complete)
        #expect(entries.reduce(0) { $0 + $1.path.utf8.count } <= 100_000)
        var writer = JSONWriter()
        let fitted = writer.append(root, maxBytes: 50_000)
        #expect(!fitted)
        #expect(writer.bytes.count < 50_100)
        var small = JSONWriter()
        let l0 = try #require(root["l0"])
        let smallFitted = small.append(l0, maxBytes: 100)
        #expect(smallFitted)
    }

    // Item 8: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR and a lone CR inside strings do not shift lines.
    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}", "\r"])
    func unusualLineBreaksKeepTheFilesLines(_ separator: String) throws {
        let text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: \"one\(separator)two\"\n  b: three\n  c: [x, y]\n"
        let file = load(text)
        #expect(file.diagnostics.isEmpty)
        let data = try #require(file.resources.first?.root["data"])
        #expect(data["b"]?.span.start == SourceLocation(line: 5, column: 6))
        #expect(data["c"]?[1]?.span.start == SourceLocation(line: 6, column: 10))
        #expect(file.source.text(ofLine: 5) == "  b: three")
        // Past the separator, columns go on counting on the same line: `"one?two"` ends at column 15.
        #expect(data["a"]?.span.end == SourceLocation(line: 4, column: 15))
    }

    @Test func syntaxErrorsAfterALineSeparatorPointAtTheirLine() throws {
        let file = load("a: \"x\u{2028}y\"\nb: [\nc: d: e\n")
        let error = try #require(file.diagnostics.first)
        #expect(error.span?.start.line ?? 0 <= 3)
        #expect(error.span?.start.line ?? 0 >= 2)
    }

    // Item 9: open first, then fstat; a path that becomes a FIFO between a check and the open
    // never blocks the read.
    @Test func readingNeverBlocksOnAPathSwappedForAFIFO() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/swap.yaml"
        try dir.write("swap.yaml", "a: 1\n")
        // Writers held open on every FIFO: a read on one would wait for data forever.
        final class Box: @unchecked Sendable { var stop = false; var finished = false; var descriptors: [Int32] = []; var swaps = 0; var renameFailures = 0 }
        let box = Box()
        let swapper = Thread {
            var n = 0
            defer { box.finished = true }
            while !box.stop && n < 2000 {
                let fifo = dir.path + "/f\(n)", file = dir.path + "/r\(n)"
                if mkfifo(fifo, 0o600) == 0 {
                    let fd = open(fifo, O_RDWR | O_NONBLOCK)
                    if fd >= 0 { box.descriptors.append(fd) }
                }
                _ = rename(fifo, path)
                let out = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                _ = write(out, "b: 2\n", 5)
                _ = close(out)
                if rename(file, path) != 0 { box.renameFailures += 1 }
                n += 1
                box.swaps = n
            }
        }
        swapper.start()
        let done = DispatchSemaphore(value: 0)
        final class Outcomes: @unchecked Sendable { var fifos = 0; var files = 0; var other: [String] = [] }
        let outcomes = Outcomes()
        Thread {
            var reads = 0
            while !box.finished || reads < 100 {
                reads += 1
                switch FileReader.read(path: path, maxBytes: 1 << 20) {
                case .success: outcomes.files += 1
                case .failure(.notRegularFile): outcomes.fifos += 1
                case .failure(let failure): if outcomes.other.count < 3 { outcomes.other.append("\(failure)") }
                }
            }
            done.signal()
        }.start()
        let finished = done.wait(timeout: .now() + 60) == .success
        box.stop = true
        #expect(finished, "a read blocked on a FIFO")
        #expect(outcomes.files > 0, "\(outcomes.fifos) FIFOs, other failures: \(outcomes.other), swaps \(box.swaps), rename failures \(box.renameFailures)")
        while swapper.isExecuting { usleep(1000) }
        for fd in box.descriptors { _ = close(fd) }
    }

    // Item 11: UTF-16 is decoded once; comments and excerpts read the decoded text.
    @Test func utf16IsDecodedOnceForEveryReader() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        let text = "apiVersion: v1\nkind: ConfigMap  # portcullis:disable-line test/x -- why\ndata: {é: \"ü\"}\n"
        for unit in text.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let file = ManifestLoader().load(SourceFile(path: "u16.yaml", bytes: bytes))
        #expect(file.diagnostics.isEmpty)
        #expect(file.directiveComments.map(\.line) == [2])
        #expect(file.source.text(ofLine: 3) == "data: {é: \"ü\"}")
        #expect(file.resources.first?.root["data"]?["é"]?.span.start == SourceLocation(line: 3, column: 11))
    }

    @Test func invalidUTF16IsALocatedError() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "a: 1\nb: ".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        bytes += [0x00, 0xD8, 0x41, 0x00]  // a high surrogate, then 'A'
        let file = ManifestLoader().load(SourceFile(path: "u16.yaml", bytes: bytes))
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.invalidUTF8])
        #expect(file.diagnostics.first?.span?.start == SourceLocation(line: 2, column: 4))
    }

    // Item 15: `!!null` makes null only when the text is a null, as docs/yaml.md says.
    @Test func explicitNullTagNeedsANullText() throws {
        let document = try #require(load("a: !!null \"x\"\nb: !!null ~\nc: !!null\nd: 1e3\n").resources.first)
        let root = document.root
        #expect(root["a"]?.scalarType == .string)
        #expect(root["b"]?.scalarType == .null)
        #expect(root["c"]?.scalarType == .null)
        #expect(root["d"]?.scalarType == .float)
    }

    // Item 15: standard input over the limit says so without inventing a size.
    @Test func oversizeStreamReportsNoSize() {
        let diagnostic = FileReadFailure.tooLarge(size: nil, limit: 10).diagnostic(path: "<stdin>")
        #expect(diagnostic.message == "input is over the limit of 10 bytes; not read")
    }

    // Catalogue classes without a test of their own elsewhere (docs/robustness.md).
    @Test func tabIndentationIsALocatedSyntaxError() throws {
        let file = load("apiVersion: v1\nkind: ConfigMap\ndata:\n\ta: 1\n")
        let error = try #require(file.diagnostics.first)
        #expect(error.id == ManifestDiagnostic.syntax)
        #expect(error.span?.start.line == 4)
    }

    @Test func hugeScalarsAndKeysLoad() throws {
        let big = String(repeating: "x", count: 8 << 20), key = String(repeating: "k", count: 1 << 20)
        // An implicit key is at most 1,024 characters (YAML's rule): a longer one is written `? key`.
        let file = load("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: \(big)\n  ? \(key)\n  : 1\n")
        #expect(file.diagnostics.isEmpty)
        let data = try #require(file.resources.first?.root["data"])
        #expect(data["a"]?.scalarText?.utf8.count == big.utf8.count)
        #expect(data[key]?.int == 1)
    }

    @Test func hugeFoldersAreWalked() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for index in 0..<3_000 { try dir.write("many/f\(index).yaml", "a: \(index)\n") }
        let (files, diagnostics) = InputDiscovery().collect([dir.path])
        #expect(diagnostics.isEmpty)
        #expect(files.count == 3_000)
    }
}
