#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics
import PortcullisManifest

/// What a validation over paths reads, and how: the files checked as they are, the kustomize patch
/// files left out, and the kustomization roots to render. Made in one pass: discovery → the run's
/// own reports and baselines left out → kustomizations around the inputs → `--changed-since`.
struct InputPlan {
    /// Checked as they are.
    var inputs: [InputFile] = []
    /// Left out: partial objects a kustomization reads as patches.
    var patchFiles: [InputFile] = []
    /// Kustomization roots to render (`KustomizeOptions.render`), with what each reads.
    var renderings: [KustomizeRoot] = []
    /// Input files each rendering stands for, by root: checked as they are if it fails.
    var consumedInputs: [String: [InputFile]] = [:]
    var layout = KustomizeLayout()
    var diagnostics: [PortcullisDiagnostics.Diagnostic] = []
    /// Absolute path → the path shown (the inputs' as discovered; others relative to the working directory).
    var displayPaths: [String: String] = [:]

    func display(_ absolute: String) -> String {
        displayPaths[absolute] ?? PathResolution.resolve(absolute, against: "/")
    }
}

/// A kustomization root to render.
struct KustomizeRoot: Sendable {
    /// The folder (absolute).
    var folder: String
    /// The folder as shown: `overlays/prod`.
    var displayFolder: String
    var closure: KustomizeLayout.Closure
    /// The root's kustomization file as shown (problems of the rendering are reported there).
    var displayFile: String { closure.kustomizations[0].file.path }

    /// The rendered resources' `file`: the root's kustomization file relative to the repository's
    /// top (outside a repository: as shown), whatever the working directory, so path globs (`*/prod/*`: the environment policies)
    /// always see the overlay's folders.
    var renderedPath: String {
        guard let top = FolderSearch.nearest(holding: ".git", from: folder),
              let relative = PathResolution.relative(closure.kustomizations[0].path, to: top.path) else { return displayFile }
        return relative
    }
}

extension Validator {
    /// The plan for a run over `paths`.
    func plan(_ paths: [String]) -> InputPlan {
        var plan = InputPlan()
        let discovery = InputDiscovery(excludes: excludePatterns, standardInputName: options.standardInputName)
        let (found, discoveryDiagnostics) = discovery.collect(paths)
        plan.diagnostics = discoveryDiagnostics
        // Each file's absolute path, made once, by the path to open (hashing a whole `InputFile`
        // hashes two strings; the absolute path depends on that one alone).
        let workingDirectory = FileManager.default.currentDirectoryPath
        var absolutePaths: [String: String] = [:]
        let standardizer = PathStandardizer()
        for input in found where !input.isStandardInput {
            absolutePaths[input.path] = standardizer.standardized(input.path, in: workingDirectory)
        }
        let resolved = absolutePaths
        let absolute = { (input: InputFile) -> String? in input.isStandardInput ? nil : resolved[input.path] }
        let isIgnored = ignoredInputs(workingDirectory: workingDirectory)
        var inputs = found.filter { input in absolute(input).map { !isIgnored($0) } ?? true }
        let files = inputs.filter { !$0.isStandardInput }
        for input in files { plan.displayPaths[absolute(input)!] = input.displayPath }
        let displayPaths = plan.displayPaths
        plan.layout = KustomizeLayout.discover(files.map { absolute($0)! }, loader: ManifestLoader(limits: options.limits),
                                               paths: standardizer,
                                               display: { displayPaths[$0] ?? PathResolution.resolve($0, against: "/") })

        // --changed-since: the changed files (and below, the roots whose rendering they feed).
        var isChanged: (String) -> Bool = { _ in true }
        if let ref = options.changedSince {
            do throws(GitChanges.Failure) {
                let changed = try GitChanges.files(since: ref)
                isChanged = { changed.contains($0) || changed.contains(URL(fileURLWithPath: $0).resolvingSymlinksInPath().path) }
            } catch {
                plan.diagnostics.append(.error("input.changed-since", error.message))
                return plan
            }
        }

        // Patch files are partial objects: never checked as resources.
        let patches = plan.layout.patchFiles
        plan.patchFiles = inputs.filter { absolute($0).map { patches.contains($0) && isChanged($0) } ?? false }
        inputs.removeAll { absolute($0).map(patches.contains) ?? false }

        // Rendering: each root stands for the files it reads.
        if options.kustomize.render && !plan.layout.isEmpty {
            let roots = plan.layout.roots.map { (folder: $0, closure: plan.layout.closure(ofRoot: $0)) }
            let renderer = options.kustomize.renderer ?? KustomizeRenderer.find()
            let wanted = roots.filter { $0.closure.files.contains(where: isChanged) }
            if renderer == nil && !wanted.isEmpty {
                plan.diagnostics.append(.error("kustomize.no-renderer",
                    "kustomize rendering needs `kubectl` (kubectl kustomize) or `kustomize` on the PATH, and neither is there; the \(wanted.count) kustomization root\(wanted.count == 1 ? " is" : "s are") checked as plain files"))
            }
            for (folder, closure) in roots where renderer != nil {
                let consumed = inputs.filter { absolute($0).map(closure.files.contains) ?? false }
                // An unchanged root is not rendered, and its files are not checked either.
                guard closure.files.contains(where: isChanged) else {
                    inputs.removeAll(where: consumed.contains)
                    continue
                }
                let display = plan.display(folder)
                let shown = display == "." ? PathResolution.lastName(of: folder) : display
                if let remote = closure.remoteResources.first {
                    plan.diagnostics.append(.warning("kustomize.not-rendered",
                        "\(shown) is not rendered: it includes the remote resource '\(remote)', and Portcullis does not fetch; its files are checked as they are",
                        path: closure.kustomizations[0].file.path))
                    continue
                }
                if closure.needsHelm {
                    plan.diagnostics.append(.warning("kustomize.not-rendered",
                        "\(shown) is not rendered: it inflates Helm charts (helmCharts), which needs Helm; its files are checked as they are",
                        path: closure.kustomizations[0].file.path))
                    continue
                }
                plan.renderings.append(KustomizeRoot(folder: folder, displayFolder: shown, closure: closure))
                plan.consumedInputs[folder] = consumed.filter { isChanged(absolute($0)!) }
            }
            let consumed = Set(plan.renderings.flatMap { root in inputs.filter { absolute($0).map(root.closure.files.contains) ?? false } })
            inputs.removeAll(where: consumed.contains)
        }
        inputs.removeAll { !$0.isStandardInput && !isChanged(absolute($0)!) }
        plan.inputs = inputs
        return plan
    }
}
