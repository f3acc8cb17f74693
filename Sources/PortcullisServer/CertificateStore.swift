import Logging
import NIOCore
import NIOSSL
import Synchronization

/// The serving certificate and key, re-read when their files change (cert-manager rotates them):
/// every TLS handshake takes the pair in use through NIOSSL's `sslContextCallback`, so a rotation
/// needs no restart and no new listener. A new pair that does not load, or whose key does not
/// match its certificate, is refused and the old pair keeps serving. A rotation that replaces the
/// two files one after the other is seen half done by a poll in between: such a pair is refused
/// only when the files are still the same at the next poll, so a rotation in progress is not
/// counted (nor logged) as a failure.
final class CertificateStore: Sendable {
    let files: TLSFiles
    private let state: Mutex<State>
    private let metrics: ServerMetrics
    private let logger: Logger

    private struct State {
        var pair: Pair
        var attempted: FileFingerprint
        /// Files that did not load at the last poll, given one more poll to settle.
        var unsettled: FileFingerprint?
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
    /// Returns whether a new pair is in use. Files that do not load are refused at once when
    /// `force`, otherwise when they are unchanged at the next call.
    @discardableResult
    func reload(force: Bool = false) -> Bool {
        let now = FileFingerprint([files.certificatePath, files.keyPath])
        if !force && state.withLock({ $0.attempted == now }) { return false }
        do {
            let pair = try Self.load(files)
            state.withLock { state in
                state.pair = pair
                state.attempted = now
                state.unsettled = nil
            }
            metrics.certificateReloaded(success: true)
            logger.info("TLS certificate reloaded", metadata: ["certificate": "\(files.certificatePath)"])
            return true
        } catch {
            let settling = !force && state.withLock { state in
                if state.unsettled == now { return false }
                state.unsettled = now
                return true
            }
            if settling {
                logger.debug("TLS certificate files do not load yet; waiting a poll for the rotation to finish",
                             metadata: ["certificate": "\(files.certificatePath)", "error": "\(error)"])
                return false
            }
            state.withLock { state in
                state.attempted = now
                state.unsettled = nil
            }
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
