@testable import PortcullisEngine
import Testing

/// `FixedStringMap` answers as the dictionary it was made from: every key found with its value,
/// and strings that are not keys (prefixes, extensions, one byte changed, other lengths) not found.
@Suite struct FixedStringMapTests {
    static let keys = ["", "Pod", "Deployment", "StatefulSet", "CustomResourceDefinition", "ValidatingAdmissionPolicyBinding",
                       "ключ", "🔑", "a", "ab", "abcdefgh", "abcdefghi", "abcdefghabcdefgh", "List"]

    @Test func findsEveryKeyWithItsValue() {
        let dictionary = Dictionary(uniqueKeysWithValues: Self.keys.enumerated().map { ($0.element, $0.offset) })
        let map = FixedStringMap(dictionary)
        #expect(map.count == dictionary.count)
        for (key, value) in dictionary {
            #expect(map[key] == value, "\(key)")
            #expect(map.contains(key))
        }
    }

    @Test func findsNothingElse() {
        let map = FixedStringMap<Void>(Self.keys)
        var others: [String] = []
        for key in Self.keys where !key.isEmpty {
            others += [String(key.dropLast()), key + "x", "x" + key, key.uppercased() == key ? key.lowercased() : key.uppercased()]
            var bytes = Array(key.utf8)
            bytes[bytes.count / 2] ^= 1
            others.append(String(decoding: bytes, as: UTF8.self))
        }
        for other in others where !Self.keys.contains(other) {
            #expect(!map.contains(other), "\(other)")
        }
    }

    /// Keys equal in Unicode but not in bytes (`é` precomposed, or `e` and a combining accent) are
    /// one key, as in a `Dictionary`.
    @Test func findsKeysEqualInUnicode() {
        let map = FixedStringMap(["Caf\u{E9}": 1, "Pod": 2])
        #expect(map["Cafe\u{301}"] == 1)
        #expect(map["Caf\u{E9}"] == 1)
        #expect(map["Cafe"] == nil)
        let decomposed = FixedStringMap(["Cafe\u{301}": 3])
        #expect(decomposed["Caf\u{E9}"] == 3)
        #expect(!decomposed.contains("Cafe"))
    }

    /// A thousand keys (the table grows past its first size) and a map with none.
    @Test func manyKeysAndNone() {
        let keys = (0..<1_000).map { "Kind\($0)" }
        let map = FixedStringMap(Dictionary(uniqueKeysWithValues: keys.map { ($0, $0.utf8.count) }))
        for key in keys { #expect(map[key] == key.utf8.count) }
        #expect(map["Kind1000"] == nil)
        #expect(map["Kind"] == nil)
        let empty = FixedStringMap<Void>([String]())
        #expect(!empty.contains(""))
        #expect(!empty.contains("Pod"))
    }
}
