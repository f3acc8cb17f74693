import ArgumentParser
import Portcullis

/// `portcullis test`: runs every policy's examples (like `opa test`, `kyverno test`).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the examples of every policy: pass examples must give no finding, fail examples findings exactly on the lines marked '# expect'.",
        discussion: "Exit status: 0 all pass, 1 an example failed, 2 a policy does not compile."
    )

    @Argument(help: "Policy files or folders (default: $PORTCULLIS_POLICIES, else the built-in policies).")
    var paths: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a policy parameter (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: "Colour: auto, always, never.")
    var color: ColorMode = .auto

    @Flag(name: .shortAndLong, help: "List every example, not only failures.")
    var verbose = false

    func run() throws {
        var policies = try PolicyArguments.parse([])
        policies.policyPaths = paths
        policies.parameters = parameters
        let policySet = try policies.compile(configuration: nil, color: color, forceAll: true)  // opt-in policies are tested too
        let results = policySet.runExamples()
        var out = OutputStream.standardOutput
        for result in results where verbose || !result.passed {
            var line = "\(result.passed ? "PASS" : "FAIL") \(result.policyID) example \(result.number) (\(result.shouldFail ? "fail" : "pass")) at \(result.path):\(result.line)"
            if let problem = result.problem { line += ": " + problem }
            out.writeLine(line)
        }
        let failed = results.filter { !$0.passed }.count
        let untested = policySet.policies.filter(\.examples.isEmpty).map(\.id)
        if !untested.isEmpty { out.writeLine("policies without examples: " + untested.joined(separator: ", ")) }
        out.writeLine("\(results.count - failed) passed, \(failed) failed")
        out.flush()
        if failed > 0 { throw ExitCode(1) }
    }
}
