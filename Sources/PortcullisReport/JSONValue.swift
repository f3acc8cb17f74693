import PortcullisDiagnostics

/// A JSON document built in memory (SARIF), written through `JSONWriter` with keys sorted and
/// two-space indentation: several times faster than `JSONSerialization` over `[String: Any]`,
/// which bridges every value. Its depth is the depth the code building it gives it.
indirect enum JSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    /// A part written straight into the writer (a long array), in its place in the document.
    case written((inout JSONWriter) -> Void)

    /// The document as indented text with a final newline.
    var text: String {
        var writer = JSONWriter(style: .indented, capacity: 1 << 16)
        write(into: &writer)
        writer.append(raw: "\n")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    func write(into writer: inout JSONWriter) {
        switch self {
        case .written(let write): write(&writer)
        case .string(let s): writer.append(string: s)
        case .int(let n): writer.append(int: n)
        case .bool(let b): writer.append(bool: b)
        case .array(let items):
            writer.beginArray()
            for item in items { item.write(into: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                writer.key(key)
                value.write(into: &writer)
            }
            writer.endObject()
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
