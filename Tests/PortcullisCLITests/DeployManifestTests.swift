import Foundation
import Testing

/// deploy/ renders with kustomize, and what it renders passes Portcullis's own built-in packs.
@Suite struct DeployManifestTests {
    static let kubectl = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func render(_ folder: String) throws -> (status: Int32, yaml: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kubectl!)
        process.arguments = ["kustomize", PortcullisBinary.packageRoot.appendingPathComponent(folder).path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let yaml = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, yaml, stderr)
    }

    @Test(.enabled(if: kubectl != nil, "skipped: kubectl is not on this machine (apt-get install kubectl, or any release), so deploy/ was not rendered"),
          arguments: ["deploy/base", "deploy/with-cert-manager"])
    func renderedManifestsPassTheBuiltInPacks(_ folder: String) throws {
        let rendered = try Self.render(folder)
        #expect(rendered.status == 0, "\(rendered.stderr)")
        for kind in ["Namespace", "ServiceAccount", "ConfigMap", "Service", "Deployment", "PodDisruptionBudget", "HorizontalPodAutoscaler", "ValidatingWebhookConfiguration"] {
            #expect(rendered.yaml.contains("\nkind: \(kind)\n"), "\(folder) renders a \(kind)")
        }
        if folder.hasSuffix("cert-manager") {
            #expect(rendered.yaml.contains("\nkind: Certificate\n") && rendered.yaml.contains("cert-manager.io/inject-ca-from: portcullis/portcullis"))
        }
        let check = try PortcullisBinary.run(["check", "--no-config", "--format", "text", "--stdin-filename", folder + ".yaml", "-"], stdin: rendered.yaml)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains(": 0 errors, 0 warnings, 0 infos; 0 input errors"), "\(check.stdout)")
        // The configuration shipped in the ConfigMap is one the server accepts.
        let config = try PortcullisBinary.run(["check", "--config", PortcullisBinary.packageRoot.appendingPathComponent("deploy/base/portcullis.yaml").path, "fixtures/valid"])
        #expect(config.status == 0, "\(config.stdout)\(config.stderr)")
    }
}
