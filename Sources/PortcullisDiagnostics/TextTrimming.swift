/// Trimming text at both ends, as Foundation's `trimmingCharacters(in:)` does it, for the modules
/// that do without Foundation.
package enum TextTrimming {
    /// `text` without the white space (newlines included) at its start and end.
    package static func trimmed(_ text: some StringProtocol) -> String {
        trimmed(text) { $0.isWhitespace }
    }

    /// `text` without the characters `isTrimmed` accepts at its start and end.
    package static func trimmed(_ text: some StringProtocol, where isTrimmed: (Character) -> Bool) -> String {
        guard let first = text.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = text.lastIndex(where: { !isTrimmed($0) })!
        return String(text[first...last])
    }
}
