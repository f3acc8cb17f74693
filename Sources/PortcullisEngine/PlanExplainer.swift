import PortcullisManifest

/// Renders a rule graph for `portcullis check --explain-plan`: rules per kind, iteration groups, and
/// the plan nodes shared by more than one policy.
package enum PlanExplainer {
    package static func explain(_ graph: RuleGraph) -> String {
        let nodes = graph.describedNodes
        var out = "rule graph: \(graph.rules.count) policies, \(graph.nodes.count) plan nodes, \(graph.regexes.count) compiled patterns, \(graph.slotCount) iteration slots\n"
        out += "\nkind index:\n"
        for kind in graph.kindIndex.keys.sorted() {
            out += "  \(kind): " + graph.kindIndex[kind]!.map { graph.rules[$0].info.id }.joined(separator: ", ") + "\n"
        }
        out += "  (any kind): " + (graph.wildcardRules.isEmpty ? "-" : graph.wildcardRules.map { graph.rules[$0].info.id }.joined(separator: ", ")) + "\n"
        var groups: [Int: [String]] = [:]
        for rule in graph.rules { if let c = rule.collection { groups[c, default: []].append(rule.info.id) } }
        out += "\niteration groups (one pass over the elements serves every policy in the group):\n"
        for (collection, ids) in groups.sorted(by: { $0.key < $1.key }) {
            out += "  for $\(graph.rules.first { $0.collection == collection }!.slot!) in \(nodes[collection].text): \(ids.joined(separator: ", "))\n"
        }
        let projection = graph.projection
        out += "\nprojection (top-level fields built; the rest is parsed, not built):\n"
        for kind in projection.keysByKind.keys.sorted() {
            out += "  \(kind): " + projection.keys(forKind: kind)!.sorted().joined(separator: ", ") + "\n"
        }
        for kind in projection.wholeKinds.sorted() { out += "  \(kind): everything\n" }
        out += "  (other kinds): " + (projection.otherKinds.map { $0.union(ManifestProjection.alwaysKept).sorted().joined(separator: ", ") } ?? "everything") + "\n"
        let shared = nodes.enumerated().filter { $0.element.users.count > 1 }
        out += "\nshared nodes (computed once per document or element, used by several policies): \(shared.count)\n"
        for (id, node) in shared.sorted(by: { ($0.element.users.count, $1.offset) > ($1.element.users.count, $0.offset) }) {
            if case .constant = node.op { continue }
            out += "  #\(id) \(node.text) — \(node.users.count) policies\n"
        }
        return out
    }
}
