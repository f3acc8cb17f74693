#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics
import PortcullisManifest

/// `.portcullis.yaml`: a project's settings. Found upward from a folder, or named explicitly. Every
/// path in it (`policies`, `exclude`, waiver `path`, `output`) is relative to the file's own folder,
/// so a run from a subfolder means the same as a run from the top.
public struct Configuration: Sendable {
    /// The file's name.
    public static let fileName = ".portcullis.yaml"

    /// The file as it was named (relative to the working directory when found there).
    public var path: String { source.path }
    /// The absolute folder holding the file: relative paths in it are resolved against this.
    public let folder: String
    /// Policy files or folders, resolved against `folder` (empty: the built-in packs).
    public var policyPaths: [String] = []
    /// Opt-in policies or packs to turn on (`enable:`).
    public var enable: [String] = []
    /// Policies or packs to turn off (`disable:`).
    public var disable: [String] = []
    /// Run only these policies or packs (`only:`).
    public var only: [String]?
    /// Severity overrides by policy id or pack (`severity:`).
    public var severities: [String: Severity] = [:]
    /// Policy parameters (`parameters:`).
    public var parameters: [String: ParameterValue] = [:]
    /// Path globs not to read, as written (matched against paths relative to `folder`, and against tails).
    public var excludes: [String] = []
    /// Exceptions with owners and expiry dates (`waivers:`).
    public var waivers: [Waiver] = []
    /// Default report formats (`format:`).
    public var formats: [ReportFormat] = []
    /// Report files by format, resolved against `folder`.
    public var outputs: [ReportFormat: String] = [:]
    /// The severity from which findings fail a run (`fail-on:`).
    public var failOn: Severity?
    /// How the admission endpoint (`portcullis serve`) turns findings into decisions (`admission:`).
    public var admission = AdmissionSettings()
    /// `kustomize: true`: render the kustomization roots and check what they render (`--kustomize`).
    public var kustomize: Bool?

    /// The file as read: reports show its lines (waivers, expired waivers).
    let source: SourceFile
    /// Where each parameter's value and each policy name (`enable`, `disable`, `only`, `severity`)
    /// is written: errors about them point there.
    var parameterOrigins: [String: SourceRange] = [:]
    var nameOrigins: [String: SourceRange] = [:]

    init(source: SourceFile, folder: String) {
        self.source = source
        self.folder = folder
    }

    /// The nearest `.portcullis.yaml` from `folder` upward (itself included), if any; shown relative
    /// when it is in `folder` itself.
    public static func find(from folder: String = FileManager.default.currentDirectoryPath) -> String? {
        guard let found = FolderSearch.nearest(holding: fileName, from: folder) else { return nil }
        return found.path == URL(fileURLWithPath: folder).standardizedFileURL.path ? fileName : found.appendingPathComponent(fileName).path
    }

    /// Reads and checks the file at `path`. Unknown keys and bad values are errors naming the line
    /// and column.
    public static func load(_ path: String) throws(ConfigurationError) -> Configuration {
        // Opened, then checked to be a regular file: a FIFO in its place never blocks the run.
        switch FileReader.read(path: path, maxBytes: ManifestLimits.standard.maxFileBytes) {
        case .success(let bytes):
            return try load(SourceFile(path: path, bytes: bytes))
        case .failure(let failure):
            var diagnostic = failure.diagnostic(path: path)
            diagnostic.id = "config.unreadable"
            diagnostic.message = "cannot read the configuration file: " + diagnostic.message
            throw ConfigurationError(diagnostics: [Diagnostic(diagnostic)])
        }
    }

    /// Checks configuration text, as if read from `path` (relative paths then resolve against its folder).
    public static func load(text: String, path: String) throws(ConfigurationError) -> Configuration {
        try load(SourceFile(path: path, bytes: Array(text.utf8)))
    }

    static func load(_ source: SourceFile) throws(ConfigurationError) -> Configuration {
        let folder = URL(fileURLWithPath: source.path).standardizedFileURL.deletingLastPathComponent().path
        let (configuration, diagnostics) = ConfigurationReader.read(source, folder: folder)
        guard let configuration else { throw ConfigurationError(diagnostics: diagnostics.wrapped(sources: [source])) }
        return configuration
    }

    /// The policy options the file sets.
    public var policyOptions: PolicyOptions {
        var options = PolicyOptions(enable: enable, disable: disable, only: only, severities: severities, parameters: parameters)
        options.parameterOrigins = parameterOrigins
        options.nameOrigins = nameOrigins
        return options
    }

    /// `path` (relative to the file's folder, or absolute) as a path usable from the working
    /// directory: relative to it when the result lies inside it.
    func resolve(_ path: String) -> String {
        PathResolution.resolve(path, against: folder)
    }
}

/// A configuration file that cannot be used; `diagnostics` say where and why.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, each at its line and column.
    public let diagnostics: [Diagnostic]
    /// The diagnostics, one per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Turning paths relative to a folder into paths usable from the working directory.
