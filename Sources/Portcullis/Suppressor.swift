#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import PortcullisReport

/// Applies suppressions to a run's findings: the directives of each file (comments and annotations,
/// read once per file) and the configuration's waivers. A suppressed finding is kept, marked; a
/// directive or waiver that suppresses nothing is a warning (so exceptions do not rot); an expired
/// waiver suppresses nothing and is a finding of its own.
struct Suppressor: Sendable {
    static let expiredWaiverPolicy = Tool.expiredWaiverPolicy

    var waivers: [Waiver]
    /// Today as `YYYY-MM-DD` (UTC).
    var today: String

    init(waivers: [Waiver] = [], today: String = CivilDate.todayUTC()) {
        self.waivers = waivers
        self.today = today
    }

    /// Marks the findings of one file that its own directives cover; returns the warnings about
    /// those directives (unused, malformed).
    static func applyInline(to findings: inout [PortcullisEngine.Finding], of file: ManifestFile) -> [PortcullisDiagnostics.Diagnostic] {
        let (directives, problems) = InlineDirectives.parse(file)
        guard !directives.isEmpty else { return problems }
        var used = [Bool](repeating: false, count: directives.count)
        for index in findings.indices {
            guard let match = directives.indices.first(where: { directives[$0].covers(findings[index]) }) else { continue }
            used[match] = true
            let directive = directives[match]
            findings[index].suppression = PortcullisEngine.Suppression(kind: directive.kind, justification: directive.reason, origin: directive.origin)
        }
        return problems + unused(directives, used: used)
    }

    /// Marks the findings the waivers cover (those no inline directive covers already); returns the
    /// findings with expired-waiver findings appended, and the warnings about unused waivers. A file's
    /// packed findings are unpacked and marked one file at a time, and packed again (with `rules`, in
    /// `region`) only when a waiver covers one of them.
    func applyWaivers(to findings: FindingList, rules: FindingRuleTable,
                      spillingTo region: SpillRegion? = nil) -> (findings: FindingList, diagnostics: [PortcullisDiagnostics.Diagnostic]) {
        guard !waivers.isEmpty else { return (findings, []) }
        var directives: [SuppressionDirective] = []
        var expired: [PortcullisEngine.Finding] = []
        for waiver in waivers {
            let span = waiver.origin.map { SourceSpan(start: SourceLocation(line: $0.line, column: $0.column), end: SourceLocation(line: $0.endLine, column: $0.endColumn)) }
            let path = waiver.origin?.file ?? ""
            if waiver.isExpired(on: today) {
                expired.append(PortcullisEngine.Finding(
                    policyID: Self.expiredWaiverPolicy, severity: .warning,
                    message: "the waiver of \(waiver.policies.joined(separator: ", ")) owned by \(waiver.owner) expired on \(waiver.expires); it no longer suppresses (renew it with a new date or fix the findings)",
                    path: path, span: span ?? SourceSpan(start: SourceLocation(line: 1, column: 1)),
                    documentIndex: 0, listItemIndex: nil, kind: nil, namespace: nil, name: nil, pathComponents: [],
                    help: "Waivers carry an expiry so exceptions are reviewed: extend `expires` after review, or remove the waiver.",
                    helpURL: nil, remediation: nil))
                continue
            }
            directives.append(SuppressionDirective(policies: waiver.policies, scope: .waiver(waiver), kind: .external,
                                                   reason: "\(waiver.reason) (owner \(waiver.owner), until \(waiver.expires))",
                                                   path: path, span: span))
        }
        var used = [Bool](repeating: false, count: directives.count)
        let marked = findings.mapParts(rules: rules, spillingTo: region) { part in
            var result = part
            var changed = false
            for index in result.indices where !result[index].isSuppressed {
                guard let match = directives.indices.first(where: { directives[$0].covers(result[index]) }) else { continue }
                used[match] = true
                changed = true
                let directive = directives[match]
                result[index].suppression = PortcullisEngine.Suppression(kind: directive.kind, justification: directive.reason, origin: directive.origin)
            }
            return (result, changed)
        }
        return (FindingList(parts: marked.parts + [.findings(expired)]), Self.unused(directives, used: used))
    }

    /// Waiver policy names that name no policy and no pack of the compiled set: a warning at the
    /// waiver's `policy` line (a typo would otherwise only show as an unused waiver).
    static func unknownPolicies(in waivers: [Waiver], known: Set<String>) -> [PortcullisDiagnostics.Diagnostic] {
        guard !known.isEmpty else { return [] }
        var diagnostics: [PortcullisDiagnostics.Diagnostic] = []
        for waiver in waivers {
            for name in waiver.policies where name != "all" && !known.contains(where: { $0 == name || $0.hasPrefix(name + "/") }) {
                let origin = waiver.policyOrigin ?? waiver.origin
                diagnostics.append(.warning("config.unknown-policy", "the waiver names '\(name)', which is no policy and no pack (see `portcullis rules --all-policies`)",
                                          path: origin?.file,
                                          at: origin.map { SourceSpan(start: SourceLocation(line: $0.line, column: $0.column)) }))
            }
        }
        return diagnostics
    }

    private static func unused(_ directives: [SuppressionDirective], used: [Bool]) -> [PortcullisDiagnostics.Diagnostic] {
        var diagnostics: [PortcullisDiagnostics.Diagnostic] = []
        for (index, directive) in directives.enumerated() where !used[index] {
            let what: String
            switch directive.scope {
            case .waiver: what = "waiver of \(directive.policies.joined(separator: ", "))"
            case .resource: what = "\(InlineDirectives.annotation) annotation for \(directive.policies.joined(separator: ", "))"
            default: what = "suppression of \(directive.policies.joined(separator: ", "))"
            }
            diagnostics.append(.warning("suppression.unused", "this \(what) suppresses no finding; remove it", path: directive.path, at: directive.span))
        }
        return diagnostics
    }
}
