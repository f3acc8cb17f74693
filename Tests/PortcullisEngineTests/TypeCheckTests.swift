import Foundation
import PortcullisDiagnostics
@testable import PortcullisEngine
import PortcullisManifest
import Testing

/// The type check of policies against the Kubernetes schema: each class of mistake the issue lists
/// is an error (or a warning where stated), with its position and a suggestion.
@Suite struct TypeCheckTests {
    /// "line:column id: message" of every diagnostic (errors and warnings) compiling `source`.
    static func diagnostics(_ source: String) -> [String] {
        let (_, diagnostics) = PolicyCompiler.compile([SourceFile(path: "team.policy", bytes: Array(source.utf8))])
        return diagnostics.map { "\($0.span?.start.description ?? "-") \($0.id): \($0.message)" }
    }

    static func rule(_ body: String) -> String {
        "policy \"team/rule\" {\n" + body + "\n  message \"denied\"\n}\n"
    }

    @Test func misspeltFieldIsAnErrorWithASuggestion() {
        #expect(Self.diagnostics(Self.rule("""
          match kind Deployment
          deny when spec.replcas < 2
        """)) == ["3:13 policy.unknown-field: DeploymentSpec has no field 'replcas'; did you mean 'replicas'?"])
    }

    @Test func misspeltTopLevelFieldIsAnError() {
        #expect(Self.diagnostics(Self.rule("""
          match kind [Deployment, StatefulSet]
          deny when metdata.name == "web"
        """)) == ["3:13 policy.unknown-field: Deployment / StatefulSet has no field 'metdata'; did you mean 'metadata'?"])
    }

    @Test func misspeltKindIsAnError() {
        #expect(Self.diagnostics(Self.rule("""
          match kind Deploymnet
          deny when spec.replicas < 2
        """)) == ["1:8 policy.unknown-kind: unknown kind 'Deploymnet'; did you mean 'Deployment'?"])
    }

    @Test func kindsFarFromAnyKubernetesKindAreCustomAndDynamic() {
        #expect(Self.diagnostics(Self.rule("""
          match kind GitRepository
          deny when spec.ref.branch exists
        """)).isEmpty)
    }

    @Test func sopsMetadataIsNotAnUnknownField() {
        #expect(Self.diagnostics(Self.rule("""
          match kind Secret
          deny when data exists and sops missing
        """)).isEmpty)
    }

    @Test func customKindsWithTheirGroupAreDynamic() {
        #expect(Self.diagnostics(Self.rule("""
          match kind Widget and apiVersion ["example.com/v1"]
          deny when spec.anything.goes == 3
        """)).isEmpty)
    }

    @Test func loopVariableMisnamedIsAnUnknownFieldAndTheVariableUnused() {
        #expect(Self.diagnostics(Self.rule("""
          match workload
          for c in containers
          deny when container.image matches ":latest$"
        """)) == [
            "4:13 policy.unknown-field: CronJob / DaemonSet / Deployment / Job / Pod / ReplicaSet / ReplicationController / StatefulSet has no field 'container'",
            "3:3 policy.unused-variable: loop variable 'c' is never used: the policy checks the same thing once per element",
        ])
    }

    @Test func aConditionMustBeBoolean() {
        #expect(Self.diagnostics(Self.rule("""
          match kind Deployment
          deny when metadata.name
        """)) == ["3:13 policy.type-mismatch: 'deny when' needs a condition (true or false), found text: compare it, or test it with 'exists'"])
        #expect(Self.diagnostics(Self.rule("""
          match kind Deployment
          deny when spec.paused and spec.replicas
        """)) == ["3:29 policy.type-mismatch: 'and' joins conditions, found a number: compare it, or test it with 'exists'"])
    }

    @Test func comparingATypedFieldWithAnotherTypeIsAnError() {
        #expect(Self.diagnostics(Self.rule("""
          match kind Deployment
          deny when spec.replicas == "3"
        """)) == ["3:13 policy.type-mismatch: 'spec.replicas' is a number in the schema; comparing it with text is never true"])
        #expect(Self.diagnostics(Self.rule("""
          match kind Pod
          deny when spec.hostNetwork == "true"
        """)) == ["3:13 policy.type-mismatch: 'spec.hostNetwork' is a boolean in the schema; comparing it with text is never true"])
        #expect(Self.diagnostics(Self.rule("""
          match kind Pod
          deny when spec.priority in ["high", "low"]
        """)) == ["3:13 policy.type-mismatch: 'spec.priority' is a number in the schema; a list of text never holds it"])
    }

    @Test func iterationVariablesHaveTheElementType() {
        #expect(Self.diagnostics(Self.rule("""
          match workload
          for c in containers
          deny when c.imagePullpolicy == "Always"
        """)) == ["4:13 policy.unknown-field: Container has no field 'imagePullpolicy'; did you mean 'imagePullPolicy'?"])
        #expect(Self.diagnostics(Self.rule("""
          match kind Pod
          for v in spec.volumes
          deny when v.hostpath exists
        """)) == ["4:13 policy.unknown-field: Volume has no field 'hostpath'; did you mean 'hostPath'?"])
        #expect(Self.diagnostics(Self.rule("""
          match kind Deployment
          deny when any c in spec.template.spec.containers: any p in c.ports: p.hostport > 0
        """)) == ["3:71 policy.unknown-field: ContainerPort has no field 'hostport'; did you mean 'hostPort'?"])
    }

    @Test func enumerationLiteralsAreChecked() {
        #expect(Self.diagnostics(Self.rule("""
          match kind Pod
          for c in containers
          deny when c.imagePullPolicy == "always"
        """)) == ["4:34 policy.type-mismatch: \"always\" is not a value this field takes (Always, IfNotPresent, Never); did you mean \"Always\"?"])
    }

    @Test func unusedAndShadowedVariablesAreWarnings() {
        let unused = Self.diagnostics(Self.rule("""
          match kind Pod
          deny when any c in spec.containers: spec.hostNetwork
        """))
        #expect(unused == ["3:13 policy.unused-variable: 'any c' never uses 'c': the condition is the same for every element"])
        let shadowed = Self.diagnostics(Self.rule("""
          match kind Pod
          for c in containers
          deny when any c in spec.initContainers: c.name == "x"
        """))
        #expect(shadowed.contains("4:13 policy.shadowed-variable: 'any c' shadows the variable 'c' bound at line 3: inside, 'c' is the inner one"))
        #expect(shadowed.contains("3:3 policy.unused-variable: loop variable 'c' is never used: the policy checks the same thing once per element"))
        // Warnings do not stop compilation.
        let (graph, _) = PolicyCompiler.compile([SourceFile(path: "team.policy", bytes: Array(Self.rule("match kind Pod\n  deny when any c in spec.containers: spec.hostNetwork").utf8))])
        #expect(graph != nil)
    }

    @Test func policiesWithoutKindsAndFieldsOfMapsAreDynamic() {
        #expect(Self.diagnostics(Self.rule("deny when spec.whatever == 3")).isEmpty)
        #expect(Self.diagnostics(Self.rule("""
          match kind ConfigMap
          deny when data.anything == "x" and metadata.labels.team exists
        """)).isEmpty)
    }

    @Test func mistakesInMessagesAndLocationsAreFound() {
        #expect(Self.diagnostics("""
        policy "team/rule" {
          match kind Service
          deny when spec.type == "NodePort"
          message "{metadata.nme} exposes a node port"
          at spec.typ
        }
        """) == [
            "4:13 policy.unknown-field: ObjectMeta has no field 'nme'; did you mean 'name'?",
            "5:6 policy.unknown-field: ServiceSpec has no field 'typ'; did you mean 'type'?",
        ])
    }

    /// Every built-in policy checks cleanly (no error, no warning): so `check` may skip checking
    /// them, and never decode the schema for the built-in packs alone.
    @Test func builtInPoliciesTypeCheckCleanly() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("policies")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".policy") }.sorted()
        #expect(files.count > 20)
        let sources = try files.map { SourceFile(path: "builtin:" + $0, bytes: Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
        var options = PolicyCompileOptions()
        options.typeCheckBuiltins = true
        let (graph, diagnostics) = PolicyCompiler.compile(sources, options: options)
        #expect(graph != nil)
        #expect(diagnostics.map { "\($0.path ?? ""):\($0.span?.start.description ?? "-") \($0.id): \($0.message)" } == [])
    }
}
