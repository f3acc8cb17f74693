#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import PortcullisDiagnostics
import PortcullisManifest

/// Prints diagnostics compiler-style, with the source line of the file they belong to.
struct DiagnosticPrinter {
    var renderer: DiagnosticRenderer

    init(color: ColorMode, fileDescriptor: Int32) {
        let environment = ProcessEnvironment.current
        renderer = DiagnosticRenderer(useColor: color.allowsColor(fileDescriptor: fileDescriptor, environment: environment))
    }

    func print(_ diagnostics: [Diagnostic], source: SourceFile?, to stream: inout OutputStream) {
        for diagnostic in diagnostics.sorted(by: Diagnostic.reportOrder) {
            stream.writeLine(renderer.render(diagnostic, source: source))
        }
    }
}

/// The process environment as a dictionary (no Foundation needed).
enum ProcessEnvironment {
    static var current: [String: String] {
        var result: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            cursor += 1
        }
        return result
    }
}

extension ColorMode: ExpressibleByArgument {}
