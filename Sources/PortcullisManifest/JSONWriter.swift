/// Writes nodes as JSON text, the way Kubernetes would see them after its YAML-to-JSON step.
///
/// Integers are written in decimal (`0x1F` → `31`), floats as JSON numbers, `.inf`/`.nan` (which
/// JSON cannot hold) as strings; keys keep their source text. Output goes into a byte buffer.
package struct JSONWriter: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init() {}

    /// Appends raw UTF-8 text.
    package mutating func append(raw text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends a JSON string literal.
    package mutating func append(string text: String) {
        var text = text
        text.withUTF8 { appendEscaped(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a node and everything under it.
    package mutating func append(_ node: Node) {
        node.storage.text.withUnsafeBytes { text in
            write(node.storage, node.index, text)
        }
    }

    private mutating func write(_ storage: ManifestStorage, _ index: Int32, _ text: UnsafeRawBufferPointer) {
        let record = storage.nodes[Int(index)]
        switch record.kind {
        case .mapping:
            bytes.append(UInt8(ascii: "{"))
            var cursor = Int(record.first)
            let end = cursor + Int(record.count) * 2
            while cursor < end {
                if cursor != Int(record.first) { bytes.append(UInt8(ascii: ",")) }
                let key = storage.nodes[Int(storage.children[cursor])]
                if key.kind == .scalar {
                    appendEscaped(UnsafeRawBufferPointer(rebasing: text[Int(key.first)..<Int(key.first + key.count)]))
                } else {
                    bytes.append(contentsOf: "\"\"".utf8)
                }
                bytes.append(UInt8(ascii: ":"))
                write(storage, storage.children[cursor + 1], text)
                cursor += 2
            }
            bytes.append(UInt8(ascii: "}"))
        case .sequence:
            bytes.append(UInt8(ascii: "["))
            for cursor in Int(record.first)..<Int(record.first + record.count) {
                if cursor != Int(record.first) { bytes.append(UInt8(ascii: ",")) }
                write(storage, storage.children[cursor], text)
            }
            bytes.append(UInt8(ascii: "]"))
        case .scalar:
            let value = UnsafeRawBufferPointer(rebasing: text[Int(record.first)..<Int(record.first + record.count)])
            writeScalar(record.scalarType, value)
        }
    }

    private mutating func writeScalar(_ type: ScalarType, _ value: UnsafeRawBufferPointer) {
        switch type {
        case .null:
            bytes.append(contentsOf: "null".utf8)
        case .bool:
            bytes.append(contentsOf: (ScalarResolver.boolValue(value) ? "true" : "false").utf8)
        case .int:
            if Self.isCanonicalDecimal(value) {
                bytes.append(contentsOf: value)
            } else if let integer = ScalarResolver.parseGoInteger(value) {
                bytes.append(contentsOf: integer.decimalText.utf8)
            } else {
                appendEscaped(value)
            }
        case .float:
            if Self.isJSONNumber(value) {
                bytes.append(contentsOf: value)
            } else if let double = ScalarResolver.doubleValue(value), double.isFinite {
                bytes.append(contentsOf: "\(double)".utf8)
            } else {
                appendEscaped(value)
            }
        case .string:
            appendEscaped(value)
        }
    }

    /// `0` or `-?[1-9][0-9]*`.
    private static func isCanonicalDecimal(_ s: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        if i < s.count && s[i] == UInt8(ascii: "-") { i += 1 }
        guard i < s.count else { return false }
        if s[i] == UInt8(ascii: "0") { return i + 1 == s.count }
        while i < s.count {
            guard s[i] >= UInt8(ascii: "0") && s[i] <= UInt8(ascii: "9") else { return false }
            i += 1
        }
        return true
    }

    /// JSON's number grammar.
    private static func isJSONNumber(_ s: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = s.count
        func digits() -> Int {
            let start = i
            while i < n && s[i] >= UInt8(ascii: "0") && s[i] <= UInt8(ascii: "9") { i += 1 }
            return i - start
        }
        if i < n && s[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n else { return false }
        if s[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return false }
        if i < n && s[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { return false }
        }
        if i < n && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-")) { i += 1 }
            if digits() == 0 { return false }
        }
        return i == n
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendEscaped(_ s: UnsafeRawBufferPointer) {
        bytes.append(UInt8(ascii: "\""))
        for byte in s {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\\"))
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
