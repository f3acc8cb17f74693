import Testing
import PortcullisRegex

@Suite struct RegexPatternTests {
    @Test func matchesAnywhere() throws {
        let pattern = try RegexPattern("^[a-z0-9.-]+/[a-z0-9-]+:v?[0-9]+\\.[0-9]+\\.[0-9]+$")
        #expect(try pattern.matches("registry.example.com/web:1.4.2"))
        #expect(try !pattern.matches("registry.example.com/web:latest"))
        #expect(pattern.isJITCompiled)
    }

    @Test func unicodeAware() throws {
        #expect(try RegexPattern("^\\w+$").matches("café"))
    }

    @Test func invalidPatternGivesPCRE2MessageAndOffset() {
        #expect(throws: RegexError.invalidPattern(message: "missing closing parenthesis", offset: 4)) {
            try RegexPattern("(abc")
        }
    }

    @Test func catastrophicBacktrackingHitsTheLimit() throws {
        let pattern = try RegexPattern("^(a+)+$", matchLimit: 10_000)
        let subject = String(repeating: "a", count: 40) + "!"
        #expect(throws: RegexError.matchLimitExceeded) { try pattern.matches(subject) }
    }

    /// Four threads meet a new pattern at once: one JIT-compiles it at its first match, the
    /// others wait, and every match is right.
    @Test func sharedAcrossThreads() async throws {
        let pattern = try RegexPattern("^app-[0-9]+$")
        let hits = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    (0..<500).filter { (try? pattern.matches("app-\($0 + worker)")) == true }.count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(hits == 2000)
        #expect(pattern.isJITCompiled)
    }

    /// Subjects are passed without PCRE2's UTF-8 check (a Swift string is valid UTF-8): non-ASCII
    /// text, long text, and a match past a long prefix are still matched as before.
    @Test func subjectsNeedNoUTF8Check() throws {
        let pattern = try RegexPattern("(AKIA|ASIA)[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----")
        let long = String(repeating: "échô \"$(date)\" ☃\n", count: 3000)
        #expect(try !pattern.matches(long))
        #expect(try pattern.matches(long + "AKIAABCDEFGHIJKLMNOP"))
        #expect(try RegexPattern("^ü+$").matches("üüü"))
        #expect(try !RegexPattern("^.$").matches("üü"))
    }
}
