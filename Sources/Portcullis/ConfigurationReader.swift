#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest

/// Reads `.portcullis.yaml` into a `Configuration`; every problem is a diagnostic naming the line
/// and column.
struct ConfigurationReader {
    static let keys: [String: String] = [
        "policies": "policy files or folders (default: the built-in policies)",
        "enable": "opt-in policies or packs to turn on", "disable": "policies or packs to turn off",
        "only": "run only these policies or packs", "severity": "severity overrides: POLICY: error|warning|info",
        "parameters": "policy parameters: NAME: value", "exclude": "path globs not to read",
        "waivers": "exceptions with policy, kind/namespace/name or path, reason, owner, expires",
        "format": "default report formats", "output": "report files by format: sarif: report.sarif",
        "fail-on": "error|warning|info",
        "admission": "the admission endpoint's modes, exemptions and limits (docs/admission.md)",
        "kustomize": "true: render kustomization roots (overlays) and check what they render",
    ]
    static let waiverKeys: Set<String> = ["policy", "kind", "namespace", "name", "path", "reason", "owner", "expires"]

    private let path: String
    private var diagnostics: [PortcullisDiagnostics.Diagnostic] = []

    private init(path: String) { self.path = path }

    static func read(_ source: SourceFile, folder: String) -> (Configuration?, [PortcullisDiagnostics.Diagnostic]) {
        let file = ManifestLoader().load(source)
        let problems = file.diagnostics.filter {
            $0.severity == .error || $0.id.rawValue == "yaml.duplicate-key" || $0.id == ManifestDiagnostic.sequenceDocument
        }
        var configuration = Configuration(source: source, folder: folder)
        guard problems.isEmpty else { return (nil, problems) }
        // An empty file (or one of comments only) sets nothing.
        if file.resources.isEmpty && file.diagnostics.isEmpty { return (configuration, []) }
        guard let root = file.resources.first?.root, root.kind == .mapping else {
            return (nil, [.error("config.not-a-mapping", "the configuration must be a mapping of settings (see `portcullis init`)", path: source.path)])
        }
        if file.resources.count > 1 {
            // One configuration per file: a second document would otherwise be ignored without a word.
            return (nil, [.error("config.multiple-documents", "the configuration is one YAML document; this second one would be ignored (merge it into the first)",
                                 path: source.path, at: file.resources[1].root.span)])
        }
        var reader = ConfigurationReader(path: source.path)
        // The file holds the arena `root` is in (a node does not) while the settings are read.
        withExtendedLifetime(file) { reader.fill(&configuration, from: root) }
        return (reader.diagnostics.isEmpty ? configuration : nil, reader.diagnostics)
    }

    mutating func error(_ id: DiagnosticID, _ message: String, _ node: PortcullisManifest.Node) {
        diagnostics.append(.error(id, message, path: path, at: node.span))
    }

    mutating func strings(_ node: PortcullisManifest.Node, _ key: String) -> [String] {
        if node.kind == .scalar, let text = node.scalarText { return [text] }
        guard node.kind == .sequence else { error("config.invalid-value", "'\(key)' takes a list of text", node); return [] }
        var result: [String] = []
        for element in node.elements {
            guard element.kind == .scalar, let text = element.scalarText else { error("config.invalid-value", "'\(key)' takes a list of text", element); continue }
            result.append(text)
        }
        return result
    }

    /// `strings`, remembering where each name is written (an unknown one is reported there).
    private mutating func names(_ node: PortcullisManifest.Node, _ key: String, into config: inout Configuration) -> [String] {
        let elements = node.kind == .sequence ? node.elements : [node]
        for element in elements {
            if let text = element.scalarText, config.nameOrigins[text] == nil { config.nameOrigins[text] = SourceRange(file: path, span: element.span) }
        }
        return strings(node, key)
    }

    private mutating func severity(_ node: PortcullisManifest.Node, _ key: String) -> Severity? {
        guard let text = node.scalarText, let value = Severity(rawValue: text) else {
            error("config.invalid-value", "'\(key)' takes error, warning or info", node)
            return nil
        }
        return value
    }

