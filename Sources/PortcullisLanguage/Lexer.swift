import PortcullisDiagnostics

/// Splits a policy file into tokens. `#` starts a comment to the end of the line (outside strings).
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private let path: String
    private var index = 0
    private var line = 1
    private var column = 1
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceFile) {
        scalars = Lexer.decode(source.bytes)
        path = source.path
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column) }

    /// The file's characters, decoded once (invalid UTF-8 becomes U+FFFD, as `String(decoding:)`
    /// does) without building a `String` first: this runs for every built-in file at start-up.
    static func decode(_ bytes: [UInt8]) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return scalars
            case .error: scalars.append("\u{FFFD}")
            }
        }
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        while true {
            skipTriviaAndComments()
            let start = location
            guard let c = peek() else {
                tokens.append(Token(kind: .endOfFile, span: SourceSpan(start: start)))
                return tokens
            }
            let kind: TokenKind
            if c == "\"" {
                if peek(1) == "\"" && peek(2) == "\"" {
                    kind = blockString(start: start)
                } else {
                    // Holes exist in messages only: elsewhere a `{` is text (`matches "^a{2}"`).
                    kind = string(start: start, holes: tokens.last?.identifier == "message")
                }
            } else if c.isLetterLike || c == "_" {
                let begin = index
                while let d = peek(), d.isLetterLike || d.isDigitLike || d == "_" || d == "-" {
                    // A `-` continues an identifier only when a letter or digit follows (kebab-case).
                    if d == "-" { guard let after = peek(1), after.isLetterLike || after.isDigitLike else { break } }
                    advance()
                }
                kind = .identifier(Lexer.text(scalars[begin..<index]))
            } else if c.isDigitLike || (c == "-" && peek(1)?.isDigitLike == true) {
                var text = ""
                text.unicodeScalars.append(c)
                advance()
                while let d = peek(), d.isDigitLike || d == "." || d == "_" {
                    if d == "." && !(peek(1)?.isDigitLike == true) { break }
                    text.unicodeScalars.append(d)
                    advance()
                }
                kind = .number(Double(text.replacingUnderscores) ?? 0, text: text)
            } else {
                let two = peek(1).map { String(c) + String($0) } ?? ""
                if ["==", "!=", "<=", ">=", "=~"].contains(two) {
                    advance(); advance()
                    kind = .punctuation(two)
                } else if "{}[](),.:=<>".unicodeScalars.contains(c) {
                    advance()
                    kind = .punctuation(String(c))
                } else {
                    diagnostics.append(.error("policy.unexpected-character", "unexpected character '\(c)'",
                                              path: path, at: SourceSpan(start: start)))
                    advance()
                    continue
                }
            }
            tokens.append(Token(kind: kind, span: SourceSpan(start: start, end: location)))
        }
    }

    private mutating func skipTriviaAndComments() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                advance()
            } else if c == "#" {
                while let d = peek(), d != "\n" { advance() }
            } else {
                return
            }
        }
    }

    /// A one-line string. In a message (`holes`), inside a `{…}` hole a `"` opens a string literal of
    /// the hole's expression (`"{default(x, "unset")}"`) instead of ending the string; such a literal
    /// and the older `\"…\"` form are kept as written, for the message parser to lex. A message
    /// whose hole is not closed on its line is read again as plain text (the message parser then
    /// reports the unclosed brace).
    private mutating func string(start: SourceLocation, holes: Bool) -> TokenKind {
        let saved = (index, line, column)
        if holes, let value = scanString(holes: true) { return .string(value) }
        (index, line, column) = saved
        if let value = scanString(holes: false) { return .string(value) }
        diagnostics.append(.error("policy.unterminated-string", "string is not closed on this line", path: path, at: SourceSpan(start: start)))
        return .string("")
    }

    /// The string's value up to its closing quote, or nil when the line or file ends first.
    private mutating func scanString(holes: Bool) -> String? {
        advance()  // opening quote
        var value = ""
        var depth = 0  // `{` nesting inside a hole
        var inner: Unicode.Scalar?  // inside a hole's string literal: what closes it (`"`, or `\` for `\"`)
        // Plain text is taken in runs, converted once (this reads every string of every built-in
        // policy at start-up).
        var run = index
        while let c = peek() {
            if depth == 0 && inner == nil {
                if c != "\"" && c != "\\" && c != "\n" && (c != "{" || !holes) { advance(); continue }
                if run < index { value += Lexer.text(scalars[run..<index]) }
            }
            defer { run = index }
            if c == "\n" { return nil }
            if let closer = inner {
                if c == "\\" {
                    guard let e = peek(1) else { return nil }
                    if closer == "\\" && e == "\"" { value += "\""; inner = nil; advance(); advance(); continue }
                    value.unicodeScalars.append(c)
                    value.unicodeScalars.append(e)
                    advance(); advance()
                    continue
                }
                value.unicodeScalars.append(c)
                advance()
                if c == "\"" && closer == "\"" { inner = nil }
                continue
            }
            if depth > 0 {
                switch c {
                case "\"":
                    inner = "\""
                    value += "\""
                    advance()
                    continue
                case "\\" where peek(1) == "\"":
                    inner = "\\"
                    value += "\""
                    advance(); advance()
                    continue
                case "{": depth += 1
                case "}": depth -= 1
                default: break
                }
                value.unicodeScalars.append(c)
                advance()
                continue
            }
            if c == "\"" { advance(); return value }
            if c == "\\" {
                advance()
                guard let e = peek() else { return nil }
                switch e {
                case "n": value += "\n"
                case "t": value += "\t"
                case "\"": value += "\""
                case "\\": value += "\\"
                case "{": value += "\\{"  // kept escaped for message interpolation
                default: value += "\\"; value.unicodeScalars.append(e)
                }
                advance()
                continue
            }
            // `{` in a message: a hole opens.
            depth = 1
            value.unicodeScalars.append(c)
            advance()
        }
        return nil
    }

    /// The text of `slice`: ASCII through one byte array, the rest encoded as UTF-8.
    static func text(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(slice.count)
        for scalar in slice {
            if scalar.isASCII { bytes.append(UInt8(truncatingIfNeeded: scalar.value)) } else { bytes.append(contentsOf: UTF8.encode(scalar)!) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `"""` … `"""`: the text between, first line break dropped, common indentation removed.
    private mutating func blockString(start: SourceLocation) -> TokenKind {
        advance(); advance(); advance()
        let begin = index
        while index < scalars.count {
            if peek() == "\"" && peek(1) == "\"" && peek(2) == "\"" {
                let text = Lexer.dedent(scalars[begin..<index])
                advance(); advance(); advance()
                return .blockString(text)
            }
            advance()
        }
        diagnostics.append(.error("policy.unterminated-string", "\"\"\" block is never closed", path: path, at: SourceSpan(start: start)))
        return .blockString(Lexer.dedent(scalars[begin..<index]))
    }

    /// The block's lines without a blank first and last line and without the indentation they all
    /// share; one string built once (this runs for every example of every built-in policy at start-up).
    static func dedent(_ raw: ArraySlice<Unicode.Scalar>) -> String {
        var lines: [Range<Int>] = []
        var lineStart = raw.startIndex
        var indent = Int.max
        var index = raw.startIndex
        while index < raw.endIndex {
            if raw[index] == "\n" {
                lines.append(lineStart..<index)
                lineStart = index + 1
            }
            index += 1
        }
        lines.append(lineStart..<raw.endIndex)
        /// The line's leading blanks, or nil when it holds nothing else.
        func leadingBlanks(_ line: Range<Int>) -> Int? {
            var position = line.lowerBound
            while position < line.upperBound && (raw[position] == " " || raw[position] == "\t") { position += 1 }
            return position == line.upperBound ? nil : position - line.lowerBound
        }
        if let first = lines.first, leadingBlanks(first) == nil { lines.removeFirst() }
        if let last = lines.last, leadingBlanks(last) == nil { lines.removeLast() }
        for line in lines { if let blanks = leadingBlanks(line) { indent = min(indent, blanks) } }
        if indent == .max { indent = 0 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count + 1)
        for (number, line) in lines.enumerated() {
            if number > 0 { bytes.append(0x0A) }
            guard line.count >= indent else { continue }
            for scalar in raw[(line.lowerBound + indent)..<line.upperBound] {
                if scalar.isASCII { bytes.append(UInt8(truncatingIfNeeded: scalar.value)) } else { bytes.append(contentsOf: UTF8.encode(scalar)!) }
            }
        }
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Unicode.Scalar {
    /// A letter (Unicode alphabetic), with a fast path for ASCII: the lexer asks for every character.
    var isLetterLike: Bool {
        if isASCII { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    /// A digit (any Unicode numeric type), with a fast path for ASCII.
    var isDigitLike: Bool {
        if isASCII { return value >= 0x30 && value <= 0x39 }
        return properties.numericType != nil
    }
}

extension String {
    var replacingUnderscores: String { String(filter { $0 != "_" }) }
}
