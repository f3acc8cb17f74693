import Foundation
import PortcullisDiagnostics
@testable import PortcullisEngine
import PortcullisManifest
import Testing

/// A large run keeps each file's findings packed into bytes (`PackedFindings`), in a spill file once
/// there are enough: they must unpack to what was packed, every field and suppression included,
/// and a `FindingList` of packed and unpacked parts must read as the findings one after another.
@Suite struct PackedFindingsTests {
    static func finding(_ policy: String, severity: Severity = .error, path: String = "a.yaml", document: Int = 0, item: Int? = nil,
                        kind: String? = "Deployment", namespace: String? = "team-a", name: String? = "web",
                        line: Int = 3, message: String = "m", components: [PathComponent] = ["spec", 0],
                        check: String? = nil, suppression: Suppression? = nil) -> Finding {
        Finding(policyID: policy, severity: severity, message: message, path: path,
                span: SourceSpan(start: SourceLocation(line: line, column: 5), end: SourceLocation(line: line + 1, column: 2)),
                documentIndex: document, listItemIndex: item, kind: kind, namespace: namespace, name: name, pathComponents: components,
                help: "help \(policy)", helpURL: "https://example.com/\(policy)", remediation: "fix \(policy)", suppression: suppression,
                check: check)
    }

    /// Findings with every kind of field: shared and distinct resources, nil identities, List items,
    /// suppressions of both kinds, checks, long and non-ASCII texts, large numbers.
    static let findings: [Finding] = {
        let rule = SharedFindingPart(FindingRule(policyID: "images/no-latest-tag", check: nil, severity: .warning, help: nil, helpURL: nil,
                                                 remediation: nil))
        let resource = SharedFindingPart(FindingResource(path: "b.yaml", documentIndex: 2, listItemIndex: nil, kind: "Pod",
                                                         namespace: nil, name: "p"))
        let shared = (0..<3).map { index in
            Finding(rule: rule, resource: resource, text: FindingText(message: "shared \(index)", path: ["spec", "containers", .index(index)]),
                    span: SourceSpan(start: SourceLocation(line: 10 + index, column: 1)))
        }
        return [
            finding("a/one"),
            finding("a/one", line: 9, message: "second of the same resource"),
            finding("b/two", severity: .info, document: 1, item: 0, kind: nil, namespace: nil, name: nil, components: []),
            finding("b/two", document: 1, item: 1_000_000, check: "label", suppression: Suppression(kind: .inSource, justification: "why", origin: "a.yaml:2")),
            finding("c/three", severity: .warning, path: "ключ/🔑.yaml", document: 300, name: String(repeating: "n", count: 400),
                    line: 2_000_000_000, message: String(repeating: "é", count: 300), components: [.key("a.b[0]"), 127, 128],
                    suppression: Suppression(kind: .external, justification: "waived (owner x, until 2030-01-01)", origin: "portcullis.yaml:7")),
        ] + shared + [finding("a/one", document: 3)]
    }()

    static func described(_ findings: some Sequence<Finding>) -> [String] {
        findings.map { finding in
            [finding.policyID, finding.check ?? "-", finding.severity.rawValue, finding.message, finding.path, "\(finding.span)",
             "\(finding.documentIndex)", "\(finding.listItemIndex ?? -1)", finding.kind ?? "-", finding.namespace ?? "-", finding.name ?? "-",
             finding.jsonPath, finding.help ?? "-", finding.helpURL ?? "-", finding.remediation ?? "-",
             finding.suppression.map { "\($0.kind) \($0.justification) \($0.origin)" } ?? "-"].joined(separator: " | ")
        }
    }

    @Test func unpackedFindingsAreThosePacked() {
        let rules = FindingRuleTable()
        let packed = PackedFindings(Self.findings, rules: rules)
        #expect(packed.count == Self.findings.count)
        #expect(packed.unpacked() == Self.findings)
        #expect(Self.described(packed.unpacked()) == Self.described(Self.findings))
        #expect(packed.unpackedOrders().isEmpty)
        // The findings of one resource share its part again, and the counts are those of the findings.
        let unpacked = packed.unpacked()
        #expect(unpacked[5].parts.resource === unpacked[6].parts.resource)
        #expect(packed.suppressedCount == 2)
        #expect(packed.activeCount(.error) == 3)
        #expect(packed.activeCount(.warning) == 3)
        #expect(packed.activeCount(.info) == 1)
        // A second file packed with the same table numbers its rules alike.
        #expect(PackedFindings(Array(Self.findings.reversed()), rules: rules).unpacked() == Self.findings.reversed())
    }

    @Test func ordersUnpackWithTheirFindings() {
        let orders = Self.findings.indices.map { EvaluationOrder(group: Int32($0 % 3), position: Int32($0 * 1_000_003), rule: Int32.max - Int32($0), check: -1) }
        let packed = PackedFindings(Self.findings, orders: orders, rules: FindingRuleTable())
        #expect(packed.unpackedOrders() == orders)
        #expect(packed.unpacked() == Self.findings)
    }

