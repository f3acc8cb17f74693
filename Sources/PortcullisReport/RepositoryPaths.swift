#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Paths of findings as the repository knows them: relative to its root (what a link on GitHub
/// needs), for the Markdown report's `file#Lline` links.
struct RepositoryPaths {
    private let root: String?
    private let workingDirectory = FileManager.default.currentDirectoryPath
    private let standardInputNames: Set<String>
    private var known: [String: String?] = [:]

    init(rootPath: String?, standardInputNames: Set<String>) {
        root = rootPath.map { ArtifactLocator.absolute($0, in: FileManager.default.currentDirectoryPath) }
        self.standardInputNames = standardInputNames
    }

    /// The path relative to the repository root, or `nil` when the file is not inside it (standard
    /// input without a name, a file elsewhere). `--stdin-filename` names are taken as given.
    mutating func relative(_ path: String) -> String? {
        if let cached = known[path] { return cached }
        let result: String?
        if path == "<stdin>" {
            result = nil
        } else if standardInputNames.contains(path) {
            result = path.hasPrefix("/") ? nil : path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        } else if let root {
            let full = ArtifactLocator.absolute(path, in: workingDirectory)
            let prefix = root.hasSuffix("/") ? root : root + "/"
            result = full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : nil
        } else {
            result = nil
        }
        known[path] = result
        return result
    }

    private var encoded: [String: String?] = [:]

    /// The relative path percent-encoded for a URL (memoised: a file has many findings).
    mutating func relativeURLPath(_ path: String) -> String? {
        if let cached = encoded[path] { return cached }
        let result = relative(path).map(ArtifactLocator.encode)
        encoded[path] = result
        return result
    }
}
