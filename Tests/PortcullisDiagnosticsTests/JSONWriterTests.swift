import Foundation
import Testing
import PortcullisDiagnostics

@Suite struct JSONWriterTests {
    /// Every byte below 0x80, `/`, non-ASCII text and U+2028.
    static let awkward: String = {
        var text = ""
        for byte in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
        return text + "/é€😀\u{2028}"
    }()

    struct Sample: Encodable {
        var empty: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[String]] = [[], ["a/b", JSONWriterTests.awkward]]
        var number = -42
        var object = ["b": 1, "a": 2]
        var optional: String? = nil
        var yes = true
    }

    func write(_ sample: Sample, _ style: JSONWriter.Style) -> String {
        var json = JSONWriter(style: style)
        json.beginObject()
        json.key("empty"); json.beginArray(); json.endArray()
        json.key("emptyObject"); json.beginObject(); json.endObject()
        json.key("nested")
        json.beginArray()
        for strings in sample.nested {
            json.beginArray()
            for string in strings { json.append(string: string) }
            json.endArray()
        }
        json.endArray()
        json.member("number", sample.number)
        json.key("object")
        json.beginObject()
        for (key, value) in sample.object.sorted(by: { $0.key < $1.key }) { json.member(key, value) }
        json.endObject()
        json.member("optional", sample.optional)
        json.key("yes"); json.append(bool: sample.yes)
        json.endObject()
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// The JSON report and baselines were written by `JSONEncoder`; their style keeps its bytes.
    @Test func encoderStyleMatchesJSONEncoderByteForByte() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(Sample()), as: UTF8.self)
        #expect(write(Sample(), .indentedLikeJSONEncoder) == expected)
    }

    @Test func indentedStyleWritesEmptyContainersShort() {
        var json = JSONWriter(style: .indented)
        json.beginObject()
        json.key("a"); json.beginArray(); json.endArray()
        json.key("b"); json.beginArray(); json.append(int: 1); json.beginObject(); json.endObject(); json.endArray()
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "{\n  \"a\" : [],\n  \"b\" : [\n    1,\n    {}\n  ]\n}")
    }

    @Test func compactStyle() {
        var json = JSONWriter()
        json.beginObject()
        json.key("k"); json.beginArray(); json.append(string: "x"); json.appendNull(); json.append(bool: false); json.endArray()
        json.key("e"); json.beginObject(); json.endObject()
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"{"k":["x",null,false],"e":{}}"#)
    }

    /// One escape table; the styles differ only in backspace, form feed and DEL.
    @Test(arguments: [
        (JSONWriter.Style.compact, #""\u0008\u000c\u007f\t\n\r\"\\\u0001\u001f/é""#),
        (JSONWriter.Style.indented, "\"\\u0008\\u000c\u{7F}\\t\\n\\r\\\"\\\\\\u0001\\u001f/é\""),
        (JSONWriter.Style.indentedLikeJSONEncoder, "\"\\b\\f\u{7F}\\t\\n\\r\\\"\\\\\\u0001\\u001f/é\""),
    ])
    func escapes(_ style: JSONWriter.Style, _ expected: String) {
        var json = JSONWriter(style: style)
        json.append(string: "\u{8}\u{C}\u{7F}\t\n\r\"\\\u{1}\u{1F}/é")
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
    }
}
