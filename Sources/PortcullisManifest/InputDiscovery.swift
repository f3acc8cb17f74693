import PortcullisDiagnostics

/// One file to load: where it is and how to show it.
package struct InputFile: Hashable, Sendable {
    /// The path to open.
    package let path: String
    /// The path shown in reports (the path as the user gave it, `./` removed).
    package let displayPath: String
    /// Whether this is standard input.
    package let isStandardInput: Bool

    package init(path: String, displayPath: String, isStandardInput: Bool = false) {
        self.path = path
        self.displayPath = displayPath
        self.isStandardInput = isStandardInput
    }
}

/// Expands the paths a user gives into the files to load.
///
/// A file named explicitly is always loaded, whatever its extension. A directory is walked
/// recursively in name order, taking files ending in one of `extensions`; hidden entries
/// (`.git`, `.github`, `.hidden.yaml`) are skipped. Symbolic links are followed; one that leads
/// back to a directory being walked is reported, not followed. `-` stands for standard input.
package struct InputDiscovery: Sendable {
    package var extensions: Set<String>
    package var excludes: [GlobPattern]
    package var standardInputName: String

    package init(
        extensions: Set<String> = ["yaml", "yml", "json"],
        excludes: [GlobPattern] = [],
        standardInputName: String = "<stdin>"
    ) {
        self.extensions = extensions
        self.excludes = excludes
        self.standardInputName = standardInputName
    }

    /// The files under `paths` in a deterministic order, with a diagnostic for each path that
    /// cannot be used.
    package func collect(_ paths: [String]) -> (files: [InputFile], diagnostics: [Diagnostic]) {
        var walk = Walk(discovery: self)
        for path in paths {
            if path == "-" {
                walk.files.append(InputFile(path: "-", displayPath: standardInputName, isStandardInput: true))
                continue
            }
            walk.visitRoot(path)
        }
        return (walk.files, walk.diagnostics)
    }

    fileprivate func isExcluded(_ displayPath: String) -> Bool {
        excludes.contains { $0.matches(displayPath) }
    }

    fileprivate func hasWantedExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(String(name[name.index(after: dot)...]).lowercased())
    }
}

private struct Walk {
    struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    let discovery: InputDiscovery
    var files: [InputFile] = []
    var diagnostics: [Diagnostic] = []
    var seenFiles: Set<String> = []
    var ancestors: [DirectoryID] = []

    init(discovery: InputDiscovery) { self.discovery = discovery }

    static func display(_ path: String) -> String {
        var shown = path
        while shown.hasPrefix("./") && shown.count > 2 { shown.removeFirst(2) }
        return shown
    }

    mutating func visitRoot(_ path: String) {
        let shown = Self.display(path)
        let info: Platform.FileStatus
        switch Platform.fileStatus(path) {
        case .success(let status): info = status
        case .failure(let error):
            if error == .noSuchEntry, case .success = Platform.fileStatus(path, followingLinks: false) {
                diagnostics.append(.error(ManifestDiagnostic.notFound, "symbolic link points to nothing", path: shown))
            } else {
                diagnostics.append(FileReadFailure.from(error).diagnostic(path: shown))
            }
            return
        }
        if info.kind == .directory {
            visitDirectory(path, shown: shown, info: info)
        } else if !discovery.isExcluded(shown) {
            addFile(path, shown: shown)
        }
    }

    mutating func addFile(_ path: String, shown: String) {
        guard seenFiles.insert(path).inserted else { return }
        files.append(InputFile(path: path, displayPath: shown))
    }

    mutating func visitDirectory(_ path: String, shown: String, info: Platform.FileStatus) {
        let id = DirectoryID(device: info.device, inode: info.inode)
        if ancestors.contains(id) {
            diagnostics.append(.error(ManifestDiagnostic.symlinkLoop,
                                      "symbolic link leads back to a folder that contains it; not followed",
                                      path: shown))
            return
        }
        var entries: [(name: String, kind: Platform.DirectoryEntryKind)]
        switch Platform.typedDirectoryEntries(path) {
        case .success(let listed): entries = listed.filter { !$0.name.hasPrefix(".") }
        case .failure(let error):
            diagnostics.append(FileReadFailure.from(error).diagnostic(path: shown))
            return
        }
        entries.sort { $0.name < $1.name }
        // In a folder the process can list but not search, a listed file cannot be opened: `stat` says so, as before.
        let listingSuffices = Platform.canSearch(path)
        ancestors.append(id)
        defer { ancestors.removeLast() }
        for (name, listedKind) in entries {
            // A regular file the listing names needs no `stat`: most are not manifests at all.
            if listedKind == .regular && !discovery.hasWantedExtension(name) { continue }
            let childPath = path.hasSuffix("/") ? path + name : path + "/" + name
            // Shown as opened (a relative path given as it is): one string for both.
            let childShown = shown == "." ? name : shown == path ? childPath : (shown.hasSuffix("/") ? shown + name : shown + "/" + name)
            if discovery.isExcluded(childShown) { continue }
            if listedKind == .regular && listingSuffices {
                addFile(childPath, shown: childShown)
                continue
            }
            let childInfo: Platform.FileStatus
            switch Platform.fileStatus(childPath) {
            case .success(let status): childInfo = status
            case .failure(let error):
                // A dangling link with a manifest's extension was meant to be read: say so.
                if error == .symlinkLoop || discovery.hasWantedExtension(name) {
                    diagnostics.append(FileReadFailure.from(error).diagnostic(path: childShown))
                }
                continue
            }
            switch childInfo.kind {
            case .directory:
                visitDirectory(childPath, shown: childShown, info: childInfo)
            case .regular:
                if discovery.hasWantedExtension(name) { addFile(childPath, shown: childShown) }
            case .other:
                if discovery.hasWantedExtension(name) {
                    diagnostics.append(FileReadFailure.notRegularFile.diagnostic(path: childShown))
                }
            }
        }
    }
}
