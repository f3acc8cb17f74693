#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics

/// The parts of an `admission.k8s.io/v1` AdmissionReview request the endpoint reads. The object
/// itself is not decoded here: the library reads it from the same bytes (`Validator.validate(bytes:)`
/// evaluates `request.object` with the request's operation), so the body is parsed for its
/// envelope and evaluated once.
package struct AdmissionReviewRequest: Decodable, Sendable {
    package static let apiVersion = "admission.k8s.io/v1"

    package var apiVersion: String?
    package var kind: String?
    package var request: Request?

    package struct Request: Decodable, Sendable {
        package var uid: String?
        package var kind: GroupVersionKind?
        package var subResource: String?
        package var name: String?
        package var namespace: String?
        package var operation: String?
        package var userInfo: UserInfo?
        package var dryRun: Bool?
        package var object: Presence?
        package var oldObject: Presence?
    }

    package struct GroupVersionKind: Decodable, Sendable {
        package var group: String?
        package var version: String?
        package var kind: String?
    }

    package struct UserInfo: Decodable, Sendable {
        package var username: String?
        package var groups: [String]?
    }

    /// Whether a field holds a value (not `null`), without decoding it.
    package struct Presence: Decodable, Sendable {
        package var isPresent: Bool
        package init(from decoder: any Decoder) throws {
            isPresent = try !decoder.singleValueContainer().decodeNil()
        }
    }

    /// Decodes the envelope; a body that is not JSON, or not an AdmissionReview v1, is a
    /// `BadReview` with a message for the caller.
    /// `describingInvalidJSON` says where a body that is not JSON goes wrong (the server's JSON
    /// parser does; the library has none of its own that says it as JSON parsers do).
    package static func decode(_ bytes: [UInt8], describingInvalidJSON: ([UInt8]) -> String? = { _ in nil })
        throws(BadReview) -> (review: AdmissionReviewRequest, request: Request) {
        let review: AdmissionReviewRequest
        do {
            review = try JSONDecoder().decode(AdmissionReviewRequest.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw BadReview(Self.describe(error, bytes: bytes, describingInvalidJSON: describingInvalidJSON))
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

    private static func describe(_ error: DecodingError, bytes: [UInt8], describingInvalidJSON: ([UInt8]) -> String?) -> String {
        switch error {
        case .dataCorrupted(let context):
            if bytes.isEmpty { return "the body is empty: expected an AdmissionReview (JSON)" }
            // JSONDecoder says only that the data is not JSON; the caller's parser may say where.
            let detail = describingInvalidJSON(bytes) ?? context.debugDescription
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
package struct BadReview: Error, Sendable {
    package var message: String
    package init(_ message: String) { self.message = message }
}

/// The AdmissionReview the endpoint answers with, written with the package's JSON writer: a
/// handful of fields, no encoder to set up per request.
package struct AdmissionReviewResponse: Sendable {
    package var uid: String
    package var allowed: Bool
    /// `status.code` and `status.message`, for denials.
    package var status: (code: Int, message: String)?
    package var warnings: [String] = []

    package init(uid: String, allowed: Bool) {
        self.uid = uid
        self.allowed = allowed
    }

    package var json: [UInt8] {
        var out = JSONWriter(style: .compact, capacity: 512)
        out.beginObject()
        out.member("apiVersion", AdmissionReviewRequest.apiVersion)
        out.member("kind", "AdmissionReview")
        out.key("response")
        out.beginObject()
        out.member("uid", uid)
        out.key("allowed")
        out.append(bool: allowed)
        if let status {
            out.key("status")
            out.beginObject()
            out.key("code")
            out.append(int: status.code)
            out.member("message", status.message)
            out.endObject()
        }
        if !warnings.isEmpty {
            out.key("warnings")
            out.beginArray()
            for warning in warnings { out.append(string: warning) }
            out.endArray()
        }
        out.endObject()
        out.endObject()
        out.append(raw: "\n")
        return out.bytes
    }
}
