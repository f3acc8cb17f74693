import PortcullisDiagnostics

/// Why a file could not be read.
package enum FileReadFailure: Error, Sendable, Equatable {
    case notFound
    case symlinkLoop
    case notRegularFile
    /// `size` is `nil` for a stream (standard input), whose size is known only by reading it all.
    case tooLarge(size: Int?, limit: Int)
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
        case .tooLarge(let size?, let limit):
            return .error(ManifestDiagnostic.tooLarge, "file is \(size) bytes, over the limit of \(limit) bytes; not read", path: path)
        case .tooLarge(nil, let limit):
            return .error(ManifestDiagnostic.tooLarge, "input is over the limit of \(limit) bytes; not read", path: path)
        case .unreadable(let reason):
            return .error(ManifestDiagnostic.unreadable, "cannot read: \(reason)", path: path)
        }
    }

    static func from(_ error: Platform.ErrorNumber) -> FileReadFailure {
        switch error {
        case .noSuchEntry, .notADirectory: return .notFound
        case .symlinkLoop: return .symlinkLoop
        default: return .unreadable(reason: error.message)
        }
    }
}

/// Reads whole files with POSIX calls: opens first (non-blocking), then asks the open descriptor
/// what it is (`fstat`), so a path swapped for a FIFO or a device between a check and the open is
/// still refused, and nothing ever blocks on a non-regular file.
package enum FileReader {
    package static func read(path: String, maxBytes: Int) -> Result<[UInt8], FileReadFailure> {
        let fd: Int32
        switch Platform.openForReading(path) {
        case .success(let descriptor): fd = descriptor
        case .failure(let error): return .failure(.from(error))
        }
        defer { Platform.close(fd) }
        let info: Platform.FileStatus
        switch Platform.fileStatus(descriptor: fd) {
        case .success(let status): info = status
        case .failure(let error): return .failure(.from(error))
        }
        guard info.kind == .regular else { return .failure(.notRegularFile) }
        guard info.size <= maxBytes else { return .failure(.tooLarge(size: info.size, limit: maxBytes)) }
        return readAll(fd: fd, expected: info.size, maxBytes: maxBytes, isStream: false)
    }

    /// Reads a descriptor to its end, failing past `maxBytes` (the file may grow while read).
    /// A regular file that would block (it cannot) or grows past the limit while read fails; a
    /// stream (`isStream`) waits for data and reports no size when over the limit.
    static func readAll(fd: Int32, expected: Int, maxBytes: Int, isStream: Bool) -> Result<[UInt8], FileReadFailure> {
        let read = Platform.readToEnd(fd, expected: expected, maxBytes: maxBytes, isStream: isStream)
        switch read.stop {
        case nil: return .success(read.bytes)
        case .failed(let error): return .failure(.from(error))
        case .overLimit(let size): return .failure(.tooLarge(size: isStream ? nil : size, limit: maxBytes))
        }
    }

    /// Reads standard input to its end.
    static func readStandardInput(maxBytes: Int) -> Result<[UInt8], FileReadFailure> {
        readAll(fd: 0, expected: 64 * 1024, maxBytes: maxBytes, isStream: true)
    }
}
