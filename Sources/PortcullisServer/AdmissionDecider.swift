import Foundation
import Portcullis
import PortcullisDiagnostics

/// What the endpoint did with one AdmissionReview, and why.
struct AdmissionDecision: Sendable {
    /// The request's outcome, as counted and logged.
    enum Outcome: String, Sendable {
        /// Evaluated; nothing enforced or warned (audit findings may exist).
        case allowed
        /// Evaluated; allowed with warnings.
        case warned
        /// Evaluated; an enforced policy denied it.
        case denied
        /// Allowed without evaluation: an exempt namespace, user or group.
        case exempt
        /// Allowed without evaluation: a DELETE, a subresource, or no object to check.
        case skipped
        /// Not evaluated (deadline passed, internal error): answered by the failure policy.
        case failed
    }

    /// What a policy with findings did to the request.
    enum Action: String, Sendable {
        case deny, warn, audit, suppressed
    }

    var outcome: Outcome
    var response: AdmissionReviewResponse
    /// Each policy with findings, once, with what it did (the strongest, if several findings).
    var policyActions: [(policy: String, action: Action)] = []
    /// Why it was exempt, skipped or failed.
    var reason: String?
    /// Audit-mode findings, `[policy] path: message`, for the log.
    var audited: [String] = []
}

/// Turns an AdmissionReview into a decision with the library's `Validator` over a snapshot's
/// admission policies: enforce-mode findings deny, warn-mode ones become warnings, audit-mode
/// ones are only logged and counted; suppressed findings never deny.
struct AdmissionDecider {
    let snapshot: PolicySnapshot
    /// Today as `YYYY-MM-DD` (UTC), for waiver expiry.
    let today: String

    /// At most this many findings are listed in a denial's message; the rest are counted.
    static let listedFindings = 10
    /// Kubernetes may truncate longer warnings.
    static let warningLength = 256
    static let listedWarnings = 20

    func decide(_ request: AdmissionReviewRequest.Request, body: [UInt8]) -> AdmissionDecision {
        let uid = request.uid ?? ""
        let settings = snapshot.settings
        if let exemption = settings.exemption(namespace: request.namespace, user: request.userInfo?.username, groups: request.userInfo?.groups ?? []) {
            return AdmissionDecision(outcome: .exempt, response: AdmissionReviewResponse(uid: uid, allowed: true), reason: exemption)
        }
        if let subresource = request.subResource, !subresource.isEmpty, !settings.subresources {
            return skipped(uid, "subresource '\(subresource)' is not checked (admission.subresources)")
        }
        let operation = request.operation ?? ""
        let started = ContinuousClock.now
        let result: ValidationResult
        do {
            if operation == "DELETE" {
                guard settings.checkDelete else { return skipped(uid, "DELETE is not checked (admission.check-delete)") }
                guard request.oldObject?.isPresent == true, let oldObject = Self.oldObject(body) else {
                    return skipped(uid, "the DELETE carries no oldObject to check")
                }
                result = try validator.validate(object: oldObject, name: Self.inputName, operation: operation)
            } else {
                guard request.object?.isPresent == true else { return skipped(uid, "the request carries no object to check") }
                // The library reads `request.object` and the operation from the review itself.
                result = validator.validate(bytes: body, name: Self.inputName)
            }
        } catch {
            return failed(uid, "the object cannot be read: \(error)")
        }
        let elapsed = ContinuousClock.now - started
        if result.hasErrors {
            let problem = result.diagnostics.first { $0.severity == .error }.map { $0.message } ?? "the object cannot be read"
            return failed(uid, problem)
        }
        let deadline = Duration.milliseconds(settings.timeoutMilliseconds)
        if elapsed > deadline {
            return failed(uid, "evaluation took \(Self.milliseconds(elapsed)) ms, over the \(settings.timeoutMilliseconds) ms deadline (admission.timeout-ms)")
        }
        return judge(result, uid: uid, request: request)
    }

    /// Findings → decision, by each policy's mode.
    private func judge(_ result: ValidationResult, uid: String, request: AdmissionReviewRequest.Request) -> AdmissionDecision {
        var denials: [String] = []
        var subject: ResourceIdentity?
        var warnings: [String] = []
        var audited: [String] = []
        var actions: [String: AdmissionDecision.Action] = [:]
        var order: [String] = []
        func note(_ policy: String, _ action: AdmissionDecision.Action) {
            guard let previous = actions[policy] else {
                actions[policy] = action
                order.append(policy)
                return
            }
            if Self.strength(action) > Self.strength(previous) { actions[policy] = action }
        }
        for finding in result.findings {
            if finding.isSuppressed {
                note(finding.policyID, .suppressed)
                continue
            }
            let line = Self.line(finding)
            switch snapshot.modes[finding.policyID] ?? AdmissionMode(severity: finding.severity) {
            case .enforce:
                denials.append(line)
                subject = subject ?? finding.resource
                note(finding.policyID, .deny)
            case .warn:
                warnings.append(line)
                note(finding.policyID, .warn)
            case .audit:
                audited.append(line)
                note(finding.policyID, .audit)
            }
        }
        var response = AdmissionReviewResponse(uid: uid, allowed: denials.isEmpty)
        response.warnings = Self.limitWarnings(warnings)
        if !denials.isEmpty {
            response.status = (403, denialMessage(denials, request: request, resource: subject))
        }
        let outcome: AdmissionDecision.Outcome = !denials.isEmpty ? .denied : warnings.isEmpty ? .allowed : .warned
        return AdmissionDecision(outcome: outcome, response: response, policyActions: order.map { ($0, actions[$0]!) }, audited: audited)
    }

