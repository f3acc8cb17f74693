import PortcullisDiagnostics

/// A `# portcullis:…` comment the loader found in a manifest: a real comment, as YAML reads the
/// file — a `# portcullis:` inside a block scalar or a quoted string is text, not a comment, and is
/// not reported. Suppressions are built from these once per file.
package struct DirectiveComment: Sendable, Hashable {
    /// 1-based line and column of the `#`.
    package var line: Int
    package var column: Int
    /// The comment after `#` and the spaces that follow it (starts with the marker).
    package var text: String
}

/// Finds directive comments: a byte search for the marker, then the YAML events decide which
/// candidates lie inside scalars (and so are not comments).
struct DirectiveCommentScanner {
    /// What a directive comment starts with.
    static let marker: [UInt8] = Array("portcullis:".utf8)

    struct Candidate {
        /// 0-based, as libyaml's marks.
        var line: Int
        var column: Int
        var comment: DirectiveComment
        var isComment = true
    }

    private(set) var candidates: [Candidate] = []
    private var next = 0

    /// The places in `bytes` where `#`, optional spaces and the marker stand, with the `#` at the
    /// start of a line or after a space or tab (where YAML allows a comment).
    init(_ bytes: [UInt8]) {
        let hashes = bytes.withUnsafeBufferPointer { buffer in
            // '#' is rare in manifests: find each, then look for the marker after it.
            var found: [Int] = []
            _ = forEachOccurrence(of: UInt8(ascii: "#"), in: buffer) { found.append($0); return true }
            return found
        }
        var line = 0, lineStart = 0, scanned = 0
        for hash in hashes {
            guard hash == 0 || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[hash - 1]) else { continue }
            var start = hash + 1
            while start < bytes.count && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
            guard start + Self.marker.count <= bytes.count, bytes[start..<(start + Self.marker.count)].elementsEqual(Self.marker) else { continue }
            while scanned < hash {
                if bytes[scanned] == 0x0A { line += 1; lineStart = scanned + 1 }
                scanned += 1
            }
            let column = bytes[lineStart..<hash].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            var end = start
            while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            candidates.append(Candidate(line: line, column: column, comment: DirectiveComment(line: line + 1, column: column + 1, text: text)))
        }
    }

    var isEmpty: Bool { candidates.isEmpty }

    /// A scalar spans from `start` to `end` (0-based line and column, end exclusive): candidates
    /// inside it are text. Scalars arrive in file order.
    mutating func scalar(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        while next < candidates.count && (candidates[next].line, candidates[next].column) < (startLine, startColumn) { next += 1 }
        var index = next
        while index < candidates.count && (candidates[index].line, candidates[index].column) < (endLine, endColumn) {
            candidates[index].isComment = false
            index += 1
        }
        next = index
    }

    /// The candidates that are comments.
    var comments: [DirectiveComment] { candidates.filter(\.isComment).map(\.comment) }
}
