import Foundation
import Testing

/// Where developers meet Portcullis before CI: the pre-commit hook, run by the real pre-commit tool
/// in a temporary git repository, and `make install`.
@Suite struct DeveloperWorkflowTests {
    /// pre-commit from PyPI, in a virtualenv under the build folder: installed once when missing.
    static let preCommit: String? = PreCommit.installed()
    static let preCommitMissing = "skipped: pre-commit could not be installed from PyPI into .build/pre-commit-venv (no network, or no python3 venv); the reason is printed above"

    /// The hook as `.pre-commit-hooks.yaml` declares it (its files, exclusions, serial run, entry),
    /// as a `repo: local` hook with `language: system` running the built binary: a bad manifest
    /// staged is refused with Portcullis's `file:line:col` message; fixed, it is accepted; a
    /// kustomize patch staged is not checked as a resource.
    @Test(.enabled(if: preCommit != nil, Comment(rawValue: preCommitMissing)), .timeLimit(.minutes(10)))
    func commitIsRefusedOnAViolationAndAcceptedWhenFixed() throws {
        let preCommit = try #require(Self.preCommit)
        let repo = try Scratch()
        defer { repo.remove() }
        let environment = ["PRE_COMMIT_HOME": repo.path + "/.pre-commit-home", "NO_COLOR": "1",
                           "PORTCULLIS_CACHE_DIR": PortcullisBinary.cacheFolder]
        try repo.git(["init", "-q", "-b", "main"])
        try repo.write(".gitignore", ".pre-commit-home/\n")
        try repo.write(".pre-commit-config.yaml", try PreCommit.localConfig(binary: PortcullisBinary.url.path))
        let install = try Tools.run(preCommit, ["install"], in: repo.url, environment: environment)
        try #require(install.status == 0, "pre-commit install: \(install.output)")
        try repo.git(["add", "-A"])
        try commit("configuration", in: repo, environment: environment, expect: 0)

        try repo.write("apps/web.yaml", Self.deployment(image: "nginx:latest"))
        try repo.git(["add", "apps/web.yaml"])
        let refused = try commit("web", in: repo, environment: environment, expect: 1)
        #expect(refused.contains("apps/web.yaml:19:18: error: container 'web' uses floating image 'nginx:latest' [images/no-latest-tag]"), "\(refused)")
        #expect(refused.contains("portcullis...") && refused.contains("Failed"))
        #expect(try repo.commitCount() == 1)

        try repo.write("apps/web.yaml", Self.deployment(image: "nginx:1.27.3"))
        try repo.git(["add", "apps/web.yaml"])
        let accepted = try commit("web, pinned", in: repo, environment: environment, expect: 0)
        #expect(accepted.contains("portcullis...") && accepted.contains("Passed"), "\(accepted)")
        #expect(try repo.commitCount() == 2)

        // A patch is a partial object: staged with its kustomization, it is not judged as a resource.
        try repo.write("overlays/prod/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../apps]\npatches: [{path: replicas.yaml}]\n")
        try repo.write("apps/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [web.yaml]\n")
        try repo.write("overlays/prod/replicas.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 4\n")
        try repo.git(["add", "-A"])
        let overlay = try commit("prod overlay", in: repo, environment: environment, expect: 0)
        #expect(overlay.contains("Passed"), "\(overlay)")
    }

    /// Commits; returns what git and the hook printed, requiring the exit status given.
    @discardableResult
    private func commit(_ message: String, in repo: Scratch, environment: [String: String], expect status: Int32) throws -> String {
        let git = try #require(Tools.find("git"))
        let result = try Tools.run(git, ["-c", "user.name=Portcullis Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false",
                                         "commit", "-m", message], in: repo.url, environment: environment)
        #expect(result.status == status, "git commit -m '\(message)' exited \(result.status):\n\(result.output)")
        return result.output
    }

