import PortcullisReport
import Testing

/// A finding's fingerprint (`FindingKey.hash`) is FNV-1a 64-bit of the key's text, in sixteen
/// lowercase hexadecimal digits: baselines and SARIF logs written by earlier versions hold it, so it
/// must not change, whether it hashes the joined text or the fields where they are.
@Suite struct FindingKeyHashTests {
    static func fnv1a(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test func theHashIsFNV1aOfTheKeysText() {
        let keys = [
            FindingKey(policy: "", kind: "", namespace: "", name: "", jsonPath: ""),
            FindingKey(policy: "images/no-latest-tag", kind: "Deployment", namespace: "prod", name: "web",
                       jsonPath: "$.spec.template.spec.containers[0].image"),
            FindingKey(policy: "p#check", kind: "Pod", namespace: "", name: "f.yaml#3", jsonPath: "$['ключ']['🔑']"),
            FindingKey(policy: "a|b", kind: "|", namespace: "||", name: "x", jsonPath: "$"),
        ]
        for key in keys {
            #expect(key.hash == Self.fnv1a(key.text), "\(key.text)")
            #expect(key.hash.utf8.count == 16)
        }
        // Fixed values: the empty fields' text ("||||"), and a hash with leading zeros kept.
        #expect(keys[0].hash == Self.fnv1a("||||"))
        #expect(Self.fnv1a("") == "cbf29ce484222325")
        var leadingZero = 0
        while !Self.fnv1a("x\(leadingZero)||||").hasPrefix("0") { leadingZero += 1 }
        let key = FindingKey(policy: "x\(leadingZero)", kind: "", namespace: "", name: "", jsonPath: "")
        #expect(key.hash == Self.fnv1a(key.text))
        #expect(key.hash.hasPrefix("0"))
    }
}
