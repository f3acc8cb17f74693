/// Fixed-size storage of values for the evaluator's per-node cache and iteration bindings: a class
/// over raw memory, so writes never trigger an array's copy-on-write check (or copy).
/// Owned by one `Evaluator`, which is used by one thread at a time.
final class ValueSlots {
    private let base: UnsafeMutablePointer<Value>
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: .absent, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    subscript(index: Int) -> Value {
        get { base[index] }
        set { base[index] = newValue }
    }
}
