import PortcullisDiagnostics

/// A glob is stored as its pattern and mode; reading builds it again (brace expansion included).
extension GlobPattern: CompactStorable {
    package func store(in writer: inout CompactWriter) {
        writer.write(pattern)
        writer.write(mode == .text)
    }

    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        self.init(try reader.string(), mode: try reader.bool() ? .text : .path)
    }
}
