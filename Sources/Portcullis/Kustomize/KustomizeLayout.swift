#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics
import PortcullisManifest

/// The kustomizations around a run's inputs: those in the inputs' folders and the folders above
/// them (up to the repository root), and every kustomization they include. From them: which input
/// files are patches, which folders are roots (no kustomization of the inputs includes them: the
/// overlays), and which files each root's rendering reads.
struct KustomizeLayout: Sendable {
    /// Everything one root's rendering reads.
    struct Closure: Sendable {
        /// The root's kustomization first, then those it includes, depth first.
        var kustomizations: [Kustomization] = []
        /// Every file read (absolute): kustomization files, resources, patches, generator sources.
        var files: Set<String> = []
        /// Resources on other machines (the rendering would need the network).
        var remoteResources: [String] = []
        var needsHelm = false
    }

    /// By folder (absolute).
    private(set) var kustomizations: [String: Kustomization] = [:]
    /// The folders whose kustomization was found from the inputs (not only reached by reference).
    private(set) var foundFolders: Set<String> = []

    var isEmpty: Bool { kustomizations.isEmpty }

    /// Finds the kustomizations of `inputs` (absolute paths of files). `display` gives the path to
    /// show for an absolute path.
    /// `paths` standardizes the paths kustomizations name.
    static func discover(_ files: [String], loader: ManifestLoader, paths: PathStandardizer,
                         display: (String) -> String) -> KustomizeLayout {
        var layout = KustomizeLayout()
        var visited: Set<String> = []
        // A kustomization's resources are mostly files among the inputs: those are not folders to look in.
        let inputFiles = Set(files)
        for file in files {
            var folder = PathResolution.parentFolder(of: file)
            while visited.insert(folder).inserted {
                if let path = Kustomization.file(inFolder: folder) {
                    layout.foundFolders.insert(folder)
                    layout.load(folder: folder, path: path, loader: loader, paths: paths, display: display, inputFiles: inputFiles)
                }
                // The repository's top is as far up as a kustomization that matters can be.
                if case .success = Platform.fileStatus(folder + "/.git") { break }
                if folder == "/" || folder.isEmpty { break }
                folder = PathResolution.parentFolder(of: folder)
            }
        }
        return layout
    }

    /// Loads the kustomization in `folder` and, recursively, those it includes.
    /// `inputFiles` are known to be files (no kustomization file is looked for in them).
    private mutating func load(folder: String, path: String, loader: ManifestLoader, paths: PathStandardizer,
                               display: (String) -> String, inputFiles: Set<String>) {
        guard kustomizations[folder] == nil,
              let kustomization = Kustomization.load(path, displayPath: display(path), loader: loader, paths: paths) else { return }
        kustomizations[folder] = kustomization
        for included in kustomization.resources + kustomization.components where !inputFiles.contains(included) {
            if let file = Kustomization.file(inFolder: included) {
                load(folder: included, path: file, loader: loader, paths: paths, display: display, inputFiles: inputFiles)
            }
        }
    }

    /// Files some kustomization reads as patches and none as a resource (absolute).
    var patchFiles: Set<String> {
        var patches: Set<String> = [], resources: Set<String> = []
        for kustomization in kustomizations.values {
            patches.formUnion(kustomization.patchFiles)
            resources.formUnion(kustomization.resources)
        }
        return patches.subtracting(resources)
    }

    /// The folders of found kustomizations that no other kustomization includes, sorted (a
    /// component is never a root: it is rendered only as part of a kustomization).
    var roots: [String] {
        var included: Set<String> = []
        for kustomization in kustomizations.values { included.formUnion(kustomization.resources + kustomization.components) }
        return foundFolders.filter { !included.contains($0) && kustomizations[$0]?.isComponent != true }.sorted()
    }

    /// What rendering the kustomization in `root` reads.
    func closure(ofRoot root: String) -> Closure {
        var closure = Closure()
        var seen: Set<String> = []
        collect(root, into: &closure, seen: &seen)
        return closure
    }

    private func collect(_ folder: String, into closure: inout Closure, seen: inout Set<String>) {
        guard seen.insert(folder).inserted, let kustomization = kustomizations[folder] else { return }
        closure.kustomizations.append(kustomization)
        closure.files.insert(kustomization.path)
        closure.files.formUnion(kustomization.patchFiles + kustomization.otherFiles)
        closure.remoteResources += kustomization.remoteResources
        closure.needsHelm = closure.needsHelm || kustomization.needsHelm
        for included in kustomization.resources + kustomization.components {
            if kustomizations[included] != nil {
                collect(included, into: &closure, seen: &seen)
            } else {
                closure.files.insert(included)
            }
        }
    }
}
