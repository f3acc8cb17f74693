import ArgumentParser
import Foundation
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest
import PortcullisReport

/// `portcullis check`: evaluates the policies over manifests and reports findings in one or more
/// formats.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check manifests against the policies; report findings as file:line:column: severity: message [policy].",
        discussion: """
            Formats: text, json, sarif, github (Actions annotations), junit. Several at once: each --output FILE \
            belongs to the --format before it (--format sarif --output report.sarif --format text); reports \
            are written atomically.
            Exit status: 0 no active finding at or above --fail-on, 1 such findings, 2 usage, configuration, policy or input errors.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var policies: PolicyOptions

    @Option(help: ArgumentHelp("Report format (repeatable): text, json, sarif, github, junit.", valueName: "format"))
    var format: [ReportFormat] = []

    @Option(help: ArgumentHelp("Write the report of the --format before it to this file (repeatable).", valueName: "file"))
    var output: [String] = []

    @Option(help: "Fail (exit 1) on findings of this severity or higher: error, warning, info.")
    var failOn: Severity?

    @Option(help: "Colour: auto (a terminal without NO_COLOR), always, never.")
    var color: ColorMode = .auto

    @Flag(name: .shortAndLong, help: "Print only problems, no summary.")
    var quiet = false

    @Flag(help: "Print the compiled rule graph (rules per kind, shared nodes) and exit.")
    var explainPlan = false

    @Flag(help: "Build every field of every resource, even those no policy reads.")
    var noProjection = false

    @OptionGroup var configuration: ConfigOptions

    @Option(help: ArgumentHelp("Record the current findings as accepted, in this file.", valueName: "file"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp("Report only findings not recorded in this baseline file.", valueName: "file"))
    var baseline: String?

    func run() throws {
        var out = OutputStream.standardOutput
        var err = OutputStream.standardError
        let printer = DiagnosticPrinter(color: color, fileDescriptor: out.descriptor)
        let project = try configuration.load(printer: printer)
        let targets = try ReportTargets.pair(arguments: Array(CommandLine.arguments.dropFirst()),
                                             defaultFormats: project?.formats.isEmpty == false ? project!.formats : [.text],
                                             defaultOutputs: project?.outputs ?? [:])
        let (graph, policySources, policyDiagnostics) = policies.compile(config: project)
        if !policyDiagnostics.isEmpty {
            for diagnostic in policyDiagnostics.sorted(by: Diagnostic.reportOrder) {
                err.writeLine(printer.renderer.render(diagnostic, source: policySources.first { $0.path == diagnostic.path }))
            }
            err.flush()
        }
        guard let graph else { throw ExitCode(2) }
        if explainPlan {
            out.write(PlanExplainer.explain(graph))
            out.flush()
            return
        }
        try input.requirePaths()
        let clock = ContinuousClock()
        let started = clock.now
        let discovery = InputDiscovery(excludes: (input.excludes + (project?.excludes ?? [])).map(GlobPattern.init), standardInputName: input.stdinFilename)
        let (inputs, discoveryDiagnostics) = discovery.collect(input.paths)
        var limits = ManifestLimits(maxFileBytes: input.maxFileSize, maxDepth: input.maxDepth)
        if !noProjection { limits.projection = graph.projection }
        let checker = ManifestChecker(graph: graph, loader: ManifestLoader(limits: limits))
        let results = checker.check(inputs, parallel: !input.serial)
        let suppressed = Suppressor(waivers: project?.waivers ?? []).apply(results.flatMap(\.findings), files: results.map(\.file))
        var findings = suppressed.findings
        var baselineMatches = 0
        if let writeBaseline {
            do throws(ReportWriter.WriteError) {
                try ReportWriter.write(Baseline(findings: findings).json, to: writeBaseline)
            } catch {
                err.writeLine("error: \(error.description) [report.write-failed]")
                err.flush()
                throw ExitCode(2)
            }
        }
        if let baseline {
            do throws(Baseline.LoadError) {
                (findings, baselineMatches) = try Baseline.load(baseline).filter(findings)
            } catch {
                err.writeLine("error: \(error.description) [config.invalid-baseline]")
                err.flush()
                throw ExitCode(2)
            }
        }

        var report = RunReport(
            findings: findings,
            diagnostics: discoveryDiagnostics + results.flatMap { $0.file.diagnostics + $0.issues } + suppressed.diagnostics,
            rules: graph.rules.map(\.info),
            sources: results.map(\.file.source),
            resourceCount: results.reduce(0) { $0 + $1.file.resourceCount },
            duration: clock.now - started,
            baselineMatches: baselineMatches,
            rootPath: RepositoryRoot.find())
        if let project { report.supportingSources = [project.source] }
        var writeFailed = false
        for target in targets.targets {
            let useColor = target.path == nil && target.format == .text
                && color.allowsColor(fileDescriptor: out.descriptor, environment: ProcessInfo.processInfo.environment)
            var reporter = target.format.reporter(color: useColor)
            if target.format == .text, quiet { reporter = TextReporter(color: useColor, quiet: true) }
            let text = reporter.render(report)
            if let path = target.path {
                do throws(ReportWriter.WriteError) {
                    try ReportWriter.write(text, to: path)
                } catch {
                    err.writeLine("error: \(error.description) [report.write-failed]")
                    writeFailed = true
                }
            } else {
                out.write(text)
            }
        }
        out.flush()
        err.flush()
        if writeFailed || report.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
        if report.activeFindings.contains(where: { $0.severity >= (failOn ?? project?.failOn ?? .error) }) { throw ExitCode(1) }
    }
}

/// The repository root: the nearest folder upward from the working directory holding `.git`, else
/// the working directory. SARIF locations are relative to it.
enum RepositoryRoot {
    static func find(from start: String = FileManager.default.currentDirectoryPath) -> String {
        FolderSearch.nearest(holding: ".git", from: start)?.path ?? start
    }
}

/// Walks up from a folder to the file system's root.
enum FolderSearch {
    /// The nearest folder from `start` upward (itself included) that holds an entry called `name`.
    static func nearest(holding name: String, from start: String) -> URL? {
        var url = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) { return url }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }
}
