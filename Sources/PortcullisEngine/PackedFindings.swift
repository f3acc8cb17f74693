import PortcullisDiagnostics
import PortcullisManifest
import Synchronization

/// One file's findings as bytes: what a large run keeps of each file until it reports, instead of a
/// `Finding` (48 bytes) and a resource part (about 100 bytes with its strings) per finding on the
/// heap. The bytes go to a `SpillRegion` when one is given and has room, so they leave the process's
/// resident memory as the run goes; `unpacked()` gives the findings back, equal to those packed.
///
/// Each finding is, in LEB128 numbers and length-prefixed strings: its rule's number in the run's
/// `FindingRuleTable`; its resource (0 then the resource, or how many bytes back the record naming
/// it starts, when it is the previous finding's: the findings of one resource share one part again
/// once unpacked, and a finding can be read alone); its text (`FindingText.encoded`); its place;
/// its suppression, if any.
package struct PackedFindings: Sendable {
    /// Everything is held in one allocation: a run keeps one `PackedFindings` per file (in its
    /// results, in the files waiting for the cross-document rules), so it is one reference.
    private let storage: Storage

    /// How many findings are packed.
    package var count: Int { Int(storage.count) }
    /// Of them, those suppressed: counted when packed, so a report's totals need not unpack them.
    package var suppressedCount: Int { Int(storage.suppressedCount) }

    /// The bytes — in an array, or in a `SpillRegion`'s mapping (the region is kept alive with
    /// them) — and what was counted while packing them. A run keeps one per file: what is counted
    /// is held inline (no array per count), and the paths as one run with the rest apart.
    private final class Storage: @unchecked Sendable {  // written once, before it is shared; read only after
        let heap: [UInt8]
        let region: SpillRegion?
        let placed: UnsafeRawPointer?
        let byteCount: Int
        let count: Int32
        /// Findings not suppressed, by severity (`Severity.allCases` order: three, in four lanes).
        let activeCounts: SIMD4<Int32>
        let suppressedCount: Int32
        /// Where the findings' evaluation orders start in the bytes; -1 when none were given.
        let ordersOffset: Int
        let rules: FindingRuleTable
        /// The findings' paths, as runs of consecutive findings with one path: the first run (a
        /// file's findings have one), and the others.
        let firstRun: (path: String, count: Int32)
        let laterRuns: [(path: String, count: Int)]

        init(bytes: [UInt8], region: SpillRegion?, count: Int, activeCounts: SIMD4<Int32>, suppressedCount: Int, rules: FindingRuleTable,
             ordersOffset: Int?, pathRuns: [(path: String, count: Int)]) {
            let placed = region.flatMap { region in bytes.withUnsafeBytes { region.place($0) } }
            self.region = placed == nil ? nil : region
            self.placed = placed.map(UnsafeRawPointer.init)
            var kept = placed == nil ? bytes : []
            kept.shrinkToFit()
            heap = kept
            byteCount = bytes.count
            self.count = Int32(count)
            self.activeCounts = activeCounts
            self.suppressedCount = Int32(suppressedCount)
            self.rules = rules
            self.ordersOffset = ordersOffset ?? -1
            firstRun = pathRuns.first.map { ($0.path, Int32($0.count)) } ?? ("", 0)
            laterRuns = Array(pathRuns.dropFirst())
        }

        var pathRuns: [(path: String, count: Int)] {
            count == 0 ? [] : [(firstRun.path, Int(firstRun.count))] + laterRuns
        }

        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            if let placed {
                return body(UnsafeBufferPointer(start: placed.assumingMemoryBound(to: UInt8.self), count: byteCount))
            }
            return heap.withUnsafeBufferPointer(body)
        }
    }

    /// `findings` packed, with where each stands in evaluating every rule (`orders`, one per finding)
    /// when given; their rules are numbered in `rules`, which unpacking reads again.
    package init(_ findings: [Finding], orders: [EvaluationOrder]? = nil, rules: FindingRuleTable, spillingTo region: SpillRegion? = nil) {
        precondition(orders == nil || orders!.count == findings.count, "one order per finding")
        var writer = ByteWriter()
        var previousResource: SharedFindingPart<FindingResource>?
        var previousResourceRecord = 0
        var numbers: [ObjectIdentifier: Int] = [:]
        assert(Severity.allCases.count <= 4, "a severity per lane of the counts")
        var activeCounts = SIMD4<Int32>()
        var suppressedCount = 0
        var pathRuns: [(path: String, count: Int)] = []
        for finding in findings {
            if finding.isSuppressed {
                suppressedCount += 1
            } else {
                activeCounts[Severity.allCases.firstIndex(of: finding.severity)!] &+= 1
            }
            let parts = finding.parts
            let ruleID = ObjectIdentifier(parts.rule)
            let rule: Int
            if let known = numbers[ruleID] {
                rule = known
            } else {
                rule = rules.number(of: parts.rule)
                numbers[ruleID] = rule
            }
            let record = writer.bytes.count
            writer.number(rule)
            if let previousResource, previousResource === parts.resource {
                writer.number(record - previousResourceRecord)
            } else {
                let resource = parts.resource.value
                if pathRuns.last?.path != resource.path { pathRuns.append((resource.path, 0)) }
                writer.number(0)
                writer.string(resource.path)
                writer.number(resource.documentIndex)
                writer.number(resource.listItemIndex.map { $0 + 1 } ?? 0)
                writer.optionalString(resource.kind)
                writer.optionalString(resource.namespace)
                writer.optionalString(resource.name)
                previousResource = parts.resource
                previousResourceRecord = record
            }
            let text = parts.text.encoded
            writer.number(text.count)
            writer.bytes += text
            pathRuns[pathRuns.count - 1].count += 1
            writer.number(Int(UInt32(bitPattern: parts.place.startLine)))
            writer.number(Int(UInt32(bitPattern: parts.place.startColumn)))
            writer.number(Int(UInt32(bitPattern: parts.place.endLine)))
            writer.number(Int(UInt32(bitPattern: parts.place.endColumn)))
            if let suppression = finding.suppression {
                writer.number(suppression.kind == .inSource ? 1 : 2)
                writer.string(suppression.justification)
                writer.string(suppression.origin)
            } else {
                writer.number(0)
            }
        }
        var ordersOffset: Int?
        if let orders {
            ordersOffset = writer.bytes.count
            for order in orders {
                writer.number(Int(UInt32(bitPattern: order.group)))
                writer.number(Int(UInt32(bitPattern: order.position)))
                writer.number(Int(UInt32(bitPattern: order.rule)))
                writer.number(Int(UInt32(bitPattern: order.check)))
            }
        }
        storage = Storage(bytes: writer.bytes, region: region, count: findings.count, activeCounts: activeCounts,
                          suppressedCount: suppressedCount, rules: rules, ordersOffset: ordersOffset, pathRuns: pathRuns)
    }

    /// The findings of `severity` not suppressed.
    package func activeCount(_ severity: Severity) -> Int {
        Int(storage.activeCounts[Severity.allCases.firstIndex(of: severity)!])
    }

    /// The evaluation orders packed with the findings (empty when none were).
    package func unpackedOrders() -> [EvaluationOrder] {
        guard storage.ordersOffset >= 0 else { return [] }
        return storage.withBytes { bytes in
            var reader = ByteReader(bytes: bytes, offset: storage.ordersOffset)
            return (0..<Int(storage.count)).map { _ in
                EvaluationOrder(group: reader.number32(), position: reader.number32(), rule: reader.number32(), check: reader.number32())
            }
        }
    }

    /// The findings' paths, as runs of consecutive findings with one path (one run, for a file's).
    package var pathRuns: [(path: String, count: Int)] { storage.pathRuns }

    /// Whether the bytes are in a `SpillRegion`'s file.
    package var isSpilled: Bool { storage.placed != nil }

    /// Where one finding's record starts in the bytes.
    package struct Record: Sendable {
        let offset: Int32
    }

    /// Each finding's rule, whether it is suppressed and its record, in order: read from the bytes,
    /// no finding made.
    package func forEachRecord(_ body: (_ rule: FindingRule, _ isSuppressed: Bool, Record) -> Void) {
        let table = storage.rules.parts
        storage.withBytes { bytes in
            var reader = ByteReader(bytes: bytes)
            for _ in 0..<Int(storage.count) {
                let offset = reader.offset
                let rule = table[reader.number()]
                if reader.number() == 0 { reader.skipResource() }
                reader.offset += reader.number()  // the text
                for _ in 0..<4 { _ = reader.number() }  // the place
                let suppressed = reader.number() != 0
                if suppressed {
                    reader.offset += reader.number()  // justification
                    reader.offset += reader.number()  // origin
                }
                body(rule.value, suppressed, Record(offset: Int32(offset)))
            }
        }
        doneReading()
    }

    /// The finding at `record` (from `forEachRecord`), equal to the one `unpacked()` gives there;
    /// its resource is read from the record naming it. Call `doneReading()` after the last of a
    /// run of reads.
    package func finding(at record: Record) -> Finding {
        let table = storage.rules.parts
        return storage.withBytes { bytes in
            var reader = ByteReader(bytes: bytes, offset: Int(record.offset))
            let rule = table[reader.number()]
            let back = reader.number()
            let resource: FindingResource
            if back == 0 {
                resource = reader.resource()
            } else {
                var named = ByteReader(bytes: bytes, offset: Int(record.offset) - back)
                _ = named.number()  // that finding's rule
                _ = named.number()  // 0: its resource follows
                resource = named.resource()
            }
            return reader.finding(rule: rule, resource: SharedFindingPart(resource))
        }
    }

    /// Counts the bytes read for the region's let-go (`SpillRegion.fileRead()`): once per file's
    /// findings read.
    package func doneReading() {
        storage.region?.fileRead()
    }

    /// The findings, equal to those packed, in their order.
    package func unpacked() -> [Finding] {
        let table = storage.rules.parts
        var findings: [Finding] = []
        findings.reserveCapacity(Int(storage.count))
        storage.withBytes { bytes in
            var reader = ByteReader(bytes: bytes)
            var resource: SharedFindingPart<FindingResource>?
            for _ in 0..<Int(storage.count) {
                let rule = table[reader.number()]
                if reader.number() == 0 {
                    resource = SharedFindingPart(reader.resource())
                }
                findings.append(reader.finding(rule: rule, resource: resource!))
            }
        }
        doneReading()
        return findings
    }
}

