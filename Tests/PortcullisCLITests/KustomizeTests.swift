import Foundation
import Testing

/// Kustomize repositories, checked as a user checks them: the built binary over fixtures/gitops (a
/// base and dev/stage/prod overlays) or over copies of it in temporary folders. Rendering needs
/// `kubectl` (or `kustomize`) on the PATH; those tests are skipped, saying so, without it.
@Suite struct KustomizeTests {
    static let fixture = "fixtures/gitops"
    static let patchFiles = ["overlays/dev/debug-patch.yaml", "overlays/prod/scale-patch.yaml", "overlays/stage/replicas.json6902.yaml"]
    static let kubectlMissing = "skipped: kubectl (or kustomize) is not on the PATH, so overlays cannot be rendered"
    static let kustomizationHeader = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
    static var canRender: Bool { Tools.find("kubectl") != nil || Tools.find("kustomize") != nil }

    /// What the overlays render, placed in the repository: a base field once for the three
    /// overlays, the dev patch, the dev generator's literal, prod's `images:` tag.
    static let renderedFindings = [
        "fixtures/gitops/base/deployment.yaml:21:17: warning: container 'web' does not set readOnlyRootFilesystem: true [pod-security-extra/read-only-root-filesystem]",
        "fixtures/gitops/overlays/dev/debug-patch.yaml:12:39: error: container 'web' does not set allowPrivilegeEscalation: false (in overlay fixtures/gitops/overlays/dev) [pod-security-restricted/allow-privilege-escalation]",
        "fixtures/gitops/overlays/dev/kustomization.yaml:16:9: error: ConfigMap key 'DEBUG_API_TOKEN' holds a credential in plaintext (in overlay fixtures/gitops/overlays/dev) [secrets/configmap-credentials]",
        "fixtures/gitops/overlays/prod/kustomization.yaml:8:13: error: container 'web' runs 'ghcr.io/acme/web:3f9c2ab' in production: the tag '3f9c2ab' is not a release version (x.y.z) (in overlay fixtures/gitops/overlays/prod) [images/prod-release-version]",
    ]

    // MARK: Patches are not resources

