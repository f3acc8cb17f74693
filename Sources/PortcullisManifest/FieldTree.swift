/// The parts of a document something reads, as a tree of field names: a subtree read whole, the
/// keys of a mapping read one by one, the elements of a sequence. What is not in the tree can be
/// let go (`ManifestStorage.copying`).
package struct FieldTree: Sendable, Equatable {
    /// Everything below is read (a value compared, shown, handed to a function).
    package var whole = false
    /// The mapping keys read, each with what is read of its value.
    package var keys: [String: FieldTree] = [:]
    /// What is read of every element of a sequence (at most one tree; an array keeps the type a value).
    private var elementTrees: [FieldTree] = []

    package init(whole: Bool = false) {
        self.whole = whole
    }

    /// What is read of a sequence's elements; `nil` when none is.
    package var elements: FieldTree? {
        get { elementTrees.first }
        set { elementTrees = newValue.map { [$0] } ?? [] }
    }

    /// Whether nothing at all is read.
    package var isEmpty: Bool { !whole && keys.isEmpty && elementTrees.isEmpty }

    /// One step of a path into a tree.
    package enum Step: Hashable, Sendable {
        case key(String)
        case elements
    }

    /// Marks what `path` reaches as read: whole, or (with `whole` false) only as a way through.
    package mutating func insert(_ path: some Collection<Step>, whole readWhole: Bool) {
        guard !whole else { return }
        guard let step = path.first else {
            if readWhole { self = FieldTree(whole: true) }
            return
        }
        switch step {
        case .key(let name): keys[name, default: FieldTree()].insert(path.dropFirst(), whole: readWhole)
        case .elements:
            var tree = elements ?? FieldTree()
            tree.insert(path.dropFirst(), whole: readWhole)
            elements = tree
        }
    }

    /// Both trees' reads.
    package mutating func formUnion(_ other: FieldTree) {
        guard !whole else { return }
        guard !other.whole else { self = other; return }
        for (name, tree) in other.keys { keys[name, default: FieldTree()].formUnion(tree) }
        if let theirs = other.elements {
            var tree = elements ?? FieldTree()
            tree.formUnion(theirs)
            elements = tree
        }
    }
}
