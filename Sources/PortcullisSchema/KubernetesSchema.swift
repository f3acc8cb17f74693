import Synchronization

/// The Kubernetes schema: every built-in kind at each apiVersion, with its object types.
///
/// Read from a compact text table (format in scripts/generate-kubernetes-schema.py), which the
/// binary carries (`embedded`). Reading it is lazy twice over: nothing is read until the schema is
/// first used (a policy's type check, the `schema` pack), and then only the kind lines and an
/// index of the type lines; each object type is decoded when first reached, once.
package final class KubernetesSchema: Sendable {
    /// The table built into the binary (schemas/kubernetes.schema, as EmbeddedSchemaTable.swift).
    package static let embedded: KubernetesSchema = {
        do {
            return try KubernetesSchema(table: EmbeddedSchemaTable.bytes)
        } catch {
            // The table is generated and checked by the tests; a broken one is a build defect.
            fatalError("embedded Kubernetes schema: \(error)")
        }
    }()

    /// The Kubernetes release the table describes (`1.37.0`).
    package let kubernetesVersion: String
    /// Every kind at every apiVersion, sorted by kind then apiVersion.
    package let kinds: [KindSchema]
    private let kindIndex: [String: [Int]]
    private let table: [UInt8]
    /// Byte range of each type line's text (after `T `).
    private let typeLines: [Range<Int>]
    /// The table's line number of the first type line (for errors).
    private let firstTypeLine: Int
    private let decoded: Mutex<[ObjectSchema?]>

    /// Reads a table; a malformed header or kind line is an error (type lines are checked when
    /// decoded: `validateAll()` checks every one).
    package init(table bytes: [UInt8]) throws(SchemaTableError) {
        table = bytes
        var lines: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(start..<offset)
            start = offset + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        guard let header = lines.first.map({ String(decoding: bytes[$0], as: UTF8.self) }),
              header.hasPrefix("portcullis-schema 1 ") else {
            throw SchemaTableError(line: 1, "not a Portcullis schema table (format 1)")
        }
        let attributes = Dictionary(header.split(separator: " ").dropFirst(2).compactMap { item -> (String, String)? in
            let parts = item.split(separator: "=", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }, uniquingKeysWith: { a, _ in a })
        kubernetesVersion = attributes["kubernetes"] ?? "unknown"
        var kinds: [KindSchema] = []
        var typeLines: [Range<Int>] = []
        var firstTypeLine = 0
        for (number, range) in lines.enumerated().dropFirst() where !range.isEmpty {
            let prefix = bytes[range.lowerBound]
            if prefix == UInt8(ascii: "K") {
                let parts = String(decoding: bytes[range], as: UTF8.self).split(separator: " ")
                guard parts.count == 5, let type = Int(parts[4]), parts[3] == "n" || parts[3] == "c" else {
                    throw SchemaTableError(line: number + 1, "a kind line is `K KIND APIVERSION n|c TYPE`")
                }
                kinds.append(KindSchema(kind: String(parts[1]), apiVersion: String(parts[2]), namespaced: parts[3] == "n", type: .table(type)))
            } else if prefix == UInt8(ascii: "T"), range.count > 2 {
                if typeLines.isEmpty { firstTypeLine = number + 1 }
                typeLines.append((range.lowerBound + 2)..<range.upperBound)
            } else {
                throw SchemaTableError(line: number + 1, "a line starts with K or T")
            }
        }
        for kind in kinds {
            if case .table(let index) = kind.type, index >= typeLines.count {
                throw SchemaTableError(line: 1, "kind \(kind.kind) refers to type \(index), past the last (\(typeLines.count - 1))")
            }
        }
        self.kinds = kinds
        self.typeLines = typeLines
        self.firstTypeLine = firstTypeLine
        var kindIndex: [String: [Int]] = [:]
        for (index, kind) in kinds.enumerated() { kindIndex[kind.kind, default: []].append(index) }
        self.kindIndex = kindIndex
        groups = Set(kinds.map(\.group))
        decoded = Mutex(Array(repeating: nil, count: typeLines.count))
    }

    /// Reads a table held in a static string (the embedded one).
    package convenience init(table: StaticString) throws(SchemaTableError) {
        let bytes = table.withUTF8Buffer { Array($0) }
        try self.init(table: bytes)
    }

    /// The schema of `kind` at `apiVersion`; `nil` when the table has no such pair.
    package func kind(_ kind: String, apiVersion: String) -> KindSchema? {
        kindIndex[kind]?.lazy.map { self.kinds[$0] }.first { $0.apiVersion == apiVersion }
    }

    /// Every apiVersion the table has for `kind` (empty: not a Kubernetes kind).
    package func versions(of kind: String) -> [KindSchema] {
        kindIndex[kind]?.map { kinds[$0] } ?? []
    }

    /// Whether `kind` is one of Kubernetes' own.
    package func isKnownKind(_ kind: String) -> Bool { kindIndex[kind] != nil }

    /// The names of every kind, sorted.
    package var kindNames: [String] { kindIndex.keys.sorted() }

    /// The API groups Kubernetes' own kinds belong to (`""`, `apps`, `batch`, …).
    package let groups: Set<String>

    /// The object type `reference` names, decoded on first use.
    package func object(_ reference: ObjectReference) -> ObjectSchema {
        switch reference {
        case .inline(let object): return object
        case .table(let index):
            if let known = decoded.withLock({ $0[index] }) { return known }
            let object: ObjectSchema
            do {
                object = try decodeType(index)
            } catch {
                fatalError("Kubernetes schema: \(error)")  // validateAll() in the tests rules this out
            }
            return decoded.withLock { cache in
                if let raced = cache[index] { return raced }
                cache[index] = object
                return object
            }
        }
    }

    /// Decodes every type line: the tests' proof that `object(_:)` never meets a malformed one.
    package func validateAll() throws(SchemaTableError) {
        for index in typeLines.indices { _ = try decodeType(index) }
    }

    // MARK: Decoding

    private func decodeType(_ index: Int) throws(SchemaTableError) -> ObjectSchema {
        let line = firstTypeLine + index
        let items = table[typeLines[index]].split(separator: UInt8(ascii: "\t"))
        guard items.count >= 2 else { throw SchemaTableError(line: line, "a type line is `T NAME FLAGS FIELD...`") }
        let name = String(decoding: items[0], as: UTF8.self)
        let lenient = items[1].first == UInt8(ascii: "+")
        var fields: [ObjectSchema.Field] = []
        fields.reserveCapacity(items.count - 2)
        for item in items.dropFirst(2) {
            var text = Substring(String(decoding: item, as: UTF8.self))
            let required = text.first == "!"
            if required { text = text.dropFirst() }
            guard let colon = text.firstIndex(of: ":") else { throw SchemaTableError(line: line, "field '\(text)' has no type") }
            var reference = text[text.index(after: colon)...]
            let type = try parseType(&reference, line: line)
            guard reference.isEmpty else { throw SchemaTableError(line: line, "unexpected '\(reference)' after the type of \(text[..<colon])") }
            fields.append(ObjectSchema.Field(name: String(text[..<colon]), type: type, required: required))
        }
        return ObjectSchema(name: name, fields: fields, allowsUnknownFields: lenient)
    }

    private func parseType(_ text: inout Substring, line: Int) throws(SchemaTableError) -> SchemaType {
        guard let first = text.popFirst() else { throw SchemaTableError(line: line, "a type is missing") }
        switch first {
        case "s":
            guard text.first == "=" else { return .string(allowed: []) }
            text = text.dropFirst()
            let values = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            text = text[text.endIndex...]
            return .string(allowed: values)
        case "i": return .integer
        case "n": return .number
        case "b": return .boolean
        case "x": return .intOrString
        case "q": return .quantity
        case "*": return .any
        case "@":
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            text = text.dropFirst(digits.count)
            guard let index = Int(digits), index < typeLines.count else {
                throw SchemaTableError(line: line, "'@\(digits)' names no type line")
            }
            return .object(.table(index))
        case "[":
            var keys: [String] = []
            if text.first == "<" {
                guard let close = text.firstIndex(of: ">") else { throw SchemaTableError(line: line, "list-map keys are not closed") }
                keys = text[text.index(after: text.startIndex)..<close].split(separator: ",").map(String.init)
                text = text[text.index(after: close)...]
            }
            return .list(try parseType(&text, line: line), mapKeys: keys)
        case "{":
            return .map(try parseType(&text, line: line))
        default:
            throw SchemaTableError(line: line, "unknown type '\(first)'")
        }
    }
}
