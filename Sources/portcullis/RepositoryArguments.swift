import ArgumentParser
import Portcullis

/// How `check` reads a GitOps repository: kustomize overlays, and only what a change touched.
struct RepositoryArguments: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Render each kustomization root (overlay) with kubectl kustomize or kustomize build and check what it renders; findings point into the repository's files (default: the configuration's 'kustomize', else off)."))
    var kustomize: Bool?

    @Option(help: ArgumentHelp("Check only files changed since this git ref (and, with --kustomize, the overlays they feed); the paths default to '.'.", valueName: "ref"))
    var changedSince: String?

    /// The paths to read: those given, else `.` when checking changes.
    func paths(_ given: [String]) -> [String] {
        given.isEmpty && changedSince != nil ? ["."] : given
    }

    /// Sets the kustomize and change options (the command line wins over the configuration).
    func apply(to options: inout ValidationOptions) {
        if let kustomize { options.kustomize.render = kustomize }
        options.changedSince = changedSince
    }
}
