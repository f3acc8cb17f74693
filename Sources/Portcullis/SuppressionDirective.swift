#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest

/// One way of saying "not this finding": an inline comment, an annotation, a waiver. Each is turned
/// into the region it covers once, when its file is loaded.
struct SuppressionDirective: Sendable {
    enum Scope: Sendable {
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
    var policies: [String]
    var scope: Scope
    var kind: PortcullisEngine.Suppression.Kind
    var reason: String
    /// Where it is written: reported when it suppresses nothing.
    var path: String
    var span: SourceSpan?

    func covers(_ finding: PortcullisEngine.Finding) -> Bool {
        guard policies.contains(where: { $0 == "all" || $0 == finding.policyID || finding.policyID.hasPrefix($0 + "/") }) else { return false }
        switch scope {
        case .line(let path, let line): return finding.path == path && finding.span.start.line == line
        case .file(let path): return finding.path == path
        case .resource(let path, let document, let item):
            return finding.path == path && finding.documentIndex == document && finding.listItemIndex == item
        case .waiver(let waiver):
            return waiver.covers(kind: finding.kind, namespace: finding.namespace, name: finding.name, path: finding.path)
        }
    }

    var origin: String { path + (span.map { ":\($0.start.line)" } ?? "") }
}

/// The forms written in manifests:
///
///     # portcullis:disable-next-line POLICY[,POLICY…] -- reason
///     image: nginx:latest   # portcullis:disable-line images/no-latest-tag -- pinned by the chart
///     # portcullis:disable-file POLICY[,POLICY…] -- reason
///     metadata: {annotations: {portcullis.dev/ignore: "POLICY -- reason"}}
///
/// Comments come from the loader, which knows what YAML reads as a comment. A directive without a
/// reason, or with no policy, is a warning and suppresses nothing.
enum InlineDirectives {
    static let marker = "portcullis:"
    /// The annotation form on a resource; several entries are separated by `;` or new lines.
    static let annotation = PortcullisEngine.Suppression.annotation

    /// The directives of one loaded file: its comments and its resources' annotations.
    static func parse(_ file: ManifestFile) -> (directives: [SuppressionDirective], problems: [PortcullisDiagnostics.Diagnostic]) {
        var directives: [SuppressionDirective] = []
        var problems: [PortcullisDiagnostics.Diagnostic] = []
        let source = file.source
        for comment in file.directiveComments {
            let span = SourceSpan(start: SourceLocation(line: comment.line, column: comment.column))
            let body = comment.text.dropFirst(marker.count)
            let command = body.prefix { $0 != " " && $0 != "\t" }
            let rest = body.dropFirst(command.count)
            let scope: SuppressionDirective.Scope
            switch command {
            case "disable-line": scope = .line(path: source.path, line: comment.line)
            case "disable-next-line": scope = .line(path: source.path, line: nextContentLine(after: comment.line, in: source))
            case "disable-file": scope = .file(path: source.path)
            default:
                problems.append(.warning("suppression.invalid", "unknown directive 'portcullis:\(command)' (use disable-line, disable-next-line or disable-file)",
                                         path: source.path, at: span))
                continue
            }
            let (policies, reason) = policiesAndReason(String(rest))
            guard !policies.isEmpty else {
                problems.append(.warning("suppression.invalid", "portcullis:\(command) names no policy (write: # portcullis:\(command) POLICY -- reason)",
                                         path: source.path, at: span))
                continue
            }
            guard !reason.isEmpty else {
                problems.append(.warning("suppression.missing-reason",
                                         "portcullis:\(command) \(policies.joined(separator: ",")) gives no reason; add ' -- why' (it suppresses nothing until then)",
                                         path: source.path, at: span))
                continue
            }
            directives.append(SuppressionDirective(policies: policies, scope: scope, kind: .inSource, reason: reason, path: source.path, span: span))
        }
        // A file no mapping of which has the annotation's key (most) has no annotation to read.
        let mayBeAnnotated = file.storage?.holdsKey(annotation) ?? true
        for resource in file.resources where mayBeAnnotated {
            let (annotated, annotationProblems) = parse(annotationOf: resource)
            directives += annotated
            problems += annotationProblems
        }
        return (directives, problems)
    }

    /// The next line after `line` holding something other than blanks or a comment.
    static func nextContentLine(after line: Int, in source: SourceFile) -> Int {
        var next = line + 1
        while let text = source.text(ofLine: next) {
            let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { return next }
            next += 1
        }
        return next
    }

    static func parse(annotationOf resource: Document) -> (directives: [SuppressionDirective], problems: [PortcullisDiagnostics.Diagnostic]) {
        guard let node = resource.root["metadata"]?["annotations"]?[annotation], let value = node.scalarText else { return ([], []) }
        var directives: [SuppressionDirective] = []
        var problems: [PortcullisDiagnostics.Diagnostic] = []
        for entry in value.split(whereSeparator: { $0 == ";" || $0 == "\n" }).map(String.init) where !entry.allSatisfy({ $0 == " " || $0 == "\t" }) {
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
        let policies = parts[0].split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        let reason = parts.count > 1 ? TextTrimming.trimmed(parts.dropFirst().joined(separator: " -- ")) : ""
        return (policies, reason)
    }
}
