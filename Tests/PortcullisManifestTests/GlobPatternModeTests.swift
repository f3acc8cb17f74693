import Testing
import PortcullisManifest

/// The one glob type's two modes: `path` (`*` stops at `/`, `**` crosses folders) and `text` (`*` any
/// run of characters, `?` one character, the whole text).
@Suite struct GlobPatternModeTests {
    @Test(arguments: [
        // pattern, subject, path mode, text mode
        ("a*", "a/b", false, true),
        ("*", "a/b", true, true),  // path: a pattern without `/` matches the file's name
        ("envs/*/app.yaml", "envs/dev/x/app.yaml", false, true),
        ("envs/**", "envs/dev/x/app.yaml", true, true),
        ("prod/**", "clusters/prod/a.yaml", true, false),  // text: no tail matching
        ("a?c", "a/c", false, true),
        ("[a-c]x", "bx", true, false),  // text: no character classes
        ("*.{yaml,yml}", "x.yml", true, false),  // text: no braces
        ("./base/*", "base/a", true, false),  // text: no `./` normalising
        ("ghcr.io/acme/*", "ghcr.io/acme/app:1.2", true, true),
        ("ghcr.io/acme/*", "ghcr.io/acmex/app", false, false),
        ("", "", true, true),
    ])
    func modes(_ pattern: String, _ subject: String, _ path: Bool, _ text: Bool) {
        #expect(GlobPattern(pattern).mode == .path)
        #expect(GlobPattern(pattern, mode: .path).matches(subject) == path, "path: \(pattern) ~ \(subject)")
        #expect(GlobPattern(pattern, mode: .text).matches(subject) == text, "text: \(pattern) ~ \(subject)")
        #expect(GlobPattern.textMatches(subject, pattern: pattern) == text, "text, uncompiled: \(pattern) ~ \(subject)")
        #expect(Array(subject.utf8).withUnsafeBytes { GlobPattern(pattern, mode: .text).matchesText($0) } == text, "text, bytes: \(pattern) ~ \(subject)")
    }

    @Test(arguments: [
        ("?", "é", true), ("?", "éa", false), ("??", "é", false), ("*?", "日本", true), ("日*", "日本語", true),
        ("*本?", "日本語", true), ("*本", "日本語", false), ("a?b", "a🙂b", true), ("*", "", true), ("?", "", false),
        ("a**b", "axyb", true), ("*x", "xyz", false), ("k*.*", "kernel.shm", true),
    ])
    func textModeStepsOverCharacters(_ pattern: String, _ text: String, _ expected: Bool) {
        #expect(GlobPattern(pattern, mode: .text).matches(text) == expected, "\(pattern) ~ \(text)")
        #expect(GlobPattern.textMatches(text, pattern: pattern) == expected, "uncompiled: \(pattern) ~ \(text)")
        #expect(Array(text.utf8).withUnsafeBytes { GlobPattern(pattern, mode: .text).matchesText($0) } == expected, "bytes: \(pattern) ~ \(text)")
    }

    /// Text mode works on bytes; it must agree with the same walk over Unicode scalars.
    @Test func textModeAgreesWithAWalkOverCharacters() {
        let alphabet: [String] = ["a", "b", "/", "é", "本", "*", "?"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func word(_ maxLength: Int) -> String {
            (0..<next(maxLength + 1)).map { _ in alphabet[next(alphabet.count)] }.joined()
        }
        for _ in 0..<5000 {
            let pattern = word(5), text = word(6)
            #expect(GlobPattern(pattern, mode: .text).matches(text) == Self.scalarWalk(text, pattern), "\(pattern) ~ \(text)")
            #expect(GlobPattern.textMatches(text, pattern: pattern) == Self.scalarWalk(text, pattern), "uncompiled: \(pattern) ~ \(text)")
        }
    }

    private static func scalarWalk(_ text: String, _ pattern: String) -> Bool {
        let t = Array(text.unicodeScalars), p = Array(pattern.unicodeScalars)
        var ti = 0, pi = 0, star = -1, resume = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                ti += 1; pi += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi; resume = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; resume += 1; ti = resume
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
