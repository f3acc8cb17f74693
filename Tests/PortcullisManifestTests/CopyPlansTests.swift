import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

/// `CopyPlans`: trees laid out flat for copying keep exactly what the trees say, checked against a
/// reading of the tree itself over many trees drawn from a document's paths.
@Suite struct CopyPlansTests {
    static let text = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web, tier: front, zone: a}
          annotations: {note: x}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata:
              labels: {app: web, tier: front}
            spec:
              containers:
                - name: a
                  image: nginx
                  env: [{name: X, value: "1"}, {name: Y, value: "2"}]
                - name: b
                  image: busybox
                  ports: [{containerPort: 80}]

        """

    /// What a copy keeps of `node` by `tree`, as text: the tree read directly.
    static func expected(_ node: Node, _ tree: FieldTree?) -> String {
        guard let tree else { return "~" }
        if tree.whole { return shown(node) }
        switch node.kind {
        case .scalar:
            return node.scalarText ?? ""
        case .mapping:
            let pairs = node.entries.compactMap { entry -> String? in
                let name = entry.key.scalarText ?? ""
                var read = tree.keys[name]
                if let any = tree.elements { read = read.map { var both = $0; both.formUnion(any); return both } ?? any }
                guard let read else { return nil }
                return name + ": " + expected(entry.value, read)
            }
            return "{" + pairs.joined(separator: ", ") + "}"
        case .sequence:
            return "[" + node.elements.map { expected($0, tree.elements) }.joined(separator: ", ") + "]"
        }
    }

    /// A copied node as text (a skipped element as `~`).
    static func shown(_ node: Node) -> String {
        switch node.kind {
        case .scalar: return node.record.flags & NodeRecord.skippedFlag != 0 ? "~" : (node.scalarText ?? "")
        case .mapping: return "{" + node.entries.map { ($0.key.scalarText ?? "") + ": " + shown($0.value) }.joined(separator: ", ") + "}"
        case .sequence: return "[" + node.elements.map(shown).joined(separator: ", ") + "]"
        }
    }

    /// Every path of `node`, each also with `.elements` in place of each step.
    static func paths(_ node: Node, prefix: [FieldTree.Step] = []) -> [[FieldTree.Step]] {
        var found: [[FieldTree.Step]] = [prefix]
        switch node.kind {
        case .scalar: break
        case .mapping:
            for entry in node.entries {
                let name = entry.key.scalarText ?? ""
                found += paths(entry.value, prefix: prefix + [.key(name)])
                found += paths(entry.value, prefix: prefix + [.elements])
            }
        case .sequence:
            for element in node.elements { found += paths(element, prefix: prefix + [.elements]) }
        }
        return found
    }

    @Test func copiesWhatEveryTreeReads() throws {
        let file = ManifestLoader().load(SourceFile(path: "web.yaml", bytes: Array(Self.text.utf8)))
        let storage = try #require(file.storage)
        let root = file.resources[0].root
        let candidates = Self.paths(root)
        var generator = SplitMix(seed: 12)
        var plans = CopyPlans()
        var trees: [FieldTree] = []
        for _ in 0..<400 {
            var tree = FieldTree()
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                tree.insert(candidates.randomElement(using: &generator)!, whole: Bool.random(using: &generator))
            }
            trees.append(tree)
        }
        // One set of plans for every tree: rows far apart in it must not mix.
        let rows = trees.map { plans.add($0) }
        let (copy, roots) = storage.copying(Array(repeating: root.index, count: trees.count), keeping: rows, in: plans)
        for (index, tree) in trees.enumerated() {
            let copied = Node(storage: copy, index: roots[index])
            #expect(Self.shown(copied) == Self.expected(root, tree), "tree \(index)")
        }
    }

    @Test func aNameTheFileNeverUsesKeepsNothing() throws {
        let file = ManifestLoader().load(SourceFile(path: "web.yaml", bytes: Array(Self.text.utf8)))
        let storage = try #require(file.storage)
        var tree = FieldTree()
        tree.insert([FieldTree.Step.key("kind")], whole: true)
        tree.insert([FieldTree.Step.key("status"), .key("replicas")], whole: true)
        let (copy, roots) = storage.copying([file.resources[0].root.index], keeping: [tree])
        #expect(Self.shown(Node(storage: copy, index: roots[0])) == "{kind: Deployment}")
    }
}

/// A small seeded generator: the same trees on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
