import Foundation
import Testing
@testable import Portcullis
@testable import PortcullisReport
import PortcullisDiagnostics

/// The library does without Foundation's `Foundation` module (the command line links
/// FoundationEssentials only); what it did with it, it does itself, with the same results.
@Suite struct FoundationFreeTests {
    /// `Validator.validate(object:)` takes what `JSONSerialization` makes (`NSNumber`, `NSNull`,
    /// boolean `NSNumber`s) as well as Swift's own values.
    @Test func objectsFromJSONSerializationAreWrittenAsTheJSONTheyCameFrom() throws {
        let text = #"{"a":1,"b":2.5,"c":true,"d":null,"e":"x\"y\n","f":[1,"y",false,-7],"g":{"h":false,"i":0},"j":1e+20}"#
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let written = try #require(JSONObjectEncoding.bytes(of: object))
        let reread = try JSONSerialization.jsonObject(with: Data(written)) as? NSDictionary
        #expect(reread == (object as? NSDictionary))
        #expect(String(decoding: written, as: UTF8.self).contains(#""c":true"#))
        #expect(String(decoding: written, as: UTF8.self).contains(#""d":null"#))
        #expect(String(decoding: written, as: UTF8.self).contains(#""a":1,"#))
    }

    /// Numbers keep their digits: past `Int.max`, decimals, whole doubles as integers, floats as floats.
    @Test func numbersFromJSONSerializationKeepTheirDigits() throws {
        let text = #"{"big":18446744073709551615,"decimal":0.30000000000000004,"huge":12345678901234567890123,"whole":2.0,"e":1e+20}"#
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let written = String(decoding: try #require(JSONObjectEncoding.bytes(of: object)), as: UTF8.self)
        let reread = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? NSDictionary)
        #expect(reread == (object as? NSDictionary), "\(written)")
        #expect(written.contains(#""big":18446744073709551615"#), "\(written)")
        #expect(written.contains(#""huge":12345678901234567890123"#), "\(written)")
        #expect(written.contains(#""whole":2"#) && !written.contains("2.0"), "\(written)")
        let swift = String(decoding: try #require(JSONObjectEncoding.bytes(of: ["f": Float(0.1), "d": 2.0, "n": -0.5])), as: UTF8.self)
        #expect(swift == #"{"d":2,"f":0.1,"n":-0.5}"#)
    }

    @Test func swiftValuesAreWrittenAndOthersRefused() throws {
        let object: [String: Any] = ["flag": true, "count": 3, "small": Int8(-2), "ratio": 0.5, "float": Float(1.5),
                                     "none": Optional<Int>.none as Any, "list": [1, "two"], "text": "é"]
        let written = String(decoding: try #require(JSONObjectEncoding.bytes(of: object)), as: UTF8.self)
        #expect(written == #"{"count":3,"flag":true,"float":1.5,"list":[1,"two"],"none":null,"ratio":0.5,"small":-2,"text":"é"}"#)
        #expect(JSONObjectEncoding.bytes(of: [Date()]) == nil)
        #expect(JSONObjectEncoding.bytes(of: ["x": Double.nan]) == nil)
        #expect(JSONObjectEncoding.bytes(of: [1: "not a string key"]) == nil)
    }

    /// Waivers expire by the UTC date, computed from the clock by arithmetic.
    @Test func civilDatesFromDaysSince1970() {
        for (days, date) in [(0, "1970-01-01"), (11_016, "2000-02-29"), (20_792, "2026-12-05"), (-1, "1969-12-31"),
                             (47_541, "2100-03-01"), (-135_140, "1600-01-01")] {
            #expect(CivilDate.string(daysSince1970: days) == date)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let before = formatter.string(from: Date())
        let today = CivilDate.todayUTC()
        #expect(today == before || today == formatter.string(from: Date()))
    }

    /// Names and extensions of paths, as `NSString` gives them.
    @Test func lastNamesAndExtensionsMatchNSString() {
        for path in ["/a/b/c.yaml", "a/b/", "/", "//", "///", "//a", "", "c", "a//", "/a/.hidden", "x/file.", "x/archive.tar.gz", "/é/ü.yml", "a.b/c"] {
            #expect(PathResolution.lastName(of: path) == (path as NSString).lastPathComponent, "\(path)")
            #expect(PathResolution.nameExtension(of: path) == (path as NSString).pathExtension, "\(path)")
        }
    }

    /// SARIF artifact locations are percent-encoded as Foundation's `addingPercentEncoding` does it
    /// with `CharacterSet.alphanumerics` and `-._~/!$&'()*+,;=:@` allowed (on Linux: ASCII ones only).
    @Test func sarifLocationsAreEncodedAsFoundationDoes() {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/!$&'()*+,;=:@")
        for path in ["manifests/app.yaml", "with space/x#y?z%.yaml", "é/日本/ü.yaml", "a\u{301}/e\u{20AC}", "tab\there", "😀/[x]{y}", "٣/x"] {
            #expect(ArtifactLocator.encode(path) == path.addingPercentEncoding(withAllowedCharacters: allowed), "\(path)")
        }
    }
}
