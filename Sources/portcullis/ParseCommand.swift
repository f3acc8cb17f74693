import ArgumentParser
import PortcullisDiagnostics
import PortcullisManifest

/// `portcullis parse`: prints each resource as the engine sees it, one JSON object per line.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print each resource as JSON, one object per line, as the policies will see it.",
        discussion: """
            Each line is {"file":…,"document":N,"resource":{…}}: "document" is the 0-based position of the \
            YAML document in its file; items of a kind: List carry "item": their index in the list. \
            With --positions each line also holds "positions": a JSON path → [line, column, endLine, endColumn] \
            for every node (1-based; columns count Unicode characters).
            Problems go to standard error; exit status 2 if any input had an error.
            """
    )

    @OptionGroup var input: InputOptions

    @Flag(help: "Add the line and column of every node.")
    var positions = false

    @Option(help: "Colour for diagnostics on standard error: auto, always, never.")
    var color: ColorMode = .auto

    func run() throws {
        try input.requirePaths()
        let (files, discoveryDiagnostics) = input.load()
        var out = OutputStream.standardOutput
        var err = OutputStream.standardError
        let printer = DiagnosticPrinter(color: color, fileDescriptor: err.descriptor)
        printer.print(discoveryDiagnostics, source: nil, to: &err)
        var failed = discoveryDiagnostics.contains { $0.severity == .error }
        for file in files {
            for resource in file.resources {
                var writer = JSONWriter()
                writer.append(raw: "{\"file\":")
                writer.append(string: file.path)
                writer.append(raw: ",\"document\":\(resource.streamIndex)")
                if let item = resource.listItemIndex { writer.append(raw: ",\"item\":\(item)") }
                writer.append(raw: ",\"resource\":")
                writer.append(resource.root)
                if positions {
                    writer.append(raw: ",\"positions\":{")
                    for (offset, entry) in resource.root.pathsAndSpans().enumerated() {
                        if offset > 0 { writer.append(raw: ",") }
                        writer.append(string: entry.path)
                        let s = entry.span
                        writer.append(raw: ":[\(s.start.line),\(s.start.column),\(s.end.line),\(s.end.column)]")
                    }
                    writer.append(raw: "}")
                }
                writer.append(raw: "}\n")
                out.write(bytes: writer.bytes)
            }
            printer.print(file.diagnostics, source: file.source, to: &err)
            failed = failed || file.hasErrors
        }
        out.flush()
        err.flush()
        if failed { throw ExitCode(2) }
    }
}
