import PortcullisDiagnostics

/// Parses a `.policy` file into syntax; every problem becomes a diagnostic and parsing resumes at
/// the next clause or policy.
package struct Parser {
    private var tokens: [Token]
    private var position = 0
    private let path: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Parsing stops collecting after this many errors (then one line says how many more there were).
    package static let errorCap = 25
    /// The deepest expression nesting accepted by default (parentheses, `not`, field and index
    /// steps, lists, calls, quantifiers). Parsing and lowering recurse, so this bounds the stack
    /// they use; real policies nest a dozen levels at most.
    package static let defaultMaxNesting = 64
    private var maxNesting = Parser.defaultMaxNesting
    private var depth = 0
    private var unshownErrors = 0

    /// Parses `source`; returns the syntax and the diagnostics of lexing and parsing.
    package static func parse(_ source: SourceFile, maxNesting: Int = Parser.defaultMaxNesting) -> (PolicyFileSyntax, [Diagnostic]) {
        var lexer = Lexer(source: source)
        let tokens = lexer.tokenize()
        var parser = Parser(tokens: tokens, path: source.path)
        parser.maxNesting = maxNesting
        parser.diagnostics = lexer.diagnostics.capped(perFileAndID: Parser.errorCap)
        let file = parser.parseFile()
        if parser.unshownErrors > 0 {
            parser.diagnostics.append(.error("policy.syntax", "\(parser.unshownErrors) more error\(parser.unshownErrors == 1 ? "" : "s") in this file not shown",
                                             path: source.path))
        }
        return (file, parser.diagnostics)
    }

    private init(tokens: [Token], path: String) {
        self.tokens = tokens
        self.path = path
    }

    private var current: Token { tokens[position] }
    private var atEnd: Bool { if case .endOfFile = current.kind { return true } else { return false } }

    private mutating func advance() { if !atEnd { position += 1 } }

    private struct ParseError: Error {}

    private mutating func fail(_ message: String, at span: SourceSpan? = nil, id: DiagnosticID = "policy.syntax") -> ParseError {
        if diagnostics.count(where: { $0.severity == .error }) < Parser.errorCap {
            diagnostics.append(.error(id, message, path: path, at: span ?? current.span))
        } else {
            unshownErrors += 1
        }
        return ParseError()
    }

    private mutating func expectPunctuation(_ p: String, _ context: String) throws(ParseError) {
        guard current.isPunctuation(p) else { throw fail("expected '\(p)' \(context), found \(current.description)") }
        advance()
    }

    private mutating func expectIdentifier(_ context: String) throws(ParseError) -> String {
        guard let name = current.identifier else { throw fail("expected a name \(context), found \(current.description)") }
        advance()
        return name
    }

    private mutating func expectString(_ context: String) throws(ParseError) -> (String, SourceSpan) {
        guard case .string(let value) = current.kind else { throw fail("expected a quoted string \(context), found \(current.description)") }
        let span = current.span
        advance()
        return (value, span)
    }

    // MARK: File and policies

    private mutating func parseFile() -> PolicyFileSyntax {
        var file = PolicyFileSyntax(path: path, parameters: [], policies: [])
        while !atEnd {
            do {
                if current.isKeyword("policy") {
                    file.policies.append(try parsePolicy())
                } else if current.isKeyword("param") {
                    file.parameters.append(try parseParameter())
                } else if current.isKeyword("pack") {
                    let keyword = current.span
                    advance()
                    let span = current.span
                    let name = try expectIdentifier("after 'pack' (the pack whose parameters this file declares)")
                    if let earlier = file.pack {
                        throw fail("the file already names its pack '\(earlier.name)' at line \(earlier.span.start.line)", at: keyword)
                    }
                    file.pack = (name, span)
                } else {
                    throw fail("expected 'policy', 'param' or 'pack', found \(current.description)")
                }
            } catch {
                // Resume at the next top-level keyword.
                advance()
                while !atEnd && !current.isKeyword("policy") && !current.isKeyword("param") && !current.isKeyword("pack") { advance() }
            }
        }
        return file
    }

    private mutating func parseParameter() throws(ParseError) -> ParameterDecl {
        let start = current.span
        advance()
        let name = try expectIdentifier("after 'param'")
        try expectPunctuation("=", "after the parameter name")
        let value = try parseExpression()
        return ParameterDecl(name: name, defaultValue: value, span: SourceSpan(start: start.start, end: value.span.end))
    }

    private static let clauseKeywords: Set<String> = [
        "title", "description", "severity", "tags", "help", "help_url", "remediation", "match", "exclude",
        "for", "deny", "message", "at", "example", "enabled", "let",
    ]

    private mutating func parsePolicy() throws(ParseError) -> PolicyDecl {
        let start = current.span
        advance()
        let (id, idSpan) = try expectString("for the policy id, e.g. policy \"images/no-latest-tag\"")
        if !Parser.isValidID(id) {
            _ = fail("policy id '\(id)' must be lower-case kebab-case words separated by '/', e.g. \"images/no-latest-tag\"",
                     at: idSpan, id: "policy.invalid-id")
        }
        try expectPunctuation("{", "to open the policy")
        var policy = PolicyDecl(id: id, idSpan: idSpan, span: start)
        while !current.isPunctuation("}") {
            if atEnd { throw fail("policy \"\(id)\" is not closed: expected '}'", at: start) }
            do {
                try parseClause(into: &policy)
            } catch {
                advance()
                while !atEnd && !current.isPunctuation("}") && !(current.identifier.map(Parser.clauseKeywords.contains) ?? false) {
                    advance()
                }
            }
        }
        policy.span = SourceSpan(start: start.start, end: current.span.end)
        advance()
        return policy
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.first != "-" && part.last != "-"
                && part.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
        }
    }

    private mutating func parseClause(into policy: inout PolicyDecl) throws(ParseError) {
        let keywordSpan = current.span
        guard let keyword = current.identifier else { throw fail("expected a clause (title, match, for, deny, message, …), found \(current.description)") }
        advance()
        switch keyword {
        case "title": policy.title = try expectString("after 'title'").0
        case "description": policy.description = try expectText("after 'description'")
        case "help": policy.help = try expectText("after 'help'")
        case "help_url": policy.helpURL = try expectString("after 'help_url'").0
        case "remediation": policy.remediation = try expectText("after 'remediation'")
        case "severity":
            let span = current.span
            let name = try expectIdentifier("after 'severity' (error, warning or info)")
            guard let severity = Severity(rawValue: name) else { throw fail("unknown severity '\(name)': use error, warning or info", at: span) }
            policy.severity = severity
        case "enabled":
            let span = current.span
            let value = try expectIdentifier("after 'enabled' (true or false)")
            guard value == "true" || value == "false" else { throw fail("expected true or false after 'enabled'", at: span) }
            policy.enabledByDefault = value == "true"
        case "tags":
            policy.tags = try parseNameList("after 'tags'")
        case "match", "exclude":
            var matcher = try parseMatcher()
            if current.isKeyword("and") {
                var parts = [matcher]
                while current.isKeyword("and") {
                    advance()
                    parts.append(try parseMatcher())
                }
                matcher = .all(parts)
            }
            if keyword == "match" { policy.matches.append(matcher) } else { policy.excludes.append(matcher) }
        case "for":
            if !policy.iterations.isEmpty {
                throw fail("a policy has one 'for' clause; nest iterations in it (for c in containers, m in c.volumeMounts) or use any/all", at: keywordSpan)
            }
            while true {
                let span = current.span
                let variable = try expectIdentifier("after 'for'")
                guard current.isKeyword("in") else { throw fail("expected 'in' after 'for \(variable)'") }
                advance()
                let collection = try parseExpression()
                policy.iterations.append(Iteration(variable: variable, collection: collection,
                                                   span: policy.iterations.isEmpty ? keywordSpan : span))
                guard current.isPunctuation(",") else { break }
                advance()
            }
        case "let":
            let nameSpan = current.span
            let name = try expectIdentifier("after 'let'")
            try expectPunctuation("=", "after 'let \(name)'")
            let value = try parseExpression()
            policy.lets.append(LetDecl(name: name, value: value, iterationDepth: policy.iterations.count,
                                       span: SourceSpan(start: nameSpan.start, end: nameSpan.end)))
        case "deny":
            var label: String?
            if let name = current.identifier, name != "when" {
                label = name
                advance()
            } else if case .string(let text) = current.kind {
                label = text
                advance()
            }
            guard current.isKeyword("when") else {
                throw fail(label == nil ? "expected 'when' after 'deny'" : "expected 'when' after 'deny \(label!)'")
            }
            advance()
            if let label, policy.denies.contains(where: { $0.label == label }) {
                throw fail("policy \"\(policy.id)\" already has a 'deny \(label)' block", at: keywordSpan)
            }
            let condition = try parseExpression()
            policy.denies.append(DenyBlock(label: label, condition: condition, message: nil, at: nil,
                                           span: SourceSpan(start: keywordSpan.start, end: condition.span.end)))
        case "message":
            if policy.denies.last?.message != nil || (policy.denies.isEmpty && policy.defaultMessage != nil) {
                throw fail("this 'deny' already has a message; each 'deny when' takes one 'message' after it", at: keywordSpan)
            }
            let (text, span) = try expectString("after 'message'")
            let template = try parseTemplate(text, span: span)
            if policy.denies.isEmpty { policy.defaultMessage = template } else { policy.denies[policy.denies.count - 1].message = template }
        case "at":
            if policy.denies.last?.at != nil || (policy.denies.isEmpty && policy.defaultAt != nil) {
                throw fail("this 'deny' already has a location; each 'deny when' takes one 'at' after it", at: keywordSpan)
            }
            let location = try parseExpression()
            if policy.denies.isEmpty { policy.defaultAt = location } else { policy.denies[policy.denies.count - 1].at = location }
        case "example":
            let kindSpan = current.span
            let kind = try expectIdentifier("after 'example' (pass or fail)")
            guard kind == "pass" || kind == "fail" else { throw fail("expected 'pass' or 'fail' after 'example'", at: kindSpan) }
            var parameters: [(name: String, value: Expr)] = []
            if current.isKeyword("with") {
                advance()
                let valueSpan = current.span
                guard case .mapping(let entries, _) = try parsePrimary() else { throw fail("expected {name: value, …} after 'with'", at: valueSpan) }
                parameters = entries.map { (name: $0.key, value: $0.value) }
            }
            guard case .blockString(let text) = current.kind else { throw fail("expected a \"\"\" block holding the example manifest") }
            policy.examples.append(Example(shouldFail: kind == "fail", parameters: parameters, text: text,
                                           firstLine: current.span.start.line + 1, span: current.span))
            advance()
        default:
            throw fail("unknown clause '\(keyword)' (expected title, description, severity, tags, help, help_url, remediation, match, exclude, for, let, deny, message, at or example)",
                       at: keywordSpan, id: "policy.unknown-clause")
        }
    }

    private mutating func expectText(_ context: String) throws(ParseError) -> String {
        if case .blockString(let text) = current.kind {
            advance()
            return text.hasSuffix("\n") ? String(text.dropLast()) : text
        }
        return try expectString(context).0
    }

    private mutating func parseNameList(_ context: String) throws(ParseError) -> [String] {
        func name(_ parser: inout Parser) throws(ParseError) -> String {
            switch parser.current.kind {
            case .identifier(let n), .string(let n):
                parser.advance()
                return n
            default:
                throw parser.fail("expected a name or quoted string \(context), found \(parser.current.description)")
            }
        }
        guard current.isPunctuation("[") else { return [try name(&self)] }
        advance()
        var names: [String] = []
        while !current.isPunctuation("]") {
            names.append(try name(&self))
            if current.isPunctuation(",") { advance() } else if !current.isPunctuation("]") { throw fail("expected ',' or ']' \(context)") }
        }
        advance()
        return names
    }

    private mutating func parseMatcher() throws(ParseError) -> Matcher {
        let span = current.span
        let what = try expectIdentifier("after 'match'/'exclude' (workload, namespaced, cluster-scoped, kind, apiVersion, namespace, label, annotation, path, operation)")
        switch what {
        case "workload": return .workload
        case "namespaced": return .namespaced
        case "cluster-scoped": return .clusterScoped
        case "kind", "apiVersion", "namespace", "path", "operation":
            if current.isKeyword("params") && tokens[position + 1].isPunctuation(".") {
                let start = current.span
                advance(); advance()
                var path = [try expectIdentifier("after 'params.'")]
                var end = tokens[position - 1].span.end
                if current.isPunctuation(".") {
                    advance()
                    path.append(try expectIdentifier("after 'params.\(path[0]).'"))
                    end = tokens[position - 1].span.end
                }
                return .parameter(ParameterMatcher(rawValue: what)!, path: path, span: SourceSpan(start: start.start, end: end))
            }
            switch what {
            case "kind": return .kinds(try parseNameList("after 'kind'"))
            case "apiVersion": return .apiVersions(try parseNameList("after 'apiVersion'"))
            case "namespace": return .namespaces(try parseNameList("after 'namespace'"))
            case "path": return .paths(try parseNameList("after 'path'"))
            default: return .operations(try parseNameList("after 'operation' (CREATE, UPDATE, DELETE, CONNECT)"))
            }
        case "label", "annotation":
            let key = try expectString("after '\(what)'").0
            var value: String?
            if current.isPunctuation("=") || current.isPunctuation("==") {
                advance()
                value = try expectString("as the \(what) value").0
            }
            return what == "label" ? .label(key, value: value) : .annotation(key, value: value)
        default:
            throw fail("unknown match '\(what)' (expected workload, namespaced, cluster-scoped, kind, apiVersion, namespace, label, annotation, path or operation)", at: span)
        }
    }

    // MARK: Messages

    private mutating func parseTemplate(_ text: String, span: SourceSpan) throws(ParseError) -> MessageTemplate {
        var parts: [MessageTemplate.Part] = []
        var literal = ""
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\\" && i + 1 < scalars.count && scalars[i + 1] == "{" {
                literal += "{"
                i += 2
                continue
            }
            if scalars[i] == "{" {
                guard let close = Parser.holeEnd(scalars, from: i) else {
                    throw fail("'{' in the message is not closed by '}' (write \\{ for a brace)", at: span)
                }
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                var inner = ""
                inner.unicodeScalars.append(contentsOf: scalars[(i + 1)..<close])
                let holeStart = SourceLocation(line: span.start.line, column: span.start.column + 1 + i + 1)
                parts.append(.expression(try parseEmbedded(inner, at: holeStart)))
                i = close + 1
                continue
            }
            literal.unicodeScalars.append(scalars[i])
            i += 1
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        return MessageTemplate(parts: parts, span: span)
    }

    /// The index of the `}` closing the hole opened at `open`: braces nest, and string literals in
    /// the hole (with their `\"` escapes) are skipped.
    static func holeEnd(_ scalars: [Unicode.Scalar], from open: Int) -> Int? {
        var depth = 0
        var inString = false
        var i = open
        while i < scalars.count {
            let c = scalars[i]
            if inString {
                if c == "\\" { i += 2; continue }
                if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// Parses an expression embedded in a string, with positions mapped back into the file.
    private mutating func parseEmbedded(_ text: String, at origin: SourceLocation) throws(ParseError) -> Expr {
        var lexer = Lexer(source: SourceFile(path: path, bytes: Array(text.utf8)))
        let shifted = lexer.tokenize().map { token -> Token in
            var token = token
            func shift(_ l: SourceLocation) -> SourceLocation {
                SourceLocation(line: origin.line, column: origin.column + l.column - 1)
            }
            token.span = SourceSpan(start: shift(token.span.start), end: shift(token.span.end))
            return token
        }
        var inner = Parser(tokens: shifted, path: path)
        inner.maxNesting = maxNesting
        inner.depth = depth
        defer { diagnostics += inner.diagnostics; unshownErrors += inner.unshownErrors }
        let expr = try inner.parseExpression()
        if !inner.atEnd { throw inner.fail("unexpected \(inner.current.description) in '{\(text)}'") }
        return expr
    }

    // MARK: Expressions

    private mutating func parseExpression() throws(ParseError) -> Expr {
        try enter(1)
        defer { depth -= 1 }
        return try parseOr()
    }

    /// Goes `levels` deeper, failing with a located error past `maxNesting`.
    private mutating func enter(_ levels: Int) throws(ParseError) {
        depth += levels
        if depth > maxNesting {
            depth -= levels
            throw fail("expression nested deeper than \(maxNesting) levels (parentheses, 'not', field steps, lists, calls); simplify it or raise --max-policy-nesting",
                       id: "policy.too-deep")
        }
    }

    private mutating func parseOr() throws(ParseError) -> Expr {
        let first = try parseAnd()
        guard current.isKeyword("or") else { return first }
        var operands = [first]
        while current.isKeyword("or") {
            advance()
            operands.append(try parseAnd())
        }
        return .chain(.or, operands, SourceSpan(start: first.span.start, end: operands[operands.count - 1].span.end))
    }

    private mutating func parseAnd() throws(ParseError) -> Expr {
        let first = try parseNot()
        guard current.isKeyword("and") else { return first }
        var operands = [first]
        while current.isKeyword("and") {
            advance()
            operands.append(try parseNot())
        }
        return .chain(.and, operands, SourceSpan(start: first.span.start, end: operands[operands.count - 1].span.end))
    }

    /// `not not … x`: counted in a loop (each `not` is a level), built from the inside out.
    private mutating func parseNot() throws(ParseError) -> Expr {
        var starts: [SourceLocation] = []
        defer { depth -= starts.count }
        while current.isKeyword("not") {
            try enter(1)
            starts.append(current.span.start)
            advance()
        }
        var expr = try parseComparison()
        for start in starts.reversed() { expr = .unary(.not, expr, SourceSpan(start: start, end: expr.span.end)) }
        return expr
    }

    private mutating func parseComparison() throws(ParseError) -> Expr {
        let left = try parsePostfix()
        let op: BinaryOperator?
        switch current.kind {
        case .punctuation("=="): op = .equal
        case .punctuation("!="): op = .notEqual
        case .punctuation("<"): op = .less
        case .punctuation("<="): op = .lessOrEqual
        case .punctuation(">"): op = .greater
        case .punctuation(">="): op = .greaterOrEqual
        case .punctuation("=~"): op = .matches
        case .identifier("in"): op = .in
        case .identifier("matches"): op = .matches
        case .identifier("not") where tokens[position + 1].isKeyword("in"):
            advance()
            op = .notIn
        case .identifier("exists"), .identifier("missing"):
            let unary: UnaryOperator = current.isKeyword("exists") ? .exists : .missing
            let end = current.span.end
            advance()
            return .unary(unary, left, SourceSpan(start: left.span.start, end: end))
        default: op = nil
        }
        guard let op else { return left }
        advance()
        let right = try parsePostfix()
        return .binary(op, left, right, SourceSpan(start: left.span.start, end: right.span.end))
    }

    private mutating func parsePostfix() throws(ParseError) -> Expr {
        var expr = try parsePrimary()
        // Each step nests the expression one level deeper (`a.b.c` is field(field(a, b), c)).
        var steps = 0
        defer { depth -= steps }
        while true {
            if current.isPunctuation(".") || current.isPunctuation("[") {
                try enter(1)
                steps += 1
            }
            if current.isPunctuation(".") {
                advance()
                let span = current.span
                let name: String
                switch current.kind {
                case .identifier(let n), .string(let n): name = n; advance()
                default: throw fail("expected a field name after '.', found \(current.description)", at: span)
                }
                expr = .field(expr, name, SourceSpan(start: expr.span.start, end: span.end))
            } else if current.isPunctuation("[") {
                advance()
                let index = try parseExpression()
                let end = current.span.end
                try expectPunctuation("]", "to close the index")
                expr = .index(expr, index, SourceSpan(start: expr.span.start, end: end))
            } else {
                return expr
            }
        }
    }

    private mutating func parsePrimary() throws(ParseError) -> Expr {
        let token = current
        switch token.kind {
        case .string(let value):
            advance()
            return .string(value, token.span)
        case .number(let value, _):
            advance()
            return .number(value, token.span)
        case .punctuation("("):
            advance()
            let inner = try parseExpression()
            try expectPunctuation(")", "to close the parenthesis")
            return inner
        case .punctuation("["):
            advance()
            var elements: [Expr] = []
            while !current.isPunctuation("]") {
                elements.append(try parseExpression())
                if current.isPunctuation(",") { advance() } else if !current.isPunctuation("]") { throw fail("expected ',' or ']' in the list") }
            }
            let end = current.span.end
            advance()
            return .list(elements, SourceSpan(start: token.span.start, end: end))
        case .punctuation("{"):
            advance()
            var entries: [(key: String, value: Expr)] = []
            while !current.isPunctuation("}") {
                let key: String
                switch current.kind {
                case .identifier(let name): key = name
                case .string(let text): key = text
                default: throw fail("expected a key (a name or a string) in the mapping, found \(current.description)")
                }
                advance()
                try expectPunctuation(":", "after the key '\(key)'")
                entries.append((key, try parseExpression()))
                if current.isPunctuation(",") { advance() } else if !current.isPunctuation("}") { throw fail("expected ',' or '}' in the mapping") }
            }
            let end = current.span.end
            advance()
            return .mapping(entries, SourceSpan(start: token.span.start, end: end))
        case .identifier(let name):
            advance()
            switch name {
            case "true", "false": return .bool(name == "true", token.span)
            case "null": return .null(token.span)
            case "any", "all":
                if current.identifier != nil && tokens[position + 1].isKeyword("in") {
                    let variable = try expectIdentifier("after '\(name)'")
                    advance()  // in
                    let collection = try parsePostfix()
                    try expectPunctuation(":", "after '\(name) \(variable) in …'")
                    let body = try parseExpression()
                    return .quantifier(name == "any" ? .any : .all, variable, collection, body,
                                       SourceSpan(start: token.span.start, end: body.span.end))
                }
            default: break
            }
            if current.isPunctuation("(") {
                advance()
                var arguments: [Expr] = []
                while !current.isPunctuation(")") {
                    arguments.append(try parseExpression())
                    if current.isPunctuation(",") { advance() } else if !current.isPunctuation(")") { throw fail("expected ',' or ')' in the call of \(name)") }
                }
                let end = current.span.end
                advance()
                return .call(name, arguments, SourceSpan(start: token.span.start, end: end))
            }
            return .identifier(name, token.span)
        default:
            throw fail("expected an expression, found \(token.description)")
        }
    }
}
