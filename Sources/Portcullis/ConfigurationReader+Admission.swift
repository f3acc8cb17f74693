import PortcullisManifest

/// The `admission:` section (docs/admission.md): unknown keys and bad values are errors at their
/// line and column, like the rest of the file.
extension ConfigurationReader {
    static let admissionKeys: [String: String] = [
        "modes": "enforce|warn|audit by policy id or pack", "exempt": "namespaces, users, groups (globs)",
        "check-delete": "true: a DELETE checks oldObject", "subresources": "true: check requests on subresources",
        "failure-policy": "fail|ignore when a request cannot be evaluated", "timeout-ms": "evaluation deadline per request",
    ]
    static let exemptKeys: Set<String> = ["namespaces", "users", "groups"]

    mutating func admission(_ node: PortcullisManifest.Node) -> AdmissionSettings {
        var settings = AdmissionSettings()
        guard node.kind == .mapping else {
            error("config.invalid-value", "'admission' is a mapping: modes, exempt, check-delete, subresources, failure-policy, timeout-ms", node)
            return settings
        }
        for (keyNode, value) in node.entries {
            let key = keyNode.scalarText ?? ""
            switch key {
            case "modes":
                guard value.kind == .mapping else { error("config.invalid-value", "'admission.modes' maps policy ids or packs to enforce, warn or audit", value); continue }
                for (policy, mode) in value.entries {
                    guard let text = mode.scalarText, let parsed = AdmissionMode(rawValue: text) else {
                        error("config.invalid-value", "'admission.modes.\(policy.scalarText ?? "")' takes enforce, warn or audit", mode)
                        continue
                    }
                    settings.modes[policy.scalarText ?? ""] = parsed
                }
            case "exempt":
                guard value.kind == .mapping else { error("config.invalid-value", "'admission.exempt' is a mapping: namespaces, users, groups", value); continue }
                for (kindNode, list) in value.entries {
                    switch kindNode.scalarText ?? "" {
                    case "namespaces": settings.exemptNamespaces = strings(list, "admission.exempt.namespaces")
                    case "users": settings.exemptUsers = strings(list, "admission.exempt.users")
                    case "groups": settings.exemptGroups = strings(list, "admission.exempt.groups")
                    default:
                        error("config.unknown-key", "unknown key 'admission.exempt.\(kindNode.scalarText ?? "")' (keys: \(Self.exemptKeys.sorted().joined(separator: ", ")))", kindNode)
                    }
                }
            case "check-delete": settings.checkDelete = flag(value, "admission.check-delete") ?? settings.checkDelete
            case "subresources": settings.subresources = flag(value, "admission.subresources") ?? settings.subresources
            case "failure-policy":
                guard let text = value.scalarText, let policy = AdmissionFailurePolicy(rawValue: text) else {
                    error("config.invalid-value", "'admission.failure-policy' takes fail or ignore", value)
                    continue
                }
                settings.failurePolicy = policy
            case "timeout-ms":
                guard value.kind == .scalar, let milliseconds = value.int, milliseconds > 0, milliseconds <= 30_000 else {
                    error("config.invalid-value", "'admission.timeout-ms' takes a number of milliseconds, 1 to 30000", value)
                    continue
                }
                settings.timeoutMilliseconds = Int(milliseconds)
            default:
                error("config.unknown-key", "unknown key 'admission.\(key)' (keys: \(Self.admissionKeys.keys.sorted().joined(separator: ", ")))", keyNode)
            }
        }
        return settings
    }

    private mutating func flag(_ node: PortcullisManifest.Node, _ key: String) -> Bool? {
        guard node.kind == .scalar, let value = node.bool else {
            error("config.invalid-value", "'\(key)' takes true or false", node)
            return nil
        }
        return value
    }
}
