import PortcullisDiagnostics

/// A glob pattern, compiled once, in one of two explicit modes.
///
/// - `path` (file paths, `exclude`, `match path`, waiver `paths`): `*` within one path segment, `**`
///   any number of segments, `?` one character but not `/`, `[a-z]`, `[!a-z]` and `{a,b}`. A pattern
///   without `/` matches a file's name at any depth (`*.json`). A pattern with `/` matches the whole
///   path or any tail of it that starts at a segment (`envs/prod/**` matches
///   `clusters/envs/prod/app.yaml`); a leading `/` anchors it to the start of the path.
/// - `text` (the `glob()` built-in, waiver selectors): `*` any run of characters (slashes included),
///   `?` one character; every other character stands for itself, and the pattern matches the whole
///   text.
package struct GlobPattern: Hashable, Sendable, CustomStringConvertible {
    /// What `*` and `?` range over.
    package enum Mode: Hashable, Sendable {
        /// `/`-separated paths: `*` stops at `/`, `**` crosses folders.
        case path
        /// Plain text: `*` matches any run of characters.
        case text
    }

    package let pattern: String
    package let mode: Mode
    /// The pattern's bytes; in path mode, one alternative per expansion of its braces.
    private let alternatives: [[UInt8]]
    private let basenameOnly: Bool
    private let anchored: Bool

    /// A path glob.
    package init(_ pattern: String) {
        self.init(pattern, mode: .path)
    }

    /// A glob in `mode`; path braces are expanded up front.
    package init(_ pattern: String, mode: Mode) {
        self.pattern = pattern
        self.mode = mode
        switch mode {
        case .text:
            anchored = true
            basenameOnly = false
            alternatives = [Array(pattern.utf8)]
        case .path:
            var body = pattern
            anchored = body.hasPrefix("/")
            if anchored { body.removeFirst() }
            if body.hasPrefix("./") { body.removeFirst(2) }
            basenameOnly = !body.contains("/")
            alternatives = GlobPattern.expandBraces(Array(body.utf8))
        }
    }

    package var description: String { pattern }

    /// Whether `subject` (a path with `/` separators, or text) matches.
    package func matches(_ subject: String) -> Bool {
        switch mode {
        case .text:
            return alternatives[0].withUnsafeBufferPointer { pattern in subject.withUTF8InPlace { GlobPattern.matchText(pattern, $0) } }
        case .path:
            return matchesPath(subject)
        }
    }

    /// Whether `text` (UTF-8, such as a document scalar's bytes where its arena keeps them)
    /// matches this text-mode glob, as `matches` would match a `String` of the same bytes.
    package func matchesText(_ text: UnsafeRawBufferPointer) -> Bool {
        precondition(mode == .text, "matchesText is for text-mode globs")
        return alternatives[0].withUnsafeBufferPointer { pattern in GlobPattern.matchText(pattern, text.assumingMemoryBound(to: UInt8.self)) }
    }

    /// Whether `text` matches `pattern` as a text-mode glob, walked over both strings' UTF-8 in
    /// place: the `glob()` built-in, whose pattern changes from element to element, compiles and
    /// allocates nothing per call.
    package static func textMatches(_ text: String, pattern: String) -> Bool {
        pattern.withUTF8InPlace { pattern in text.withUTF8InPlace { matchText(pattern, $0) } }
    }

    private func matchesPath(_ path: String) -> Bool {
        var bytes = Array(path.utf8)
        while bytes.count >= 2 && bytes[0] == UInt8(ascii: ".") && bytes[1] == UInt8(ascii: "/") {
            bytes.removeFirst(2)
        }
        if basenameOnly {
            let start = (bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 }) ?? 0
            return alternatives.contains { GlobPattern.match($0, Array(bytes[start...])) }
        }
        var starts = [0]
        if !anchored {
            for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") { starts.append(i + 1) }
        }
        return starts.contains { start in
            let tail = Array(bytes[start...])
            return alternatives.contains { GlobPattern.match($0, tail) }
        }
    }

    private static func expandBraces(_ pattern: [UInt8]) -> [[UInt8]] {
        guard let open = pattern.firstIndex(of: UInt8(ascii: "{")),
              let close = pattern[open...].firstIndex(of: UInt8(ascii: "}")) else { return [pattern] }
        let prefix = Array(pattern[..<open]), suffix = Array(pattern[(close + 1)...])
        let options = pattern[(open + 1)..<close].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        return options.flatMap { expandBraces(prefix + Array($0) + suffix) }
    }

    /// Text mode: the linear wildcard walk that remembers the last `*` and, on a mismatch, lets it
    /// take one more character. Works on UTF-8 bytes, but `?` and `*` step over whole characters
    /// (Unicode scalars), so the result is the same as on characters. A pattern character equal to
    /// the text's is taken literally first, even a `*` facing a `*`.
    private static func matchText(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var ti = 0, pi = 0, star = -1, resume = 0
        while ti < t.count {
            if pi < p.count && p[pi] == UInt8(ascii: "?") {
                ti = scalarEnd(t, ti)
                pi += 1
            } else if pi < p.count && p[pi] == t[ti] {
                ti += 1
                pi += 1
            } else if pi < p.count && p[pi] == UInt8(ascii: "*") {
                star = pi
                resume = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                resume = scalarEnd(t, resume)
                ti = resume
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }

    /// The index after the Unicode scalar that starts at `i` (UTF-8 continuation bytes are `10xxxxxx`).
    @inline(__always)
    private static func scalarEnd(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var end = i + 1
        while end < t.count && t[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    /// Path mode: memoised backtracking, so no pattern costs more than pattern × path steps.
    private static func match(_ p: [UInt8], _ t: [UInt8]) -> Bool {
        var memo = [Int8](repeating: -1, count: (p.count + 1) * (t.count + 1))
        func go(_ pi: Int, _ ti: Int) -> Bool {
            let key = pi * (t.count + 1) + ti
            if memo[key] >= 0 { return memo[key] == 1 }
            var result = false
            defer { memo[key] = result ? 1 : 0 }
            if pi == p.count { result = ti == t.count; return result }
            let c = p[pi]
            if c == UInt8(ascii: "*") {
                if pi + 1 < p.count && p[pi + 1] == UInt8(ascii: "*") {
                    // `**`: any sequence, including `/`. `**/` may also match nothing.
                    var next = pi + 2
                    if next < p.count && p[next] == UInt8(ascii: "/") {
                        next += 1
                        if go(next, ti) { result = true; return result }
                    }
                    var i = ti
                    while i <= t.count {
                        if go(pi + 2 == p.count ? p.count : next, i) { result = true; return result }
                        if i == t.count { break }
                        i += 1
                    }
                    if pi + 2 == p.count { result = true }
                    return result
                }
                var i = ti
                while true {
                    if go(pi + 1, i) { result = true; return result }
                    if i == t.count || t[i] == UInt8(ascii: "/") { return result }
                    i += 1
                }
            }
            guard ti < t.count else { return result }
            switch c {
            case UInt8(ascii: "?"):
                result = t[ti] != UInt8(ascii: "/") && go(pi + 1, ti + 1)
            case UInt8(ascii: "["):
                guard let close = p[(pi + 1)...].firstIndex(of: UInt8(ascii: "]")) else {
                    result = t[ti] == c && go(pi + 1, ti + 1)
                    return result
                }
                var set = Array(p[(pi + 1)..<close])
                var negate = false
                if let first = set.first, first == UInt8(ascii: "!") || first == UInt8(ascii: "^") {
                    negate = true
                    set.removeFirst()
                }
                var hit = false
                var k = 0
                while k < set.count {
                    if k + 2 < set.count && set[k + 1] == UInt8(ascii: "-") {
                        if set[k] <= t[ti] && t[ti] <= set[k + 2] { hit = true }
                        k += 3
                    } else {
                        if set[k] == t[ti] { hit = true }
                        k += 1
                    }
                }
                result = hit != negate && t[ti] != UInt8(ascii: "/") && go(close + 1, ti + 1)
            default:
                result = t[ti] == c && go(pi + 1, ti + 1)
            }
            return result
        }
        return go(0, 0)
    }
}
