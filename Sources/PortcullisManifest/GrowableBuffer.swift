/// An append-only buffer for the builder's hot path: no copy-on-write uniqueness check and no
/// bounds check per append, which a Swift `Array` pays on every `append`.
///
/// Mutated only by the one `ManifestBuilder` that creates it; once the builder hands it to a
/// `ManifestStorage` it is never mutated again, which is what makes sharing it across threads safe.
final class GrowableBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int
    /// For a buffer placed in a spill region (`kept(spillingTo:)`): the region, which holds its
    /// elements and outlives it; `nil` for one on the heap.
    private let region: SpillRegion?

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
        region = nil
    }

    /// A full buffer of `count` elements at `base`, in `region`.
    private init(placedAt base: UnsafeMutablePointer<Element>, count: Int, in region: SpillRegion) {
        self.base = base
        self.count = count
        capacity = count
        self.region = region
    }

    deinit {
        if region == nil { base.deallocate() }
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

    /// Appends `self[range]` of another buffer (or of this one).
    @inline(__always)
    func append(from other: GrowableBuffer<Element>, range: Range<Int>) {
        let n = range.count
        guard n > 0 else { return }
        if count + n > capacity { grow(minimum: count + n) }
        (base + count).update(from: other.base + range.lowerBound, count: n)
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

    /// A copy holding exactly the elements, placed in `region` when it takes them (`SpillRegion`),
    /// else on the heap (`trimmed()`). Never appended to again.
    func kept(spillingTo region: SpillRegion?) -> GrowableBuffer<Element> {
        guard let region, let placed = withUnsafeBytes({ region.place($0) }) else { return trimmed() }
        return GrowableBuffer(placedAt: placed.bindMemory(to: Element.self, capacity: count), count: count, in: region)
    }

    private func grow(minimum: Int) {
        precondition(region == nil, "a buffer placed in a spill region is never appended to")
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
