import PortcullisDiagnostics

/// What tallies read of a finding (`FindingList.forEachGlance`), read where the finding is held:
/// outside this module, a finding read through a buffer, a pointer or a closure's argument is
/// copied first, and a copy costs a reference count for each of its shared parts.
package struct FindingGlance {
    /// Its `deny` block's shared part, by identity (`Finding.ruleIdentity`).
    package let rule: ObjectIdentifier
    /// Its resource's shared part, by identity (`Finding.resourceIdentity`).
    package let resource: ObjectIdentifier
    /// Its severity (its rule's).
    package let severity: Severity
    /// Whether a suppression covers it (`Finding.isSuppressed`).
    package let isSuppressed: Bool
}

extension FindingList.Part {
    /// Suppressed findings: held ones counted in place, a packed part's as counted when it was packed.
    package var suppressedCount: Int {
        switch self {
        case .findings(let findings):
            findings.withUnsafeBufferPointer { buffer in
                var total = 0
                for index in buffer.indices where buffer[index].isSuppressed { total += 1 }
                return total
            }
        case .packed(let packed): packed.suppressedCount
        }
    }

    /// Active findings of `severity`: held ones counted in place, a packed part's as counted when it was packed.
    package func activeCount(_ severity: Severity) -> Int {
        switch self {
        case .findings(let findings):
            findings.withUnsafeBufferPointer { buffer in
                var total = 0
                for index in buffer.indices where !buffer[index].isSuppressed && buffer[index].severity == severity { total += 1 }
                return total
            }
        case .packed(let packed): packed.activeCount(severity)
        }
    }
}

extension FindingList {
    /// Calls `body` for each finding in order with a glance at it, and its policy id and path when
    /// `body` asks for them. A packed part is unpacked for the call; identities are compared
    /// within one part only (its findings are made and freed with it).
    package func forEachGlance(_ body: (_ part: Int, FindingGlance, _ policyID: () -> String, _ path: () -> String) -> Void) {
        for (number, part) in parts.enumerated() {
            part.findings.withUnsafeBufferPointer { buffer in
                for index in buffer.indices {
                    let glance = FindingGlance(rule: buffer[index].ruleIdentity, resource: buffer[index].resourceIdentity,
                                               severity: buffer[index].severity, isSuppressed: buffer[index].isSuppressed)
                    body(number, glance, { buffer[index].policyID }, { buffer[index].path })
                }
            }
        }
    }
}
