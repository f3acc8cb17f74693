#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
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
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            var linkInfo = stat()
            if code == ENOENT && lstat(path, &linkInfo) == 0 {
                diagnostics.append(.error(ManifestDiagnostic.notFound, "symbolic link points to nothing", path: shown))
            } else {
                diagnostics.append(FileReadFailure.from(errno: code).diagnostic(path: shown))
            }
            return
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            visitDirectory(path, shown: shown, info: info)
        } else if !discovery.isExcluded(shown) {
            addFile(path, shown: shown)
        }
    }

    mutating func addFile(_ path: String, shown: String) {
        guard seenFiles.insert(path).inserted else { return }
        files.append(InputFile(path: path, displayPath: shown))
    }

    mutating func visitDirectory(_ path: String, shown: String, info: stat) {
        let id = DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        if ancestors.contains(id) {
            diagnostics.append(.error(ManifestDiagnostic.symlinkLoop,
                                      "symbolic link leads back to a folder that contains it; not followed",
                                      path: shown))
            return
        }
        guard let stream = opendir(path) else {
            diagnostics.append(FileReadFailure.from(errno: errno).diagnostic(path: shown))
            return
        }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(stream)
        names.sort()
        ancestors.append(id)
        defer { ancestors.removeLast() }
        for name in names {
            let childPath = path.hasSuffix("/") ? path + name : path + "/" + name
            let childShown = shown == "." ? name : (shown.hasSuffix("/") ? shown + name : shown + "/" + name)
            if discovery.isExcluded(childShown) { continue }
            var childInfo = stat()
            guard stat(childPath, &childInfo) == 0 else {
                let code = errno
                // A dangling link with a manifest's extension was meant to be read: say so.
                if code == ELOOP || discovery.hasWantedExtension(name) {
                    diagnostics.append(FileReadFailure.from(errno: code).diagnostic(path: childShown))
                }
                continue
            }
            switch childInfo.st_mode & S_IFMT {
            case S_IFDIR:
                visitDirectory(childPath, shown: childShown, info: childInfo)
            case S_IFREG:
                if discovery.hasWantedExtension(name) { addFile(childPath, shown: childShown) }
            default:
                if discovery.hasWantedExtension(name) {
                    diagnostics.append(FileReadFailure.notRegularFile.diagnostic(path: childShown))
                }
            }
        }
    }
}
