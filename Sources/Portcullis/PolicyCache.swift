import PortcullisDiagnostics
import PortcullisEngine

/// Compiled policy graphs kept in a folder between runs, so a run with a configuration (`--only`,
/// `--disable`, parameters, severities) or policies of its own loads its graph instead of parsing,
/// checking and lowering every policy again; the built-in packs with no options need none (the
/// build compiled them).
///
/// An entry is found by everything that decides the graph (`PolicyCacheKey`: the engine's build,
/// each policy file's path, size and bytes' hash, every compile option) and holds that key whole,
/// compared byte for byte on reading, then the graph in `RuleGraph`'s stored form, which refuses
/// damaged or foreign bytes. Any failure — no folder, a damaged or stale entry, a full disk — means
/// compiling as without a cache; nothing about a cache ever changes a result or stops a run.
/// Only compilations that reported nothing are kept, so warnings still show every run.
public struct PolicyCache: Sendable {
    /// Where the entries are.
    public let folder: String
    /// Entries kept at most; the oldest go first.
    public let capacity: Int

    /// A cache in `folder` (made when first written, readable by its owner only); a relative
    /// folder is taken from the current directory.
    public init(folder: String, capacity: Int = 32) {
        self.folder = folder.hasPrefix("/") ? folder : PathResolution.absolute(folder)
        self.capacity = max(capacity, 1)
    }

