import Foundation

/// The parts of an `admission.k8s.io/v1` AdmissionReview request the endpoint reads. The object
/// itself is not decoded here: the library reads it from the same bytes (`Validator.validate(bytes:)`
/// evaluates `request.object` with the request's operation), so the body is parsed for its
/// envelope and evaluated once.
struct AdmissionReviewRequest: Decodable, Sendable {
    static let apiVersion = "admission.k8s.io/v1"

    var apiVersion: String?
    var kind: String?
    var request: Request?

    struct Request: Decodable, Sendable {
        var uid: String?
        var kind: GroupVersionKind?
        var subResource: String?
        var name: String?
        var namespace: String?
        var operation: String?
        var userInfo: UserInfo?
        var dryRun: Bool?
        var object: Presence?
        var oldObject: Presence?
    }

    struct GroupVersionKind: Decodable, Sendable {
        var group: String?
        var version: String?
        var kind: String?
    }

    struct UserInfo: Decodable, Sendable {
        var username: String?
        var groups: [String]?
    }

    /// Whether a field holds a value (not `null`), without decoding it.
    struct Presence: Decodable, Sendable {
        var isPresent: Bool
        init(from decoder: any Decoder) throws {
            isPresent = try !decoder.singleValueContainer().decodeNil()
        }
    }

    /// Decodes the envelope; a body that is not JSON, or not an AdmissionReview v1, is a
    /// `BadReview` with a message for the caller.
    static func decode(_ bytes: [UInt8]) throws(BadReview) -> (review: AdmissionReviewRequest, request: Request) {
        let review: AdmissionReviewRequest
        do {
            review = try JSONDecoder().decode(AdmissionReviewRequest.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw BadReview(Self.describe(error, bytes: bytes))
        } catch {
            throw BadReview("the body is not JSON: \(error)")
        }
        guard review.kind == "AdmissionReview" else {
            throw BadReview("expected an AdmissionReview (apiVersion \(apiVersion)), got kind \(review.kind.map { "'\($0)'" } ?? "none")")
        }
        guard review.apiVersion == apiVersion else {
            throw BadReview("AdmissionReview apiVersion \(review.apiVersion.map { "'\($0)'" } ?? "missing") is not supported: "
                + "only \(apiVersion) is (set admissionReviewVersions: [v1] in the webhook configuration)")
        }
        guard let request = review.request else { throw BadReview("the AdmissionReview has no request") }
        guard let uid = request.uid, !uid.isEmpty else { throw BadReview("the AdmissionReview request has no uid") }
        guard request.operation?.isEmpty == false else { throw BadReview("the AdmissionReview request has no operation") }
        return (review, request)
    }

    private static func describe(_ error: DecodingError, bytes: [UInt8]) -> String {
        switch error {
        case .dataCorrupted(let context):
            if bytes.isEmpty { return "the body is empty: expected an AdmissionReview (JSON)" }
            // JSONDecoder says only that the data is not JSON; JSONSerialization says where.
            var detail = context.debugDescription
            do {
                _ = try JSONSerialization.jsonObject(with: Data(bytes))
            } catch {
                if let described = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String { detail = described }
            }
            return "the body is not valid JSON (\(bytes.count) bytes): \(detail)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "not an AdmissionReview: \(path.isEmpty ? "the body" : path): \(context.debugDescription)"
        @unknown default:
            return "not an AdmissionReview: \(error)"
        }
    }
}

/// A body the endpoint cannot read as an AdmissionReview v1: answered 400 with `message`.
struct BadReview: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// The AdmissionReview the endpoint answers with, written by hand: a handful of fields, no
/// encoder to set up per request.
struct AdmissionReviewResponse: Sendable {
    var uid: String
    var allowed: Bool
    /// `status.code` and `status.message`, for denials.
    var status: (code: Int, message: String)?
    var warnings: [String] = []

    var json: [UInt8] {
        var out = JSONText()
        out.raw(#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"#)
        out.string(uid)
        out.raw(allowed ? #","allowed":true"# : #","allowed":false"#)
        if let status {
            out.raw(#","status":{"code":"#)
            out.raw(String(status.code))
            out.raw(#","message":"#)
            out.string(status.message)
            out.raw("}")
        }
        if !warnings.isEmpty {
            out.raw(#","warnings":["#)
            for (index, warning) in warnings.enumerated() {
                if index > 0 { out.raw(",") }
                out.string(warning)
            }
            out.raw("]")
        }
        out.raw("}}\n")
        return out.bytes
    }
}

/// JSON text built byte by byte.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(512) }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A JSON string: quotes, backslashes and control characters escaped.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
