import Logging
import ServiceLifecycle
import UnixSignals

/// Looks at the policy, configuration and certificate files every `interval` and reloads what
/// changed; SIGHUP reloads everything at once. Ends with graceful shutdown.
struct ReloadService: Service {
    let store: PolicyStore
    let certificates: CertificateStore?
    let interval: Duration
    let logger: Logger
    /// Whether SIGHUP triggers a reload (off in tests that run several servers in one process).
    var handlesSIGHUP = true

    func run() async throws {
        // Graceful shutdown cancels the loops: that is this service's normal end, not a failure
        // (a service that throws makes the process exit 1).
        do {
            try await loops()
        } catch is CancellationError {}
    }

    private func loops() async throws {
        try await cancelWhenGracefulShutdown {
            try await withThrowingTaskGroup(of: Void.self) { group in
                if handlesSIGHUP {
                    group.addTask {
                        for await _ in await UnixSignalsSequence(trapping: .sighup) {
                            logger.info("SIGHUP: reloading policies, configuration and certificate")
                            _ = await store.reload(force: true)
                            certificates?.reload(force: true)
                        }
                    }
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: interval)
                        _ = await store.reload()
                        certificates?.reload()
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
