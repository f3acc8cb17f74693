import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

@Suite struct NodePlacesTests {
    /// Every node under `node` (values and elements, not keys), `node` included, each once.
    private func nodes(under node: Node) -> [Node] {
        var found = [node], seen: Set<Int32> = [node.index], stack = [node]
        while let current = stack.popLast() {
            let children = current.kind == .mapping ? current.entries.map(\.value) : current.elements
            for child in children where seen.insert(child.index).inserted {
                found.append(child)
                stack.append(child)
            }
        }
        return found
    }

    /// `NodePlaces` gives the path the search from the ancestor finds, for every node of every
    /// document from its root and (in document order, where each node has one place) from each of
    /// its containers, and nothing across documents. A shared node's place is its first one from
    /// the root, which another container's search need not find.
    private func expectSamePaths(_ text: String, inDocumentOrder: Bool) throws {
        let file = load(text)
        let storage = try #require(file.storage)
        #expect(storage.isInDocumentOrder == inDocumentOrder)
        // Targets below their ancestor, and the others (whose answer, nil, comes from the table).
        var places = NodePlaces(), elsewhere = NodePlaces()
        for document in file.resources {
            let root = document.root
            let all = nodes(under: root)
            for ancestor in all where ancestor.kind != .scalar && (inDocumentOrder || ancestor.index == root.index) {
                for target in all {
                    let searched = ancestor.path(to: target)
                    let fromPlaces = searched == nil ? elsewhere.path(to: target, from: ancestor, root: root)
                        : places.path(to: target, from: ancestor, root: root)
                    #expect(fromPlaces?.components == searched?.components, "\(target.index) from \(ancestor.index)")
                    #expect(fromPlaces?.key?.index == searched?.key?.index, "\(target.index) from \(ancestor.index)")
                }
            }
        }
        // In document order no table of places is needed, for the targets below their ancestor or not.
        #expect((places.filledDocumentCount == 0) == inDocumentOrder)
        if inDocumentOrder { #expect(elsewhere.filledDocumentCount == 0) }
        if file.resources.count == 2 {
            let (first, second) = (file.resources[0].root, file.resources[1].root)
            for target in nodes(under: second) { #expect(elsewhere.path(to: target, from: first, root: first) == nil) }
        }
    }

    @Test func pathsInADocumentInOrderAreFoundGoingDown() throws {
        try expectSamePaths("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {app: web, tier: front}, annotations: {}}
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                    - name: web
                      image: web:1.0.0
                      args: [--port, "8080", [nested, [deeper]], {}]
                      env:
                        - {name: A, value: "1"}
                        - name: B
                          valueFrom: {secretKeyRef: {name: s, key: k}}
                    - name: sidecar
                      command: |
                        run
                        more
                  volumes: []
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {a: "1", b: "2", c: "3", d: "4", e: "5", f: "6", g: "7", h: "8", i: "9", j: "10"}

            """, inDocumentOrder: true)
    }

    @Test func sharedNodesKeepTheirFirstPlace() throws {
        // An alias, a merge key and a repeated key each put a node made elsewhere among a
        // container's children: the table of places answers, as before.
        try expectSamePaths("""
            apiVersion: v1
            kind: Service
            metadata:
              labels: &labels {app: web, tier: front}
              annotations: {a: &inner {deep: [1, 2]}}
            spec:
              selector: *labels
              other: *inner
              list: [*labels, {x: 1}]

            """, inDocumentOrder: false)
        try expectSamePaths("""
            apiVersion: v1
            kind: X
            base: &base {a: 1, b: {c: 2}}
            merged:
              <<: *base
              d: 4

            """, inDocumentOrder: false)
        try expectSamePaths("""
            apiVersion: v1
            kind: X
            merged:
              <<: {a: 1, b: {c: 2}}
              d: [4]

            """, inDocumentOrder: false)
        try expectSamePaths("""
            apiVersion: v1
            kind: X
            spec: {a: 1, b: {c: 2}, a: {later: [3]}}
            next: {z: 1}

            """, inDocumentOrder: false)
    }
}
