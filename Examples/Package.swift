// swift-tools-version: 6.0
import PackageDescription

/// Examples of Portcullis used as a library: a package of their own that depends on the library the
/// way an embedder's package does (here by path; elsewhere by URL and version), and imports nothing
/// but `Portcullis`.
///
/// - `validate-folder`: checks the manifests in a folder against the built-in packs plus a team
///   policy written inline, and exits like `portcullis check`.
///
///       swift run --package-path Examples validate-folder fixtures
let package = Package(
    name: "PortcullisExamples",
    dependencies: [
        .package(name: "Portcullis", path: "../"),
    ],
    targets: [
        .executableTarget(
            name: "validate-folder",
            dependencies: [.product(name: "Portcullis", package: "Portcullis")],
            path: "Sources/validate-folder"
        ),
    ]
)
