import Logging
import NIOCore
import NIOSSL
import Synchronization

/// The serving certificate and key, re-read when their files change (cert-manager rotates them):
/// every TLS handshake takes the pair in use through NIOSSL's `sslContextCallback`, so a rotation
/// needs no restart and no new listener. A new pair that does not load, or whose key does not
/// match its certificate, is refused and the old pair keeps serving.
final class CertificateStore: Sendable {
    let files: TLSFiles
    private let state: Mutex<State>
    private let metrics: ServerMetrics
    private let logger: Logger

    private struct State {
        var pair: Pair
        var attempted: FileFingerprint
    }

    private struct Pair: @unchecked Sendable {
        // NIOSSLCertificate and NIOSSLPrivateKey are immutable handles; NIOSSL shares them across
        // event loops itself.
        var chain: [NIOSSLCertificate]
        var key: NIOSSLPrivateKey
    }

    init(files: TLSFiles, metrics: ServerMetrics, logger: Logger) throws {
        self.files = files
        self.metrics = metrics
        self.logger = logger
        let fingerprint = FileFingerprint([files.certificatePath, files.keyPath])
        state = Mutex(State(pair: try Self.load(files), attempted: fingerprint))
    }

    /// The server configuration: TLS 1.2 or later, and the current pair chosen per handshake.
    var tlsConfiguration: TLSConfiguration {
        let pair = state.withLock { $0.pair }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: pair.chain.map { .certificate($0) }, privateKey: .privateKey(pair.key))
        configuration.minimumTLSVersion = .tlsv12
        configuration.sslContextCallback = { [self] _, promise in
            let pair = state.withLock { $0.pair }
            var override = NIOSSLContextConfigurationOverride()
            override.certificateChain = pair.chain.map { .certificate($0) }
            override.privateKey = .privateKey(pair.key)
            promise.succeed(override)
        }
        return configuration
    }

    /// Re-reads the pair when either file changed since the last attempt (or always, when `force`).
    /// Returns whether a new pair is in use.
    @discardableResult
    func reload(force: Bool = false) -> Bool {
        let now = FileFingerprint([files.certificatePath, files.keyPath])
        if !force && state.withLock({ $0.attempted == now }) { return false }
        do {
            let pair = try Self.load(files)
            state.withLock { state in
                state.pair = pair
                state.attempted = now
            }
            metrics.certificateReloaded(success: true)
            logger.info("TLS certificate reloaded", metadata: ["certificate": "\(files.certificatePath)"])
            return true
        } catch {
            state.withLock { $0.attempted = now }
            metrics.certificateReloaded(success: false)
            logger.error("TLS certificate reload refused; the previous certificate keeps serving",
                         metadata: ["certificate": "\(files.certificatePath)", "key": "\(files.keyPath)", "error": "\(error)"])
            return false
        }
    }

    /// Loads and checks the pair: NIOSSL builds a context from it, which fails when the key does
    /// not belong to the certificate.
    private static func load(_ files: TLSFiles) throws -> Pair {
        let chain = try NIOSSLCertificate.fromPEMFile(files.certificatePath)
        guard !chain.isEmpty else { throw CertificateError("\(files.certificatePath): no PEM certificate in it") }
        let key = try NIOSSLPrivateKey(file: files.keyPath, format: .pem)
        _ = try NIOSSLContext(configuration: .makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key)))
        return Pair(chain: chain, key: key)
    }
}

/// A certificate or key file that cannot serve.
struct CertificateError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
