// The one place that talks to the C library (with Platform+FileMapping.swift, the calls behind a
// mapped file): every other file of the package calls these wrappers, so the package builds with
// Glibc, Musl and Darwin alike and no C type leaves these files.
//
// A plain (public) import: the inlinable wrappers below are compiled into their callers, which must
// then see the C functions; `internal` or `package import` makes the compiler refuse them. Clients
// still cannot name a C function without importing the C library themselves.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Portcullis needs a POSIX C library (Glibc, Musl or Darwin)")
#endif

// MARK: - Hot paths
//
// Free functions, not members of `Platform`: Swift 6.3 does not inline an `@inlinable` member of a
// `package` type into another module (it calls it), but does inline a free `package` function.

/// Whether `count` bytes at `a` and `b` are equal: from 4 to 16 bytes (most keys and short texts)
/// compared as two overlapping words each, with no call; others with `memcmp`.
@inlinable @inline(__always)
package func bytesEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
    if count >= 8 && count <= 16 {
        return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
            && a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
    if count >= 4 && count < 8 {
        return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
            && a.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
    }
    return memcmp(a, b, count) == 0
}

/// `memchr`: the first occurrence of `byte` in `count` bytes from `start`, or `nil`.
@inlinable @inline(__always)
package func firstOccurrence(of byte: UInt8, in start: UnsafeRawPointer, count: Int) -> UnsafeRawPointer? {
    memchr(start, Int32(byte), count).map { UnsafeRawPointer($0) }
}

/// Every offset of `byte` in `buffer`, in order (one `memchr` per occurrence), until `body` returns
/// false; returns whether it stopped there.
@inlinable @inline(__always)
package func forEachOccurrence(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) -> Bool {
    guard let base = buffer.baseAddress else { return false }
    var offset = 0
    while offset < buffer.count, let hit = firstOccurrence(of: byte, in: base + offset, count: buffer.count - offset) {
        let position = hit - UnsafeRawPointer(base)
        if !body(position) { return true }
        offset = position + 1
    }
    return false
}

