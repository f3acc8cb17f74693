/// A schema table that cannot be read: the line and what is wrong with it.
package struct SchemaTableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the table.
    package let line: Int
    package let reason: String

    package init(line: Int, _ reason: String) {
        self.line = line
        self.reason = reason
    }

    package var description: String { "schema table line \(line): \(reason)" }
}
