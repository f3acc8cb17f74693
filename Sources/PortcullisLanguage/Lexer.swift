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
        scalars = Array(String(decoding: source.bytes, as: UTF8.self).unicodeScalars)
        path = source.path
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column) }

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
                if peek(1) == "\"" && peek(2) == "\"" { kind = blockString(start: start) } else { kind = string(start: start) }
            } else if c.properties.isAlphabetic || c == "_" {
                var name = ""
                while let d = peek(), d.properties.isAlphabetic || d.properties.numericType != nil || d == "_" || d == "-" {
                    // A `-` continues an identifier only when a letter or digit follows (kebab-case).
                    if d == "-" { guard let after = peek(1), after.properties.isAlphabetic || after.properties.numericType != nil else { break } }
                    name.unicodeScalars.append(d)
                    advance()
                }
                kind = .identifier(name)
            } else if c.properties.numericType != nil || (c == "-" && peek(1)?.properties.numericType != nil) {
                var text = ""
                text.unicodeScalars.append(c)
                advance()
                while let d = peek(), d.properties.numericType != nil || d == "." || d == "_" {
                    if d == "." && !(peek(1)?.properties.numericType != nil) { break }
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

    private mutating func string(start: SourceLocation) -> TokenKind {
        advance()  // opening quote
        var value = ""
        while let c = peek() {
            if c == "\"" { advance(); return .string(value) }
            if c == "\n" { break }
            if c == "\\" {
                advance()
                guard let e = peek() else { break }
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
            value.unicodeScalars.append(c)
            advance()
        }
        diagnostics.append(.error("policy.unterminated-string", "string is not closed on this line", path: path, at: SourceSpan(start: start)))
        return .string(value)
    }

    /// `"""` … `"""`: the text between, first line break dropped, common indentation removed.
    private mutating func blockString(start: SourceLocation) -> TokenKind {
        advance(); advance(); advance()
        var raw = ""
        while index < scalars.count {
            if peek() == "\"" && peek(1) == "\"" && peek(2) == "\"" {
                advance(); advance(); advance()
                return .blockString(Lexer.dedent(raw))
            }
            raw.unicodeScalars.append(scalars[index])
            advance()
        }
        diagnostics.append(.error("policy.unterminated-string", "\"\"\" block is never closed", path: path, at: SourceSpan(start: start)))
        return .blockString(Lexer.dedent(raw))
    }

    static func dedent(_ raw: String) -> String {
        var lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeFirst() }
        if let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
        let indent = lines.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        return lines.map { $0.count >= indent ? String($0.dropFirst(indent)) : "" }.joined(separator: "\n") + "\n"
    }
}

extension String {
    var replacingUnderscores: String { String(filter { $0 != "_" }) }
}
