import PortcullisDiagnostics
import PortcullisManifest

/// YAML text with position markers `⟨name⟩`: the markers are removed and their line and column
/// (1-based, in Unicode scalars) remembered, so tests state positions where they are, not as numbers.
struct MarkedSource {
    let text: String
    let markers: [String: SourceLocation]

    init(_ marked: String) {
        var text = ""
        var markers: [String: SourceLocation] = [:]
        var line = 1, column = 1
        var scalars = marked.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "⟨", let close = scalars.firstIndex(of: "⟩") {
                markers[String(String.UnicodeScalarView(scalars[..<close]))] = SourceLocation(line: line, column: column)
                scalars = scalars[scalars.index(after: close)...]
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        self.text = text
        self.markers = markers
    }

    subscript(_ name: String) -> SourceLocation { markers[name]! }

    func load(path: String = "test.yaml", limits: ManifestLimits = .standard) -> ManifestFile {
        ManifestLoader(limits: limits).load(SourceFile(path: path, bytes: Array(text.utf8)))
    }
}

func load(_ text: String, path: String = "test.yaml", limits: ManifestLimits = .standard) -> ManifestFile {
    ManifestLoader(limits: limits).load(SourceFile(path: path, bytes: Array(text.utf8)))
}

func json(_ node: Node) -> String {
    var writer = JSONWriter()
    writer.append(node)
    return String(decoding: writer.bytes, as: UTF8.self)
}
