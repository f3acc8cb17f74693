import PortcullisDiagnostics
import PortcullisLanguage
import PortcullisManifest

/// What a policy is, for reports and `portcullis rules` / `explain`.
package struct PolicyInfo: Sendable {
    package var id: String
    package var title: String?
    package var description: String?
    package var severity: Severity
    package var tags: [String]
    package var help: String?
    package var helpURL: String?
    package var remediation: String?
    /// The policy file and where the policy stands in it.
    package var path: String
    package var span: SourceSpan
    package var examples: [Example]
    /// False for opt-in policies (`enabled false`).
    package var enabledByDefault: Bool
    /// The parameters the policy reads, with the values in effect (as JSON), by their names in
    /// the policy's file (`parameterDetails` without the pack).
    package var parameters: [(name: String, value: String)] {
        parameterDetails.map { (String($0.qualifiedName.split(separator: ".", maxSplits: 1).last ?? ""), $0.value) }
    }
    /// The same parameters in full: pack-qualified name, value in effect, default and declaration.
    package var parameterDetails: [ParameterDetail] = []
    /// The names of its `deny` blocks, in order (`nil`: an unnamed single block).
    package var checkNames: [String?] = []

    package init(id: String, title: String?, description: String?, severity: Severity, tags: [String], help: String?, helpURL: String?,
                remediation: String?, path: String, span: SourceSpan, examples: [Example], enabledByDefault: Bool) {
        self.id = id
        self.title = title
        self.description = description
        self.severity = severity
        self.tags = tags
        self.help = help
        self.helpURL = helpURL
        self.remediation = remediation
        self.path = path
        self.span = span
        self.examples = examples
        self.enabledByDefault = enabledByDefault
    }
}

/// A parameter as a policy reads it, for `explain`.
package struct ParameterDetail: Sendable {
    /// `pack.name`.
    package var qualifiedName: String
    /// The value in effect and the declared default, as JSON.
    package var value: String
    package var defaultValue: String
    /// Where it is declared.
    package var path: String
    package var line: Int
}

/// A compiled `match`/`exclude` condition.
enum CompiledMatcher: Sendable {
    case kinds(Set<String>)
    case apiVersions(Set<String>)
    case namespaces([GlobPattern])
    case label(String, String?)
    case annotation(String, String?)
    case paths([GlobPattern])
    case operations(Set<String>)
    /// The resource's scope (`namespaced`, `cluster-scoped`): see `ResourceScopes`.
    case scope(ResourceScope)
    case all([CompiledMatcher])

    /// Whether the matcher holds for `document`; `inputSet` holds the scopes the run's
    /// CustomResourceDefinitions declare.
    func matches(_ document: Document, in inputSet: InputSet) -> Bool {
        switch self {
        case .kinds(let kinds):
            guard let kind = document.kind else { return false }
            // One kind (`exclude kind List`, asked of every document) is compared, not hashed.
            return kinds.count == 1 ? kinds.first == kind : kinds.contains(kind)
        case .apiVersions(let versions): return document.apiVersion.map(versions.contains) ?? false
        case .namespaces(let globs):
            let namespace = document.namespace ?? ""
            return globs.contains { $0.matches(namespace) }
        case .label(let key, let value):
            return Self.mapping(document.root["metadata"]?["labels"], has: key, value: value)
        case .annotation(let key, let value):
            return Self.mapping(document.root["metadata"]?["annotations"], has: key, value: value)
        case .paths(let globs):
            return globs.contains { $0.matches(document.path) }
        case .operations(let operations):
            return document.operation.map(operations.contains) ?? false
        case .scope(let scope):
            guard let kind = document.kind else { return false }
            return ResourceScopes.scope(kind: kind, apiVersion: document.apiVersion, in: inputSet) == scope
        case .all(let matchers):
            return matchers.allSatisfy { $0.matches(document, in: inputSet) }
        }
    }