/// The rules of a run's packed findings, each numbered once; shared by the run's workers.
package final class FindingRuleTable: Sendable {
    /// The parts are held here, so an identifier is never reused for another rule while the table lives.
    private let state = Mutex(Numbering<ObjectIdentifier, SharedFindingPart<FindingRule>>())

    package init() {}

    /// The number of `part`, given it the first time.
    func number(of part: SharedFindingPart<FindingRule>) -> Int {
        Int(state.withLock { $0.number(of: ObjectIdentifier(part), part) })
    }

    /// Every rule numbered so far, by number.
    var parts: [SharedFindingPart<FindingRule>] { state.withLock { $0.elements } }
}

/// Appends LEB128 numbers and strings to bytes.
private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func number(_ value: Int) {
        var rest = UInt(bitPattern: value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ text: String) {
        number(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    /// `nil` as 0, a string as its length plus one, then its bytes.
    mutating func optionalString(_ text: String?) {
        guard let text else { return number(0) }
        number(text.utf8.count + 1)
        bytes.append(contentsOf: text.utf8)
    }
}

/// Reads what `ByteWriter` wrote.
private struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    mutating func number() -> Int {
        var value: UInt = 0
        var shift: UInt = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            if shift < UInt(UInt.bitWidth) { value |= UInt(byte & 0x7F) << shift }
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(bitPattern: value)
    }

    /// A number written as a 32-bit pattern (`Int32` places and orders).
    mutating func number32() -> Int32 {
        Int32(bitPattern: UInt32(truncatingIfNeeded: number()))
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        defer { offset += count }
        return Array(UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]))
    }

    mutating func string() -> String {
        let count = number()
        defer { offset += count }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    }

    mutating func optionalString() -> String? {
        let count = number()
        guard count > 0 else { return nil }
        defer { offset += count - 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count - 1)]), as: UTF8.self)
    }

    /// A finding's resource, as `PackedFindings.init` writes it after a 0.
    mutating func resource() -> FindingResource {
        let path = string()
        let documentIndex = number()
        let item = number()
        return FindingResource(path: path, documentIndex: documentIndex, listItemIndex: item == 0 ? nil : item - 1,
                               kind: optionalString(), namespace: optionalString(), name: optionalString())
    }

    /// Passes over a resource, unread.
    mutating func skipResource() {
        offset += number()  // path
        _ = number()  // document
        _ = number()  // list item
        for _ in 0..<3 { offset += Swift.max(number() - 1, 0) }  // kind, namespace, name
    }

    /// The rest of a finding's record, after its rule and resource: text, place and suppression.
    mutating func finding(rule: SharedFindingPart<FindingRule>, resource: SharedFindingPart<FindingResource>) -> Finding {
        let text = FindingText(encoded: bytes(number()))
        let start = SourceLocation(line: Int(number32()), column: Int(number32()))
        let end = SourceLocation(line: Int(number32()), column: Int(number32()))
        var finding = Finding(rule: rule, resource: resource, text: text, span: SourceSpan(start: start, end: end))
        let suppression = number()
        if suppression != 0 {
            finding.suppression = Suppression(kind: suppression == 1 ? .inSource : .external, justification: string(), origin: string())
        }
        return finding
    }
}

