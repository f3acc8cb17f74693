import Testing
@testable import PortcullisManifest

/// Plain scalars resolve the way Kubernetes (go-yaml v2, YAML 1.1) reads them: docs/yaml.md.
@Suite struct ScalarTypingTests {
    static let cases: [(String, String)] = [
        ("~", "null"), ("null", "null"), ("Null", "null"), ("NULL", "null"), ("", "null"),
        ("true", "true"), ("True", "true"), ("TRUE", "true"), ("false", "false"),
        ("yes", "true"), ("Yes", "true"), ("YES", "true"), ("no", "false"), ("NO", "false"),
        ("on", "true"), ("On", "true"), ("off", "false"), ("OFF", "false"),
        ("y", "true"), ("Y", "true"), ("n", "false"), ("N", "false"),
        ("yES", "\"yES\""), ("nul", "\"nul\""), ("tru", "\"tru\""),
        ("0", "0"), ("42", "42"), ("-17", "-17"), ("+5", "5"), ("1_000", "1000"),
        ("0x1F", "31"), ("0o17", "15"), ("0777", "511"), ("0b101", "5"), ("-0x10", "-16"),
        ("9223372036854775807", "9223372036854775807"), ("18446744073709551615", "18446744073709551615"),
        ("1.5", "1.5"), ("-0.25", "-0.25"), ("1e3", "1e3"), ("1.", "1.0"), (".5", "0.5"), ("6.02E+23", "6.02E+23"),
        ("08", "8.0"), ("1e400", "\"1e400\""),
        (".inf", "\".inf\""), ("-.Inf", "\"-.Inf\""), (".nan", "\".nan\""),
        ("2001-12-14", "\"2001-12-14\""), ("2001-12-14T21:59:43.10-05:00", "\"2001-12-14T21:59:43.10-05:00\""),
        ("190:20:30", "\"190:20:30\""), ("1.2.3", "\"1.2.3\""), ("0x", "\"0x\""), ("=", "\"=\""),
        ("500m", "\"500m\""), ("1Gi", "\"1Gi\""), ("nginx:1.25", "\"nginx:1.25\""),
    ]

    @Test(arguments: cases)
    func plainScalar(_ text: String, _ expected: String) throws {
        let file = load("apiVersion: v1\nkind: ConfigMap\nvalue: \(text)\n")
        let value = try #require(file.resources.first?.root["value"])
        #expect(json(value) == expected, "\(text)")
    }

    @Test(arguments: ["'yes'", "\"123\"", "!!str 123", "|\n  on\n"])
    func quotedOrTaggedStaysString(_ text: String) throws {
        let file = load("apiVersion: v1\nkind: ConfigMap\nvalue: \(text)\n")
        let value = try #require(file.resources.first?.root["value"])
        #expect(value.scalarType == .string)
    }

    @Test func typedAccessors() throws {
        let document = try #require(load("apiVersion: v1\nkind: X\na: 0x10\nb: 2.5\nc: off\nd: ~\ne: text\n").resources.first)
        let root = document.root
        #expect(root["a"]?.int == 16)
        #expect(root["a"]?.double == 16)
        #expect(root["b"]?.double == 2.5)
        #expect(root["c"]?.bool == false)
        #expect(root["d"]?.isNull == true)
        #expect(root["e"]?.string == "text")
        #expect(root["a"]?.string == nil)
        #expect(root["a"]?.scalarText == "0x10")
    }

    @Test func explicitTags() throws {
        let document = try #require(load("apiVersion: v1\nkind: X\na: !!int \"7\"\nb: !!float 3\nc: !custom 12\n").resources.first)
        let root = document.root
        #expect(json(root["a"]!) == "7")
        #expect(root["b"]?.scalarType == .float)
        #expect(root["c"]?.scalarType == .int)
    }

    @Test func jsonEscapesControlCharacters() throws {
        let document = try #require(load("apiVersion: v1\nkind: X\na: \"tab\\there \\\"q\\\" \\u0001 back\\\\slash\"\n").resources.first)
        let root = document.root
        #expect(json(root["a"]!) == "\"tab\\there \\\"q\\\" \\u0001 back\\\\slash\"")
    }
}
