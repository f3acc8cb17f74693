/// A value with named fields made by a built-in (a schema violation: `v.kind`, `v.message`,
/// `v.path`, `v.at`). Fields are few, so a list is looked up faster than a dictionary.
package struct Record: Sendable {
    package var fields: [(name: String, value: Value)]

    package init(_ fields: [(name: String, value: Value)]) { self.fields = fields }

    /// The field called `name`; missing when there is none.
    package subscript(name: String) -> Value {
        fields.first { $0.name == name }?.value ?? .absent
    }

    /// `{kind: type, message: …}` for messages.
    var display: String {
        "{" + fields.map { "\($0.name): \($0.value.display)" }.joined(separator: ", ") + "}"
    }
}
