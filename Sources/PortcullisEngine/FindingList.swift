import PortcullisManifest
import Synchronization

/// A run's findings in report order, file by file: each file's held as `Finding`s or packed
/// (`PackedFindings`), as the run kept them. Reporters read it as any collection of findings; a
/// packed file's findings are unpacked when read — file by file when iterated, a few files kept
/// unpacked for reads by position — so a report of a million findings never holds them all at once.
package struct FindingList: RandomAccessCollection, Sendable, ExpressibleByArrayLiteral {
    /// One file's findings, as the run kept them.
    package enum Part: Sendable {
        case findings([Finding])
        case packed(PackedFindings)

        /// How many findings the part holds.
        package var count: Int {
            switch self {
            case .findings(let findings): findings.count
            case .packed(let packed): packed.count
            }
        }

        /// The part's findings, unpacked if need be.
        package var findings: [Finding] {
            switch self {
            case .findings(let findings): findings
            case .packed(let packed): packed.unpacked()
            }
        }
    }

    /// The parts, none of them empty.
    package let parts: [Part]
    /// Where each part ends in the list.
    private let ends: [Int]
    private let unpackedParts = UnpackedParts()

    /// The findings of `parts`, one after another.
    package init(parts: [Part]) {
        self.parts = parts.filter { $0.count > 0 }
        var end = 0
        ends = self.parts.map { part in
            end += part.count
            return end
        }
    }

    /// `findings`, held as they are.
    package init(_ findings: [Finding]) {
        self.init(parts: [.findings(findings)])
    }

    package init(arrayLiteral findings: Finding...) {
        self.init(findings)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { ends.last ?? 0 }

    package subscript(position: Int) -> Finding {
        precondition(position >= 0 && position < endIndex, "index out of range")
        let part = partIndex(of: position)
        let offset = position - (part == 0 ? 0 : ends[part - 1])
        switch parts[part] {
        case .findings(let findings): return findings[offset]
        case .packed(let packed): return unpackedParts.findings(of: part, packed)[offset]
        }
    }

    /// The part holding the finding at `position`.
    private func partIndex(of position: Int) -> Int {
        var low = 0, high = ends.count - 1
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] <= position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The findings at `range`, each part's read once (a packed part is unpacked once, not once per finding).
    package func elements(in range: Range<Int>) -> [Finding] {
        guard !range.isEmpty else { return [] }
        var result: [Finding] = []
        result.reserveCapacity(range.count)
        var part = partIndex(of: range.lowerBound)
        while part < parts.count {
            let start = part == 0 ? 0 : ends[part - 1]
            guard start < range.upperBound else { break }
            let findings: [Finding]
            switch parts[part] {
            case .findings(let held): findings = held
            case .packed(let packed): findings = unpackedParts.findings(of: part, packed)
            }
            result += findings[(Swift.max(range.lowerBound, start) - start)..<(Swift.min(range.upperBound, ends[part]) - start)]
            part += 1
        }
        return result
    }

    /// Where one finding of the list is kept: its part, and its index there (held findings) or its
    /// record (packed ones).
    package struct Locator: Sendable {
        fileprivate let part: Int32
        fileprivate let record: PackedFindings.Record
    }

    /// Each finding's policy, whether it is suppressed and where it is kept, in list order. A packed
    /// part's are read from its bytes: no finding is made.
    package func forEachLocator(_ body: (_ policyID: String, _ isSuppressed: Bool, Locator) -> Void) {
        for (index, part) in parts.enumerated() {
            switch part {
            case .findings(let findings):
                for (offset, finding) in findings.enumerated() {
                    body(finding.policyID, finding.isSuppressed,
                         Locator(part: Int32(index), record: PackedFindings.Record(offset: Int32(offset))))
                }
            case .packed(let packed):
                packed.forEachRecord { rule, suppressed, record in body(rule.policyID, suppressed, Locator(part: Int32(index), record: record)) }
            }
        }
    }

    /// The findings at `locators` (from `forEachLocator`), in that order. A packed part's are read
    /// one by one from its bytes, the part never unpacked whole: a report that groups findings
    /// otherwise than by file (by policy) reads each once.
    package func forEachFinding(at locators: [Locator], _ body: (Finding) -> Void) {
        var reading: (part: Int32, packed: PackedFindings)?
        for locator in locators {
            switch parts[Int(locator.part)] {
            case .findings(let findings):
                body(findings[Int(locator.record.offset)])
            case .packed(let packed):
                if let reading, reading.part != locator.part { reading.packed.doneReading() }
                reading = (locator.part, packed)
                body(packed.finding(at: locator.record))
            }
        }
        reading?.packed.doneReading()
    }

    /// The findings' paths as runs of consecutive findings with one path, in order (a packed part's
    /// were noted when it was packed).
    package var pathRuns: [(path: String, indices: Range<Int>)] {
        var runs: [(path: String, indices: Range<Int>)] = []
        var start = 0
        func add(_ path: String, _ count: Int) {
            if let last = runs.last, last.path == path {
                runs[runs.count - 1].indices = last.indices.lowerBound..<(start + count)
            } else {
                runs.append((path, start..<(start + count)))
            }
            start += count
        }
        for part in parts {
            switch part {
            case .findings(let findings):
                // By index: a finding copied out of the array counts four references.
                for index in findings.indices { add(findings[index].path, 1) }
            case .packed(let packed):
                for run in packed.pathRuns { add(run.path, run.count) }
            }
        }
        return runs
    }

    /// Every finding, unpacked one file at a time.
    package func makeIterator() -> Iterator {
        Iterator(parts: parts)
    }

    /// Reads the parts in order, holding one part's findings at a time.
    package struct Iterator: IteratorProtocol {
        private let parts: [Part]
        private var part = 0
        private var current: [Finding] = []
        private var offset = 0

        init(parts: [Part]) {
            self.parts = parts
        }

        package mutating func next() -> Finding? {
            while offset == current.count {
                guard part < parts.count else { return nil }
                current = parts[part].findings
                part += 1
                offset = 0
            }
            defer { offset += 1 }
            return current[offset]
        }
    }

    /// The list with each part's findings changed by `transform`, part by part: a packed part is
    /// unpacked for it, and packed again (with the same rules) only when `transform` changed it.
    /// Once `done` holds, the remaining parts are kept as they are, unread.
    package func mapParts(rules: FindingRuleTable, spillingTo region: SpillRegion? = nil, until done: () -> Bool = { false },
                          _ transform: ([Finding]) -> (findings: [Finding], changed: Bool)) -> FindingList {
        FindingList(parts: parts.map { part in
            if done() { return part }
            let (findings, changed) = transform(part.findings)
            switch part {
            case .findings: return .findings(findings)
            case .packed where !changed: return part
            case .packed: return .packed(PackedFindings(findings, rules: rules, spillingTo: region))
            }
        })
    }
}

/// A few packed parts' findings, kept unpacked for reads by position (a report reads a file's
/// findings several times, and several files at once on several cores).
private final class UnpackedParts: Sendable {
    private static let capacity = 16
    private let recent = Mutex<[(part: Int, findings: [Finding])]>([])

    func findings(of part: Int, _ packed: PackedFindings) -> [Finding] {
        if let found = recent.withLock({ recent in recent.first { $0.part == part }?.findings }) { return found }
        let findings = packed.unpacked()
        recent.withLock { recent in
            if recent.count == Self.capacity { recent.removeFirst() }
            recent.append((part, findings))
        }
        return findings
    }
}
