import Dispatch
import Logging
import Synchronization

/// Holds the snapshot every request reads, and swaps in a new one when a reload succeeds. Reading
/// is one lock and one reference; reloads compile on a queue of their own, one at a time, so
/// request threads never wait for a compilation.
final class PolicyStore: Sendable {
    private let state: Mutex<State>
    private let options: ServerOptions
    private let metrics: ServerMetrics
    private let logger: Logger
    private let queue = DispatchQueue(label: "portcullis.reload")

    private struct State {
        var snapshot: PolicySnapshot
        /// The fingerprint of the last attempt, successful or not: an unchanged broken set is not
        /// tried again every second.
        var attempted: FileFingerprint
        var lastFailure: String?
    }

    /// The result of one reload.
    enum ReloadResult: Sendable, Equatable {
        /// Nothing changed since the last attempt.
        case unchanged
        /// The new set is in use.
        case reloaded(generation: Int)
        /// The new set was refused; the old one keeps serving.
        case refused(String)
    }

    /// Loads the first snapshot; a problem stops the start (there is nothing to serve).
    init(options: ServerOptions, metrics: ServerMetrics, logger: Logger) throws(LoadFailure) {
        let snapshot = try PolicySnapshot.load(options, generation: 1)
        self.options = options
        self.metrics = metrics
        self.logger = logger
        state = Mutex(State(snapshot: snapshot, attempted: snapshot.fingerprint))
        announce(snapshot)
    }

    /// The snapshot in use.
    var current: PolicySnapshot { state.withLock { $0.snapshot } }

    /// Why the last reload was refused, while no later one succeeded.
    var lastFailure: String? { state.withLock { $0.lastFailure } }

    /// Reloads when a watched file changed since the last attempt (or always, when `force`: SIGHUP).
    func reload(force: Bool = false) async -> ReloadResult {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.reloadNow(force: force)) }
        }
    }

    private func reloadNow(force: Bool) -> ReloadResult {
        let (current, attempted) = state.withLock { ($0.snapshot, $0.attempted) }
        // The files as the current snapshot lists them (when the configuration names other
        // folders, the load looks at those).
        var now = FileFingerprint(options.configurationPath.map { [$0] } ?? [])
        now.add(options.policyPaths.isEmpty ? current.configuration?.policyPaths ?? [] : options.policyPaths)
        if !force && now == attempted { return .unchanged }
        do throws(LoadFailure) {
            let next = try PolicySnapshot.load(options, generation: current.generation + 1)
            state.withLock { state in
                state.snapshot = next
                state.attempted = next.fingerprint
                state.lastFailure = nil
            }
            metrics.reloaded(success: true)
            announce(next)
            return .reloaded(generation: next.generation)
        } catch {
            let reason = error.description
            state.withLock { state in
                state.attempted = now
                state.lastFailure = reason
            }
            metrics.reloaded(success: false)
            logger.error("policy reload refused; the previous set keeps serving", metadata: [
                "generation": "\(current.generation)", "problems": "\(reason)",
            ])
            return .refused(reason)
        }
    }

    private func announce(_ snapshot: PolicySnapshot) {
        metrics.policySet(policies: snapshot.admissionPolicies.policies.count, crossDocumentSkipped: snapshot.skippedCrossDocument.count)
        logger.info("\(snapshot.summary)")
        for warning in snapshot.warnings { logger.warning("\(warning)") }
    }
}
