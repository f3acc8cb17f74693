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

    @Option(help: "Print no resource line longer than this many bytes (aliases expand; positions grow with depth): an error instead.")
    var maxOutputBytes: Int = 256 << 20

    @Option(help: "Colour for diagnostics on standard error: auto, always, never.")
    var color: ColorMode = .auto

    func validate() throws {
        guard maxOutputBytes > 0 else { throw ValidationError("--max-output-bytes must be positive.") }
    }

    func run() throws {
        try input.requirePaths()
        let (files, discoveryDiagnostics) = ManifestParser(options: input.options(configuration: nil)).parse(paths: input.paths)
        var out = OutputStream.standardOutput
        var err = OutputStream.standardError
        err.write(discoveryDiagnostics, color: color)
        var failed = discoveryDiagnostics.contains { $0.severity == .error }
        for file in files {
            var problems = file.diagnostics
            for resource in file.resources {
                switch resource.jsonLine(positions: positions, maxBytes: maxOutputBytes) {
                case .success(let line): out.write(bytes: line)
                case .failure(let tooLarge): problems.append(tooLarge.diagnostic)
                }
            }
            err.write(problems, color: color)
            failed = failed || problems.contains { $0.severity == .error }
        }
        out.flush()
        err.flush()
        if failed { throw ExitCode(2) }
    }
}