    /// The cache a command-line run uses: `PORTCULLIS_CACHE_DIR`, else `portcullis` in
    /// `XDG_CACHE_HOME`, else `~/.cache/portcullis`; nil when `PORTCULLIS_CACHE_DIR` is empty
    /// (caching off) or no home is known.
    public static func standard(environment: [String: String]) -> PolicyCache? {
        if let folder = environment["PORTCULLIS_CACHE_DIR"] {
            return folder.isEmpty ? nil : PolicyCache(folder: folder)
        }
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
            return PolicyCache(folder: base + "/portcullis")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return PolicyCache(folder: home + "/.cache/portcullis")
        }
        return nil
    }

    /// Why the folder is not used, when it is there but is no folder, belongs to another user or
    /// others may write to it (a graph planted there could leave out every finding); `nil` when it
    /// is usable or not made yet. Such a cache is neither read nor written.
    /// Each with what to do about it.
    public var unsafeFolderProblem: String? {
        guard case .success(let status) = Platform.fileStatus(folder) else { return nil }
        if status.kind != .directory { return "\(folder) is not a folder; remove it or set PORTCULLIS_CACHE_DIR to a folder of yours" }
        if !status.isOwnedByUser { return "\(folder) belongs to another user; set PORTCULLIS_CACHE_DIR to a folder of yours" }
        if status.isWritableByOthers { return "users other than its owner may write to \(folder); make it yours alone (chmod 700)" }
        return nil
    }

    /// The entry file for `key`.
    package func path(for key: PolicyCacheKey) -> String {
        folder + "/" + key.fileName
    }

    /// The graph stored under `key`, if an entry holds exactly that key and reads back.
    /// Entries are read only from a folder the user alone can write to, and only when the user
    /// wrote them: a graph planted by someone else could leave out every finding.
    package func load(_ key: PolicyCacheKey, sources: [SourceFile], options: PolicyCompileOptions) -> RuleGraph? {
        guard case .success(let folderStatus) = Platform.fileStatus(folder), folderStatus.kind == .directory, folderStatus.isPrivate,
              case .success(let descriptor) = Platform.openForReading(path(for: key)) else { return nil }
        defer { Platform.close(descriptor) }
        guard case .success(let status) = Platform.fileStatus(descriptor: descriptor), status.kind == .regular, status.isPrivate else { return nil }
        let (bytes, stop) = Platform.readToEnd(descriptor, expected: status.size, maxBytes: 64 * 1024 * 1024)
        guard stop == nil, let graphStart = Self.graphStart(in: bytes, key: key) else { return nil }
        return bytes.withUnsafeBufferPointer { all in
            let graph = UnsafeBufferPointer(rebasing: all[(graphStart + Self.checksumSize)...])
            guard all[graphStart..<(graphStart + Self.checksumSize)].elementsEqual(Self.checksum(graph)) else { return nil }
            return try? RuleGraph(image: graph, sources: sources, options: options.forStoredGraph)
        }
    }

    /// Keeps `graph` under `key`: written to a file of its own, then renamed into place, so a
    /// reader never sees half an entry; then the oldest entries beyond `capacity` are removed.
    /// The graph is stored only when its stored form reads back to the same form.
    package func store(_ graph: RuleGraph, key: PolicyCacheKey, sources: [SourceFile], options: PolicyCompileOptions) {
        let image = graph.image(sources: sources, options: options.forStoredGraph)
        let readBack = image.withUnsafeBufferPointer { try? RuleGraph(image: $0, sources: sources, options: options.forStoredGraph) }
        guard let readBack, readBack.image(sources: sources, options: options.forStoredGraph) == image else { return }
        guard Self.makeFolder(folder), case .success(let folderStatus) = Platform.fileStatus(folder), folderStatus.isPrivate else { return }
        var entry = Self.magic
        var length = UInt64(key.text.count).littleEndian
        withUnsafeBytes(of: &length) { entry.append(contentsOf: $0) }
        entry += key.text
        image.withUnsafeBufferPointer { entry += Self.checksum($0) }
        entry += image
        // A name no other writer has (threads of one process included): created exclusively, so
        // a failed open means another's file, never unlinked here.
        let temporary = folder + "/.\(key.fileName).\(UInt64.random(in: 0...UInt64.max)).tmp"
        guard case .success(let descriptor) = Platform.createExclusively(temporary, permissions: 0o600) else { return }
        let written = entry.withUnsafeBytes { Platform.writeAll(descriptor, $0) }
        Platform.close(descriptor)
        guard written, case .success = Platform.rename(temporary, to: path(for: key)) else {
            Platform.removeFile(temporary)
            return
        }
        prune()
    }

    /// Removes the oldest entries (by modification time) while more than `capacity` remain.
    func prune() {
        guard case .success(let names) = Platform.directoryEntries(folder) else { return }
        var entries: [(path: String, modified: Int)] = []
        for name in names {
            let path = folder + "/" + name
            if name.hasPrefix(".") && name.hasSuffix(".tmp") {
                // Left by a run that stopped while writing: removed after an hour.
                if case .success(let status) = Platform.fileStatus(path, followingLinks: false),
                   status.modified < Platform.currentTime() - 3_600 * 1_000_000_000 {
                    Platform.removeFile(path)
                }
                continue
            }
            guard name.hasSuffix(".graph"), !name.hasPrefix("."), case .success(let status) = Platform.fileStatus(path) else { continue }
            entries.append((path, status.modified))
        }
        guard entries.count > capacity else { return }
        for entry in entries.sorted(by: { $0.modified < $1.modified }).prefix(entries.count - capacity) {
            Platform.removeFile(entry.path)
        }
    }

    /// Bytes of the graph's checksum, stored before it.
    static let checksumSize = 16

    /// 128 bits over the graph's bytes (`PolicyCacheKey.fnv128`): an entry damaged in its graph — a
    /// changed constant or message would still decode — is refused. (Entries are written only by
    /// their owner, in a folder no one else can write to: the checksum is against damage.)
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let (first, second) = PolicyCacheKey.fnv128(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(checksumSize)
        for value in [first, second] { for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) } }
        return out
    }

    /// The first bytes of every entry.
    private static let magic: [UInt8] = Array("portcullis-policy-cache-1\n".utf8)

    /// Where the graph's checksum starts in an entry's `bytes` (the graph follows it), when they
    /// begin with the magic and `key`.
    package static func graphStart(in bytes: [UInt8], key: PolicyCacheKey) -> Int? {
        let lengthEnd = magic.count + 8
        guard bytes.count >= lengthEnd, bytes[..<magic.count].elementsEqual(magic) else { return nil }
        var length: UInt64 = 0
        for (shift, byte) in bytes[magic.count..<lengthEnd].enumerated() { length |= UInt64(byte) << (8 * UInt64(shift)) }
        guard length == UInt64(key.text.count), bytes.count >= lengthEnd + key.text.count + checksumSize,
              bytes[lengthEnd..<(lengthEnd + key.text.count)].elementsEqual(key.text) else { return nil }
        return lengthEnd + key.text.count
    }

    /// `folder` and the folders above it, made as needed (readable by their owner only).
    private static func makeFolder(_ folder: String) -> Bool {
        if case .success(let status) = Platform.fileStatus(folder) { return status.kind == .directory }
        var prefix = ""
        for component in folder.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if case .failure(let error) = Platform.makeDirectory(prefix, permissions: 0o700), error != .exists { return false }
        }
        if case .success(let status) = Platform.fileStatus(folder) { return status.kind == .directory }
        return false
    }
}

extension PolicyCompileOptions {
    /// The options a stored graph is checked against: where parameters and names were written only
    /// places errors, and a graph is stored only when there were none.
    var forStoredGraph: PolicyCompileOptions {
        var options = self
        options.parameterOrigins = [:]
        options.nameOrigins = [:]
        return options
    }
}
