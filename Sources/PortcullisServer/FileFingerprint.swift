import PortcullisDiagnostics

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
        var size: Int
        /// Nanoseconds since 1970.
        var modified: Int
        var missing: Bool
    }

    /// The fingerprint of `paths` (files, or folders of `.policy` files).
    init(_ paths: [String]) { add(paths) }

    /// Adds `paths` (files, or folders of `.policy` files).
    mutating func add(_ paths: [String]) {
        for path in paths { add(path, folderSuffix: ".policy") }
    }

    private mutating func add(_ path: String, folderSuffix: String) {
        guard case .success(let status) = Platform.fileStatus(path) else {
            entries.append(Entry(path: path, device: 0, inode: 0, size: 0, modified: 0, missing: true))
            return
        }
        entries.append(Entry(path: path, device: status.device, inode: status.inode, size: status.size,
                             modified: status.modified, missing: false))
        guard status.kind == .directory, folders.insert([status.device, status.inode]).inserted else { return }
        let names = (try? Platform.directoryEntries(path).get()) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            guard case .success(let childStatus) = Platform.fileStatus(child) else { continue }
            if childStatus.kind == .directory || name.hasSuffix(folderSuffix) { add(child, folderSuffix: folderSuffix) }
        }
    }
}
