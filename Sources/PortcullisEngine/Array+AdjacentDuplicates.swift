extension Array {
    /// Keeps the first of each run of neighbours `equal` calls the same (on a sorted array: one of
    /// each value), in place.
    mutating func removeAdjacentDuplicates(by equal: (Element, Element) -> Bool) {
        var kept = 0
        for index in indices where kept == 0 || !equal(self[index], self[kept - 1]) {
            swapAt(kept, index)
            kept += 1
        }
        removeLast(count - kept)
    }
}
