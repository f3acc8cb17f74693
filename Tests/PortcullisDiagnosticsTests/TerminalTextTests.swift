import Testing
@testable import PortcullisDiagnostics

@Suite struct TerminalTextTests {
    /// `text` escaped scalar by scalar, as `needsEscape` says: what `escaped` must give.
    private func expected(_ text: String, keepingNewlines: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if TerminalText.needsEscape(scalar, keepingNewlines: keepingNewlines) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Every scalar of the first planes' lower part and the ones around each escaped range, alone,
    /// between other text, and at the end (where a byte scan runs out of bytes), in both modes.
    @Test func theByteScanFindsEveryCharacterTheScalarsWould() {
        var scalars = (0...0x3000).compactMap(Unicode.Scalar.init)
        scalars += [0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF, 0xE000].compactMap { Unicode.Scalar(UInt32($0)) }
        for scalar in scalars {
            for keepingNewlines in [false, true] {
                for text in [String(scalar), "ab\(scalar)cd", "é\(scalar)", "\(scalar)→—"] {
                    let escaped = TerminalText.escaped(text, keepingNewlines: keepingNewlines)
                    #expect(escaped == expected(text, keepingNewlines: keepingNewlines), "U+\(String(scalar.value, radix: 16))")
                    let holds = text.utf8.withContiguousStorageIfAvailable {
                        TerminalText.holdsEscapes($0, keepingNewlines: keepingNewlines)
                    }
                    #expect(holds == text.unicodeScalars.contains { TerminalText.needsEscape($0, keepingNewlines: keepingNewlines) },
                            "U+\(String(scalar.value, radix: 16))")
                }
            }
        }
    }

    /// A character to escape at each place of a longer text (read eight bytes at a time), among
    /// printable ASCII and among other text.
    @Test func everyPlaceOfALongTextIsRead() {
        for escapedScalar in ["\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{2028}", "\u{202E}", "\u{2069}", "\n"] {
            for filler in ["abcdefgh", "é→—x"] {
                for place in 0...24 {
                    let prefix = String(repeating: filler, count: 4).unicodeScalars.prefix(place)
                    let text = String(String.UnicodeScalarView(prefix)) + escapedScalar + "~ tail of printable text"
                    for keepingNewlines in [false, true] {
                        #expect(TerminalText.escaped(text, keepingNewlines: keepingNewlines) == expected(text, keepingNewlines: keepingNewlines),
                                "\(escapedScalar.unicodeScalars.first!.value) at \(place)")
                    }
                }
            }
        }
        let printable = String(repeating: " ~Az09{}", count: 9)
        #expect(TerminalText.escaped(printable) == printable)
    }

    /// The eight-byte test says "printable" exactly when each byte is 0x20–0x7E: every byte value at
    /// every place of a word otherwise printable, and next to each other value.
    @Test func theEightByteTestReadsEveryByte() {
        let printable = Array("Az09 ~{}".utf8)
        for place in 0..<8 {
            for value in 0...255 {
                for neighbour in [UInt8(0x20), 0x7E, 0x1F, 0x7F, 0x80, 0xFF, 0x00] {
                    var bytes = printable
                    bytes[place] = UInt8(value)
                    bytes[(place + 1) % 8] = neighbour
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let expected = bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
                    #expect(TerminalText.isPrintableASCII(word) == expected, "\(bytes)")
                }
            }
        }
    }

    @Test func helpTextWithDashesAndArrowsIsKeptAsItIs() {
        let help = "Set resources.limits — e.g. 500m → half a CPU; café"
        #expect(TerminalText.escaped(help) == help)
        #expect(TerminalText.escaped("line\nnext", keepingNewlines: true) == "line\nnext")
        #expect(TerminalText.escaped("line\nnext") == "line\\u{A}next")
        #expect(TerminalText.escaped("a\u{202E}b\u{85}c\u{2066}") == "a\\u{202E}b\\u{85}c\\u{2066}")
    }
}