    private static func mapping(_ node: PortcullisManifest.Node?, has key: String, value: String?) -> Bool {
        guard let found = node?[key] else { return false }
        guard let value else { return true }
        return found.scalarText == value
    }

    /// How much deciding the matcher costs, in rank: an operation (absent outside admission), then
    /// a set of kinds or versions (a hash), then globs, labels and annotations (lookups), then a
    /// scope (definitions of the run), then a conjunction.
    var cost: Int {
        switch self {
        case .operations: 0
        case .kinds, .apiVersions: 1
        case .namespaces, .paths: 2
        case .label, .annotation: 3
        case .scope: 4
        case .all: 5
        }
    }

    /// The kinds this matcher allows, or `nil` when it does not restrict kinds.
    var kinds: Set<String>? { if case .kinds(let k) = self { return k } else { return nil } }

    /// Whether the matcher reads the resource's labels.
    var readsLabels: Bool {
        switch self {
        case .label: true
        case .all(let matchers): matchers.contains { $0.readsLabels }
        default: false
        }
    }

    /// Whether the matcher reads the resource's annotations.
    var readsAnnotations: Bool {
        switch self {
        case .annotation: true
        case .all(let matchers): matchers.contains { $0.readsAnnotations }
        default: false
        }
    }

    /// Whether the matcher holds only for a document with an admission operation: an operation
    /// matcher, or a conjunction with one.
    var needsOperation: Bool {
        switch self {
        case .operations: true
        case .all(let matchers): matchers.contains { $0.needsOperation }
        default: false
        }
    }

    /// Whether the matcher asks for a resource's scope (and so for the run's CustomResourceDefinitions).
    var readsScope: Bool {
        switch self {
        case .scope: true
        case .all(let matchers): matchers.contains { $0.readsScope }
        default: false
        }
    }
}

/// One piece of a message: fixed text or a plan node to show.
enum MessagePiece: Sendable {
    case text(String)
    case value(Int)
}

/// One `deny when` block of a rule: its condition, message and location.
struct CompiledCheck: Sendable {
    /// How findings name the block (`nil`: a policy's single unnamed block).
    let name: String?
    let condition: Int
    let message: [MessagePiece]
    let at: Int?
}

/// A policy lowered onto the rule graph (a class: the evaluator passes rules around in its hot loop).
package final class CompiledRule: Sendable {
    package let info: PolicyInfo
    let matches: [CompiledMatcher]
    let excludes: [CompiledMatcher]
    /// The excludes that can hold for a document with no admission operation (outside the admission
    /// endpoint every document): `exclude kind Pod and operation UPDATE` (27 built-in policies)
    /// never does, so a check run asks no exclude of those rules.
    let excludesOutsideAdmission: [CompiledMatcher]
    /// The kinds the rule can match (`nil`: any kind).
    let kinds: Set<String>?
    /// The plan node iterated by the outermost `for`, and the slot its variable lives in.
    let collection: Int?
    let slot: Int?
    /// Nested iterations inside the outermost one (`for c in containers, m in c.volumeMounts`):
    /// each collection may read the slots before it.
    let nested: [(collection: Int, slot: Int)]
    /// The `deny when` blocks, in source order.
    let checks: [CompiledCheck]
    /// What the findings of each block share (policy, block, severity, guidance), made once.
    let findingRules: [SharedFindingPart<FindingRule>]

    init(info: PolicyInfo, matches: [CompiledMatcher], excludes: [CompiledMatcher], kinds: Set<String>?, collection: Int?,
         slot: Int?, nested: [(collection: Int, slot: Int)] = [], checks: [CompiledCheck]) {
        self.info = info
        self.matches = matches
        self.excludes = excludes
        excludesOutsideAdmission = excludes.filter { !$0.needsOperation }
        self.kinds = kinds
        self.collection = collection
        self.slot = slot
        self.nested = nested
        self.checks = checks
        findingRules = checks.map { check in
            SharedFindingPart(FindingRule(policyID: info.id, check: check.name, severity: info.severity, help: info.help,
                                          helpURL: info.helpURL, remediation: info.remediation))
        }
    }

    /// The plan nodes the rule reads directly: its conditions, locations, collections and message values.
    var planRoots: [Int] {
        var roots: [Int] = collection.map { [$0] } ?? []
        roots += nested.map(\.collection)
        for check in checks {
            roots.append(check.condition)
            if let at = check.at { roots.append(at) }
            roots += check.message.compactMap { if case .value(let id) = $0 { id } else { nil } }
        }
        return roots
    }

    /// Whether the rule has matchers to check per document (the kind index settles the others).
    var matchesEveryDocument: Bool { matches.isEmpty && excludes.isEmpty }

    /// Whether the rule has matchers to check per document with no admission operation.
    var matchesEveryDocumentOutsideAdmission: Bool { matches.isEmpty && excludesOutsideAdmission.isEmpty }

    /// Whether a matcher asks for resource scopes: the run's CustomResourceDefinitions are then looked up.
    var readsScope: Bool { matches.contains { $0.readsScope } || excludes.contains { $0.readsScope } }

    /// Whether the rule's matchers hold for `document` and none of its excludes does;
    /// `inAdmission`: whether the document has an admission operation (`Document.operation`).
    func applies(to document: Document, inAdmission: Bool, in inputSet: InputSet) -> Bool {
        matches.allSatisfy { $0.matches(document, in: inputSet) }
            && !(inAdmission ? excludes : excludesOutsideAdmission).contains { $0.matches(document, in: inputSet) }
    }
}

