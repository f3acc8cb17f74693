import PortcullisEngine

/// What a policy is: for listings, documentation and reports.
public struct PolicyDescription: Sendable {
    /// `pack/name`, e.g. `images/no-latest-tag`.
    public var id: String
    /// The pack: the id's first segment.
    public var pack: String { String(id.split(separator: "/").first ?? "") }
    /// One line: what the policy requires.
    public var title: String?
    /// Why it matters.
    public var description: String?
    /// The severity in effect (after overrides).
    public var severity: Severity
    /// Labels for grouping (`gitops`, `images`, `pod-security`).
    public var tags: [String]
    /// How to fix a finding, in one sentence.
    public var help: String?
    /// Where to read more.
    public var helpURL: String?
    /// What to change, step by step.
    public var remediation: String?
    /// The policy file (`builtin:images/no-latest-tag.policy` for a built-in) and line.
    public var definedAt: SourceRange
    /// False for opt-in policies.
    public var enabledByDefault: Bool
    /// The parameters the policy reads, with the values in effect as JSON.
    public var parameters: [(name: String, value: String)]
    /// The same parameters in full: pack-qualified name, value in effect, default, declaration.
    public var parameterDetails: [PolicyParameter]
    /// The names of its `deny` blocks in a policy with several (labels, else numbers); empty for
    /// a policy with one unnamed block.
    public var checks: [String]
    /// The examples the policy carries (`portcullis test` runs them).
    public var examples: [PolicyExample]
    /// Whether the policy's verdict on a resource depends on other resources of the run: it looks
    /// them up (`resources`, `workloads`, `customResources`: a PodDisruptionBudget for each
    /// Deployment, a Service that selects nothing) or asks a resource's scope, which a
    /// CustomResourceDefinition elsewhere may declare. One resource seen alone (an admission
    /// request) cannot give it what it needs.
    public var looksAcrossDocuments: Bool

    init(_ info: PolicyInfo, looksAcrossDocuments: Bool = false) {
        id = info.id
        title = info.title
        description = info.description
        severity = Severity(info.severity)
        tags = info.tags
        help = info.help
        helpURL = info.helpURL
        remediation = info.remediation
        definedAt = SourceRange(file: info.path, span: info.span)
        enabledByDefault = info.enabledByDefault
        parameters = info.parameters
        parameterDetails = info.parameterDetails.map {
            PolicyParameter(name: $0.qualifiedName, value: $0.value, defaultValue: $0.defaultValue, declaredAt: "\($0.path):\($0.line)")
        }
        checks = info.checkNames.compactMap { $0 }
        examples = info.examples.map {
            PolicyExample(shouldFail: $0.shouldFail, text: $0.text, line: $0.firstLine, lines: $0.span.start.line...$0.span.end.line)
        }
        self.looksAcrossDocuments = looksAcrossDocuments
    }
}

/// A manifest a policy carries as an example: one it must pass, or one it must fail on the lines
/// marked `# expect`.
public struct PolicyExample: Sendable, Hashable {
    /// A `fail` example: findings are expected on its lines marked `# expect`.
    public var shouldFail: Bool
    /// The manifest.
    public var text: String
    /// The line of the policy file where the example's text starts.
    public var line: Int
    /// The lines of the policy file the example's block spans (its `"""` lines included).
    var lines: ClosedRange<Int>

    public static func == (a: PolicyExample, b: PolicyExample) -> Bool {
        a.shouldFail == b.shouldFail && a.text == b.text && a.line == b.line
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(shouldFail)
        hasher.combine(text)
        hasher.combine(line)
    }
}

/// A parameter as a policy reads it.
public struct PolicyParameter: Sendable, Hashable {
    /// `pack.name`: parameters are scoped to their pack (`resources.max_memory_limit`).
    public var name: String
    /// The value in effect and the declared default, as JSON.
    public var value: String
    public var defaultValue: String
    /// Where it is declared, `file:line`.
    public var declaredAt: String
}
