import ArgumentParser
import Foundation
import PortcullisDiagnostics
import PortcullisEngine

/// Options that choose and configure the policies.
struct PolicyOptions: ParsableArguments {
    @Option(name: .customLong("policy"), help: ArgumentHelp("A .policy file or a folder of them (repeatable; default: $PORTCULLIS_POLICIES, else the built-in policies).", valueName: "path"))
    var policyPaths: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a policy parameter (repeatable), e.g. --param allowed_registries=ghcr.io,registry.example.com", valueName: "name=value"))
    var parameters: [String] = []

    @OptionGroup var selection: SelectionOptions

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

    /// Where the default policies come from: the folder in `PORTCULLIS_POLICIES`, else the built-in
    /// policies carried in the binary.
    static var policyFolderFromEnvironment: String? { ProcessInfo.processInfo.environment["PORTCULLIS_POLICIES"] }

    /// Reads the policy files and compiles them; diagnostics of the policies are returned for printing.
    /// Settings of the configuration file apply where the command line gives none.
    func compile(config: ProjectConfig? = nil) -> (graph: RuleGraph?, sources: [SourceFile], diagnostics: [Diagnostic]) {
        var selection = selection.policySelection
        if let config {
            selection.enable += config.enable
            selection.disable += config.disable
            if selection.only == nil { selection.only = config.only }
            selection.severities = config.severities
        }
        let literals = config?.parameters ?? [:]
        var paths = policyPaths.isEmpty ? (config?.policyPaths ?? []) : policyPaths
        if paths.isEmpty {
            if let folder = Self.policyFolderFromEnvironment {
                paths = [folder]
            } else {
                let sources = BuiltinPolicies.files.map { SourceFile(path: "builtin:" + $0.path, bytes: Array($0.source.utf8)) }
                let (graph, diagnostics) = PolicyCompiler.compile(sources, parameters: parameterValues, literalParameters: literals, selection: selection)
                return (graph, sources, diagnostics)
            }
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
        let (graph, compileDiagnostics) = PolicyCompiler.compile(sources, parameters: parameterValues, literalParameters: literals, selection: selection)
        return (diagnostics.isEmpty ? graph : nil, sources, diagnostics + compileDiagnostics)
    }
}

/// Options that pick which policies run.
struct SelectionOptions: ParsableArguments {
    @Option(name: .customLong("enable"), help: ArgumentHelp("Turn on an opt-in policy, or a whole pack (repeatable), e.g. --enable images/digest-pinned.", valueName: "id|pack"))
    var enable: [String] = []

    @Option(name: .customLong("disable"), help: ArgumentHelp("Turn off a policy or a pack (repeatable), e.g. --disable reliability.", valueName: "id|pack"))
    var disable: [String] = []

    @Option(name: .customLong("only"), help: ArgumentHelp("Run only these policies or packs, opt-in ones included (repeatable).", valueName: "id|pack"))
    var only: [String] = []

    @Flag(name: .customLong("all-policies"), help: "Run every policy, opt-in ones included.")
    var all = false

    var policySelection: PolicySelection {
        PolicySelection(enable: enable, disable: disable, only: only.isEmpty ? nil : only, everything: all)
    }
}

extension Severity: ExpressibleByArgument {}
