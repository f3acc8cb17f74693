import PortcullisDiagnostics
@testable import PortcullisEngine
import PortcullisManifest
import Testing

/// A lookup across every namespace (`resources("ClusterRole")`, `resources(["GitRepository", …])`)
/// sees a kind's resources in input order, though the set keeps them by namespace only and puts
/// them back together on first use.
@Suite struct InputSetTests {
    static func names(_ value: Value) -> [String] {
        guard case .resources(let items) = value else { return [] }
        return items.map { item in
            guard case .node(let node) = item, let name = node["metadata"]?["name"]?.scalarText else { return "?" }
            return name
        }
    }

    static func configMap(_ name: String, _ namespace: String?) -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\n" + (namespace.map { "  namespace: \($0)\n" } ?? "")
    }

    static let files: [ManifestFile] = [
        [configMap("one", "b"), configMap("two", "a"), configMap("three", nil)],
        [configMap("four", "b"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s1\n  namespace: a\n", configMap("five", "c")],
        [configMap("six", "a"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s2\n  namespace: b\n"],
    ].enumerated().map { index, documents in
        ManifestLoader().load(SourceFile(path: "f\(index).yaml", bytes: Array(documents.joined(separator: "---\n").utf8)))
    }

    /// Custom resources (`customResources()`) are those of API groups outside Kubernetes' own: a
    /// group with a dot that does not end in `k8s.io`, told from the apiVersion's bytes (a group
    /// spelt with a character that joins the `k` before it still ends in those bytes).
    @Test(arguments: [
        ("monitoring.coreos.com/v1", true), ("example.com/v1", true), ("k8s.io.example.com/v1", true),
        ("caf\u{E9}.example/v1", true), ("a.b/", true),
        ("v1", false), ("apps/v1", false), ("networking.k8s.io/v1", false), ("rbac.authorization.k8s.io/v1", false),
        ("k8s.io/v1", false), ("evilk8s.io/v1", false), ("/v1", false), ("8s.io/v1", true), ("x.\u{0600}k8s.io/v1", false),
    ])
    func customGroupsAreToldFromTheirBytes(apiVersion: String, isCustom: Bool) {
        #expect(InputSet.isCustom(apiVersion: apiVersion) == isCustom)
    }

    @Test func everyNamespaceInInputOrder() {
        let set = InputSet(files: Self.files)
        let expected = ["one", "two", "three", "four", "five", "six"]
        // Twice: made on first use, then kept.
        #expect(Self.names(set.resources(ofKinds: ["ConfigMap"], namespace: nil)) == expected)
        #expect(Self.names(set.resources(ofKinds: ["ConfigMap"], namespace: nil)) == expected)
        #expect(Self.names(set.resources(ofKinds: ["Secret"], namespace: nil)) == ["s1", "s2"])
        #expect(Self.names(set.resources(ofKinds: ["ConfigMap", "Secret"], namespace: nil)) == expected + ["s1", "s2"])
        #expect(Self.names(set.resources(ofKinds: ["Secret", "ConfigMap"], namespace: nil)) == ["s1", "s2"] + expected)
        #expect(Self.names(set.resources(ofKinds: ["Missing"], namespace: nil)).isEmpty)
    }

    @Test func oneNamespaceInInputOrder() {
        let set = InputSet(files: Self.files)
        #expect(Self.names(set.resources(ofKinds: ["ConfigMap"], namespace: "a")) == ["two", "six"])
        #expect(Self.names(set.resources(ofKinds: ["ConfigMap"], namespace: "b")) == ["one", "four"])
        #expect(Self.names(set.resources(ofKinds: ["ConfigMap"], namespace: "")) == ["three"])
        #expect(Self.names(set.resources(ofKinds: ["ConfigMap", "Secret"], namespace: "a")) == ["two", "six", "s1"])
        #expect(Self.names(set.resources(ofKinds: ["ConfigMap"], namespace: "z")).isEmpty)
    }

    @Test func onlyKindsLookedUpByKindAreListed() throws {
        let set = InputSet(documents: Self.files.flatMap(\.resources), listingKinds: ["Secret"])
        #expect(Self.names(set.resources(ofKinds: ["Secret"], namespace: nil)) == ["s1", "s2"])
        #expect(Self.names(set.resources(ofKinds: ["Secret"], namespace: "b")) == ["s2"])
        #expect(Self.names(set.resources(ofKinds: ["ConfigMap"], namespace: nil)).isEmpty)
        // What a graph's `resources(…)` calls name is what its runs list; computed kinds list all.
        let looked = try #require(EngineHarness(policy(#"len(resources("Secret", metadata.namespace)) > len(workloads())"#)).graph)
        #expect(looked.resourceLookupKinds == ["Secret"])
        #expect(looked.crossDocumentKinds?.contains("Deployment") == true)
        let computed = try #require(EngineHarness(policy(#"len(resources(data.kind)) > 0"#)).graph)
        #expect(computed.resourceLookupKinds == nil)
        let none = try #require(EngineHarness(policy(#"len(workloads()) > 0"#)).graph)
        #expect(none.resourceLookupKinds == [])
    }
    /// A lookup's list, held as places (`Value.resources`), reads as a list everywhere a list is
    /// read: its length, an element by index, `in`, equality, a quantifier.
    @Test(arguments: [
        #"len(resources("ConfigMap")) == 6 and len(resources("ConfigMap", "a")) == 2 and len(workloads()) == 0"#,
        #"resources("ConfigMap")[3].metadata.name == "four" and resources("ConfigMap", "b")[1].metadata.name == "four""#,
        #"resources("Secret")[1] in resources("Secret") and not (resources("Secret")[1] in resources("ConfigMap"))"#,
        #"resources("ConfigMap", "a") == resources("ConfigMap", "a") and resources("ConfigMap", "a") != resources("ConfigMap", "b")"#,
        #"resources(["Secret"], "a") == resources("Secret", "a") and not (resources("Secret") == resources("ConfigMap"))"#,
        #"(any c in resources("ConfigMap"): c.metadata.name == "six") and (all s in resources("Secret"): s.kind == "Secret")"#,
    ])
    func aLookupReadsAsAList(_ condition: String) throws {
        let graph = try #require(EngineHarness(policy(condition)).graph)
        var evaluator = Evaluator(graph: graph)
        evaluator.inputSet = InputSet(files: Self.files)
        let subject = try #require(Self.files.first?.resources.first)
        #expect(evaluator.evaluate(subject).count == 1, "the condition holds: \(condition)")
    }
    /// A subscript too large for a position (`1e300` in a manifest, `quantity("1E300")`) is past
    /// every end: no element, and no trap converting it.
    @Test func aHugeSubscriptIsPastEveryEnd() throws {
        let condition = #"not (list[n] exists) and not (list[m] exists) and not (keys(metadata)[n] exists) and list[1] == "b""#
            + #" and not (resources("ConfigMap")[quantity("1E300")] exists) and resources("ConfigMap")[0].metadata.name == "one""#
        let graph = try #require(EngineHarness(policy(condition, match: "match kind Widget")).graph)
        var evaluator = Evaluator(graph: graph)
        evaluator.inputSet = InputSet(files: Self.files)
        let text = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: c}\nlist: [a, b]\nn: 1e300\nm: -1e300\n"
        let file = ManifestLoader().load(SourceFile(path: "huge.yaml", bytes: Array(text.utf8)))
        let subject = try #require(file.resources.first)
        #expect(evaluator.evaluate(subject).count == 1)
    }
}