    /// A Deployment that passes the built-in policies but for its image.
    static func deployment(image: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              securityContext:
                runAsNonRoot: true
                seccompProfile: {type: RuntimeDefault}
              containers:
                - name: web
                  image: \(image)
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: {drop: [ALL]}
                  readinessProbe: {httpGet: {path: /ready, port: 8080}}
                  livenessProbe: {httpGet: {path: /healthz, port: 8080}}
                  resources:
                    requests: {cpu: 100m, memory: 128Mi}
                    limits: {cpu: 500m, memory: 256Mi}

        """
    }

    /// `make install` builds in release mode into PREFIX (default /usr/local): checked here without
    /// running it (`make -n`), then run for real into a temporary PREFIX. There the build step is
    /// skipped (`SWIFT=true`, the debug binary this test run built): `swift test` holds the build
    /// folder's lock, so a build from inside a test would wait for ever.
    @Test(.enabled(if: Tools.find("make") != nil, "skipped: make is not on the PATH"))
    func makeInstallPutsTheBinaryUnderThePrefix() throws {
        let make = try #require(Tools.find("make"))
        let dryRun = try Tools.run(make, ["-n", "install"], in: PortcullisBinary.packageRoot)
        #expect(dryRun.status == 0)
        #expect(dryRun.output.contains("swift build -c release --product portcullis"), "\(dryRun.output)")
        #expect(dryRun.output.contains("install -m 0755 .build/release/portcullis \"/usr/local/bin/portcullis\""), "\(dryRun.output)")

        let prefix = try Scratch()
        defer { prefix.remove() }
        let install = try Tools.run(make, ["install", "PREFIX=\(prefix.path)/opt", "CONFIGURATION=debug", "SWIFT=true"], in: PortcullisBinary.packageRoot)
        #expect(install.status == 0, "\(install.output)")
        let installed = prefix.path + "/opt/bin/portcullis"
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        let version = try Tools.run(installed, ["--version"], in: prefix.url)
        let expected = try PortcullisBinary.run(["--version"]).stdout
        #expect(version.status == 0 && version.output == expected)

        let uninstall = try Tools.run(make, ["uninstall", "PREFIX=\(prefix.path)/opt"], in: PortcullisBinary.packageRoot)
        #expect(uninstall.status == 0 && !FileManager.default.fileExists(atPath: installed))
    }
}

/// The real pre-commit tool, from PyPI.
enum PreCommit {
    static let venv = PortcullisBinary.packageRoot.appendingPathComponent(".build/pre-commit-venv")

    /// The `pre-commit` executable of the virtualenv, installing it first when missing; `nil`
    /// (with the reason on standard error) when it cannot be installed.
    static func installed() -> String? {
        let executable = venv.appendingPathComponent("bin/pre-commit").path
        if let probe = try? Tools.run(executable, ["--version"], in: venv), probe.status == 0 { return executable }
        func fail(_ step: String, _ output: String) -> String? {
            FileHandle.standardError.write(Data("DeveloperWorkflowTests: \(step) failed, so the pre-commit test is skipped:\n\(output)\n".utf8))
            return nil
        }
        guard let python = Tools.find("python3") else { return fail("finding python3", "no python3 on the PATH") }
        guard let created = try? Tools.run(python, ["-m", "venv", "--clear", venv.path], in: PortcullisBinary.packageRoot), created.status == 0 else {
            return fail("python3 -m venv", "(python3's venv module is missing? apt-get install python3-venv)")
        }
        guard let pip = try? Tools.run(venv.appendingPathComponent("bin/python").path,
                                       ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--timeout", "30", "--retries", "2", "pre-commit"],
                                       in: PortcullisBinary.packageRoot) else { return fail("pip install pre-commit", "could not run pip") }
        guard pip.status == 0 else { return fail("pip install pre-commit", pip.output) }
        return executable
    }

    /// A `.pre-commit-config.yaml` with this repository's hook (`.pre-commit-hooks.yaml`, read by
    /// the virtualenv's PyYAML, which pre-commit itself uses) as a `repo: local`, `language:
    /// system` hook running `binary`.
    static func localConfig(binary: String) throws -> String {
        let script = """
            import json, sys, yaml
            hooks = yaml.safe_load(open(sys.argv[1]))
            hook = next(h for h in hooks if h["id"] == "portcullis")
            program, _, arguments = hook["entry"].partition(" ")
            assert program == "portcullis", hook["entry"]
            hook["entry"] = sys.argv[2] + " " + arguments
            hook["language"] = "system"
            print(json.dumps({"repos": [{"repo": "local", "hooks": [hook]}]}, indent=2))
            """
        let result = try Tools.run(venv.appendingPathComponent("bin/python").path,
                                   ["-c", script, PortcullisBinary.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml").path, binary],
                                   in: PortcullisBinary.packageRoot)
        try #require(result.status == 0, "\(result.output)")
        return result.output
    }
}

extension Scratch {
    func commitCount() throws -> Int {
        let result = try Tools.run(try #require(Tools.find("git")), ["rev-list", "--count", "HEAD"], in: url)
        return Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