/// `read`: bytes read, 0 at the end, -1 on error (then see `Platform.ErrorNumber.current`).
@inlinable @inline(__always)
package func readDescriptor(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// `write`: bytes written, -1 on error (then see `Platform.ErrorNumber.current`).
@inlinable @inline(__always)
package func writeDescriptor(_ descriptor: Int32, from buffer: UnsafeRawPointer, count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// The calls off the hot paths.
package enum Platform {}

// MARK: - Errors

extension Platform {
    /// A C library error number (`errno`).
    package struct ErrorNumber: Error, Equatable, Hashable, Sendable {
        package let rawValue: Int32

        package init(rawValue: Int32) { self.rawValue = rawValue }

        /// The calling thread's `errno`, read right after the failed call.
        package static var current: ErrorNumber { ErrorNumber(rawValue: errno) }

        package static let noSuchEntry = ErrorNumber(rawValue: ENOENT)
        package static let notADirectory = ErrorNumber(rawValue: ENOTDIR)
        package static let symlinkLoop = ErrorNumber(rawValue: ELOOP)
        package static let interrupted = ErrorNumber(rawValue: EINTR)
        package static let wouldBlock = ErrorNumber(rawValue: EAGAIN)
        package static let exists = ErrorNumber(rawValue: EEXIST)

        /// `strerror`: the C library's description ("Permission denied").
        package var message: String { String(cString: strerror(rawValue)) }
    }
}

// MARK: - Files and descriptors

extension Platform {
    /// What `stat` says about a path, in the terms the package uses.
    package struct FileStatus: Sendable {
        package enum Kind: Sendable { case regular, directory, other }
        package var kind: Kind
        package var size: Int
        /// Device and inode: together they identify a file (a folder reached twice through links).
        package var device: UInt64
        package var inode: UInt64
        /// Last modification, in nanoseconds since 1970.
        package var modified: Int
        /// The owner's user id.
        package var owner: UInt32
        /// The permission bits (`0o7777` of the mode).
        package var permissions: UInt32

        /// Owned by the effective user.
        package var isOwnedByUser: Bool { owner == UInt32(geteuid()) }
        /// Users other than the owner may write to it.
        package var isWritableByOthers: Bool { permissions & 0o022 != 0 }
        /// Owned by the effective user, and no one else may write to it.
        package var isPrivate: Bool { isOwnedByUser && !isWritableByOthers }
    }

    /// `stat` (following symbolic links) or `lstat` (not following them).
    package static func fileStatus(_ path: String, followingLinks: Bool = true) -> Result<FileStatus, ErrorNumber> {
        var info = stat()
        let status = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard status == 0 else { return .failure(.current) }
        return .success(Self.status(info))
    }

    /// `fstat`: what an open descriptor is. Reading code opens first and asks the descriptor, so a
    /// path swapped for a FIFO or a device between a `stat` and the `open` is still caught.
    package static func fileStatus(descriptor: Int32) -> Result<FileStatus, ErrorNumber> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.current) }
        return .success(status(info))
    }

    private static func status(_ info: stat) -> FileStatus {
        let kind: FileStatus.Kind = switch info.st_mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        default: .other
        }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return FileStatus(kind: kind, size: Int(info.st_size),
                          device: UInt64(truncatingIfNeeded: info.st_dev),
                          inode: UInt64(truncatingIfNeeded: info.st_ino),
                          modified: Int(modified.tv_sec) * 1_000_000_000 + Int(modified.tv_nsec),
                          owner: UInt32(info.st_uid), permissions: UInt32(info.st_mode) & 0o7777)
    }

    /// The wall clock, in nanoseconds since 1970 (comparable with `FileStatus.modified`).
    package static func currentTime() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    /// `fflush(NULL)`: whether what `print` buffered reached its files (standard output).
    package static func flushStandardOutput() -> Bool {
        fflush(nil) == 0
    }

    /// The names in a folder, `.` and `..` left out, in the order the system gives them.
    package static func directoryEntries(_ path: String) -> Result<[String], ErrorNumber> {
        typedDirectoryEntries(path).map { $0.map(\.name) }
    }

    /// Whether the process may reach the entries of folder `path` (`access(X_OK)`): a folder it
    /// can list but not search names files it cannot open.
    package static func canSearch(_ path: String) -> Bool {
        access(path, X_OK) == 0
    }

    /// What a folder's listing says an entry is, without a `stat` (`d_type`): a symbolic link, or
    /// an entry of a file system that does not say, is `unknown`.
    package enum DirectoryEntryKind: Sendable, Equatable {
        case regular, directory, unknown
    }

    /// Where a `dirent`'s name starts in it.
    private static let directoryEntryNameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// The names in a folder with what the listing says each is, `.` and `..` left out, in the
    /// order the system gives them: a walk need not `stat` the regular files it lists.
    package static func typedDirectoryEntries(_ path: String) -> Result<[(name: String, kind: DirectoryEntryKind)], ErrorNumber> {
        guard let stream = opendir(path) else { return .failure(.current) }
        defer { closedir(stream) }
        var entries: [(name: String, kind: DirectoryEntryKind)] = []
        while let entry = readdir(stream) {
            // Read in place, up to its NUL: the system's entry may end right after the name (its
            // record is `d_reclen` bytes, not the whole `dirent`), so copying the field's 256 bytes
            // reads past it (AddressSanitizer: heap-buffer-overflow).
            let name = String(cString: (UnsafeRawPointer(entry) + Self.directoryEntryNameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            let kind: DirectoryEntryKind = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .regular
            case Int32(DT_DIR): .directory
            default: .unknown
            }
            entries.append((name, kind))
        }
        return .success(entries)
    }

    /// `open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)`: non-blocking, so opening a FIFO never waits
    /// for a writer.
    package static func openForReading(_ path: String) -> Result<Int32, ErrorNumber> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        return descriptor >= 0 ? .success(descriptor) : .failure(.current)
    }

    /// Renames `from` over `to` in one step (`rename(2)`): a reader sees the old file or the new one.
    package static func rename(_ from: String, to: String) -> Result<Void, ErrorNumber> {
        renamePath(from, to) == 0 ? .success(()) : .failure(.current)
    }

    /// Creates `path` for writing, failing when it exists (`O_EXCL`): a name no other writer holds.
    package static func createExclusively(_ path: String, permissions: UInt32) -> Result<Int32, ErrorNumber> {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(permissions))
        return descriptor >= 0 ? .success(descriptor) : .failure(.current)
    }

    /// `open(path, O_WRONLY)`: an existing file (a device, a FIFO) for writing, never created.
    package static func openForWriting(_ path: String) -> Result<Int32, ErrorNumber> {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        return descriptor >= 0 ? .success(descriptor) : .failure(.current)
    }

    /// `close(2)`, reporting a failure (a full disk may show only there).
    package static func closeReporting(_ descriptor: Int32) -> Result<Void, ErrorNumber> {
        closeDescriptor(descriptor) == 0 ? .success(()) : .failure(.current)
    }

    /// `mkdir(2)`.
    package static func makeDirectory(_ path: String, permissions: UInt32) -> Result<Void, ErrorNumber> {
        mkdir(path, mode_t(permissions)) == 0 ? .success(()) : .failure(.current)
    }

    /// `unlink(2)`.
    package static func removeFile(_ path: String) {
        _ = unlink(path)
    }

    package static func close(_ descriptor: Int32) {
        _ = closeDescriptor(descriptor)
    }

    /// Writes all of `bytes`, retrying after interruptions; `false` if the descriptor failed.
    package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let written = writeDescriptor(descriptor, from: base + offset, count: bytes.count - offset)
            if written < 0 {
                if ErrorNumber.current == .interrupted { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// `access(path, X_OK)`: whether this process may run the file.
    package static func isExecutable(_ path: String) -> Bool {
        access(path, X_OK) == 0
    }

    /// `isatty`.
    package static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// `usleep`.
    package static func sleep(microseconds: UInt32) {
        _ = usleep(microseconds)
    }

    /// `exit`: ends the process at once (buffered output of the caller must be flushed first).
    package static func exit(_ status: Int32) -> Never {
        exitProcess(status)
    }
}

// The C functions under names of their own: inside `Platform` its members' names would hide them.
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}

private func exitProcess(_ status: Int32) -> Never {
    exit(status)
}

/// `rename(2)` under a name `Platform.rename` does not shadow.
private func renamePath(_ from: String, _ to: String) -> Int32 { rename(from, to) }
