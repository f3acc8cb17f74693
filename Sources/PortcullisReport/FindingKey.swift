import PortcullisEngine

/// A finding's identity across edits: the resource (kind, namespace, name), the policy and the JSON
/// path of the node — not the line, so an edit above it does not change it. Baselines store it and
/// SARIF's `partialFingerprints` carry its hash.
package struct FindingKey: Hashable, Sendable, Codable {
    package var policy: String
    package var kind: String
    package var namespace: String
    package var name: String
    package var jsonPath: String

    package init(_ finding: Finding) {
        // A policy with several `deny` blocks: each block's findings are their own (`policy#check`).
        policy = finding.check.map { finding.policyID + "#" + $0 } ?? finding.policyID
        kind = finding.kind ?? ""
        namespace = finding.namespace ?? ""
        // A resource without a name is known by its file and document.
        name = finding.name ?? "\(finding.path)#\(finding.documentIndex)"
        jsonPath = finding.jsonPath
    }

    package init(policy: String, kind: String, namespace: String, name: String, jsonPath: String) {
        self.policy = policy
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.jsonPath = jsonPath
    }

    /// The key as one line of text.
    package var text: String { [policy, kind, namespace, name, jsonPath].joined(separator: "|") }

    /// FNV-1a 64-bit of the text, in hex: stable across runs, platforms and versions.
    package var hash: String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
