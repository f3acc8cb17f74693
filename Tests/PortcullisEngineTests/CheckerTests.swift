import Testing
import PortcullisDiagnostics
@testable import PortcullisEngine

/// Mistakes the compiler finds after parsing: names, types, patterns, reachability.
@Suite struct CheckerTests {
    static let cases: [(String, String, String)] = [
        ("deny when imag(data.x) == 1", "policy.unknown-function", "4:13"),
        ("deny when image(data.x).tagg == \"x\"", "policy.unknown-field", "4:13"),
        ("deny when semver(data.x).patchh == 1", "policy.unknown-field", "4:13"),
        ("deny when len(data, 2) == 1", "policy.wrong-arguments", "4:13"),
        ("deny when data.x matches \"a(b\"", "policy.invalid-regex", "4:32"),
        ("deny when data.x matches \"[z-a]\"", "policy.invalid-regex", "4:32"),
        ("deny when 1 == \"one\"", "policy.type-mismatch", "4:13"),
        ("deny when true < 2", "policy.type-mismatch", "4:13"),
        ("deny when \"a\" and true", "policy.type-mismatch", "4:13"),
        ("deny when data.x in 5", "policy.type-mismatch", "4:23"),
        ("deny when image(5).untagged", "policy.type-mismatch", "4:19"),
        ("deny when data.x == params.nope", "policy.unknown-parameter", "4:23"),
        ("deny when any x in 3: true", "policy.type-mismatch", "4:22"),
        ("deny when len(data)", "policy.type-mismatch", "4:13"),
    ]

    @Test(arguments: cases)
    func error(_ clause: String, _ id: String, _ position: String) throws {
        let harness = EngineHarness("policy \"a/b\" {\n  match kind ConfigMap\n  message \"m\"\n  \(clause)\n}\n")
        #expect(harness.graph == nil)
        let first = try #require(harness.diagnostics.first { $0.severity == .error })
        #expect(first.id.rawValue == id, "\(harness.diagnostics)")
        #expect(first.span?.start.description == position, "\(harness.diagnostics)")
    }

    @Test func pcre2MessageIsKept() throws {
        let harness = EngineHarness(policy("data.x matches \"a(b\""))
        #expect(harness.diagnostics.first?.message == "invalid regular expression: missing closing parenthesis")
    }

    @Test func unreachablePolicies() {
        let contradictory = EngineHarness("policy \"a/b\" {\n  match kind Secret\n  match workload\n  deny when true\n}\n")
        #expect(contradictory.diagnostics.map(\.id.rawValue) == ["policy.unreachable"])
        let excluded = EngineHarness("policy \"a/b\" {\n  match kind Secret\n  exclude kind [Secret, ConfigMap]\n  deny when true\n}\n")
        #expect(excluded.diagnostics.map(\.id.rawValue) == ["policy.unreachable"])
    }

    @Test func duplicateIdsAndMissingDeny() {
        let harness = EngineHarness("policy \"a/b\" {\n  deny when true\n}\npolicy \"a/b\" {\n  deny when true\n}\npolicy \"a/c\" {\n  title \"x\"\n}\n")
        #expect(harness.diagnostics.map(\.id.rawValue) == ["policy.duplicate-id"])
        let missing = EngineHarness("policy \"a/c\" {\n  title \"x\"\n}\n")
        #expect(missing.diagnostics.map(\.id.rawValue) == ["policy.missing-deny"])
    }

    @Test func parameterOverridesAreTyped() {
        let base = "param replicas = 2\nparam strict = false\nparam registries = [\"a\"]\n" + policy("true")
        #expect(EngineHarness(base, parameters: ["replicas": "3", "strict": "true", "registries": "a,b"]).errors.isEmpty)
        #expect(EngineHarness(base, parameters: ["replicas": "three"]).diagnostics.map(\.id.rawValue) == ["config.invalid-parameter"])
        #expect(EngineHarness(base, parameters: ["strict": "maybe"]).diagnostics.map(\.id.rawValue) == ["config.invalid-parameter"])
        #expect(EngineHarness(base, parameters: ["other": "1"]).diagnostics.map(\.id.rawValue) == ["config.unknown-parameter"])
    }

    @Test func compilerStagesAreNamedAndOrdered() {
        #expect(PolicyCompiler.stages.map(\.name) == ["parse", "parameters", "typecheck", "lower", "index"])
    }
}
