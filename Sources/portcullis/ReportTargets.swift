import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Portcullis

/// Which format goes where: each `--output PATH` belongs to the `--format` given before it
/// (`--format sarif --output report.sarif --format text`); a format without one goes to standard
/// output, and at most one may.
struct ReportTargets: Equatable {
    struct Target: Equatable {
        var format: ReportFormat
        /// `nil`: standard output (`--output -` says so explicitly).
        var path: String?
    }

    var targets: [Target]

    /// Pairs formats and outputs in the order the command line gave them.
    /// `alsoWritten`: other files the run writes (`--write-baseline`), which no report may share.
    static func pair(arguments: [String], defaultFormats: [ReportFormat] = [.text], defaultOutputs: [ReportFormat: String] = [:],
                     alsoWritten: [String] = []) throws -> ReportTargets {
        var targets: [Target] = []
        var pendingOutputs: [String] = []
        var index = 0
        func value(_ name: String) -> String? {
            let argument = arguments[index]
            if argument == name, index + 1 < arguments.count { index += 1; return arguments[index] }
            if argument.hasPrefix(name + "=") { return String(argument.dropFirst(name.count + 1)) }
            return nil
        }
        while index < arguments.count {
            if arguments[index] == "--" { break }
            if let text = value("--format") {
                guard let format = ReportFormat(rawValue: text) else {
                    throw ValidationError("unknown format '\(text)' (formats: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                targets.append(Target(format: format, path: nil))
            } else if let path = value("--output") {
                if let last = targets.indices.last, targets[last].path == nil {
                    targets[last].path = path
                } else if targets.isEmpty {
                    pendingOutputs.append(path)
                } else {
                    throw ValidationError("--output \(path): give a --format before each --output (the previous format already has one)")
                }
            }
            index += 1
        }
        if targets.isEmpty {
            // The configuration's formats, with its files.
            targets = defaultFormats.map { Target(format: $0, path: defaultOutputs[$0]) }
            guard pendingOutputs.count <= targets.count else {
                throw ValidationError("--output given \(pendingOutputs.count) times for \(targets.count) format\(targets.count == 1 ? "" : "s")")
            }
            for (offset, path) in pendingOutputs.enumerated() { targets[offset].path = path }
        } else if !pendingOutputs.isEmpty {
            throw ValidationError("--output \(pendingOutputs[0]) comes before any --format; give it after the format it is for")
        }
        for index in targets.indices where targets[index].path == "-" { targets[index].path = nil }
        let toStandardOutput = targets.filter { $0.path == nil }
        if toStandardOutput.count > 1 {
            throw ValidationError("formats \(toStandardOutput.map(\.format.rawValue).joined(separator: " and ")) would both go to standard output; give --output FILE after all but one")
        }
        try refuseSharedFiles(targets.compactMap(\.path) + alsoWritten)
        return ReportTargets(targets: targets)
    }

    /// Two outputs naming one file (directly, through `./`, `..` or a symbolic link) would leave
    /// only the last report: a usage error. A device or FIFO (`/dev/null`, `/dev/stdout`) takes
    /// each in turn, so it may be named more than once.
    static func refuseSharedFiles(_ paths: [String]) throws {
        var seen: [String: String] = [:]
        for path in paths {
            let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            if let type = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType,
               type != .typeRegular && type != .typeDirectory { continue }
            if let first = seen[resolved] {
                throw ValidationError(first == path ? "\(path) is named by two outputs; each report needs a file of its own"
                                                    : "\(first) and \(path) are the same file; each report needs a file of its own")
            }
            seen[resolved] = path
        }
    }
}
