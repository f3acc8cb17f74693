/// The package's one JSON writer: JSON text appended to a byte buffer, with one escape table.
///
/// Values are written in order with `beginObject`/`key`/`endObject`, `beginArray`/`endArray` and
/// the `append` methods; the writer puts in the commas, and in the indented styles the line breaks
/// and indentation. It keeps no call stack of its own (one flag per open container), so a caller that
/// walks a deep tree with an explicit stack can write it at any depth. Keys are written in the order
/// given: a caller that wants them sorted sorts them. `append(raw:)` adds text as it is, for callers
/// that assemble a compact line around written values (`portcullis parse`).
package struct JSONWriter: Sendable {
    /// How the text is laid out, and the two escapes whose form differs between the package's outputs.
    package struct Style: Sendable {
        /// Line breaks and two-space indentation, `" : "` between a key and its value.
        package var indented: Bool
        /// An empty array or object in the indented styles: `[]`, or a blank line inside (`[\n\n  ]`).
        package var blankLineInEmptyContainers: Bool
        /// Backspace and form feed as `\b` and `\f`, or as `\u0008` and `\u000c`.
        package var shortFormFeedAndBackspace: Bool
        /// DEL (U+007F) as `\u007f`, or as itself.
        package var escapesDelete: Bool

        /// No whitespace; control characters other than tab, line feed and carriage return as
        /// `\u00XX` (`\u0008`), DEL as `\u007f`: the JSON lines of `portcullis parse`, values shown in
        /// messages, literals in plans.
        package static let compact = Style(indented: false, blankLineInEmptyContainers: false,
                                           shortFormFeedAndBackspace: false, escapesDelete: true)
        /// Indented, empty containers as `[]` and `{}`: SARIF.
        package static let indented = Style(indented: true, blankLineInEmptyContainers: false,
                                            shortFormFeedAndBackspace: false, escapesDelete: false)
        /// Indented exactly as Foundation's `JSONEncoder` (`.prettyPrinted`, `.withoutEscapingSlashes`)
        /// wrote the JSON report and baselines, so files written by earlier versions stay byte for
        /// byte the same: empty containers with a blank line inside, `\b` and `\f`.
        package static let indentedLikeJSONEncoder = Style(indented: true, blankLineInEmptyContainers: true,
                                                           shortFormFeedAndBackspace: true, escapesDelete: false)
    }

    package private(set) var bytes: [UInt8] = []
    package let style: Style
    /// Whether the innermost open container has an element yet.
    private var hasElement = false
    /// The same for each enclosing open container, outermost first.
    private var enclosing: [Bool] = []
    /// How many containers are open.
    private var depth = 0
    /// A key was just written: the next value follows it without a separator.
    private var afterKey = false

    /// A compact writer (`Style.compact`).
    package init() {
        self.init(style: .compact)
    }

    package init(style: Style, capacity: Int = 0) {
        self.style = style
        bytes.reserveCapacity(capacity)
    }

    /// The text written since the last call, taken out of the writer (which goes on where it
    /// stopped): a long document is handed on in pieces rather than held whole.
    package mutating func takeText() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `takeText()` as bytes, valid only while `body` runs: a writer that sends bytes on takes them
    /// with no `String` made (and its UTF-8 checked) for each piece.
    package mutating func takeBytes(_ body: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes(body)
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: Structure

    package mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    package mutating func endObject() {
        endContainer(UInt8(ascii: "}"))
    }

    package mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        open()
    }

    package mutating func endArray() {
        endContainer(UInt8(ascii: "]"))
    }

    /// The key of the next member of the open object.
    package mutating func key(_ key: String) {
        var key = key
        key.withUTF8 { self.key(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// A key given as UTF-8 bytes.
    package mutating func key(utf8 key: UnsafeRawBufferPointer) {
        beforeValue()
        appendQuoted(key)
        if style.indented {
            bytes.appendUTF8(" : ")
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
        afterKey = true
    }

    // MARK: Values

    /// A string value.
    package mutating func append(string text: String) {
        var text = text
        text.withUTF8 { append(stringUTF8: UnsafeRawBufferPointer($0)) }
    }

    /// A string value given as UTF-8 bytes.
    package mutating func append(stringUTF8 text: UnsafeRawBufferPointer) {
        beforeValue()
        appendQuoted(text)
    }

    package mutating func append(int value: Int) {
        beforeValue()
        bytes.appendDecimal(value)
    }

    package mutating func append(bool value: Bool) {
        beforeValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    package mutating func appendNull() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// A value whose JSON text the caller has made (a number in its source form), added as it is.
    package mutating func append(valueText text: UnsafeRawBufferPointer) {
        beforeValue()
        bytes.append(contentsOf: text)
    }

    /// Text added as it is, outside the writer's bookkeeping: for compact lines assembled by hand.
    package mutating func append(raw text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A member of the open object; nothing when `value` is `nil`.
    package mutating func member(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        append(string: value)
    }

    /// A member of the open object; nothing when `value` is `nil`.
    package mutating func member(_ key: String, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        append(int: value)
    }

    // MARK: Layout

    @inline(__always)
    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if hasElement {
            bytes.append(UInt8(ascii: ","))
        } else {
            hasElement = true
        }
        if style.indented { newline(indent: depth) }
    }

    private mutating func open() {
        if depth > 0 { enclosing.append(hasElement) }
        hasElement = false
        depth += 1
    }

    private mutating func endContainer(_ bracket: UInt8) {
        precondition(depth > 0, "JSONWriter: more containers ended than begun")
        let hadElements = hasElement
        depth -= 1
        hasElement = depth > 0 ? enclosing.removeLast() : false
        if style.indented {
            if hadElements {
                newline(indent: depth)
            } else if style.blankLineInEmptyContainers {
                bytes.append(UInt8(ascii: "\n"))
                newline(indent: depth)
            }
        }
        bytes.append(bracket)
    }

    private mutating func newline(indent: Int) {
        // One copy from a line break and 64 spaces; a deeper line (a manifest shown as JSON) adds the rest.
        let breakAndSpaces: StaticString = "\n                                                                "
        let width = 1 + indent * 2
        breakAndSpaces.withUTF8Buffer { text in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<min(width, text.count)]))
        }
        if width > breakAndSpaces.utf8CodeUnitCount {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width - breakAndSpaces.utf8CodeUnitCount))
        }
    }

    // MARK: Escaping

    /// The escape table: for each byte below 0x80, 0 when it stands for itself in a JSON string, else
    /// the letter after the backslash (`u`: `\u00XX`). RFC 8259's short forms; `Style` decides the
    /// form of the two marked entries (backspace and form feed, DEL).
    private static let escapes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for byte in 0..<0x20 { table[byte] = UInt8(ascii: "u") }
        table[0x08] = UInt8(ascii: "b")   // Style.shortFormFeedAndBackspace
        table[0x0C] = UInt8(ascii: "f")   // Style.shortFormFeedAndBackspace
        table[0x09] = UInt8(ascii: "t")
        table[0x0A] = UInt8(ascii: "n")
        table[0x0D] = UInt8(ascii: "r")
        table[0x22] = UInt8(ascii: "\"")
        table[0x5C] = UInt8(ascii: "\\")
        table[0x7F] = UInt8(ascii: "u")   // Style.escapesDelete
        return table
    }()

    /// `text` as a quoted JSON string. UTF-8 above 0x7F is copied as it is, `/` too.
    private mutating func appendQuoted(_ text: UnsafeRawBufferPointer) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var offset = 0
        let count = text.count
        while offset < count {
            // Eight bytes at a time while none of them may need an escape.
            if offset &+ 8 <= count && !Self.mayNeedEscape(text.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) {
                offset &+= 8
                continue
            }
            let end = min(offset &+ 8, count)
            for position in offset..<end {
                let byte = text[position]
                // Most bytes stand for themselves: one comparison chain before the table.
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F { continue }
                if byte == 0x7F && !style.escapesDelete { continue }
                if runStart < position { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[runStart..<position])) }
                runStart = position + 1
                var letter = Self.escapes[Int(byte)]
                if (letter == UInt8(ascii: "b") || letter == UInt8(ascii: "f")) && !style.shortFormFeedAndBackspace {
                    letter = UInt8(ascii: "u")
                }
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(letter)
                if letter == UInt8(ascii: "u") {
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(HexDigit.lowercase(UInt64(byte >> 4)))
                    bytes.append(HexDigit.lowercase(UInt64(byte)))
                }
            }
            offset = end
        }
        if runStart < count { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[runStart...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes of `word` is below 0x20, a quote, a backslash or DEL (those
    /// `appendQuoted` looks at one by one). Exact: each test is true only when some byte is one of
    /// them (a borrow crosses into the next byte only from a byte that already made the test true).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func holdsZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highBits != 0 }
        let holdsControl = (word &- ones &* 0x20) & ~word & highBits != 0
        return holdsControl || holdsZeroByte(word ^ (ones &* 0x22)) || holdsZeroByte(word ^ (ones &* 0x5C))
            || holdsZeroByte(word ^ (ones &* 0x7F))
    }
}
