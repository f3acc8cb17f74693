/// One node of the arena, 32 bytes, stored contiguously in `ManifestStorage.nodes`.
///
/// For a scalar, `first`/`count` locate its text in `ManifestStorage.text`; for a container they
/// locate its children in `ManifestStorage.children` (a mapping's children are key, value pairs and
/// `count` is the number of pairs). Lines and columns are 1-based; columns count Unicode scalars.
struct NodeRecord: Sendable, BitwiseCopyable {
    var kind: NodeKind
    var scalarType: ScalarType
    var style: ScalarStyle
    var flags: UInt8
    var first: Int32
    var count: Int32
    /// For a scalar used as a mapping key: its interned key id; otherwise -1.
    var atom: Int32
    var startLine: Int32
    var startColumn: Int32
    var endLine: Int32
    var endColumn: Int32

    /// The mapping is large enough to have a hash index in `ManifestStorage.mappingIndex`.
    static let indexedFlag: UInt8 = 1
    /// A null put in place of a node that could not be read (an unknown alias); no further errors about it.
    static let placeholderFlag: UInt8 = 2
    /// A null put in place of a top-level subtree the projection left unbuilt.
    static let skippedFlag: UInt8 = 4
}
