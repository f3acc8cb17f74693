#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics

/// Renders one kustomization root with origin annotations, without touching the user's files: a
/// temporary wrapper kustomization (in the system's temporary folder) includes the root and adds
/// `buildMetadata: [originAnnotations]`, so every rendered resource carries
/// `config.kubernetes.io/origin` — the file it came from, or the kustomization whose generator made
/// it — with paths relative to the wrapper's folder.
struct KustomizeRendering: Sendable {
    /// The rendered stream and the folder origin paths are relative to (real path, symbolic links resolved).
    struct Rendered: Sendable {
        var bytes: [UInt8]
        var wrapperFolder: String
    }

    /// Why a root was not rendered: the renderer's own words, or what stopped it.
    struct Failure: Error, Sendable {
        var reason: String
    }

    var renderer: KustomizeRenderer
    var timeout: Duration

    /// Renders the kustomization in `root` (absolute); `shownAs` names it in messages.
    func render(root: String, shownAs: String) -> Result<Rendered, Failure> {
        let temporary = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
            .appendingPathComponent("portcullis-kustomize-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        } catch {
            return .failure(Failure(reason: "cannot create a temporary folder: \(SystemErrorText.describe(error))"))
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        let target = Self.relativePath(from: temporary.path, to: realRoot)
        let wrapper = """
            # Written by Portcullis for one rendering, then removed.
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - \(Self.quoted(target))
            buildMetadata: [originAnnotations]

            """
        if let problem = Self.write(wrapper, to: temporary.appendingPathComponent("kustomization.yaml").path) {
            return .failure(Failure(reason: "cannot write the wrapper kustomization: \(problem)"))
        }
        let output: Subprocess.Output
        do {
            output = try Subprocess(executable: renderer.executable, arguments: renderer.arguments + [temporary.path],
                                    workingDirectory: temporary.path, timeout: timeout).run()
        } catch {
            return .failure(Failure(reason: "cannot run \(renderer): \(error.reason)"))
        }
        if output.timedOut {
            return .failure(Failure(reason: "\(renderer) did not finish within \(timeout.components.seconds) s; stopped"))
        }
        guard output.status == 0 else {
            return .failure(Failure(reason: "\(renderer) failed (exit \(output.status)): \(Self.clean(output.errorText, replacing: [(temporary.path, "<wrapper>"), (realRoot, shownAs), (root, shownAs), (target, shownAs)]))"))
        }
        return .success(Rendered(bytes: output.standardOutput, wrapperFolder: temporary.path))
    }

    /// kustomize's message without its log prefix, paths of the wrapper and the root as the user knows them.
    private static func clean(_ message: String, replacing paths: [(String, String)]) -> String {
        var text = message
        if let range = text.firstRange(of: "\"command failed\" err=") { text = String(text[range.upperBound...]) }
        for (path, shown) in paths where !path.isEmpty { text = text.replacing(path, with: shown) }
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("# Warning") }
        return TextTrimming.trimmed(lines.joined(separator: " ")) { $0 == "\"" || $0 == " " }
    }

    /// A double-quoted YAML scalar.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    /// Writes `text` into a new file at `path`: `nil`, or what went wrong.
    private static func write(_ text: String, to path: String) -> String? {
        switch Platform.createExclusively(path, permissions: 0o600) {
        case .failure(let error):
            return error.message
        case .success(let descriptor):
            defer { Platform.close(descriptor) }
            var text = text
            let written = text.withUTF8 { Platform.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
            return written ? nil : Platform.ErrorNumber.current.message
        }
    }

    /// `target` relative to `folder` (both absolute and standardized): `../../repo/overlays/prod`.
    static func relativePath(from folder: String, to target: String) -> String {
        let from = folder.split(separator: "/"), to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        let parts = up + to[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
