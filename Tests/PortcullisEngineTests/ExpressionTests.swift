import Testing
@testable import PortcullisEngine

/// Every operator and built-in of docs/language.md, as a condition over one ConfigMap: the rule
/// must fire (true) or not (false).
@Suite struct ExpressionTests {
    static let cases: [(String, Bool)] = [
        // presence
        ("data exists", true), ("data.missing exists", false), ("data.missing missing", true), ("binaryData missing", true),
        ("data.empty exists", true), ("metadata.ownerReferences[0].name missing", true),
        // comparison
        ("data.mode == \"fast\"", true), ("data.mode != \"fast\"", false), ("kind == \"ConfigMap\"", true),
        ("data.replicas == \"3\"", true), ("number(data.replicas) == 3", true), ("number(data.replicas) > 2", true),
        ("number(data.replicas) <= 2", false), ("data.mode < \"z\"", true), ("data.missing == null", true),
        // logic
        ("data.mode == \"fast\" and kind == \"ConfigMap\"", true), ("data.mode == \"slow\" or kind == \"Secret\"", false),
        ("not (data.mode == \"slow\")", true), ("not data exists", false),
        // membership
        ("data.mode in [\"fast\", \"safe\"]", true), ("data.mode not in [\"fast\"]", false), ("\"mode\" in data", true),
        ("\"app\" in metadata.labels", true), ("\"as\" in data.mode", true), ("\"b\" in split(data.list, \",\")", true),
        // regex (PCRE2)
        ("data.mode matches \"^f[a-z]+$\"", true), ("data.mode =~ \"^s\"", false), ("metadata.namespace matches \"^prod-\"", true),
        ("data.mode matches data.mode", true),
        // quantifiers
        ("any v in values(data): v == \"fast\"", true), ("all v in values(data): v exists", true),
        ("all k in keys(metadata.labels): k in [\"app\", \"tier\"]", true), ("any k in keys(data): startsWith(k, \"zz\")", false),
        // strings and lists
        ("lower(\"ABC\") == \"abc\"", true), ("upper(data.mode) == \"FAST\"", true), ("trim(\"  x \") == \"x\"", true), ("trim(\"\\n\\t x y\r\\n\") == \"x y\"", true),
        ("trim(\"\u{A0}x\u{2003}\u{85}\") == \"x\"", true), ("trim(\" \u{301}x\") == \"\u{301}x\"", true), ("trim(\" \\t\\n\") == \"\"", true),
        ("startsWith(metadata.name, \"set\")", true), ("endsWith(metadata.name, \"ings\")", true),
        ("contains(metadata.name, \"tin\")", true), ("len(data) == 7", true), ("count(split(data.list, \",\")) == 3", true),
        ("len(data.mode) == 4", true), ("default(data.missing, \"x\") == \"x\"", true), ("default(data.mode, \"x\") == \"fast\"", true),
        ("string(3) == \"3\"", true),
        // indexes
        ("split(data.list, \",\")[1] == \"b\"", true), ("metadata[\"name\"] == \"settings\"", true),
        // quantities
        ("quantity(data.size) == 2147483648", true), ("quantity(data.cpu) == 0.25", true), ("quantity(data.cpu) < quantity(\"1\")", true),
        ("quantity(\"1e3\") == 1000", true), ("quantity(\"1.5k\") == 1500", true), ("quantity(data.mode) exists", false),
        // base64
        ("base64decode(data.token) == \"secret-token\"", true), ("base64decode(\"!!\") exists", false),
        // images
        ("image(\"nginx\").untagged", true), ("image(\"nginx\").repository == \"library/nginx\"", true),
        ("image(\"nginx\").registry == \"docker.io\"", true), ("image(\"ghcr.io/org/app:1.2.3\").registry == \"ghcr.io\"", true),
        ("image(\"ghcr.io/org/app:1.2.3\").tag == \"1.2.3\"", true), ("image(\"localhost:5000/app\").registry == \"localhost:5000\"", true),
        ("image(\"localhost:5000/app\").untagged", true), ("image(\"app@sha256:abc\").pinned", true),
        ("image(\"app@sha256:abc\").untagged", false), ("image(\"registry:5000/team/app:v2\").name == \"app\"", true),
        // semantic versions
        ("semver(\"1.2.3\").strict", true), ("semver(\"1.2.3-rc1\").strict", false), ("semver(\"1.2.3-rc1\").prerelease == \"rc1\"", true),
        ("semver(\"v1.2.3\").valid", true), ("semver(\"v1.2.3\").strict", false), ("semver(\"1.2\").valid", false),
        ("semver(\"01.2.3\").valid", false), ("semver(\"2.10.0\").minor > 9", true), ("semver(\"1.0.0+build.5\").build == \"build.5\"", true),
        ("semver(\"1.2.3-\").valid", false), ("semver(\"1.2.3-rc..1\").valid", false), ("semver(\"1.2.3.4\").valid", false),
        ("semver(\"1.2.3-rc.1+sha.5114f85\").valid", true), ("semver(\"\").valid", false),
        // parameters
        ("data.mode in params.modes", true),
        // conditions read as values (decided once, kept as a byte)
        ("(data.mode == \"fast\") == true", true), ("(data.mode == \"slow\") == false", true),
        ("string(data.mode == \"slow\") == \"false\"", true), ("string(any v in values(data): v == \"fast\") == \"true\"", true),
        ("(data.mode == \"fast\") and (data.mode == \"fast\") and not (data.mode == \"slow\")", true),
        ("(data.mode exists) != (data.missing exists)", true),
    ]