package enum PathResolution {
    static func resolve(_ path: String, against folder: String, workingDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let absolute = path.hasPrefix("/") ? path : URL(fileURLWithPath: folder).appendingPathComponent(path).standardizedFileURL.path
        return relative(absolute, to: workingDirectory) ?? absolute
    }

    /// `absolute` relative to `folder` when it lies inside it.
    static func relative(_ absolute: String, to folder: String) -> String? {
        relative(absolute, toStandardized: URL(fileURLWithPath: folder).standardizedFileURL.path)
    }

    /// `absolute` relative to `base` (a folder already standardized) when it lies inside it.
    static func relative(_ absolute: String, toStandardized base: String) -> String? {
        if absolute == base { return "." }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : nil
    }

    /// The last name of `path` (`c.yaml` for `/a/b/c.yaml`, `b` for `a/b/`, `/` for `/`), as
    /// `NSString.lastPathComponent` gives it.
    static func lastName(of path: String) -> String {
        let bytes = Array(path.utf8)
        var end = bytes.count
        while end > 1 && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        // The root alone is `/`; the root written with more slashes has no name (as NSString says).
        if end == 1 && bytes[0] == UInt8(ascii: "/") { return bytes.count == 1 ? "/" : "" }
        let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The extension of `path`'s last name (`yaml` for `a/b.yaml`; empty for `.hidden`, `a.` or
    /// none), as `NSString.pathExtension` gives it.
    static func nameExtension(of path: String) -> String {
        let name = lastName(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// The folder holding `path` (`/a/b` for `/a/b/c.yaml`, `/` for `/a`, empty for `a`), as
    /// `NSString.deletingLastPathComponent` gives it for paths whose names start with no combining
    /// mark (there Foundation on Linux, splitting by characters, misses the `/`), without Foundation.
    /// By bytes: a `/` is never part of another character in UTF-8, and counting or searching a
    /// `String` by characters walks it from the start each time.
    static func parentFolder(of path: String) -> String {
        let slash = UInt8(ascii: "/")
        let bytes = path.utf8
        var end = bytes.endIndex
        var length = bytes.count
        while length > 1, bytes[bytes.index(before: end)] == slash {
            end = bytes.index(before: end)
            length -= 1
        }
        guard let found = bytes[..<end].lastIndex(of: slash) else { return "" }
        if found == bytes.startIndex { return "/" }
        return String(path[..<found])
    }

    /// The absolute, standardized form of a path given relative to the working directory.
    static func absolute(_ path: String) -> String {
        standardized(path, in: FileManager.default.currentDirectoryPath)
    }

    /// `path` made absolute against `folder` (an absolute path) when it is relative, then
    /// standardized as `URL(fileURLWithPath:).standardizedFileURL.path` does it. Foundation's way
    /// costs a URL, a `stat` and a parse per path, and planning a run standardizes every input file
    /// once, a kustomization every path it names; so a path is standardized here by its text —
    /// `.` and empty names (`//`, a trailing `/`) left out — when that is all Foundation would do.
    /// A path with a `..` name goes to Foundation: there it resolves symbolic links first (when
    /// the path exists), so `..` leaves the real folder; so does one under `/private/` or
    /// `/var/automount/`, which Foundation shortens when the shorter path exists.
    package static func standardized(_ path: String, in folder: String) -> String {
        let joined = path.hasPrefix("/") ? path : folder + "/" + path
        if isStandard(joined) { return joined }
        // By bytes (a `/` is never part of another character in UTF-8): splitting a `String`
        // walks it character by character.
        let bytes = Array(joined.utf8)
        let (kept, holdsParent) = names(of: bytes)
        if holdsParent { return URL(fileURLWithPath: joined).standardizedFileURL.path }
        if let first = kept.first, bytes[first].elementsEqual("private".utf8)
            || (bytes[first].elementsEqual("var".utf8) && kept.count > 1 && bytes[kept[1]].elementsEqual("automount".utf8)) {
            return URL(fileURLWithPath: joined).standardizedFileURL.path
        }
        return Self.joined(kept, of: bytes)
    }

    /// Whether `path` is already what `standardized` makes of it: absolute, every name neither empty
    /// nor `.` nor `..` (no `//`, no trailing `/`), and not under `/private` or `/var/automount`
    /// (those go to Foundation). One pass over the bytes, nothing made: most paths of a run are so.
    static func isStandard(_ path: String) -> Bool {
        if path == "/" { return true }
        guard !path.hasPrefix("/private"), !path.hasPrefix("/var/automount") else { return false }
        var path = path
        return path.withUTF8 { bytes in
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            guard bytes.count > 1, bytes[0] == slash else { return false }
            var start = 1
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != slash { end += 1 }
                let length = end - start
                if length == 0 || (bytes[start] == dot && (length == 1 || (length == 2 && bytes[start + 1] == dot))) { return false }
                start = end + 1
            }
            return true
        }
    }

    /// The names of a path's bytes, as ranges, `.` and empty names left out and each `..` taking
    /// away the name before it (at the root it takes nothing); `holdsParent`: a `..` was met.
    static func names(of bytes: [UInt8]) -> (kept: [Range<Int>], holdsParent: Bool) {
        var kept: [Range<Int>] = []
        var holdsParent = false
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "/") { end += 1 }
            let name = bytes[start..<end]
            if name.elementsEqual("..".utf8) {
                holdsParent = true
                _ = kept.popLast()
            } else if !name.isEmpty && !name.elementsEqual(".".utf8) {
                kept.append(start..<end)
            }
            start = end + 1
        }
        return (kept, holdsParent)
    }

    /// The absolute path of `names` (ranges of `bytes`): `/` before each; `/` alone for none.
    static func joined(_ names: [Range<Int>], of bytes: [UInt8]) -> String {
        guard !names.isEmpty else { return "/" }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for range in names {
            result.append(UInt8(ascii: "/"))
            result.append(contentsOf: bytes[range])
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// Walks up from a folder to the file system's root.
enum FolderSearch {
    /// The nearest folder from `start` upward (itself included) that holds an entry called `name`.
    static func nearest(holding name: String, from start: String) -> URL? {
        var url = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) { return url }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }
}

/// The repository root: the nearest folder upward holding `.git`, else the working directory.
/// SARIF and Markdown locations are relative to it.
public enum RepositoryRoot {
    /// The nearest folder from `start` upward holding `.git`, else `start`.
    public static func find(from start: String = FileManager.default.currentDirectoryPath) -> String {
        FolderSearch.nearest(holding: ".git", from: start)?.path ?? start
    }
}
