@testable import PortcullisEngine
import PortcullisDiagnostics
import PortcullisLanguage
import PortcullisManifest
import Testing

/// The items of the sequence under `data` in the one document of `yaml`.
private func dataItems(of yaml: String) throws -> [PortcullisManifest.Node] {
    let file = KeptFiles.keep(ManifestLoader().load(SourceFile(path: "scalars.yaml", bytes: Array(yaml.utf8))))
    let root = try #require(file.resources.first?.root)
    return try #require(root["data"]).elements
}

/// A document scalar's text (`stringValue`, read from the node) is what its resolved value says.
@Suite struct ValueTextTests {
    @Test func scalarsReadAsTheirResolvedValues() throws {
        let items = try dataItems(of: """
            apiVersion: v1
            kind: ConfigMap
            data:
              - null
              - ~
              -
              - true
              - False
              - "true"
              - 8080
              - 0x1F
              - 1.50
              - 1e3
              - .inf
              - -.nan
              - 99999999999999999999999
              - text
              - 'quoted text that is longer than fifteen bytes'
              - "é"
              - !!str 12
              - !!int "7"
              - {a: 1}
              - [1]

            """)
        #expect(items.count == 20)
        for item in items {
            let value = Value.node(item)
            #expect(value.stringValue == value.resolved.stringValue, "\(item.scalarText ?? "collection")")
        }
        #expect(Value.node(items[6]).stringValue == "8080")
        #expect(Value.node(items[0]).stringValue == nil)
        #expect(Value.node(items[18]).stringValue == nil && Value.node(items[19]).stringValue == nil)
    }
}

/// `==` in policies (`Evaluator.fastEqual`) answers as `Value.equal`, shortcuts or not.
@Suite struct FastEqualTests {
    @Test func shortcutsAnswerAsEquality() throws {
        let items = try dataItems(of: """
            apiVersion: v1
            kind: ConfigMap
            data:
              - web
              - "web"
              - webs
              - wEb
              - ''
              - "é"
              - "e\\u0301"
              - "é"
              - "ü"
              - 'quoted text that is longer than fifteen bytes'
              - 'quoted text that is longer than fifteen bytes'
              - "8080"
              - 8080
              - 8080.0
              - true
              - "true"
              - null
              - {a: web}
              - [web]
              - 0x10
              - 1e3
              - .nan
              - False
              - ~

            """)
        let nodes = items.map(Value.node)
        #expect(nodes.count == 24)
        let plain: [Value] = [.string("web"), .string("webs"), .string(""), .string("é"), .string("e\u{301}"), .number(8080),
                              .number(8080.5), .bool(true), .null, .absent, .list([.string("web")]), .number(16), .number(1000),
                              .number(.nan), .bool(false), .missing(parent: items[0], key: MissingKey("x"))]
        // Node against node and plain against plain: every pair, both ways. (A document string
        // against text keeps its older byte comparison, which `Value.equal` does not share for
        // text Unicode calls equal in other bytes.)
        for group in [nodes, plain] {
            for a in group {
                for b in group {
                    #expect(Evaluator.fastEqual(a, b) == Value.equal(a, b), "\(a.display) == \(b.display)")
                }
            }
        }
        // A document scalar against a plain value that is not text (numbers, booleans, null,
        // missing, a list), both ways: the shortcuts read the node as `Value.resolved` does.
        for a in nodes {
            for b in plain {
                if case .string = b { continue }
                #expect(Evaluator.fastEqual(a, b) == Value.equal(a, b), "\(a.display) == \(b.display)")
                #expect(Evaluator.fastEqual(b, a) == Value.equal(b, a), "\(b.display) == \(a.display)")
            }
        }
        #expect(Evaluator.fastEqual(nodes[12], .number(8080)) && Evaluator.fastEqual(.number(8080), nodes[13]))
        #expect(Evaluator.fastEqual(nodes[19], .number(16)) && Evaluator.fastEqual(.bool(false), nodes[22]))
        #expect(!Evaluator.fastEqual(nodes[11], .number(8080)) && !Evaluator.fastEqual(.absent, nodes[23]))
        // Ordering reads document numbers in place: it answers as it does for the resolved values.
        for a in nodes + plain {
            for b in nodes + plain {
                for op in [BinaryOperator.less, .lessOrEqual, .greater, .greaterOrEqual] {
                    #expect(Evaluator.compare(op, a, b) == Evaluator.compare(op, a.resolved, b.resolved), "\(a.display) \(op) \(b.display)")
                }
            }
        }
        #expect(Evaluator.compare(.less, nodes[19], .number(17)) && Evaluator.compare(.less, nodes[20], nodes[12]))
        #expect(Evaluator.compare(.greaterOrEqual, nodes[13], nodes[12]) && !Evaluator.compare(.greater, nodes[13], nodes[12]))
        // `.nan` is in no order with anything.
        for op in [BinaryOperator.less, .lessOrEqual, .greater, .greaterOrEqual] {
            #expect(!Evaluator.compare(op, nodes[21], .number(1)) && !Evaluator.compare(op, .number(.nan), nodes[12]))
        }
        // The two spellings of é are one text to Unicode; two strings that differ in ASCII are not.
        #expect(Evaluator.fastEqual(nodes[5], nodes[6]) && Evaluator.fastEqual(nodes[5], nodes[7]))
        #expect(!Evaluator.fastEqual(nodes[0], nodes[2]) && !Evaluator.fastEqual(nodes[0], nodes[3]))
        #expect(Evaluator.fastEqual(nodes[9], nodes[10]) && Evaluator.fastEqual(nodes[0], nodes[1]))
    }
}