    @Test(arguments: cases)
    func condition(_ condition: String, _ fires: Bool) {
        let harness = EngineHarness("param modes = [\"fast\"]\n" + policy(condition))
        #expect(harness.errors.isEmpty, "\(condition): \(harness.errors)")
        #expect(harness.findings(configMap).isEmpty == !fires, "\(condition)")
    }

    static let scalars = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: scalars}
        data:
          plain: fast
          quoted: "True"
          bool: True
          float: 1.50
          accented: café
          empty: ""
        """

    /// A document string that is ASCII is matched on its bytes in place, any other scalar as its
    /// text: a bool as `true`, a number as it prints, non-ASCII text by characters. Patterns with
    /// groups match with the thread's match data, which has room for a match's bounds only.
    @Test(arguments: [
        ("data.plain matches \"^fast$\"", true), ("data.plain matches \"^(f)(a)(s)(t)$\"", true), ("data.plain matches \"^(f)(x)\"", false),
        ("data.quoted matches \"^True$\"", true), ("data.bool matches \"^true$\"", true), ("data.bool matches \"^True$\"", false),
        ("data.float matches \"^1\\\\.5$\"", true), ("data.accented matches \"^caf.$\"", true), ("data.accented matches \"^caf..$\"", false),
        ("data.empty matches \"^$\"", true), ("data.missing matches \".*\"", false),
    ])
    func regexSubjectsOfEveryScalarKind(_ condition: String, _ fires: Bool) {
        let harness = EngineHarness(policy(condition))
        #expect(harness.errors.isEmpty, "\(condition): \(harness.errors)")
        #expect(harness.findings(Self.scalars).isEmpty == !fires, "\(condition)")
    }

    /// A condition shown in a message reads as the value it was decided to be, on each element.
    @Test func conditionsShownInMessagesReadAsTheirValues() {
        let harness = EngineHarness("""
            policy "test/rule" {
              match kind ConfigMap
              for k in keys(data)
              deny when k == "mode" or k == "list"
              message "{k}: {k == \"mode\"} {data.mode == \"fast\"} {not (k == \"mode\")}"
            }
            """)
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let messages = harness.findings(configMap).map { String($0.split(separator: " ", maxSplits: 1)[1]) }
        #expect(messages.sorted() == ["list: false true true", "mode: true true false"])
    }

    /// `string()` of a text scalar is the scalar itself: a finding `at` it points at the field, a
    /// pattern reads it in place (ASCII or not), and other scalars still become their text.
    @Test func stringOfATextScalarStaysTheScalar() {
        let harness = EngineHarness("""
            policy "test/rule" {
              match kind ConfigMap
              deny when string(data.mode) matches "^fa" and string(data.replicas) == "3" and string(metadata.labels.app) == "web"
                and len(string(data.mode)) == 4 and string(data.cpu) matches "m$"
              message "{string(data.mode)} {string(data.replicas)}"
              at string(data.mode)
            }
            policy "test/number" {
              match kind ConfigMap
              deny when string(data.count) == "8080" and string(data.flag) == "true" and string(data.name) matches "^é"
              message "{string(data.count)}"
              at string(data.count)
            }
            """)
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        #expect(harness.findings(configMap) == ["9:9 fast 3"])
        let other = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: n}\ndata:\n  count: 8080\n  flag: true\n  name: éa\n"
        // A number is not a text scalar: its text is a plain value, located at the document.
        #expect(harness.findings(other) == ["1:1 8080"])
    }
}
