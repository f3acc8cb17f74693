/// A position in a source file: 1-based line, 1-based column counted in Unicode scalars.
package struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 1-based line number.
    package var line: Int
    /// 1-based column, counted in Unicode scalars (a tab is one column).
    package var column: Int

    /// Creates a location from 1-based line and column.
    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }

    package var description: String { "\(line):\(column)" }
}

/// A half-open range of source: from `start` up to (not including) `end`.
package struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    package var start: SourceLocation
    package var end: SourceLocation

    /// Creates a span; `end` defaults to `start` (a point).
    package init(start: SourceLocation, end: SourceLocation? = nil) {
        self.start = start
        self.end = end ?? start
    }

    package var description: String { "\(start)-\(end)" }
}
