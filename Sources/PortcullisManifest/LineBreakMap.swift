import PortcullisDiagnostics

/// libyaml counts more line breaks than a file has lines: a lone CR, NEL (U+0085), LINE SEPARATOR
/// (U+2028) and PARAGRAPH SEPARATOR (U+2029) each start a new line for it, while editors, `git`,
/// code-scanning annotations and `SourceFile` break lines at LF only. A file holding any of them
/// gets this map from libyaml's (line, column) to the file's, so positions and source excerpts stay
/// on the line a reader sees. Files without them (nearly all) pay one byte scan.
struct LineBreakMap {
    /// For each libyaml line (0-based): the file's line (0-based) and the columns before it there.
    private var starts: [(line: Int, column: Int)] = [(0, 0)]

    /// The map for `bytes`, or `nil` when libyaml and the file agree on every line.
    static func make(_ bytes: [UInt8]) -> LineBreakMap? {
        guard needsMap(bytes) else { return nil }
        var map = LineBreakMap()
        var line = 0, column = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1; column = 0
                map.starts.append((line, 0))
                index += 1
            } else if byte == 0x0D {
                if index + 1 < count && bytes[index + 1] == 0x0A {
                    line += 1; column = 0
                    map.starts.append((line, 0))
                    index += 2
                } else {
                    column += 1
                    map.starts.append((line, column))
                    index += 1
                }
            } else if byte == 0xC2 && index + 1 < count && bytes[index + 1] == 0x85 {
                column += 1
                map.starts.append((line, column))
                index += 2
            } else if byte == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) {
                column += 1
                map.starts.append((line, column))
                index += 3
            } else {
                if byte & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        return map
    }

    /// Whether the file holds a lone CR, NEL, LS or PS: `memchr` for each lead byte (rare in
    /// manifests), then a look at the bytes after each hit.
    private static func needsMap(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let count = b.count
            // Each walk stops at the first lead byte that starts a break.
            return forEachOccurrence(of: 0x0D, in: b) { !($0 + 1 >= count || b[$0 + 1] != 0x0A) }
                || forEachOccurrence(of: 0xC2, in: b) { !($0 + 1 < count && b[$0 + 1] == 0x85) }
                || forEachOccurrence(of: 0xE2, in: b) { !($0 + 2 < count && b[$0 + 1] == 0x80 && (b[$0 + 2] == 0xA8 || b[$0 + 2] == 0xA9)) }
        }
    }

    /// The file's 0-based (line, column) for libyaml's.
    func map(line: Int, column: Int) -> (line: Int, column: Int) {
        guard line >= 0 && line < starts.count else { return (line, column) }
        let start = starts[line]
        return (start.line, start.column + column)
    }
}
