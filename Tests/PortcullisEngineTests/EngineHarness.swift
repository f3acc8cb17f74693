import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest

/// Compiles policy text and evaluates it on manifest text, the way `portcullis check` does.
struct EngineHarness {
    let graph: RuleGraph?
    let diagnostics: [Diagnostic]

    init(_ policy: String, parameters: [String: String] = [:]) {
        (graph, diagnostics) = PolicyCompiler.compile([SourceFile(path: "test.policy", bytes: Array(policy.utf8))], parameters: parameters)
    }

    /// Findings on `manifest`, as "line:column message" strings in report order.
    func findings(_ manifest: String, path: String = "manifest.yaml") -> [String] {
        run(manifest, path: path).map { "\($0.span.start.line):\($0.span.start.column) \($0.message)" }
    }

    func run(_ manifest: String, path: String = "manifest.yaml") -> [Finding] {
        guard let graph else { return [] }
        let file = ManifestLoader().load(SourceFile(path: path, bytes: Array(manifest.utf8)))
        return ManifestChecker(graph: graph).evaluate(file).findings
    }

    var errors: [String] {
        diagnostics.filter { $0.severity == .error }.map { "\($0.span?.start.description ?? "-") \($0.id): \($0.message)" }
    }
}

/// Wraps a condition into a one-rule policy over the whole resource.
func policy(_ condition: String, match: String = "match kind ConfigMap", extra: String = "") -> String {
    """
    policy "test/rule" {
      \(match)
      \(extra)
      deny when \(condition)
      message "denied"
    }
    """
}

let configMap = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
      namespace: prod-eu
      labels: {app: web, tier: front}
      annotations: {owner: team-a}
    data:
      mode: fast
      replicas: "3"
      size: 2Gi
      cpu: 250m
      token: c2VjcmV0LXRva2Vu
      list: a,b,c
      empty: ""
    """
