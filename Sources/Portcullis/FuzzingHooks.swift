import PortcullisDiagnostics
import PortcullisManifest

/// What the manifest fuzz target (`Fuzz/`) runs on each input: every step a file goes through in
/// `check` and `parse --positions`. Not API.
@_spi(Fuzzing)
public enum FuzzingHooks {
    /// Loads `bytes`, checks them against `policies` (suppressions, waivers, the text report) and
    /// writes each resource's `parse --positions` line within a 1 MiB budget.
    public static func manifest(_ bytes: [UInt8], policies: PolicySet) {
        var options = ValidationOptions()
        options.parallel = false
        let result = Validator(policies: policies, options: options).validate(bytes: bytes, name: "fuzz.yaml")
        _ = Report(format: .text).render(result)
        let file = ManifestLoader().load(SourceFile(path: "fuzz.yaml", bytes: bytes))
        for resource in file.resources {
            _ = ManifestParser.ParsedResource(document: resource).jsonLine(positions: true, maxBytes: 1 << 20)
        }
    }
}
