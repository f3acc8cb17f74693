import PortcullisDiagnostics
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
    package var text: String { fields.joined(separator: "|") }

    /// The fields the key's text joins, in order.
    private var fields: [String] { [policy, kind, namespace, name, jsonPath] }

    /// FNV-1a 64-bit of the text, in hex: stable across runs, platforms and versions. The fields'
    /// bytes are hashed where they are, with the separators between them, as `text` joins them.
    package var hash: String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        for (number, field) in fields.enumerated() {
            if number > 0 { mix(UInt8(ascii: "|")) }
            var field = field
            field.withUTF8 { for byte in $0 { mix(byte) } }
        }
        return value.sixteenHexDigits
    }
}
