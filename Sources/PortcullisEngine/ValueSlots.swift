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

/// Generation stamps of the evaluator's cache slots, over raw memory for the same reason as
/// `ValueSlots`: the hot loop reads and writes them for every plan node it touches.
final class StampSlots {
    private let base: UnsafeMutablePointer<UInt32>
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { base.deallocate() }

    @inline(__always)
    subscript(index: Int) -> UInt32 {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// Sets every stamp to 0.
    func reset() { base.update(repeating: 0, count: count) }
}
