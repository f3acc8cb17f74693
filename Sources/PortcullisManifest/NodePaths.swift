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
        var key = key
        var step: [UInt8] = []
        key.withUTF8 { appendPathStep(keyUTF8: $0, to: &step) }
        return String(decoding: step, as: UTF8.self)
    }

    /// `pathStep` of a key given as UTF-8 bytes, appended to `path`: `.` and the key when it is
    /// identifier-like (ASCII letters, digits, `_` and `-`, not starting with a digit), else the key
    /// quoted (`['…']`, a backslash before each `\` and `'`). UTF-8 holds those two characters only
    /// as themselves, so the bytes are escaped one by one.
    package static func appendPathStep(keyUTF8 key: UnsafeBufferPointer<UInt8>, to path: inout [UInt8]) {
        if isIdentifierLike(key) {
            path.append(UInt8(ascii: "."))
            path.append(contentsOf: key)
            return
        }
        path.append(UInt8(ascii: "["))
        path.append(UInt8(ascii: "'"))
        for byte in key {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "'") { path.append(UInt8(ascii: "\\")) }
            path.append(byte)
        }
        path.append(UInt8(ascii: "'"))
        path.append(UInt8(ascii: "]"))
    }

    /// `[index]` appended to `path`.
    package static func appendIndexStep(_ index: Int, to path: inout [UInt8]) {
        path.append(UInt8(ascii: "["))
        path.appendDecimal(index)
        path.append(UInt8(ascii: "]"))
    }

    private static func isIdentifierLike(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = key.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return false }
        for byte in key {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "-"):
                continue
            default:
                return false
            }
        }
        return true
    }
}
