import PortcullisDiagnostics
import PortcullisEngine
import PortcullisLanguage
import PortcullisManifest
import Testing

/// Issue 14's additions to the language, at the engine: several deny blocks, `let`, nested
/// iteration, parameters in matchers and parameters scoped to their pack.
@Suite struct LanguageAdditionsTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: prod-eu}
        spec:
          containers:
            - name: a
              volumeMounts:
                - {name: x, mountPath: /x}
                - {name: y, mountPath: /y}
            - name: b
              volumeMounts:
                - {name: z, mountPath: /x}
          volumes: [{name: x}, {name: y}, {name: z}]
        """

    @Test func nestedIterationKeepsTheParent() {
        let harness = EngineHarness("""
            policy "t/mounts" {
              match kind Pod
              for c in containers, m in c.volumeMounts
              deny when m.mountPath == "/x"
              message "{c.name}/{m.name}"
            }
            """)
        #expect(harness.errors.isEmpty)
        #expect(harness.findings(Self.pod) == ["8:11 a/x", "12:11 b/z"])
    }

    @Test func blocksHaveTheirOwnMessagesLocationsAndNames() {
        let harness = EngineHarness("""
            policy "t/two" {
              match kind Pod
              message "default"
              for c in containers
              deny first when c.name == "a"
              at c.name
              deny when c.name == "b"
              deny third when true
              message "third {c.name}"
            }
            """)
        #expect(harness.errors.isEmpty)
        let findings = harness.run(Self.pod)
        #expect(findings.map { "\($0.span.start.line) \($0.check ?? "-") \($0.message)" }
                == ["6 third third a", "6 first default", "10 2 default", "10 third third b"])
        #expect(harness.graph?.rules.count == 1)
    }

    /// A `let` is its expression's own node: a policy with lets compiles to the same graph as one
    /// that spells the expressions out.
    @Test func letsCostNoNodes() throws {
        let spelled = EngineHarness("""
            policy "t/spelled" {
              match kind Pod
              for c in containers
              deny when image(c.image).registry != "r" and image(c.image).tag == "latest"
            }
            """)
        let named = EngineHarness("""
            policy "t/named" {
              match kind Pod
              for c in containers
              let ref = image(c.image)
              let foreign = ref.registry != "r"
              deny when foreign and ref.tag == "latest"
            }
            """)
        #expect(spelled.errors.isEmpty && named.errors.isEmpty)
        #expect(try #require(named.graph).nodes.count == #require(spelled.graph).nodes.count)
    }

    @Test func quantifierVariablesShadowLets() {
        let harness = EngineHarness("""
            policy "t/shadow" {
              match kind Pod
              let v = "outer"
              deny when any v in spec.volumes: v.name == "z"
              message "{v}"
            }
            """)
        #expect(harness.errors.isEmpty)
        #expect(harness.findings(Self.pod) == ["1:1 outer"])
    }

    @Test func letBeforeForCannotReadTheLoopVariable() {
        let harness = EngineHarness("""
            policy "t/early" {
              match kind Pod
              let name = c.name
              for c in containers
              deny when name == "a"
            }
            """)
        // `c` before the `for` is the resource's top-level field `c`, which a Pod does not have:
        // the type check says so where it is read.
        #expect(harness.errors == ["3:14 policy.unknown-field: Pod has no field 'c'"])
    }

    @Test func matcherParametersFeedTheKindIndex() throws {
        let harness = EngineHarness("""
            param kinds = ["Pod", "Job"]
            param namespaces = "prod-*"
            policy "t/param-match" {
              match kind params.kinds
              match namespace params.namespaces
              deny when true
            }
            """)
        #expect(harness.errors.isEmpty)
        let graph = try #require(harness.graph)
        #expect(graph.candidateRules(forKind: "Job") == [0])
        #expect(graph.candidateRules(forKind: "Deployment").isEmpty)
        #expect(harness.findings(Self.pod).count == 1)
        let overridden = EngineHarness("""
            param namespaces = "prod-*"
            policy "t/param-match" {
              match namespace params.namespaces
              deny when true
            }
            """, parameters: ["namespaces": "dev"])
        #expect(overridden.findings(Self.pod).isEmpty)
    }

    /// Two files, two packs, one parameter name: no clash; `--param NAME` sets both, `PACK.NAME` one.
    @Test func parametersAreScopedToPacks() throws {
        func compile(_ overrides: [String: String]) -> (RuleGraph?, [Diagnostic]) {
            PolicyCompiler.compile([
                SourceFile(path: "acme.policy", bytes: Array("param limit = 1\npolicy \"acme/l\" {\n  deny when params.limit > 5\n}\n".utf8)),
                SourceFile(path: "builtin:resources/r.policy", bytes: Array("param limit = 2\npolicy \"resources/l\" {\n  deny when params.limit > 5\n}\n".utf8)),
            ], parameters: overrides)
        }
        func limits(_ graph: RuleGraph?) -> [String] {
            graph?.rules.flatMap { $0.info.parameterDetails.map { "\($0.qualifiedName)=\($0.value)" } } ?? []
        }
        let plain = compile([:])
        #expect(plain.1.isEmpty)
        #expect(limits(plain.0) == ["acme.limit=1", "resources.limit=2"])
        #expect(limits(compile(["limit": "7"]).0) == ["acme.limit=7", "resources.limit=7"])
        #expect(limits(compile(["acme.limit": "7"]).0) == ["acme.limit=7", "resources.limit=2"])
        #expect(compile(["acme.nope": "7"]).1.map(\.id.rawValue) == ["config.unknown-parameter"])
        // One pack, two defaults: an error naming the other declaration.
        let (_, clash) = PolicyCompiler.compile([
            SourceFile(path: "a.policy", bytes: Array("pack team\nparam limit = 1\n".utf8)),
            SourceFile(path: "b.policy", bytes: Array("pack team\nparam limit = 2\n".utf8)),
        ])
        #expect(clash.map(\.message) == ["parameter 'limit' of pack 'team' is already declared with another value at a.policy:2:1"])
        #expect(clash.first?.span?.start == SourceLocation(line: 2, column: 1))
    }

    @Test func bindingAndMatcherErrors() {
        let cases: [(String, String)] = [
            ("for c in containers, c in c.volumeMounts\n  deny when true", "3:24 policy.duplicate-name: 'c' is already bound at line 3 of this policy; choose another name"),
            ("let a = 1\n  let a = 2\n  deny when a == 2", "4:7 policy.duplicate-name: 'a' is already bound at line 3 of this policy; choose another name"),
            ("match namespace params.nope\n  deny when true", "3:19 policy.unknown-parameter: unknown parameter 'nope' (pack 'test'); declare it with: param nope = …"),
            ("deny when true\n  message \"a\"\n  message \"b\"", "5:3 policy.syntax: this 'deny' already has a message; each 'deny when' takes one 'message' after it"),
            ("deny x when true\n  deny x when false", "4:3 policy.syntax: policy \"t/e\" already has a 'deny x' block"),
        ]
        for (clauses, expected) in cases {
            let harness = EngineHarness("policy \"t/e\" {\n  match kind Pod\n  \(clauses)\n}\n")
            #expect(harness.errors == [expected], "\(clauses)")
        }
    }
}
