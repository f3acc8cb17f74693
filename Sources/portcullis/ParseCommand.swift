import ArgumentParser
import Portcullis

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

    @OptionGroup var input: InputArguments

    @Flag(help: "Add the line and column of every node.")
    var positions = false

    @Option(help: "Colour for diagnostics on standard error: auto, always, never.")
    var color: ColorMode = .auto

    func run() throws {
        try input.requirePaths()
        let (files, discoveryDiagnostics) = ManifestParser(options: input.options(configuration: nil)).parse(paths: input.paths)
        var out = OutputStream.standardOutput
        var err = OutputStream.standardError
        err.write(discoveryDiagnostics, color: color)
        var failed = discoveryDiagnostics.contains { $0.severity == .error }
        for file in files {
            for resource in file.resources { out.write(bytes: resource.jsonLine(positions: positions)) }
            err.write(file.diagnostics, color: color)
            failed = failed || file.hasErrors
        }
        out.flush()
        err.flush()
        if failed { throw ExitCode(2) }
    }
}
