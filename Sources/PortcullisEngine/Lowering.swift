import PortcullisDiagnostics
import PortcullisLanguage
import PortcullisManifest
import PortcullisRegex

/// Resolves names, checks types and lowers expressions into the shared plan graph in one walk.
///
/// Identical sub-expressions of any policy become one `PlanNode` (hash-consing on the operation), and
/// iteration variables are identified by what they iterate over, not by their names, so
/// `image(c.image)` in one policy and `image(container.image)` in another are the same node.
struct Lowering {
    private(set) var nodes: [PlanNode] = []
    private var index: [PlanOp: Int] = [:]
    private(set) var regexes: [RegexPattern] = []
    private var regexIndex: [String: Int] = [:]
    private struct SlotKey: Hashable { var collection: Int; var depth: Int }
    private var slotKeys: [SlotKey: Int] = [:]
    private(set) var slotCount = 0
    /// Names in scope, innermost last: iteration variables (`slot`; `parameter`: the parameter
    /// whose list the variable walks) and `let` names (`value`: the node they stand for).
    private var scope: [(name: String, slot: Int?, parameter: String?, value: (id: Int, type: ValueType)?)] = []
    var policy = ""
    var path = ""
    /// The pack of the file being lowered: `params.NAME` reads `pack.NAME`.
    var pack = ""
    /// Parameters by pack-qualified name (`resources.max_memory_limit`).
    let parameters: [String: Literal]
    /// The packs that declare parameters (`params.PACK.NAME` reads another pack's).
    let packs: Set<String>
    /// Where each parameter's value came from: a pattern in one that does not compile is reported there.
    let parameterOrigins: [String: ParameterOrigin]
    private let regexMatchLimit: UInt32
    private let regexDepthLimit: UInt32
    private var reportedParameterPatterns: Set<String> = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Parameters the current policy reads (reset per policy by the compiler).
    var parametersRead: [String] = []

    init(parameters: [String: Literal], parameterOrigins: [String: ParameterOrigin] = [:],
         regexMatchLimit: UInt32 = 1_000_000, regexDepthLimit: UInt32 = 10_000) {
        self.parameters = parameters
        self.parameterOrigins = parameterOrigins
        packs = Set(parameters.keys.compactMap { $0.split(separator: ".", maxSplits: 1).first.map(String.init) })
        self.regexMatchLimit = regexMatchLimit
        self.regexDepthLimit = regexDepthLimit
    }

    mutating func error(_ id: DiagnosticID, _ message: String, at span: SourceSpan, notes: [DiagnosticNote] = []) {
        diagnostics.append(.error(id, message, path: path, at: span, notes: notes))
    }

    /// The node for `op`, created if new. Its iteration slots are its operands' (a binding's own, a
    /// quantifier's less the one it binds).
    mutating func intern(_ op: PlanOp, text: String) -> Int {
        if let existing = index[op] {
            nodes[existing].users.insert(policy)
            return existing
        }
        var slots = Set<Int>()
        op.forEachOperand { slots.formUnion(nodes[$0].slots) }
        if case .binding(let slot) = op { slots.insert(slot) }
        if case .quantifier(_, let slot, _, _) = op { slots.remove(slot) }
        let id = nodes.count
        nodes.append(PlanNode(op: op, slots: slots, users: [policy], text: text))
        index[op] = id
        return id
    }

    /// The iteration slot for iterating `collection` at the current nesting depth.
    mutating func slot(for collection: Int) -> Int {
        let key = SlotKey(collection: collection, depth: scope.count(where: { $0.slot != nil }))
        if let slot = slotKeys[key] { return slot }
        let slot = slotCount
        slotCount += 1
        slotKeys[key] = slot
        return slot
    }

    mutating func pushBinding(_ name: String, slot: Int, over collection: Expr? = nil) {
        scope.append((name, slot, collection.flatMap(parameterKey), nil))
    }
    mutating func popBinding() { scope.removeLast() }

    /// `let name = value`: later uses of `name` are the value's node (until `popScope`).
    mutating func pushLet(_ name: String, value: (id: Int, type: ValueType)) {
        scope.append((name, nil, nil, value))
    }

    /// Forgets every name bound since the scope held `count` names (a policy's own, after it).
    mutating func popScope(to count: Int) { scope.removeLast(scope.count - count) }
    var scopeCount: Int { scope.count }
    /// Whether `name` is bound by a `for`, `any`/`all` or `let` in scope.
    func isBound(_ name: String) -> Bool { scope.contains { $0.name == name } }

    // MARK: Parameters

    /// The qualified name a `params.…` expression reads, if it is one: `params.NAME` is the file's
    /// own pack's; `params.PACK.NAME` another pack's when the own pack has no parameter `PACK`.
    func parameterKey(_ expr: Expr) -> String? {
        switch expr {
        case .field(.identifier("params", _), let name, _):
            return pack + "." + name
        case .field(.field(.identifier("params", _), let other, _), let name, _)
            where parameters[pack + "." + other] == nil && packs.contains(other):
            return other + "." + name
        default:
            return nil
        }
    }

