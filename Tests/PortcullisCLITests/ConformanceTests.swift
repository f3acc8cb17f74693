import Foundation
import Testing

/// The built-in policies decide Gatekeeper library's own test cases as Gatekeeper does
/// (scripts/conformance.py; docs/conformance.md lists the mapping and every difference).
@Suite struct ConformanceTests {
    @Test(.enabled(if: PortcullisBinary.sharedFolder != nil, "skipped: ../shared is absent (a user's clone has none)"))
    func gatekeeperLibraryCasesAgree() throws {
        let shared = try #require(PortcullisBinary.sharedFolder)
        let (status, output) = try PortcullisBinary.runScript("conformance.py",
            [PortcullisBinary.url.path, shared.appendingPathComponent("conformance/gatekeeper-library").path])
        let last = output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("conformance: "), "\(output)")
        let counts = last.dropFirst("conformance: ".count).split(separator: " ")[0].split(separator: "/").compactMap { Int($0) }
        #expect(counts.count == 2 && counts[1] > 150, "\(output)")
        // At least 99% of the mapped cases agree (the script exits 1 below that).
        #expect(status == 0 && counts[0] * 100 >= counts[1] * 99, "\(output)")
    }
}
