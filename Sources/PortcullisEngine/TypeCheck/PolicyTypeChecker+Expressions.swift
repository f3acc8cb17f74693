import PortcullisDiagnostics
import PortcullisLanguage
import PortcullisSchema

extension PolicyTypeChecker {
    /// The type of `expression`, reporting what is wrong in it. Constructs without a rule here are
    /// dynamic (their parts are still checked where they are expressions this knows).
    mutating func type(of expression: Expr) -> CheckedType {
        switch expression {
        case .string: return .plain(.string)
        case .number: return .plain(.number)
        case .bool: return .plain(.bool)
        case .list(let items, _):
            let types = items.map { type(of: $0) }
            if let first = types.first?.knownScalar, types.allSatisfy({ $0.knownScalar == first }) { return .list(.plain(first)) }
            return .plain(.list)
        case .mapping(let entries, _):
            for entry in entries { _ = type(of: entry.value) }
            return .dynamic
        case .identifier(let name, let span):
            return identifier(name, span: span)
        case .field(.identifier("params", _), let name, _):
            guard let literal = parameters[name] else { return .dynamic }
            return Self.type(of: literal)
        case .field(let base, let name, let span):
            return field(name, of: type(of: base), base: base, span: span)
        case .index(let base, let subscriptExpression, let span):
            let baseType = type(of: base)
            let subscriptType = type(of: subscriptExpression)
            switch baseType {
            case .list(let element): return element
            case .map(let value): return value
            case .object:
                if case .string(let name, _) = subscriptExpression { return field(name, of: baseType, base: base, span: span) }
                _ = subscriptType
                return .dynamic
            default: return .dynamic
            }
        case .call(let name, let arguments, _):
            return call(name, arguments)
        case .unary(let op, let operand, _):
            let operandType = type(of: operand)
            if op == .not, !operandType.isConditionLike, isSchemaTyped(operandType) {
                error("policy.type-mismatch", "'not' needs a condition, found \(operandType.noun)", at: operand.span)
            }
            return .plain(.bool)
        case .binary(let op, let left, let right, let span):
            if op == .and || op == .or { return chain(op, [left, right]) }
            return binary(op, left, right, span: span)
        case .chain(let op, let operands, _):
            return chain(op, operands)
        case .quantifier(let quantifier, let variable, let collection, let body, let span):
            let element = elementType(of: type(of: collection))
            if let outer = scope.last(where: { $0.name == variable }) {
                warning("policy.shadowed-variable",
                        "'\(quantifier.rawValue) \(variable)' shadows the variable '\(variable)' bound at line \(outer.span.start.line): inside, '\(variable)' is the inner one",
                        at: span)
            }
            scope.append((variable, element, span, false))
            let bodyType = type(of: body)
            let bound = scope.removeLast()
            if !bound.used, variable != "_" {
                warning("policy.unused-variable", "'\(quantifier.rawValue) \(variable)' never uses '\(variable)': the condition is the same for every element",
                        at: span)
            }
            if !bodyType.isConditionLike, isSchemaTyped(bodyType) {
                error("policy.type-mismatch", "'\(quantifier.rawValue)' needs a condition, found \(bodyType.noun)", at: body.span)
            }
            return .plain(.bool)
        default:
            // `null`, and constructs this pass has no rule for (added to the language later): dynamic.
            return .dynamic
        }
    }

    private mutating func identifier(_ name: String, span: SourceSpan) -> CheckedType {
        if let index = scope.lastIndex(where: { $0.name == name }) {
            scope[index].used = true
            return scope[index].type
        }
        switch name {
        case "resource": return root
        case "pod": return schemaType(kind: "Pod", apiVersion: "v1", path: ["spec"])
        case "pod_metadata": return schemaType(kind: "Pod", apiVersion: "v1", path: ["metadata"])
        case "containers": return schemaType(kind: "Pod", apiVersion: "v1", path: ["spec", "containers"])
        case "file": return .plain(.string)
        case "params": return .dynamic
        // SOPS keeps its metadata beside the fields of any resource it encrypts.
        case "sops": return .dynamic
        default:
            return field(name, of: root, base: nil, span: span)
        }
    }

