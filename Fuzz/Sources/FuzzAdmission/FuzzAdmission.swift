import Foundation
@_spi(Fuzzing) import Portcullis

/// The admission endpoint's reading of a request body: the AdmissionReview envelope, then the
/// library's admission path over the same bytes with the built-in policies, and the response.
nonisolated(unsafe) let policies = try! PolicySet.builtin()

func fuzzAdmission(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzingHooks.admission(bytes, policies: policies)
    return 0
}

/// libFuzzer's own driver, called from this executable's `main` (SwiftPM links an executable's
/// entry point as `main`, so libFuzzer's `main` is not used).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@main
struct FuzzAdmission {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzAdmission(data, size) })
    }
}
