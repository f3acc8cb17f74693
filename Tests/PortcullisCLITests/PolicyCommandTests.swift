import Foundation
import Testing

/// The policy side of the command line, run as a user runs it: the built binary, the built-in
/// policies under policies/, real manifests.
@Suite struct PolicyCommandTests {
    @Test func violationsAreFindingsWithLineColumnAndPolicyAndExit1() throws {
        let result = try PortcullisBinary.run(["check", "fixtures/violations"])
        #expect(result.status == 1)
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("fixtures/") }
        #expect(headers == [
            "fixtures/violations/secret.yaml:7:1: error: Secret 'database' keeps plaintext values in Git; encrypt it (SOPS, SealedSecret) [secrets/no-plaintext]",
            "fixtures/violations/web.yaml:8:13: warning: Deployment 'web' has 2 replicas but no PodDisruptionBudget selects its pods [reliability/pdb-required]",
            "fixtures/violations/web.yaml:12:11: error: container 'web' does not set every required limit ([cpu, memory]) [resources/limits-required]",
            "fixtures/violations/web.yaml:12:11: warning: container 'web' does not set every required request ([cpu, memory]) [resources/requests-required]",
            "fixtures/violations/web.yaml:12:17: warning: container 'web' does not set readOnlyRootFilesystem: true [pod-security-extra/read-only-root-filesystem]",
            "fixtures/violations/web.yaml:12:17: error: container 'web' does not run with an allowed seccomp profile ([RuntimeDefault, Localhost]) [pod-security-restricted/seccomp]",
            "fixtures/violations/web.yaml:12:17: warning: container 'web' does not define every required probe ([livenessProbe, readinessProbe]) [reliability/probes]",
            "fixtures/violations/web.yaml:13:18: error: container 'web' uses floating image 'nginx:latest' [images/no-latest-tag]",
            "fixtures/violations/web.yaml:14:11: error: container 'web' does not set allowPrivilegeEscalation: false [pod-security-restricted/allow-privilege-escalation]",
            "fixtures/violations/web.yaml:14:11: error: container 'web' does not drop [ALL] [pod-security-restricted/capabilities-drop]",
            "fixtures/violations/web.yaml:14:11: error: container 'web' may run as root: runAsNonRoot is not true for it [pod-security-restricted/run-as-non-root]",
            "fixtures/violations/web.yaml:15:25: error: container 'web' runs privileged [pod-security-baseline/privileged]",
            "fixtures/violations/web.yaml:16:17: warning: container 'metrics' does not set readOnlyRootFilesystem: true [pod-security-extra/read-only-root-filesystem]",
            "fixtures/violations/web.yaml:16:17: error: container 'metrics' does not run with an allowed seccomp profile ([RuntimeDefault, Localhost]) [pod-security-restricted/seccomp]",
            "fixtures/violations/web.yaml:16:17: warning: container 'metrics' does not define every required probe ([livenessProbe, readinessProbe]) [reliability/probes]",
            "fixtures/violations/web.yaml:18:11: error: container 'metrics' does not drop [ALL] [pod-security-restricted/capabilities-drop]",
        ])
        #expect(result.stdout.contains("              image: nginx:latest\n                     ^\n    = help: Pin an immutable version"))
        #expect(result.stdout.contains("10 errors, 6 warnings, 0 infos; 0 input errors"))
    }

    /// A Pod with limits and no requests: only the warning-level requests policy fires.
    static let podWithoutRequests = """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              image: a:1.0.0
              resources: {limits: {cpu: "1", memory: 1Gi}}
        """

    @Test func failOnDecidesTheExitCode() throws {
        let warningOnly = try PortcullisBinary.run(["check", "fixtures/violations/web.yaml", "--policy", "policies/resources"])
        #expect(warningOnly.status == 1)  // limits-required is an error
        let requestsOnly = try PortcullisBinary.run(["check", "-", "--policy", "policies/resources"], stdin: Self.podWithoutRequests)
        #expect(requestsOnly.status == 0)
        #expect(requestsOnly.stdout.contains("[resources/requests-required]"))
        let strict = try PortcullisBinary.run(["check", "-", "--policy", "policies/resources", "--fail-on", "warning"],
                                              stdin: Self.podWithoutRequests)
        #expect(strict.status == 1)
    }

    @Test func jsonReportHasEveryField() throws {
        let result = try PortcullisBinary.run(["check", "--format", "json", "fixtures/violations/web.yaml"])
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let latest = try #require(findings.first { $0["policy"] as? String == "images/no-latest-tag" })
        #expect(latest["file"] as? String == "fixtures/violations/web.yaml")
        #expect(latest["line"] as? Int == 13)
        #expect(latest["column"] as? Int == 18)
        #expect(latest["endLine"] as? Int == 13)
        #expect(latest["endColumn"] as? Int == 30)
        #expect(latest["document"] as? Int == 0)
        #expect(latest["kind"] as? String == "Deployment")
        #expect(latest["namespace"] as? String == "shop")
        #expect(latest["name"] as? String == "web")
        #expect(latest["jsonPath"] as? String == "$.spec.template.spec.containers[0].image")
        #expect(latest["severity"] as? String == "error")
        #expect((latest["help"] as? String)?.hasPrefix("Pin an immutable version") == true)
        let limits = try #require(findings.first { $0["policy"] as? String == "resources/limits-required" })
        #expect(limits["jsonPath"] as? String == "$.spec.template.spec.containers[0].resources")
        let summary = try #require(report["summary"] as? [String: Any])
        #expect((summary["findings"] as? [String: Int])?["error"] == 9)
    }

    @Test func parametersFromTheCommandLine() throws {
        let dir = try TemporaryFolder()
        try dir.write("registries.policy", """
            param allowed_registries = ["registry.example.com"]
            policy "images/allowed-registries" {
              match workload
              for c in containers
              deny when image(c.image).registry not in params.allowed_registries
              message "image '{c.image}' comes from '{image(c.image).registry}', not an allowed registry"
              at c.image
            }
            """)
        let manifest = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, image: ghcr.io/org/a:1.0.0}\n"
        let denied = try PortcullisBinary.run(["check", "-", "--policy", dir.path], stdin: manifest)
        #expect(denied.status == 1)
        #expect(denied.stdout.contains("<stdin>:5:24: error: image 'ghcr.io/org/a:1.0.0' comes from 'ghcr.io', not an allowed registry [images/allowed-registries]"))
        let allowed = try PortcullisBinary.run(["check", "-", "--policy", dir.path, "--param", "allowed_registries=registry.example.com,ghcr.io"], stdin: manifest)
        #expect(allowed.status == 0)
        let unknown = try PortcullisBinary.run(["check", "-", "--policy", dir.path, "--param", "nope=1"], stdin: manifest)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--param nope: no policy declares a parameter 'nope'"))
    }

    @Test func policyErrorsAreDiagnosticsWithACaretAndExit2() throws {
        let dir = try TemporaryFolder()
        try dir.write("bad.policy", """
            policy "x/bad" {
              match workload
              for c in containers
              deny when imag(c.image).tag == "latest"
            }
            """)
        let result = try PortcullisBinary.run(["check", "fixtures/valid", "--policy", dir.path + "/bad.policy"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.policy:4:13: error: unknown function 'imag' [policy.unknown-function]\n      deny when imag(c.image).tag == \"latest\"\n                ^"))
    }

    @Test func builtInPoliciesPassTheirOwnExamples() throws {
        let result = try PortcullisBinary.run(["test", "policies"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix(" passed, 0 failed\n"))
        #expect(!result.stdout.contains("policies without examples"))
    }

    @Test func theBinaryCarriesTheBuiltInPoliciesUpToDate() throws {
        let fromBinary = try PortcullisBinary.run(["test"], workingDirectory: URL(fileURLWithPath: NSTemporaryDirectory()))
        #expect(fromBinary.status == 0)
        let fromFolder = try PortcullisBinary.run(["test", "policies"])
        #expect(fromBinary.stdout == fromFolder.stdout)
        #expect(fromBinary.stdout.hasSuffix(" passed, 0 failed\n"))
        // The packs are embedded at build time from policies/: the binary's reference (ids, texts,
        // lines, examples) is the folder's.
        let embedded = try PortcullisBinary.run(["rules", "--all-policies", "--markdown", "--no-config"])
        let folder = try PortcullisBinary.run(["rules", "--all-policies", "--markdown", "--no-config", "--policy", "policies"])
        #expect(embedded.status == 0 && folder.status == 0)
        #expect(embedded.stdout == folder.stdout)
    }

    /// docs/policies.md is generated from the policies (`make policy-docs`), never edited apart.
    @Test func policyReferenceIsUpToDate() throws {
        let generated = try PortcullisBinary.run(["rules", "--all-policies", "--markdown", "--no-config"])
        #expect(generated.status == 0)
        let committed = try String(contentsOf: PortcullisBinary.packageRoot.appendingPathComponent("docs/policies.md"), encoding: .utf8)
        #expect(generated.stdout == committed, "docs/policies.md is stale: run `make policy-docs`")
        #expect(generated.stdout.contains("### reliability/pdb-required"))
        // Every built-in policy has at least two passing and two failing examples.
        let counts = generated.stdout.split(separator: "\n").filter { $0.hasPrefix("- **Examples:** ") }.map { line in
            line.split(separator: " ").compactMap { Int($0) }
        }
        #expect(counts.count == generated.stdout.components(separatedBy: "\n### ").count - 1)
        #expect(counts.allSatisfy { $0.count == 2 && $0[0] >= 2 && $0[1] >= 2 }, "\(counts)")
    }

    @Test func policiesFromTheEnvironment() throws {
        let dir = try TemporaryFolder()
        try dir.write("only.policy", "policy \"x/only\" {\n  deny when false\n}\n")
        let rules = try PortcullisBinary.run(["rules"], environment: ["PORTCULLIS_POLICIES": dir.path])
        #expect(rules.stdout.hasPrefix("x/only"))
    }

    @Test func testReportsAWrongLocationAsAFailure() throws {
        let dir = try TemporaryFolder()
        let source = try String(contentsOf: PortcullisBinary.packageRoot.appendingPathComponent("policies/images/no-latest-tag.policy"), encoding: .utf8)
        try dir.write("moved.policy", source.replacingOccurrences(of: "image: nginx:latest   # expect", with: "image: nginx:latest")
            .replacingOccurrences(of: "- name: sidecar", with: "- name: sidecar   # expect"))
        let result = try PortcullisBinary.run(["test", dir.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL images/no-latest-tag example 3 (fail)"))
        // Lines are the policy file's own (the example starts at line 46), each failure with a caret.
        #expect(result.stdout.contains("no finding on expected line 55; unexpected finding at line 54: container 'web' uses floating image 'nginx:latest'"))
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (header, source) in [("moved.policy:54:22: error: unexpected finding: container 'web' uses floating image 'nginx:latest' [test.unexpected-finding]", "image: nginx:latest"),
                                 ("moved.policy:55:31: error: no finding here [test.missing-finding]", "- name: sidecar   # expect")] {
            let at = try #require(lines.firstIndex { $0.hasSuffix(header) }, "\(result.stdout)")
            #expect(lines[at + 1].hasSuffix(source))
            // The caret stands under the column the header names (4 columns of margin).
            let column = Int(header.split(separator: ":")[2])!
            #expect(lines[at + 2] == String(repeating: " ", count: 4 + column - 1) + "^")
        }
        #expect(result.stdout.hasSuffix("3 passed, 1 failed\n"))
    }

    @Test func rulesAndExplain() throws {
        let rules = try PortcullisBinary.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("images/no-latest-tag"))
        #expect(rules.stdout.contains("secrets/no-plaintext"))
        let explain = try PortcullisBinary.run(["explain", "secrets/no-plaintext"])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("secrets/no-plaintext — Secrets must not be committed in plaintext\nseverity: error"))
        #expect(explain.stdout.contains("example 3 (fails):"))
        let missing = try PortcullisBinary.run(["explain", "no/such-policy"])
        #expect(missing.status == 2)
    }

    @Test func explainPlanShowsTheKindIndexAndSharedNodes() throws {
        let result = try PortcullisBinary.run(["check", "--explain-plan"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  Secret: metadata/namespace-set, secrets/no-plaintext\n"))
        #expect(result.stdout.contains("  Deployment: images/allowed-images, "))
        #expect(result.stdout.contains(", reliability/pdb-required, "))
        // Plan node numbers depend on the order every policy (opt-in ones included) is lowered in, so
        // they are matched as numbers, not pinned: adding a pack renumbers them.
        #expect(result.stdout.range(of: #"for \$[0-9]+ in containers: images/allowed-images, "#, options: .regularExpression) != nil)
        #expect(result.stdout.range(of: #"for \$[0-9]+ in pod.volumes: pod-security-baseline/host-path-volumes, pod-security-restricted/volume-types\n"#, options: .regularExpression) != nil)
        #expect(result.stdout.range(of: #"  #[0-9]+ containers — [0-9]+ policies\n"#, options: .regularExpression) != nil)
    }
}

/// A temporary folder for policy files.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
    }
}

@Suite struct ProjectionCommandTests {
    /// Findings must not depend on the projection: over the whole corpus, with and without it.
    @Test(.enabled(if: PortcullisBinary.sharedFolder != nil, "skipped: ../shared is absent (a user's clone has none)"))
    func sameFindingsWithAndWithoutProjection() throws {
        let corpus = try #require(PortcullisBinary.sharedFolder).appendingPathComponent("corpus").path
        let projected = try PortcullisBinary.run(["check", "--format", "json", corpus])
        let full = try PortcullisBinary.run(["check", "--format", "json", "--no-projection", corpus])
        func findings(_ output: String) throws -> [[String: AnyHashable]] {
            let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            return try #require(report["findings"] as? [[String: AnyHashable]])
        }
        let a = try findings(projected.stdout), b = try findings(full.stdout)
        #expect(a.count > 500)
        #expect(a == b)
    }
}
