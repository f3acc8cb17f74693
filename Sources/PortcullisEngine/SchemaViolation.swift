import PortcullisManifest

/// One way a resource departs from its schema: what kind of departure, a message naming the path,
/// and the node a finding points at (the key of an unknown field, the value of a wrong type, the
/// mapping missing a required field).
package struct SchemaViolation: Sendable {
    /// The classes of violation; the `schema` pack has one policy per class.
    package enum Kind: String, Sendable, CaseIterable {
        /// A field the schema does not declare (`imagePullpolicy`).
        case unknownField = "unknown-field"
        /// A value of the wrong type (`replicas: "3"`).
        case type
        /// A required field absent (a container without `name`).
        case required
        /// A value outside an enumeration (`imagePullPolicy: Sometimes`).
        case enumValue = "enum"
        /// A kind Kubernetes knows, at an apiVersion it does not serve (`extensions/v1beta1`).
        case apiVersion = "api-version"
    }

    package let kind: Kind
    package let message: String
    /// Where, as a path from the resource (`spec.template.spec.containers[0].imagePullpolicy`).
    package let path: String
    /// What a finding points at: `.node` of the offending key or value, or `.missing` in the mapping
    /// that lacks a field.
    package let target: Value

    /// The violation as a language value: `kind`, `message`, `path`, `at`.
    var record: Value {
        .record(Record([("kind", .string(kind.rawValue)), ("message", .string(message)), ("path", .string(path)), ("at", target)]))
    }
}
