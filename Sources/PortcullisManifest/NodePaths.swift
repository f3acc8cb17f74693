import PortcullisDiagnostics

extension Node {
    /// Every node under this one with its JSON path (`$`, `$.spec.containers[0].image`,
    /// `$.metadata.labels['app.kubernetes.io/name']`), in document order. Walks with an explicit
    /// stack, so any depth the loader accepted is fine.
    package func pathsAndSpans() -> [(path: String, span: SourceSpan)] {
        pathsAndSpans(maxPathBytes: Int.max).entries
    }

    /// `pathsAndSpans()` while the paths add up to at most `maxPathBytes` bytes: each path is as
    /// long as its node is deep, so aliases of aliases can make the list grow with the square of
    /// the file. `complete` is `false` when it stopped there.
    package func pathsAndSpans(maxPathBytes: Int) -> (entries: [(path: String, span: SourceSpan)], complete: Bool) {
        var result: [(path: String, span: SourceSpan)] = []
        var pending: [(node: Node, path: String)] = [(self, "$")]
        // Counted when a path is made, so the stack of paths not yet visited is bounded too.
        var total = 1
        while let (node, path) = pending.popLast() {
            result.append((path, node.span))
            // Children pushed last to first, so the first is visited next.
            switch node.kind {
            case .scalar: break
            case .sequence:
                for (offset, element) in node.elements.enumerated().reversed() {
                    let child = path + "[\(offset)]"
                    total += child.utf8.count
                    if total > maxPathBytes { return (result, false) }
                    pending.append((element, child))
                }
            case .mapping:
                for (key, value) in node.entries.reversed() {
                    let child = path + Node.pathStep(key.scalarText ?? "")
                    total += child.utf8.count
                    if total > maxPathBytes { return (result, false) }
                    pending.append((value, child))
                }
            }
        }
        return (result, true)
    }

    /// `.name` for identifier-like keys, `['odd.key/name']` otherwise.
    package static func pathStep(_ key: String) -> String {
        let simple = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-"
        } && !(key.first!.isNumber)
        if simple { return "." + key }
        var escaped = ""
        for scalar in key.unicodeScalars {
            if scalar == "\\" || scalar == "'" { escaped.unicodeScalars.append("\\") }
            escaped.unicodeScalars.append(scalar)
        }
        return "['" + escaped + "']"
    }
}
