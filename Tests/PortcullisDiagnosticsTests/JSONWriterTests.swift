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

    /// A string is scanned eight bytes at a time while none needs an escape: every byte below 0x80,
    /// at every place in strings of every length up to 24, with non-ASCII text around it, comes out
    /// as a byte-at-a-time escape writes it.
    @Test(arguments: [JSONWriter.Style.compact, .indented, .indentedLikeJSONEncoder])
    func everyByteAtEveryPlaceEscapesAsOneAtATime(_ style: JSONWriter.Style) {
        func escapedOneAtATime(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [UInt8(ascii: "\"")]
            for byte in bytes {
                switch byte {
                case 0x22: out += Array(#"\""#.utf8)
                case 0x5C: out += Array(#"\\"#.utf8)
                case 0x09: out += Array(#"\t"#.utf8)
                case 0x0A: out += Array(#"\n"#.utf8)
                case 0x0D: out += Array(#"\r"#.utf8)
                case 0x08 where style.shortFormFeedAndBackspace: out += Array(#"\b"#.utf8)
                case 0x0C where style.shortFormFeedAndBackspace: out += Array(#"\f"#.utf8)
                case 0x7F where !style.escapesDelete: out.append(byte)
                case 0..<0x20, 0x7F: out += Array(String(format: "\\u%04x", Int(byte)).utf8)
                default: out.append(byte)
                }
            }
            return out + [UInt8(ascii: "\"")]
        }
        let filler = Array("aé€b😀cdefghijklmnopqrstuvwxyz".utf8)
        for length in 1...24 {
            for place in 0..<length {
                for byte in UInt8(0)..<0x80 {
                    var text = Array(filler.prefix(length))
                    text[place] = byte
                    // A byte of a multi-byte character replaced: still bytes to escape as they are.
                    var json = JSONWriter(style: style)
                    text.withUnsafeBytes { json.append(stringUTF8: $0) }
                    #expect(json.bytes == escapedOneAtATime(text), "length \(length), byte \(byte) at \(place)")
                }
            }
        }
    }

    /// Integers as `description` writes them, with no `String` made.
    @Test func integersAreWrittenAsTheirDescription() {
        var values = [Int.min, Int.min + 1, Int.max, -1, -9, -10, 1_000_000, 9_999_999_999]
        values += Array(-12...120)
        var power = 1
        while power <= Int.max / 10 {
            power *= 10
            values += [power - 1, power, power + 1, -power]
        }
        for value in values {
            var json = JSONWriter()
            json.append(int: value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == value.description)
        }
    }

    /// Deep containers are indented past the writer's 64 ready spaces.
    @Test func deepNestingIsIndentedTwoSpacesALevel() {
        var json = JSONWriter(style: .indented)
        for _ in 0..<40 { json.beginArray() }
        json.append(int: 1)
        for _ in 0..<40 { json.endArray() }
        let lines = String(decoding: json.bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 81)
        for (number, line) in lines.enumerated() {
            let level = number <= 40 ? number : 80 - number
            #expect(line.prefix { $0 == " " }.count == 2 * level, "line \(number)")
        }
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
