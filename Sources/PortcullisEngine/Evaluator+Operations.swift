import PortcullisDiagnostics
import PortcullisLanguage
import PortcullisManifest

extension Evaluator {
    /// `base` followed along `path`, a key at a time (`field(_:_:)`): what the lookup indexes read of
    /// each resource (a selector, a compared field) and what they hand a quantifier's body.
    static func field(_ base: Value, path: [String]) -> Value {
        path.reduce(base) { field($0, $1) }
    }

    /// `base.name`: a child of a mapping, a field of an image reference or version; missing otherwise,
    /// remembered by `missingKey` (`nil`: the lookups and built-ins that read values of other
    /// documents, which no finding points into, number no name).
    static func field(_ base: Value, _ name: String, missingKey: MissingKey? = nil) -> Value {
        switch base {
        case .node(let node):
            if node.kind == .mapping, let child = node[name] { return .node(child) }
            return .missing(parent: node, key: missingKey)
        case .missing: return base
        case .record(let record): return record[name]
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

    /// Equality with shortcuts for the common cases, text against text: a document string against
    /// text or another document string has its bytes compared in place, and plain values compare
    /// without first being copied as `Value.equal`'s resolved values.
    static func fastEqual(_ a: Value, _ b: Value) -> Bool {
        switch a {
        case .string(let x):
            if case .string(let y) = b { return x == y }
            if case .node(let node) = b, node.kind == .scalar, node.scalarType == .string { return node.scalarTextEquals(x) }
        case .node(let m) where m.kind == .scalar && m.scalarType == .string:
            if case .string(let y) = b { return m.scalarTextEquals(y) }
            if case .node(let n) = b, n.kind == .scalar, n.scalarType == .string, let same = sameText(m, n) { return same }
        case .number(let x):
            if case .number(let y) = b { return x == y }
            if case .node(let node) = b, let same = numberEquals(node, x) { return same }
        case .bool(let x):
            if case .bool(let y) = b { return x == y }
            if case .node(let node) = b, let same = boolEquals(node, x) { return same }
        case .missing:
            // A missing value resolves to itself; nothing else resolves to one.
            if case .missing = b { return true }
            return false
        case .node(let node) where node.kind == .scalar:
            if case .number(let y) = b, let same = numberEquals(node, y) { return same }
            if case .bool(let y) = b, let same = boolEquals(node, y) { return same }
        default:
            break
        }
        if case .missing = b { return false }
        return Value.equal(a, b)
    }

    /// How `a` stands to `b`: -1, 0 or 1; `nil` when one is not a number (`.nan` in a manifest),
    /// which no ordering holds for.
    private static func order(_ a: Double, _ b: Double) -> Int? {
        if a.isNaN || b.isNaN { return nil }
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    /// A number, or a document number as `Value.resolved` reads it; `nil` for anything else (a
    /// number whose text does not parse included).
    private static func number(_ value: Value) -> Double? {
        switch value {
        case .number(let n): return n
        case .node(let node) where node.kind == .scalar && (node.scalarType == .int || node.scalarType == .float): return node.double
        default: return nil
        }
    }

    /// Whether a document number equals `number`, read from the node as `Value.resolved` reads it
    /// (a number whose text does not parse is text, equal to no number); `nil` for another node.
    private static func numberEquals(_ node: PortcullisManifest.Node, _ number: Double) -> Bool? {
        guard node.kind == .scalar, node.scalarType == .int || node.scalarType == .float else { return nil }
        return node.double == number
    }

    /// Whether a document boolean equals `bool`, read as `Value.resolved` reads it; `nil` for another node.
    private static func boolEquals(_ node: PortcullisManifest.Node, _ bool: Bool) -> Bool? {
        guard node.kind == .scalar, node.scalarType == .bool else { return nil }
        return (node.bool ?? false) == bool
    }

    /// Whether two document strings are equal, told from their bytes when that is certain: equal
    /// bytes, or different ASCII bytes; `nil` otherwise (text that is not ASCII is compared as
    /// `String`s, whose equality is Unicode's).
    private static func sameText(_ m: PortcullisManifest.Node, _ n: PortcullisManifest.Node) -> Bool? {
        m.withScalarBytes { x in
            n.withScalarBytes { y -> Bool? in
                if x.count == y.count && (x.isEmpty || bytesEqual(x.baseAddress!, y.baseAddress!, count: x.count)) { return true }
                return x.isASCII && y.isASCII ? false : nil
            }
        }
    }

    /// `needle in haystack`: an element of a list, a key of a mapping, or a substring of text.
    static func contains(_ haystack: Value, _ needle: Value) -> Bool {
        let needle = needle.resolved
        if case .list(let elements) = haystack { return elements.contains { fastEqual($0, needle) } }
        if case .resources(let list) = haystack { return list.contains { fastEqual($0, needle) } }
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
            let order: Int?
            if let a = number(left), let b = number(right) {
                // Numbers (`default(spec.replicas, 1) >= 2`) compared as read, with no resolved copies.
                order = Self.order(a, b)
            } else {
                switch (left.resolved, right.resolved) {
                case (.number(let a), .number(let b)): order = Self.order(a, b)
                case (.string(let a), .string(let b)): order = a < b ? -1 : (a == b ? 0 : 1)
                default: order = nil
                }
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

