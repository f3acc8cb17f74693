@testable import PortcullisEngine
import PortcullisManifest
import Testing

/// A graph's constants made together (`Literal.values`: their mappings parsed as one stream) are
/// what each constant alone gives (`Literal.value(keeping:)`: a stream of its own per mapping).
/// The values' document data lives in the arenas each call hands back, held to the test's end.
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

    /// Each literal's value made alone, its arenas added to `arenas`.
    static func alone(_ literals: [Literal], keeping arenas: inout [ManifestStorage]) -> [String] {
        literals.map { $0.value(keeping: &arenas).display }
    }

    @Test func togetherAsAlone() {
        var arenas: [ManifestStorage] = []
        let made = Literal.values(Self.literals), together = made.values
        #expect(together.count == Self.literals.count)
        #expect(together.map(\.display) == Self.alone(Self.literals, keeping: &arenas))
        #expect(together[5].display == "[[{\"deep\":\"yes\"}], flat]")
        #expect(together[6].display == "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}")
        // One stream for the seven mappings together (none is a resource: each is warned about,
        // which must not send them back one by one), one arena each alone.
        #expect(made.arenas.count == 1)
        #expect(arenas.count == 7)
        withExtendedLifetime(made.arenas) {}
    }

    /// Text libyaml refuses (a C1 control character, which the JSON form does not escape) stops a
    /// whole stream: the other mappings still get their values, as alone.
    @Test func aRefusedMappingLeavesTheOthersTheirValues() {
        let literals: [Literal] = [
            Self.mapping([("type", .string("container_t"))]),
            .list([Self.mapping([("note", .string("a\u{80}b"))])]),
            Self.mapping([("level", .string("s0"))]),
        ]
        var arenas: [ManifestStorage] = []
        let made = Literal.values(literals), together = made.values
        #expect(together.map(\.display) == Self.alone(literals, keeping: &arenas))
        #expect(together[0].display == "{\"type\":\"container_t\"}")
        #expect(together[2].display == "{\"level\":\"s0\"}")
        withExtendedLifetime(made.arenas) {}
    }

    /// Past a thousand mappings the stream is split: every value still lands in its place.
    @Test func manyMappings() {
        let literals = (0..<2_500).map { Self.mapping([("n", .number(Double($0)))]) }
        var arenas: [ManifestStorage] = []
        let made = Literal.values(literals)
        #expect(made.values.map(\.display) == Self.alone(literals, keeping: &arenas))
        #expect(made.arenas.count == 3)  // a stream per thousand
        withExtendedLifetime(made.arenas) {}
    }
}
