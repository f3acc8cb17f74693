import Foundation
import Testing

/// The built-in packs through the real binary: cross-document rules over several files, admission
/// requests, structured parameters and policy selection.
@Suite struct PackCommandTests {
    @Test func crossDocumentRulesLookAcrossEveryFileOfTheRun() throws {
        let together = try PortcullisBinary.run(["check", "fixtures/cross-document"])
        #expect(together.status == 0, "\(together.stdout)")
        #expect(together.stdout.hasPrefix("checked 2 files, 3 resources against 42 policies: 0 errors, 0 warnings"))
        let alone = try PortcullisBinary.run(["check", "--quiet", "fixtures/cross-document/app.yaml"])
        #expect(alone.status == 0)  // a warning
        #expect(alone.stdout.hasPrefix("fixtures/cross-document/app.yaml:8:13: warning: Deployment 'api' has 3 replicas but no PodDisruptionBudget selects its pods [reliability/pdb-required]"))
        let renamed = try String(contentsOf: PortcullisBinary.packageRoot.appendingPathComponent("fixtures/cross-document/app.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "selector: {app: api}", with: "selector: {app: api-v2}")
        let mismatch = try PortcullisBinary.run(["check", "--quiet", "-", "fixtures/cross-document/budget.yaml", "--stdin-filename", "app.yaml"], stdin: renamed)
        #expect(mismatch.stdout.contains("app.yaml:37:3: warning: Service 'api' selects {\"app\":\"api-v2\"}, which matches no workload's pods in the input set [reliability/service-selector]"), "\(mismatch.stdout)")
    }

    @Test func admissionReviewsAreCheckedAsTheirObject() throws {
        let update = try PortcullisBinary.run(["check", "fixtures/admission/update-privileged-pod.json", "--only", "pod-security-baseline", "--only", "pod-security-restricted"])
        #expect(update.status == 0, "a Pod UPDATE cannot change its security context: \(update.stdout)")
        #expect(update.stdout.hasPrefix("checked 1 file, 1 resource against 20 policies: 0 errors"), "\(update.stdout)")
        let source = try String(contentsOf: PortcullisBinary.packageRoot.appendingPathComponent("fixtures/admission/update-privileged-pod.json"), encoding: .utf8)
        let create = try PortcullisBinary.run(["check", "--quiet", "--only", "pod-security-baseline", "-"], stdin: source.replacingOccurrences(of: "UPDATE", with: "CREATE"))
        #expect(create.status == 1)
        #expect(create.stdout.hasPrefix("<stdin>:12:103: error: container 'app' runs privileged [pod-security-baseline/privileged]"))
    }

    @Test func structuredParametersAndSelection() throws {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: a}\nspec:\n  securityContext: {fsGroup: 2000}\n  containers:\n    - {name: c, image: \"ghcr.io/acme/c:1.0.0\"}\n"
        let fsGroup = try PortcullisBinary.run(["check", "--quiet", "--only", "pod-security-extra/fs-group", "-",
                                                "--param", "fs_group_rule=MustRunAs", "--param", #"fs_group_ranges=[{"min": 1, "max": 1000}]"#], stdin: pod)
        #expect(fsGroup.status == 1)
        #expect(fsGroup.stdout.hasPrefix("<stdin>:5:30: error: the pod's fsGroup 2000 is not in the allowed ranges"), "\(fsGroup.stdout)")
        let inRange = try PortcullisBinary.run(["check", "--quiet", "--only", "pod-security-extra/fs-group", "-",
                                                "--param", "fs_group_rule=MustRunAs", "--param", #"fs_group_ranges=[{"min": 1000, "max": 3000}]"#], stdin: pod)
        #expect(inRange.status == 0)
        // An opt-in policy runs only when enabled.
        let pinned = try PortcullisBinary.run(["check", "--quiet", "--enable", "images/digest-pinned", "--disable", "pod-security-restricted", "-"], stdin: pod)
        #expect(pinned.stdout.contains("[images/digest-pinned]"))
        #expect(!pinned.stdout.contains("[pod-security-restricted/"))
        let defaults = try PortcullisBinary.run(["check", "--quiet", "-"], stdin: pod)
        #expect(!defaults.stdout.contains("[images/digest-pinned]"))
        #expect(defaults.stdout.contains("[pod-security-restricted/seccomp]"))
        // Mistakes are errors naming the option.
        let typo = try PortcullisBinary.run(["check", "--enable", "images/digest-pined", "-"], stdin: pod)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("error: 'images/digest-pined' names no policy and no pack (see `portcullis rules --all-policies`) [config.unknown-policy]"), "\(typo.stderr)")
        let badJSON = try PortcullisBinary.run(["check", "--param", "fs_group_ranges=[{min: 1", "-"], stdin: pod)
        #expect(badJSON.status == 2)
        #expect(badJSON.stderr.contains("--param fs_group_ranges=[{min: 1: expected a comma-separated list or a JSON list [config.invalid-parameter]"), "\(badJSON.stderr)")
    }

    @Test func gitopsSourcesFollowTheEnvironmentVersionPolicy() throws {
        // Opt-in pack: nothing by default, so the default policy count and the other fixtures stay as they were.
        let byDefault = try PortcullisBinary.run(["check", "fixtures/gitops-sources"])
        #expect(byDefault.status == 0, "\(byDefault.stdout)")
        let result = try PortcullisBinary.run(["check", "--quiet", "fixtures/gitops-sources", "--only", "gitops", "--disable", "gitops/flux-source-verify"])
        #expect(result.status == 1)
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("fixtures/") }
        #expect(headers == [
            "fixtures/gitops-sources/argocd/projects.yaml:22:7: error: AppProject 'everything' allows every source repository [gitops/appproject-source-repos]",
            "fixtures/gitops-sources/argocd/projects.yaml:24:7: error: AppProject 'everything' allows a wildcard destination {\"server\":\"*\",\"namespace\":\"*\"} [gitops/appproject-destinations]",
            "fixtures/gitops-sources/argocd/projects.yaml:26:7: error: AppProject 'everything' allows every cluster-scoped kind of group '*' ('*') [gitops/appproject-cluster-resources]",
            "fixtures/gitops-sources/prod/shop.yaml:12:21: error: Application 'shop-prod' deploys to production from a moving revision: targetRevision must be a release tag (x.y.z) or a commit SHA, not HEAD, a branch, `*` or a range [gitops/argocd-prod-revision]",
            "fixtures/gitops-sources/prod/shop.yaml:27:3: error: GitRepository 'shop' feeds production from a moving reference ({\"branch\":\"main\"}); pin a release tag, an exact version, a commit or a digest [gitops/flux-prod-source-ref]",
        ], "dev follows a branch and is accepted; prod following one is refused; the wildcard AppProject is refused:\n\(result.stdout)")
        // The same branch in the dev folder is accepted; a release tag makes production clean.
        let source = try String(contentsOf: PortcullisBinary.packageRoot.appendingPathComponent("fixtures/gitops-sources/prod/shop.yaml"), encoding: .utf8)
        let tagged = source.replacingOccurrences(of: "targetRevision: main", with: "targetRevision: v1.4.2")
            .replacingOccurrences(of: "branch: main", with: "tag: v1.4.2")
        let released = try PortcullisBinary.run(["check", "--quiet", "--only", "gitops", "--disable", "gitops/flux-source-verify", "-", "--stdin-filename", "envs/prod/shop.yaml"], stdin: tagged)
        #expect(released.status == 0, "\(released.stdout)")
    }
}
