import ArgumentParser
import Foundation
import Logging
import PortcullisServer

/// `portcullis-server` (what `portcullis serve` runs): the admission endpoint. Arguments in, then
/// `AdmissionServer.run`; everything else is in PortcullisServer.
@main
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portcullis serve",
        abstract: "Serve the policies as a Kubernetes admission webhook (AdmissionReview v1 over HTTPS).",
        discussion: """
            Routes: POST /validate (AdmissionReview admission.k8s.io/v1), POST /v1/check (a YAML or JSON body; \
            the report of `portcullis check`; query: format, only, enable, disable, fail-on, filename), \
            GET /healthz, /readyz, /metrics (Prometheus).
            Policies, configuration and certificate are reloaded when their files change, and on SIGHUP; \
            a set that does not compile is refused and the previous one keeps serving. SIGTERM stops \
            accepting and finishes the requests in flight. Modes, exemptions and limits: the admission: \
            section of the configuration (docs/admission.md).
            Exit status: 2 when the arguments, policies, configuration or certificate cannot be used.
            """
    )

    @Option(name: .customLong("policy"), help: ArgumentHelp("A .policy file or a folder of them (repeatable; default: the configuration's policies, else the built-in packs).", valueName: "path"))
    var policyPaths: [String] = []

    @Option(help: ArgumentHelp("The configuration file (.portcullis.yaml): admission modes and exemptions, parameters, selection, waivers.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a policy parameter (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("Turn on an opt-in policy or pack (repeatable).", valueName: "id|pack"))
    var enable: [String] = []

    @Option(help: ArgumentHelp("Turn off a policy or pack (repeatable).", valueName: "id|pack"))
    var disable: [String] = []

    @Option(help: "The address to listen on.")
    var host = "0.0.0.0"

    @Option(help: "The port to listen on.")
    var port: Int

    @Option(help: ArgumentHelp("The serving certificate chain (PEM); reloaded when it changes.", valueName: "file"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("The certificate's private key (PEM); reloaded when it changes.", valueName: "file"))
    var tlsKey: String?

    @Flag(help: "Serve plain HTTP (no TLS): for a sidecar proxy or a local test only; the API server requires HTTPS.")
    var insecureHTTP = false

    @Option(help: ArgumentHelp("Seconds between looks at the policy, configuration and certificate files.", valueName: "seconds"))
    var reloadInterval: Double = 1

    @Option(help: ArgumentHelp("The largest AdmissionReview body accepted, in bytes (413 beyond).", valueName: "bytes"))
    var maxReviewBytes = ServerOptions().maxReviewBytes

    @Option(help: ArgumentHelp("The largest /v1/check body accepted, in bytes (413 beyond).", valueName: "bytes"))
    var maxCheckBytes = ServerOptions().maxCheckBytes

    @Option(help: "Log level: trace, debug, info (one line per decision), notice, warning, error, critical.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535.") }
        switch (tlsCert, tlsKey, insecureHTTP) {
        case (.some, .some, false), (nil, nil, true): break
        case (.some, .some, true): throw ValidationError("Give either --tls-cert and --tls-key, or --insecure-http, not both.")
        case (nil, nil, false): throw ValidationError("Give --tls-cert and --tls-key (the API server calls webhooks over HTTPS), or --insecure-http.")
        default: throw ValidationError("--tls-cert and --tls-key go together.")
        }
        for parameter in parameters where !parameter.contains("=") {
            throw ValidationError("--param takes name=value, not '\(parameter)'.")
        }
        guard reloadInterval > 0 else { throw ValidationError("--reload-interval must be positive.") }
        guard maxReviewBytes > 0, maxCheckBytes > 0 else { throw ValidationError("the body limits must be positive.") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level '\(logLevel)'.") }
    }

    var options: ServerOptions {
        var options = ServerOptions()
        options.host = host
        options.port = port
        if let tlsCert, let tlsKey { options.tls = TLSFiles(certificatePath: tlsCert, keyPath: tlsKey) }
        options.policyPaths = policyPaths
        options.configurationPath = config
        options.parameterTexts = Dictionary(parameters.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }, uniquingKeysWith: { _, last in last })
        options.enable = enable
        options.disable = disable
        options.reloadInterval = .milliseconds(Int64(reloadInterval * 1000))
        options.maxReviewBytes = maxReviewBytes
        options.maxCheckBytes = maxCheckBytes
        options.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        return options
    }

    func run() async throws {
        let server: AdmissionServer
        do throws(ServerStartError) {
            server = try AdmissionServer(options: options)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        try await server.run()
    }

    /// Usage errors exit 2, like every other `portcullis` command.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
