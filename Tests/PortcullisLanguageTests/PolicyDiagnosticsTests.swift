import Testing
import PortcullisDiagnostics
@testable import PortcullisLanguage

/// Mistakes in policy files are diagnostics with the right id and position (marked `⟨here⟩`).
@Suite struct ParserTests {
    static func parse(_ marked: String) -> (PolicyFileSyntax, [Diagnostic], PortcullisDiagnostics.SourceLocation?) {
        var text = ""
        var here: PortcullisDiagnostics.SourceLocation?
        var line = 1, column = 1
        var rest = Substring(marked)
        while !rest.isEmpty {
            if rest.hasPrefix("⟨here⟩") { here = PortcullisDiagnostics.SourceLocation(line: line, column: column); rest = rest.dropFirst(6); continue }
            let c = rest.removeFirst()
            text.append(c)
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        let (syntax, diagnostics) = Parser.parse(SourceFile(path: "p.policy", bytes: Array(text.utf8)))
        return (syntax, diagnostics, here)
    }

    static let cases: [(String, String)] = [
        ("policy \"a/b\" {\n  ⟨here⟩colour red\n  deny when true\n}\n", "policy.unknown-clause"),
        ("policy \"a/b\" {\n  title ⟨here⟩\"unclosed\n  deny when true\n}\n", "policy.unterminated-string"),
        ("policy ⟨here⟩\"Images/No_Latest\" {\n  deny when true\n}\n", "policy.invalid-id"),
        ("policy \"a/b\" {\n  deny when data == \n⟨here⟩}\n", "policy.syntax"),
        ("policy \"a/b\" {\n  severity ⟨here⟩fatal\n  deny when true\n}\n", "policy.syntax"),
        ("policy \"a/b\" {\n  match ⟨here⟩colour red\n  deny when true\n}\n", "policy.syntax"),
        ("⟨here⟩rule \"a/b\" {}\n", "policy.syntax"),
        ("policy \"a/b\" {\n  deny when a ⟨here⟩$ b\n}\n", "policy.unexpected-character"),
        ("policy \"a/b\" {\n  enabled ⟨here⟩maybe\n  deny when true\n}\n", "policy.syntax"),
        ("param p = {a: 1, ⟨here⟩2: 3}\n", "policy.syntax"),
        ("param p = {a: 1 ⟨here⟩b: 2}\n", "policy.syntax"),
        ("policy \"a/b\" {\n  deny when true\n  example pass with ⟨here⟩[1] \"\"\"\n    kind: A\n    \"\"\"\n}\n", "policy.syntax"),
        ("policy \"a/b\" {\n  exclude kind Pod and ⟨here⟩colour red\n  deny when true\n}\n", "policy.syntax"),
    ]

    @Test func newClausesParse() throws {
        let (syntax, diagnostics, _) = Self.parse(#"""
            param ranges = [{min: 1, "max": 10}]
            policy "a/b" {
              enabled false
              exclude kind Pod and operation [UPDATE, DELETE]
              deny when true
              example fail with {ranges: []} """
                kind: A
                """
            }
            """#)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let policy = try #require(syntax.policies.first)
        #expect(policy.enabledByDefault == false)
        guard case .all(let parts) = policy.excludes.first, case .operations(let operations) = parts.last else {
            Issue.record("expected 'kind Pod and operation …', got \(policy.excludes)")
            return
        }
        #expect(operations == ["UPDATE", "DELETE"])
        #expect(policy.examples.first?.parameters.map(\.name) == ["ranges"])
        guard case .list(let items, _) = syntax.parameters.first?.defaultValue, case .mapping(let entries, _) = items.first else {
            Issue.record("expected a list of mappings")
            return
        }
        #expect(entries.map(\.key) == ["min", "max"])
    }

    @Test(arguments: cases)
    func error(_ marked: String, _ id: String) throws {
        let (_, diagnostics, here) = Self.parse(marked)
        let first = try #require(diagnostics.first)
        #expect(first.id.rawValue == id, "\(diagnostics)")
        #expect(first.span?.start == here)
        #expect(first.path == "p.policy")
    }

    @Test func aFullPolicyParses() throws {
        let (syntax, diagnostics, _) = Self.parse("""
            # a comment
            param allowed = ["a", "b"]
            policy "images/x" {
              title "T"
              description \"\"\"
                Long
                text
                \"\"\"
              severity warning
              tags [a, b]
              help "H"
              help_url "https://example.com"
              remediation "R"
              match workload
              match namespace ["prod-*"]
              exclude label "skip" = "yes"
              for c in containers
              deny when not (image(c.image).tag in params.allowed) and c.name != "x"
              message "bad {c.name}"
              at c.image
              example pass \"\"\"
                apiVersion: v1
                \"\"\"
              example fail \"\"\"
                apiVersion: v1   # expect
                \"\"\"
            }
            """)
        #expect(diagnostics.isEmpty)
        let policy = try #require(syntax.policies.first)
        #expect(policy.id == "images/x")
        #expect(policy.description == "Long\ntext")
        #expect(policy.severity == .warning)
        #expect(policy.tags == ["a", "b"])
        #expect(policy.matches.count == 2)
        #expect(policy.excludes.count == 1)
        #expect(policy.iteration?.variable == "c")
        #expect(policy.examples.map(\.shouldFail) == [false, true])
        #expect(policy.examples[0].text == "apiVersion: v1\n")
        #expect(policy.examples[0].firstLine == 22)
        #expect(policy.message?.parts.count == 2)
        #expect(syntax.parameters.map(\.name) == ["allowed"])
    }

    @Test func scopeMatchersParse() throws {
        let (syntax, diagnostics, _) = Self.parse("""
            policy "a/b" {
              match namespaced
              exclude cluster-scoped
              exclude kind List and cluster-scoped
              deny when true
            }
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let policy = try #require(syntax.policies.first)
        guard case .namespaced? = policy.matches.first, case .clusterScoped? = policy.excludes.first,
              case .all(let parts)? = policy.excludes.last, case .clusterScoped? = parts.last else {
            Issue.record("expected namespaced / cluster-scoped matchers, got \(policy.matches) \(policy.excludes)")
            return
        }
        let (_, unknown, _) = Self.parse("policy \"a/b\" {\n  match cluster\n  deny when true\n}\n")
        #expect(unknown.first?.message.contains("namespaced, cluster-scoped") == true, "\(unknown)")
    }

    @Test func errorsAreCappedAndParsingResumes() {
        var text = ""
        for i in 0..<40 { text += "policy \"a/p\(i)\" {\n  bogus\n  deny when true\n}\n" }
        let (syntax, diagnostics, _) = Self.parse(text)
        // 25 shown, then one line saying how many more (issue 13: they stopped without a word).
        #expect(diagnostics.count == Parser.errorCap + 1)
        #expect(diagnostics.last?.message == "15 more errors in this file not shown")
        #expect(syntax.policies.count == 40)
    }
}

/// String literals inside message holes, and the escapes of strings.
@Suite struct MessageHoleTests {
    static func message(_ text: String) throws -> MessageTemplate {
        let source = "policy \"a/b\" {\n  deny when true\n  message \(text)\n}\n"
        let (syntax, diagnostics) = Parser.parse(SourceFile(path: "p.policy", bytes: Array(source.utf8)))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        return try #require(syntax.policies.first?.denies.first?.message)
    }

    static func describe(_ template: MessageTemplate) -> [String] {
        template.parts.map { part in
            switch part {
            case .text(let text): return "text(\(text))"
            case .expression(.call(let name, let arguments, _)):
                return "call(\(name): " + arguments.map { if case .string(let s, _) = $0 { "\"\(s)\"" } else { "_" } }.joined(separator: ", ") + ")"
            case .expression: return "expr"
            }
        }
    }

    @Test func stringLiteralsInHoles() throws {
        #expect(Self.describe(try Self.message(#""a {default(x, "un}set")} b""#)) == ["text(a )", "call(default: _, \"un}set\")", "text( b)"])
        // The older escaped form reads the same.
        #expect(Self.describe(try Self.message(#""a {default(x, \"unset\")} b""#)) == ["text(a )", "call(default: _, \"unset\")", "text( b)"])
        // Escapes inside a hole's string stay the hole's: a quote and a backslash.
        #expect(Self.describe(try Self.message(#""{concat("say \"hi\"", "\\")}""#)) == ["call(concat: \"say \"hi\"\", \"\\\")"])
        // Braces nest, and `\{` is a brace of the text.
        #expect(Self.describe(try Self.message(#""\{x} {len({a: 1})}""#)) == ["text({x} )", "call(len: _)"])
    }

    @Test func aBraceNeverClosedIsPlainTextOutsideMessages() {
        let source = "policy \"a/b\" {\n  deny when data.x matches \"^a{\" and data.y == \"}\"\n}\n"
        let (syntax, diagnostics) = Parser.parse(SourceFile(path: "p.policy", bytes: Array(source.utf8)))
        #expect(diagnostics.isEmpty)
        guard case .chain(_, let operands, _)? = syntax.policies.first?.condition,
              case .binary(_, _, .string(let pattern, _), _) = operands[0] else { Issue.record("not parsed"); return }
        #expect(pattern == "^a{")
    }
}
