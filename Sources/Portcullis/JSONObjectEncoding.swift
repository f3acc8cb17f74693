import PortcullisDiagnostics

/// JSON text of JSON-compatible values held as `Any` (`Validator.validate(object:)`), without
/// Foundation: dictionaries with string keys, arrays, strings, booleans, integers, finite floating
/// point numbers, and `nil`. Values that come from `JSONSerialization` are Foundation objects
/// (`NSNumber`, `NSNull`); they cast to Swift's numbers, except that a boolean `NSNumber` casts to a
/// number too and `NSNull` to nothing, so those two are told by their class's name.
enum JSONObjectEncoding {
    /// The compact JSON text of `value`, or `nil` when something in it is not JSON.
    static func bytes(of value: Any) -> [UInt8]? {
        var writer = JSONWriter(style: .compact)
        guard write(value, into: &writer, depth: 0) else { return nil }
        return writer.bytes
    }

    /// Deeper than this is refused (a cycle through reference types, or a hostile object).
    static let maxDepth = 512

    private static func write(_ value: Any, into writer: inout JSONWriter, depth: Int) -> Bool {
        guard depth <= maxDepth else { return false }
        let className = String(describing: type(of: value))
        if className == "NSNull" || isNil(value) {
            writer.appendNull()
            return true
        }
        if let flag = value as? Bool, type(of: value) == Bool.self || className == "__NSCFBoolean" {
            writer.append(bool: flag)
            return true
        }
        if let text = value as? String {
            writer.append(string: text)
            return true
        }
        // A decimal number keeps its digits (its description is the exact decimal).
        if className == "NSDecimalNumber" {
            let text = String(describing: value)
            return Self.isJSONNumber(text) && appendNumber(text, into: &writer)
        }
        if let integer = value as? Int {
            writer.append(int: integer)
            return true
        }
        // Above `Int.max`: an `NSNumber` casts to `UInt64` (not to `any BinaryInteger`).
        if let integer = value as? UInt64 {
            return appendNumber(String(integer), into: &writer)
        }
        if let integer = value as? any BinaryInteger {
            return appendNumber(String(describing: integer), into: &writer)
        }
        if let number = value as? Float, type(of: value) == Float.self {
            return number.isFinite && appendNumber(Self.text(of: Double(number), shortest: String(describing: number)), into: &writer)
        }
        if let number = value as? Double {
            return number.isFinite && appendNumber(Self.text(of: number, shortest: String(describing: number)), into: &writer)
        }
        if let number = value as? any BinaryFloatingPoint {
            let double = Double(number)
            return double.isFinite && appendNumber(Self.text(of: double, shortest: String(describing: number)), into: &writer)
        }
        if let members = value as? [String: Any] {
            writer.beginObject()
            for key in members.keys.sorted() {
                writer.key(key)
                guard write(members[key]!, into: &writer, depth: depth + 1) else { return false }
            }
            writer.endObject()
            return true
        }
        if let items = value as? [Any] {
            writer.beginArray()
            for item in items {
                guard write(item, into: &writer, depth: depth + 1) else { return false }
            }
            writer.endArray()
            return true
        }
        return false
    }

    /// A whole number below 2^53 as an integer (`2`, not `2.0`, as `JSONSerialization` writes it);
    /// any other as the shortest text that reads back as the same value of its own type.
    private static func text(of number: Double, shortest: String) -> String {
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 { return String(Int(number)) }
        return shortest
    }

    /// Whether `text` is a JSON number (`NSDecimalNumber` describes NaN as `NaN`).
    private static func isJSONNumber(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || "-+.eE".utf8.contains($0) }
    }

    private static func appendNumber(_ text: String, into writer: inout JSONWriter) -> Bool {
        var text = text
        text.withUTF8 { writer.append(valueText: UnsafeRawBufferPointer($0)) }
        return true
    }

    /// Whether `value` is an `Optional` holding nothing (`[String: Any?]` members).
    private static func isNil(_ value: Any) -> Bool {
        guard let optional = value as? any OptionalProtocol else { return false }
        return optional.isNone
    }
}

private protocol OptionalProtocol {
    var isNone: Bool { get }
}

extension Optional: OptionalProtocol {
    var isNone: Bool { self == nil }
}
