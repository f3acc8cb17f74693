import PortcullisDiagnostics

extension ManifestLoader {
    /// Loads every input, in parallel on all cores when `parallel` is set; the result is in input order.
    ///
    /// Standard input is read once, on the calling thread, before the parallel part.
    package func loadAll(_ inputs: [InputFile], parallel: Bool = true) -> [ManifestFile] {
        InputOrder.map(inputs, parallel: parallel) { load($0) }
    }

    /// Loads one input: a file, or standard input read to its end.
    package func load(_ input: InputFile) -> ManifestFile {
        input.isStandardInput
            ? loadStandardInput(displayPath: input.displayPath)
            : loadFile(atPath: input.path, displayPath: input.displayPath)
    }

    /// Reads standard input to its end and loads it under `displayPath`.
    package func loadStandardInput(displayPath: String) -> ManifestFile {
        switch FileReader.readStandardInput(maxBytes: limits.maxFileBytes) {
        case .success(let bytes):
            return load(SourceFile(path: displayPath, bytes: bytes))
        case .failure(let failure):
            return ManifestFile(source: SourceFile(path: displayPath, bytes: []), storage: nil, resources: [],
                                diagnostics: [failure.diagnostic(path: displayPath)])
        }
    }
}
