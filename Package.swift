// swift-tools-version: 6.0
import PackageDescription

/// Portcullis: policy-as-code validation for Kubernetes and GitOps manifests.
///
/// Targets are layers; a target imports only the ones listed before it:
/// C wrappers → Diagnostics → Manifest / Regex / Language → Engine → Report → CLI.
let package = Package(
    name: "Portcullis",
    products: [
        .executable(name: "portcullis", targets: ["portcullis"]),
        .library(name: "PortcullisManifest", targets: ["PortcullisManifest"]),
        .library(name: "PortcullisDiagnostics", targets: ["PortcullisDiagnostics"]),
        .library(name: "PortcullisRegex", targets: ["PortcullisRegex"]),
        .library(name: "PortcullisLanguage", targets: ["PortcullisLanguage"]),
        .library(name: "PortcullisEngine", targets: ["PortcullisEngine"]),
        .library(name: "PortcullisReport", targets: ["PortcullisReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(name: "PortcullisDiagnostics"),
        .target(
            name: "PortcullisManifest",
            dependencies: ["PortcullisDiagnostics", "CYAML"]
        ),
        .target(
            name: "PortcullisRegex",
            dependencies: ["CPCRE2"]
        ),
        .target(
            name: "PortcullisLanguage",
            dependencies: ["PortcullisDiagnostics"]
        ),
        .target(
            name: "PortcullisEngine",
            dependencies: ["PortcullisDiagnostics", "PortcullisManifest", "PortcullisLanguage", "PortcullisRegex"]
        ),
        .target(
            name: "PortcullisReport",
            dependencies: ["PortcullisDiagnostics", "PortcullisEngine"]
        ),
        .executableTarget(
            name: "portcullis",
            dependencies: [
                "PortcullisDiagnostics",
                "PortcullisManifest",
                "PortcullisEngine",
                "PortcullisReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PortcullisDiagnosticsTests",
            dependencies: ["PortcullisDiagnostics"]
        ),
        .testTarget(
            name: "PortcullisManifestTests",
            dependencies: ["PortcullisManifest", "PortcullisDiagnostics"]
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
            name: "PortcullisCLITests",
            dependencies: ["portcullis"]
        ),
    ]
)
