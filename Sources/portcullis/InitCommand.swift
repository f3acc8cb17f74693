import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Portcullis

/// `portcullis init`: writes a commented starter `.portcullis.yaml`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter \(Configuration.fileName) in the current folder."
    )

    @Flag(help: "Replace an existing file.")
    var force = false

    static let starter = """
        # Portcullis configuration: `portcullis check` reads the nearest .portcullis.yaml upward from
        # the working directory (or --config FILE). Options given on the command line win.

        # Policy files or folders; `builtin` names the built-in packs. Leave out to use only those.
        # policies: [builtin, ./policies]

        # Opt-in policies or whole packs to turn on, and policies or packs to turn off.
        enable: []        # e.g. [images/digest-pinned, metadata/required-labels]
        disable: []       # e.g. [reliability/prod-replicas]

        # Severity per policy or pack: error, warning or info.
        severity: {}      # e.g. {pod-security-extra: info}

        # Policy parameters (see docs/policies.md for each policy's).
        parameters:
          allowed_images: []                 # e.g. ["ghcr.io/acme/*", "registry.example.com/*"]
          prod_namespaces: ["prod", "production", "prod-*", "*-prod"]

        # Paths not to read (globs).
        exclude: []       # e.g. [vendor/**, "**/charts/**/templates/**"]

        # Which findings fail the run: error (default), warning or info.
        fail-on: error

        # Kustomize repositories: render each overlay and check what it renders (like --kustomize).
        # kustomize: true

        # Default report formats, and files for those that should not go to standard output.
        format: [text]
        output: {}        # e.g. {sarif: portcullis.sarif}

        # Exceptions, each with an owner and an expiry date: after it the waiver stops suppressing
        # and is reported. A waiver that suppresses nothing is reported too.
        waivers: []
        #  - policy: images/no-latest-tag          # a policy id or a pack, or a list of them
        #    kind: Deployment                       # resource selector (globs): kind, namespace, name
        #    namespace: legacy
        #    name: old-*
        #    path: "apps/legacy/**"                 # and/or file path globs
        #    reason: upstream publishes only latest; replacement tracked in OPS-123
        #    owner: team-platform
        #    expires: 2027-03-31

        """

    func run() throws {
        let path = Configuration.fileName
        if FileManager.default.fileExists(atPath: path) && !force {
            var err = OutputStream.standardError
            err.writeLine("error: \(path) already exists; use --force to replace it")
            err.flush()
            throw ExitCode(2)
        }
        do {
            try Data(Self.starter.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            var err = OutputStream.standardError
            err.writeLine("error: \(path): cannot write it: \(SystemErrorText.describe(error))")
            err.flush()
            throw ExitCode(2)
        }
        var out = OutputStream.standardOutput
        out.writeLine("wrote \(path); `portcullis check .` reads it")
        out.flush()
    }
}
