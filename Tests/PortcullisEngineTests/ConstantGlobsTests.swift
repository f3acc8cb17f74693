import PortcullisDiagnostics
@testable import PortcullisEngine
import PortcullisManifest
import Testing

/// `any x in <constant texts>: glob(text, x)` decided as one test of `text` (`ConstantGlobs`) gives
/// the loop's verdicts. The same condition is written twice: in the shape the graph recognises,
/// and with `or false` in the body, which it does not, so the loop runs.
@Suite struct ConstantGlobsTests {
    static let documents = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: prod, namespace: prod}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: shop-prod, namespace: shop-prod}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: production-eu, namespace: production-eu}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: staging, namespace: staging}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: nameless-namespace}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: numbered, namespace: 42}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: mapped, namespace: {not: text}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: unicode, namespace: "prød"}
        """

    /// Names of the documents `condition` denies in the file at `path`, and how many quantifiers the
    /// graph decides as one test.
    func denied(_ condition: String, list: String, path: String = "apps/prod/config.yaml") throws -> (names: [String], recognised: Int) {
        let harness = EngineHarness("""
            param patterns = \(list)
            policy "test/globs" {
              match kind ConfigMap
              deny when \(condition)
              message "x"
            }
            """)
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let graph = try #require(harness.graph)
        let file = ManifestLoader().load(SourceFile(path: path, bytes: Array(Self.documents.utf8)))
        return (ManifestChecker(graph: graph).evaluate(file).findings.compactMap(\.name), graph.constantGlobCount)
    }

    @Test(arguments: [
        #"["prod", "*-prod", "production-*", "pr?d"]"#, #"[]"#, #"["*"]"#, #"["42"]"#, #"["prod", 42]"#, #"["pr?d", "prød"]"#,
    ])
    func namespacesGiveTheLoopsVerdicts(list: String) throws {
        let text = #"default(metadata.namespace, "")"#
        let recognised = try denied("any n in params.patterns: glob(\(text), n)", list: list)
        let looped = try denied("any n in params.patterns: (glob(\(text), n) or false)", list: list)
        #expect(recognised.names == looped.names, "\(list)")
        #expect(looped.recognised == 0)
        // A list holding anything but texts is looped over: `glob()` reads a number's text.
        #expect(recognised.recognised == (list.contains("42]") ? 0 : 1), "\(list)")
    }

    @Test func theVerdictsAreTheGlobs() throws {
        let list = #"["prod", "*-prod", "production-*", "pr?d"]"#
        let found = try denied(#"any n in params.patterns: glob(default(metadata.namespace, ""), n)"#, list: list)
        #expect(found.names == ["prod", "shop-prod", "production-eu", "unicode"])
        #expect(try denied(#"any n in params.patterns: glob(default(metadata.namespace, ""), n)"#, list: "[]").names.isEmpty)
        // The file's path, decided once a file: every document of a file under prod/.
        let byPath = try denied(#"any g in params.patterns: glob(file, g)"#, list: #"["*/prod/*", "prod/*"]"#)
        #expect(byPath.recognised == 1 && byPath.names.count == 8)
        #expect(try denied(#"any g in params.patterns: glob(file, g)"#, list: #"["*/prod/*"]"#, path: "apps/dev/config.yaml").names.isEmpty)
    }
}
