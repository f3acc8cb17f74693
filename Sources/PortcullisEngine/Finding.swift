import PortcullisDiagnostics
import PortcullisManifest

/// A violation of a policy by a resource: what, where exactly, and how to fix it.
///
/// What the findings of one `deny` block share (policy, severity, guidance) and what those of one
/// resource share (file, document, identity) are held once and referenced: a run holds every
/// finding until it is reported, so a finding carries its location, its message and path in one
/// allocation made to size (`FindingText`), and two references for the rest.
package struct Finding: Sendable, Hashable {
    private var rule: SharedFindingPart<FindingRule>
    private var resource: SharedFindingPart<FindingResource>
    private var text: FindingText
    /// The node the finding points at; for a missing field, the mapping where it belongs.
    package var span: SourceSpan {
        get { place.span }
        set { place = FindingPlace(newValue) }
    }
    /// `span`, held in 16 bytes (a `SourceSpan` takes 32): a run holds every finding until it reports it.
    private var place: FindingPlace
    private var suppressionPart: SharedFindingPart<Suppression>?

    package init(policyID: String, severity: Severity, message: String, path: String, span: SourceSpan, documentIndex: Int,
                 listItemIndex: Int?, kind: String?, namespace: String?, name: String?, pathComponents: [PathComponent],
                 help: String?, helpURL: String?, remediation: String?, suppression: Suppression? = nil, check: String? = nil) {
        rule = SharedFindingPart(FindingRule(policyID: policyID, check: check, severity: severity, help: help, helpURL: helpURL,
                                             remediation: remediation))
        resource = SharedFindingPart(FindingResource(path: path, documentIndex: documentIndex, listItemIndex: listItemIndex,
                                                     kind: kind, namespace: namespace, name: name))
        text = FindingText(message: message, path: pathComponents)
        place = FindingPlace(span)
        suppressionPart = suppression.map(SharedFindingPart.init)
    }

    /// A finding of a `deny` block (`rule`) on a resource (`resource`), both shared with its other
    /// findings; its message and path are `text`.
    package init(rule: SharedFindingPart<FindingRule>, resource: SharedFindingPart<FindingResource>, text: FindingText, span: SourceSpan) {
        self.rule = rule
        self.resource = resource
        self.text = text
        place = FindingPlace(span)
    }

    /// The parts a finding is made of, as `PackedFindings` stores them: its `deny` block's, its
    /// resource's (both shared with other findings), its text and its place.
    package var parts: (rule: SharedFindingPart<FindingRule>, resource: SharedFindingPart<FindingResource>, text: FindingText,
                        place: (startLine: Int32, startColumn: Int32, endLine: Int32, endColumn: Int32)) {
        (rule, resource, text, (place.startLine, place.startColumn, place.endLine, place.endColumn))
    }

    /// Its `deny` block's shared part, by identity: findings with equal ones have the same policy,
    /// check, severity and guidance (while both are held).
    package var ruleIdentity: ObjectIdentifier { ObjectIdentifier(rule) }
    /// Its resource's shared part, by identity: findings with equal ones have the same path and
    /// resource (while both are held).
    package var resourceIdentity: ObjectIdentifier { ObjectIdentifier(resource) }

    /// What the finding says.
    package var message: String {
        get { text.message }
        set { text = FindingText(message: newValue, path: text.pathComponents) }
    }

    package var policyID: String {
        get { rule.value.policyID }
        set { update(\.policyID, newValue) }
    }
    /// The `deny` block that found it, in a policy with several (its label, else its number).
    package var check: String? {
        get { rule.value.check }
        set { update(\.check, newValue) }
    }
    package var severity: Severity {
        get { rule.value.severity }
        set { update(\.severity, newValue) }
    }
    package var help: String? {
        get { rule.value.help }
        set { update(\.help, newValue) }
    }
    package var helpURL: String? {
        get { rule.value.helpURL }
        set { update(\.helpURL, newValue) }
    }
    package var remediation: String? {
        get { rule.value.remediation }
        set { update(\.remediation, newValue) }
    }
    /// The manifest file (display path).
    package var path: String {
        get { resource.value.path }
        set { update(\.path, newValue) }
    }
    /// 0-based position of the YAML document in its file.
    package var documentIndex: Int {
        get { resource.value.documentIndex }
        set { update(\.documentIndex, newValue) }
    }
    package var listItemIndex: Int? {
        get { resource.value.listItemIndex }
        set { update(\.listItemIndex, newValue) }
    }
    package var kind: String? {
        get { resource.value.kind }
        set { update(\.kind, newValue) }
    }
    package var namespace: String? {
        get { resource.value.namespace }
        set { update(\.namespace, newValue) }
    }
    package var name: String? {
        get { resource.value.name }
        set { update(\.name, newValue) }
    }
    /// Set when a suppression (inline comment, annotation, waiver) covers the finding: it is still
    /// reported (SARIF `suppressions`), but never fails the run.
    package var suppression: Suppression? {
        get { suppressionPart?.value }
        set { suppressionPart = newValue.map(SharedFindingPart.init) }
    }
    /// How to reach the node from the resource's root.
    package var pathComponents: [PathComponent] {
        get { text.pathComponents }
        set { text = FindingText(message: text.message, path: newValue) }
    }
    /// Whether a suppression covers it (without copying the suppression out).
    package var isSuppressed: Bool { suppressionPart != nil }
    /// JSON path of the node, e.g. `$.spec.template.spec.containers[0].image` (built when asked).
    package var jsonPath: String { text.jsonPath }

    private mutating func update<Value>(_ field: WritableKeyPath<FindingRule, Value>, _ value: Value) {
        var changed = rule.value
        changed[keyPath: field] = value
        rule = SharedFindingPart(changed)
    }

    private mutating func update<Value>(_ field: WritableKeyPath<FindingResource, Value>, _ value: Value) {
        var changed = resource.value
        changed[keyPath: field] = value
        resource = SharedFindingPart(changed)
    }

    package static func == (a: Finding, b: Finding) -> Bool {
        (a.rule === b.rule || a.rule.value == b.rule.value) && (a.resource === b.resource || a.resource.value == b.resource.value)
            && a.text == b.text && a.place == b.place && a.suppression == b.suppression
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(rule.value)
        hasher.combine(resource.value)
        hasher.combine(text)
        hasher.combine(place)
        hasher.combine(suppression)
    }

    /// Report order: file, line, column, policy, message.
    package static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.span.start != b.span.start { return a.span.start < b.span.start }
        if a.policyID != b.policyID { return a.policyID < b.policyID }
        if a.check != b.check { return (a.check ?? "") < (b.check ?? "") }
        return a.message < b.message
    }
}

