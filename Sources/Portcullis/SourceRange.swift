import PortcullisDiagnostics

/// Where something is in a file: 1-based lines and columns (columns count Unicode characters).
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    /// The file as the run shows it (relative to the working directory when given so).
    public var file: String
    /// The first line (1-based).
    public var line: Int
    /// The first column (1-based, in Unicode characters).
    public var column: Int
    /// The last line.
    public var endLine: Int
    /// The column just past the end.
    public var endColumn: Int

    /// A range; the end defaults to the start.
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
