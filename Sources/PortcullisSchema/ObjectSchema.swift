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

    package init(name: String, fields: [Field], allowsUnknownFields: Bool) {
        self.name = name
        self.fields = fields.sorted { $0.name < $1.name }
        self.allowsUnknownFields = allowsUnknownFields
        var byName: [String: Int] = [:]
        for (index, field) in self.fields.enumerated() { byName[field.name] = index }
        self.byName = byName
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