    @Test(.enabled(if: Platform.mapsSpillFiles, "spill files are mapped on Linux only"))
    func spilledFindingsUnpackAlike() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-packed-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let region = SpillRegion(directory: folder, threshold: 0)
        let packed = (0..<40).map { _ in PackedFindings(Self.findings, rules: FindingRuleTable(), spillingTo: region) }
        #expect(packed.allSatisfy { $0.isSpilled })
        region.releaseResidentPages()
        for part in packed { #expect(part.unpacked() == Self.findings) }
        #expect(!PackedFindings(Self.findings, rules: FindingRuleTable()).isSpilled)
    }

    @Test func aListOfPartsReadsAsItsFindingsInOrder() {
        let rules = FindingRuleTable()
        let all = Self.findings + Self.findings.reversed() + Self.findings
        let list = FindingList(parts: [.packed(PackedFindings(Self.findings, rules: rules)), .findings([]),
                                       .findings(Self.findings.reversed()), .packed(PackedFindings([], rules: rules)),
                                       .packed(PackedFindings(Self.findings, rules: rules))])
        #expect(list.count == all.count)
        #expect(list.parts.count == 3)  // empty parts are left out
        #expect(Array(list) == all)
        // By position, forwards and backwards (past the parts kept unpacked), as iterated.
        #expect(list.indices.map { list[$0] } == all)
        #expect(list.indices.reversed().map { list[$0] } == all.reversed())
        #expect(FindingList().isEmpty)
        #expect(Array(FindingList(all)) == all)
    }

    /// What JUnit reads: every finding's policy, suppression and place, without unpacking; then the
    /// findings at places picked in another order, each read alone (its resource from an earlier
    /// record when it shares one), equal to those packed.
    @Test(arguments: [false, true])
    func findingsAreReadAloneWhereTheyAreKept(spilled: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-located-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let region = spilled && Platform.mapsSpillFiles ? SpillRegion(directory: folder, threshold: 0) : nil  // Linux only
        // Findings of one resource whose texts are long: the record naming the resource is more
        // than 127 bytes back (a distance of two bytes or more).
        let resource = SharedFindingPart(FindingResource(path: "c.yaml", documentIndex: 4, listItemIndex: nil, kind: "Deployment",
                                                         namespace: "long", name: "texts"))
        let rule = SharedFindingPart(FindingRule(policyID: "d/long", check: nil, severity: .error, help: nil, helpURL: nil, remediation: nil))
        let long = (0..<3).map { index in
            Finding(rule: rule, resource: resource, text: FindingText(message: String(repeating: "\(index)", count: 200 * (index + 1)), path: ["spec"]),
                    span: SourceSpan(start: SourceLocation(line: 20 + index, column: 3)))
        }
        let file = Self.findings + long
        let rules = FindingRuleTable()
        let all = file + Self.findings.reversed() + file
        let list = FindingList(parts: [.packed(PackedFindings(file, rules: rules, spillingTo: region)), .findings(Self.findings.reversed()),
                                       .packed(PackedFindings(file, rules: rules, spillingTo: region))])
        #expect(list.parts.allSatisfy { part in
            if case .packed(let packed) = part { return packed.isSpilled == (region != nil) }
            return true
        })
        region?.releaseResidentPages()
        var policies: [String] = [], suppressed: [Bool] = [], locators: [FindingList.Locator] = []
        list.forEachLocator { policy, isSuppressed, locator in
            policies.append(policy)
            suppressed.append(isSuppressed)
            locators.append(locator)
        }
        #expect(policies == all.map(\.policyID))
        #expect(suppressed == all.map(\.isSuppressed))
        // By policy, as a JUnit suite reads them; and backwards, so that a finding sharing its
        // resource with the one before it is read before that one.
        let byPolicy = all.indices.sorted { (all[$0].policyID, $0) < (all[$1].policyID, $1) }
        for order in [byPolicy, Array(all.indices.reversed())] {
            var read: [Finding] = []
            list.forEachFinding(at: order.map { locators[$0] }) { read.append($0) }
            #expect(read == order.map { all[$0] })
            #expect(Self.described(read) == Self.described(order.map { all[$0] }))
        }
    }

    @Test func changingPartsRepacksOnlyThoseChanged() {
        let rules = FindingRuleTable()
        let list = FindingList(parts: [.packed(PackedFindings(Self.findings, rules: rules)), .findings(Self.findings),
                                       .packed(PackedFindings(Self.findings, rules: rules))])
        var calls = 0
        let marked = list.mapParts(rules: rules) { findings in
            calls += 1
            guard calls == 3 else { return (findings, false) }
            var changed = findings
            changed[0].suppression = Suppression(kind: .external, justification: "j", origin: "o")
            return (changed, true)
        }
        #expect(calls == 3)
        #expect(marked.count == list.count)
        #expect(marked[2 * Self.findings.count].suppression?.justification == "j")
        #expect(Array(marked.prefix(2 * Self.findings.count)) == Array(list.prefix(2 * Self.findings.count)))
        guard case .packed(let repacked) = marked.parts[2] else {
            Issue.record("a changed packed part stays packed")
            return
        }
        #expect(repacked.suppressedCount == 3)
    }
}
