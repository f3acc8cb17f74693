import Foundation
import Testing

/// Issue 12, "linear in findings": one resource with 50,000 failing containers (2.2 MB) gives every
/// finding at its own place, and the default packs' count of findings for it is exactly 50,000 times
/// a container's. (How long it takes is measured in Benchmarks/, never here.)
@Suite struct ManyFindingsTests {
    static func pod(containers: Int) -> String {
        var text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: many\n  namespace: shop\nspec:\n  containers:\n"
        for i in 0..<containers { text += "    - name: c\(i)\n      image: nginx:latest\n" }
        return text
    }

    /// The compact report's finding lines (not its summary line, nor the input error about the cap).
    static func findingLines(_ report: String) -> [Substring] {
        report.split(separator: "\n").filter { !$0.hasPrefix("checked ") && !$0.hasSuffix("[engine.too-many-findings]") }
    }

    @Test func everyContainerOfAHugePodIsReportedAtItsImage() throws {
        let dir = try TemporaryFolder()
        let count = 50_000
        try dir.write("pod.yaml", Self.pod(containers: count))
        let result = try PortcullisBinary.run(["check", "--no-config", "--only", "images/no-latest-tag", "--format", "compact",
                                               "--max-findings-per-resource", "\(count)", dir.path + "/pod.yaml"])
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").filter { $0.hasSuffix("[images/no-latest-tag]") }
        #expect(lines.count == count)
        // Container i's image is on line 9 + 2i, column 14.
        let places = lines.map { line in line.split(separator: ":").dropFirst().prefix(2).joined(separator: ":") }
        #expect(places == (0..<count).map { "\(9 + 2 * $0):14" })
    }

    @Test func theDefaultPacksCountEveryFindingOfAHugePod() throws {
        let dir = try TemporaryFolder()
        func findings(_ containers: Int) throws -> Int {
            try dir.write("pod-\(containers).yaml", Self.pod(containers: containers))
            let result = try PortcullisBinary.run(["check", "--no-config", "--format", "compact", dir.path + "/pod-\(containers).yaml"])
            #expect(result.status == 1, "\(result.stderr)")
            return Self.findingLines(result.stdout).count
        }
        let one = try findings(1), two = try findings(2)
        let perContainer = two - one, perPod = one - perContainer
        #expect(perContainer > 0)
        let count = 50_000
        try dir.write("pod.yaml", Self.pod(containers: count))
        let result = try PortcullisBinary.run(["check", "--no-config", "--format", "compact", dir.path + "/pod.yaml"])
        #expect(result.status == 2, "the cap on findings per resource is an input error: \(result.stderr)")
        let expected = perPod + perContainer * count
        #expect(result.stdout.contains("this resource has \(expected) findings; only the first 1000 are reported"), "\(result.stdout.suffix(500))")
        #expect(Self.findingLines(result.stdout).count == 1_000)
    }
}
