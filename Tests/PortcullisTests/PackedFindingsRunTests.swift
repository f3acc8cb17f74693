import Foundation
@testable import Portcullis
import PortcullisDiagnostics
import PortcullisEngine
import Testing

/// A run past `ValidationOptions.findingPackingThreshold` findings keeps each file's findings packed
/// (in the spill file once there are enough): every report, with waivers and a baseline applied,
/// must be what a run holding them as they are writes, byte for byte.
@Suite struct PackedFindingsRunTests {
    static func options(packingAfter threshold: Int, baseline: Baseline? = nil) -> ValidationOptions {
        var options = ValidationOptions()
        options.findingPackingThreshold = threshold
        options.spillThreshold = 0  // packed bytes go to the spill file from the first
        options.today = "2026-06-01"
        options.waivers = [
            Waiver(policies: ["resources/require-limits"], kind: "Deployment", reason: "sized by the autoscaler", owner: "team-a",
                   expires: "2027-01-01"),
            Waiver(policies: ["images/no-latest-tag"], reason: "expired on purpose", owner: "team-b", expires: "2026-01-01"),
        ]
        options.baseline = baseline
        return options
    }

    static func reports(_ result: ValidationResult) -> [String] {
        ReportFormat.allCases.map { format in
            // Quiet: the text summary's elapsed time differs from run to run.
            Report(format: format, quiet: true).render(result)
        }
    }

    static func packedParts(_ result: ValidationResult) -> Int {
        result.report.findings.parts.reduce(0) { total, part in
            if case .packed = part { return total + 1 }
            return total
        }
    }

    @Test func reportsOfAPackedRunAreThoseOfARunHoldingItsFindings() throws {
        let policies = try PolicySet.compile([.builtin]).get()
        let paths = try SpilledCopiesTests.fixtureFiles()
        let baseline = Validator(policies: policies, options: Self.options(packingAfter: .max))
            .validate(paths: paths.filter { $0.contains("/violations/") }).baseline
        #expect(!baseline.findings.isEmpty)
        for baseline in [nil, baseline] {
            let held = Validator(policies: policies, options: Self.options(packingAfter: .max, baseline: baseline)).validate(paths: paths)
            let packed = Validator(policies: policies, options: Self.options(packingAfter: 0, baseline: baseline)).validate(paths: paths)
            #expect(Self.packedParts(held) == 0)
            #expect(Self.packedParts(packed) > 5)
            #expect(held.findings.count > 50)
            #expect(held.suppressedCount > 0)
            #expect(held.findings.contains { $0.policyID == "portcullis/expired-waiver" })
            #expect((held.baselineMatches > 0) == (baseline != nil))
            #expect(packed.findings == held.findings)
            #expect(packed.suppressedCount == held.suppressedCount)
            #expect(packed.baselineMatches == held.baselineMatches)
            for severity in Portcullis.Severity.allCases {
                #expect(packed.count(severity) == held.count(severity))
                #expect(packed.hasFindings(atOrAbove: severity) == held.hasFindings(atOrAbove: severity))
            }
            #expect(packed.baseline.json == held.baseline.json)
            let expected = Self.reports(held)
            for (format, (report, expectedReport)) in zip(ReportFormat.allCases, zip(Self.reports(packed), expected)) {
                #expect(report == expectedReport, "\(format) report")
            }
        }
    }

    /// The first pass's findings of files waiting for the cross-document rules are packed with
    /// their evaluation orders: a resource past the limit over both passes keeps the findings one
    /// pass over every rule keeps, as when they were held.
    @Test(arguments: [1, 2, 3])
    func theLimitPerResourceCountsPackedFirstPasses(limit: Int) throws {
        let policies = try PolicySet.compile([.builtin], options: PolicyOptions(all: true)).get()
        let paths = try SpilledCopiesTests.fixtureFiles()
        func run(packingAfter threshold: Int) -> ValidationResult {
            var options = Self.options(packingAfter: threshold)
            options.maxFindingsPerResource = limit
            options.wholeRunFileLimit = 0  // the fixtures as a large run: copies and two passes
            return Validator(policies: policies, options: options).validate(paths: paths)
        }
        let held = run(packingAfter: .max)
        let packed = run(packingAfter: 0)
        #expect(Self.packedParts(packed) > 5)
        #expect(held.diagnostics.contains { $0.id == "engine.too-many-findings" })
        #expect(packed.findings == held.findings)
        #expect(packed.diagnostics.map(\.description) == held.diagnostics.map(\.description))
    }

    /// The first pass's counts per copied document (kept with the copies' `DocumentList` entries,
    /// spilled or held) make the limit count both passes as one pass over every rule counts it.
    @Test(arguments: [1, 2, 3])
    func theLimitPerResourceCountsBothPassesAsOnePass(limit: Int) throws {
        let policies = try PolicySet.compile([.builtin], options: PolicyOptions(all: true)).get()
        let paths = try SpilledCopiesTests.fixtureFiles()
        func run(twoPasses: Bool, spilling: Bool) -> ValidationResult {
            var options = ValidationOptions()
            options.maxFindingsPerResource = limit
            options.today = "2026-06-01"
            options.wholeRunFileLimit = twoPasses ? 0 : .max
            if spilling { options.spillThreshold = 0 } else { options.spillDirectory = nil }
            return Validator(policies: policies, options: options).validate(paths: paths)
        }
        let onePass = run(twoPasses: false, spilling: false)
        #expect(onePass.diagnostics.contains { $0.id == "engine.too-many-findings" })
        for spilling in [false, true] {
            let twoPasses = run(twoPasses: true, spilling: spilling)
            #expect(twoPasses.findings == onePass.findings, "spilling \(spilling)")
            #expect(twoPasses.diagnostics.map(\.description) == onePass.diagnostics.map(\.description), "spilling \(spilling)")
        }
    }

    @Test func withoutASpillFolderNothingIsPacked() throws {
        let policies = try PolicySet.compile([.builtin]).get()
        var options = Self.options(packingAfter: 0)
        options.spillDirectory = nil
        let result = Validator(policies: policies, options: options).validate(paths: try SpilledCopiesTests.fixtureFiles())
        #expect(result.findings.count > 50)
        #expect(Self.packedParts(result) == 0)
    }

    /// A spill folder where the file cannot be made (missing, read-only, full): packed bytes stay
    /// on the heap, and the run finds and reports what it would.
    @Test func aSpillFolderThatCannotBeUsedKeepsPackedBytesOnTheHeap() throws {
        let policies = try PolicySet.compile([.builtin]).get()
        let paths = try SpilledCopiesTests.fixtureFiles()
        var options = Self.options(packingAfter: 0)
        options.spillDirectory = "/nonexistent-portcullis-folder"
        let packed = Validator(policies: policies, options: options).validate(paths: paths)
        let held = Validator(policies: policies, options: Self.options(packingAfter: .max)).validate(paths: paths)
        #expect(Self.packedParts(packed) > 5)
        #expect(packed.findings == held.findings)
        #expect(Self.reports(packed) == Self.reports(held))
    }

    @Test func aRunUnderTheThresholdPacksNothing() throws {
        let policies = try PolicySet.compile([.builtin]).get()
        let result = Validator(policies: policies).validate(paths: try SpilledCopiesTests.fixtureFiles())
        #expect(ValidationOptions().findingPackingThreshold == FindingPacker.defaultThreshold)
        #expect(result.findings.count < FindingPacker.defaultThreshold)
        #expect(Self.packedParts(result) == 0)
    }
}
