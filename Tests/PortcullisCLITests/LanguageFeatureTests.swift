import Foundation
import Testing

/// Issue 14's language additions, driven the way a user drives them: policy files and manifests in
/// a temporary folder, the real binary, its output and exit status.
@Suite struct LanguageFeatureTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: prod-eu
        spec:
          containers:
            - name: app
              image: app:1
              volumeMounts:
                - name: sock
                  mountPath: /var/run/docker.sock
                - name: tmp
                  mountPath: /tmp
            - name: sidecar
              image: side:1
              volumeMounts:
                - name: tmp
                  mountPath: /tmp

        """

    /// Several `deny` blocks, each with its own message and location; findings name their block
    /// (`[id#label]` in text, `check` in JSON); unlabelled blocks of a multi-block policy are numbered.
    @Test func severalDenyBlocksNameTheirFindings() throws {
        let dir = try TemporaryFolder()
        try dir.write("pod.yaml", Self.pod)
        try dir.write("mounts.policy", """
            policy "team/mounts" {
              match kind Pod
              for c in containers, m in c.volumeMounts
              deny socket when m.mountPath == "/var/run/docker.sock"
              message "container '{c.name}' mounts the docker socket"
              at m.mountPath
              deny when m.mountPath == "/tmp"
              message "container '{c.name}' mounts /tmp"
            }
            """)
        let text = try PortcullisBinary.run(["check", "--no-config", "--policy", dir.path + "/mounts.policy", dir.path + "/pod.yaml"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("pod.yaml:12:22: error: container 'app' mounts the docker socket [team/mounts#socket]"))
        // The second block has no `at`: the iterated element (the mount) is the location.
        #expect(text.stdout.contains("pod.yaml:13:11: error: container 'app' mounts /tmp [team/mounts#2]"))
        #expect(text.stdout.contains("pod.yaml:18:11: error: container 'sidecar' mounts /tmp [team/mounts#2]"))
        let json = try PortcullisBinary.run(["check", "--no-config", "--format", "json", "--policy", dir.path + "/mounts.policy", dir.path + "/pod.yaml"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.map { $0["check"] as? String } == ["socket", "2", "2"])
        // Different blocks at one place are different findings (their fingerprints differ).
        #expect(Set(findings.compactMap { $0["fingerprint"] as? String }).count == 3)
    }

    /// `let` at policy level and inside the iteration; the message names the parent container of a
    /// mount; a string literal inside a message hole needs no escaping (the `\"` form still works).
    @Test func letParentAccessAndStringsInHoles() throws {
        let dir = try TemporaryFolder()
        try dir.write("pod.yaml", Self.pod)
        try dir.write("let.policy", #"""
            policy "team/let" {
              match kind Pod
              let owner = default(metadata.labels.owner, "nobody")
              for c in containers, m in c.volumeMounts
              let path = m.mountPath
              deny when path == "/tmp"
              message "{owner}: '{c.name}' mounts {path} ({default(m.readOnly, "writable")}, {default(m.subPath, \"whole\")}, \{braces})"
              at path
            }
            """#)
        let result = try PortcullisBinary.run(["check", "--no-config", "--policy", dir.path + "/let.policy", dir.path + "/pod.yaml"])
        #expect(result.stdout.contains("pod.yaml:14:22: error: nobody: 'app' mounts /tmp (writable, whole, {braces}) [team/let]"), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("pod.yaml:19:22: error: nobody: 'sidecar' mounts /tmp (writable, whole, {braces}) [team/let]"))
    }

    /// A name bound twice in one policy (two `let`s, or a `let` and a loop variable) is an error at
    /// the second; a hole whose brace is never closed says so.
    @Test func bindingErrors() throws {
        let dir = try TemporaryFolder()
        try dir.write("dup.policy", """
            policy "team/dup" {
              match kind Pod
              for c in containers
              let c = 1
              deny when c == 1
            }
            """)
        let duplicate = try PortcullisBinary.run(["rules", "--no-config", "--policy", dir.path + "/dup.policy"])
        #expect(duplicate.status == 2)
        #expect(duplicate.stderr.contains("dup.policy:4:7: error: 'c' is already bound at line 3 of this policy; choose another name [policy.duplicate-name]"))
        try dir.write("hole.policy", """
            policy "team/hole" {
              deny when true
              message "value {default(x, "unset")"
            }
            """)
        let hole = try PortcullisBinary.run(["rules", "--no-config", "--policy", dir.path + "/hole.policy"])
        #expect(hole.status == 2)
        #expect(hole.stderr.contains("hole.policy:3:11: error: '{' in the message is not closed by '}'"), "\(hole.stderr)")
    }

    /// `match namespace params.NAME` reads the parameter's list; `--param` changes what matches; a
    /// parameter that holds no text is a type error at the matcher.
    @Test func parametersInMatchers() throws {
        let dir = try TemporaryFolder()
        try dir.write("pod.yaml", Self.pod)
        try dir.write("prod.policy", """
            param prod_namespaces = ["prod", "prod-*"]
            policy "team/prod-only" {
              match namespace params.prod_namespaces
              deny when kind == "Pod"
              message "a bare Pod in production"
            }
            """)
        let matched = try PortcullisBinary.run(["check", "--no-config", "--policy", dir.path + "/prod.policy", dir.path + "/pod.yaml"])
        #expect(matched.stdout.contains("a bare Pod in production [team/prod-only]"))
        let notMatched = try PortcullisBinary.run(["check", "--no-config", "--policy", dir.path + "/prod.policy", "--param", "prod_namespaces=production",
                                                   dir.path + "/pod.yaml"])
        #expect(notMatched.status == 0)
        #expect(!notMatched.stdout.contains("team/prod-only"))
        try dir.write("bad.policy", """
            param replicas = 3
            policy "team/bad" {
              match kind params.replicas
              deny when true
            }
            """)
        let bad = try PortcullisBinary.run(["rules", "--no-config", "--policy", dir.path + "/bad.policy"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.policy:3:14: error: 'match kind' takes a parameter holding text or a list of text; 'bad.replicas' holds a number [policy.type-mismatch]"))
    }

    /// Parameters are scoped to their pack: a user's `max_memory_limit` beside the resources pack's
    /// is no clash; `--param pack.NAME` sets one, a plain `--param NAME` every pack's; a clash in one
    /// pack names the other declaration; reading another pack's parameter needs its name.
    @Test func parametersAreScopedToTheirPack() throws {
        let dir = try TemporaryFolder()
        try dir.write("acme.policy", """
            param max_memory_limit = "4Gi"
            policy "acme/memory" {
              match kind Pod
              deny when quantity(params.max_memory_limit) > quantity("8Gi")
              example pass \"\"\"
                apiVersion: v1
                kind: Pod
                \"\"\"
            }
            """)
        let together = try PortcullisBinary.run(["explain", "acme/memory", "--policy", "builtin", "--policy", dir.path + "/acme.policy",
                                                 "--param", "acme.max_memory_limit=16Gi"])
        #expect(together.status == 0, "\(together.stderr)")
        #expect(together.stdout.contains("acme.max_memory_limit = \"16Gi\"   (default \"4Gi\")   declared at \(dir.path)/acme.policy:1"))
        let builtinUnchanged = try PortcullisBinary.run(["explain", "resources/limit-ceilings", "--policy", "builtin", "--policy", dir.path + "/acme.policy",
                                                         "--param", "acme.max_memory_limit=16Gi"])
        #expect(builtinUnchanged.stdout.contains("resources.max_memory_limit = \"\"   (the default)"))
        let everyPack = try PortcullisBinary.run(["explain", "resources/limit-ceilings", "--policy", "builtin", "--policy", dir.path + "/acme.policy",
                                                  "--param", "max_memory_limit=1Gi"])
        #expect(everyPack.stdout.contains("resources.max_memory_limit = \"1Gi\"   (default \"\")"))

        try dir.write("resources.policy", "param max_memory_limit = \"4Gi\"\n")
        let clash = try PortcullisBinary.run(["rules", "--policy", "builtin", "--policy", dir.path + "/resources.policy"])
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("resources.policy:1:1: error: parameter 'max_memory_limit' of pack 'resources' is already declared with another value at builtin:resources/ceilings.policy:5:1 [policy.duplicate-parameter]"),
                "\(clash.stderr)")

        try dir.write("other.policy", """
            policy "other/reads" {
              deny when params.max_memory_limit == "x"
            }
            """)
        let unscoped = try PortcullisBinary.run(["rules", "--policy", dir.path + "/acme.policy", "--policy", dir.path + "/other.policy"])
        #expect(unscoped.status == 2)
        #expect(unscoped.stderr.contains("error: unknown parameter 'max_memory_limit' (pack 'other')"))
        #expect(unscoped.stderr.contains("note: parameters are scoped to their pack; declared as acme.max_memory_limit: read one as params.acme.max_memory_limit"))
        try dir.write("other.policy", """
            policy "other/reads" {
              deny when params.acme.max_memory_limit == "x"
            }
            """)
        let qualified = try PortcullisBinary.run(["rules", "--policy", dir.path + "/acme.policy", "--policy", dir.path + "/other.policy"])
        #expect(qualified.status == 0, "\(qualified.stderr)")
    }

    /// `pack NAME` puts a file's parameters in a named pack shared with other files.
    @Test func packDeclarationSharesParametersAcrossFiles() throws {
        let dir = try TemporaryFolder()
        try dir.write("a-params.policy", "pack team\nparam limit = 3\n")
        try dir.write("b-rules.policy", "pack team\npolicy \"team/limit\" {\n  deny when params.limit > 5\n}\n")
        let result = try PortcullisBinary.run(["explain", "team/limit", "--policy", dir.path, "--param", "team.limit=7"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("team.limit = 7   (default 3)   declared at \(dir.path)/a-params.policy:2"))
    }

    /// `builtin` among policy paths loads the built-in packs beside the user's: on the command line
    /// and in the configuration (`policies: [builtin, ./policies]`).
    @Test func builtinAndOwnPoliciesTogether() throws {
        let dir = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: dir.path + "/policies", withIntermediateDirectories: true)
        try dir.write("policies/own.policy", "policy \"own/always\" {\n  match kind Pod\n  deny when true\n  message \"own policy\"\n}\n")
        try dir.write(".portcullis.yaml", "policies: [builtin, ./policies]\n")
        try dir.write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n")
        let configured = try PortcullisBinary.run(["check", "pod.yaml"], workingDirectory: URL(fileURLWithPath: dir.path))
        #expect(configured.stdout.contains("own policy [own/always]"), "\(configured.stdout)\(configured.stderr)")
        #expect(configured.stdout.contains("[images/no-latest-tag]"))
        let commandLine = try PortcullisBinary.run(["rules", "--no-config", "--policy", "builtin", "--policy", dir.path + "/policies"])
        #expect(commandLine.stdout.contains("own/always"))
        #expect(commandLine.stdout.contains("images/no-latest-tag"))
        let ownOnly = try PortcullisBinary.run(["rules", "--no-config", "--policy", dir.path + "/policies"])
        #expect(!ownOnly.stdout.contains("images/no-latest-tag"))
    }

    /// `portcullis test`: a policy without examples fails; `# expect POLICY-ID`, `# expect #check`
    /// and `# expect "text"` say which finding a line must get; a wrong one fails at its line.
    @Test func testCommandExpectations() throws {
        let dir = try TemporaryFolder()
        try dir.write("untested.policy", "policy \"team/untested\" {\n  deny when true\n}\n")
        let untested = try PortcullisBinary.run(["test", dir.path + "/untested.policy"])
        #expect(untested.status == 1)
        #expect(untested.stdout.contains("FAIL team/untested has no examples at \(dir.path)/untested.policy:1"))
        #expect(untested.stdout.contains("untested.policy:1:1: error: the policy has no examples"))
        #expect(untested.stdout.hasSuffix("0 passed, 1 failed (1 policy without examples)\n"))

        let policy = """
            policy "team/replicas" {
              match kind Deployment
              deny low when spec.replicas < 2
              message "runs {spec.replicas} replica"
              at spec.replicas
              deny high when spec.replicas > 10
              message "runs {spec.replicas} replicas"
              at spec.replicas
              example fail \"\"\"
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  replicas: 1   # expect EXPECTATION
                \"\"\"
            }
            """
        for (expectation, passes) in [("team/replicas", true), ("team/replicas#low", true), (#"#low "runs 1 replica""#, true),
                                      (#""runs 1""#, true), ("#high", false), ("team/other", false), (#""runs 2""#, false)] {
            try dir.write("replicas.policy", policy.replacingOccurrences(of: "EXPECTATION", with: expectation))
            let result = try PortcullisBinary.run(["test", dir.path + "/replicas.policy"])
            #expect(result.status == (passes ? 0 : 1), "# expect \(expectation): \(result.stdout)")
            if !passes {
                #expect(result.stdout.contains("replicas.policy:13:17: error: unexpected finding: runs 1 replica [test.unexpected-finding]"), "\(result.stdout)")
                #expect(result.stdout.contains("replicas.policy:13:21: error: no finding matching"), "\(result.stdout)")
            }
        }
    }

    /// `explain` shows the parameters with values and defaults, the checks, the rule's source, and
    /// suggests the nearest id for a typo.
    @Test func explainShowsParametersSourceAndSuggestions() throws {
        let explained = try PortcullisBinary.run(["explain", "images/no-latest-tag", "--no-config", "--param", "disallowed_tags=latest,dev"])
        #expect(explained.status == 0)
        #expect(explained.stdout.contains("  images.disallowed_tags = [\"latest\",\"dev\"]   (default [\"latest\"])   declared at builtin:images/no-latest-tag.policy:1"))
        #expect(explained.stdout.contains("  images.exempt_images = []   (the default)   declared at builtin:images/no-latest-tag.policy:4"))
        #expect(explained.stdout.contains("source (builtin:images/no-latest-tag.policy:6):\n    policy \"images/no-latest-tag\" {"))
        #expect(explained.stdout.contains("      deny when (image(container.image).tag in params.disallowed_tags or image(container.image).untagged)"))
        #expect(explained.stdout.contains("      example fail \"\"\" … \"\"\""))
        let typo = try PortcullisBinary.run(["explain", "images/no-latest-tags", "--no-config"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("error: no policy 'images/no-latest-tags'; did you mean 'images/no-latest-tag'?"))
        let checks = try PortcullisBinary.run(["explain", "examples/prod-replicas-and-pdb", "--no-config", "--policy", "Examples/policies"])
        #expect(checks.stdout.contains("\nchecks: replicas, pdb\n"))
        #expect(checks.stdout.contains("  production.prod_namespaces = [\"prod\",\"prod-*\",\"production\"]   (the default)"))
    }

    /// The ten policies of issue 14 pass their own examples, alone and beside the built-in packs
    /// (their parameters share names with the packs' without clashing).
    @Test func examplePoliciesPass() throws {
        let alone = try PortcullisBinary.run(["test", "Examples/policies"])
        #expect(alone.status == 0, "\(alone.stdout)\(alone.stderr)")
        #expect(alone.stdout.hasSuffix(" passed, 0 failed\n"))
        let files = try FileManager.default.contentsOfDirectory(atPath: PortcullisBinary.packageRoot.appendingPathComponent("Examples/policies").path)
        #expect(files.filter { $0.hasSuffix(".policy") }.count >= 9)
        let rules = try PortcullisBinary.run(["rules", "--no-config", "--policy", "Examples/policies"])
        #expect(rules.stdout.split(separator: "\n").count == 11)  // ingress.policy holds two
        let together = try PortcullisBinary.run(["test", "builtin", "Examples/policies"])
        #expect(together.status == 0, "\(together.stdout)\(together.stderr)")
    }
}
