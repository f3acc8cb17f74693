import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle

/// The admission endpoint: loads the policies (a failure stops the start), then serves
/// `POST /validate`, `POST /v1/check`, `/healthz`, `/readyz` and `/metrics` over HTTPS (or plain
/// HTTP when told), reloading policies, configuration and certificate as their files change.
public struct AdmissionServer: Sendable {
    /// How it runs.
    public let options: ServerOptions
    let logger: Logger
    let metrics: ServerMetrics
    let store: PolicyStore
    let certificates: CertificateStore?

    /// Loads the policies, configuration and certificate; every problem is in the error.
    public init(options: ServerOptions, logger: Logger? = nil) throws(ServerStartError) {
        var logger = logger ?? Logger(label: "portcullis")
        logger.logLevel = options.logLevel
        self.options = options
        self.logger = logger
        metrics = ServerMetrics()
        do throws(LoadFailure) {
            store = try PolicyStore(options: options, metrics: metrics, logger: logger)
        } catch {
            throw ServerStartError("the policies or the configuration cannot be used:\n" + error.description)
        }
        if let tls = options.tls {
            do {
                certificates = try CertificateStore(files: tls, metrics: metrics, logger: logger)
            } catch {
                throw ServerStartError("the TLS certificate or key cannot be used (\(tls.certificatePath), \(tls.keyPath)): \(error)")
            }
        } else {
            certificates = nil
        }
    }

    /// The Hummingbird application: routes, TLS when configured, and the reload service.
    public func makeApplication(handlesSIGHUP: Bool = true) throws -> some ApplicationProtocol {
        let router = Router()
        AdmissionRoutes(store: store, metrics: metrics, options: options, logger: logger).add(to: router)
        let http1 = HTTPServerBuilder.http1(configuration: .init(additionalChannelHandlers: [WritesBeforeCloseHandler()]))
        let server: HTTPServerBuilder = if let certificates {
            try .tls(http1, tlsConfiguration: certificates.tlsConfiguration)
        } else {
            http1
        }
        var reloader = ReloadService(store: store, certificates: certificates, interval: options.reloadInterval, logger: logger)
        reloader.handlesSIGHUP = handlesSIGHUP
        return Application(
            router: router,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "portcullis"),
            services: [reloader],
            logger: logger
        )
    }

    /// Serves until SIGTERM or SIGINT, then stops accepting and finishes the requests in flight.
    public func run() async throws {
        logger.info("listening", metadata: [
            "address": "\(options.host):\(options.port)", "tls": "\(options.tls == nil ? "off (--insecure-http)" : "on")",
        ])
        try await makeApplication().runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// Reloads the policies and configuration now when their files changed (all of them, when
    /// `force`), and the certificate; says what happened.
    @discardableResult
    public func reload(force: Bool = false) async -> String {
        certificates?.reload(force: force)
        switch await store.reload(force: force) {
        case .unchanged: return "unchanged"
        case .reloaded(let generation): return "reloaded: policy set \(generation)"
        case .refused(let reason): return "refused: " + reason
        }
    }

    /// The Prometheus text exposition of the server's metrics (what `/metrics` answers).
    public func renderMetrics() -> String { String(decoding: metrics.render(), as: UTF8.self) }
}

/// Why the server cannot start.
public struct ServerStartError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, with every diagnostic.
    public var description: String
    init(_ description: String) { self.description = description }
}
