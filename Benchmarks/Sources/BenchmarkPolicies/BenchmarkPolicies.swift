/// Policy sets for the evaluation benchmarks: the four headline checks, and forty checks of the
/// kinds Kyverno's, Gatekeeper's and kube-linter's libraries ship for pods and workloads.
public enum BenchmarkPolicies {
    /// Four headline checks: floating image tags, resource limits, a privileged security context,
    /// plaintext Secrets.
    public static let headline: String = rules.prefix(4).joined(separator: "\n")

    /// Forty checks (the four headline ones first).
    public static let forty: String = "param allowed_registries = [\"registry.example.com\"]\n" + rules.joined(separator: "\n")

    private static func container(_ id: String, _ condition: String, at: String = "c") -> String {
        """
        policy "\(id)" {
          match workload
          for c in containers
          deny when \(condition)
          message "container '{c.name}' fails \(id)"
          at \(at)
        }
        """
    }

    private static func pod(_ id: String, _ condition: String) -> String {
        """
        policy "\(id)" {
          match workload
          deny when \(condition)
          message "{kind} '{metadata.name}' fails \(id)"
        }
        """
    }

    private static func kind(_ id: String, _ kinds: String, _ condition: String) -> String {
        """
        policy "\(id)" {
          match kind \(kinds)
          deny when \(condition)
          message "{kind} '{metadata.name}' fails \(id)"
        }
        """
    }

    static let rules: [String] = [
        container("images/no-latest-tag", "image(c.image).tag == \"latest\" or image(c.image).untagged", at: "c.image"),
        container("resources/limits-required", "c.resources.limits.cpu missing or c.resources.limits.memory missing", at: "c.resources.limits"),
        container("pod-security/no-privileged", "c.securityContext.privileged == true", at: "c.securityContext.privileged"),
        kind("secrets/no-plaintext", "Secret", "(len(data) > 0 or len(stringData) > 0) and sops missing"),
        container("resources/requests-required", "c.resources.requests.cpu missing or c.resources.requests.memory missing"),
        container("pod-security/no-privilege-escalation", "c.securityContext.allowPrivilegeEscalation != false"),
        container("pod-security/run-as-non-root", "c.securityContext.runAsNonRoot != true and pod.securityContext.runAsNonRoot != true"),
        container("pod-security/read-only-root-fs", "c.securityContext.readOnlyRootFilesystem != true"),
        container("pod-security/drop-all-capabilities", "not (\"ALL\" in c.securityContext.capabilities.drop)"),
        container("pod-security/no-added-capabilities", "any cap in c.securityContext.capabilities.add: cap != \"NET_BIND_SERVICE\""),
        container("pod-security/no-host-port", "any p in c.ports: p.hostPort exists and p.hostPort != 0"),
        container("pod-security/seccomp-container", "c.securityContext.seccompProfile.type exists and c.securityContext.seccompProfile.type not in [\"RuntimeDefault\", \"Localhost\"]"),
        container("pod-security/proc-mount", "c.securityContext.procMount exists and c.securityContext.procMount != \"Default\""),
        container("pod-security/run-as-user", "c.securityContext.runAsUser == 0"),
        container("reliability/liveness-probe", "c.livenessProbe missing"),
        container("reliability/readiness-probe", "c.readinessProbe missing"),
        container("images/pull-policy", "c.imagePullPolicy exists and c.imagePullPolicy not in [\"IfNotPresent\", \"Always\", \"Never\"]"),
        container("images/allowed-registries", "image(c.image).registry not in params.allowed_registries"),
        container("images/semver-tag", "not semver(image(c.image).tag).valid and not image(c.image).pinned"),
        container("images/digest-pinned", "not image(c.image).pinned"),
        container("resources/memory-ceiling", "quantity(c.resources.limits.memory) > quantity(\"8Gi\")"),
        container("resources/cpu-ceiling", "quantity(c.resources.limits.cpu) > quantity(\"4\")"),
        container("resources/limits-above-requests", "quantity(c.resources.limits.memory) < quantity(c.resources.requests.memory)"),
        container("secrets/no-secret-env-values", "any e in c.env: lower(e.name) matches \"(password|token|secret|api_?key)\" and e.value exists"),
        container("secrets/no-aws-keys", "any e in c.env: e.value matches \"AKIA[0-9A-Z]{16}\""),
        container("images/no-ssh-port", "any p in c.ports: p.containerPort == 22"),
        container("reliability/no-default-command-shell", "any a in c.command: a == \"/bin/sh\""),
        pod("pod-security/host-network", "pod.hostNetwork == true"),
        pod("pod-security/host-pid", "pod.hostPID == true"),
        pod("pod-security/host-ipc", "pod.hostIPC == true"),
        pod("pod-security/host-path", "any v in pod.volumes: v.hostPath exists"),
        pod("pod-security/unsafe-sysctls", "any s in pod.securityContext.sysctls: not (s.name in [\"kernel.shm_rmid_forced\", \"net.ipv4.ip_local_port_range\", \"net.ipv4.tcp_syncookies\", \"net.ipv4.ping_group_range\"])"),
        pod("pod-security/service-account-token", "pod.automountServiceAccountToken != false and pod.serviceAccountName missing"),
        pod("metadata/recommended-labels", "metadata.labels[\"app.kubernetes.io/name\"] missing or metadata.labels[\"app.kubernetes.io/version\"] missing"),
        pod("metadata/namespace-set", "metadata.namespace missing"),
        kind("reliability/replicas", "[Deployment, StatefulSet]", "spec.replicas < 2"),
        kind("network/no-nodeport", "Service", "spec.type == \"NodePort\""),
        kind("network/no-loadbalancer", "Service", "spec.type == \"LoadBalancer\" and metadata.annotations[\"example.com/public\"] missing"),
        kind("network/ingress-tls", "Ingress", "spec.tls missing"),
        kind("rbac/no-wildcard-verbs", "[Role, ClusterRole]", "any r in rules: \"*\" in r.verbs"),
    ]
}
