// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for Portcullis, a package of its own (like Benchmarks/) so the main package
/// carries no sanitizer flags. `make fuzz TARGET=manifest|policy|configuration|admission SECONDS=N` builds it
/// with the address sanitizer and coverage instrumentation everywhere and links libFuzzer into the
/// four targets only (each defines `LLVMFuzzerTestOneInput`; libFuzzer supplies `main`).
let fuzzer: [SwiftSetting] = [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])]
let fuzzerLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]

let package = Package(
    name: "PortcullisFuzz",
    dependencies: [.package(name: "Portcullis", path: "../")],
    targets: [
        .executableTarget(name: "FuzzManifest", dependencies: [.product(name: "Portcullis", package: "Portcullis")],
                          swiftSettings: fuzzer, linkerSettings: fuzzerLink),
        .executableTarget(name: "FuzzPolicy", dependencies: [.product(name: "Portcullis", package: "Portcullis")],
                          swiftSettings: fuzzer, linkerSettings: fuzzerLink),
        .executableTarget(name: "FuzzAdmission", dependencies: [.product(name: "Portcullis", package: "Portcullis")],
                          swiftSettings: fuzzer, linkerSettings: fuzzerLink),
        .executableTarget(name: "FuzzConfiguration", dependencies: [.product(name: "Portcullis", package: "Portcullis")],
                          swiftSettings: fuzzer, linkerSettings: fuzzerLink),
    ]
)
