import Synchronization

/// Evaluators of one rule graph, made once and handed from file to file: making one allocates and
/// fills a cache slot per plan node (about 170,000 instructions with the default packs, as much
/// as evaluating a small file), and a run asks for one per file, two for a file the
/// cross-document rules read. An evaluator given back is `reset()` first, so the pool holds no
/// file's arena. A run has as many at once as it has workers; at most `capacity` wait here.
package final class EvaluatorPool: Sendable {
    /// An evaluator waiting in the pool: only ever used by the one worker that took it.
    private struct Idle: @unchecked Sendable {
        var evaluator: Evaluator
    }

    private let graph: RuleGraph
    private let capacity: Int
    private let idle = Mutex<[Idle]>([])

    /// A pool for `graph` keeping at most `capacity` evaluators between uses.
    package init(graph: RuleGraph, capacity: Int = 64) {
        self.graph = graph
        self.capacity = max(capacity, 1)
    }

    /// An evaluator as made, taken from the pool or new.
    package func take() -> Evaluator {
        idle.withLock { $0.popLast() }?.evaluator ?? Evaluator(graph: graph)
    }

    /// Gives `evaluator` back once its caller is done with it (its findings and problems read).
    package func giveBack(_ evaluator: consuming Evaluator) {
        // Moved, not copied, at each step: a copy of an evaluator counts a reference to each of
        // its dozens of buffers.
        var returned: Idle? = Idle(evaluator: consume evaluator)
        returned!.evaluator.reset()
        idle.withLock { waiting in
            if waiting.count < capacity, let kept = returned.take() { waiting.append(consume kept) }
        }
    }

    /// How many evaluators wait in the pool (for tests).
    package var idleCount: Int { idle.withLock { $0.count } }
}
