#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics
import PortcullisEngine

/// SARIF 2.1.0 as GitHub code scanning reads it: `tool.driver.rules` for the policies that ran,
/// one result per finding with a physical location relative to the repository root, the resource as
/// a logical location, a fingerprint stable across unrelated edits, and `suppressions` for
/// suppressed findings. Input problems are tool execution notifications.
package struct SARIFReporter: StreamingReporter {
    package static let fingerprintKey = "portcullisFindingKey/v1"
    static let rootBase = "%SRCROOT%"

    package init() {}

    /// The log in pieces: the results are handed on about a megabyte at a time as they are written.
    package func render(_ report: RunReport, into emit: (String) -> Void) {
        withoutActuallyEscaping(emit) { emit in render(report, emitting: emit) }
    }

    private func render(_ report: RunReport, emitting emit: @escaping (String) -> Void) {
        var rules = report.rules
        // Findings of the tool itself (an expired waiver) get a rule too, so every result has one.
        var policyIDs: Set<String> = []
        for finding in report.findings { policyIDs.insert(finding.policyID) }
        for id in policyIDs.subtracting(rules.map(\.id)).sorted() {
            guard let finding = report.findings.first(where: { $0.policyID == id }) else { continue }
            rules.append(PolicyInfo(id: id, title: id == Tool.expiredWaiverPolicy ? "A waiver in the configuration has expired" : id,
                                    description: finding.help, severity: finding.severity, tags: ["portcullis"], help: finding.help,
                                    helpURL: Tool.informationURI + "#waivers", remediation: nil, path: "", span: finding.span,
                                    examples: [], enabledByDefault: true))
        }
        rules.sort { $0.id < $1.id }
        let ruleIndex = Dictionary(rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var locator = ArtifactLocator(rootPath: report.rootPath, standardInputNames: report.standardInputNames)
        // The results are most of the log: written straight through, members in sorted order as
        // `JSONValue` writes them, rather than built as a tree of dictionaries first.
        let results = JSONValue.written { json in
            json.beginArray()
            for finding in report.findings {
                Self.writeResult(finding, location: locator.location(finding.path), ruleIndex: ruleIndex[finding.policyID], into: &json)
                if json.bytes.count >= 1 << 20 { emit(json.takeText()) }
            }
            json.endArray()
        }
        var notifications: [JSONValue] = []
        for diagnostic in report.diagnostics {
            var notification: [String: JSONValue] = [
                "level": .string(Self.level(diagnostic.severity)),
                "message": ["text": .string(diagnostic.message)],
                "descriptor": ["id": .string(diagnostic.id.rawValue)],
            ]
            if let path = diagnostic.path {
                var physical: [String: JSONValue] = ["artifactLocation": locator.location(path)]
                if let span = diagnostic.span, span.start.line >= 1 {
                    physical["region"] = ["startLine": .int(span.start.line), "startColumn": .int(max(span.start.column, 1))]
                }
                notification["locations"] = [["physicalLocation": .object(physical)]]
            }
            notifications.append(.object(notification))
        }
        var run: [String: JSONValue] = [
            "tool": ["driver": [
                "name": .string(Tool.name), "version": .string(Tool.version), "semanticVersion": .string(Tool.version),
                "informationUri": .string(Tool.informationURI),
                "rules": .array(rules.map(Self.rule)),
            ]],
            "results": results,
            "invocations": [["executionSuccessful": true, "toolExecutionNotifications": .array(notifications)]],
            "columnKind": "unicodeCodePoints",
        ]
        if let base = locator.rootURI { run["originalUriBaseIds"] = [Self.rootBase: ["uri": .string(base)]] }
        let log: JSONValue = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [.object(run)],
        ]
        var writer = JSONWriter(style: .indented, capacity: 1 << 16)
        log.write(into: &writer)
        writer.append(raw: "\n")
        emit(writer.takeText())
    }

    /// One result; members in sorted order (level, locations, message, partialFingerprints, ruleId,
    /// ruleIndex, suppressions), as every object of the log.
    static func writeResult(_ finding: Finding, location: JSONValue, ruleIndex: Int?, into json: inout JSONWriter) {
        json.beginObject()
        json.member("level", level(finding.severity))
        json.key("locations")
        json.beginArray()
        json.beginObject()
        json.key("logicalLocations")
        json.beginArray()
        logicalLocation(finding).write(into: &json)
        json.endArray()
        json.key("physicalLocation")
        json.beginObject()
        json.key("artifactLocation")
        location.write(into: &json)
        json.key("region")
        json.beginObject()
        json.member("endColumn", max(finding.span.end.column, 1))
        json.member("endLine", max(finding.span.end.line, finding.span.start.line))
        json.member("startColumn", finding.span.start.column)
        json.member("startLine", finding.span.start.line)
        json.endObject()
        json.endObject()
        json.endObject()
        json.endArray()
        json.key("message")
        json.beginObject()
        json.member("text", finding.message)
        json.endObject()
        json.key("partialFingerprints")
        json.beginObject()
        json.member(fingerprintKey, FindingKey(finding).hash)
        json.endObject()
        json.member("ruleId", finding.policyID)
        json.member("ruleIndex", ruleIndex)
        if let suppression = finding.suppression {
            json.key("suppressions")
            json.beginArray()
            json.beginObject()
            json.member("justification", "\(suppression.justification) (\(suppression.origin))")
            json.member("kind", suppression.kind.rawValue)
            json.member("status", "accepted")
            json.endObject()
            json.endArray()
        }
        json.endObject()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func rule(_ info: PolicyInfo) -> JSONValue {
        let title = info.title ?? info.id
        var help = info.help ?? title
        if let remediation = info.remediation { help += "\n\nRemediation: " + remediation }
        var markdown = "**\(title)**\n\n" + (info.description.map { $0 + "\n\n" } ?? "") + (info.help ?? "")
        if let remediation = info.remediation { markdown += "\n\n**Remediation:** " + remediation }
        var properties: [String: JSONValue] = ["tags": .array(info.tags.map(JSONValue.string)), "precision": "very-high"]
        // Security policies carry GitHub's security severity (0–10), so they show as security alerts.
        if info.tags.contains(where: { ["pod-security", "secrets", "supply-chain"].contains($0) }) {
            properties["security-severity"] = .string(info.severity == .error ? "8.0" : info.severity == .warning ? "5.0" : "2.0")
        }
        var rule: [String: JSONValue] = [
            "id": .string(info.id),
            "name": .string(name(info.id)),
            "shortDescription": ["text": .string(title)],
            "fullDescription": ["text": .string(info.description ?? title)],
            "help": ["text": .string(help), "markdown": .string(markdown)],
            "defaultConfiguration": ["level": .string(level(info.severity)), "enabled": .bool(info.enabledByDefault)],
            "properties": .object(properties),
        ]
        if let url = info.helpURL { rule["helpUri"] = .string(url) }
        return .object(rule)
    }

    /// `images/no-latest-tag` → `ImagesNoLatestTag`.
    static func name(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "/" || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func logicalLocation(_ finding: Finding) -> JSONValue {
        let name = finding.name ?? "document \(finding.documentIndex + 1)"
        let qualified = [finding.namespace, finding.kind, name].compactMap { $0 }.joined(separator: "/")
        return ["name": .string(name), "fullyQualifiedName": .string(qualified), "kind": "resource"]
    }
}

/// Artifact URIs: relative to the repository root when the file is inside it (what GitHub needs to
/// place an alert), else an absolute file URI.
struct ArtifactLocator {
    let root: String?
    private let workingDirectory = FileManager.default.currentDirectoryPath
    /// Locations by path: a report has many findings per file.
    private var known: [String: JSONValue] = [:]

    /// Names standard input was given (`--stdin-filename`): they stand for themselves, not for files here.
    let standardInputNames: Set<String>

    init(rootPath: String?, standardInputNames: Set<String> = []) {
        root = rootPath.map { Self.absolute($0, in: FileManager.default.currentDirectoryPath) }
        self.standardInputNames = standardInputNames
    }

    var rootURI: String? { root.map { "file://" + Self.encode($0.hasSuffix("/") ? $0 : $0 + "/") } }

    mutating func location(_ path: String) -> JSONValue {
        if let location = known[path] { return location }
        let location: JSONValue
        let full = Self.absolute(path, in: workingDirectory)
        if path == "<stdin>" {
            location = ["uri": "stdin"]
        } else if standardInputNames.contains(path) {
            // The name given is the file's name in the repository, as the user said it.
            let name = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            location = path.hasPrefix("/") ? ["uri": .string("file://" + Self.encode(path))]
                : ["uri": .string(Self.encode(name)), "uriBaseId": .string(SARIFReporter.rootBase)]
        } else if let root, full.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            let relative = String(full.dropFirst(root.count)).drop(while: { $0 == "/" })
            location = ["uri": .string(Self.encode(String(relative))), "uriBaseId": .string(SARIFReporter.rootBase)]
        } else {
            location = ["uri": .string("file://" + Self.encode(full))]
        }
        known[path] = location
        return location
    }

    static func absolute(_ path: String, in workingDirectory: String) -> String {
        let joined = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Percent-encodes what a URI path may not hold as is: every byte of its UTF-8 but ASCII
    /// letters, digits and `-._~/!$&'()*+,;=:@` (as Foundation's `addingPercentEncoding` with those
    /// allowed does it on Linux).
    static func encode(_ path: String) -> String {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            if isAllowed(byte) {
                encoded.append(byte)
            } else {
                encoded.append(UInt8(ascii: "%"))
                encoded.append(hexDigit(byte >> 4))
                encoded.append(hexDigit(byte & 0xF))
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~/!$&'()*+,;=:@".utf8.contains(byte)
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