    private mutating func fill(_ config: inout Configuration, from root: PortcullisManifest.Node) {
        for (keyNode, value) in root.entries {
            let key = keyNode.scalarText ?? ""
            switch key {
            case "policies": config.policyPaths = strings(value, key).map { $0 == PolicySource.builtinName ? $0 : config.resolve($0) }
            case "enable": config.enable = names(value, key, into: &config)
            case "disable": config.disable = names(value, key, into: &config)
            case "only": config.only = names(value, key, into: &config)
            case "exclude": config.excludes = strings(value, key)
            case "fail-on": config.failOn = severity(value, key)
            case "kustomize":
                guard let flag = value.bool else { error("config.invalid-value", "'kustomize' takes true or false", value); continue }
                config.kustomize = flag
            case "severity":
                guard value.kind == .mapping else { error("config.invalid-value", "'severity' maps policy ids or packs to error, warning or info", value); continue }
                for (policy, level) in value.entries {
                    config.severities[policy.scalarText ?? ""] = severity(level, "severity.\(policy.scalarText ?? "")")
                    config.nameOrigins[policy.scalarText ?? ""] = SourceRange(file: path, span: policy.span)
                }
            case "parameters":
                guard value.kind == .mapping else { error("config.invalid-value", "'parameters' maps parameter names to values", value); continue }
                for (name, parameter) in value.entries {
                    config.parameters[name.scalarText ?? ""] = ParameterValue(Literal(parameter))
                    config.parameterOrigins[name.scalarText ?? ""] = SourceRange(file: path, span: parameter.span)
                }
            case "format":
                for name in strings(value, key) {
                    guard let format = ReportFormat(rawValue: name) else {
                        error("config.invalid-value", "unknown format '\(name)' (formats: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))", value)
                        continue
                    }
                    config.formats.append(format)
                }
            case "output":
                guard value.kind == .mapping else { error("config.invalid-value", "'output' maps formats to files: sarif: portcullis.sarif", value); continue }
                for (name, target) in value.entries {
                    guard let format = ReportFormat(rawValue: name.scalarText ?? "") else { error("config.invalid-value", "unknown format '\(name.scalarText ?? "")'", name); continue }
                    guard let file = target.scalarText, !file.isEmpty else { error("config.invalid-value", "'output.\(format.rawValue)' takes a file name", target); continue }
                    config.outputs[format] = file == "-" ? "-" : config.resolve(file)
                }
            case "admission": config.admission = admission(value)
            case "waivers":
                guard value.kind == .sequence else { error("config.invalid-value", "'waivers' takes a list of waivers", value); continue }
                for entry in value.elements {
                    if let waiver = waiver(entry, folder: config.folder) { config.waivers.append(waiver) }
                }
            default:
                error("config.unknown-key", "unknown key '\(key)' (keys: \(Self.keys.keys.sorted().joined(separator: ", ")))", keyNode)
            }
        }
    }

    private mutating func waiver(_ entry: PortcullisManifest.Node, folder: String) -> Waiver? {
        guard entry.kind == .mapping else {
            error("config.invalid-value", "a waiver is a mapping (policy, reason, owner, expires, and kind/namespace/name or path)", entry)
            return nil
        }
        var fields: [String: PortcullisManifest.Node] = [:]
        for (key, value) in entry.entries {
            let name = key.scalarText ?? ""
            guard Self.waiverKeys.contains(name) else {
                error("config.unknown-key", "unknown waiver key '\(name)' (keys: \(Self.waiverKeys.sorted().joined(separator: ", ")))", key)
                continue
            }
            fields[name] = value
        }
        let missing = ["policy", "reason", "owner", "expires"].filter { required in
            fields[required]?.scalarText.map({ !$0.isEmpty }) != true && fields[required]?.kind != .sequence
        }
        guard missing.isEmpty else {
            error("config.invalid-waiver", "the waiver lacks \(missing.joined(separator: ", ")): every waiver needs a policy, a reason, an owner and an expiry date", entry)
            return nil
        }
        let expires = fields["expires"]!.scalarText!
        guard Self.isCalendarDate(expires) else {
            error("config.invalid-waiver", "expires takes a date that exists, YYYY-MM-DD (not '\(expires)')", fields["expires"]!)
            return nil
        }
        var waiver = Waiver(policies: strings(fields["policy"]!, "policy"), kind: fields["kind"]?.scalarText, namespace: fields["namespace"]?.scalarText,
                      name: fields["name"]?.scalarText, paths: fields["path"].map { strings($0, "path") } ?? [],
                      reason: fields["reason"]!.scalarText!, owner: fields["owner"]!.scalarText!, expires: expires,
                      origin: SourceRange(file: path, span: entry.span), folder: folder)
        waiver.policyOrigin = SourceRange(file: path, span: fields["policy"]!.span)
        return waiver
    }

    /// `YYYY-MM-DD` naming a day of the Gregorian calendar (`2024-02-29` is one, `2023-02-29`,
    /// `2020-13-45` and `9999-99-99` are not).
    static func isCalendarDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), year >= 1, (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
