extension Array {
    /// Moves the elements into an allocation of their size when growth left much spare room (more
    /// than an eighth): a run keeps every file's findings until it reports them, and an array grown
    /// one document at a time holds up to twice what it needs.
    mutating func shrinkToFit() {
        guard capacity - count > Swift.max(4, count / 8) else { return }
        guard !isEmpty else {
            self = []
            return
        }
        self = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
