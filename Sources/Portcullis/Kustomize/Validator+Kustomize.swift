#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics
import PortcullisEngine
import PortcullisManifest

/// The findings of the rendered kustomization roots, placed in the repository's files.
struct RenderedCheck {
    /// One result per repository file the renderings read, with the findings placed in it (the
    /// files' own loader warnings are left out: a JSON patch is not a problem here).
    var results: [ManifestChecker.FileResult] = []
    var diagnostics: [PortcullisDiagnostics.Diagnostic] = []
    /// Rendered resources.
    var resourceCount = 0
    /// The roots rendered, as shown.
    var rendered: [String] = []
    /// Input files of roots that could not be rendered (and that no rendered root read): checked as they are.
    var fallbackInputs: [InputFile] = []
}

extension Validator {
    /// Renders the plan's roots (on all cores), checks what they render, one input set per root
    /// (what the overlay deploys together), and places each finding in the repository's files.
    func checkRenderings(_ plan: InputPlan) -> RenderedCheck {
        var check = RenderedCheck()
        guard !plan.renderings.isEmpty, let renderer = options.kustomize.renderer ?? KustomizeRenderer.find() else { return check }
        let rendering = KustomizeRendering(renderer: renderer, timeout: options.kustomize.timeout)
        let outcomes = InputOrder.map(plan.renderings, parallel: options.parallel) { rendering.render(root: $0.folder, shownAs: $0.displayFolder) }
        // Whole documents: a rendered resource's origin is in metadata.annotations, which no policy may read.
        let loader = ManifestLoader(limits: options.limits)

        var rendered: [(root: KustomizeRoot, wrapper: String, file: ManifestFile)] = []
        var failed: [KustomizeRoot] = []
        for (root, outcome) in zip(plan.renderings, outcomes) {
            switch outcome {
            case .failure(let failure):
                check.diagnostics.append(.error("kustomize.render-failed",
                    "\(root.displayFolder) could not be rendered: \(failure.reason); its files are checked as they are", path: root.displayFile))
                failed.append(root)
            case .success(let output):
                let file = loader.load(SourceFile(path: root.renderedPath, bytes: output.bytes))
                check.diagnostics += file.diagnostics.map { Self.aboutRendering($0, of: root) }
                rendered.append((root, output.wrapperFolder, file))
                check.rendered.append(root.displayFolder)
                check.resourceCount += file.resourceCount
            }
        }
        let readByRendered = Set(rendered.flatMap(\.root.closure.files))
        check.fallbackInputs = failed.flatMap { plan.consumedInputs[$0.folder] ?? [] }
            .filter { !readByRendered.contains(PathResolution.absolute($0.path)) }
        guard !rendered.isEmpty else { return check }

        // Every file a finding may point into: the manifests and kustomizations the renderings read,
        // and every origin the rendered resources name.
        var byRealPath: [String: String] = [:]
        for path in readByRendered { byRealPath[URL(fileURLWithPath: path).resolvingSymlinksInPath().path] = path }
        var originPaths: Set<String> = []
        for entry in rendered {
            let mapper = OriginMapper(root: entry.root.folder, overlay: entry.root.displayFolder, closure: entry.root.closure,
                                      wrapperFolder: entry.wrapper, files: [:], byRealPath: byRealPath)
            for document in entry.file.resources {
                if case .file(let path) = mapper.origin(of: document) { originPaths.insert(path) }
            }
        }
        let wanted = Set(readByRendered.filter(Self.isManifestOrKustomization)).union(originPaths)
        let paths = wanted.sorted()
        let loaded = InputOrder.map(paths, parallel: options.parallel) { loader.loadFile(atPath: $0, displayPath: plan.display($0)) }
        let files = Dictionary(uniqueKeysWithValues: zip(paths, loaded))

        // What the origin files find as written (together, as one input set): a rendered finding
        // among these is the origin's own.
        let checker = ManifestChecker(graph: policies.graph, loader: loader)
        let crossDocument = policies.graph.isCrossDocument
        let originFiles = paths.filter(originPaths.contains).compactMap { files[$0] }
        let originSet = crossDocument ? InputSet(files: originFiles) : .empty
        let originFindings = Set(InputOrder.map(originFiles, parallel: options.parallel) { checker.evaluate($0, in: originSet).findings }
            .joined().map(OriginMapper.OriginFinding.init))

        // Evaluate and place; the same finding from several overlays (a field of the base) is one.
        var placed: Set<PortcullisEngine.Finding> = []
        var byPath: [String: [PortcullisEngine.Finding]] = [:]
        for entry in rendered {
            let result = checker.evaluate(entry.file, in: crossDocument ? InputSet(files: [entry.file]) : .empty)
            check.diagnostics += result.issues.map { Self.aboutRendering($0, of: entry.root) }
            let mapper = OriginMapper(root: entry.root.folder, overlay: entry.root.displayFolder, closure: entry.root.closure,
                                      wrapperFolder: entry.wrapper, files: files, byRealPath: byRealPath, originFindings: originFindings)
            var documents: [[Int?]: Document] = [:]
            for document in entry.file.resources { documents[[document.streamIndex, document.listItemIndex]] = document }
            for finding in result.findings {
                guard let document = documents[[finding.documentIndex, finding.listItemIndex]] else { continue }
                for mapped in mapper.map([finding], of: document) where placed.insert(mapped).inserted {
                    byPath[mapped.path, default: []].append(mapped)
                }
            }
        }
        for file in loaded {
            let findings = (byPath[file.path] ?? []).sorted(by: PortcullisEngine.Finding.reportOrder)
            let quiet = ManifestFile(source: file.source, storage: file.storage, resources: file.resources, diagnostics: [],
                                     directiveComments: file.directiveComments, sequenceDocuments: file.sequenceDocuments)
            check.results.append(ManifestChecker.FileResult(file: quiet, findings: findings, issues: []))
        }
        return check
    }

    /// A problem met in a rendered stream, told about the root's kustomization (the stream's lines
    /// are in no file).
    private static func aboutRendering(_ diagnostic: PortcullisDiagnostics.Diagnostic, of root: KustomizeRoot) -> PortcullisDiagnostics.Diagnostic {
        var moved = diagnostic
        moved.message = "in the rendering of \(root.displayFolder): " + diagnostic.message
        moved.path = root.displayFile
        moved.span = nil
        return moved
    }

    private static func isManifestOrKustomization(_ path: String) -> Bool {
        let name = PathResolution.lastName(of: path)
        return Kustomization.fileNames.contains(name) || ["yaml", "yml", "json"].contains(PathResolution.nameExtension(of: name).lowercased())
    }
}