/// What a run keeps of each file's findings until it reports: the findings themselves while the run
/// has kept fewer than `threshold`, then `PackedFindings` in `region`'s file. Without a region
/// nothing is packed: packed bytes on the heap (a finding's text written out in full, where held
/// findings share theirs) take about what the findings take. Shared by the run's workers.
package final class FindingPacker: Sendable {
    /// The rules of the packed findings.
    package let rules = FindingRuleTable()
    /// Where packed bytes go (`nil`: the heap).
    package let region: SpillRegion?
    /// Findings a run keeps as they are before it packs the rest.
    package let threshold: Int
    private let kept = Atomic<Int>(0)

    /// Findings kept as they are by default: a run with fewer (most runs) never packs.
    package static let defaultThreshold = 65_536
    /// Packed bytes the packer's region holds in the process before their pages are let go: they
    /// are written once and read once per report pass, so a little is enough.
    package static let residentLimit = 1 << 20

    /// The region a packer places its bytes in: a file in `directory` from the first packed byte
    /// (packing starts only in a large run), of its own, so the copies' region closes when the
    /// second pass is done with them.
    package static func region(in directory: String) -> SpillRegion {
        SpillRegion(directory: directory, threshold: 0, residentLimit: residentLimit)
    }

    package init(region: SpillRegion?, threshold: Int = defaultThreshold) {
        self.region = region
        self.threshold = threshold
    }

    /// `findings` as the run keeps them.
    package func keep(_ findings: [Finding]) -> FindingList.Part {
        guard !findings.isEmpty, region != nil else { return .findings(findings) }
        let (_, total) = kept.add(findings.count, ordering: .relaxed)
        guard total > threshold else { return .findings(findings) }
        return .packed(PackedFindings(findings, rules: rules, spillingTo: region))
    }

    /// A file's first-pass findings and their evaluation orders, packed once the run has kept
    /// `threshold` findings, else `nil`. They count towards it now and again when the file is
    /// settled: packing starts a little early, never late.
    package func packFirstPass(_ findings: [Finding], orders: [EvaluationOrder]) -> PackedFindings? {
        guard !findings.isEmpty, region != nil, kept.add(findings.count, ordering: .relaxed).newValue > threshold else { return nil }
        return PackedFindings(findings, orders: orders, rules: rules, spillingTo: region)
    }
}