    /// The parameter at `path` (`[name]` or `[pack, name]`), recorded as read by the policy; an
    /// unknown one is an error saying which packs do declare it.
    mutating func parameter(_ path: [String], span: SourceSpan) -> (key: String, literal: Literal)? {
        let key = path.count == 1 ? pack + "." + path[0] : path.joined(separator: ".")
        guard let literal = parameters[key] else {
            let name = path[path.count - 1]
            let elsewhere = parameters.keys.filter { $0.hasSuffix("." + name) && $0 != key }.sorted()
            var notes: [DiagnosticNote] = []
            if !elsewhere.isEmpty {
                notes.append(DiagnosticNote("parameters are scoped to their pack; declared as " + elsewhere.joined(separator: ", ")
                                            + ": read one as params.\(elsewhere[0])"))
            }
            error("policy.unknown-parameter", "unknown parameter '\(path.joined(separator: "."))' (pack '\(path.count == 1 ? pack : path[0])'); declare it with: param \(name) = …",
                  at: span, notes: notes)
            return nil
        }
        if !parametersRead.contains(key) { parametersRead.append(key) }
        return (key, literal)
    }

    // MARK: Expressions

    mutating func lower(_ expr: Expr) -> (id: Int, type: ValueType) {
        switch expr {
        case .string(let s, _): return (intern(.constant(.string(s)), text: quoted(s)), .string)
        case .number(let n, _): return (intern(.constant(.number(n)), text: Value.format(n)), .number)
        case .bool(let b, _): return (intern(.constant(.bool(b)), text: "\(b)"), .bool)
        case .null: return (intern(.constant(.null), text: "null"), .any)
        case .list(let items, let span):
            var literals: [Literal] = []
            var ids: [Int] = []
            for item in items {
                let (id, _) = lower(item)
                ids.append(id)
                if case .constant(let literal) = nodes[id].op { literals.append(literal) }
            }
            guard literals.count == items.count else {
                error("policy.non-constant-list", "list literals hold constants only (strings, numbers, booleans, parameters)", at: span)
                return (intern(.constant(.list([])), text: "[]"), .list)
            }
            return (intern(.constant(.list(literals)), text: "[" + ids.map { nodes[$0].text }.joined(separator: ", ") + "]"), .list)
        case .mapping(_, let span):
            guard let literal = PolicyCompiler.literal(expr) else {
                error("policy.non-constant-list", "mapping literals hold constants only (strings, numbers, booleans, lists, mappings)", at: span)
                return (intern(.constant(.null), text: "null"), .any)
            }
            return (intern(.constant(literal), text: literal.json), .any)
        case .identifier(let name, let span):
            return lowerIdentifier(name, span: span)
        case .field(let base, let name, let span):
            if case .identifier("params", _) = base, !isBound("params") {
                guard let (key, literal) = parameter([name], span: span) else {
                    return (intern(.constant(.null), text: "null"), .any)
                }
                return (intern(.constant(literal), text: "params.\(key)"), Lowering.type(of: literal))
            }
            if !isBound("params"), let key = parameterKey(expr), case .field(.field(_, let other, _), _, _) = expr, other + "." + name == key {
                guard let (key, literal) = parameter([other, name], span: span) else {
                    return (intern(.constant(.null), text: "null"), .any)
                }
                return (intern(.constant(literal), text: "params.\(key)"), Lowering.type(of: literal))
            }
            let (b, baseType) = lower(base)
            let resultType: ValueType
            switch baseType {
            case .image, .semver:
                let (fields, noun) = baseType == .image
                    ? (ValueType.imageFields, "an image reference") : (ValueType.semverFields, "a semantic version")
                guard let t = fields[name] else {
                    error("policy.unknown-field", "\(noun) has no field '\(name)'", at: span,
                          notes: [DiagnosticNote("fields: " + fields.keys.sorted().joined(separator: ", "))])
                    return (b, .any)
                }
                resultType = t
            case .bool, .number, .string:
                error("policy.type-mismatch", "a \(baseType.rawValue) has no field '\(name)'", at: span)
                return (b, .any)
            case .any, .list:
                resultType = .any
            }
            return (intern(.field(b, name), text: nodes[b].text + PortcullisManifest.Node.pathStep(name)), resultType)
        case .index(let base, let subscriptExpr, _):
            let (b, _) = lower(base)
            let (i, _) = lower(subscriptExpr)
            return (intern(.index(b, i), text: "\(nodes[b].text)[\(nodes[i].text)]"), .any)
        case .call(let name, let arguments, let span):
            return lowerCall(name, arguments, span: span)
        case .unary(let op, let operand, _):
            let (o, type) = lower(operand)
            switch op {
            case .not:
                requireCondition(type, operand.span)
                return (intern(.not(o), text: "not " + nodes[o].text), .bool)
            case .exists: return (intern(.exists(o), text: nodes[o].text + " exists"), .bool)
            case .missing: return (intern(.missing(o), text: nodes[o].text + " missing"), .bool)
            }
        case .binary(let op, let left, let right, _) where op == .and || op == .or:
            return lowerChain(op, [left, right])
        case .chain(let op, let operands, _):
            return lowerChain(op, operands)
        case .binary(let op, let left, let right, let span):
            return lowerBinary(op, left, right, span: span)
        case .quantifier(let quantifier, let variable, let collection, let body, _):
            let (c, collectionType) = lower(collection)
            if [.bool, .number, .image, .semver].contains(collectionType) {
                error("policy.type-mismatch", "'\(quantifier.rawValue)' iterates a list, not a \(collectionType.rawValue)", at: collection.span)
            }
            let s = slot(for: c)
            pushBinding(variable, slot: s, over: collection)
            let (b, bodyType) = lower(body)
            popBinding()
            requireCondition(bodyType, body.span)
            return (intern(.quantifier(quantifier, slot: s, collection: c, body: b),
                           text: "\(quantifier.rawValue) $\(s) in \(nodes[c].text): \(nodes[b].text)"), .bool)
        }
    }

