/// Fixed-size storage for the evaluator's per-node cache, generation stamps and iteration bindings:
/// a class over raw memory, so the hot loop's writes never pay an array's copy-on-write check (or
/// copy). Owned by one `Evaluator`, which is used by one thread at a time.
final class Slots<Element> {
    private let base: UnsafeMutablePointer<Element>
    private let initial: Element
    let count: Int

    init(count: Int, initial: Element) {
        self.count = count
        self.initial = initial
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: initial, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// Puts every slot back to its initial value.
    func reset() { base.update(repeating: initial, count: count) }
}
