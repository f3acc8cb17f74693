import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PortcullisDiagnostics
import PortcullisManifest

/// One way of saying "not this finding": an inline comment, an annotation, a waiver.
package struct SuppressionDirective: Sendable {
    package enum Scope: Sendable, Equatable {
        /// Findings on one line of one file.
        case line(path: String, line: Int)
        /// Findings anywhere in one file.
        case file(path: String)
        /// Findings of one resource (file and document).
        case resource(path: String, document: Int, item: Int?)
        /// Findings a waiver's selector matches.
        case waiver(Waiver)
    }

    /// Policy ids or packs (`images` covers `images/…`); `all` covers every policy.
    package var policies: [String]
    package var scope: Scope
    package var kind: Suppression.Kind
    package var reason: String
    /// Where it is written: reported when it suppresses nothing.
    package var path: String
    package var span: SourceSpan?

    func covers(_ finding: Finding) -> Bool {
        guard policies.contains(where: { $0 == "all" || PolicySelection.names($0, finding.policyID) }) else { return false }
        switch scope {
        case .line(let path, let line): return finding.path == path && finding.span.start.line == line
        case .file(let path): return finding.path == path
        case .resource(let path, let document, let item):
            return finding.path == path && finding.documentIndex == document && finding.listItemIndex == item
        case .waiver(let waiver): return waiver.matches(finding)
        }
    }

    var origin: String { path + (span.map { ":\($0.start.line)" } ?? "") }
}

/// Reads the inline forms from a manifest's text:
///
///     # portcullis:disable-next-line POLICY[,POLICY…] -- reason
///     image: nginx:latest   # portcullis:disable-line images/no-latest-tag -- pinned by the chart
///     # portcullis:disable-file POLICY[,POLICY…] -- reason
///
/// A directive without a reason, or with no policy, is a warning and suppresses nothing.
package enum InlineDirectives {
    static let marker = "portcullis:"

    package static func parse(_ source: SourceFile) -> (directives: [SuppressionDirective], problems: [Diagnostic]) {
        var directives: [SuppressionDirective] = []
        var problems: [Diagnostic] = []
        guard containsMarker(source.bytes) else { return ([], []) }
        let text = String(decoding: source.bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            guard let hash = commentStart(rawLine) else { continue }
            let comment = rawLine[rawLine.index(after: hash)...].drop(while: { $0 == " " || $0 == "\t" })
            guard comment.hasPrefix(marker) else { continue }
            let lineNumber = offset + 1
            let column = rawLine.distance(from: rawLine.startIndex, to: hash) + 1
            let span = SourceSpan(start: SourceLocation(line: lineNumber, column: column))
            let body = comment.dropFirst(marker.count)
            let (command, rest) = split(body, by: " ")
            let scope: SuppressionDirective.Scope
            switch command {
            case "disable-line": scope = .line(path: source.path, line: lineNumber)
            case "disable-next-line":
                // The next line holding something other than a comment.
                var next = offset + 1
                while next < lines.count, lines[next].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || lines[next].trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                    next += 1
                }
                scope = .line(path: source.path, line: next + 1)
            case "disable-file": scope = .file(path: source.path)
            default:
                problems.append(.warning("suppression.invalid", "unknown directive 'portcullis:\(command)' (use disable-line, disable-next-line or disable-file)",
                                         path: source.path, at: span))
                continue
            }
            let (policies, reason) = policiesAndReason(rest)
            guard !policies.isEmpty else {
                problems.append(.warning("suppression.invalid", "portcullis:\(command) names no policy (write: # portcullis:\(command) POLICY -- reason)",
                                         path: source.path, at: span))
                continue
            }
            guard !reason.isEmpty else {
                problems.append(.warning("suppression.missing-reason", "portcullis:\(command) \(policies.joined(separator: ",")) gives no reason; add ' -- why' (it suppresses nothing until then)",
                                         path: source.path, at: span))
                continue
            }
            directives.append(SuppressionDirective(policies: policies, scope: scope, kind: .inSource, reason: reason, path: source.path, span: span))
        }
        return (directives, problems)
    }

    /// The annotation form on a resource: `portcullis.dev/ignore: "POLICY[,POLICY] -- reason"`, several
    /// separated by `;` or new lines.
    package static let annotation = "portcullis.dev/ignore"

    package static func parse(annotationOf resource: Document) -> (directives: [SuppressionDirective], problems: [Diagnostic]) {
        guard let node = resource.root["metadata"]?["annotations"]?[annotation], let value = node.scalarText else { return ([], []) }
        var directives: [SuppressionDirective] = []
        var problems: [Diagnostic] = []
        let entries = value.split(whereSeparator: { $0 == ";" || $0 == "\n" }).map(String.init)
        for entry in entries where !entry.trimmingCharacters(in: .whitespaces).isEmpty {
            let (policies, reason) = policiesAndReason(entry)
            guard !policies.isEmpty, !reason.isEmpty else {
                problems.append(.warning("suppression.missing-reason", "\(annotation): '\(entry)' needs policies and a reason: \"POLICY -- why\" (it suppresses nothing until then)",
                                         path: resource.path, at: node.span))
                continue
            }
            directives.append(SuppressionDirective(policies: policies, scope: .resource(path: resource.path, document: resource.streamIndex, item: resource.listItemIndex),
                                                   kind: .inSource, reason: reason, path: resource.path, span: node.span))
        }
        return (directives, problems)
    }

    /// `POLICY[,POLICY…] -- reason`, the body every form shares: the policies, and the reason (empty
    /// when none is given).
    static func policiesAndReason(_ body: String) -> (policies: [String], reason: String) {
        let parts = body.components(separatedBy: " -- ")
        let policies = parts[0].split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        let reason = parts.count > 1 ? parts.dropFirst().joined(separator: " -- ").trimmingCharacters(in: .whitespacesAndNewlines) : ""
        return (policies, reason)
    }

    /// A byte search for the marker: most files have none and are never decoded.
    static func containsMarker(_ bytes: [UInt8]) -> Bool {
        let needle = Array(marker.utf8)
        return bytes.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
            var offset = 0
            let last = haystack.count - needle.count
            while offset <= last {
                // memchr finds the first byte; then compare the rest.
                guard let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) else { return false }
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + position, needle, needle.count) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }

    /// Where a `#` comment starts on the line: at the start or after a space, outside quotes.
    static func commentStart(_ line: Substring) -> Substring.Index? {
        var quote: Character?
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                if previous == " " || previous == ":" || previous == "[" || previous == "," || previous == "{" { quote = c }
            } else if c == "#" && (previous == " " || previous == "\t" || index == line.startIndex) {
                return index
            }
            previous = c
            index = line.index(after: index)
        }
        return nil
    }

    private static func split(_ text: Substring, by separator: Character) -> (String, String) {
        guard let space = text.firstIndex(of: separator) else { return (String(text).trimmingCharacters(in: .whitespacesAndNewlines), "") }
        return (String(text[..<space]), String(text[text.index(after: space)...]))
    }
}