    private var validator: Validator {
        var options = ValidationOptions(configuration: snapshot.configuration)
        options.parallel = false
        options.today = today
        return Validator(policies: snapshot.admissionPolicies, options: options)
    }

    /// `Deployment shop/web: [images/no-latest-tag] spec.template.spec.containers[0].image: container 'web' uses …; […] …`
    private func denialMessage(_ denials: [String], request: AdmissionReviewRequest.Request, resource: ResourceIdentity?) -> String {
        // The object's own identity first (a CREATE with generateName has no name in the request).
        let kind = resource?.kind ?? request.kind?.kind ?? "object"
        let name = resource?.name ?? request.name ?? ""
        let namespace = resource?.namespace ?? request.namespace ?? ""
        var subject = kind
        if !namespace.isEmpty { subject += " \(namespace)/\(name)" } else if !name.isEmpty { subject += " \(name)" }
        var message = subject + ": " + denials.prefix(Self.listedFindings).joined(separator: "; ")
        if denials.count > Self.listedFindings {
            message += "; and \(denials.count - Self.listedFindings) more (portcullis check lists them all)"
        }
        return Self.printable(message)
    }

    /// The failure policy's answer.
    func failed(_ uid: String, _ reason: String) -> AdmissionDecision {
        switch snapshot.settings.failurePolicy {
        case .fail:
            var response = AdmissionReviewResponse(uid: uid, allowed: false)
            response.status = (500, Self.printable("portcullis could not evaluate the request: \(reason) (admission.failure-policy: fail)"))
            return AdmissionDecision(outcome: .failed, response: response, reason: reason)
        case .ignore:
            var response = AdmissionReviewResponse(uid: uid, allowed: true)
            response.warnings = [Self.clip("portcullis did not evaluate the request: \(reason) (admission.failure-policy: ignore)")]
            return AdmissionDecision(outcome: .failed, response: response, reason: reason)
        }
    }

    private func skipped(_ uid: String, _ reason: String) -> AdmissionDecision {
        AdmissionDecision(outcome: .skipped, response: AdmissionReviewResponse(uid: uid, allowed: true), reason: reason)
    }

    /// The name findings carry as their file.
    static let inputName = "<admission>"

    /// `[policy] path: message`: the path is the finding's JSON path without `$.`.
    static func line(_ finding: Finding) -> String {
        var path = finding.jsonPath
        if path.hasPrefix("$.") { path.removeFirst(2) } else if path == "$" { path = "" }
        return "[\(finding.policyID)] " + (path.isEmpty ? "" : path + ": ") + finding.message
    }

    private static func limitWarnings(_ warnings: [String]) -> [String] {
        var limited = warnings.prefix(listedWarnings).map(clip)
        if warnings.count > listedWarnings { limited.append("and \(warnings.count - listedWarnings) more warnings (portcullis check lists them all)") }
        return limited
    }

    /// `text` as `printable` has it, cut with `…` beyond `warningLength` characters.
    static func clip(_ text: String) -> String {
        var clean = printable(text)
        if clean.count > warningLength { clean = String(clean.prefix(warningLength - 1)) + "…" }
        return clean
    }

    /// `text` with every character a terminal would act on instead of show (C0 and C1 controls,
    /// DEL, line and paragraph separators, bidirectional overrides: `TerminalText.needsEscape`)
    /// made a space. Messages quote the manifest's own values, and `kubectl` prints denials and
    /// warnings as they come.
    static func printable(_ text: String) -> String {
        if TerminalText.isPrintable(text) { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { TerminalText.needsEscape($0) ? " " : $0 }))
    }

    private static func strength(_ action: AdmissionDecision.Action) -> Int {
        switch action {
        case .suppressed: 0
        case .audit: 1
        case .warn: 2
        case .deny: 3
        }
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    /// `request.oldObject` of a review, as JSON values (the rare DELETE path).
    private static func oldObject(_ body: [UInt8]) -> Any? {
        guard let review = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let request = review["request"] as? [String: Any], let old = request["oldObject"] as? [String: Any] else { return nil }
        return old
    }
}

/// Today's date in UTC, `YYYY-MM-DD`, computed once per day rather than per request.
enum UTCDay {
    static func today(_ now: Date = Date()) -> String {
        CivilDate.string(daysSince1970: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
