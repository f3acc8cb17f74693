/// Generates a deterministic corpus of realistic Kubernetes manifests for benchmarks.
///
/// The mix follows what real GitOps repositories hold (see ../shared/corpus/STATS.txt):
/// Deployments and Services most, then ConfigMaps, ServiceAccounts, RBAC, StatefulSets, CronJobs,
/// Ingresses, Secrets, and now and then a large CustomResourceDefinition. Multi-document files,
/// flow and block styles, block scalars, anchors and quoted strings all occur.
public struct CorpusGenerator {
    /// One generated file.
    public struct File {
        public var name: String
        public var bytes: [UInt8]
        public var documents: Int
    }

    private var state: UInt64

    public init(seed: UInt64 = 0x5EED_CAFE) {
        state = seed
    }

    private mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }

    private mutating func pick(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    private mutating func word() -> String {
        let words = ["api", "web", "cart", "checkout", "payments", "search", "auth", "gateway", "worker", "cache",
                     "ledger", "billing", "orders", "catalog", "inventory", "mailer", "reports", "frontend"]
        return words[pick(words.count)]
    }

    /// Files totalling at least `targetBytes`, about `documentsPerFile` documents each.
    public mutating func generate(targetBytes: Int, documentsPerFile: Int = 100) -> [File] {
        var files: [File] = []
        var total = 0
        while total < targetBytes {
            var text = ""
            var documents = 0
            for _ in 0..<documentsPerFile {
                if documents > 0 { text += "---\n" }
                text += document()
                documents += 1
            }
            let bytes = Array(text.utf8)
            total += bytes.count
            files.append(File(name: "generated-\(files.count).yaml", bytes: bytes, documents: documents))
        }
        return files
    }

    private mutating func document() -> String {
        switch pick(100) {
        case 0..<30: return deployment(kind: "Deployment")
        case 30..<50: return service()
        case 50..<62: return configMap()
        case 62..<70: return serviceAccount()
        case 70..<76: return role()
        case 76..<82: return deployment(kind: "StatefulSet")
        case 82..<86: return cronJob()
        case 86..<91: return ingress()
        case 91..<95: return secret()
        case 95..<98: return deployment(kind: "DaemonSet")
        default: return customResourceDefinition()
        }
    }

    private mutating func metadata(_ name: String, namespace: String) -> String {
        """
        metadata:
          name: \(name)
          namespace: \(namespace)
          labels: &labels
            app.kubernetes.io/name: \(name)
            app.kubernetes.io/part-of: shop
            app.kubernetes.io/version: "1.\(pick(20)).\(pick(10))"
          annotations:
            example.com/owner: team-\(word())
            example.com/revision: "\(next() % 100_000)"

        """
    }

    private mutating func container(_ name: String, index: Int) -> String {
        let tags = ["1.4.2", "latest", "2.0.0-rc1", "sha-3f9c2a1", "1.25"]
        var text = """
              - name: \(name)-\(index)
                image: registry.example.com/shop/\(name):\(tags[pick(tags.count)])
                imagePullPolicy: IfNotPresent
                args: ["--port=8080", "--log-level=info", "--feature=\(word())"]
                ports:
                  - name: http
                    containerPort: 8080
                    protocol: TCP
                env:
                  - name: SERVICE_NAME
                    value: \(name)
                  - name: DB_PASSWORD
                    valueFrom:
                      secretKeyRef: {name: \(name)-db, key: password}
                  - name: CACHE_TTL
                    value: "300"
                resources:
                  requests: {cpu: \(100 + pick(400))m, memory: \(64 << pick(4))Mi}
                  limits: {cpu: "1", memory: \(256 << pick(3))Mi}

        """
        if pick(3) > 0 {
            text += """
                    livenessProbe:
                      httpGet: {path: /healthz, port: http}
                      initialDelaySeconds: 10
                      periodSeconds: 10
                    readinessProbe:
                      httpGet: {path: /ready, port: http}
                    securityContext:
                      runAsNonRoot: true
                      allowPrivilegeEscalation: false
                      readOnlyRootFilesystem: true
                      capabilities:
                        drop: [ALL]

            """
        }
        return text
    }

    private mutating func deployment(kind: String) -> String {
        let name = word() + "-\(pick(1000))"
        var text = "apiVersion: apps/v1\nkind: \(kind)\n" + metadata(name, namespace: "shop-\(word())")
        text += """
        spec:
          replicas: \(1 + pick(5))
          selector:
            matchLabels: *labels
          template:
            metadata:
              labels: *labels
            spec:
              serviceAccountName: \(name)
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              containers:

        """
        for index in 0..<(1 + pick(3)) { text += container(name, index: index) }
        text += """
              volumes:
                - name: config
                  configMap: {name: \(name)-config}
                - name: tmp
                  emptyDir: {}

        """
        return text
    }

    private mutating func service() -> String {
        let name = word() + "-\(pick(1000))"
        return "apiVersion: v1\nkind: Service\n" + metadata(name, namespace: "shop") + """
        spec:
          type: ClusterIP
          selector:
            app.kubernetes.io/name: \(name)
          ports:
            - name: http
              port: 80
              targetPort: 8080
            - {name: metrics, port: 9090, targetPort: 9090}

        """
    }

    private mutating func configMap() -> String {
        let name = word() + "-config"
        var text = "apiVersion: v1\nkind: ConfigMap\n" + metadata(name, namespace: "shop") + "data:\n"
        for i in 0..<(4 + pick(12)) { text += "  SETTING_\(i): \"\(word())-\(next() % 1000)\"\n" }
        text += "  application.yaml: |\n    server:\n      port: 8080\n    logging:\n      level: INFO\n    features: [a, b, c]\n"
        return text
    }

    private mutating func serviceAccount() -> String {
        "apiVersion: v1\nkind: ServiceAccount\n" + metadata(word() + "-sa", namespace: "shop") + "automountServiceAccountToken: false\n"
    }

    private mutating func role() -> String {
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n" + metadata(word() + "-role", namespace: "shop") + """
        rules:
          - apiGroups: [""]
            resources: [configmaps, secrets]
            verbs: [get, list, watch]
          - apiGroups: [apps]
            resources: [deployments]
            verbs: [get, list]

        """
    }

    private mutating func cronJob() -> String {
        let name = word() + "-job"
        return "apiVersion: batch/v1\nkind: CronJob\n" + metadata(name, namespace: "batch") + """
        spec:
          schedule: "*/15 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: \(name)
                      image: registry.example.com/batch/\(name):1.\(pick(9)).0
                      command: [/bin/run, --once]
                      resources: {requests: {cpu: 50m, memory: 32Mi}, limits: {cpu: 200m, memory: 128Mi}}

        """
    }

    private mutating func ingress() -> String {
        let name = word()
        return "apiVersion: networking.k8s.io/v1\nkind: Ingress\n" + metadata(name, namespace: "shop") + """
        spec:
          ingressClassName: nginx
          tls:
            - hosts: [\(name).example.com]
              secretName: \(name)-tls
          rules:
            - host: \(name).example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service: {name: \(name), port: {number: 80}}

        """
    }

    private mutating func secret() -> String {
        "apiVersion: v1\nkind: Secret\n" + metadata(word() + "-secret", namespace: "shop") + """
        type: Opaque
        data:
          username: YWRtaW4=
          password: \(pick(2) == 0 ? "c2VjcmV0LXBhc3N3b3Jk" : "ENC[AES256_GCM,data:Tr7o=,iv:abc=,tag:def=,type:str]")

        """
    }

    private mutating func customResourceDefinition() -> String {
        var text = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
            + metadata("widgets\(pick(100)).example.com", namespace: "default") + """
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:

        """
        for field in 0..<40 {
            text += """
                            field\(field):
                              type: object
                              description: 'Field \(field) of the widget, with a description long enough to be realistic.'
                              properties:
                                enabled: {type: boolean}
                                count: {type: integer, minimum: 0, maximum: 100}
                                name: {type: string, pattern: '^[a-z0-9-]+$'}

            """
        }
        return text
    }
}
