import PortcullisDiagnostics
import PortcullisEngine

/// Findings counted per policy: the table at the end of the text report (and `--summary`),
/// `summary.byPolicy` in the JSON report, and the Markdown and HTML reports' tables and charts.
///
/// A row per policy with at least one finding, active or suppressed; rows are sorted by active
/// findings (most first), then suppressed findings (most first), then policy id.
package struct PolicySummary: Sendable {
    package struct Row: Sendable, Equatable {
        package var policy: String
        /// The severity of the policy's findings (after configuration overrides; the highest if they differ).
        package var severity: Severity
        /// Active (not suppressed) findings.
        package var findings: Int
        /// Files holding at least one of those active findings.
        package var files: Int
        /// Suppressed findings (inline, annotation, waiver).
        package var suppressed: Int

        /// The pack: the policy id's first segment (`images` of `images/no-latest-tag`).
        package var pack: String { PolicySummary.pack(of: policy) }
    }

    package var rows: [Row]
    /// Active findings of the run.
    package var findings: Int
    /// Files holding at least one active finding.
    package var files: Int
    package var suppressed: Int

    package init(_ report: RunReport) {
        var index: [String: Int] = [:]
        var rows: [Row] = []
        // Files are numbered as first met; each row keeps its files' numbers (`FileSet`): a set of
        // the paths per row held a hash table of every file for each policy, megabytes on a large run.
        var fileNumbers: [String: Int] = [:]
        var filesByRow: [FileSet] = []
        var findings = 0, suppressed = 0
        // Findings come file by file, each file's from a few rules: a policy is looked up once per
        // rule and file, a path when the resource changes, not per finding; and no finding is
        // copied (`forEachGlance`).
        var lastPath: String?
        var lastNumber = 0
        var currentPart = -1
        var rowByRule: [ObjectIdentifier: Int] = [:]
        var lastResource: ObjectIdentifier?
        report.findings.forEachGlance { part, glance, policyID, path in
            if part != currentPart {
                currentPart = part
                rowByRule.removeAll(keepingCapacity: true)
                lastResource = nil
            }
            let row: Int
            if let known = rowByRule[glance.rule] {
                row = known
            } else {
                let policy = policyID()
                if let known = index[policy] {
                    row = known
                } else {
                    row = rows.count
                    index[policy] = row
                    rows.append(Row(policy: policy, severity: glance.severity, findings: 0, files: 0, suppressed: 0))
                    filesByRow.append(FileSet())
                }
                rowByRule[glance.rule] = row
                rows[row].severity = max(rows[row].severity, glance.severity)
            }
            guard !glance.isSuppressed else {
                rows[row].suppressed += 1
                suppressed += 1
                return
            }
            rows[row].findings += 1
            if glance.resource != lastResource {
                lastResource = glance.resource
                let path = path()
                if lastPath != path {
                    lastNumber = fileNumbers[path, default: fileNumbers.count]
                    fileNumbers[path] = lastNumber
                    lastPath = path
                }
            }
            filesByRow[row].insert(lastNumber)
            findings += 1
        }
        for row in rows.indices { rows[row].files = filesByRow[row].count }
        rows.sort { a, b in
            if a.findings != b.findings { return a.findings > b.findings }
            if a.suppressed != b.suppressed { return a.suppressed > b.suppressed }
            return a.policy < b.policy
        }
        self.rows = rows
        self.findings = findings
        self.files = fileNumbers.count
        self.suppressed = suppressed
    }

    /// Active findings per pack and severity, packs sorted by their total (most first), then name.
    package var byPack: [(pack: String, counts: [Severity: Int])] {
        var counts: [String: [Severity: Int]] = [:]
        for row in rows where row.findings > 0 { counts[row.pack, default: [:]][row.severity, default: 0] += row.findings }
        func total(_ c: [Severity: Int]) -> Int { c.values.reduce(0, +) }
        return counts.map { (pack: $0.key, counts: $0.value) }.sorted { a, b in
            total(a.counts) != total(b.counts) ? total(a.counts) > total(b.counts) : a.pack < b.pack
        }
    }

    static func pack(of policy: String) -> String {
        policy.firstIndex(of: "/").map { String(policy[..<$0]) } ?? policy
    }
}

/// The files of one policy's active findings (numbered as met, counted once each): listed while
/// the policy has few, as bits once they would cost less. A policy with one finding in the last of
/// 100,000 files holds one number, one with findings everywhere a bit per file (a set of paths per
/// policy held a hash table entry per file).
private struct FileSet {
    private var listed: [Int32] = []
    private var bits: [UInt64] = []
    private var inBits = false
    private var bitCount = 0
    private var highest = 0

    mutating func insert(_ number: Int) {
        if inBits { return setBit(number) }
        // Findings come file by file: a number repeats mostly right after itself.
        if listed.last == Int32(number) { return }
        listed.append(Int32(number))
        highest = max(highest, number)
        // A listed number costs 32 bits: past one per 32 files, bits cost less.
        if listed.count >= 64 && listed.count * 32 > highest + 1 {
            inBits = true
            for listedNumber in listed { setBit(Int(listedNumber)) }
            listed = []
        }
    }

    private mutating func setBit(_ number: Int) {
        let word = number >> 6, bit = UInt64(1) << UInt64(number & 63)
        if word >= bits.count { bits.append(contentsOf: repeatElement(0, count: word - bits.count + 1)) }
        guard bits[word] & bit == 0 else { return }
        bits[word] |= bit
        bitCount += 1
    }

    /// How many distinct files.
    var count: Int {
        inBits ? bitCount : Set(listed).count
    }
}
