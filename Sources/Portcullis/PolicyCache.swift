#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        self.folder = folder.hasPrefix("/") ? folder : Self.currentDirectory() + "/" + folder
        self.capacity = max(capacity, 1)
    }

    private static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
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

    /// The entry file for `key`.
    package func path(for key: PolicyCacheKey) -> String {
        folder + "/" + key.fileName
    }

    /// The graph stored under `key`, if an entry holds exactly that key and reads back.
    /// Entries are read only from a folder the user alone can write to, and only when the user
    /// wrote them: a graph planted by someone else could leave out every finding.
    package func load(_ key: PolicyCacheKey, sources: [SourceFile], options: PolicyCompileOptions) -> RuleGraph? {
        var info = stat()
        guard stat(folder, &info) == 0, Self.isPrivate(info, directory: true) else { return nil }
        guard case .success(let descriptor) = Platform.openForReading(path(for: key)) else { return nil }
        defer { Platform.close(descriptor) }
        guard fstat(descriptor, &info) == 0, Self.isPrivate(info, directory: false) else { return nil }
        let (bytes, stop) = Platform.readToEnd(descriptor, expected: Int(info.st_size), maxBytes: 64 * 1024 * 1024)
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
        var info = stat()
        guard Self.makeFolder(folder), stat(folder, &info) == 0, Self.isPrivate(info, directory: true) else { return }
        var entry = Self.magic
        var length = UInt64(key.text.count).littleEndian
        withUnsafeBytes(of: &length) { entry.append(contentsOf: $0) }
        entry += key.text
        image.withUnsafeBufferPointer { entry += Self.checksum($0) }
        entry += image
        // A name no other writer has (threads of one process included): created exclusively, so
        // a failed open means another's file, never unlinked here.
        let temporary = folder + "/.\(key.fileName).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        switch Self.writeWhole(entry, to: temporary) {
        case .notCreated: return
        case .failed:
            unlink(temporary)
            return
        case .written: break
        }
        if rename(temporary, path(for: key)) != 0 {
            unlink(temporary)
            return
        }
        prune()
    }

    /// Removes the oldest entries (by modification time) while more than `capacity` remain.
    func prune() {
        guard let directory = opendir(folder) else { return }
        var entries: [(path: String, modified: Int)] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            var info = stat()
            let path = folder + "/" + name
            if name.hasPrefix(".") && name.hasSuffix(".tmp") {
                // Left by a run that stopped while writing: removed after an hour.
                if lstat(path, &info) == 0, Self.modified(info) < Self.now() - 3_600 * 1_000_000_000 { unlink(path) }
                continue
            }
            guard name.hasSuffix(".graph"), !name.hasPrefix("."), stat(path, &info) == 0 else { continue }
            entries.append((path, Self.modified(info)))
        }
        closedir(directory)
        guard entries.count > capacity else { return }
        for entry in entries.sorted(by: { $0.modified < $1.modified }).prefix(entries.count - capacity) {
            unlink(entry.path)
        }
    }

    /// Owned by this user, of the expected type, and not writable by the group or others.
    private static func isPrivate(_ info: stat, directory: Bool) -> Bool {
        (info.st_mode & S_IFMT) == (directory ? S_IFDIR : S_IFREG) && info.st_uid == geteuid() && (info.st_mode & 0o022) == 0
    }

    /// A file's modification time in nanoseconds.
    private static func modified(_ info: stat) -> Int {
        #if canImport(Darwin)
        Int(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int(info.st_mtimespec.tv_nsec)
        #else
        Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        #endif
    }

    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    /// Bytes of the graph's checksum, stored before it.
    static let checksumSize = 16

    /// 128 bits over the graph's bytes (two FNV-1a passes): an entry damaged in its graph — a
    /// changed constant or message would still decode — is refused. (Entries are written only by
    /// their owner, in a folder no one else can write to: the checksum is against damage.)
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var first: UInt64 = 0xCBF2_9CE4_8422_2325, second: UInt64 = 0x6C62_272E_07BB_0142
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 1
        }
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

    private static func makeFolder(_ folder: String) -> Bool {
        var info = stat()
        if stat(folder, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
        var prefix = ""
        for component in folder.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return false }
        }
        return stat(folder, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private enum WriteOutcome { case written, notCreated, failed }

    private static func writeWhole(_ bytes: [UInt8], to path: String) -> WriteOutcome {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return .notCreated }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failed
            }
            written += n
        }
        return .written
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
