import ArgumentParser
import Portcullis

/// `portcullis test`: runs every policy's examples (like `opa test`, `kyverno test`).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the examples of every policy: pass examples must give no finding, fail examples findings exactly on the lines marked '# expect'.",
        discussion: """
            '# expect' takes a policy id (`# expect images/no-latest-tag`, `# expect my/policy#pdb` for one deny block, `#pdb` for the own policy's), \
            and a quoted text the message must contain (`# expect "uses floating image"`). A policy without examples fails. \
            Exit status: 0 all pass, 1 an example failed or a policy has none, 2 a policy does not compile.
            """
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
        let useColor = color.allowsColor(fileDescriptor: out.descriptor, environment: ProcessEnvironment.variables)
        for result in results where verbose || !result.passed {
            var line: String
            if result.number == 0 {
                line = "FAIL \(result.policyID) has no examples at \(result.path):\(result.line)"
            } else {
                line = "\(result.passed ? "PASS" : "FAIL") \(result.policyID) example \(result.number) (\(result.shouldFail ? "fail" : "pass")) at \(result.path):\(result.line)"
                if let problem = result.problem { line += ": " + problem }
            }
            out.writeLine(line)
            // Each failure at its line of the policy file, with a caret.
            for diagnostic in result.diagnostics { out.writeLine(diagnostic.rendered(color: useColor)) }
        }
        let failed = results.filter { !$0.passed }.count
        let untested = results.filter { $0.number == 0 }.count
        out.writeLine("\(results.count - failed) passed, \(failed) failed" + (untested > 0 ? " (\(untested) polic\(untested == 1 ? "y" : "ies") without examples)" : ""))
        out.flush()
        if failed > 0 { throw ExitCode(1) }
    }
}
