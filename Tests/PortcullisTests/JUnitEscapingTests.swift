import Testing
@testable import PortcullisReport

/// JUnit's XML escaping, worked on UTF-8 bytes: text with nothing to escape is returned as it is;
/// markup and line feeds become references, controls and U+FFFE/U+FFFF become U+FFFD, and every
/// other character (0xEF-led ones included) is kept.
@Suite struct JUnitEscapingTests {
    let reporter = JUnitReporter()

    @Test(arguments: [
        ("container 'web' has no limits", "container &apos;web&apos; has no limits"),
        ("a < b && c > \"d\"", "a &lt; b &amp;&amp; c &gt; &quot;d&quot;"),
        ("line\none\ttab\rreturn", "line&#10;one\ttab\rreturn"),
        ("bell\u{07} and \u{1B}[31m", "bell\u{FFFD} and \u{FFFD}[31m"),
        ("not a character: \u{FFFE}\u{FFFF}", "not a character: \u{FFFD}\u{FFFD}"),
        ("a byte 0xEF that is fine: \u{F000} ﬀ", "a byte 0xEF that is fine: \u{F000} ﬀ"),
        ("plain text, accents é and 漢字", "plain text, accents é and 漢字"),
        ("ends on a noncharacter \u{FFFF}", "ends on a noncharacter \u{FFFD}"),
        ("kept: \u{FFFD} \u{FFEF} \u{FFBE} \u{EFBF}, escaped: '", "kept: \u{FFFD} \u{FFEF} \u{FFBE} \u{EFBF}, escaped: &apos;"),
        ("\u{0}\u{1F}\u{7F}\u{85}", "\u{FFFD}\u{FFFD}\u{7F}\u{85}"),
        ("", ""),
    ])
    func escapes(_ text: String, _ expected: String) {
        #expect(reporter.xml(text) == expected)
    }

    /// Every scalar of the Basic Multilingual Plane and some beyond it, alone and between plain
    /// text, escapes as the scalar-by-scalar rules say.
    @Test func everyScalarEscapesAsTheRulesSay() {
        func reference(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&apos;"
                case "\n": out += "&#10;"
                case "\t", "\r": out.unicodeScalars.append(scalar)
                default:
                    if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
                }
            }
            return out
        }
        let values = Array(0..<0xD800) + Array(0xE000...0x10FFF) + [0x1F600, 0xEFFFF, 0x10FFFE, 0x10FFFF]
        let scalars = values.compactMap(Unicode.Scalar.init(_:))
        var mismatches = 0
        for scalar in scalars {
            let text = "a" + String(scalar) + "b" + String(scalar)
            if reporter.xml(text) != reference(text) { mismatches += 1 }
        }
        #expect(mismatches == 0)
        var all = ""
        all.unicodeScalars.append(contentsOf: scalars)
        #expect(reporter.xml(all) == reference(all))
    }
}
