import PortcullisDiagnostics
import PortcullisManifest

/// What the fuzz targets (`Fuzz/`) run on each input, shared with the test that replays their seeds
/// and every crash found (`FuzzSeedReplayTests`). Not API.
@_spi(Fuzzing)
public enum FuzzingHooks {
    /// Loads `bytes`, checks them against `policies` (suppressions, waivers, the text report) and
    /// writes each resource's `parse --positions` line within a 1 MiB budget.
    public static func manifest(_ bytes: [UInt8], policies: PolicySet) {
        var options = ValidationOptions()
        options.parallel = false
        let result = Validator(policies: policies, options: options).validate(bytes: bytes, name: "fuzz.yaml")
        _ = Report(format: .text).render(result)
        let file = ManifestLoader().load(SourceFile(path: "fuzz.yaml", bytes: bytes))
        for resource in file.resources {
            _ = ManifestParser.ParsedResource(document: resource).jsonLine(positions: true, maxBytes: 1 << 20)
        }
    }

    /// A small manifest the compiled policies of `policy(_:)` run over.
    static let policyManifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: prod, labels: {app: web}}
        spec:
          replicas: 1
          template:
            spec:
              containers:
                - name: web
                  image: nginx:latest
                  env: [{name: A, value: "1e3"}]
        """

    /// Lexes, parses and compiles `text` as a policy file, renders its diagnostics, and runs what
    /// compiled over a small Deployment.
    public static func policy(_ text: String) {
        let compilation = PolicySet.compile([.text(text, name: "fuzz.policy")])
        for diagnostic in compilation.diagnostics { _ = diagnostic.rendered() }
        guard let set = compilation.policySet else { return }
        var options = ValidationOptions()
        options.parallel = false
        _ = Report(format: .text).render(Validator(policies: set, options: options).validate(yaml: policyManifest))
    }

    /// Reads `text` as `.portcullis.yaml`; when it sets parameters or a selection, compiles the
    /// built-in packs with them.
    public static func configuration(_ text: String) {
        do throws(ConfigurationError) {
            let configuration = try Configuration.load(text: text, path: "/fuzz/.portcullis.yaml")
            if !configuration.parameters.isEmpty || !configuration.enable.isEmpty || !configuration.disable.isEmpty
                || !configuration.severities.isEmpty || configuration.only != nil {
                for diagnostic in PolicySet.compile([.builtin], options: configuration.policyOptions).diagnostics { _ = diagnostic.rendered() }
            }
        } catch {
            for diagnostic in error.diagnostics { _ = diagnostic.rendered() }
        }
    }

    /// Reads `bytes` as the admission endpoint does: the AdmissionReview envelope (a `BadReview`
    /// message otherwise), then the library's admission path over the same bytes (`request.object`
    /// with its operation, or `oldObject` for a DELETE), and the response JSON.
    public static func admission(_ bytes: [UInt8], policies: PolicySet) {
        let request: AdmissionReviewRequest.Request
        do {
            request = try AdmissionReviewRequest.decode(bytes).request
        } catch {
            _ = AdmissionReviewResponse(uid: "", allowed: false).json
            return _ = error.message
        }
        var options = ValidationOptions()
        options.parallel = false
        let validator = Validator(policies: policies, options: options)
        let result = validator.validate(bytes: bytes, name: "admission-review.json")
        var response = AdmissionReviewResponse(uid: request.uid ?? "", allowed: !result.hasFindings(atOrAbove: .error))
        response.warnings = result.findings.prefix(20).map(\.message)
        if let first = result.diagnostics.first { response.status = (400, first.message) }
        _ = response.json
    }
}
