import PortcullisDiagnostics

/// The kinds of token of the policy language.
package enum TokenKind: Equatable, Sendable {
    case identifier(String)
    case string(String)
    /// A `"""…"""` block with common indentation removed.
    case blockString(String)
    case number(Double, text: String)
    case punctuation(String)  // { } [ ] ( ) , . : = == != < <= > >= =~
    case endOfFile
}

/// A token with its place in the policy file.
package struct Token: Sendable {
    package var kind: TokenKind
    package var span: SourceSpan

    package init(kind: TokenKind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }

    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    func isPunctuation(_ text: String) -> Bool {
        if case .punctuation(let p) = kind { return p == text }
        return false
    }

    func isKeyword(_ word: String) -> Bool { identifier == word }

    var description: String {
        switch kind {
        case .identifier(let name): return "'\(name)'"
        case .string: return "a string"
        case .blockString: return "a \"\"\" block"
        case .number(_, let text): return "'\(text)'"
        case .punctuation(let p): return "'\(p)'"
        case .endOfFile: return "the end of the file"
        }
    }
}
