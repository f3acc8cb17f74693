import CYAML
import Foundation
import PortcullisDiagnostics
import Testing
@testable import PortcullisManifest

/// `PlainYAMLInput`: a file handed to libyaml's scanner as already read gives the same events,
/// marks and errors as the same file through libyaml's reader.
@Suite struct PlainYAMLInputTests {
    /// Every event of `bytes` (type, marks, value, tag, anchor, style) and the error that ended
    /// the stream, one line each; and whether the parser read the input as already read.
    private func trace(_ bytes: [UInt8], plain: Bool) -> (lines: [String], readAsPlain: Bool) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return (["no parser"], false) }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            func run(_ parser: inout yaml_parser_t) -> (lines: [String], readAsPlain: Bool) {
                // The reader sets `eof` only once it has read to the end, after the first event.
                let readAsPlain = parser.eof == 1
                var lines: [String] = []
                var event = yaml_event_t()
                func mark(_ m: yaml_mark_t) -> String { "\(m.line):\(m.column)@\(m.index)" }
                func text(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String { p.map { String(cString: $0) } ?? "-" }
                while true {
                    guard yaml_parser_parse(&parser, &event) == 1 else {
                        func message(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "-" }
                        lines.append("error \(parser.error.rawValue) \(message(parser.problem)) \(mark(parser.problem_mark)) "
                                     + "\(message(parser.context)) \(mark(parser.context_mark)) \(parser.problem_offset) \(parser.problem_value)")
                        break
                    }
                    var line = "\(event.type.rawValue) \(mark(event.start_mark))-\(mark(event.end_mark))"
                    switch event.type {
                    case YAML_SCALAR_EVENT:
                        let s = event.data.scalar
                        let value = String(decoding: UnsafeBufferPointer(start: s.value, count: Int(s.length)), as: UTF8.self)
                        line += " \(value.debugDescription) \(text(s.tag)) \(text(s.anchor)) \(s.style.rawValue) \(s.plain_implicit)\(s.quoted_implicit)"
                    case YAML_MAPPING_START_EVENT:
                        let m = event.data.mapping_start
                        line += " \(text(m.tag)) \(text(m.anchor)) \(m.style.rawValue)"
                    case YAML_SEQUENCE_START_EVENT:
                        let q = event.data.sequence_start
                        line += " \(text(q.tag)) \(text(q.anchor)) \(q.style.rawValue)"
                    case YAML_ALIAS_EVENT:
                        line += " \(text(event.data.alias.anchor))"
                    case YAML_DOCUMENT_START_EVENT:
                        line += " \(event.data.document_start.implicit)"
                    case YAML_DOCUMENT_END_EVENT:
                        line += " \(event.data.document_end.implicit)"
                    default:
                        break
                    }
                    lines.append(line)
                    let type = event.type
                    yaml_event_delete(&event)
                    if type == YAML_STREAM_END_EVENT { break }
                }
                return (lines, readAsPlain)
            }
            return plain ? PlainYAMLInput.parsing(buffer, with: &parser, run) : run(&parser)
        }
    }

    /// Compares both ways of reading `bytes`; returns whether the plain way was taken.
    @discardableResult
    private func expectSameEvents(_ bytes: [UInt8], _ name: String) -> Bool {
        let reader = trace(bytes, plain: false)
        let plain = trace(bytes, plain: true)
        #expect(!reader.readAsPlain)
        #expect(plain.lines == reader.lines, "\(name)")
        return plain.readAsPlain
    }

    /// Texts that end in the middle of every kind of token, errors included.
    private static let texts = [
        "", "\n", "a", "a:", "a: ", "a: 1", "a: 1\n", "-", "--", "---", "--- ", "---\n", "...", "...\n", "- a\n- b",
        "a: 'unclosed", "a: \"unclosed\\", "[a, b", "{a: 1", "{a: [1, {b: c}]}", "? a\n: b", "&x a: *x", "*x",
        "a: |\n  text\n  more", "a: >-\n  folded\n\n  text\n", "a: !!str 1\nb: !custom x", "%YAML 1.2\n---\na: 1",
        "%TAG ! tag:example.com,2000:\n--- !x a", "a:\tb", "a: b\r\nc: d\r\n", "a: b\rc: d", "# comment only",
        "a: b # comment", "key: value\n  bad: indent", "- [a, b]: c", "a: @reserved", "a: `reserved", "\t- a",
        "a: 'it''s'", "a: \"\\x41\\u263A\"", "- - - a\n  - b\n- c", "a: b\n---\nc: d\n...\n---\ne: f\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: v\n",
        "a: caf\u{E9}", "a: \u{263A} \u{1F600}\n", "\u{E9}: \u{85}x", "a: \u{A0}\u{D7FF}\u{E000}\u{FFFD}\u{10000}\u{10FFFF}",
        "- \u{FEFF}a", String(repeating: "x", count: 63) + "\u{E9}" + String(repeating: "y", count: 100),
        String(repeating: "\u{263A}", count: 40) + ": v",
    ]

    @Test func plainTextsGiveTheSameEventsAsTheReader() {
        for text in Self.texts {
            let readAsPlain = expectSameEvents(Array(text.utf8), text.debugDescription)
            #expect(readAsPlain == !text.isEmpty, "\(text.debugDescription)")
        }
    }

    /// Every prefix of a document that uses most of the syntax: the input ends at every byte,
    /// where the scanner looks ahead past the end.
    @Test func everyPrefixGivesTheSameEvents() {
        let text = Array(Self.texts.joined(separator: "\n---\n").utf8)
        for end in 0...text.count { expectSameEvents(Array(text[..<end]), "prefix of \(end) bytes") }
    }

    /// A plain file whose lines libyaml counts apart from the file (a carriage return alone, a line
    /// separator) still gets the file's own lines and columns: the same as a twin read through the
    /// reader (a byte order mark and a comment line on top), one line lower.
    @Test(arguments: ["\r", "\u{2028}", "\u{85}"])
    func aPlainFileWithOtherLineBreaksKeepsTheFilesLines(_ lineBreak: String) throws {
        let body = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\(lineBreak)  namespace: y\ndata: {a: b}\r\nz: 1\n"
        let load = { (text: String) in ManifestLoader().load(SourceFile(path: "t.yaml", bytes: Array(text.utf8))) }
        // The documents hold the arenas their nodes are in.
        let plainDocument = try #require(load(body).resources.first), readDocument = try #require(load("\u{FEFF}# twin\n" + body).resources.first)
        let plain = plainDocument.root, read = readDocument.root
        let plainSpans = plain.pathsAndSpans(), readSpans = read.pathsAndSpans()
        #expect(plainSpans.map(\.path) == readSpans.map(\.path))
        #expect(plainSpans.count > 6)
        for (p, r) in zip(plainSpans, readSpans) {
            #expect(p.span.start.line + 1 == r.span.start.line && p.span.start.column == r.span.start.column, "\(p.path)")
        }
        #expect(plain["metadata"]?["namespace"]?.span.start.line == 4)
    }

    /// A byte the reader refuses or drops sends the file through the reader: same errors.
    @Test func otherFilesGoThroughTheReader() {
        let inputs: [[UInt8]] = [
            [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), Array("a: \u{1}\n".utf8), Array("a: b\u{7F}\n".utf8),
            Array("a: 1\n".utf8) + [0xFF], [0x00], Array(repeating: UInt8(ascii: "a"), count: 200) + [0x80],
            Array("a: \u{80}".utf8), Array("a: \u{9F}".utf8), Array("a: \u{FFFE}".utf8), Array("a: \u{FFFF}".utf8),
            [0x61, 0xED, 0xA0, 0x80], [0x61, 0xC0, 0xAF], [0x61, 0xE0, 0x80, 0xAF], [0x61, 0xF0, 0x80, 0x80, 0xAF],
            [0x61, 0xF4, 0x90, 0x80, 0x80], [0x61, 0xF8, 0x88, 0x80, 0x80, 0x80], [0x61, 0xE2, 0x82], [0x61, 0xE2, 0x28, 0xA1],
            Array(repeating: UInt8(ascii: "b"), count: 62) + [0xE2, 0x82],
        ]
        for bytes in inputs {
            let readAsPlain = expectSameEvents(bytes, "\(bytes.prefix(12))")
            #expect(!readAsPlain)
        }
    }

    /// The repository's fixtures and, when `../shared` is there, the real-world corpus: every file
    /// the same both ways.
    @Test func filesOnDiskGiveTheSameEvents() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var folders = [root.appendingPathComponent("fixtures")]
        let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        if FileManager.default.fileExists(atPath: corpus.path) {
            folders.append(corpus)
        } else {
            print("PlainYAMLInputTests: ../shared/corpus is absent (a user's clone has none); comparing the fixtures only")
        }
        var plainFiles = 0
        for folder in folders {
            let walker = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            for case let url as URL in walker where ["yaml", "yml", "json"].contains(url.pathExtension) {
                if expectSameEvents(Array(try Data(contentsOf: url)), url.path) { plainFiles += 1 }
            }
        }
        #expect(plainFiles > 20)
    }
}
