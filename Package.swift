// swift-tools-version: 6.0
import PackageDescription

/// The Swift runtime and Foundation linked into the `portcullis` release binary (`-static-stdlib`), so
/// start-up does not relocate ~20 shared libraries (docs/performance.md, "Start-up"): the binary runs
/// without a Swift toolchain installed. The modules were compiled against the shared runtime, so
/// Foundation's own static libraries are named here, in one group (they refer to each other).
let staticSwiftRuntime = ["-static-stdlib", "-Xlinker", "--start-group"]
    + ["Foundation", "FoundationInternationalization", "FoundationEssentials", "_FoundationICU", "CoreFoundation",
       "_FoundationCShims", "_FoundationCollections", "dispatch", "BlocksRuntime", "stdc++"].flatMap { ["-Xlinker", "-l" + $0] }
    + ["-Xlinker", "--end-group"]

/// Portcullis: policy-as-code validation for Kubernetes and GitOps manifests.
///
/// Targets are layers; a target imports only the ones listed before it:
/// C wrappers → Diagnostics → Manifest / Regex / Language → Engine → Report → Portcullis (the
/// library) → CLI. Only `Portcullis` is a library product; the layers use `package` access.
let package = Package(
    name: "Portcullis",
    products: [
        .executable(name: "portcullis", targets: ["portcullis"]),
        /// The admission endpoint (`portcullis serve` runs it): a binary of its own, so `portcullis check`
        /// never links NIO or Hummingbird.
        .executable(name: "portcullis-server", targets: ["portcullis-server"]),
        /// The one library: `import Portcullis`. The layers below it are internal to the package.
        .library(name: "Portcullis", targets: ["Portcullis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The admission endpoint's (PortcullisServer, portcullis-server).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        /// The check that lets files libyaml's reader would pass on unchanged skip that reader
        /// (`PlainYAMLInput`), and the buffer each thread copies them into: C, so the compiler
        /// turns the check's loop into vector instructions.
        .target(name: "CPlainInput"),
        /// libyaml's own allocation functions, defined again so its many small strings come from
        /// lists each thread keeps (`yaml_allocation.h`). Linked into the two executables only: a
        /// program embedding the library keeps its own.
        .target(name: "CYAMLAllocation"),
        /// Each thread's PCRE2 match data, made once and freed with the thread
        /// (`regex_match_data.h`): a match allocates nothing.
        .target(name: "CRegexMatchData", dependencies: ["CPCRE2"]),
        /// Line feeds counted and found sixteen bytes at a time (`byte_scan.h`), for the line
        /// index of every file a report shows.
        .target(name: "CByteScan"),
        .target(name: "PortcullisDiagnostics", dependencies: ["CByteScan"]),
        /// The Kubernetes schema (kinds, object types, fields): schemas/kubernetes.schema, embedded as
        /// the committed EmbeddedSchemaTable.swift (`make schema-table` writes both), decoded lazily.
        .target(
            name: "PortcullisSchema",
            dependencies: ["PortcullisDiagnostics"]
        ),
        .target(
            name: "PortcullisManifest",
            dependencies: ["PortcullisDiagnostics", "CYAML", "CPlainInput"]
        ),
        .target(
            name: "PortcullisRegex",
            dependencies: ["CPCRE2", "CRegexMatchData"]
        ),
        .target(
            name: "PortcullisLanguage",
            dependencies: ["PortcullisDiagnostics"]
        ),
        .target(
            name: "PortcullisEngine",
            dependencies: ["PortcullisDiagnostics", "PortcullisManifest", "PortcullisLanguage", "PortcullisRegex", "PortcullisSchema"]
        ),
        .target(
            name: "PortcullisReport",
            dependencies: ["PortcullisDiagnostics", "PortcullisEngine"]
        ),
        /// The public façade: policy sets, configuration, validation, reports. The built-in packs
        /// are embedded at build time from policies/ by the EmbedPolicies plugin.
        .target(
            name: "Portcullis",
            dependencies: ["PortcullisDiagnostics", "PortcullisManifest", "PortcullisLanguage", "PortcullisEngine", "PortcullisReport"],
            plugins: ["EmbedPolicies"]
        ),
        .executableTarget(name: "PolicyEmbedder"),
        /// Compiles the built-in packs at build time into the graph `PolicySet` loads without parsing.
        .executableTarget(
            name: "PolicyPrecompiler",
            dependencies: ["PortcullisDiagnostics", "PortcullisEngine"]
        ),
        .plugin(
            name: "EmbedPolicies",
            capability: .buildTool(),
            dependencies: ["PolicyEmbedder", "PolicyPrecompiler"]
        ),
        /// The command line: a thin adapter over the library.
        .executableTarget(
            name: "portcullis",
            dependencies: [
                "Portcullis",
                "CYAMLAllocation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.unsafeFlags(staticSwiftRuntime, .when(platforms: [.linux], configuration: .release))]
        ),
        /// The admission endpoint: AdmissionReview codec, decisions, routes, metrics, reload, TLS — over
        /// the library's `Validator`, never a pipeline of its own.
        .target(
            name: "PortcullisServer",
            dependencies: [
                "Portcullis",
                "PortcullisDiagnostics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        /// `portcullis-server`: argument parsing, then `AdmissionServer.run`.
        .executableTarget(
            name: "portcullis-server",
            dependencies: [
                "PortcullisServer",
                "CYAMLAllocation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PortcullisDiagnosticsTests",
            dependencies: ["PortcullisDiagnostics"]
        ),
        .testTarget(
            name: "PortcullisManifestTests",
            dependencies: ["PortcullisManifest", "PortcullisDiagnostics", "CYAML", "CYAMLAllocation"]
        ),
        .testTarget(
            name: "PortcullisSchemaTests",
            dependencies: ["PortcullisSchema"]
        ),
        .testTarget(
            name: "PortcullisRegexTests",
            dependencies: ["PortcullisRegex"]
        ),
        .testTarget(
            name: "PortcullisLanguageTests",
            dependencies: ["PortcullisLanguage", "PortcullisDiagnostics"]
        ),
        .testTarget(
            name: "PortcullisEngineTests",
            dependencies: ["PortcullisEngine", "PortcullisManifest", "PortcullisLanguage", "PortcullisDiagnostics"]
        ),
        .testTarget(
            name: "PortcullisTests",
            dependencies: ["Portcullis"]
        ),
        .testTarget(
            name: "PortcullisServerTests",
            dependencies: [
                "PortcullisServer",
                "Portcullis",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "PortcullisCLITests",
            dependencies: ["portcullis"],
            exclude: ["Golden"]  // read from the source tree by the report tests, not resources
        ),
    ]
)
