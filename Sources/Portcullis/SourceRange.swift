import PortcullisDiagnostics

/// Where something is in a file: 1-based lines and columns (columns count Unicode characters).
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    /// The file as the run shows it (relative to the working directory when given so).
    public var file: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    public init(file: String, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine ?? line
        self.endColumn = endColumn ?? column
    }

    init(file: String, span: SourceSpan) {
        self.init(file: file, line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column)
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}
