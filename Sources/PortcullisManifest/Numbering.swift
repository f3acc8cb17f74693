/// Elements numbered in the order they are first met, each held once and found again by its key:
/// a table of names, of arenas, of shared parts, where the number is what is stored.
package struct Numbering<Key: Hashable, Element> {
    private var numbers: [Key: Int32] = [:]
    /// Every element numbered so far, by number.
    package private(set) var elements: [Element] = []

    package init() {}

    /// The number of the element `key` stands for; the first time, `element()` is held under the
    /// next number.
    package mutating func number(of key: Key, _ element: @autoclosure () -> Element) -> Int32 {
        if let number = numbers[key] { return number }
        let number = Int32(elements.count)
        elements.append(element())
        numbers[key] = number
        return number
    }
}

extension Numbering: Sendable where Key: Sendable, Element: Sendable {}
