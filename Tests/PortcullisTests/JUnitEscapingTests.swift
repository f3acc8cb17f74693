import Testing
@testable import PortcullisReport

/// JUnit's XML escaping: text with nothing to escape is returned as it is (found from its bytes);
/// every other text is escaped scalar by scalar, as before the shortcut.
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
        ("", ""),
    ])
    func escapes(_ text: String, _ expected: String) {
        #expect(reporter.xml(text) == expected)
    }
}
