import Foundation
import Testing
@testable import PortcullisEngine

/// Every built-in is one declaration (`Builtin.function`); these keep the declarations and the
/// language reference in step.
@Suite struct BuiltinFunctionTests {
    @Test(arguments: Builtin.allCases)
    func declarationNamesItself(_ builtin: Builtin) {
        let function = builtin.function
        #expect(function.builtin == builtin)
        #expect(function.signature.hasPrefix(builtin.rawValue + "("), "\(function.signature)")
        #expect(function.arity.upperBound <= 2, "the evaluator passes at most two arguments")
    }

    @Test func everyBuiltinIsInTheLanguageReference() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/language.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let section = try #require(text.range(of: "### Built-in functions")).upperBound
        let table = try #require(String(text[section...]).components(separatedBy: "\n\n").first { $0.contains("| function |") })
        for name in Builtin.allCases.map(\.rawValue) {
            #expect(table.contains("`\(name)(") || table.contains("`\(name)`"), "\(name) is missing from docs/language.md")
        }
    }

    @Test func crossDocumentFunctionsSayWhatTheyLookUp() {
        #expect(Builtin.allCases.filter(\.function.isCrossDocument) == [.resources, .workloads, .customResources, .schemaViolations])
    }
}
