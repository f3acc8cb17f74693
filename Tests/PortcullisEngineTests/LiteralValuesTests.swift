@testable import PortcullisEngine
import Testing

/// A graph's constants made together (`Literal.values`: their mappings parsed as one stream) are
/// what each constant alone gives (`Literal.value`: a stream of its own per mapping).
@Suite struct LiteralValuesTests {
    static func mapping(_ entries: [(String, Literal)]) -> Literal {
        .mapping(entries.map { LiteralEntry(key: $0.0, value: $0.1) })
    }

    static let literals: [Literal] = [
        .string("latest"),
        .list([mapping([("min", .number(1)), ("max", .number(1000))]), mapping([("min", .number(2))])]),
        .null,
        mapping([]),
        mapping([("name", .string("a\nb: c")), ("tags", .list([.string("x"), .bool(true)]))]),
        .list([.list([mapping([("deep", .string("yes"))])]), .string("flat")]),
        // A mapping that reads as a list of resources: its first item, as alone.
        mapping([("apiVersion", .string("v1")), ("kind", .string("List")),
                 ("items", .list([mapping([("apiVersion", .string("v1")), ("kind", .string("ConfigMap"))])]))]),
        mapping([("kind", .string("List")), ("apiVersion", .string("v1")), ("items", .list([]))]),
        .number(3),
    ]

    @Test func togetherAsAlone() {
        let together = Literal.values(Self.literals)
        #expect(together.count == Self.literals.count)
        #expect(together.map(\.display) == Self.literals.map(\.value.display))
        #expect(together[5].display == "[[{\"deep\":\"yes\"}], flat]")
        #expect(together[6].display == "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}")
    }

    /// Text libyaml refuses (a C1 control character, which the JSON form does not escape) stops a
    /// whole stream: the other mappings still get their values, as alone.
    @Test func aRefusedMappingLeavesTheOthersTheirValues() {
        let literals: [Literal] = [
            Self.mapping([("type", .string("container_t"))]),
            .list([Self.mapping([("note", .string("a\u{80}b"))])]),
            Self.mapping([("level", .string("s0"))]),
        ]
        let together = Literal.values(literals)
        #expect(together.map(\.display) == literals.map(\.value.display))
        #expect(together[0].display == "{\"type\":\"container_t\"}")
        #expect(together[2].display == "{\"level\":\"s0\"}")
    }

    /// Past a thousand mappings the stream is split: every value still lands in its place.
    @Test func manyMappings() {
        let literals = (0..<2_500).map { Self.mapping([("n", .number(Double($0)))]) }
        #expect(Literal.values(literals).map(\.display) == literals.map(\.value.display))
    }
}
