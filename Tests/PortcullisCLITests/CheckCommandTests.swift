import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func brokenFixturesGiveCompilerStyleDiagnosticsAndExit2() throws {
        // Loader diagnostics only: the metadata pack would add namespace warnings for the few resources that load.
        let result = try PortcullisBinary.run(["check", "fixtures/invalid", "--disable", "metadata"])
        #expect(result.status == 2)
        let expected = [
            "fixtures/invalid/binary.yaml:3:1: error: binary file (NUL byte at offset 31), not YAML or JSON [input.binary]",
            "fixtures/invalid/duplicate-key.yaml:7:3: warning: duplicate key 'mode' in this mapping; the last value is used [yaml.duplicate-key]",
            "fixtures/invalid/invalid-utf8.yaml:6:17: error: invalid UTF-8: byte 0xE9 at offset 78",
            "fixtures/invalid/not-a-resource.yaml:1:1: error: document 1 is a single value",
            "fixtures/invalid/syntax-error.yaml:8:19: error: mapping values are not allowed in this context [yaml.syntax]",
            "fixtures/invalid/too-deep.yaml:5:265: error: nesting deeper than 256 levels",
            "fixtures/invalid/unknown-anchor.yaml:6:13: error: alias '*labels' refers to no anchor defined before it [yaml.unknown-anchor]",
            "fixtures/invalid/yaml-bomb.yaml:13:10: error: aliases expand this document past 1000000 nodes",
        ]
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("fixtures/") }
        #expect(headers.count == expected.count)
        for (line, prefix) in zip(headers, expected) { #expect(line.hasPrefix(prefix)) }
        #expect(result.stdout.contains("\n    " + "      image: nginx: 1.25\n    " + String(repeating: " ", count: 18) + "^\n"))
        #expect(result.stdout.contains("\nchecked 8 files, 2 resources against 41 policies: "))
        #expect(result.stdout.contains("; 7 input errors ("))
    }

    @Test func cleanInputExits0() throws {
        let result = try PortcullisBinary.run(["check", "fixtures/valid"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("checked 3 files, 6 resources against 42 policies: 0 errors, 0 warnings, 0 infos; 0 input errors ("))
    }

    @Test func warningsAloneDoNotFail() throws {
        let result = try PortcullisBinary.run(["check", "--quiet", "fixtures/invalid/duplicate-key.yaml", "--disable", "metadata"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("fixtures/invalid/duplicate-key.yaml:7:3: warning:"))
    }

    @Test func colourOnlyWhenAskedAndNeverWithNoColor() throws {
        let plain = try PortcullisBinary.run(["check", "fixtures/invalid/syntax-error.yaml"])
        #expect(!plain.stdout.contains("\u{1B}["))  // a pipe is not a terminal
        let forced = try PortcullisBinary.run(["check", "--color", "always", "fixtures/invalid/syntax-error.yaml"])
        #expect(forced.stdout.contains("\u{1B}[1;31merror"))
        let noColor = try PortcullisBinary.run(["check", "fixtures/invalid/syntax-error.yaml"], environment: ["NO_COLOR": "1", "TERM": "xterm"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    @Test func missingPathIsAnInputError() throws {
        let result = try PortcullisBinary.run(["check", "fixtures/valid", "no/such/dir"])
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("no/such/dir: error: no such file or directory [input.not-found]\n"))
        #expect(result.stdout.contains("6 resources against"))
    }

    @Test func usageErrorsExit2() throws {
        let result = try PortcullisBinary.run(["check"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Give at least one file or folder"))
        let unknown = try PortcullisBinary.run(["check", "--no-such-flag", "fixtures"])
        #expect(unknown.status == 2)
    }

    /// `portcullis check …` is parsed as the check command on its own first (start-up); whatever
    /// that parse does not take plainly goes through the root: help, version, completion scripts
    /// and usage errors read as they do from the root, naming `portcullis check`.
    @Test func builtInFlagsAndUsageErrorsOfCheckGoThroughTheRoot() throws {
        let help = try PortcullisBinary.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: portcullis check [<options>] [<paths> ...]"))
        #expect(help.stdout == (try PortcullisBinary.run(["help", "check"])).stdout)
        #expect((try PortcullisBinary.run(["check", "-h"])).stdout == help.stdout)
        let version = try PortcullisBinary.run(["check", "--version"])
        #expect(version.status == 0)
        let rootVersion = try PortcullisBinary.run(["--version"])
        #expect(!version.stdout.isEmpty && version.stdout == rootVersion.stdout)
        let completion = try PortcullisBinary.run(["check", "--generate-completion-script", "bash"])
        #expect(completion.status == 0)
        #expect(completion.stdout.contains("__portcullis_cursor_index_in_current_word"))
        for (arguments, error) in [(["check", "--no-such-flag", "fixtures"], "Error: Unknown option '--no-such-flag'"),
                                   (["check", "--max-depth", "0", "fixtures"], "Error: --max-depth must be positive.")] {
            let result = try PortcullisBinary.run(arguments)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix(error + "\nUsage: portcullis check [<options>] [<paths> ...]\n"), "\(arguments)")
        }
    }

    @Test func excludeAndSizeLimitOptions() throws {
        let excluded = try PortcullisBinary.run(["check", "fixtures", "--exclude", "invalid/**", "--exclude", "violations/**", "--exclude", "admission/**",
                                                   "--exclude", "schema/**"])
        #expect(excluded.status == 0)
        let small = try PortcullisBinary.run(["check", "--max-file-size", "100", "fixtures/valid/deployment.yaml"])
        #expect(small.status == 2)
        #expect(small.stdout.contains("fixtures/valid/deployment.yaml: error: file is 1169 bytes, over the limit of 100 bytes; not read [input.too-large]"))
    }

    /// Standard input among more files than a run loads whole (eight), with a cross-document policy:
    /// its document is read before the others but keeps its place, and the second pass completes
    /// each waiting file's result in its place. The PodDisruptionBudget piped in protects `web4` only.
    @Test func standardInputKeepsItsPlaceInATwoPassRun() throws {
        let folder = try TemporaryFolder()
        var arguments = ["check", "--no-config", "--only", "reliability/pdb-required", "--format", "json",
                         "--stdin-filename", "piped/pdb.yaml"]
        for index in 0..<9 {
            try folder.write("d\(index).yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web\(index), namespace: shop}
                spec:
                  replicas: 3
                  template:
                    metadata: {labels: {app: web\(index)}}
                    spec:
                      containers:
                        - {name: web, image: "web:1.0.0"}

                """)
            if index == 4 { arguments.append("-") }
            arguments.append(folder.path + "/d\(index).yaml")
        }
        let budget = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web4, namespace: shop}
            spec:
              maxUnavailable: 1
              selector: {matchLabels: {app: web4}}

            """
        let result = try PortcullisBinary.run(arguments, stdin: budget)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        let findings = try #require(report["findings"] as? [[String: Any]])
        let unprotected = [0, 1, 2, 3, 5, 6, 7, 8]
        #expect(findings.map { $0["file"] as? String } == unprotected.map { folder.path + "/d\($0).yaml" })
        #expect(findings.map { $0["name"] as? String } == unprotected.map { "web\($0)" })
        #expect((report["summary"] as? [String: Any])?["resources"] as? Int == 10)
    }

    /// A Helm values file or an application's configuration is not a resource: no policy runs on it,
    /// and the summary does not count it (the loader's `manifest.missing-kind` warning stays).
    @Test func documentsWithoutApiVersionAndKindAreNotResources() throws {
        let folder = try TemporaryFolder()
        try folder.write("config.yaml", "foo: bar\n")
        try folder.write("values.yaml", """
            replicaCount: 3
            image:
              repository: nginx
              tag: latest
            service: {type: ClusterIP, port: 80}
            podSecurityContext: {}

            """)
        let result = try PortcullisBinary.run(["check", folder.path + "/config.yaml", folder.path + "/values.yaml"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("does not set metadata.namespace"))
        #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix(folder.path) }.allSatisfy { $0.hasSuffix("[manifest.missing-kind]") })
        #expect(result.stdout.contains("\nchecked 2 files, 0 resources against 42 policies: 0 errors, 0 warnings, 0 infos; 0 input errors ("))
        let json = try PortcullisBinary.run(["check", "--format", "json", folder.path])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((report["findings"] as? [Any])?.isEmpty == true)
        #expect((report["summary"] as? [String: Any])?["resources"] as? Int == 0)
    }

    /// metadata/namespace-set asks custom resources for a namespace unless a CustomResourceDefinition
    /// in the run, in any file, declares their kind cluster-scoped.
    @Test func clusterScopedCustomKindsAreNotAskedForANamespace() throws {
        let folder = try TemporaryFolder()
        try folder.write("crds.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: tenants.example.com}
            spec:
              group: example.com
              scope: Cluster
              names: {kind: Tenant, plural: tenants}
              versions: [{name: v1, served: true, storage: true}]
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              scope: Namespaced
              names: {kind: Widget, plural: widgets}
              versions: [{name: v1, served: true, storage: true}]

            """)
        try folder.write("instances.yaml", """
            apiVersion: example.com/v1
            kind: Tenant
            metadata: {name: shop}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: gear}

            """)
        let both = try PortcullisBinary.run(["check", "--quiet", folder.path + "/crds.yaml", folder.path + "/instances.yaml"])
        #expect(both.status == 0)
        #expect(both.stdout.split(separator: "\n").filter { $0.hasPrefix(folder.path) } == [
            "\(folder.path)/instances.yaml:7:18: warning: Widget 'gear' does not set metadata.namespace [metadata/namespace-set]",
        ])
        // Without the definitions, Tenant is a custom kind like any other: namespaced.
        let alone = try PortcullisBinary.run(["check", "--quiet", "--only", "metadata/namespace-set", folder.path + "/instances.yaml"])
        #expect(alone.stdout.components(separatedBy: "[metadata/namespace-set]").count == 3, "\(alone.stdout)")
    }

    @Test func inputFilesAreNeverWritten() throws {
        let url = PortcullisBinary.packageRoot.appendingPathComponent("fixtures/valid/deployment.yaml")
        let before = try Data(contentsOf: url)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        _ = try PortcullisBinary.run(["check", "fixtures"])
        #expect(try Data(contentsOf: url) == before)
        let after = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect(after[.modificationDate] as? Date == attributes[.modificationDate] as? Date)
    }
}
