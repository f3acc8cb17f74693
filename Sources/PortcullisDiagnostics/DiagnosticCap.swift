extension Array where Element == Diagnostic {
    /// At most `limit` diagnostics of one id in one file (in the order given); past that, one line
    /// saying how many more of that kind are not shown. Keeps a file of 10,000 identical mistakes
    /// (or a policy file of 10,000 unknown names) from burying the rest of the report.
    package func capped(perFileAndID limit: Int) -> [Diagnostic] {
        var counts: [DiagnosticCapKey: Int] = [:]
        for diagnostic in self { counts[DiagnosticCapKey(path: diagnostic.path, id: diagnostic.id), default: 0] += 1 }
        guard counts.values.contains(where: { $0 > limit }) else { return self }
        var seen: [DiagnosticCapKey: Int] = [:]
        var result: [Diagnostic] = []
        for diagnostic in self {
            let key = DiagnosticCapKey(path: diagnostic.path, id: diagnostic.id)
            let n = seen[key, default: 0] + 1
            seen[key] = n
            if n <= limit {
                result.append(diagnostic)
            } else if n == limit + 1 {
                let more = counts[key]! - limit
                result.append(Diagnostic(id: diagnostic.id, severity: diagnostic.severity,
                                         message: "\(more) more diagnostic\(more == 1 ? "" : "s") of this kind in this file not shown",
                                         path: diagnostic.path))
            }
        }
        return result
    }
}

private struct DiagnosticCapKey: Hashable {
    var path: String?
    var id: DiagnosticID
}
