/// One of a finished arena's buffers (nodes, children, text) as `ManifestStorage` reads it: where
/// its elements are and how many. A buffer built on the heap keeps the `GrowableBuffer` that owns
/// its memory; one placed in a spill region keeps nothing (the storage keeps the region), so a
/// run's copies cost no object per buffer.
struct ArenaBuffer<Element: BitwiseCopyable>: @unchecked Sendable {  // read only once the storage is made
    let base: UnsafeMutablePointer<Element>
    let count: Int
    /// Owns the memory at `base` when it is on the heap; `nil` in a spill region.
    private let owner: GrowableBuffer<Element>?

    /// The elements of `buffer`, which it keeps alive.
    init(_ buffer: GrowableBuffer<Element>) {
        base = buffer.base
        count = buffer.count
        owner = buffer
    }

    /// `count` elements at `base` in a spill region, which the caller keeps alive.
    init(placedAt base: UnsafeMutablePointer<Element>, count: Int) {
        self.base = base
        self.count = count
        owner = nil
    }

    /// The elements of `buffer`, cut to size: placed in `region` when it takes them (`SpillRegion`;
    /// the caller keeps the region), else in a trimmed copy on the heap.
    static func kept(_ buffer: GrowableBuffer<Element>, spillingTo region: SpillRegion?) -> ArenaBuffer {
        guard let region, let placed = buffer.withUnsafeBytes({ region.place($0) }) else { return ArenaBuffer(buffer.trimmed()) }
        return ArenaBuffer(placedAt: placed.bindMemory(to: Element.self, capacity: buffer.count), count: buffer.count)
    }

    @inline(__always)
    subscript(index: Int) -> Element { base[index] }

    /// The buffer's bytes when it is placed in a spill region; `nil` on the heap.
    var placedBytes: UnsafeRawBufferPointer? {
        owner == nil ? UnsafeRawBufferPointer(start: base, count: count * MemoryLayout<Element>.stride) : nil
    }

    /// The elements as raw bytes.
    @inline(__always)
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        body(UnsafeRawBufferPointer(start: base, count: count * MemoryLayout<Element>.stride))
    }
}
