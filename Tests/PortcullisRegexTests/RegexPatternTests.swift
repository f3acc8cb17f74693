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
    }
}
