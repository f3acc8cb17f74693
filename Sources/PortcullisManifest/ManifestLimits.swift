/// Bounds that keep bad or hostile input from costing unbounded time or memory.
package struct ManifestLimits: Sendable, Hashable {
    /// Files larger than this many bytes are not read (default 64 MiB).
    package var maxFileBytes: Int
    /// Mappings and sequences nested deeper than this stop the file (default 256).
    package var maxDepth: Int
    /// A document whose aliases expand it past this many nodes is rejected as a YAML bomb (default 1,000,000).
    package var maxExpandedNodes: Int
    /// Stop collecting diagnostics of one kind in one file after this many (default 20).
    package var maxRepeatedDiagnostics: Int
    /// A file with more YAML documents than this stops there (default 100,000): ten million tiny
    /// documents in a file under the size limit would otherwise cost gigabytes of bookkeeping.
    package var maxDocuments: Int

    package init(
        maxFileBytes: Int = 64 << 20,
        maxDepth: Int = 256,
        maxExpandedNodes: Int = 1_000_000,
        maxRepeatedDiagnostics: Int = 20,
        maxDocuments: Int = 100_000,
        projection: ManifestProjection? = nil
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxExpandedNodes = maxExpandedNodes
        self.maxRepeatedDiagnostics = maxRepeatedDiagnostics
        self.maxDocuments = maxDocuments
        self.projection = projection
    }

    /// Top-level fields to leave unbuilt, by kind (`nil`: build everything).
    package var projection: ManifestProjection?

    /// The defaults.
    package static let standard = ManifestLimits()
}
