import PortcullisDiagnostics
import PortcullisLanguage
import PortcullisManifest
import PortcullisSchema

/// Where a parameter is declared, and its default.
struct ParameterDeclaration: Sendable {
    var path: String
    var span: SourceSpan
    var defaultValue: Literal
}

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
        /// Each parameter's declaration (its first), by qualified name.
        var declarations: [String: ParameterDeclaration] = [:]
        /// The pack of each file of `syntax`, in order.
        var packs: [String] = []
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

    /// The pack a file's parameters belong to: its `pack NAME`, else a built-in file's pack folder
    /// (`builtin:resources/ceilings.policy` → `resources`), else the file's name without `.policy`.
    package static func pack(of file: PolicyFileSyntax) -> String {
        if let pack = file.pack { return pack.name }
        var path = Substring(file.path)
        if path.hasPrefix("builtin:") {
            path = path.dropFirst("builtin:".count)
            if let slash = path.firstIndex(of: "/") { return String(path[..<slash]) }
        }
        var name = path.split(separator: "/").last ?? path
        if name.hasSuffix(".policy") { name = name.dropLast(".policy".count) }
        return String(name)
    }

    /// The declared parameters an override name sets: `pack.name` that one; a plain `name` the
    /// parameter of that name in every pack declaring one (as before parameters had packs).
    static func targets(of name: String, in parameters: [String: Literal]) -> [String] {
        if name.contains(".") { return parameters[name] == nil ? [] : [name] }
        return parameters.keys.filter { $0.hasSuffix("." + name) && !$0.dropLast(name.count + 1).contains(".") }.sorted()
    }

    /// The declared parameters, for "declared: …" hints: plain names, or for a qualified `PACK.NAME`
    /// the qualified names of that pack (of every pack when it declares none).
    private static func declaredNames(_ parameters: [String: Literal], near name: String) -> String {
        if let dot = name.firstIndex(of: ".") {
            let pack = name[..<dot] + "."
            let own = parameters.keys.filter { $0.hasPrefix(pack) }
            return (own.isEmpty ? Array(parameters.keys) : own).sorted().joined(separator: ", ")
        }
        return Set(parameters.keys.map { String($0.split(separator: ".", maxSplits: 1).last ?? "") }).sorted().joined(separator: ", ")
    }

    static func parameterStage(_ c: inout Compilation) {
        for file in c.syntax {
            let pack = pack(of: file)
            c.packs.append(pack)
            for parameter in file.parameters {
                guard let literal = literal(parameter.defaultValue) else {
                    c.diagnostics.append(.error("policy.invalid-parameter", "a parameter's value must be a constant (text, number, boolean or a list of them)",
                                                path: file.path, at: parameter.defaultValue.span))
                    continue
                }
                let key = pack + "." + parameter.name
                if let other = c.declarations[key] {
                    if other.defaultValue != literal {
                        c.diagnostics.append(.error("policy.duplicate-parameter",
                                                    "parameter '\(parameter.name)' of pack '\(pack)' is already declared with another value at \(other.path):\(other.span.start.line):\(other.span.start.column)",
                                                    path: file.path, at: parameter.span,
                                                    notes: [DiagnosticNote("parameters are scoped to their pack (`pack NAME`, else the built-in pack's folder or the file's name); give one of them another name, or name another pack")]))
                    }
                    continue
                }
                c.declarations[key] = ParameterDeclaration(path: file.path, span: parameter.span, defaultValue: literal)
                c.parameters[key] = literal
                c.parameterOrigins[key] = .declared(path: file.path, span: parameter.defaultValue.span)
            }
        }
        // Structured overrides (configuration file, an example's `with`) first; --param text wins.
        for (name, value) in c.literalOverrides.sorted(by: { $0.key < $1.key }) {
            let origin = c.options.parameterOrigins[name]
            var path: String?, span: SourceSpan?
            if case .configured(let p, let s)? = origin { (path, span) = (p, s) }
            let targets = targets(of: name, in: c.parameters)
            guard !targets.isEmpty else {
                c.diagnostics.append(.error("config.unknown-parameter", "no policy declares a parameter '\(name)'" +
                                            (c.parameters.isEmpty ? "" : " (declared: \(declaredNames(c.parameters, near: name)))"),
                                            path: path, at: span))
                continue
            }
            for key in targets {
                // The same types --param accepts: a value of another type would quietly switch the
                // policies reading it off (`"3" > 2` is never true).
                if let expected = typeMismatch(value, declared: c.parameters[key]!) {
                    c.diagnostics.append(.error("config.invalid-parameter", "parameter '\(name)' takes \(expected), not \(describeValue(value))" +
                                                (targets.count > 1 ? " (in pack '\(key.split(separator: ".")[0])')" : ""),
                                                path: path, at: span))
                    continue
                }
                c.parameters[key] = value
                c.parameterOrigins[key] = origin ?? c.parameterOrigins[key]
            }
        }
        for (name, text) in c.parameterOverrides.sorted(by: { $0.key < $1.key }) {
            let targets = targets(of: name, in: c.parameters)
            guard !targets.isEmpty else {
                c.diagnostics.append(.error("config.unknown-parameter",
                                            "--param \(name): no policy declares a parameter '\(name)'" +
                                            (c.parameters.isEmpty ? "" : " (declared: \(declaredNames(c.parameters, near: name)))")))
                continue
            }
            for key in targets {
                let declared = c.parameters[key]!
                switch parse(override: text, like: declared) {
                case .some(let value) where typeMismatch(value, declared: declared) == nil:
                    c.parameters[key] = value
                    c.parameterOrigins[key] = .commandLine
                default:
                    c.diagnostics.append(.error("config.invalid-parameter", "--param \(name)=\(text): expected \(describe(declared))"))
                }
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
        for (offset, file) in c.syntax.enumerated() {
            lowering.path = file.path
            lowering.pack = c.packs[offset]
            for policy in file.policies {
                lowering.policy = policy.id
                lowering.parametersRead = []
                if let rule = lower(policy, file: file, lowering: &lowering, selection: c.selection, declarations: c.declarations) {
                    c.rules.append(rule)
                }
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

    private static func lower(_ policy: PolicyDecl, file: PolicyFileSyntax, lowering: inout Lowering, selection: PolicySelection,
                              declarations: [String: ParameterDeclaration]) -> CompiledRule? {
        guard !policy.denies.isEmpty else {
            lowering.error("policy.missing-deny", "policy \"\(policy.id)\" has no 'deny when' condition", at: policy.idSpan)
            return nil
        }
        let matches = policy.matches.map { compile($0, &lowering) }
        let excludes = policy.excludes.map { compile($0, &lowering) }
        var kinds: Set<String>?
        for matcher in matches { if let k = matcher.kinds { kinds = kinds.map { $0.intersection(k) } ?? k } }
        if let kinds, kinds.isEmpty {
            lowering.error("policy.unreachable", "policy \"\(policy.id)\" can never match: its 'match' clauses allow no kind in common", at: policy.idSpan)
        }
        if let kinds, excludes.contains(where: { $0.kinds.map { kinds.isSubset(of: $0) } ?? false }) {
            lowering.error("policy.unreachable", "policy \"\(policy.id)\" can never match: 'exclude' removes every kind it matches", at: policy.idSpan)
        }
        let outerScope = lowering.scopeCount
        defer { lowering.popScope(to: outerScope) }
        var names: [String: SourceSpan] = [:]
        /// Lets and iteration variables are one namespace per policy: a second use of a name is an error.
        func declare(_ name: String, _ span: SourceSpan, _ lowering: inout Lowering) {
            if let earlier = names[name] {
                lowering.error("policy.duplicate-name", "'\(name)' is already bound at line \(earlier.start.line) of this policy; choose another name", at: span)
            }
            names[name] = span
        }
        var lets = policy.lets[...]
        func lowerLets(upTo depth: Int, _ lowering: inout Lowering) {
            while let next = lets.first, next.iterationDepth <= depth {
                lets.removeFirst()
                declare(next.name, next.span, &lowering)
                lowering.pushLet(next.name, value: lowering.lower(next.value))
            }
        }
        lowerLets(upTo: 0, &lowering)
        var loops: [(collection: Int, slot: Int)] = []
        for (depth, iteration) in policy.iterations.enumerated() {
            let (c, type) = lowering.lower(iteration.collection)
            if [.bool, .number, .image, .semver].contains(type) {
                lowering.error("policy.type-mismatch", "'for' iterates a list, not a \(type.rawValue)", at: iteration.collection.span)
            }
            declare(iteration.variable, iteration.span, &lowering)
            let slot = lowering.slot(for: c)
            loops.append((c, slot))
            lowering.pushBinding(iteration.variable, slot: slot, over: iteration.collection)
            lowerLets(upTo: depth + 1, &lowering)
        }
        var checks: [CompiledCheck] = []
        for (number, deny) in policy.denies.enumerated() {
            let (condition, conditionType) = lowering.lower(deny.condition)
            if conditionType != .bool && conditionType != .any {
                lowering.error("policy.type-mismatch", "'deny when' needs a condition, found a \(conditionType.rawValue)", at: deny.condition.span)
            }
            var message: [MessagePiece] = []
            for part in (deny.message ?? policy.defaultMessage)?.parts ?? [.text("violates \(policy.title ?? policy.id)")] {
                switch part {
                case .text(let text): message.append(.text(text))
                case .expression(let expr): message.append(.value(lowering.lower(expr).id))
                }
            }
            let at = (deny.at ?? policy.defaultAt).map { lowering.lower($0).id }
            let name = deny.label ?? (policy.denies.count > 1 ? String(number + 1) : nil)
            checks.append(CompiledCheck(name: name, condition: condition, message: message, at: at))
        }
        var info = PolicyInfo(id: policy.id, title: policy.title, description: policy.description, severity: policy.severity,
                              tags: policy.tags, help: policy.help, helpURL: policy.helpURL, remediation: policy.remediation,
                              path: file.path, span: policy.span, examples: policy.examples,
                              enabledByDefault: policy.enabledByDefault)
        if let severity = selection.severity(for: policy.id) { info.severity = severity }
        let read = lowering.parametersRead.sorted()
        info.parameterDetails = read.map { key in
            let declaration = declarations[key]
            // Shown where the policy's own file declares it, when it does.
            let own = key.hasPrefix(lowering.pack + ".") ? file.parameters.first { lowering.pack + "." + $0.name == key } : nil
            return ParameterDetail(qualifiedName: key, value: lowering.parameters[key]?.json ?? "null",
                                   defaultValue: declaration?.defaultValue.json ?? "null",
                                   path: own != nil ? file.path : declaration?.path ?? file.path,
                                   line: own?.span.start.line ?? declaration?.span.start.line ?? 0)
        }
        info.checkNames = checks.map(\.name)
        // Kind matchers are decided by the kind index before a rule runs; only the others run per document.
        return CompiledRule(info: info, matches: matches.filter { $0.kinds == nil }, excludes: excludes, kinds: kinds,
                            collection: loops.first?.collection, slot: loops.first?.slot, nested: Array(loops.dropFirst()), checks: checks)
    }

    private static func compile(_ matcher: Matcher, _ lowering: inout Lowering) -> CompiledMatcher {
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
        // Cheapest first: a conjunction stops at its first failing part (`operation UPDATE` is
        // decided without hashing the kind, and never holds outside admission).
        case .all(let m): .all(m.map { compile($0, &lowering) }.sorted { $0.cost < $1.cost })
        case .parameter(let field, let path, let span): compileParameterMatcher(field, path, span, &lowering)
        }
    }

    /// `match namespace params.prod_namespaces`: the parameter's value (text or a list of text) as
    /// the matcher's names, fixed when the policy compiles.
    private static func compileParameterMatcher(_ field: ParameterMatcher, _ path: [String], _ span: SourceSpan,
                                                _ lowering: inout Lowering) -> CompiledMatcher {
        var names: [String] = []
        if let (key, literal) = lowering.parameter(path, span: span) {
            switch literal {
            case .string(let text): names = [text]
            case .list(let items) where items.allSatisfy({ if case .string = $0 { true } else { false } }):
                names = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
            default:
                lowering.error("policy.type-mismatch", "'match \(field.rawValue)' takes a parameter holding text or a list of text; '\(key)' holds \(describeValue(literal))",
                               at: span)
            }
        }
        switch field {
        case .kind: return .kinds(Set(names))
        case .apiVersion: return .apiVersions(Set(names))
        case .namespace: return .namespaces(names.map { GlobPattern("/" + $0) })
        case .path: return .paths(names.map(GlobPattern.init))
        case .operation: return .operations(Set(names))
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
            // The file holds the arena `root` is in (a node does not) while it is read.
            let value = withExtendedLifetime(file) { Literal(root) }
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
