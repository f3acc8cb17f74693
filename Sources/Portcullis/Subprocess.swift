import PortcullisDiagnostics

/// Runs a program to its end with a time limit and collects what it printed: kustomize renderings
/// and git's list of changed files. Standard input is empty; standard output and error are read
/// together, so a full pipe never blocks the child (`Platform.runChild`).
struct Subprocess {
    /// What the program did.
    struct Output: Sendable {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]
        /// Stopped (SIGTERM, then SIGKILL) because it ran past the time limit.
        var timedOut: Bool

        var succeeded: Bool { !timedOut && status == 0 }
        /// Standard error as text, trimmed (what to quote in a diagnostic).
        var errorText: String {
            TextTrimming.trimmed(String(decoding: standardError, as: UTF8.self))
        }
    }

    /// The program could not be started.
    struct LaunchFailure: Error, Sendable {
        var executable: String
        var reason: String
    }

    var executable: String
    var arguments: [String]
    var workingDirectory: String?
    var timeout: Duration

    func run() throws(LaunchFailure) -> Output {
        switch Platform.runChild(executable, arguments, workingDirectory: workingDirectory, timeout: timeout) {
        case .success(let outcome):
            return Output(status: outcome.status, standardOutput: outcome.standardOutput, standardError: outcome.standardError,
                          timedOut: outcome.timedOut)
        case .failure(let error):
            throw LaunchFailure(executable: executable, reason: error.message)
        }
    }

    /// The executable called `name` in the folders of a `PATH` value, if any.
    static func find(_ name: String, searchPath: String?) -> String? {
        for folder in (searchPath ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/" + name
            if case .success(let status) = Platform.fileStatus(candidate), status.kind != .directory, Platform.isExecutable(candidate) {
                return candidate
            }
        }
        return nil
    }
}
