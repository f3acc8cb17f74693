import Testing
@testable import PortcullisDiagnostics

@Suite struct DiagnosticRendererTests {
    let source = SourceFile(path: "app/deploy.yaml", bytes: Array("kind: Pod\nspec:\n\timage: nginx: 1\n".utf8))

    @Test func rendersHeaderSourceLineAndCaret() {
        let diagnostic = Diagnostic.error("yaml.syntax", "mapping values are not allowed here",
                                          path: "app/deploy.yaml", at: SourceSpan(start: SourceLocation(line: 3, column: 14)))
        let text = DiagnosticRenderer().render(diagnostic, source: source)
        #expect(text == """
            app/deploy.yaml:3:14: error: mapping values are not allowed here [yaml.syntax]
                \timage: nginx: 1
                \t            ^
            """)
    }

    /// Short printable lines take a fast path; the caret must land where the general path puts it:
    /// tabs kept, a column past the end of the line padded with spaces.
    @Test func caretOfPlainAndOtherLinesAlike() {
        let lines = ["image: x", "\timage: x", "name: caf\u{E9}", String(repeating: "a", count: 200)]
        let source = SourceFile(path: "a.yaml", bytes: Array(lines.joined(separator: "\n").utf8))
        func caretLine(_ line: Int, _ column: Int) -> Substring {
            let diagnostic = Diagnostic.error("x.y", "m", path: "a.yaml", at: SourceSpan(start: SourceLocation(line: line, column: column)))
            return DiagnosticRenderer().render(diagnostic, source: source).split(separator: "\n", omittingEmptySubsequences: false)[2]
        }
        #expect(caretLine(1, 1) == "    ^")
        #expect(caretLine(1, 8) == "           ^")
        #expect(caretLine(1, 11) == "              ^")
        #expect(caretLine(2, 3) == "    \t ^")
        #expect(caretLine(3, 10) == "             ^")
        #expect(caretLine(4, 100).hasSuffix("^") && caretLine(4, 100).hasPrefix("     "))
    }

    @Test func colourOnlyWhenAsked() {
        let diagnostic = Diagnostic.warning("yaml.duplicate-key", "duplicate", path: "a.yaml",
                                            at: SourceSpan(start: SourceLocation(line: 1, column: 1)))
        #expect(!DiagnosticRenderer(useColor: false).render(diagnostic, source: source).contains("\u{1B}["))
        #expect(DiagnosticRenderer(useColor: true).render(diagnostic, source: source).contains("\u{1B}[1;33mwarning"))
    }

    /// Reports append each part to one block of bytes (`append`, `appendHeader`, `appendExcerpt`):
    /// what they append is what `render` returns, colours, line breaks and a missing line alike.
    @Test func appendedBytesAreTheRenderedText() {
        let file = SourceFile(path: "w.yaml", bytes: Array("kind: Pod\r\nspec:\r\n  image: x\u{1B}[2J\r\n".utf8))
        let at = { (line: Int, column: Int) in SourceSpan(start: SourceLocation(line: line, column: column)) }
        let diagnostics: [Diagnostic] = [
            .error("a.b", "first", path: "w.yaml", at: at(2, 5)),
            .warning("a.c", "escape \u{1B} in message", path: "w.yaml", at: at(3, 3)),
            .error("a.d", "past the end", path: "w.yaml", at: at(9, 1)),
            .error("a.e", "no position", path: "w.yaml"),
        ]
        for useColor in [false, true] {
            let renderer = DiagnosticRenderer(useColor: useColor)
            for diagnostic in diagnostics {
                var bytes: [UInt8] = []
                renderer.append(diagnostic, source: file, to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == renderer.render(diagnostic, source: file))
            }
        }
        // A CRLF line shows without its carriage return; a line past the end shows nothing.
        #expect(DiagnosticRenderer().render(diagnostics[0], source: file) == "w.yaml:2:5: error: first [a.b]\n    spec:\n        ^")
        #expect(DiagnosticRenderer().render(diagnostics[2], source: file) == "w.yaml:9:1: error: past the end [a.d]")
        #expect(DiagnosticRenderer(useColor: true).render(diagnostics[0], source: file)
                == "\u{1B}[1mw.yaml:2:5: \u{1B}[0m\u{1B}[1;31merror\u{1B}[0m: first [a.b]\n    spec:\n        \u{1B}[1;32m^\u{1B}[0m")
        // The line with an escape sequence takes the general path: the control character is replaced.
        #expect(DiagnosticRenderer().render(diagnostics[1], source: file).contains("image: x\u{FFFD}[2J"))
        #expect(DiagnosticRenderer().render(diagnostics[1], source: file).contains("escape \\u{1B} in message"))
    }

    @Test func noColorEnvironmentWins() {
        #expect(!ColorMode.auto.allowsColor(fileDescriptor: 1, environment: ["NO_COLOR": "1"]))
        #expect(ColorMode.always.allowsColor(fileDescriptor: 1, environment: ["NO_COLOR": "1"]))
        #expect(!ColorMode.never.allowsColor(fileDescriptor: 1, environment: [:]))
    }

    @Test func withoutPositionOnlyThePath() {
        let diagnostic = Diagnostic.error("input.not-found", "no such file or directory", path: "missing.yaml")
        #expect(DiagnosticRenderer().render(diagnostic, source: nil) == "missing.yaml: error: no such file or directory [input.not-found]")
    }

    @Test func columnsCountUnicodeScalars() {
        let file = SourceFile(path: "u.yaml", bytes: Array("a: \"héllo\"\nb: ✓x\n".utf8))
        // Byte offset of "x" on line 2: "a: \"héllo\"\n" is 12 bytes, "b: " 3, "✓" 3.
        #expect(file.location(ofByteOffset: 18) == SourceLocation(line: 2, column: 5))
        #expect(file.text(ofLine: 2) == "b: ✓x")
        #expect(file.text(ofLine: 9) == nil)
    }

    @Test func longLinesShowAWindowAroundTheColumn() {
        let line = String(repeating: "a", count: 500) + "X" + String(repeating: "b", count: 500)
        let file = SourceFile(path: "long.yaml", bytes: Array(line.utf8))
        let diagnostic = Diagnostic.error("x.y", "here", path: "long.yaml", at: SourceSpan(start: SourceLocation(line: 1, column: 501)))
        let lines = DiagnosticRenderer().render(diagnostic, source: file).split(separator: "\n")
        let shown = Array(lines[1].unicodeScalars), caret = Array(lines[2].unicodeScalars)
        #expect(shown.count < 200)
        #expect(shown[caret.count - 1] == "X")
    }

    @Test func controlCharactersInTheShownLineAreReplaced() {
        let file = SourceFile(path: "bin.yaml", bytes: [0x61, 0x00, 0x1B, 0x62])
        let diagnostic = Diagnostic.error("input.binary", "binary", path: "bin.yaml", at: SourceSpan(start: SourceLocation(line: 1, column: 2)))
        let text = DiagnosticRenderer().render(diagnostic, source: file)
        #expect(text.hasSuffix("    a\u{FFFD}\u{FFFD}b\n     ^"))
    }

    @Test func reportOrderIsByPathThenPosition() {
        let a = Diagnostic.error("x", "m", path: "b.yaml", at: SourceSpan(start: SourceLocation(line: 1, column: 1)))
        let b = Diagnostic.error("x", "m", path: "a.yaml", at: SourceSpan(start: SourceLocation(line: 9, column: 1)))
        let c = Diagnostic.error("x", "m", path: "a.yaml", at: SourceSpan(start: SourceLocation(line: 2, column: 5)))
        #expect([a, b, c].sorted(by: Diagnostic.reportOrder) == [c, b, a])
    }
}