    @Test func plainCheckReportsNothingInPatchFiles() throws {
        let result = try PortcullisBinary.run(["check", Self.fixture])
        #expect(result.status == 0, "\(result.stdout)")
        for patch in Self.patchFiles {
            #expect(!result.stdout.contains(Self.fixture + "/" + patch), "\(patch) was checked as a resource:\n\(result.stdout)")
        }
        // The base is checked as it is: it leaves the namespace to the overlays.
        #expect(result.stdout.contains("fixtures/gitops/base/deployment.yaml:4:9: warning: Deployment 'web' does not set metadata.namespace [metadata/namespace-set]"))
        #expect(result.stdout.contains("\nchecked 7 files, 7 resources against 42 policies: 0 errors, 4 warnings, 0 infos; 0 input errors; 3 kustomize patch files not checked as whole resources ("),
                "\(result.stdout)")
        let json = try Self.report(["check", "--format", "json", Self.fixture])
        #expect(json.findings.allSatisfy { finding in !Self.patchFiles.contains { (finding["file"] as? String)?.hasSuffix($0) == true } })
    }

    /// Each way a kustomization names a patch, and each kustomization file name; a patch given
    /// alone (as a pre-commit hook gives a staged file) is left out too, found from the folders above it.
    @Test func everyPatchFormIsRecognised() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        let partial = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - {name: web, image: \"nginx:latest\"}\n"
        try folder.write("a/kustomization.yml", Self.kustomizationHeader + "resources: [../base]\npatches:\n  - path: p1.yaml\n    target: {kind: Deployment, name: web}\n  - patch: |-\n      - op: remove\n        path: /spec/replicas\n")
        try folder.write("a/p1.yaml", partial)
        try folder.write("b/Kustomization", "resources: [../base]\npatchesStrategicMerge:\n  - p2.yaml\npatchesJson6902:\n  - path: ops.json\n    target: {kind: Deployment, name: web}\n")
        try folder.write("b/p2.yaml", partial)
        try folder.write("b/ops.json", "[{\"op\": \"replace\", \"path\": \"/spec/replicas\", \"value\": 3}]\n")
        try folder.write("c/kustomization.yaml", Self.kustomizationHeader + "components: [../component]\nresources: [../base]\n")
        try folder.write("component/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches: [{path: p3.yaml}]\n")
        try folder.write("component/p3.yaml", partial)
        try folder.write("base/kustomization.yaml", Self.kustomizationHeader + "resources: [app.yaml]\n")
        try folder.write("base/app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app, namespace: shop}\n")

        let result = try PortcullisBinary.run(["check", "--quiet", folder.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        let summary = try PortcullisBinary.run(["check", folder.path]).stdout
        #expect(summary.contains("; 4 kustomize patch files not checked as whole resources ("), "\(summary)")

        // The patch alone, as pre-commit passes a staged file.
        let alone = try PortcullisBinary.run(["check", folder.path + "/a/p1.yaml"])
        #expect(alone.status == 0, "\(alone.stdout)")
        #expect(alone.stdout.hasPrefix("checked 0 files, 0 resources against 42 policies: 0 errors, 0 warnings, 0 infos; 0 input errors; 1 kustomize patch file not checked as whole resources ("),
                "\(alone.stdout)")
        // The same partial object outside any kustomization is a resource like any other.
        try folder.write("loose/p.yaml", partial)
        let loose = try PortcullisBinary.run(["check", "--quiet", folder.path + "/loose/p.yaml"])
        #expect(loose.status == 1 && loose.stdout.contains("[images/no-latest-tag]"))
    }

    // MARK: Rendered overlays, reported in the repository's files

    @Test(.enabled(if: canRender, Comment(rawValue: kubectlMissing)))
    func renderedFindingsPointIntoTheRepository() throws {
        let result = try PortcullisBinary.run(["check", "--kustomize", Self.fixture])
        #expect(result.status == 1)
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("fixtures/") }.map(String.init)
        #expect(headers == Self.renderedFindings, "\(result.stdout)")
        #expect(result.stdout.contains("\n        newTag: 3f9c2ab\n                ^\n"), "the source line of the overlay is shown")
        #expect(result.stdout.contains("\nchecked 10 files, 12 resources against 42 policies: 3 errors, 1 warning, 0 infos; 0 input errors; 3 kustomize patch files not checked as whole resources; 3 kustomizations rendered ("),
                "\(result.stdout)")

        // Every format points at a file of the repository, at a line that exists there.
        let json = try Self.report(["check", "--kustomize", "--format", "json", Self.fixture])
        #expect(json.findings.count == Self.renderedFindings.count)
        for finding in json.findings {
            let file = try #require(finding["file"] as? String), line = try #require(finding["line"] as? Int)
            let text = try String(contentsOf: PortcullisBinary.packageRoot.appendingPathComponent(file), encoding: .utf8)
            #expect(file.hasPrefix(Self.fixture + "/") && line <= text.split(separator: "\n", omittingEmptySubsequences: false).count, "\(file):\(line)")
        }
        let sarif = try PortcullisBinary.run(["check", "--kustomize", "--format", "sarif", Self.fixture])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let uris = Set(results.compactMap { result in
            (((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        })
        #expect(uris.isSuperset(of: ["fixtures/gitops/base/deployment.yaml", "fixtures/gitops/overlays/prod/kustomization.yaml"]) && uris.allSatisfy { $0.hasPrefix("fixtures/gitops/") },
                "\(uris)")
        let github = try PortcullisBinary.run(["check", "--kustomize", "--format", "github", Self.fixture])
        #expect(github.stdout.contains("::error file=fixtures/gitops/overlays/dev/debug-patch.yaml,line=12,col=39,"))
    }

    /// The environment version policy on rendered overlays: the environment is the overlay's path.
    /// The commit-SHA tag that development accepts, production refuses; a release tag it accepts.
    @Test(.enabled(if: canRender, Comment(rawValue: kubectlMissing)))
    func prodRefusesTheCommitTagDevAccepts() throws {
        let result = try PortcullisBinary.run(["check", "--kustomize", "--quiet", Self.fixture])
        #expect(result.stdout.contains("fixtures/gitops/overlays/prod/kustomization.yaml:8:13: error: container 'web' runs 'ghcr.io/acme/web:3f9c2ab' in production"))
        #expect(!result.stdout.contains("[images/dev-immutable-tag]") && !result.stdout.contains("[images/stage-prerelease-version]"))

        let copy = try Scratch(copying: Self.fixture)
        defer { copy.remove() }
        try copy.replace("overlays/prod/kustomization.yaml", "newTag: 3f9c2ab", with: "newTag: 1.4.3")
        try copy.replace("overlays/dev/kustomization.yaml", "newTag: 3f9c2ab", with: "newTag: main")
        try copy.replace("overlays/stage/kustomization.yaml", "newTag: 1.5.0-rc.1", with: "newTag: 1.5.0")
        let changed = try PortcullisBinary.run(["check", "--kustomize", "--quiet", "."], workingDirectory: copy.url)
        let headers = changed.stdout.split(separator: "\n").filter { $0.hasPrefix("overlays/") || $0.hasPrefix("base/") }
        #expect(!headers.contains { $0.contains("[images/prod-release-version]") }, "\(changed.stdout)")
        #expect(headers.contains("overlays/dev/kustomization.yaml:8:13: warning: container 'web' runs 'ghcr.io/acme/web:main' in development: the tag 'main' is neither a commit SHA nor a version (in overlay overlays/dev) [images/dev-immutable-tag]"),
                "\(changed.stdout)")
        #expect(headers.contains { $0.hasPrefix("overlays/stage/kustomization.yaml:8:13: error: ") && $0.hasSuffix("[images/stage-prerelease-version]") }, "\(changed.stdout)")
    }

    /// Fields an overlay sets through a JSON 6902 operation are reported at the operation's value;
    /// a comment in the base suppresses what the renderings find there; names changed by
    /// `namePrefix` still find their origin.
    @Test(.enabled(if: canRender, Comment(rawValue: kubectlMissing)))
    func jsonPatchesSuppressionsAndPrefixes() throws {
        let copy = try Scratch(copying: Self.fixture)
        defer { copy.remove() }
        try copy.write("overlays/stage/replicas.json6902.yaml", """
            - op: replace
              path: /spec/replicas
              value: 2
            - op: add
              path: /spec/template/spec/containers/0/securityContext/privileged
              value: true

            """)
        try copy.replace("overlays/stage/kustomization.yaml", "namespace: shop-stage", with: "namespace: shop-stage\nnamePrefix: shop-")
        try copy.replace("base/deployment.yaml", "        - name: web\n",
                         with: "        - name: web  # portcullis:disable-line pod-security-extra -- the app writes its cache to the root filesystem\n")
        let result = try PortcullisBinary.run(["check", "--kustomize", "--quiet", "."], workingDirectory: copy.url)
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("overlays/") || $0.hasPrefix("base/") }.map(String.init)
        #expect(headers.contains("overlays/stage/replicas.json6902.yaml:6:10: error: container 'web' runs privileged (in overlay overlays/stage) [pod-security-baseline/privileged]"),
                "\(result.stdout)")
        #expect(!headers.contains { $0.contains("read-only-root-filesystem") }, "suppressed in the base:\n\(result.stdout)")
        #expect(!result.stdout.contains("suppression.unused"))
        #expect(headers.count == 4, "\(result.stdout)")
    }

    /// A finding the origin file does not have as written is the overlay's: placed at what the
    /// overlay did (an inline patch's operation) or, when the overlay left the field as the base
    /// wrote it, at the base's field naming the overlay.
    @Test(.enabled(if: canRender, Comment(rawValue: kubectlMissing)))
    func overlayCausesArePlacedAndNamed() throws {
        let copy = try Scratch(copying: Self.fixture)
        defer { copy.remove() }
        try copy.replace("overlays/prod/kustomization.yaml", "  - path: scale-patch.yaml\n", with: """
              - path: scale-patch.yaml
              - target: {kind: Deployment, name: web}
                patch: |-
                  - op: remove
                    path: /spec/template/spec/containers/0/livenessProbe

            """)
        try copy.replace("overlays/prod/scale-patch.yaml", "  replicas: 3\n", with: "")
        let result = try PortcullisBinary.run(["check", "--kustomize", "--quiet", "."], workingDirectory: copy.url)
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("overlays/") || $0.hasPrefix("base/") }.map(String.init)
        #expect(headers.contains("overlays/prod/kustomization.yaml:14:15: warning: container 'web' does not define every required probe ([livenessProbe, readinessProbe]) (in overlay overlays/prod) [reliability/probes]"),
                "\(result.stdout)")
        #expect(headers.contains("base/deployment.yaml:8:13: warning: Deployment 'web' runs in production with 1 replica(s); at least 2 are needed (in overlay overlays/prod) [reliability/prod-replicas]"),
                "\(result.stdout)")
        #expect(headers.contains("base/deployment.yaml:21:17: warning: container 'web' does not set readOnlyRootFilesystem: true [pod-security-extra/read-only-root-filesystem]"))
    }

    /// Rendering never writes into the repository: no file changes, no file appears.
    @Test(.enabled(if: canRender, Comment(rawValue: kubectlMissing)))
    func renderingLeavesTheRepositoryUntouched() throws {
        let root = PortcullisBinary.packageRoot.appendingPathComponent(Self.fixture)
        let before = try Self.snapshot(root)
        _ = try PortcullisBinary.run(["check", "--kustomize", Self.fixture])
        #expect(try Self.snapshot(root) == before)
    }

    /// Without kubectl or kustomize, --kustomize says so and checks the files as they are (exit 2).
    @Test func noRendererIsAnErrorThatSaysSo() throws {
        let empty = try Scratch()
        defer { empty.remove() }
        let result = try PortcullisBinary.run(["check", "--kustomize", Self.fixture], environment: ["PATH": empty.path])
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("error: kustomize rendering needs `kubectl` (kubectl kustomize) or `kustomize` on the PATH, and neither is there; the 3 kustomization roots are checked as plain files [kustomize.no-renderer]\n"),
                "\(result.stdout)")
        #expect(result.stdout.contains("fixtures/gitops/base/deployment.yaml:21:17: warning:"))
    }

    /// A root kustomize cannot render is an error naming it (its files are checked as they are);
    /// one with a remote resource is not rendered (nothing is fetched); the others are rendered.
    @Test(.enabled(if: canRender, Comment(rawValue: kubectlMissing)))
    func brokenAndRemoteOverlays() throws {
        let copy = try Scratch(copying: Self.fixture)
        defer { copy.remove() }
        try copy.replace("overlays/stage/kustomization.yaml", "  - path: replicas.json6902.yaml", with: "  - path: missing.yaml")
        try copy.replace("overlays/dev/kustomization.yaml", "  - ../../base\n", with: "  - ../../base\n  - https://github.com/acme/shared//deploy?ref=v1\n")
        let result = try PortcullisBinary.run(["check", "--kustomize", "."], workingDirectory: copy.url)
        #expect(result.status == 2)
        #expect(result.stdout.contains("overlays/stage/kustomization.yaml: error: overlays/stage could not be rendered: "), "\(result.stdout)")
        #expect(result.stdout.contains("missing.yaml"), "kustomize's reason is quoted")
        #expect(result.stdout.contains("overlays/dev/kustomization.yaml: warning: overlays/dev is not rendered: it includes the remote resource 'https://github.com/acme/shared//deploy?ref=v1', and Portcullis does not fetch; its files are checked as they are [kustomize.not-rendered]"),
                "\(result.stdout)")
        #expect(result.stdout.contains("overlays/prod/kustomization.yaml:8:13: error:"))
        #expect(result.stdout.contains("; 1 kustomization rendered ("))
    }

    /// `kustomize: true` in .portcullis.yaml turns rendering on; --no-kustomize turns it off.
    @Test(.enabled(if: canRender, Comment(rawValue: kubectlMissing)))
    func configurationKey() throws {
        let copy = try Scratch(copying: Self.fixture)
        defer { copy.remove() }
        try copy.write(".portcullis.yaml", "kustomize: true\n")
        let on = try PortcullisBinary.run(["check", "."], workingDirectory: copy.url)
        #expect(on.stdout.contains("; 3 kustomizations rendered ("), "\(on.stdout)")
        let off = try PortcullisBinary.run(["check", "--no-kustomize", "."], workingDirectory: copy.url)
        #expect(!off.stdout.contains("rendered"), "\(off.stdout)")
        try copy.write(".portcullis.yaml", "kustomize: maybe\n")
        let bad = try PortcullisBinary.run(["check", "."], workingDirectory: copy.url)
        #expect(bad.status == 2 && bad.stderr.contains("'kustomize' takes true or false"), "\(bad.stderr)")
    }

    // MARK: --changed-since

    /// Only the files a branch changed (committed, staged or not, untracked), and with --kustomize
    /// the overlays whose rendering they feed.
    @Test(.enabled(if: Tools.find("git") != nil, "skipped: git is not on the PATH"))
    func changedSinceChecksWhatTheBranchChanged() throws {
        let repo = try Scratch(copying: Self.fixture)
        defer { repo.remove() }
        try repo.git(["init", "-q", "-b", "main"])
        try repo.git(["add", "-A"])
        try repo.git(["commit", "-q", "-m", "fixture"])
        try repo.git(["checkout", "-q", "-b", "feature"])

        if Self.canRender {
            // Run from inside an overlay, the environment still comes from the overlay's path in the repository.
            let inside = try PortcullisBinary.run(["check", "--kustomize", "--quiet", "."], workingDirectory: repo.url.appendingPathComponent("overlays/prod"))
            #expect(inside.stdout.contains("\nkustomization.yaml:8:13: error: container 'web' runs 'ghcr.io/acme/web:3f9c2ab' in production: the tag '3f9c2ab' is not a release version (x.y.z) (in overlay prod) [images/prod-release-version]"),
                    "\(inside.stdout)")
        }

        let nothing = try PortcullisBinary.run(["check", "--changed-since", "main"], workingDirectory: repo.url)
        #expect(nothing.status == 0 && nothing.stdout.hasPrefix("checked 0 files, 0 resources"), "\(nothing.stdout)")

        try repo.replace("base/service.yaml", "port: 80", with: "port: 8080")
        try repo.git(["commit", "-q", "-am", "port"])
        try repo.write("extra/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra, namespace: shop}\ndata: {api_token: abcdef123456}\n")
        let plain = try PortcullisBinary.run(["check", "--changed-since", "main"], workingDirectory: repo.url)
        #expect(plain.status == 1)
        #expect(plain.stdout.split(separator: "\n").filter { $0.hasPrefix("base/") || $0.hasPrefix("extra/") } == [
            "base/service.yaml:4:9: warning: Service 'web' does not set metadata.namespace [metadata/namespace-set]",
            "extra/cm.yaml:4:19: error: ConfigMap key 'api_token' holds a credential in plaintext [secrets/configmap-credentials]",
        ], "\(plain.stdout)")
        #expect(plain.stdout.contains("\nchecked 2 files, 2 resources "))
        // Started by a parent that ignores SIGCHLD (the setting survives exec), git's answers still count.
        if Tools.find("python3") != nil {
            let ignoring = ["python3", "-c", "import os, signal, sys; signal.signal(signal.SIGCHLD, signal.SIG_IGN); os.execv(sys.argv[1], sys.argv[1:])"]
            let launched = try PortcullisBinary.run(["check", "--changed-since", "main"], workingDirectory: repo.url, launcher: ignoring)
            #expect(launched.status == plain.status, "\(launched.stdout)\(launched.stderr)")
            #expect(launched.stdout.split(separator: "\n").dropLast() == plain.stdout.split(separator: "\n").dropLast(), "\(launched.stdout)")
        }

        if Self.canRender {
            // The base feeds every overlay.
            let all = try PortcullisBinary.run(["check", "--kustomize", "--changed-since", "main", "."], workingDirectory: repo.url)
            #expect(all.stdout.contains("; 3 kustomizations rendered ("), "\(all.stdout)")
            // A change to one overlay renders that overlay only.
            try FileManager.default.removeItem(at: repo.url.appendingPathComponent("extra"))
            try repo.git(["checkout", "-q", "main"])
            try repo.git(["checkout", "-q", "-b", "prod-only"])
            try repo.replace("overlays/prod/kustomization.yaml", "newTag: 3f9c2ab", with: "newTag: 1.4.3")
            let prod = try PortcullisBinary.run(["check", "--kustomize", "--changed-since", "main"], workingDirectory: repo.url)
            #expect(prod.status == 0, "\(prod.stdout)")
            #expect(prod.stdout.contains("\nchecked 6 files, 4 resources against 42 policies: 0 errors, 1 warning, 0 infos; 0 input errors; 1 kustomization rendered ("),
                    "\(prod.stdout)")
        }

        let unknown = try PortcullisBinary.run(["check", "--changed-since", "no-such-branch"], workingDirectory: repo.url)
        #expect(unknown.status == 2)
        #expect(unknown.stdout.hasPrefix("error: --changed-since no-such-branch: git knows no such commit, branch or tag"), "\(unknown.stdout)")
    }

    // MARK: Helpers

    static func report(_ arguments: [String]) throws -> (status: Int32, findings: [[String: Any]]) {
        let result = try PortcullisBinary.run(arguments)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        return (result.status, try #require(report["findings"] as? [[String: Any]]))
    }

    /// Every file under `root` with its size and modification date.
    static func snapshot(_ root: URL) throws -> [String: String] {
        var entries: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
        while let url = enumerator?.nextObject() as? URL {
            let values = try url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
            entries[url.path] = "\(values.fileSize ?? -1) \(values.contentModificationDate?.timeIntervalSince1970 ?? 0)"
        }
        return entries
    }
}

/// Programs the tests need, found on the PATH.
enum Tools {
    static func find(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program to its end; standard output and error together.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = PortcullisBinary.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A temporary folder of a test's own (removed by `remove()`), empty or a copy of a fixture folder.
struct Scratch {
    let url: URL
    var path: String { url.path }

    init(copying fixture: String? = nil) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-test-\(UUID().uuidString)")
        if let fixture {
            try FileManager.default.copyItem(at: PortcullisBinary.packageRoot.appendingPathComponent(fixture), to: url)
        } else {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
    }

    func write(_ name: String, _ text: String) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func replace(_ name: String, _ old: String, with new: String) throws {
        let file = url.appendingPathComponent(name)
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains(old), "\(name) does not contain \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// git in this folder, with an identity of its own and no signing.
    func git(_ arguments: [String]) throws {
        let git = try #require(Tools.find("git"))
        let result = try Tools.run(git, ["-c", "user.name=Portcullis Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"] + arguments, in: url)
        try #require(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.output)")
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
