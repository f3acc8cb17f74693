import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Portcullis

/// `portcullis check`: evaluates the policies over manifests and reports findings in one or more
/// formats.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check manifests against the policies; report findings as file:line:column: severity: message [policy].",
        discussion: """
            Formats: text, compact, json, sarif, github (Actions annotations), junit, markdown (job summaries), \
            html (one self-contained page). Several at once: each --output FILE \
            belongs to the --format before it (--format sarif --output report.sarif --format text); reports \
            are written atomically; --output - is standard output.
            Exit status: 0 no active finding at or above --fail-on, 1 such findings, 2 usage, configuration, policy or input errors.
            """
    )

    @OptionGroup var input: InputArguments
    @OptionGroup var repository: RepositoryArguments
    @OptionGroup var policies: PolicyArguments

    @Option(help: ArgumentHelp("Report format (repeatable): text, compact, json, sarif, github, junit, markdown, html.", valueName: "format"))
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

    @OptionGroup var configFile: ConfigArguments
    @OptionGroup var display: DisplayArguments

    @Option(help: ArgumentHelp("Record the current findings as accepted, in this file.", valueName: "file"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp("Report only findings not recorded in this baseline file.", valueName: "file"))
    var baseline: String?

    func run() throws {
        // 1. Configuration, report targets and policies.
        let configuration = try configFile.load(color: color)
        let targets = try ReportTargets.pair(arguments: Array(CommandLine.arguments.dropFirst()),
                                             defaultFormats: configuration?.formats.isEmpty == false ? configuration!.formats : [.text],
                                             defaultOutputs: configuration?.outputs ?? [:], alsoWritten: [writeBaseline].compactMap { $0 })
        let policySet = try policies.compile(configuration: configuration, color: color)
        if explainPlan {
            var out = OutputStream.standardOutput
            out.write(policySet.planDescription)
            return out.flush()
        }
        let paths = repository.paths(input.paths)
        try input.requirePaths(paths)

        // 2. Validate.
        var options = input.options(configuration: configuration)
        repository.apply(to: &options)
        options.projection = !noProjection
        options.baseline = try baseline.map(loadBaseline)
        options.ignoredPaths = targets.targets.compactMap(\.path) + [writeBaseline, baseline].compactMap { $0 }
        // Only the text report shows source lines: other runs keep none of them.
        if !targets.targets.contains(where: { $0.format == .text }) { options.keptLineBytes = 0 }
        let progressLine = display.progressLine(quiet: quiet)
        options.progress = progressLine?.progress
        let validator = Validator(policies: policySet, options: options)
        let result = validator.validate(paths: paths)
        progressLine?.stop()
        // The process ends once the reports are written: freeing a run's findings one by one on the
        // way out (a fifth of a second per 200,000 documents, on one core) would only delay it; so
        // would freeing the rule graph the validator holds (a twentieth of a one-file run's work).
        ProcessExit.keepUntilExit(result)
        ProcessExit.keepUntilExit(validator)

        // 3. Baseline, reports, exit status.
        var writeFailed = false
        if let writeBaseline { writeFailed = !reportWrite { () throws(ReportWriteError) in try result.baseline.write(to: writeBaseline) } }
        var out = OutputStream.standardOutput
        for target in targets.targets {
            let useColor = target.path == nil && target.format == .text
                && color.allowsColor(fileDescriptor: out.descriptor, environment: ProcessEnvironment.variables)
            let report = display.report(target.format, color: useColor, quiet: quiet)
            if let path = target.path {
                writeFailed = !reportWrite { () throws(ReportWriteError) in try report.write(result, to: path) } || writeFailed
            } else {
                report.renderUTF8(result) { out.write(utf8: $0) }
            }
        }
        out.flush()
        if writeFailed || result.hasErrors { throw ExitCode(2) }
        if writeBaseline != nil { return }  // recording a baseline accepts today's findings
        if result.hasFindings(atOrAbove: failOn ?? configuration?.failOn ?? .error) { throw ExitCode(1) }
    }

    private func loadBaseline(_ path: String) throws -> Baseline {
        do throws(Baseline.LoadError) {
            return try Baseline.load(path)
        } catch {
            var err = OutputStream.standardError
            err.writeLine("error: \(error.description) [config.invalid-baseline]")
            err.flush()
            throw ExitCode(2)
        }
    }

    /// Runs a write; a failure is printed (the other reports are still written).
    private func reportWrite(_ write: () throws(ReportWriteError) -> Void) -> Bool {
        do throws(ReportWriteError) {
            try write()
            return true
        } catch {
            var err = OutputStream.standardError
            err.writeLine("error: \(error.description) [report.write-failed]")
            err.flush()
            return false
        }
    }
}
