#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PortcullisDiagnostics

/// Why a file could not be read.
package enum FileReadFailure: Error, Sendable, Equatable {
    case notFound
    case symlinkLoop
    case notRegularFile
    case tooLarge(size: Int, limit: Int)
    case unreadable(reason: String)

    /// The diagnostic for this failure on `path`.
    package func diagnostic(path: String) -> Diagnostic {
        switch self {
        case .notFound:
            return .error(ManifestDiagnostic.notFound, "no such file or directory", path: path)
        case .symlinkLoop:
            return .error(ManifestDiagnostic.symlinkLoop, "symbolic links form a loop; not read", path: path)
        case .notRegularFile:
            return .error(ManifestDiagnostic.notRegularFile, "not a regular file (a FIFO, socket or device); not read", path: path)
        case .tooLarge(let size, let limit):
            return .error(ManifestDiagnostic.tooLarge, "file is \(size) bytes, over the limit of \(limit) bytes; not read", path: path)
        case .unreadable(let reason):
            return .error(ManifestDiagnostic.unreadable, "cannot read: \(reason)", path: path)
        }
    }

    static func from(errno code: Int32) -> FileReadFailure {
        switch code {
        case ENOENT, ENOTDIR: return .notFound
        case ELOOP: return .symlinkLoop
        default: return .unreadable(reason: String(cString: strerror(code)))
        }
    }
}

/// Reads whole files with POSIX calls: checks the type and size before reading, never blocks on a FIFO.
enum FileReader {
    static func read(path: String, maxBytes: Int) -> Result<[UInt8], FileReadFailure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(.from(errno: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegularFile) }
        guard Int(info.st_size) <= maxBytes else { return .failure(.tooLarge(size: Int(info.st_size), limit: maxBytes)) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.from(errno: errno)) }
        defer { close(fd) }
        return readAll(fd: fd, expected: Int(info.st_size), maxBytes: maxBytes)
    }

    /// Reads a descriptor to its end, failing past `maxBytes` (the file may grow while read).
    static func readAll(fd: Int32, expected: Int, maxBytes: Int) -> Result<[UInt8], FileReadFailure> {
        var bytes = [UInt8](repeating: 0, count: max(expected, 4096))
        var used = 0
        while true {
            if used == bytes.count {
                if bytes.count > maxBytes { return .failure(.tooLarge(size: used, limit: maxBytes)) }
                bytes.append(contentsOf: repeatElement(0, count: bytes.count))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + used, buffer.count - used)
            }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { usleep(1000); continue }
                return .failure(.from(errno: errno))
            }
            if n == 0 { break }
            used += n
            if used > maxBytes { return .failure(.tooLarge(size: used, limit: maxBytes)) }
        }
        bytes.removeSubrange(used...)
        return .success(bytes)
    }

    /// Reads standard input to its end.
    static func readStandardInput(maxBytes: Int) -> Result<[UInt8], FileReadFailure> {
        readAll(fd: 0, expected: 64 * 1024, maxBytes: maxBytes)
    }
}
