import PortcullisDiagnostics
import PortcullisLanguage
import PortcullisManifest
import PortcullisSchema

/// Compiles policy files into one `RuleGraph` through an ordered list of named stages, as OPA's and
/// cel-go's compilers do: parse → parameters → lower (resolve, type-check, hash-cons) → index.
/// Problems are diagnostics; compilation stops after the stage in which errors appear.
package struct PolicyCompiler {
    /// A named step of compilation.
    package struct Stage: Sendable {
        package let name: String
        let run: @Sendable (inout Compilation) -> Void
    }

    /// State handed from stage to stage.
    package struct Compilation {
        package var sources: [SourceFile]
        package var parameterOverrides: [String: String]
        /// Overrides already parsed (an example's `with {…}`), applied after the text ones.
        package var literalOverrides: [String: Literal] = [:]
        package var selection: PolicySelection = .defaults
        package var syntax: [PolicyFileSyntax] = []
        package var parameters: [String: Literal] = [:]
        package var rules: [CompiledRule] = []
        package var graph: RuleGraph?
        package var diagnostics: [Diagnostic] = []
        package var options = PolicyCompileOptions()
        /// Where each parameter's value in effect came from.
        var parameterOrigins: [String: ParameterOrigin] = [:]
        var lowering: Lowering?
    }

    /// The stages, in order.
    package static let stages: [Stage] = [
        Stage(name: "parse", run: parseStage),
        Stage(name: "parameters", run: parameterStage),
        Stage(name: "typecheck", run: typeCheckStage),
        Stage(name: "lower", run: lowerStage),
        Stage(name: "index", run: indexStage),
    ]

    /// Compiles `sources` with `--param` style overrides (`name` → text), keeping the policies
    /// `selection` picks.
    package static func compile(_ sources: [SourceFile], parameters: [String: String] = [:], literalParameters: [String: Literal] = [:],
                               selection: PolicySelection = .defaults, options: PolicyCompileOptions = PolicyCompileOptions()) -> (RuleGraph?, [Diagnostic]) {
        var compilation = Compilation(sources: sources, parameterOverrides: parameters)
        compilation.literalOverrides = literalParameters
        compilation.selection = selection
        compilation.options = options
        for stage in stages {
            stage.run(&compilation)
            if compilation.diagnostics.contains(where: { $0.severity == .error }) {
                return (nil, compilation.diagnostics.capped(perFileAndID: diagnosticCap))
            }
        }
        return (compilation.graph, compilation.diagnostics.capped(perFileAndID: diagnosticCap))
    }

    /// Diagnostics of one kind per policy file shown (then one line says how many more).
    package static let diagnosticCap = 25

    static func parseStage(_ c: inout Compilation) {
        for source in c.sources {
            let (syntax, diagnostics) = Parser.parse(source, maxNesting: c.options.maxNesting)
            c.syntax.append(syntax)
            c.diagnostics += diagnostics
        }
        var seen: [String: String] = [:]
        for file in c.syntax {
            for policy in file.policies {
                if let other = seen[policy.id] {
                    c.diagnostics.append(.error("policy.duplicate-id", "policy id \"\(policy.id)\" is already defined in \(other)",
                                                path: file.path, at: policy.idSpan))
                }
                seen[policy.id] = file.path
            }
        }
    }

    static func parameterStage(_ c: inout Compilation) {
        for file in c.syntax {
            for parameter in file.parameters {
                guard let literal = literal(parameter.defaultValue) else {
                    c.diagnostics.append(.error("policy.invalid-parameter", "a parameter's value must be a constant (text, number, boolean or a list of them)",
                                                path: file.path, at: parameter.defaultValue.span))
                    continue
                }
                if let existing = c.parameters[parameter.name], existing != literal {
                    c.diagnostics.append(.error("policy.duplicate-parameter", "parameter '\(parameter.name)' is declared twice with different values",
                                                path: file.path, at: parameter.span))
                }
                c.parameters[parameter.name] = literal
                c.parameterOrigins[parameter.name] = .declared(path: file.path, span: parameter.defaultValue.span)
            }
        }
        // Structured overrides (configuration file, an example's `with`) first; --param text wins.
        for (name, value) in c.literalOverrides.sorted(by: { $0.key < $1.key }) {
            let origin = c.options.parameterOrigins[name]
            var path: String?, span: SourceSpan?
            if case .configured(let p, let s)? = origin { (path, span) = (p, s) }
            guard let declared = c.parameters[name] else {
                c.diagnostics.append(.error("config.unknown-parameter", "no policy declares a parameter '\(name)'" +
                                            (c.parameters.isEmpty ? "" : " (declared: \(c.parameters.keys.sorted().joined(separator: ", ")))"),
                                            path: path, at: span))
                continue
            }
            // The same types --param accepts: a value of another type would quietly switch the
            // policies reading it off (`"3" > 2` is never true).
            if let expected = typeMismatch(value, declared: declared) {
                c.diagnostics.append(.error("config.invalid-parameter", "parameter '\(name)' takes \(expected), not \(describeValue(value))",
                                            path: path, at: span))
                continue
            }
            c.parameters[name] = value
            c.parameterOrigins[name] = origin ?? c.parameterOrigins[name]
        }
        for (name, text) in c.parameterOverrides.sorted(by: { $0.key < $1.key }) {
            guard let declared = c.parameters[name] else {
                c.diagnostics.append(.error("config.unknown-parameter",
                                            "--param \(name): no policy declares a parameter '\(name)'" +
                                            (c.parameters.isEmpty ? "" : " (declared: \(c.parameters.keys.sorted().joined(separator: ", ")))")))
                continue
            }
            switch parse(override: text, like: declared) {
            case .some(let value) where typeMismatch(value, declared: declared) == nil:
                c.parameters[name] = value
                c.parameterOrigins[name] = .commandLine
            default:
                c.diagnostics.append(.error("config.invalid-parameter", "--param \(name)=\(text): expected \(describe(declared))"))
            }
        }

    }

    /// The type check against the Kubernetes schema (`PolicyTypeChecker`); built-in sources only
    /// when asked (`typeCheckBuiltins`), so a run with the built-in packs alone never reads the schema.
    static func typeCheckStage(_ c: inout Compilation) {
        let files = c.syntax.filter { c.options.typeCheckBuiltins || !$0.path.hasPrefix("builtin:") }
        guard !files.isEmpty else { return }
        var checker = PolicyTypeChecker(schema: .embedded, parameters: c.parameters)
        for file in files {
            checker.path = file.path
            for policy in file.policies { checker.check(policy) }
        }
        c.diagnostics += checker.diagnostics
    }

    static func lowerStage(_ c: inout Compilation) {
        var lowering = Lowering(parameters: c.parameters, parameterOrigins: c.parameterOrigins,
                                regexMatchLimit: c.options.regexMatchLimit, regexDepthLimit: c.options.regexDepthLimit)
        for file in c.syntax {
            lowering.path = file.path
            for policy in file.policies {
                lowering.policy = policy.id
                lowering.parametersRead = []
                if let rule = lower(policy, file: file, lowering: &lowering, selection: c.selection) { c.rules.append(rule) }
            }
        }
        c.diagnostics += lowering.diagnostics
        c.lowering = lowering
    }

    static func indexStage(_ c: inout Compilation) {
        guard let lowering = c.lowering else { return }
        for name in c.selection.unknownNames(among: c.rules.map(\.info.id)) {
            let origin = c.options.nameOrigins[name]
            c.diagnostics.append(.error("config.unknown-policy", "'\(name)' names no policy and no pack (see `portcullis rules --all-policies`)",
                                        path: origin?.path, at: origin?.span))
        }
        let selected = c.rules.filter { c.selection.includes($0.info) }
        var graph = RuleGraph(rules: selected, nodes: lowering.nodes, regexes: lowering.regexes, slotCount: lowering.slotCount)
        graph.declaredPolicyIDs = Set(c.rules.map(\.info.id))
        graph.regexLimits = (c.options.regexMatchLimit, c.options.regexDepthLimit)
        c.graph = graph
    }

    private static func lower(_ policy: PolicyDecl, file: PolicyFileSyntax, lowering: inout Lowering, selection: PolicySelection) -> CompiledRule? {
        guard let conditionExpr = policy.condition else {
            lowering.error("policy.missing-deny", "policy \"\(policy.id)\" has no 'deny when' condition", at: policy.idSpan)
            return nil
        }
        let matches = policy.matches.map(compile)
        let excludes = policy.excludes.map(compile)
        var kinds: Set<String>?
        for matcher in matches { if let k = matcher.kinds { kinds = kinds.map { $0.intersection(k) } ?? k } }
        if let kinds, kinds.isEmpty {
            lowering.error("policy.unreachable", "policy \"\(policy.id)\" can never match: its 'match' clauses allow no kind in common", at: policy.idSpan)
        }
        if let kinds, excludes.contains(where: { $0.kinds.map { kinds.isSubset(of: $0) } ?? false }) {
            lowering.error("policy.unreachable", "policy \"\(policy.id)\" can never match: 'exclude' removes every kind it matches", at: policy.idSpan)
        }
        var collection: Int?
        var slot: Int?
        if let iteration = policy.iteration {
            let (c, type) = lowering.lower(iteration.collection)
            if [.bool, .number, .image, .semver].contains(type) {
                lowering.error("policy.type-mismatch", "'for' iterates a list, not a \(type.rawValue)", at: iteration.collection.span)
            }
            collection = c
            slot = lowering.slot(for: c)
            lowering.pushBinding(iteration.variable, slot: slot!, over: iteration.collection)
        }
        defer { if policy.iteration != nil { lowering.popBinding() } }
        let (condition, conditionType) = lowering.lower(conditionExpr)
        if conditionType != .bool && conditionType != .any {
            lowering.error("policy.type-mismatch", "'deny when' needs a condition, found a \(conditionType.rawValue)", at: conditionExpr.span)
        }
        var message: [MessagePiece] = []
        for part in policy.message?.parts ?? [.text("violates \(policy.title ?? policy.id)")] {
            switch part {
            case .text(let text): message.append(.text(text))
            case .expression(let expr): message.append(.value(lowering.lower(expr).id))
            }
        }
        let at = policy.at.map { lowering.lower($0).id }
        var info = PolicyInfo(id: policy.id, title: policy.title, description: policy.description, severity: policy.severity,
                              tags: policy.tags, help: policy.help, helpURL: policy.helpURL, remediation: policy.remediation,
                              path: file.path, span: policy.span, examples: policy.examples,
                              enabledByDefault: policy.enabledByDefault)
        if let severity = selection.severity(for: policy.id) { info.severity = severity }
        info.parameters = lowering.parametersRead.sorted().map { ($0, lowering.parameters[$0]?.json ?? "null") }
        // Kind matchers are decided by the kind index before a rule runs; only the others run per document.
        return CompiledRule(info: info, matches: matches.filter { $0.kinds == nil }, excludes: excludes, kinds: kinds, collection: collection, slot: slot,
                            condition: condition, message: message, at: at)
    }

    private static func compile(_ matcher: Matcher) -> CompiledMatcher {
        switch matcher {
        case .workload: .kinds(WorkloadKinds.all)
        case .kinds(let k): .kinds(Set(k))
        case .apiVersions(let v): .apiVersions(Set(v))
        case .namespaces(let n): .namespaces(n.map { GlobPattern("/" + $0) })
        case .label(let k, let v): .label(k, v)
        case .annotation(let k, let v): .annotation(k, v)
        case .paths(let p): .paths(p.map(GlobPattern.init))
        case .operations(let o): .operations(Set(o))
        case .namespaced: .scope(.namespaced)
        case .clusterScoped: .scope(.cluster)
        case .all(let m): .all(m.map(compile))
        }
    }

    package static func literal(_ expr: Expr) -> Literal? {
        switch expr {
        case .string(let s, _): return .string(s)
        case .number(let n, _): return .number(n)
        case .bool(let b, _): return .bool(b)
        case .null: return .null
        case .list(let items, _):
            let literals = items.compactMap(literal)
            return literals.count == items.count ? .list(literals) : nil
        case .mapping(let entries, _):
            let literals = entries.compactMap { entry in literal(entry.value).map { LiteralEntry(key: entry.key, value: $0) } }
            return literals.count == entries.count ? .mapping(literals) : nil
        default: return nil
        }
    }

    private static func parse(override text: String, like declared: Literal) -> Literal? {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") {
            // Structured values are given as JSON or YAML flow: [{"min": 1, "max": 1000}].
            switch declared {
            case .list, .mapping, .null: break
            default: return nil
            }
            // Wrapped in a mapping: a document must be one, and a list is a fine parameter.
            let file = ManifestLoader().load(SourceFile(path: "--param", bytes: Array("{\"value\": \(trimmed)\n}".utf8)))
            guard !file.hasErrors, let root = file.resources.first?.root["value"] else { return nil }
            let value = Literal(root)
            if case .list = declared, case .mapping = value { return nil }
            if case .mapping = declared, case .list = value { return nil }
            return value
        }
        switch declared {
        case .mapping: return nil
        case .list:
            return .list(text.split(separator: ",").map { .string(String($0).trimmingSpaces) })
        case .number: return Double(text).map(Literal.number)
        case .bool: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : nil
        case .string, .null: return .string(text)
        }
    }

    /// What `declared` asks for when `value` is not of its type (`nil`: it is). A list whose
    /// default holds elements of one type asks the same of every element.
    static func typeMismatch(_ value: Literal, declared: Literal) -> String? {
        switch (declared, value) {
        case (.null, _), (.number, .number), (.bool, .bool), (.string, .string), (.mapping, .mapping):
            return nil
        case (.list(let defaults), .list(let items)):
            guard let first = defaults.first, defaults.allSatisfy({ sameKind($0, first) }),
                  [.string(""), .number(0), .bool(false)].contains(where: { sameKind($0, first) }) else { return nil }
            return items.allSatisfy { sameKind($0, first) } ? nil : "a list of \(describeValue(first).dropFirst(2))s"
        default:
            return describe(declared)
        }
    }

    private static func sameKind(_ a: Literal, _ b: Literal) -> Bool {
        switch (a, b) {
        case (.null, .null), (.bool, .bool), (.number, .number), (.string, .string), (.list, .list), (.mapping, .mapping): true
        default: false
        }
    }

    /// "a number", "a text", … for messages.
    static func describeValue(_ literal: Literal) -> String {
        switch literal {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a text"
        case .list: "a list"
        case .mapping: "a mapping"
        }
    }

    private static func describe(_ literal: Literal) -> String {
        switch literal {
        case .list: "a comma-separated list or a JSON list"
        case .mapping: "a JSON mapping"
        case .number: "a number"
        case .bool: "true or false"
        case .string, .null: "text"
        }
    }
}
