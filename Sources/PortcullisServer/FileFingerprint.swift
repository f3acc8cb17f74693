#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the files a snapshot was read from look like now: for each file (folders walked for
/// `.policy` files, hidden entries skipped as the library skips them), the device, inode, size and
/// modification time of what it resolves to. Symbolic links are followed, so a Kubernetes
/// ConfigMap or Secret volume, which swaps a `..data` link, shows as changed.
struct FileFingerprint: Equatable, Sendable {
    private var entries: [Entry] = []
    /// Folders walked (device, inode): a link loop is walked once.
    private var folders = Set<[UInt64]>()

    private struct Entry: Equatable, Sendable {
        var path: String
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var missing: Bool
    }

    /// The fingerprint of `paths` (files, or folders of `.policy` files).
    init(_ paths: [String]) { add(paths) }

    /// Adds `paths` (files, or folders of `.policy` files).
    mutating func add(_ paths: [String]) {
        for path in paths { add(path, folderSuffix: ".policy") }
    }

    private mutating func add(_ path: String, folderSuffix: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            entries.append(Entry(path: path, device: 0, inode: 0, size: 0, seconds: 0, nanoseconds: 0, missing: true))
            return
        }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        entries.append(Entry(path: path, device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                             seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec), missing: false))
        guard (info.st_mode & S_IFMT) == S_IFDIR, folders.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
        for name in Self.names(in: path) where !name.hasPrefix(".") {
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var childInfo = stat()
            guard stat(child, &childInfo) == 0 else { continue }
            if (childInfo.st_mode & S_IFMT) == S_IFDIR || name.hasSuffix(folderSuffix) { add(child, folderSuffix: folderSuffix) }
        }
    }

    private static func names(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
