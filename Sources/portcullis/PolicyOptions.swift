import ArgumentParser
import Foundation
import PortcullisDiagnostics
import PortcullisEngine

/// Options that choose and configure the policies.
struct PolicyOptions: ParsableArguments {
    @Option(name: .customLong("policy"), help: ArgumentHelp("A .policy file or a folder of them (repeatable; default: the built-in policies).", valueName: "path"))
    var policyPaths: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a policy parameter (repeatable), e.g. --param allowed_registries=ghcr.io,registry.example.com", valueName: "name=value"))
    var parameters: [String] = []

    func validate() throws {
        for parameter in parameters where !parameter.contains("=") {
            throw ValidationError("--param takes name=value, not '\(parameter)'.")
        }
    }

    var parameterValues: [String: String] {
        Dictionary(parameters.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }, uniquingKeysWith: { _, last in last })
    }

    /// The built-in policies folder: `PORTCULLIS_POLICIES`, `./policies`, or `policies/` beside the
    /// package the executable was built in.
    static func builtinPolicyFolder() -> String? {
        let fileManager = FileManager.default
        if let env = ProcessInfo.processInfo.environment["PORTCULLIS_POLICIES"] { return env }
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: "policies", isDirectory: &isFolder), isFolder.boolValue { return "policies" }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("policies")
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isFolder), isFolder.boolValue { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// Reads the policy files and compiles them; diagnostics of the policies are returned for printing.
    func compile() -> (graph: RuleGraph?, sources: [SourceFile], diagnostics: [Diagnostic]) {
        var paths = policyPaths
        if paths.isEmpty {
            guard let builtin = Self.builtinPolicyFolder() else {
                return (nil, [], [.error("config.no-policies", "no policies given and the built-in policies folder was not found; use --policy PATH or set PORTCULLIS_POLICIES")])
            }
            paths = [builtin]
        }
        var sources: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                diagnostics.append(.error("config.policy-not-found", "no such policy file or folder", path: path))
                continue
            }
            let files: [String]
            if isFolder.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: path)
                files = (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".policy") }.sorted()
                    .map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
            } else {
                files = [path]
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    diagnostics.append(.error("config.policy-unreadable", "cannot read the policy file", path: file))
                    continue
                }
                sources.append(SourceFile(path: file.hasPrefix("./") ? String(file.dropFirst(2)) : file, bytes: Array(data)))
            }
        }
        if sources.isEmpty && diagnostics.isEmpty {
            diagnostics.append(.error("config.no-policies", "no .policy files found in \(paths.joined(separator: ", "))"))
        }
        let (graph, compileDiagnostics) = PolicyCompiler.compile(sources, parameters: parameterValues)
        return (diagnostics.isEmpty ? graph : nil, sources, diagnostics + compileDiagnostics)
    }
}

extension Severity: ExpressibleByArgument {}