/// Where a finding points: a `SourceSpan`'s lines and columns as 32-bit numbers (a file the loader
/// reads has far fewer lines and columns than they count).
private struct FindingPlace: Hashable, Sendable {
    let startLine: Int32
    let startColumn: Int32
    let endLine: Int32
    let endColumn: Int32

    init(_ span: SourceSpan) {
        startLine = Int32(clamping: span.start.line)
        startColumn = Int32(clamping: span.start.column)
        endLine = Int32(clamping: span.end.line)
        endColumn = Int32(clamping: span.end.column)
    }

    var span: SourceSpan {
        SourceSpan(start: SourceLocation(line: Int(startLine), column: Int(startColumn)),
                   end: SourceLocation(line: Int(endLine), column: Int(endColumn)))
    }
}

/// What the findings of one `deny` block have in common.
package struct FindingRule: Sendable, Hashable {
    package var policyID: String
    package var check: String?
    package var severity: Severity
    package var help: String?
    package var helpURL: String?
    package var remediation: String?
}

/// What the findings of one resource have in common: where it is and what it is.
package struct FindingResource: Sendable, Hashable {
    package var path: String
    package var documentIndex: Int
    package var listItemIndex: Int?
    package var kind: String?
    package var namespace: String?
    package var name: String?
}

/// A part of a finding held once and referenced by every finding that has it.
package final class SharedFindingPart<Value: Sendable & Hashable>: Sendable {
    package let value: Value

    package init(_ value: Value) {
        self.value = value
    }
}

extension Sequence<Finding> {
    /// The lines of `path` these findings point at (what a report shows of that file).
    package func lines(in path: String) -> [Int] {
        compactMap { $0.path == path ? $0.span.start.line : nil }
    }
}
