#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics

/// The files changed since a git ref (`--changed-since REF`), as a pull-request check wants them:
/// what the branch changed since it left REF (the merge base of REF and `HEAD`; REF itself when
/// there is no merge base, as in a shallow clone), committed or not, plus files git does not track
/// yet (and does not ignore). Deleted files are not in the list: there is nothing to check.
enum GitChanges {
    /// Why the list could not be made.
    struct Failure: Error, Sendable {
        var message: String
    }

    static let timeout: Duration = .seconds(60)

    /// Absolute, standardized paths of the changed files of the repository holding `folder`.
    static func files(since ref: String, in folder: String = FileManager.default.currentDirectoryPath) throws(Failure) -> Set<String> {
        guard let git = Subprocess.find("git", searchPath: ProcessInfo.processInfo.environment["PATH"]) else {
            throw Failure(message: "--changed-since needs git, and there is none on the PATH")
        }
        func run(_ arguments: [String]) throws(Failure) -> Subprocess.Output {
            do {
                return try Subprocess(executable: git, arguments: arguments, workingDirectory: folder, timeout: timeout).run()
            } catch {
                throw Failure(message: "cannot run git: \(error.reason)")
            }
        }
        let top = try run(["rev-parse", "--show-toplevel"])
        guard top.succeeded else { throw Failure(message: "--changed-since \(ref): not inside a git repository (\(top.errorText))") }
        let root = TextTrimming.trimmed(String(decoding: top.standardOutput, as: UTF8.self))
        guard try run(["rev-parse", "--verify", "--quiet", ref + "^{commit}"]).succeeded else {
            throw Failure(message: "--changed-since \(ref): git knows no such commit, branch or tag (in a CI clone, fetch it first: git fetch origin \(ref))")
        }
        let mergeBase = try run(["merge-base", ref, "HEAD"])
        let base = mergeBase.succeeded ? TextTrimming.trimmed(String(decoding: mergeBase.standardOutput, as: UTF8.self)) : ref
        let changed = try run(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base, "--"])
        guard changed.succeeded else { throw Failure(message: "--changed-since \(ref): git diff failed: \(changed.errorText)") }
        let untracked = try run(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"])
        var files: Set<String> = []
        for output in [changed, untracked] where output.succeeded {
            for name in output.standardOutput.split(separator: 0) where !name.isEmpty {
                files.insert(URL(fileURLWithPath: root).appendingPathComponent(String(decoding: name, as: UTF8.self)).standardizedFileURL.path)
            }
        }
        return files
    }
}
