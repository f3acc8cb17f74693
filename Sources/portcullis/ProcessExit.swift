import Synchronization

/// What a command keeps alive until the process exits, so it is never freed piece by piece just
/// before `exit` returns the whole address space at once.
enum ProcessExit {
    private static let kept = Mutex<[any Sendable]>([])

    /// Keeps `value` until the process exits.
    static func keepUntilExit(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
