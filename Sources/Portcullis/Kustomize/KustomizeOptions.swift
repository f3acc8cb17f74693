#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a validation reads kustomize repositories (`ValidationOptions.kustomize`).
///
/// Always: a file that a `kustomization.yaml` among or above the inputs reads as a patch
/// (`patches`, `patchesStrategicMerge`, `patchesJson6902`) is a partial object, not a resource, and
/// is not checked as one; `ValidationResult.kustomizePatchFiles` lists them.
///
/// With `render`: each kustomization root among the inputs (one that no other kustomization of the
/// inputs includes: the overlays) is rendered by `kubectl kustomize` or `kustomize build`, the
/// rendered resources are checked instead of the files the rendering read, and every finding is
/// reported in the repository's files: at the same field of the resource in its origin file, or —
/// when the field was set by the overlay — in the patch, at the `images:` or generator entry, or at
/// the resource, naming the overlay.
public struct KustomizeOptions: Sendable {
    /// Render the kustomization roots and check what they render.
    public var render = false
    /// The program that renders; `nil`: found on `PATH` (`KustomizeRenderer.find()`).
    public var renderer: KustomizeRenderer?
    /// How long one rendering may take before it is stopped (an error names the overlay).
    public var timeout: Duration = .seconds(120)

    public init(render: Bool = false, renderer: KustomizeRenderer? = nil, timeout: Duration = .seconds(120)) {
        self.render = render
        self.renderer = renderer
        self.timeout = timeout
    }
}

/// A program that renders a kustomization: `kubectl kustomize DIR` or `kustomize build DIR`.
/// Renderings run with the repository's files only: a kustomization naming a remote resource is
/// not rendered (Portcullis stays offline), and neither is one that needs Helm.
public struct KustomizeRenderer: Sendable, Hashable, CustomStringConvertible {
    /// The executable (absolute path).
    public var executable: String
    /// What comes before the folder: `["kustomize"]` for kubectl, `["build"]` for kustomize.
    public var arguments: [String]

    public init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    /// `kubectl kustomize`, else `kustomize build`, from the folders of `searchPath` (default: `PATH`).
    public static func find(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) -> KustomizeRenderer? {
        if let kubectl = Subprocess.find("kubectl", searchPath: searchPath) {
            return KustomizeRenderer(executable: kubectl, arguments: ["kustomize"])
        }
        if let kustomize = Subprocess.find("kustomize", searchPath: searchPath) {
            return KustomizeRenderer(executable: kustomize, arguments: ["build"])
        }
        return nil
    }

    /// `kubectl kustomize` or `kustomize build`, as a person would type it.
    public var description: String {
        ([PathResolution.lastName(of: executable)] + arguments).joined(separator: " ")
    }
}
