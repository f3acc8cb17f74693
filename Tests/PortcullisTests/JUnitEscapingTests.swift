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
}
