import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest

/// The value of a policy parameter (`allowed_images`, `prod_namespaces`, …): text, a number, a
/// boolean, or lists and mappings of them. Literals work: `["ghcr.io/acme/*"]`, `3`, `true`.
public indirect enum ParameterValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    /// No value.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (integers too).
    case number(Double)
    /// Text.
    case string(String)
    /// A list of values.
    case list([ParameterValue])
    /// Keys in the order given.
    case mapping([(key: String, value: ParameterValue)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: ParameterValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, ParameterValue)...) { self = .mapping(elements.map { (key: $0.0, value: $0.1) }) }
    public init(nilLiteral: ()) { self = .null }

    public static func == (a: ParameterValue, b: ParameterValue) -> Bool { a.json == b.json }
    public func hash(into hasher: inout Hasher) { hasher.combine(json) }

    /// The value as JSON text.
    public var json: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.rounded() == n && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .string(let s): return Self.quoted(s)
        case .list(let items): return "[" + items.map(\.json).joined(separator: ",") + "]"
        case .mapping(let entries): return "{" + entries.map { Self.quoted($0.key) + ":" + $0.value.json }.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var writer = JSONWriter()
        writer.append(string: text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The engine's literal for this value.
    var literal: Literal {
        let file = ManifestLoader().load(SourceFile(path: "<parameter>", bytes: Array("{\"value\": \(json)}".utf8)))
        // The file holds the arena the node is in (a node does not) while it is read.
        return withExtendedLifetime(file) { file.resources.first?.root["value"].map(Literal.init) ?? .null }
    }

    /// The value a configuration file's node holds.
    init(_ literal: Literal) {
        switch literal {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n)
        case .string(let s): self = .string(s)
        case .list(let items): self = .list(items.map(ParameterValue.init))
        case .mapping(let entries): self = .mapping(entries.map { (key: $0.key, value: ParameterValue($0.value)) })
        }
    }
}