    private mutating func lowerIdentifier(_ name: String, span: SourceSpan) -> (id: Int, type: ValueType) {
        if let binding = scope.last(where: { $0.name == name }) {
            if let value = binding.value { return value }
            return (intern(.binding(binding.slot!), text: "$\(binding.slot!)"), .any)
        }
        switch name {
        case "resource": return (intern(.root, text: "resource"), .any)
        case "pod": return (intern(.podSpec, text: "pod"), .any)
        case "pod_metadata": return (intern(.podMetadata, text: "pod_metadata"), .any)
        case "containers": return (intern(.allContainers, text: "containers"), .list)
        case "file": return (intern(.filePath, text: "file"), .string)
        case "params":
            error("policy.syntax", "use params.NAME to read a parameter", at: span)
            return (intern(.constant(.null), text: "null"), .any)
        default:
            let root = intern(.root, text: "resource")
            return (intern(.field(root, name), text: name), .any)
        }
    }

    private mutating func lowerCall(_ name: String, _ arguments: [Expr], span: SourceSpan) -> (id: Int, type: ValueType) {
        guard let builtin = Builtin(rawValue: name) else {
            error("policy.unknown-function", "unknown function '\(name)'", at: span,
                  notes: [DiagnosticNote("functions: " + Builtin.allCases.map(\.rawValue).joined(separator: ", "))])
            return (intern(.constant(.null), text: "null"), .any)
        }
        let function = builtin.function
        let lowered = arguments.map { lower($0) }
        guard function.arity.contains(arguments.count) else {
            error("policy.wrong-arguments", "\(name)() takes \(function.arity.lowerBound) argument\(function.arity.lowerBound == 1 ? "" : "s"), not \(arguments.count): \(function.signature)", at: span)
            return (intern(.constant(.null), text: "null"), function.resultType)
        }
        if let first = lowered.first, function.firstArgument.rejected.contains(first.type) {
            error("policy.type-mismatch", "\(name)() takes text, not a \(first.type.rawValue)", at: arguments[0].span)
        }
        let ids = lowered.map(\.id)
        return (intern(.call(builtin, ids), text: "\(name)(" + ids.map { nodes[$0].text }.joined(separator: ", ") + ")"),
                function.resultType)
    }

