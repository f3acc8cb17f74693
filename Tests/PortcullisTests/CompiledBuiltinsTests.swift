import Foundation
import Portcullis
import Testing

/// The built-in packs as the build compiled them (`PolicyPrecompiler`, loaded without parsing) against
/// the same packs compiled from their sources: the same policies, plan and findings.
@Suite struct CompiledBuiltinsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func pair() throws -> (stored: PolicySet, compiled: PolicySet) {
        let stored = try #require(PolicySet.compiledBuiltins(), "the build stored no compiled graph, or it did not load")
        let compiled = try PolicySet.compile([.builtin], options: .defaults, loadingCompiledBuiltins: false).get()
        return (stored, compiled)
    }

    @Test func checkLoadsTheStoredGraphWithDefaultOptions() throws {
        // Compiling the built-in packs with the defaults gives the stored graph's policy set: the
        // same policies, and no diagnostics (the build stores a graph only when there are none).
        let compilation = PolicySet.compile([.builtin])
        #expect(compilation.diagnostics.isEmpty)
        let (stored, compiled) = try Self.pair()
        #expect(try compilation.get().planDescription == stored.planDescription)
        #expect(stored.policies.map(\.id) == compiled.policies.map(\.id))
    }

    @Test func storedPoliciesDescribeThemselvesAsCompiledOnes() throws {
        let (stored, compiled) = try Self.pair()
        #expect(stored.policies.count == compiled.policies.count && !stored.policies.isEmpty)
        for (a, b) in zip(stored.policies, compiled.policies) {
            // Every field, examples and parameters included.
            #expect(String(describing: a) == String(describing: b))
            #expect(stored.source(of: a) == compiled.source(of: b))
        }
        #expect(stored.planDescription == compiled.planDescription)
        #expect(stored.looksAcrossDocuments == compiled.looksAcrossDocuments)
        #expect(stored.nearestPolicyID(to: "images/no-latest-tags") == compiled.nearestPolicyID(to: "images/no-latest-tags"))
    }

    @Test func storedGraphFindsWhatTheCompiledOneFinds() throws {
        let (stored, compiled) = try Self.pair()
        let fixtures = Self.root.appendingPathComponent("fixtures").path
        let a = Validator(policies: stored).validate(paths: [fixtures])
        let b = Validator(policies: compiled).validate(paths: [fixtures])
        #expect(a.findings.count > 20)
        #expect(a.findings.map(\.description) == b.findings.map(\.description))
        #expect(a.findings.map(\.jsonPath) == b.findings.map(\.jsonPath))
        #expect(a.diagnostics.map(\.description) == b.diagnostics.map(\.description))
        #expect(Report(format: .sarif).render(a) == Report(format: .sarif).render(b))
    }

    @Test func otherOptionsCompileFromSources() throws {
        // A parameter or a selection the stored graph was not made with: compiled, and it shows.
        let options = PolicyOptions(disable: ["images"])
        let policies = try PolicySet.compile([.builtin], options: options).get()
        #expect(!policies.policies.contains { $0.id.hasPrefix("images/") })
        let strict = try PolicySet.compile([.builtin], options: PolicyOptions(all: true)).get()
        #expect(strict.policies.count > (try Self.pair().stored.policies.count))
    }
}
