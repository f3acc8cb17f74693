import ArgumentParser
import Foundation
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import PortcullisReport

/// `.portcullis.yaml`: the project's settings, found upward from the working directory (or given
/// with `--config`). The command line wins over it. Unknown keys are errors with line and column.
struct ProjectConfig {
    static let fileName = ".portcullis.yaml"

    var path: String { source.path }
    /// The file as read: reports show its lines (waivers, expired waivers).
    var source: SourceFile
    var policyPaths: [String] = []
    var enable: [String] = []
    var disable: [String] = []
    var only: [String]?
    var severities: [String: Severity] = [:]
    var parameters: [String: Literal] = [:]
    var excludes: [String] = []
    var waivers: [Waiver] = []
    var formats: [ReportFormat] = []
    var outputs: [ReportFormat: String] = [:]
    var failOn: Severity?

    static let keys: [String: String] = [
        "policies": "policy files or folders (default: the built-in policies)",
        "enable": "opt-in policies or packs to turn on", "disable": "policies or packs to turn off",
        "only": "run only these policies or packs", "severity": "severity overrides: POLICY: error|warning|info",
        "parameters": "policy parameters: NAME: value", "exclude": "path globs not to read",
        "waivers": "exceptions with policy, kind/namespace/name or path, reason, owner, expires",
        "format": "default report formats", "output": "report files by format: sarif: report.sarif",
        "fail-on": "error|warning|info",
    ]
    static let waiverKeys: Set<String> = ["policy", "kind", "namespace", "name", "path", "reason", "owner", "expires"]

    /// The nearest `.portcullis.yaml` from `start` upward (shown relative when it is in `start`).
    static func find(from start: String = FileManager.default.currentDirectoryPath) -> String? {
        guard let folder = FolderSearch.nearest(holding: fileName, from: start) else { return nil }
        return folder.path == URL(fileURLWithPath: start).standardizedFileURL.path ? fileName : folder.appendingPathComponent(fileName).path
    }

