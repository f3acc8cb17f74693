import PortcullisDiagnostics

extension Node {
    /// Every node under this one with its JSON path (`$`, `$.spec.containers[0].image`,
    /// `$.metadata.labels['app.kubernetes.io/name']`), in document order.
    package func pathsAndSpans() -> [(path: String, span: SourceSpan)] {
        var result: [(String, SourceSpan)] = []
        collect(into: &result, path: "$")
        return result
    }

    private func collect(into result: inout [(String, SourceSpan)], path: String) {
        result.append((path, span))
        switch kind {
        case .scalar: break
        case .sequence:
            for (offset, element) in elements.enumerated() { element.collect(into: &result, path: path + "[\(offset)]") }
        case .mapping:
            for (key, value) in entries { value.collect(into: &result, path: path + Node.pathStep(key.scalarText ?? "")) }
        }
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
