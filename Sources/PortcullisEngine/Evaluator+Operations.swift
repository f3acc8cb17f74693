import PortcullisLanguage
import PortcullisManifest

extension Evaluator {
    /// `base.name`: a child of a mapping, a field of an image reference or version; missing otherwise.
    static func field(_ base: Value, _ name: String) -> Value {
        switch base {
        case .node(let node):
            if node.kind == .mapping, let child = node[name] { return .node(child) }
            return .missing(parent: node, key: name)
        case .missing: return base
        case .image(let image):
            switch name {
            case "registry": return .string(image.registry)
            case "repository": return .string(image.repository)
            case "name": return .string(image.name)
            case "tag": return image.tag.map(Value.string) ?? .absent
            case "digest": return image.digest.map(Value.string) ?? .absent
            case "untagged": return .bool(image.untagged)
            case "pinned": return .bool(image.pinned)
            case "original": return .string(image.original)
            default: return .absent
            }
        case .semver(let version):
            switch name {
            case "valid": return .bool(version.valid)
            case "strict": return .bool(version.strict)
            case "major": return version.valid ? .number(Double(version.major)) : .absent
            case "minor": return version.valid ? .number(Double(version.minor)) : .absent
            case "patch": return version.valid ? .number(Double(version.patch)) : .absent
            case "prerelease": return version.prerelease.map(Value.string) ?? .absent
            case "build": return version.build.map(Value.string) ?? .absent
            case "original": return .string(version.original)
            default: return .absent
            }
        default:
            return .absent
        }
    }

    /// A built-in on its arguments (`second` is `.absent` for one-argument functions).
    static func call(_ builtin: Builtin, _ first: Value, _ second: Value) -> Value {
        let arguments = (first, second)
        switch builtin {
        case .image: return first.stringValue.map { .image(ImageReference($0)) } ?? .absent
        case .semver: return first.stringValue.map { .semver(SemanticVersion($0)) } ?? .absent
        case .quantity: return first.stringValue.flatMap(Quantity.parse).map(Value.number) ?? .absent
        case .base64decode:
            guard let text = first.stringValue, let bytes = Base64.decode(text) else { return .absent }
            return .string(String(decoding: bytes, as: UTF8.self))
        case .len, .count:
            if let elements = first.elements { return .number(Double(elements.count)) }
            if case .node(let node) = first, node.kind == .mapping { return .number(Double(node.count)) }
            if let text = first.stringValue { return .number(Double(text.count)) }
            return .number(0)
        case .lower: return first.stringValue.map { .string($0.lowercased()) } ?? .absent
        case .upper: return first.stringValue.map { .string($0.uppercased()) } ?? .absent
        case .trim: return first.stringValue.map { .string($0.trimmingSpaces) } ?? .absent
        case .startsWith:
            guard let text = first.stringValue, let prefix = arguments.1.stringValue else { return .bool(false) }
            return .bool(text.hasPrefix(prefix))
        case .endsWith:
            guard let text = first.stringValue, let suffix = arguments.1.stringValue else { return .bool(false) }
            return .bool(text.hasSuffix(suffix))
        case .contains: return .bool(Self.contains(first, arguments.1))
        case .split:
            guard let text = first.stringValue, let separator = arguments.1.stringValue, !separator.isEmpty else { return .absent }
            return .list(text.split(separator: separator, omittingEmptySubsequences: false).map { .string(String($0)) })
        case .keys, .values:
            guard case .node(let node) = first, node.kind == .mapping else { return .list([]) }
            return .list(node.entries.map { builtin == .keys ? .string($0.key.scalarText ?? "") : .node($0.value) })
        case .default: return first.exists ? first : arguments.1
        case .string: return first.stringValue.map(Value.string) ?? (first.exists ? .string(first.display) : .absent)
        case .number:
            let resolved = first.resolved
            if case .number = resolved { return resolved }
            return first.stringValue.flatMap { Double($0) }.map(Value.number) ?? .absent
        case .glob:
            guard let text = first.stringValue, let pattern = arguments.1.stringValue else { return .bool(false) }
            return .bool(Wildcard.matches(text, pattern))
        case .flatten:
            guard let elements = first.elements, let name = arguments.1.stringValue else { return .list([]) }
            return .list(elements.flatMap { field($0, name).elements ?? [] })
        case .ratio:
            guard case .number(let a) = first.resolved, case .number(let b) = arguments.1.resolved, b != 0 else { return .absent }
            return .number(a / b)
        case .concat: return .string((first.stringValue ?? "") + (arguments.1.stringValue ?? ""))
        case .selects: return .bool(LabelSelector.selects(first, arguments.1))
        case .podLabels: return LabelSelector.podLabels(first)
        case .resources, .workloads, .customResources: return .absent  // answered by the evaluator, which holds the input set
        }
    }

    /// Equality with a shortcut for the commonest case, a document string against text: the bytes are
    /// compared in place.
    static func fastEqual(_ a: Value, _ b: Value) -> Bool {
        if case .node(let node) = a, node.kind == .scalar, node.scalarType == .string, case .string(let text) = b {
            return node.scalarTextEquals(text)
        }
        if case .node(let node) = b, node.kind == .scalar, node.scalarType == .string, case .string(let text) = a {
            return node.scalarTextEquals(text)
        }
        return Value.equal(a, b)
    }

    /// `needle in haystack`: an element of a list, a key of a mapping, or a substring of text.
    static func contains(_ haystack: Value, _ needle: Value) -> Bool {
        let needle = needle.resolved
        if case .list(let elements) = haystack { return elements.contains { fastEqual($0, needle) } }
        if let elements = haystack.elements { return elements.contains { fastEqual($0, needle) } }
        if case .node(let node) = haystack, node.kind == .mapping, let key = needle.stringValue { return node[key] != nil }
        if let text = haystack.stringValue, let part = needle.stringValue { return text.contains(part) }
        return false
    }

    static func compare(_ op: BinaryOperator, _ left: Value, _ right: Value) -> Bool {
        switch op {
        case .equal: return fastEqual(left, right) || (left.isNullish && right.isNullish)
        case .notEqual: return !(fastEqual(left, right) || (left.isNullish && right.isNullish))
        default:
            let l = left.resolved, r = right.resolved
            let order: Int?
            switch (l, r) {
            case (.number(let a), .number(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
            case (.string(let a), .string(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
            default: order = nil
            }
            guard let order else { return false }
            switch op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            default: return false
            }
        }
    }
}

extension Value {
    /// Missing and null compare equal to each other (an absent field is `== null`).
    var isNullish: Bool { !exists }
}

