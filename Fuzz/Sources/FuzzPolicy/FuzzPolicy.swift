import Foundation
import Portcullis

/// The policy lexer, parser and compiler, then the compiled set over a small manifest.
let manifest = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web, namespace: prod, labels: {app: web}}
    spec:
      replicas: 1
      template:
        spec:
          containers:
            - name: web
              image: nginx:latest
              env: [{name: A, value: "1e3"}]
    """

func fuzzPolicy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let compilation = PolicySet.compile([.text(text, name: "fuzz.policy")])
    for diagnostic in compilation.diagnostics { _ = diagnostic.rendered() }
    if let set = compilation.policySet {
        let result = Validator(policies: set, options: { var o = ValidationOptions(); o.parallel = false; return o }()).validate(yaml: manifest)
        _ = Report(format: .text).render(result)
    }
    return 0
}

/// libFuzzer's own driver, called from this executable's `main` (SwiftPM links an executable's
/// entry point as `main`, so libFuzzer's `main` is not used).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@main
struct FuzzPolicy {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzPolicy(data, size) })
    }
}
