import Foundation
import PortcullisDiagnostics
import PortcullisEngine

/// SARIF 2.1.0 as GitHub code scanning reads it: `tool.driver.rules` for the policies that ran,
/// one result per finding with a physical location relative to the repository root, the resource as
/// a logical location, a fingerprint stable across unrelated edits, and `suppressions` for
/// suppressed findings. Input problems are tool execution notifications.
public struct SARIFReporter: Reporter {
    public static let fingerprintKey = "portcullisFindingKey/v1"
    static let rootBase = "%SRCROOT%"

    public init() {}

    public func render(_ report: RunReport) -> String {
        var rules = report.rules
        // Findings of the tool itself (an expired waiver) get a rule too, so every result has one.
        for id in Set(report.findings.map(\.policyID)).subtracting(rules.map(\.id)).sorted() {
            guard let finding = report.findings.first(where: { $0.policyID == id }) else { continue }
            rules.append(PolicyInfo(id: id, title: id == Suppressor.expiredWaiverPolicy ? "A waiver in the configuration has expired" : id,
                                    description: finding.help, severity: finding.severity, tags: ["portcullis"], help: finding.help,
                                    helpURL: Tool.informationURI + "#waivers", remediation: nil, path: "", span: finding.span,
                                    examples: [], enabledByDefault: true))
        }
        rules.sort { $0.id < $1.id }
        let ruleIndex = Dictionary(rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let locator = ArtifactLocator(rootPath: report.rootPath)
        var results: [[String: Any]] = []
        for finding in report.findings {
            var result: [String: Any] = [
                "ruleId": finding.policyID,
                "level": Self.level(finding.severity),
                "message": ["text": finding.message],
                "locations": [[
                    "physicalLocation": [
                        "artifactLocation": locator.location(finding.path),
                        "region": [
                            "startLine": finding.span.start.line, "startColumn": finding.span.start.column,
                            "endLine": max(finding.span.end.line, finding.span.start.line),
                            "endColumn": max(finding.span.end.column, 1),
                        ],
                    ],
                    "logicalLocations": [Self.logicalLocation(finding)],
                ]],
                "partialFingerprints": [Self.fingerprintKey: FindingKey(finding).hash],
            ]
            if let index = ruleIndex[finding.policyID] { result["ruleIndex"] = index }
            if let suppression = finding.suppression {
                result["suppressions"] = [[
                    "kind": suppression.kind.rawValue, "status": "accepted",
                    "justification": "\(suppression.justification) (\(suppression.origin))",
                ]]
            }
            results.append(result)
        }
        var notifications: [[String: Any]] = []
        for diagnostic in report.diagnostics {
            var notification: [String: Any] = [
                "level": Self.level(diagnostic.severity),
                "message": ["text": diagnostic.message],
                "descriptor": ["id": diagnostic.id.rawValue],
            ]
            if let path = diagnostic.path {
                var physical: [String: Any] = ["artifactLocation": locator.location(path)]
                if let span = diagnostic.span, span.start.line >= 1 {
                    physical["region"] = ["startLine": span.start.line, "startColumn": max(span.start.column, 1)]
                }
                notification["locations"] = [["physicalLocation": physical]]
            }
            notifications.append(notification)
        }
        var run: [String: Any] = [
            "tool": ["driver": [
                "name": Tool.name, "version": Tool.version, "semanticVersion": Tool.version,
                "informationUri": Tool.informationURI,
                "rules": rules.map(Self.rule),
            ]],
            "results": results,
            "invocations": [["executionSuccessful": true, "toolExecutionNotifications": notifications]],
            "columnKind": "unicodeCodePoints",
        ]
        if let base = locator.rootURI { run["originalUriBaseIds"] = [Self.rootBase: ["uri": base]] }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        return Self.json(log).text
    }

    /// The dictionaries above as a JSON value (strings, integers, booleans, arrays, objects).
    static func json(_ value: Any) -> JSONValue {
        switch value {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .int(number)
        case let list as [String]: return .array(list.map(JSONValue.string))
        case let list as [[String: Any]]: return .array(list.map { json($0) })
        case let list as [Any]: return .array(list.map(json))
        case let object as [String: Any]: return .object(object.mapValues(json))
        default: return .string("\(value)")
        }
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func rule(_ info: PolicyInfo) -> [String: Any] {
        let title = info.title ?? info.id
        var help = info.help ?? title
        if let remediation = info.remediation { help += "\n\nRemediation: " + remediation }
        var markdown = "**\(title)**\n\n" + (info.description.map { $0 + "\n\n" } ?? "") + (info.help ?? "")
        if let remediation = info.remediation { markdown += "\n\n**Remediation:** " + remediation }
        var properties: [String: Any] = ["tags": info.tags, "precision": "very-high"]
        // Security policies carry GitHub's security severity (0–10), so they show as security alerts.
        if info.tags.contains(where: { ["pod-security", "secrets", "supply-chain"].contains($0) }) {
            properties["security-severity"] = info.severity == .error ? "8.0" : info.severity == .warning ? "5.0" : "2.0"
        }
        var rule: [String: Any] = [
            "id": info.id,
            "name": name(info.id),
            "shortDescription": ["text": title],
            "fullDescription": ["text": info.description ?? title],
            "help": ["text": help, "markdown": markdown],
            "defaultConfiguration": ["level": level(info.severity), "enabled": info.enabledByDefault],
            "properties": properties,
        ]
        if let url = info.helpURL { rule["helpUri"] = url }
        return rule
    }

    /// `images/no-latest-tag` → `ImagesNoLatestTag`.
    static func name(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "/" || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func logicalLocation(_ finding: Finding) -> [String: Any] {
        let name = finding.name ?? "document \(finding.documentIndex + 1)"
        let qualified = [finding.namespace, finding.kind, name].compactMap { $0 }.joined(separator: "/")
        return ["name": name, "fullyQualifiedName": qualified, "kind": "resource"]
    }
}

/// Artifact URIs: relative to the repository root when the file is inside it (what GitHub needs to
/// place an alert), else an absolute file URI.
struct ArtifactLocator {
    let root: String?

    init(rootPath: String?) {
        root = rootPath.map { Self.absolute($0) }
    }

    var rootURI: String? { root.map { "file://" + Self.encode($0.hasSuffix("/") ? $0 : $0 + "/") } }

    func location(_ path: String) -> [String: Any] {
        guard path != "<stdin>" else { return ["uri": "stdin"] }
        let full = Self.absolute(path)
        if let root, full.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            let relative = String(full.dropFirst(root.count)).drop(while: { $0 == "/" })
            return ["uri": Self.encode(String(relative)), "uriBaseId": SARIFReporter.rootBase]
        }
        return ["uri": "file://" + Self.encode(full)]
    }

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Percent-encodes what a URI path may not hold as is.
    static func encode(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/!$&'()*+,;=:@")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
