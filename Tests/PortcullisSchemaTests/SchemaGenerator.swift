import Foundation

/// Runs scripts/generate-kubernetes-schema.py, with kubernetes-validate in a virtualenv under
/// .build/ (installed from PyPI the first time).
enum SchemaGenerator {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let venv = packageRoot.appendingPathComponent(".build/schema-venv")
    static let committedTable = packageRoot.appendingPathComponent("schemas/kubernetes.schema")

    /// Why the generator cannot run here (`nil`: it can): no python3, or kubernetes-validate could
    /// not be installed (PyPI unreachable).
    static let unavailableReason: String? = {
        let python = venv.appendingPathComponent("bin/python").path
        if !FileManager.default.fileExists(atPath: python),
           run("/usr/bin/env", ["python3", "-m", "venv", venv.path]).status != 0 {
            return "python3 cannot create a virtualenv"
        }
        if run(python, ["-c", "import kubernetes_validate"]).status == 0 { return nil }
        let install = run(python, ["-m", "pip", "install", "--quiet", "kubernetes-validate"])
        return install.status == 0 ? nil : "kubernetes-validate cannot be installed from PyPI: " + install.output.suffix(300)
    }()

    static var available: Bool {
        if let reason = unavailableReason {
            print("schema generator unavailable: \(reason)")
            return false
        }
        return true
    }

    /// The table the generator writes for `version` (`nil`: the script's default).
    static func generate(version: String? = nil) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-schema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var arguments = [packageRoot.appendingPathComponent("scripts/generate-kubernetes-schema.py").path, "--venv", venv.path, "--output", output.path]
        if let version { arguments += ["--version", version] }
        let result = run("/usr/bin/env", ["python3"] + arguments)
        guard result.status == 0 else { throw GeneratorFailure(output: result.output) }
        return try String(contentsOf: output, encoding: .utf8)
    }

    struct GeneratorFailure: Error, CustomStringConvertible {
        var output: String
        var description: String { "generator failed: \(output)" }
    }

    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
