#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import PortcullisDiagnostics
import PortcullisManifest

/// Prints diagnostics compiler-style, with the source line of the file they belong to.
struct DiagnosticPrinter {
    var renderer: DiagnosticRenderer

    init(color: ColorMode, fileDescriptor: Int32) {
        let environment = ProcessInfo.processInfo.environment
        renderer = DiagnosticRenderer(useColor: color.allowsColor(fileDescriptor: fileDescriptor, environment: environment))
    }

    func print(_ diagnostics: [Diagnostic], source: SourceFile?, to stream: inout OutputStream) {
        for diagnostic in diagnostics.sorted(by: Diagnostic.reportOrder) {
            stream.writeLine(renderer.render(diagnostic, source: source))
        }
    }
}

extension ColorMode: ExpressibleByArgument {}
