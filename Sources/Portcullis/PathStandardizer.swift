import PortcullisDiagnostics

/// Standardizes the many paths of one run exactly as `PathResolution.standardized(_:in:)` does,
/// remembering the folders of paths that hold a `..` name.
///
/// Such a path goes to Foundation, which walks it from the root with one `lstat` per name and
/// replaces each symbolic link it meets (50,000 instructions a path). Every input under
/// `../manifests` walks the same folders again. The walk goes left to right, so a file's walk is
/// its folder's walk and then one more name: when that name is neither a link nor missing, the
/// file's standard path is its folder's standard path and the name. The folder's is remembered;
/// the file costs one `lstat`. Anything else (a link, a missing file, a path ending in `..`, the
/// paths Foundation shortens) is Foundation's to answer, as before.
///
/// For one run's planning: a path's answer depends on the file system at the time it is asked.
final class PathStandardizer {
    /// Folder (absolute, as written) → its standard path.
    private var folders: [String: String] = [:]

    init() {}

    /// `path` made absolute against `folder` (an absolute path) when relative, then standardized.
    func standardized(_ path: String, in folder: String) -> String {
        let joined = path.hasPrefix("/") ? path : folder + "/" + path
        let bytes = Array(joined.utf8)
        guard Self.holdsParentName(bytes), let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash > 0 else {
            return PathResolution.standardized(joined, in: "/")
        }
        let name = bytes[(slash + 1)...]
        guard !name.isEmpty, !name.elementsEqual(".".utf8), !name.elementsEqual("..".utf8),
              !Self.mayBeShortened(bytes) else {
            return PathResolution.standardized(joined, in: "/")
        }
        let parent = String(decoding: bytes[..<slash], as: UTF8.self)
        let standardParent: String
        if let known = folders[parent] {
            standardParent = known
        } else {
            standardParent = standardized(parent, in: "/")
            folders[parent] = standardParent
        }
        let candidate = (standardParent == "/" ? "" : standardParent) + "/" + String(decoding: name, as: UTF8.self)
        // A regular file or a folder, not a link: Foundation's walk would stop here with the same path.
        guard !Self.mayBeShortened(Array(candidate.utf8)),
              case .success(let status) = Platform.fileStatus(candidate, followingLinks: false),
              status.kind != .other else {
            return PathResolution.standardized(joined, in: "/")
        }
        return candidate
    }

    /// Whether a name of the path is `..`.
    private static func holdsParentName(_ bytes: [UInt8]) -> Bool {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "/") { end += 1 }
            if end - start == 2 && bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: ".") { return true }
            start = end + 1
        }
        return false
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
