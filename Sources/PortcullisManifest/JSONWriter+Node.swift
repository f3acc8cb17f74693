import PortcullisDiagnostics

/// Nodes as JSON text, the way Kubernetes would see them after its YAML-to-JSON step.
///
/// Integers are written in decimal (`0x1F` → `31`), floats as JSON numbers, `.inf`/`.nan` (which
/// JSON cannot hold) as strings; keys keep their source text. The tree is walked with an explicit
/// stack, so a document nested as deep as the loader's `maxDepth` allows is written without
/// recursion.
extension JSONWriter {
    /// Appends a node and everything under it.
    package mutating func append(_ node: Node) {
        node.storage.text.withUnsafeBytes { text in
            _ = write(node.storage, node.index, text, limit: Int.max)
        }
    }

    /// Appends a node unless its JSON (aliases expanded: a small file can stand for terabytes of
    /// it) would pass `maxBytes`; then stops early and returns `false`, the output cut short.
    package mutating func append(_ node: Node, maxBytes: Int) -> Bool {
        let limit = bytes.count > Int.max - maxBytes ? Int.max : bytes.count + maxBytes
        return node.storage.text.withUnsafeBytes { text in
            write(node.storage, node.index, text, limit: limit)
        }
    }

    /// An open mapping or sequence: the next child slot and the end of its children.
    private struct Frame {
        var cursor: Int
        let end: Int
        let isMapping: Bool
    }

    private mutating func write(_ storage: ManifestStorage, _ root: Int32, _ text: UnsafeRawBufferPointer, limit: Int) -> Bool {
        var stack: [Frame] = []
        var next: Int32? = root
        while true {
            if bytes.count > limit { return false }
            if let index = next {
                next = nil
                let record = storage.nodes[Int(index)]
                switch record.kind {
                case .mapping:
                    beginObject()
                    stack.append(Frame(cursor: Int(record.first), end: Int(record.first) + Int(record.count) * 2, isMapping: true))
                case .sequence:
                    beginArray()
                    stack.append(Frame(cursor: Int(record.first), end: Int(record.first + record.count), isMapping: false))
                case .scalar:
                    writeScalar(record.scalarType, UnsafeRawBufferPointer(rebasing: text[Int(record.first)..<Int(record.first + record.count)]))
                }
            }
            guard var frame = stack.last else { return bytes.count <= limit }
            if frame.cursor == frame.end {
                stack.removeLast()
                if frame.isMapping { endObject() } else { endArray() }
                continue
            }
            if frame.isMapping {
                let key = storage.nodes[Int(storage.children[frame.cursor])]
                if key.kind == .scalar {
                    self.key(utf8: UnsafeRawBufferPointer(rebasing: text[Int(key.first)..<Int(key.first + key.count)]))
                } else {
                    self.key("")
                }
                next = storage.children[frame.cursor + 1]
                frame.cursor += 2
            } else {
                next = storage.children[frame.cursor]
                frame.cursor += 1
            }
            stack[stack.count - 1] = frame
        }
    }

    private mutating func writeScalar(_ type: ScalarType, _ value: UnsafeRawBufferPointer) {
        switch type {
        case .null:
            appendNull()
        case .bool:
            append(bool: ScalarResolver.boolValue(value))
        case .int:
            if Self.isCanonicalDecimal(value) {
                append(valueText: value)
            } else if let integer = ScalarResolver.parseGoInteger(value) {
                appendValueText(integer.decimalText)
            } else {
                append(stringUTF8: value)
            }
        case .float:
            if Self.isJSONNumber(value) {
                append(valueText: value)
            } else if let double = ScalarResolver.doubleValue(value), double.isFinite {
                appendValueText("\(double)")
            } else {
                append(stringUTF8: value)
            }
        case .string:
            append(stringUTF8: value)
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

    private mutating func appendValueText(_ text: String) {
        var text = text
        text.withUTF8 { append(valueText: UnsafeRawBufferPointer($0)) }
    }
}
