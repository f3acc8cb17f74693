import Foundation
@_spi(Fuzzing) import Portcullis

/// The manifest loader and everything a run does with a file: load (YAML/JSON/UTF-16), the
/// built-in policies, suppressions, the text report, and `parse --positions` lines.
nonisolated(unsafe) let policies = try! PolicySet.builtin()

func fuzzManifest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzingHooks.manifest(bytes, policies: policies)
    return 0
}

/// libFuzzer's own driver, called from this executable's `main` (SwiftPM links an executable's
/// entry point as `main`, so libFuzzer's `main` is not used).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@main
struct FuzzManifest {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzManifest(data, size) })
    }
}
