import ArgumentParser
import PortcullisDiagnostics
import PortcullisManifest

/// `portcullis check`: loads manifests and reports every problem compiler-style.
///
/// Until the rule engine lands this is a syntax and structure checker: it reports what the
/// loader finds. Exit status: 0 clean, 1 violations, 2 input errors.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check manifests and report problems as file:line:column: severity: message [id].",
        discussion: "Exit status: 0 no violation, 1 violations, 2 usage or input errors."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Colour: auto (a terminal without NO_COLOR), always, never.")
    var color: ColorMode = .auto

    @Flag(name: .shortAndLong, help: "Print only problems, no summary.")
    var quiet = false

    func run() throws {
        let (files, discoveryDiagnostics) = input.load()
        var out = OutputStream.standardOutput
        let printer = DiagnosticPrinter(color: color, fileDescriptor: out.descriptor)
        printer.print(discoveryDiagnostics, source: nil, to: &out)
        var all = discoveryDiagnostics
        var resources = 0
        for file in files {
            printer.print(file.diagnostics, source: file.source, to: &out)
            all += file.diagnostics
            resources += file.resources.count
        }
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.filter { $0.severity == .warning }.count
        if !quiet {
            out.writeLine("checked \(files.count) file\(files.count == 1 ? "" : "s"), \(resources) resource\(resources == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        out.flush()
        if errors > 0 { throw ExitCode(2) }
    }
}
