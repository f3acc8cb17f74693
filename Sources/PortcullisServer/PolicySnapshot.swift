import Foundation
import Portcullis
import Synchronization

/// Everything one request needs, loaded together and never changed: the configuration, the
/// compiled policies (for admission without the cross-document ones, for `/v1/check` all of them),
/// each policy's admission mode. A reload builds a new snapshot and swaps it in whole, so no
/// request sees half a policy set.
final class PolicySnapshot: Sendable {
    /// 1 for the set loaded at start, then one more per successful reload.
    let generation: Int
    let configuration: Configuration?
    let settings: AdmissionSettings
    /// The admission set: cross-document policies disabled (one request cannot show the cluster).
    let admissionPolicies: PolicySet
    /// Every policy the configuration selects, as `portcullis check` runs them.
    let checkPolicies: PolicySet
    /// The options `checkPolicies` was compiled with (`/v1/check` adds its query's selection).
    let policyOptions: PolicyOptions
    let sources: [PolicySource]
    /// The admission mode of each policy of the admission set, by id.
    let modes: [String: AdmissionMode]
    /// Cross-document policies left out at admission, by id.
    let skippedCrossDocument: [String]
    /// The files it was read from, as they were just before reading.
    let fingerprint: FileFingerprint
    /// Warnings worth a log line (compiler warnings, modes naming no policy).
    let warnings: [String]
    /// `/v1/check` sets compiled for a query's selection, kept for the snapshot's life.
    let checkSets = Mutex<[PolicyOptions: PolicySet]>([:])

    private init(generation: Int, configuration: Configuration?, admissionPolicies: PolicySet, checkPolicies: PolicySet, policyOptions: PolicyOptions,
                 sources: [PolicySource], skippedCrossDocument: [String], fingerprint: FileFingerprint, warnings: [String]) {
        self.generation = generation
        self.configuration = configuration
        settings = configuration?.admission ?? AdmissionSettings()
        self.admissionPolicies = admissionPolicies
        self.checkPolicies = checkPolicies
        self.policyOptions = policyOptions
        self.sources = sources
        self.skippedCrossDocument = skippedCrossDocument
        self.fingerprint = fingerprint
        self.warnings = warnings
        let settings = self.settings
        modes = Dictionary(admissionPolicies.policies.map { ($0.id, settings.mode(for: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads the configuration and compiles the policies. A problem is a `LoadFailure` holding
    /// every diagnostic; the caller keeps the set it has.
    static func load(_ options: ServerOptions, generation: Int) throws(LoadFailure) -> PolicySnapshot {
        // Each file is looked at before it is read: a change while reading shows at the next look.
        var fingerprint = FileFingerprint(options.configurationPath.map { [$0] } ?? [])
        var configuration: Configuration?
        if let path = options.configurationPath {
            do throws(ConfigurationError) {
                configuration = try Configuration.load(path)
            } catch {
                throw LoadFailure(error.diagnostics.map(\.description))
            }
        }
        let paths = options.policyPaths.isEmpty ? configuration?.policyPaths ?? [] : options.policyPaths
        fingerprint.add(paths)
        let sources = PolicySource.sources(paths)
        var policyOptions = configuration?.policyOptions ?? PolicyOptions()
        policyOptions.enable += options.enable
        policyOptions.disable += options.disable
        policyOptions.parameterTexts = options.parameterTexts

        let compilation = PolicySet.compile(sources, options: policyOptions)
        guard let checkPolicies = compilation.policySet else {
            throw LoadFailure(compilation.diagnostics.filter { $0.severity == .error }.map(\.description))
        }
        var warnings = compilation.diagnostics.map(\.description)
        let crossDocument = checkPolicies.policies.filter(\.looksAcrossDocuments).map(\.id)
        var admissionPolicies = checkPolicies
        if !crossDocument.isEmpty {
            var admissionOptions = policyOptions
            admissionOptions.disable += crossDocument
            let admission = PolicySet.compile(sources, options: admissionOptions)
            guard let set = admission.policySet else {
                throw LoadFailure(admission.diagnostics.filter { $0.severity == .error }.map(\.description))
            }
            admissionPolicies = set
        }
        let settings = configuration?.admission ?? AdmissionSettings()
        let unknown = settings.unknownModeNames(among: checkPolicies.policies.map(\.id))
        if !unknown.isEmpty {
            warnings.append("admission.modes: \(unknown.map { "'\($0)'" }.joined(separator: ", ")) names no policy or pack that runs")
        }
        return PolicySnapshot(generation: generation, configuration: configuration, admissionPolicies: admissionPolicies,
                              checkPolicies: checkPolicies, policyOptions: policyOptions, sources: sources,
                              skippedCrossDocument: crossDocument, fingerprint: fingerprint, warnings: warnings)
    }

    /// One line for the log and `/readyz`: what runs at admission and what does not.
    var summary: String {
        var line = "policy set \(generation): \(admissionPolicies.policies.count) policies at admission"
        if !skippedCrossDocument.isEmpty {
            line += "; \(skippedCrossDocument.count) cross-document policies skipped there (one request cannot show the rest of the cluster): "
                + skippedCrossDocument.joined(separator: ", ")
        }
        return line
    }

    /// The policy set for a `/v1/check` query's selection (compiled once per snapshot and selection).
    func checkPolicies(enable: [String], disable: [String], only: [String]?) throws(LoadFailure) -> PolicySet {
        if enable.isEmpty && disable.isEmpty && only == nil { return checkPolicies }
        var options = policyOptions
        options.enable += enable
        options.disable += disable
        if let only { options.only = only }
        if let cached = checkSets.withLock({ $0[options] }) { return cached }
        let compilation = PolicySet.compile(sources, options: options)
        guard let set = compilation.policySet else {
            throw LoadFailure(compilation.diagnostics.filter { $0.severity == .error }.map(\.description))
        }
        checkSets.withLock { sets in
            if sets.count >= 32 { sets.removeAll() }
            sets[options] = set
        }
        return set
    }
}

/// Policies or configuration that cannot be used: every error, one per line.
struct LoadFailure: Error, Sendable, CustomStringConvertible {
    var problems: [String]
    init(_ problems: [String]) { self.problems = problems }
    var description: String { problems.joined(separator: "\n") }
}
