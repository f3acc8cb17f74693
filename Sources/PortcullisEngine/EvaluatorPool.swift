import Foundation

/// Evaluators of one rule graph, made once and handed from file to file: making one allocates and
/// fills a cache slot per plan node (about 170,000 instructions with the default packs, as much
/// as evaluating a small file), and a run asks for one per file, two for a file the
/// cross-document rules read. An evaluator given back is `reset()` first, so the pool holds no
/// file's arena; at most `capacity` wait here, one per worker a run has at once.
package final class EvaluatorPool: @unchecked Sendable {
    private let graph: RuleGraph
    private let capacity: Int
    /// Guarded by `lock`: `Evaluator` holds classes of its own and is not `Sendable`; one is only
    /// ever used by the worker that took it.
    private var idle: [Evaluator] = []
    private let lock = NSLock()

    /// A pool for `graph` keeping at most `capacity` evaluators between uses.
    package init(graph: RuleGraph, capacity: Int = 2 * ProcessInfo.processInfo.activeProcessorCount) {
        self.graph = graph
        self.capacity = max(capacity, 1)
    }

    /// An evaluator as made, taken from the pool or new.
    package func take() -> Evaluator {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        return reused ?? Evaluator(graph: graph)
    }

    /// Gives `evaluator` back once its caller is done with it (its findings and problems read).
    package func giveBack(_ evaluator: consuming Evaluator) {
        var evaluator = evaluator
        evaluator.reset()
        lock.lock()
        defer { lock.unlock() }
        guard idle.count < capacity else { return }
        idle.append(evaluator)
    }

    /// How many evaluators wait in the pool (for tests).
    package var idleCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return idle.count
    }
}
