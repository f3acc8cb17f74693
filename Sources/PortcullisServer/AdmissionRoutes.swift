import Foundation
import Hummingbird
import Logging
import NIOCore
import Portcullis

/// The endpoint's routes: `POST /validate` (AdmissionReview v1), `POST /v1/check` (a manifest in,
/// a report out), `/healthz`, `/readyz`, `/metrics`.
struct AdmissionRoutes: Sendable {
    let store: PolicyStore
    let metrics: ServerMetrics
    let options: ServerOptions
    let logger: Logger

    /// The paths metrics are labelled with; anything else counts as `other`.
    static let paths: Set<String> = ["/validate", "/v1/check", "/healthz", "/readyz", "/metrics"]

    func add(to router: Router<some RequestContext>) {
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.post("/validate") { request, _ in await validate(request) }
        router.post("/v1/check") { request, _ in await check(request) }
        router.get("/healthz") { _, _ in Self.text(.ok, "ok") }
        router.get("/readyz") { _, _ in ready() }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: metrics.render())))
        }
    }

    // MARK: /validate

    func validate(_ request: Request) async -> Response {
        let body: [UInt8]
        switch await Self.collect(request, limit: options.maxReviewBytes, what: "an AdmissionReview") {
        case .success(let bytes): body = bytes
        case .failure(let refusal): return refusal.response
        }
        let decoded: AdmissionReviewRequest.Request
        do throws(BadReview) {
            decoded = try AdmissionReviewRequest.decode(body, describingInvalidJSON: InvalidJSON.describe).request
        } catch {
            logger.warning("bad admission request", metadata: ["error": "\(error.message)"])
            return Self.text(.badRequest, error.message)
        }
        let decision = AdmissionDecider(snapshot: store.current, today: UTCDay.today()).decide(decoded, body: body)
        metrics.decided(decision)
        log(decision, decoded)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: decision.response.json)))
    }

    /// One line per decision: uid, kind, namespace, name, operation, outcome and the policies with
    /// findings (`id=deny|warn|audit|suppressed`).
    private func log(_ decision: AdmissionDecision, _ request: AdmissionReviewRequest.Request) {
        var metadata: Logger.Metadata = [
            "uid": "\(request.uid ?? "")", "kind": "\(request.kind?.kind ?? "")", "namespace": "\(request.namespace ?? "")",
            "name": "\(request.name ?? "")", "operation": "\(request.operation ?? "")", "outcome": "\(decision.outcome.rawValue)",
            "policies": "\(decision.policyActions.map { "\($0.policy)=\($0.action.rawValue)" }.joined(separator: ","))",
        ]
        if request.dryRun == true { metadata["dryRun"] = "true" }
        if let reason = decision.reason { metadata["reason"] = "\(reason)" }
        if !decision.audited.isEmpty { metadata["audit"] = "\(decision.audited.joined(separator: "; "))" }
        if decision.outcome == .failed {
            logger.error("admission decision", metadata: metadata)
        } else {
            logger.info("admission decision", metadata: metadata)
        }
    }

    // MARK: /v1/check

    /// The query parameters `/v1/check` takes, as `portcullis check`'s options.
    static let checkParameters = ["format", "only", "enable", "disable", "fail-on", "filename"]

    func check(_ request: Request) async -> Response {
        var formats: [String] = [], only: [String] = [], enable: [String] = [], disable: [String] = []
        var failOnText: String?, filename = "<request>"
        for (key, value) in request.uri.queryParameters {
            let values = value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            switch key {
            case "format": formats += values
            case "only": only += values
            case "enable": enable += values
            case "disable": disable += values
            case "fail-on": failOnText = String(value)
            case "filename": filename = String(value)
            default:
                return Self.text(.badRequest, "unknown query parameter '\(key)' (parameters: \(Self.checkParameters.joined(separator: ", ")))")
            }
        }
        guard formats.count <= 1 else { return Self.text(.badRequest, "give one format") }
        guard let format = ReportFormat(rawValue: formats.first ?? "json") else {
            return Self.text(.badRequest, "unknown format '\(formats[0])' (formats: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var failOn: Severity?
        if let failOnText {
            guard let severity = Severity(rawValue: failOnText) else { return Self.text(.badRequest, "fail-on takes error, warning or info") }
            failOn = severity
        }
        let body: [UInt8]
        switch await Self.collect(request, limit: options.maxCheckBytes, what: "a manifest") {
        case .success(let bytes): body = bytes
        case .failure(let refusal): return refusal.response
        }
        let snapshot = store.current
        let policies: PolicySet
        do throws(LoadFailure) {
            policies = try snapshot.checkPolicies(enable: enable, disable: disable, only: only.isEmpty ? nil : only)
        } catch {
            return Self.text(.badRequest, error.description)
        }
        var validation = ValidationOptions(configuration: snapshot.configuration)
        validation.today = UTCDay.today()
        let result = Validator(policies: policies, options: validation).validate(bytes: body, name: filename)
        let report = Report(format: format, rootPath: FileManager.default.currentDirectoryPath).render(result)
        // The exit status `portcullis check` would have: 0 pass, 1 findings at or above fail-on, 2 input errors.
        let exitCode = result.hasErrors ? 2 : result.hasFindings(atOrAbove: failOn ?? snapshot.configuration?.failOn ?? .error) ? 1 : 0
        let status: HTTPResponse.Status = exitCode == 2 ? .badRequest : exitCode == 1 ? .unprocessableContent : .ok
        var headers: HTTPFields = [.contentType: Self.contentType(format)]
        headers[.init("Portcullis-Exit-Code")!] = String(exitCode)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: report)))
    }

    private static func contentType(_ format: ReportFormat) -> String {
        switch format {
        case .json, .sarif: "application/json"
        case .junit: "application/xml"
        case .text, .github, .compact: "text/plain; charset=utf-8"
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        }
    }

    // MARK: /readyz

    /// 200 with the set in use (and the last refused reload, if any); the set is always there once
    /// the server listens.
    private func ready() -> Response {
        var text = store.current.summary + "\n"
        if let failure = store.lastFailure { text += "last reload refused (the set above keeps serving):\n" + failure + "\n" }
        return Self.text(.ok, text)
    }

    // MARK: Helpers

    static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: message.hasSuffix("\n") ? message : message + "\n")))
    }

    /// A request body the endpoint will not read.
    struct Refusal: Error {
        var response: Response
    }

    /// The body, up to `limit` bytes: 413 beyond it.
    static func collect(_ request: Request, limit: Int, what: String) async -> Result<[UInt8], Refusal> {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            return .failure(Refusal(response: text(.contentTooLarge, "the body (\(length) bytes) is larger than the \(limit) bytes accepted for \(what)")))
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return .success(Array(buffer.readableBytesView))
        } catch is NIOTooManyBytesError {
            return .failure(Refusal(response: text(.contentTooLarge, "the body is larger than the \(limit) bytes accepted for \(what)")))
        } catch {
            return .failure(Refusal(response: text(.badRequest, "cannot read the body: \(error)")))
        }
    }
}

/// Counts every request by path and status code, times it, and keeps the in-flight gauge.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = AdmissionRoutes.paths.contains(request.uri.path) ? request.uri.path : "other"
        metrics.requestStarted()
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.requestFinished(path: path, code: response.status.code, duration: ContinuousClock.now - started)
            return response
        } catch {
            let code = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.requestFinished(path: path, code: code, duration: ContinuousClock.now - started)
            throw error
        }
    }
}
