import PortcullisDiagnostics
import PortcullisManifest

/// A value during evaluation.
///
/// Document data stays a `Node` (so a finding can point at it) until an operation needs its scalar;
/// a path that leads nowhere is `missing`, remembering the nearest node and the key it looked for, so
/// `at` can point where the field belongs.
package enum Value: Sendable {
    case missing(parent: Node?, key: MissingKey?)
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case node(Node)
    case list([Value])
    /// Resources of the run (a cross-document lookup), held as their places: a list of their roots.
    case resources(ResourceList)
    case image(ImageReference)
    case semver(SemanticVersion)
    /// Named fields made by a built-in (`schemaViolations`).
    case record(Record)

    static let absent = Value.missing(parent: nil, key: nil)

    /// The value with document scalars turned into plain values (`node` stays for collections).
    var resolved: Value {
        guard case .node(let node) = self, node.kind == .scalar else { return self }
        switch node.scalarType {
        case .null: return .null
        case .bool: return .bool(node.bool ?? false)
        case .int, .float: return node.double.map(Value.number) ?? .string(node.scalarText ?? "")
        case .string: return .string(node.scalarText ?? "")
        }
    }

    /// Whether the value counts as present for `exists`: not missing and not null.
    var exists: Bool {
        switch self {
        case .missing, .null: return false
        case .node(let node): return !node.isNull
        default: return true
        }
    }

    /// Truthiness for conditions: only `true` is true.
    var isTrue: Bool {
        switch self {
        case .bool(let b): return b
        case .node(let node): return node.bool == true
        default: return false
        }
    }

    /// The text of a string, number or boolean, a document scalar as `resolved` reads it (read
    /// from the node here: `resolved` would copy the value or make another first).
    var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return Value.format(n)
        case .bool(let b): return b ? "true" : "false"
        case .node(let node) where node.kind == .scalar:
            switch node.scalarType {
            case .null: return nil
            case .bool: return node.bool == true ? "true" : "false"
            case .int, .float: return node.double.map(Value.format) ?? node.scalarText ?? ""
            case .string: return node.scalarText ?? ""
            }
        default: return nil
        }
    }

    /// Elements when the value is a sequence or a list; `nil` otherwise.
    var elements: [Value]? {
        switch self {
        case .list(let values): return values
        case .resources(let list): return Array(list)
        case .node(let node) where node.kind == .sequence: return node.elements.map(Value.node)
        default: return nil
        }
    }

    /// The most bytes of JSON a collection shows in a message.
    static let displayLimit = 4096

    static func format(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    }

    /// Text shown in messages.
    var display: String {
        switch self {
        case .missing: return "<missing>"
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return Value.format(n)
        case .string(let s): return s
        case .node(let node):
            if node.kind == .scalar { return node.scalarText ?? "" }
            // A collection quoted in a message: its JSON, cut at `displayLimit` bytes (aliases can
            // make a small file stand for gigabytes of it).
            var writer = JSONWriter()
            if writer.append(node, maxBytes: Self.displayLimit) { return String(decoding: writer.bytes, as: UTF8.self) }
            return String(decoding: writer.bytes.prefix(Self.displayLimit), as: UTF8.self) + "…"
        case .list(let values): return "[" + values.map(\.display).joined(separator: ", ") + "]"
        case .resources(let list): return "[" + list.map(\.display).joined(separator: ", ") + "]"
        case .image(let image): return image.original
        case .semver(let version): return version.original
        case .record(let record): return record.display
        }
    }
}

extension Value {
    /// Equality as the language defines it: numbers by value, strings by text, collections deeply.
    /// Collections are compared with an explicit stack of pairs, so documents as deep as a raised
    /// `--max-depth` allows compare without recursion.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        // Scalars (the common case) compare without allocating the stack.
        if let shallow = scalarEqual(a.resolved, b.resolved) { return shallow }
        var pending: [(Value, Value)] = [(a, b)]
        while let (x, y) = pending.popLast() {
            let (rx, ry) = (x.resolved, y.resolved)
            if let shallow = scalarEqual(rx, ry) {
                if !shallow { return false }
                continue
            }
            if let xs = rx.elements, let ys = ry.elements {
                guard xs.count == ys.count else { return false }
                for (u, v) in zip(xs, ys).reversed() { pending.append((u, v)) }
                continue
            }
            if case .node(let m) = rx, case .node(let n) = ry, m.kind == .mapping, n.kind == .mapping {
                guard m.count == n.count else { return false }
                for entry in m.entries.reversed() {
                    guard let key = entry.key.scalarText, let other = n[key] else { return false }
                    pending.append((.node(entry.value), .node(other)))
                }
                continue
            }
            return false
        }
        return true
    }

    /// Equality of two resolved values when neither is a collection; `nil` when one is.
    private static func scalarEqual(_ x: Value, _ y: Value) -> Bool? {
        switch (x, y) {
        case (.missing, .missing), (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.image(let x), .image(let y)): return x.original == y.original
        case (.semver(let x), .semver(let y)): return x.original == y.original
        case (.list, _), (_, .list), (.resources, _), (_, .resources): return nil
        case (.node(let n), _) where n.kind != .scalar: return nil
        case (_, .node(let n)) where n.kind != .scalar: return nil
        default: return false
        }
    }
}
