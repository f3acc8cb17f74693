import Foundation
import Prometheus
import Synchronization

/// The endpoint's metrics, in a Prometheus registry of its own (one per server: tests run several
/// servers in one process, and nothing is bootstrapped globally). `/metrics` renders it.
final class ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let inFlight: Prometheus.Gauge
    private let policiesLoaded: Prometheus.Gauge
    private let crossDocumentSkipped: Prometheus.Gauge
    private let lastReload: Prometheus.Gauge
    private let handles = Mutex(Handles())

    /// Latency buckets for sub-millisecond decisions, up to the API server's longest timeout.
    static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .microseconds(2_500_000), .seconds(5), .seconds(10),
    ]

    private struct Handles {
        var requests: [RequestKey: Prometheus.Counter] = [:]
        var latency: [String: DurationHistogram] = [:]
        var reviews: [String: Prometheus.Counter] = [:]
        var decisions: [DecisionKey: Prometheus.Counter] = [:]
        var reloads: [String: Prometheus.Counter] = [:]
        var certificateReloads: [String: Prometheus.Counter] = [:]
    }

    private struct RequestKey: Hashable { var path: String; var code: Int }
    private struct DecisionKey: Hashable { var policy: String; var outcome: String }

    init() {
        registry = PrometheusCollectorRegistry()
        inFlight = registry.makeGauge(descriptor: Self.name("http_requests_in_flight", "Requests being handled now."))
        policiesLoaded = registry.makeGauge(descriptor: Self.name("admission_policies", "Policies the admission endpoint evaluates."))
        crossDocumentSkipped = registry.makeGauge(descriptor: Self.name(
            "admission_cross_document_policies_skipped", "Policies not evaluated at admission: they look across documents, which one request cannot show."))
        lastReload = registry.makeGauge(descriptor: Self.name("policy_reload_last_success_timestamp_seconds", "When the policy set in use was loaded (Unix time)."))
    }

    private static func name(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "portcullis", metricName: name, unitName: "", helpText: help)
    }

    /// The Prometheus text exposition.
    func render() -> [UInt8] { registry.emitToBuffer() }

    // MARK: Recording

    func requestStarted() { inFlight.increment() }

    /// A finished HTTP request: counted by path and status code, timed by path.
    func requestFinished(path: String, code: Int, duration: Duration) {
        inFlight.decrement()
        let (counter, histogram) = handles.withLock { handles in
            let key = RequestKey(path: path, code: code)
            let counter = handles.requests[key] ?? {
                let made = registry.makeCounter(descriptor: Self.name("http_requests_total", "HTTP requests by path and status code."),
                                                labels: [("path", path), ("code", String(code))])
                handles.requests[key] = made
                return made
            }()
            let histogram = handles.latency[path] ?? {
                let made = registry.makeDurationHistogram(
                    descriptor: Self.name("http_request_duration_seconds", "Time from request to response, by path."),
                    labels: [("path", path)], buckets: Self.latencyBuckets)
                handles.latency[path] = made
                return made
            }()
            return (counter, histogram)
        }
        counter.increment()
        histogram.record(duration)
    }

    /// An admission decision: the request's outcome, and each policy with findings by what it did.
    func decided(_ decision: AdmissionDecision) {
        let outcome = decision.outcome.rawValue
        let policyCounters = handles.withLock { handles -> [Prometheus.Counter] in
            let review = handles.reviews[outcome] ?? {
                let made = registry.makeCounter(descriptor: Self.name("admission_reviews_total",
                                                                      "Admission reviews by outcome: allowed, warned, denied, exempt, skipped, failed."),
                                                labels: [("outcome", outcome)])
                handles.reviews[outcome] = made
                return made
            }()
            var counters = [review]
            for (policy, action) in decision.policyActions {
                let key = DecisionKey(policy: policy, outcome: action.rawValue)
                counters.append(handles.decisions[key] ?? {
                    let made = registry.makeCounter(descriptor: Self.name("admission_policy_decisions_total",
                                                                          "Policies with findings in admission reviews, by what they did: deny, warn, audit, suppressed."),
                                                    labels: [("policy", policy), ("outcome", action.rawValue)])
                    handles.decisions[key] = made
                    return made
                }())
            }
            return counters
        }
        for counter in policyCounters { counter.increment() }
    }

    /// A policy reload, successful or refused.
    func reloaded(success: Bool) {
        counter(\.reloads, success ? "success" : "failure", "policy_reloads_total", "Policy and configuration reloads by result.").increment()
    }

    /// A certificate reload, successful or refused.
    func certificateReloaded(success: Bool) {
        counter(\.certificateReloads, success ? "success" : "failure", "tls_certificate_reloads_total", "TLS certificate reloads by result.").increment()
    }

    /// The set in use: how many policies run at admission, how many are skipped there.
    func policySet(policies: Int, crossDocumentSkipped skipped: Int) {
        policiesLoaded.set(Int64(policies))
        crossDocumentSkipped.set(Int64(skipped))
        lastReload.set(Date().timeIntervalSince1970)
    }

    private func counter(_ table: WritableKeyPath<Handles, [String: Prometheus.Counter]>, _ result: String, _ name: String, _ help: String) -> Prometheus.Counter {
        handles.withLock { handles in
            if let existing = handles[keyPath: table][result] { return existing }
            let made = registry.makeCounter(descriptor: Self.name(name, help), labels: [("result", result)])
            handles[keyPath: table][result] = made
            return made
        }
    }
}
