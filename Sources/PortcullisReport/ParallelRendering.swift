import Dispatch

/// Renders parts of a report on every core, results in the order of the parts.
enum ParallelRendering {
    /// Below this many parts, one thread does it all (a thread costs more than it saves).
    static let minimumParts = 8

    static func map<Part: Sendable, Rendered>(_ parts: [Part], empty: Rendered, _ render: @Sendable (Part) -> Rendered) -> [Rendered] {
        guard parts.count >= minimumParts else { return parts.map(render) }
        var results = [Rendered](repeating: empty, count: parts.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: parts.count) { index in
                slots[index] = render(parts[index])
            }
        }
        return results
    }
}