/// The kinds whose objects carry a pod template, and where their pod spec is.
package enum WorkloadKinds {
    package static let podSpecPaths: [String: [PathComponent]] = [
        "Pod": ["spec"],
        "Deployment": ["spec", "template", "spec"],
        "ReplicaSet": ["spec", "template", "spec"],
        "StatefulSet": ["spec", "template", "spec"],
        "DaemonSet": ["spec", "template", "spec"],
        "Job": ["spec", "template", "spec"],
        "ReplicationController": ["spec", "template", "spec"],
        "CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
    ]

    package static var all: Set<String> { Set(podSpecPaths.keys) }

    /// A part of a pod template: its spec or its metadata.
    enum PodPart {
        case spec, metadata
    }

    /// The pod spec or metadata of `root`, a document of `kind` (where `podSpecPaths` and
    /// `podMetadataPath` say), found by keys spelt in the program: no `String` made for a key, and
    /// no dictionary asked for the kind's path. `nil` for a kind without a pod template, or a
    /// document without that part.
    static func pod(_ part: PodPart, of root: Node, kind: String) -> Node? {
        let template: Node?
        switch kind {
        case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController":
            template = root[known: .spec]?[known: .template]
        case "CronJob": template = root[known: .spec]?[known: .jobTemplate]?[known: .spec]?[known: .template]
        case "Pod": template = root
        default: return nil
        }
        guard let template else { return nil }
        switch part {
        case .spec: return template[known: .spec]
        case .metadata: return template[known: .metadata]
        }
    }

    /// Whether documents of `kind` carry a pod template (the kinds of `podSpecPaths`), told
    /// without hashing the kind.
    static func hasPodTemplate(_ kind: String) -> Bool {
        switch kind {
        case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController", "CronJob", "Pod": true
        default: false
        }
    }

    /// Where the pod template's metadata is: the pod spec's sibling `metadata` (for a Pod, its own).
    static func podMetadataPath(_ kind: String) -> [PathComponent]? {
        podMetadataPaths[kind]
    }

    /// `podMetadataPath` of every workload kind, made once (it is asked per document and lookup).
    private static let podMetadataPaths: [String: [PathComponent]] = podSpecPaths.mapValues { path in
        var metadata = path
        metadata.removeLast()
        metadata.append("metadata")
        return metadata
    }
}