    /// `base.name` on a value of type `baseType`.
    private mutating func field(_ name: String, of baseType: CheckedType, base: Expr?, span: SourceSpan) -> CheckedType {
        switch baseType {
        case .object(let objects):
            let found = objects.compactMap { $0.field(name) }
            if found.isEmpty {
                if objects.contains(where: \.allowsUnknownFields) { return .dynamic }
                let owner = base == nil && !rootKinds.isEmpty ? rootKinds.joined(separator: " / ") : objects.map(\.displayName).uniqued().joined(separator: " / ")
                let candidates = Set(objects.flatMap { $0.fields.map(\.name) }).union(base == nil ? scope.map(\.name) : [])
                var notes: [DiagnosticNote] = []
                if base == nil, let variable = scope.last {
                    notes.append(DiagnosticNote("a bare name is a field of the resource; the loop variable is '\(variable.name)'"))
                }
                let suggestion = NameSuggestion.nearest(to: name, among: candidates)
                error("policy.unknown-field", "\(owner) has no field '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                      at: span, notes: notes)
                return .dynamic
            }
            return CheckedType.union(found.map { CheckedType($0.type, in: schema) })
        case .map(let value):
            return value
        case .plain(.image):
            return ValueType.imageFields[name].map { .plain($0) } ?? .dynamic
        case .plain(.semver):
            return ValueType.semverFields[name].map { .plain($0) } ?? .dynamic
        case .scalar(let scalar, _):
            error("policy.type-mismatch", "\(CheckedType.scalar(scalar, allowed: []).noun) has no field '\(name)'", at: span)
            return .dynamic
        case .list(let element):
            // A field of a list is not a field of its elements: iterate it.
            if case .object = element {
                error("policy.type-mismatch", "\(baseType.noun) has no field '\(name)'; iterate it: any x in …: x.\(name)", at: span)
            }
            return .dynamic
        default:
            return .dynamic
        }
    }

    private mutating func call(_ name: String, _ arguments: [Expr]) -> CheckedType {
        let types = arguments.map { type(of: $0) }
        guard let builtin = Builtin(rawValue: name) else { return .dynamic }
        switch builtin {
        case .default:
            guard types.count == 2 else { return .dynamic }
            if case .dynamic = types[0] { return types[1] }
            return types[0]
        case .flatten:
            guard types.count == 2, case .list(let element) = types[0], case .string(let field, let span) = arguments[1] else {
                return .plain(.list)
            }
            let fieldType = self.field(field, of: element, base: arguments[0], span: span)
            if case .list(let inner) = fieldType { return .list(inner) }
            return .plain(.list)
        case .values:
            if let first = types.first, case .map(let value) = first { return .list(value) }
            return .plain(.list)
        case .keys:
            return .list(.plain(.string))
        case .podLabels:
            return .map(.plain(.string))
        default:
            let result = builtin.function.resultType
            return result == .any ? .dynamic : (result == .list ? .plain(.list) : .plain(result))
        }
    }

    private mutating func chain(_ op: BinaryOperator, _ operands: [Expr]) -> CheckedType {
        for operand in operands {
            let operandType = type(of: operand)
            if !operandType.isConditionLike, isSchemaTyped(operandType) {
                error("policy.type-mismatch", "'\(op.rawValue)' joins conditions, found \(operandType.noun): compare it, or test it with 'exists'",
                      at: operand.span)
            }
        }
        return .plain(.bool)
    }

    private mutating func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, span: SourceSpan) -> CheckedType {
        let leftType = type(of: left), rightType = type(of: right)
        switch op {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            // Only a typed field against a value of another known type: two literals are the lowering's.
            if let l = leftType.knownScalar, let r = rightType.knownScalar, l != r,
               leftType.schemaScalar != nil || rightType.schemaScalar != nil {
                let (field, other) = leftType.schemaScalar != nil ? (left, rightType) : (right, leftType)
                let fieldType = leftType.schemaScalar != nil ? leftType : rightType
                error("policy.type-mismatch",
                      "'\(Self.text(of: field))' is \(fieldType.noun) in the schema; comparing it with \(other.noun) is never true",
                      at: span)
            } else if op == .equal || op == .notEqual {
                checkEnumeration(leftType, right)
                checkEnumeration(rightType, left)
            }
        case .in, .notIn:
            if let l = leftType.schemaScalar, case .list(let element) = rightType, let r = element.knownScalar, l != r, element.schemaScalar == nil {
                error("policy.type-mismatch", "'\(Self.text(of: left))' is \(leftType.noun) in the schema; a list of \(CheckedType.plain(r).noun) never holds it",
                      at: span)
            }
        default:
            break
        }
        return .plain(.bool)
    }

    /// `imagePullPolicy == "always"`: a literal outside the field's enumeration never matches.
    private mutating func checkEnumeration(_ fieldType: CheckedType, _ other: Expr) {
        guard case .scalar(.string, let allowed) = fieldType, !allowed.isEmpty, case .string(let value, let span) = other,
              !value.isEmpty, !allowed.contains(value) else { return }
        let suggestion = NameSuggestion.nearest(to: value, among: allowed)
        error("policy.type-mismatch", "\"\(value)\" is not a value this field takes (\(allowed.joined(separator: ", ")))"
              + (suggestion.map { "; did you mean \"\($0)\"?" } ?? ""), at: span)
    }

    static func type(of literal: Literal) -> CheckedType {
        switch literal {
        case .null, .mapping: return .dynamic
        case .bool: return .plain(.bool)
        case .number: return .plain(.number)
        case .string: return .plain(.string)
        case .list(let items):
            let types = items.map(type(of:))
            if let first = types.first?.knownScalar, types.allSatisfy({ $0.knownScalar == first }) { return .list(.plain(first)) }
            return .plain(.list)
        }
    }

    /// A short rendering of a field path for messages: `spec.replicas`.
    static func text(of expression: Expr) -> String {
        switch expression {
        case .identifier(let name, _): return name
        case .field(let base, let name, _): return text(of: base) + "." + name
        case .index(let base, _, _): return text(of: base) + "[…]"
        case .call(let name, _, _): return name + "(…)"
        default: return "the value"
        }
    }
}
