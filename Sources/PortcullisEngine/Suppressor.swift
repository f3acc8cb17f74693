import Foundation
import PortcullisDiagnostics
import PortcullisManifest

/// Applies every suppression to a run's findings: inline comments and annotations found in the
/// manifests, and the configuration's waivers. A suppressed finding is kept, marked; a directive or
/// waiver that suppresses nothing is a warning (so exceptions do not rot); an expired waiver
/// suppresses nothing and is a finding of its own.
package struct Suppressor: Sendable {
    package static let expiredWaiverPolicy = "portcullis/expired-waiver"

    package var waivers: [Waiver]
    /// Today as `YYYY-MM-DD` (UTC).
    package var today: String

    package init(waivers: [Waiver] = [], today: String = Suppressor.todayUTC()) {
        self.waivers = waivers
        self.today = today
    }

    package static func todayUTC() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    package struct Outcome: Sendable {
        package var findings: [Finding]
        package var diagnostics: [Diagnostic]
    }

    /// `findings` of the loaded `files` with suppressions applied (order kept; expired-waiver findings
    /// appended), and the warnings about suppressions.
    package func apply(_ findings: [Finding], files: [ManifestFile]) -> Outcome {
        var directives: [SuppressionDirective] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            let (inline, problems) = InlineDirectives.parse(file.source)
            directives += inline
            diagnostics += problems
            for resource in file.resources {
                let (annotated, annotationProblems) = InlineDirectives.parse(annotationOf: resource)
                directives += annotated
                diagnostics += annotationProblems
            }
        }
        var extra: [Finding] = []
        for waiver in waivers {
            if waiver.isExpired(on: today) {
                extra.append(Finding(policyID: Self.expiredWaiverPolicy, severity: .warning,
                                     message: "the waiver of \(waiver.policies.joined(separator: ", ")) owned by \(waiver.owner) expired on \(waiver.expires); it no longer suppresses (renew it with a new date or fix the findings)",
                                     path: waiver.origin, span: waiver.span ?? SourceSpan(start: SourceLocation(line: 1, column: 1)),
                                     documentIndex: 0, listItemIndex: nil, kind: nil, namespace: nil, name: nil, pathComponents: [],
                                     help: "Waivers carry an expiry so exceptions are reviewed: extend `expires` after review, or remove the waiver.",
                                     helpURL: nil, remediation: nil))
                continue
            }
            directives.append(SuppressionDirective(policies: waiver.policies, scope: .waiver(waiver), kind: .external,
                                                   reason: "\(waiver.reason) (owner \(waiver.owner), until \(waiver.expires))",
                                                   path: waiver.origin, span: waiver.span))
        }
        var used = [Bool](repeating: false, count: directives.count)
        var result = findings
        for index in result.indices {
            guard let match = directives.indices.first(where: { directives[$0].covers(result[index]) }) else { continue }
            used[match] = true
            let directive = directives[match]
            result[index].suppression = Suppression(kind: directive.kind, justification: directive.reason, origin: directive.origin)
        }
        for (index, directive) in directives.enumerated() where !used[index] {
            let what: String
            switch directive.scope {
            case .waiver: what = "waiver of \(directive.policies.joined(separator: ", "))"
            case .resource: what = "\(InlineDirectives.annotation) annotation for \(directive.policies.joined(separator: ", "))"
            default: what = "suppression of \(directive.policies.joined(separator: ", "))"
            }
            diagnostics.append(.warning("suppression.unused", "this \(what) suppresses no finding; remove it", path: directive.path, at: directive.span))
        }
        return Outcome(findings: result + extra, diagnostics: diagnostics)
    }
}
