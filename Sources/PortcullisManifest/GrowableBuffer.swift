/// An append-only buffer for the builder's hot path: no copy-on-write uniqueness check and no
/// bounds check per append, which a Swift `Array` pays on every `append`.
///
/// Mutated only by the one builder or copier that creates it (`ManifestBuilder`, the copier of
/// `ManifestStorage.copying`, whose own scratch buffer never leaves it); once handed to a
/// `ManifestStorage` it is never mutated again, which is what makes sharing it across threads safe.
final class GrowableBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow(minimum: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    func append(contentsOf source: UnsafeRawBufferPointer) where Element == UInt8 {
        let n = source.count
        guard n > 0 else { return }
        if count + n > capacity { grow(minimum: count + n) }
        if n <= 16 {
            // Most scalars are short: a loop beats a call to memmove.
            let target = base + count
            for index in 0..<n { target[index] = source[index] }
        } else {
            UnsafeMutableRawPointer(base + count).copyMemory(from: source.baseAddress!, byteCount: n)
        }
        count += n
    }

    /// Appends `self[range]` of another buffer (or of this one: room is made first, so the
    /// elements are read from where they are after growing).
    @inline(__always)
    func append(from other: GrowableBuffer<Element>, range: Range<Int>) {
        if count + range.count > capacity { grow(minimum: count + range.count) }
        append(from: other.base, range: range)
    }

    /// Appends `self[range]` of a finished arena's buffer.
    @inline(__always)
    func append(from other: ArenaBuffer<Element>, range: Range<Int>) {
        append(from: other.base, range: range)
    }

    @inline(__always)
    private func append(from start: UnsafeMutablePointer<Element>, range: Range<Int>) {
        let n = range.count
        guard n > 0 else { return }
        if count + n > capacity { grow(minimum: count + n) }
        (base + count).update(from: start + range.lowerBound, count: n)
        count += n
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// Drops every element from `index` on.
    @inline(__always)
    func truncate(to index: Int) { count = index }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    /// The elements as raw bytes.
    @inline(__always)
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        body(UnsafeRawBufferPointer(start: base, count: count * MemoryLayout<Element>.stride))
    }

    /// A copy holding exactly the elements (for a buffer kept long after it is filled).
    func trimmed() -> GrowableBuffer<Element> {
        let copy = GrowableBuffer(capacity: count)
        copy.base.update(from: base, count: count)
        copy.count = count
        return copy
    }

    private func grow(minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