    private mutating func lowerBinary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, span: SourceSpan) -> (id: Int, type: ValueType) {
        if op == .and || op == .or { return lowerChain(op, [left, right]) }
        let (l, lt) = lower(left)
        switch op {
        case .and, .or:
            return lowerChain(op, [left, right])  // not reached: chains are lowered above
        case .matches:
            if case .string(let pattern, let patternSpan) = right {
                let p: Int
                if let known = regexIndex[pattern] {
                    p = known
                } else {
                    do throws(RegexError) {
                        regexes.append(try RegexPattern(pattern, matchLimit: regexMatchLimit, depthLimit: regexDepthLimit))
                        p = regexes.count - 1
                        regexIndex[pattern] = p
                    } catch {
                        if case .invalidPattern(let message, let offset) = error {
                            self.error("policy.invalid-regex", "invalid regular expression: \(message)",
                                       at: SourceSpan(start: SourceLocation(line: patternSpan.start.line, column: patternSpan.start.column + 1 + offset)))
                        }
                        return (intern(.constant(.bool(false)), text: "false"), .bool)
                    }
                }
                if [.bool, .list, .image, .semver].contains(lt) {
                    error("policy.type-mismatch", "'matches' tests text, not a \(lt.rawValue)", at: left.span)
                }
                return (intern(.regex(l, pattern: p), text: "\(nodes[l].text) matches \(quoted(pattern))"), .bool)
            }
            // A pattern from a parameter is known now: compile it now, so a bad one is an error
            // where the parameter is set, not a silent "no match" at run time.
            if let name = parameterKey(right), let literal = parameters[name] {
                checkParameterPatterns(name, literal)
            } else if case .identifier(let variable, _) = right, let binding = scope.last(where: { $0.name == variable }),
                      let name = binding.parameter, let literal = parameters[name] {
                checkParameterPatterns(name, literal)
            }
            let (r, _) = lower(right)
            return (intern(.regexDynamic(l, r), text: "\(nodes[l].text) matches \(nodes[r].text)"), .bool)
        case .in, .notIn:
            let (r, rt) = lower(right)
            if [.bool, .number, .image, .semver].contains(rt) {
                error("policy.type-mismatch", "'\(op.rawValue)' needs a list, a mapping or text on its right, not a \(rt.rawValue)", at: right.span)
            }
            return (intern(.member(l, r, negated: op == .notIn), text: "\(nodes[l].text) \(op.rawValue) \(nodes[r].text)"), .bool)
        default:
            let (r, rt) = lower(right)
            let ordering: Set<BinaryOperator> = [.less, .lessOrEqual, .greater, .greaterOrEqual]
            let known: Set<ValueType> = [.bool, .number, .string]
            if known.contains(lt) && known.contains(rt) && lt != rt {
                error("policy.type-mismatch", "comparing a \(lt.rawValue) with a \(rt.rawValue) is never true", at: span)
            } else if ordering.contains(op) {
                let unordered: Set<ValueType> = [.bool, .list, .image, .semver]
                if let bad = [lt, rt].first(where: unordered.contains) {
                    error("policy.type-mismatch", "'\(op.rawValue)' orders numbers or text, not a \(bad.rawValue)", at: span)
                }
            }
            return (intern(.compare(op, l, r), text: "\(nodes[l].text) \(op.rawValue) \(nodes[r].text)"), .bool)
        }
    }

    /// `a and b and …` / `a or b or …` as one node: operands lowered once each, nested chains of
    /// the same operator (parenthesised) flattened.
    private mutating func lowerChain(_ op: BinaryOperator, _ chain: [Expr]) -> (id: Int, type: ValueType) {
        var operands: [Int] = []
        operands.reserveCapacity(chain.count)
        for expr in chain {
            let (id, type) = lower(expr)
            requireCondition(type, expr.span)
            if op == .and, case .and(let inner) = nodes[id].op { operands += inner }
            else if op == .or, case .or(let inner) = nodes[id].op { operands += inner }
            else { operands.append(id) }
        }
        let text = operands.map { nodes[$0].text }.joined(separator: " \(op.rawValue) ")
        return (intern(op == .and ? .and(operands) : .or(operands), text: "(\(text))"), .bool)
    }

    /// Compiles the pattern (or list of patterns) a parameter holds; reports each bad one once,
    /// where the parameter's value is written.
    private mutating func checkParameterPatterns(_ name: String, _ literal: Literal) {
        guard !reportedParameterPatterns.contains(name) else { return }
        let patterns: [String]
        switch literal {
        case .string(let pattern): patterns = [pattern]
        case .list(let items): patterns = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default: return
        }
        for pattern in patterns {
            do throws(RegexError) {
                _ = try RegexPattern(pattern, matchLimit: regexMatchLimit, depthLimit: regexDepthLimit)
            } catch {
                guard case .invalidPattern(let message, let offset) = error else { continue }
                reportedParameterPatterns.insert(name)
                let text = "parameter '\(name.split(separator: ".", maxSplits: 1).last ?? "")': invalid regular expression '\(pattern)': \(message) (at offset \(offset))"
                switch parameterOrigins[name] {
                case .declared(let path, let span)?, .configured(let path, let span)?:
                    diagnostics.append(.error("config.invalid-parameter", text, path: path, at: span))
                case .commandLine?:
                    diagnostics.append(.error("config.invalid-parameter", "--param " + text))
                case nil:
                    diagnostics.append(.error("config.invalid-parameter", text))
                }
                return
            }
        }
    }

    private mutating func requireCondition(_ type: ValueType, _ span: SourceSpan) {
        if type != .bool && type != .any {
            error("policy.type-mismatch", "expected a condition, found a \(type.rawValue)", at: span)
        }
    }

    static func type(of literal: Literal) -> ValueType {
        switch literal {
        case .null: .any
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .list: .list
        case .mapping: .any
        }
    }

    private func quoted(_ s: String) -> String { "\"" + s + "\"" }
}
