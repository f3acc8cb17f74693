#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisManifest
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisReport

/// Findings accepted as they are: `--write-baseline FILE` records the current ones, `--baseline FILE`
/// then reports only findings not in it. Findings are keyed on resource identity, policy and JSON path
/// (`FindingKey`), never on lines, so edits elsewhere in a file do not bring them back.
public struct Baseline: Codable, Sendable {
    /// The file format's version.
    public var version = 1
    /// The tool that wrote it.
    public var tool = "portcullis"
    /// The accepted finding keys, sorted.
    public var findings: [Entry]

    /// One accepted finding key, with how many findings share it.
    public struct Entry: Codable, Sendable {
        /// The policy id.
        public var policy: String
        /// The resource's kind, namespace and name (`file#document` for a resource without a name).
        public var kind: String
        public var namespace: String
        public var name: String
        /// The JSON path of the node the findings point at.
        public var jsonPath: String
        /// How many findings share the key.
        public var count: Int
        /// For people reading the file: where it was when recorded.
        public var message: String
    }

    /// The active findings, keyed (a baseline never records expired waivers: it must not switch expiry off).
    init<Findings: Sequence<PortcullisEngine.Finding>>(findings: Findings) {
        var entries: [FindingKey: Entry] = [:]
        var order: [FindingKey] = []
        for finding in findings where !finding.isSuppressed && finding.policyID != Suppressor.expiredWaiverPolicy {
            let key = FindingKey(finding)
            if entries[key] == nil {
                order.append(key)
                entries[key] = Entry(policy: key.policy, kind: key.kind, namespace: key.namespace, name: key.name, jsonPath: key.jsonPath,
                                     count: 0, message: finding.message)
            }
            entries[key]!.count += 1
        }
        self.findings = order.sorted { $0.text < $1.text }.map { entries[$0]! }
    }

    /// A baseline file that cannot be used.
    public enum LoadError: Error, Sendable, CustomStringConvertible {
        /// The file cannot be read.
        case unreadable(String)
        /// The file is not a baseline (the reason follows the path).
        case invalid(String, String)
        /// `path: what is wrong`.
        public var description: String {
            switch self {
            case .unreadable(let path): "\(path): cannot read the baseline"
            case .invalid(let path, let why): "\(path): not a Portcullis baseline: \(why)"
            }
        }
    }

    /// Reads a baseline written by `--write-baseline`.
    public static func load(_ path: String) throws(LoadError) -> Baseline {
        // Opened, then checked to be a regular file: a FIFO in its place never blocks the run.
        guard case .success(let bytes) = FileReader.read(path: path, maxBytes: 256 << 20) else { throw .unreadable(path) }
        do {
            return try JSONDecoder().decode(Baseline.self, from: Data(bytes))
        } catch {
            throw .invalid(path, "\(error)")
        }
    }

    /// The baseline as the file holds it: keys sorted, indented as the JSON report.
    public var json: String {
        var json = JSONWriter(style: .indentedLikeJSONEncoder, capacity: 1 << 12)
        json.beginObject()
        json.key("findings")
        json.beginArray()
        for entry in findings {
            json.beginObject()
            json.member("count", entry.count)
            json.member("jsonPath", entry.jsonPath)
            json.member("kind", entry.kind)
            json.member("message", entry.message)
            json.member("name", entry.name)
            json.member("namespace", entry.namespace)
            json.member("policy", entry.policy)
            json.endObject()
        }
        json.endArray()
        json.member("tool", tool)
        json.member("version", version)
        json.endObject()
        json.append(raw: "\n")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// The findings not in the baseline, and those it holds. A file's packed findings are unpacked
    /// and filtered one file at a time, and packed again (with `rules`, in `region`) only when the
    /// baseline holds one of them; once every entry is used up, the rest are not read.
    func filter(_ findings: FindingList, rules: FindingRuleTable,
                spillingTo region: SpillRegion? = nil) -> (findings: FindingList, held: [PortcullisEngine.Finding]) {
        var remaining: [FindingKey: Int] = [:]
        for entry in self.findings {
            let key = FindingKey(policy: entry.policy, kind: entry.kind, namespace: entry.namespace, name: entry.name, jsonPath: entry.jsonPath)
            remaining[key, default: 0] += entry.count
        }
        var held: [PortcullisEngine.Finding] = []
        let kept = findings.mapParts(rules: rules, spillingTo: region, until: { remaining.isEmpty }) { part in
            var kept: [PortcullisEngine.Finding] = []
            let heldBefore = held.count
            for finding in part {
                let key = FindingKey(finding)
                if !finding.isSuppressed, let left = remaining[key], left > 0 {
                    remaining[key] = left > 1 ? left - 1 : nil
                    held.append(finding)
                } else {
                    kept.append(finding)
                }
            }
            return (kept, held.count > heldBefore)
        }
        return (kept, held)
    }
}
