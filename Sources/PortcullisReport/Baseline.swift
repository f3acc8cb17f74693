import Foundation
import PortcullisDiagnostics
import PortcullisEngine

/// Findings accepted as they are: `--write-baseline FILE` records the current ones, `--baseline FILE`
/// then reports only findings not in it. Findings are keyed on resource identity, policy and JSON path
/// (`FindingKey`), never on lines, so edits elsewhere in a file do not bring them back.
package struct Baseline: Codable, Sendable {
    package var version = 1
    package var tool = "portcullis"
    package var findings: [Entry]

    package struct Entry: Codable, Sendable {
        package var policy: String
        package var kind: String
        package var namespace: String
        package var name: String
        package var jsonPath: String
        /// How many findings share the key.
        package var count: Int
        /// For people reading the file: where it was when recorded.
        package var message: String
    }

    package init(findings: [Finding]) {
        var entries: [FindingKey: Entry] = [:]
        var order: [FindingKey] = []
        for finding in findings where finding.suppression == nil {
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

    package enum LoadError: Error, CustomStringConvertible {
        case unreadable(String)
        case invalid(String, String)
        package var description: String {
            switch self {
            case .unreadable(let path): "\(path): cannot read the baseline"
            case .invalid(let path, let why): "\(path): not a Portcullis baseline: \(why)"
            }
        }
    }

    package static func load(_ path: String) throws(LoadError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        do {
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw .invalid(path, "\(error)")
        }
    }

    /// The baseline file: keys sorted, indented as the JSON report.
    package var json: String {
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

    /// The findings not in the baseline, and how many were.
    package func filter(_ findings: [Finding]) -> (findings: [Finding], matched: Int) {
        var remaining: [FindingKey: Int] = [:]
        for entry in self.findings {
            let key = FindingKey(policy: entry.policy, kind: entry.kind, namespace: entry.namespace, name: entry.name, jsonPath: entry.jsonPath)
            remaining[key, default: 0] += entry.count
        }
        var kept: [Finding] = []
        var matched = 0
        for finding in findings {
            let key = FindingKey(finding)
            if finding.suppression == nil, let left = remaining[key], left > 0 {
                remaining[key] = left - 1
                matched += 1
            } else {
                kept.append(finding)
            }
        }
        return (kept, matched)
    }
}

extension FindingKey {
    init(policy: String, kind: String, namespace: String, name: String, jsonPath: String) {
        self.policy = policy
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.jsonPath = jsonPath
    }
}
