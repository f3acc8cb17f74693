import PortcullisDiagnostics

/// Standardizes the many paths of one run exactly as `PathResolution.standardized(_:in:)` does,
/// remembering the folders of paths that hold a `..` name.
///
/// Such a path goes to Foundation, which walks it from the root with one `lstat` per name and
/// replaces each symbolic link it meets (50,000 instructions a path); if the walk fails (a missing
/// name, or a path longer than its 1,026-byte buffer), `..` is removed by the text alone. Every input
/// under `../manifests` walks the same folders again. The walk goes left to right: a file's walk is
/// its folder's walk and one more name. So when its folder's standard path is the folder's text with
/// `.` and `..` removed (no link changed it), the file's standard path is that and the name, whether
/// the walk succeeds or not, unless the name is itself a link (one `lstat` says) or the path is long
/// enough for the buffer to matter. Anything else (a folder reached through a link, a link or
/// missing file at the end, a path ending in `..`, the paths Foundation shortens) is Foundation's to
/// answer, as before. Folders' answers are remembered.
///
/// For one run's planning: a path's answer depends on the file system at the time it is asked.
final class PathStandardizer {
    /// Folder (absolute, as written) → its standard path, and whether that is its text with `.`
    /// and `..` removed.
    private var folders: [String: (standard: String, isTextual: Bool)] = [:]

    /// Longer paths go to Foundation whole: its walk's buffer (1,026 bytes) could cut them.
    static let longestShortcut = 900

    init() {}

    /// `path` made absolute against `folder` (an absolute path) when relative, then standardized.
    func standardized(_ path: String, in folder: String) -> String {
        let joined = path.hasPrefix("/") ? path : folder + "/" + path
        if PathResolution.isStandard(joined) { return joined }
        let bytes = Array(joined.utf8)
        guard PathResolution.names(of: bytes).holdsParent, let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash > 0 else {
            return PathResolution.standardized(joined, in: "/")
        }
        let name = bytes[(slash + 1)...]
        guard bytes.count <= Self.longestShortcut, !name.isEmpty, !name.elementsEqual(".".utf8), !name.elementsEqual("..".utf8),
              !Self.mayBeShortened(bytes) else {
            return PathResolution.standardized(joined, in: "/")
        }
        let parent = Array(bytes[..<slash])
        let parentPath = String(decoding: parent, as: UTF8.self)
        let known: (standard: String, isTextual: Bool)
        if let remembered = folders[parentPath] {
            known = remembered
        } else {
            let standard = standardized(parentPath, in: "/")
            known = (standard, standard == Self.textual(parent))
            folders[parentPath] = known
        }
        guard known.isTextual else { return PathResolution.standardized(joined, in: "/") }
        let candidate = (known.standard == "/" ? "" : known.standard) + "/" + String(decoding: name, as: UTF8.self)
        // A regular file or a folder, not a link: Foundation's walk would end here with the same path.
        guard !Self.mayBeShortened(Array(candidate.utf8)),
              case .success(let status) = Platform.fileStatus(candidate, followingLinks: false),
              status.kind != .other else {
            return PathResolution.standardized(joined, in: "/")
        }
        return candidate
    }

    /// An absolute path with `.`, empty names and `..` removed by the text alone (`..` at the root
    /// stays there), as Foundation does when its walk fails.
    static func textual(_ bytes: [UInt8]) -> String {
        PathResolution.joined(PathResolution.names(of: bytes).kept, of: bytes)
    }

    /// Paths under `/private` or `/var/automount`, which Foundation shortens when it can: left to it whole.
    private static func mayBeShortened(_ bytes: [UInt8]) -> Bool {
        func name(after start: Int) -> Range<Int> {
            var first = start
            while first < bytes.count && bytes[first] == UInt8(ascii: "/") { first += 1 }
            var end = first
            while end < bytes.count && bytes[end] != UInt8(ascii: "/") { end += 1 }
            return first..<end
        }
        let first = name(after: 0)
        if bytes[first].elementsEqual("private".utf8) { return true }
        return bytes[first].elementsEqual("var".utf8) && bytes[name(after: first.upperBound)].elementsEqual("automount".utf8)
    }
}
