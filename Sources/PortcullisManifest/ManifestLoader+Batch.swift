import Dispatch
import PortcullisDiagnostics

extension ManifestLoader {
    /// Loads every input, in parallel on all cores when `parallel` is set; the result is in input order.
    ///
    /// Standard input is read once, on the calling thread, before the parallel part.
    public func loadAll(_ inputs: [InputFile], parallel: Bool = true) -> [ManifestFile] {
        var results = [ManifestFile?](repeating: nil, count: inputs.count)
        for (offset, input) in inputs.enumerated() where input.isStandardInput {
            results[offset] = loadStandardInput(displayPath: input.displayPath)
        }
        let pending = inputs.indices.filter { results[$0] == nil }
        if parallel && pending.count > 1 {
            results.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: pending.count) { job in
                    let offset = pending[job]
                    slots[offset] = loadFile(atPath: inputs[offset].path, displayPath: inputs[offset].displayPath)
                }
            }
        } else {
            for offset in pending {
                results[offset] = loadFile(atPath: inputs[offset].path, displayPath: inputs[offset].displayPath)
            }
        }
        return results.map { $0! }
    }

    /// Reads standard input to its end and loads it under `displayPath`.
    public func loadStandardInput(displayPath: String) -> ManifestFile {
        switch FileReader.readStandardInput(maxBytes: limits.maxFileBytes) {
        case .success(let bytes):
            return load(SourceFile(path: displayPath, bytes: bytes))
        case .failure(let failure):
            return ManifestFile(source: SourceFile(path: displayPath, bytes: []), storage: nil, resources: [],
                                diagnostics: [failure.diagnostic(path: displayPath)])
        }
    }
}
