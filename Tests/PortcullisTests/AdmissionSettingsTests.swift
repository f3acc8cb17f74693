import Portcullis
import Testing

/// The `admission:` section of `.portcullis.yaml`, and what the admission endpoint asks of policies.
@Suite struct AdmissionSettingsTests {
    @Test func readsEveryKey() throws {
        let configuration = try Configuration.load(text: """
            admission:
              modes: {images: warn, secrets/no-plaintext: audit, pod-security-extra: enforce}
              exempt:
                namespaces: [kube-system, "team-*"]
                users: ["system:serviceaccount:flux-system:*"]
                groups: [break-glass]
              check-delete: true
              subresources: true
              failure-policy: ignore
              timeout-ms: 250
            """, path: "/tmp/.portcullis.yaml")
        let settings = configuration.admission
        #expect(settings.modes == ["images": .warn, "secrets/no-plaintext": .audit, "pod-security-extra": .enforce])
        #expect(settings.exemptNamespaces == ["kube-system", "team-*"])
        #expect(settings.checkDelete && settings.subresources)
        #expect(settings.failurePolicy == .ignore)
        #expect(settings.timeoutMilliseconds == 250)
        #expect(settings.exemption(namespace: "team-a", user: nil, groups: []) == "namespace 'team-a' is exempt (team-*)")
        #expect(settings.exemption(namespace: "shop", user: "system:serviceaccount:flux-system:helm-controller", groups: [])?.hasPrefix("user ") == true)
        #expect(settings.exemption(namespace: "shop", user: "alice", groups: ["devs", "break-glass"]) == "group 'break-glass' is exempt (break-glass)")
        #expect(settings.exemption(namespace: "shop", user: "alice", groups: ["devs"]) == nil)
    }

    @Test func defaultsFollowSeverity() throws {
        let settings = AdmissionSettings()
        #expect(!settings.checkDelete && !settings.subresources && settings.failurePolicy == .fail && settings.timeoutMilliseconds == 500)
        let policies = try PolicySet.builtin()
        let latest = try #require(policies.policy(id: "images/no-latest-tag"))
        let pull = try #require(policies.policy(id: "images/pull-policy"))
        #expect(settings.mode(for: latest) == .enforce)
        #expect(settings.mode(for: pull) == .warn)
        #expect(AdmissionMode(severity: .info) == .audit)
        var configured = AdmissionSettings()
        configured.modes = ["images": .audit, "images/pull-policy": .enforce]
        #expect(configured.mode(for: latest) == .audit)
        #expect(configured.mode(for: pull) == .enforce, "an id wins over its pack")
        #expect(configured.unknownModeNames(among: policies.policies.map(\.id)) == [])
        configured.modes["imagez"] = .warn
        #expect(configured.unknownModeNames(among: policies.policies.map(\.id)) == ["imagez"])
    }

    @Test(arguments: [
        ("admission: [x]", "2:12: error: 'admission' is a mapping"),
        ("admission: {modes: {images: block}}", "2:29: error: 'admission.modes.images' takes enforce, warn or audit"),
        ("admission: {exempt: {teams: [a]}}", "2:22: error: unknown key 'admission.exempt.teams'"),
        ("admission: {check-delete: maybe}", "2:27: error: 'admission.check-delete' takes true or false"),
        ("admission: {failure-policy: open}", "2:29: error: 'admission.failure-policy' takes fail or ignore"),
        ("admission: {timeout-ms: 0}", "2:25: error: 'admission.timeout-ms' takes a number of milliseconds, 1 to 30000"),
        ("admission: {timeout: 5}", "2:13: error: unknown key 'admission.timeout' (keys: check-delete, exempt, failure-policy, modes, subresources, timeout-ms)"),
    ])
    func mistakesNameTheirLineAndColumn(_ text: String, _ expected: String) {
        #expect(throws: ConfigurationError.self) { try Configuration.load(text: "# settings\n" + text + "\n", path: "/tmp/c.yaml") }
        do {
            _ = try Configuration.load(text: "# settings\n" + text + "\n", path: "/tmp/c.yaml")
        } catch {
            #expect(error.description.hasPrefix("/tmp/c.yaml:" + expected), "\(error.description)")
        }
    }

    @Test func crossDocumentPoliciesAreKnown() throws {
        let policies = try PolicySet.builtin().policies
        let crossDocument = Set(policies.filter(\.looksAcrossDocuments).map(\.id))
        // Lookups (a budget per Deployment, a Service's workloads, an autoscaler) and resource scopes
        // (a CustomResourceDefinition elsewhere says whether a kind is namespaced).
        #expect(crossDocument == ["reliability/pdb-required", "reliability/service-selector", "reliability/prod-replicas", "metadata/namespace-set"])
        let inline = try PolicySet.compile([.text("""
            policy "team/lonely" {
              severity warning
              match kind Service
              deny when len(resources("Deployment")) == 0
              message "no Deployment"
            }
            policy "team/plain" {
              severity warning
              match kind Service
              deny when spec.type == "NodePort"
              message "NodePort"
            }
            """, name: "team.policy")]).get()
        #expect(inline.policies.map(\.looksAcrossDocuments) == [true, false])
        #expect(inline.policy(id: "team/lonely")?.looksAcrossDocuments == true)
    }
}
