/// A path glob: `*` (within one path segment), `**` (any number of segments), `?`, `[a-z]`,
/// `[!a-z]` and `{a,b}`.
///
/// A pattern without `/` matches a file's name at any depth (`*.json`). A pattern with `/`
/// matches the whole path or any tail of it that starts at a segment (`envs/prod/**` matches
/// `clusters/envs/prod/app.yaml`); a leading `/` anchors it to the start of the path.
package struct GlobPattern: Hashable, Sendable, CustomStringConvertible {
    package let pattern: String
    private let alternatives: [[UInt8]]
    private let basenameOnly: Bool
    private let anchored: Bool

    /// Creates a glob; braces are expanded up front.
    package init(_ pattern: String) {
        self.pattern = pattern
        var body = pattern
        anchored = body.hasPrefix("/")
        if anchored { body.removeFirst() }
        if body.hasPrefix("./") { body.removeFirst(2) }
        basenameOnly = !body.contains("/")
        alternatives = GlobPattern.expandBraces(Array(body.utf8))
    }

    package var description: String { pattern }

    /// Whether `path` (with `/` separators) matches.
    package func matches(_ path: String) -> Bool {
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

    /// Matches with memoised backtracking, so no pattern costs more than pattern × path steps.
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
