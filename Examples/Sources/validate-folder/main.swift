// validate-folder: checks the Kubernetes manifests in a folder against the built-in policy packs plus
// a team policy kept in this file, and exits like `portcullis check`: 0 when no finding reaches the
// failure threshold, 1 when one does, 2 on policy, configuration or input errors.
//
//     swift run --package-path Examples validate-folder fixtures
import Foundation
import Portcullis

/// A team rule written inline, in the policy language (docs/language.md): every ConfigMap names
/// the team that owns it.
let teamPolicy = """
    policy "team/configmap-owner" {
      title    "ConfigMaps name the team that owns them"
      severity warning
      help     "Add metadata.labels.owner: the team to ask before changing the settings."
      match kind ConfigMap
      deny when metadata.labels.owner missing
      message "ConfigMap '{metadata.name}' has no owner label"
      at metadata
    }
    """

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

guard CommandLine.arguments.count == 2 else {
    printError("usage: validate-folder FOLDER")
    exit(2)
}
let folder = CommandLine.arguments[1]

// The nearest .portcullis.yaml upward from here, as `portcullis check` reads it: policy selection,
// parameters, excludes, waivers, the failure threshold.
var configuration: Configuration?
if let path = Configuration.find() {
    do { configuration = try Configuration.load(path) } catch { printError(error.description); exit(2) }
}

// Compile once: the built-in packs plus the team's policy. A policy that does not compile throws a
// PolicyError whose diagnostics carry file, line and column.
let policies: PolicySet
do {
    policies = try PolicySet.compile([.builtin, .text(teamPolicy, name: "team.policy")],
                                     options: configuration?.policyOptions ?? .defaults).get()
} catch {
    printError(error.description)
    exit(2)
}

// Validate: findings (suppressed ones left out), then problems with the inputs, one per line.
let result = Validator(policies: policies, options: ValidationOptions(configuration: configuration)).validate(paths: [folder])
for finding in result.activeFindings { print(finding) }  // file:line:column: severity: message [policy]
for problem in result.diagnostics { print(problem) }     // file:line:column: severity: message [id]
printError("\(result.fileCount) files, \(result.resourceCount) resources, \(policies.policies.count) policies: "
    + "\(result.count(.error)) errors, \(result.count(.warning)) warnings, \(result.suppressedCount) suppressed")

if result.hasErrors { exit(2) }
exit(result.hasFindings(atOrAbove: configuration?.failOn ?? .error) ? 1 : 0)
