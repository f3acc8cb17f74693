/// An object type: its fields with their types, which of them are required, and whether fields it
/// does not declare are allowed.
package final class ObjectSchema: Sendable, Hashable {
    /// A declared field.
    package struct Field: Sendable, Hashable {
        package let name: String
        package let type: SchemaType
        package let required: Bool

        package init(name: String, type: SchemaType, required: Bool) {
            self.name = name
            self.type = type
            self.required = required
        }
    }

    /// The type's name (`core.v1.Container`; a custom resource's: its kind and path).
    package let name: String
    /// Fields sorted by name.
    package let fields: [Field]
    /// Whether fields not declared are accepted (`x-kubernetes-preserve-unknown-fields`).
    package let allowsUnknownFields: Bool
    private let byName: [String: Int]
    /// FNV-1a of each field name's UTF-8 → its index: lookups from bytes, making no `String`.
    private let byHash: [UInt64: Int]
    /// The required fields' indexes.
    package let requiredIndexes: [Int]

    package init(name: String, fields: [Field], allowsUnknownFields: Bool) {
        self.name = name
        let sorted = fields.sorted { $0.name < $1.name }
        self.fields = sorted
        self.allowsUnknownFields = allowsUnknownFields
        var byName: [String: Int] = [:]
        for (index, field) in sorted.enumerated() { byName[field.name] = index }
        self.byName = byName
        var byHash: [UInt64: Int] = [:]
        for (index, field) in sorted.enumerated() {
            var name = field.name
            byHash[name.withUTF8 { Self.hash(UnsafeRawBufferPointer($0)) }] = index
        }
        self.byHash = byHash
        requiredIndexes = sorted.indices.filter { sorted[$0].required }
    }

    /// The index in `fields` of the field whose name is these UTF-8 bytes, if declared.
    package func fieldIndex(utf8 bytes: UnsafeRawBufferPointer) -> Int? {
        guard let index = byHash[Self.hash(bytes)] else { return nil }
        var name = fields[index].name
        if name.withUTF8({ UnsafeRawBufferPointer($0).elementsEqual(bytes) }) { return index }
        // Two names with one hash (never seen): the names decide.
        return byName[String(decoding: bytes, as: UTF8.self)]
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The field called `name`, if declared.
    package func field(_ name: String) -> Field? { byName[name].map { fields[$0] } }

    /// The names of the required fields, sorted.
    package var requiredFields: [String] { fields.filter(\.required).map(\.name) }

    /// The last component of the name, for messages (`Container`).
    package var displayName: String {
        name.split(separator: ".").last.map(String.init) ?? name
    }

    package static func == (a: ObjectSchema, b: ObjectSchema) -> Bool { a === b }
    package func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