    /// Reads and checks the file; problems are diagnostics naming the file, line and column.
    static func load(_ path: String) -> (ProjectConfig?, [Diagnostic], SourceFile?) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [.error("config.unreadable", "cannot read the configuration file", path: path)], nil)
        }
        let source = SourceFile(path: path, bytes: Array(data))
        let (config, diagnostics) = check(source)
        return (config, diagnostics, source)
    }

    private static func check(_ source: SourceFile) -> (ProjectConfig?, [Diagnostic]) {
        let path = source.path
        let file = ManifestLoader().load(source)
        var diagnostics = file.diagnostics.filter { $0.severity == .error || $0.id.rawValue == "yaml.duplicate-key" }
        var config = ProjectConfig(source: source)
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        guard let root = file.resources.first?.root, root.kind == .mapping else {
            if file.resources.isEmpty && !source.bytes.contains(where: { $0 != 32 && $0 != 10 }) { return (config, []) }
            return (nil, [.error("config.not-a-mapping", "the configuration must be a mapping of settings (see `portcullis init`)", path: path)])
        }
        func error(_ id: DiagnosticID, _ message: String, _ node: PortcullisManifest.Node) {
            diagnostics.append(.error(id, message, path: path, at: node.span))
        }
        func strings(_ node: PortcullisManifest.Node, _ key: String) -> [String] {
            if node.kind == .scalar, let text = node.scalarText { return [text] }
            guard node.kind == .sequence else { error("config.invalid-value", "'\(key)' takes a list of text", node); return [] }
            return node.elements.compactMap { element in
                guard element.kind == .scalar, let text = element.scalarText else { error("config.invalid-value", "'\(key)' takes a list of text", element); return nil }
                return text
            }
        }
        func severity(_ node: PortcullisManifest.Node, _ key: String) -> Severity? {
            guard let text = node.scalarText, let value = Severity(rawValue: text) else {
                error("config.invalid-value", "'\(key)' takes error, warning or info", node)
                return nil
            }
            return value
        }
        for (keyNode, value) in root.entries {
            let key = keyNode.scalarText ?? ""
            switch key {
            case "policies": config.policyPaths = strings(value, key)
            case "enable": config.enable = strings(value, key)
            case "disable": config.disable = strings(value, key)
            case "only": config.only = strings(value, key)
            case "exclude": config.excludes = strings(value, key)
            case "fail-on": config.failOn = severity(value, key)
            case "severity":
                guard value.kind == .mapping else { error("config.invalid-value", "'severity' maps policy ids or packs to error, warning or info", value); continue }
                for (policy, level) in value.entries { config.severities[policy.scalarText ?? ""] = severity(level, "severity.\(policy.scalarText ?? "")") }
            case "parameters":
                guard value.kind == .mapping else { error("config.invalid-value", "'parameters' maps parameter names to values", value); continue }
                for (name, parameter) in value.entries { config.parameters[name.scalarText ?? ""] = Literal(parameter) }
            case "format":
                for name in strings(value, key) {
                    guard let format = ReportFormat(rawValue: name) else { error("config.invalid-value", "unknown format '\(name)' (formats: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))", value); continue }
                    config.formats.append(format)
                }
            case "output":
                guard value.kind == .mapping else { error("config.invalid-value", "'output' maps formats to files: sarif: portcullis.sarif", value); continue }
                for (name, target) in value.entries {
                    guard let format = ReportFormat(rawValue: name.scalarText ?? "") else { error("config.invalid-value", "unknown format '\(name.scalarText ?? "")'", name); continue }
                    config.outputs[format] = target.scalarText
                }
            case "waivers":
                guard value.kind == .sequence else { error("config.invalid-value", "'waivers' takes a list of waivers", value); continue }
                for entry in value.elements {
                    if let waiver = waiver(entry, path: path, error: error, strings: strings) { config.waivers.append(waiver) }
                }
            default:
                error("config.unknown-key", "unknown key '\(key)' (keys: \(keys.keys.sorted().joined(separator: ", ")))", keyNode)
            }
        }
        return (diagnostics.isEmpty ? config : nil, diagnostics)
    }

    private static func waiver(_ entry: PortcullisManifest.Node, path: String, error: (DiagnosticID, String, PortcullisManifest.Node) -> Void,
                               strings: (PortcullisManifest.Node, String) -> [String]) -> Waiver? {
        guard entry.kind == .mapping else { error("config.invalid-value", "a waiver is a mapping (policy, reason, owner, expires, and kind/namespace/name or path)", entry); return nil }
        var fields: [String: PortcullisManifest.Node] = [:]
        for (key, value) in entry.entries {
            let name = key.scalarText ?? ""
            guard waiverKeys.contains(name) else {
                error("config.unknown-key", "unknown waiver key '\(name)' (keys: \(waiverKeys.sorted().joined(separator: ", ")))", key)
                continue
            }
            fields[name] = value
        }
        var missing: [String] = []
        for required in ["policy", "reason", "owner", "expires"] where fields[required]?.scalarText.map({ !$0.isEmpty }) != true && fields[required]?.kind != .sequence {
            missing.append(required)
        }
        guard missing.isEmpty else {
            error("config.invalid-waiver", "the waiver lacks \(missing.joined(separator: ", ")): every waiver needs a policy, a reason, an owner and an expiry date", entry)
            return nil
        }
        let expires = fields["expires"]!.scalarText!
        guard expires.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else {
            error("config.invalid-waiver", "expires takes a date, YYYY-MM-DD", fields["expires"]!)
            return nil
        }
        return Waiver(policies: strings(fields["policy"]!, "policy"), kind: fields["kind"]?.scalarText, namespace: fields["namespace"]?.scalarText,
                      name: fields["name"]?.scalarText, paths: fields["path"].map { strings($0, "path") } ?? [],
                      reason: fields["reason"]!.scalarText!, owner: fields["owner"]!.scalarText!, expires: expires, origin: path, span: entry.span)
    }
}

/// `--config FILE` / `--no-config`, for the commands that read the configuration file.
struct ConfigOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The configuration file (default: the nearest \(ProjectConfig.fileName) upward from here).", valueName: "file"))
    var config: String?

    @Flag(help: "Ignore any configuration file.")
    var noConfig = false

    /// The configuration in effect, if any; its problems are printed and end the run (exit 2).
    func load(printer: DiagnosticPrinter) throws -> ProjectConfig? {
        guard !noConfig, let path = config ?? ProjectConfig.find() else { return nil }
        let (project, diagnostics, source) = ProjectConfig.load(path)
        guard let project else {
            var err = OutputStream.standardError
            for diagnostic in diagnostics { err.writeLine(printer.renderer.render(diagnostic, source: source)) }
            err.flush()
            throw ExitCode(2)
        }
        return project
    }
}
