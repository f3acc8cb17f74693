/// The three shapes of a YAML node.
package enum NodeKind: UInt8, Sendable, BitwiseCopyable {
    case scalar
    case mapping
    case sequence
}

/// The type a scalar resolves to, following the rules Kubernetes applies when it turns YAML into
/// JSON (YAML 1.1 as go-yaml v2 reads it); see `docs/yaml.md`.
package enum ScalarType: UInt8, Sendable, BitwiseCopyable {
    case null
    case bool
    case int
    case float
    case string
}

/// How a scalar was written in the source.
package enum ScalarStyle: UInt8, Sendable, BitwiseCopyable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}
