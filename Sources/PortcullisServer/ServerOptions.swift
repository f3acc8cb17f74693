import Logging

/// How `portcullis-server` runs: where it listens, how, and which policies it serves.
public struct ServerOptions: Sendable {
    /// The address to listen on.
    public var host = "0.0.0.0"
    /// The port to listen on (0: any free port, as tests use).
    public var port = 8443
    /// The certificate and key to serve HTTPS with; `nil` serves plain HTTP (`--insecure-http`).
    public var tls: TLSFiles?
    /// Policy files or folders (empty: the configuration's `policies`, else the built-in packs).
    public var policyPaths: [String] = []
    /// `.portcullis.yaml` (its `admission:` section, parameters, selection, waivers); none when `nil`.
    public var configurationPath: String?
    /// `--param NAME=VALUE`, winning over the configuration's parameters.
    public var parameterTexts: [String: String] = [:]
    /// Opt-in policies or packs to turn on, on top of the configuration's.
    public var enable: [String] = []
    /// Policies or packs to turn off, on top of the configuration's.
    public var disable: [String] = []
    /// How often policy, configuration and certificate files are looked at for changes.
    public var reloadInterval: Duration = .seconds(1)
    /// The largest AdmissionReview body accepted (Kubernetes objects are at most ~1.5 MiB); 413 beyond.
    public var maxReviewBytes = 2 * 1024 * 1024
    /// The largest `/v1/check` body accepted; 413 beyond.
    public var maxCheckBytes = 16 * 1024 * 1024
    /// The log level (`info` logs one line per decision).
    public var logLevel = Logger.Level.info

    /// The defaults: 0.0.0.0:8443, no TLS files yet, the built-in packs, no configuration.
    public init() {}
}

/// A PEM certificate chain and its private key, re-read when either file changes.
public struct TLSFiles: Sendable, Hashable {
    /// The certificate chain (leaf first), PEM.
    public var certificatePath: String
    /// The private key, PEM.
    public var keyPath: String

    /// The two files.
    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }
}
