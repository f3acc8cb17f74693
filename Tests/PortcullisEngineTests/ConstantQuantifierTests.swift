import PortcullisDiagnostics
@testable import PortcullisEngine
import PortcullisManifest
import Testing

/// `any x in <constant texts>: glob(text, x)` and `any x in <constant texts>: base[x] exists` decided
/// as one test (`ConstantQuantifier`) give the loop's verdicts. The same condition is written twice:
/// in the shape the graph recognises, and with `or false` in the body, which it does not, so the
/// loop runs.
@Suite struct ConstantQuantifierTests {
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
    func denied(_ condition: String, list: String, path: String = "apps/prod/config.yaml", documents: String = documents,
                kind: String = "ConfigMap", extra: String = "") throws -> (names: [String], recognised: Int) {
        let harness = EngineHarness("""
            param patterns = \(list)
            param others = ["livenessProbe", "readinessProbe"]
            policy "test/constant-list" {
              match kind \(kind)
              \(extra)
              deny when \(condition)
              message "x"
            }
            """)
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let graph = try #require(harness.graph)
        let file = ManifestLoader().load(SourceFile(path: path, bytes: Array(documents.utf8)))
        return (ManifestChecker(graph: graph).evaluate(file).findings.map { "\($0.name ?? "-"):\($0.span.start.line)" },
                graph.constantQuantifierCount)
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
        #expect(found.names == ["prod:1", "shop-prod:5", "production-eu:9", "unicode:29"])
        #expect(try denied(#"any n in params.patterns: glob(default(metadata.namespace, ""), n)"#, list: "[]").names.isEmpty)
        // The file's path, decided once a file: every document of a file under prod/.
        let byPath = try denied(#"any g in params.patterns: glob(file, g)"#, list: #"["*/prod/*", "prod/*"]"#)
        #expect(byPath.recognised == 1 && byPath.names.count == 8)
        #expect(byPath.names == (try denied(#"any g in params.patterns: (glob(file, g) or false)"#, list: #"["*/prod/*", "prod/*"]"#)).names)
        #expect(try denied(#"any g in params.patterns: glob(file, g)"#, list: #"["*/prod/*"]"#, path: "apps/dev/config.yaml").names.isEmpty)
    }

    static let probes = """
        apiVersion: v1
        kind: Pod
        metadata: {name: both}
        spec:
          containers:
            - {name: a, livenessProbe: {httpGet: {path: /}}, readinessProbe: {exec: {command: [x]}}}
            - {name: b, livenessProbe: {tcpSocket: {port: 1}}}
            - {name: c, livenessProbe: {exec: null, grpc: {port: 2}}, readinessProbe: {exec: null}}
            - {name: d, livenessProbe: [httpGet], readinessProbe: httpGet}
            - {name: e}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: flat}
        spec: {containers: [{name: f, httpGet: {}, exec: 1}]}
        """

    @Test(arguments: [#"["exec", "grpc", "httpGet", "tcpSocket"]"#, #"[]"#, #"["exec"]"#, #"["tcpSocket", 1]"#])
    func keysGiveTheLoopsVerdicts(list: String) throws {
        let loops = [
            ("any p in params.others: not (any t in params.patterns: container[p][t] exists%)", "for container in pod.containers"),
            ("not (any p in params.others: any t in params.patterns: container[p][t] exists%)", "for container in pod.containers"),
            ("any t in params.patterns: container[t] exists%", "for container in pod.containers"),
            ("any t in params.patterns: spec[t] exists%", ""),
            ("any t in params.patterns: metadata.name[t] exists%", ""),
        ]
        for (condition, extra) in loops {
            let recognised = try denied(condition.replacingOccurrences(of: "%", with: ""), list: list, documents: Self.probes,
                                        kind: "Pod", extra: extra)
            let looped = try denied("(" + condition.replacingOccurrences(of: " exists%", with: " exists or false)"), list: list,
                                    documents: Self.probes, kind: "Pod", extra: extra)
            #expect(recognised.names == looped.names, "\(condition) over \(list)")
            #expect(looped.recognised == 0, "\(condition)")
            #expect(recognised.recognised == (list.contains(", 1]") ? 0 : condition.components(separatedBy: "any t").count - 1), "\(condition) over \(list)")
        }
        // What the probes policy asks, with every probe type: the containers missing a probe (c's
        // readiness has only a null; d's probes are not mappings; e and f have none).
        let probes = try denied("any p in params.others: not (any t in params.patterns: container[p][t] exists)",
                                list: #"["exec", "grpc", "httpGet", "tcpSocket"]"#, documents: Self.probes, kind: "Pod",
                                extra: "for container in pod.containers")
        #expect(probes.names == ["both:7", "both:8", "both:9", "both:10", "flat:15"])
    }

    /// A text that reads the element is left to the loop; a text read once per outer element (a
    /// container's name) is read again for each.
    @Test func textsReadingTheElementLoopAndOuterElementsAreReadEach() throws {
        let list = #"["a", "?", "c*", "f"]"#
        for condition in ["any n in params.patterns: glob(n, n)", #"any n in params.patterns: glob(concat(n, ""), n)"#] {
            #expect(try denied(condition, list: list, documents: Self.probes, kind: "Pod").recognised == 0, "\(condition)")
        }
        let nested = "any c in spec.containers: any n in params.patterns: glob(c.name, n)%"
        let recognised = try denied(nested.replacingOccurrences(of: "%", with: ""), list: #"["b", "e*"]"#, documents: Self.probes, kind: "Pod")
        let looped = try denied(nested.replacingOccurrences(of: "glob(c.name, n)%", with: "(glob(c.name, n) or false)"), list: #"["b", "e*"]"#,
                                documents: Self.probes, kind: "Pod")
        #expect(recognised.recognised == 1 && recognised.names == looped.names && recognised.names == ["both:1"])
        #expect(try denied(nested.replacingOccurrences(of: "%", with: ""), list: #"["x"]"#, documents: Self.probes, kind: "Pod").names.isEmpty)
    }

    /// What the evaluator remembers between documents (the text last matched and its verdict; the
    /// keys' ids in the arena last read) never carries over: a namespace met again after another
    /// one gets its own verdict, and a file whose keys were interned in another order (other ids)
    /// gets its own ids, through one evaluator for both files.
    @Test func rememberedVerdictsAndKeysFollowEachDocument() throws {
        let namespaces = ["prod", "staging", "prod", "prod", "shop-prod", "staging", "staging", "prod"]
        let documents = namespaces.enumerated().map { index, namespace in
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c\(index), namespace: \(namespace)}\n"
        }.joined(separator: "---\n")
        let condition = #"any n in params.patterns: glob(default(metadata.namespace, ""), n)"#
        let recognised = try denied(condition, list: #"["prod", "*-prod"]"#, documents: documents)
        let looped = try denied(condition.replacingOccurrences(of: "glob(default(metadata.namespace, \"\"), n)", with: "(glob(default(metadata.namespace, \"\"), n) or false)"),
                                list: #"["prod", "*-prod"]"#, documents: documents)
        #expect(recognised.recognised == 1 && looped.recognised == 0)
        #expect(recognised.names == ["c0:1", "c2:9", "c3:13", "c4:17", "c7:29"])
        #expect(recognised.names == looped.names)

        let harness = EngineHarness("""
            param patterns = ["exec", "grpc", "httpGet", "tcpSocket"]
            policy "test/constant-keys" {
              match kind Pod
              for container in pod.containers
              deny when not (any t in params.patterns: container.livenessProbe[t] exists)
              message "x"
            }
            """)
        let checker = ManifestChecker(graph: try #require(harness.graph))
        #expect(harness.graph?.constantQuantifierCount == 1)
        // The first file interns `exec` before `tcpSocket`, the second the other way round.
        let first = """
            apiVersion: v1
            kind: Pod
            metadata: {name: first}
            spec: {containers: [{name: a, livenessProbe: {exec: {command: [x]}}}, {name: b, livenessProbe: {tcpSocket: {port: 1}}}]}
            """
        let second = """
            apiVersion: v1
            kind: Pod
            metadata: {name: second}
            spec: {containers: [{name: c, livenessProbe: {tcpSocket: {port: 1}}}, {name: d, livenessProbe: {exec: null}}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: third}
            spec: {containers: [{name: e, readinessProbe: {grpc: {port: 2}}}, {name: f, livenessProbe: {grpc: {port: 2}}}]}
            """
        var found: [String] = []
        for (path, text) in [("first.yaml", first), ("second.yaml", second), ("first-again.yaml", first)] {
            let file = ManifestLoader().load(SourceFile(path: path, bytes: Array(text.utf8)))
            found += checker.evaluate(file).findings.map { "\(path):\($0.name ?? "-"):\($0.span.start.line)" }
        }
        #expect(found == ["second.yaml:second:4", "second.yaml:third:9"])
    }
}
