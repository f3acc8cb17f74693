// The C calls behind a file mapped into memory (`SpillRegion`): kept next to `Platform.swift`, under
// the same rule (no C type leaves the file).
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Platform {
    /// The folder for temporary files: `TMPDIR` when set and not empty, else `/tmp`.
    package static var temporaryDirectory: String {
        guard let value = getenv("TMPDIR"), value.pointee != 0 else { return "/tmp" }
        return String(cString: value)
    }

    /// A new file in `directory` that no name reaches (made with `mkstemp`, then unlinked): it is
    /// gone when its descriptor is closed, whatever ends the process.
    package static func unnamedTemporaryFile(in directory: String) -> Result<Int32, ErrorNumber> {
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template += Array("portcullis-spill-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return .failure(.current) }
        let failure: ErrorNumber? = template.withUnsafeBufferPointer { unlink($0.baseAddress!) == 0 ? nil : .current }
        if let failure {
            _ = closeMappedFile(descriptor)
            return .failure(failure)
        }
        return .success(descriptor)
    }

    /// Maps `count` bytes of the file open as `descriptor`, shared (what is written goes to the file)
    /// and readable and writable; address space only: nothing is resident until touched, and only
    /// the part of the file that exists may be touched.
    package static func mapShared(descriptor: Int32, count: Int) -> Result<UnsafeMutableRawPointer, ErrorNumber> {
        #if os(Linux)
        let flags = MAP_SHARED | MAP_NORESERVE
        #else
        let flags = MAP_SHARED
        #endif
        guard let start = mmap(nil, count, PROT_READ | PROT_WRITE, flags, descriptor, 0), start != MAP_FAILED else {
            return .failure(.current)
        }
        return .success(start)
    }

    /// Gives the file room on disk for `count` bytes from `offset` (growing it), so that on the usual
    /// file systems (ext4, XFS, tmpfs) touching the mapping there cannot fail for want of space —
    /// copy-on-write ones (ZFS, btrfs with snapshots) promise less. `false` when the file system
    /// refuses (full), or off Linux.
    package static func allocateFileSpace(descriptor: Int32, offset: Int, count: Int) -> Bool {
        #if os(Linux)
        var status: Int32
        repeat {
            status = posix_fallocate(descriptor, off_t(offset), off_t(count))
        } while status == EINTR
        return status == 0
        #else
        return false
        #endif
    }

    /// `pwrite` of all of `bytes` at `offset` (retrying a short or interrupted write): the file's
    /// pages take them without being mapped into the process, so no page is faulted in to be
    /// written and none counts in its resident size until it is read through a mapping. `false`
    /// when the system refuses.
    package static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, at offset: Int) -> Bool {
        guard var source = bytes.baseAddress else { return true }
        var remaining = bytes.count, position = offset
        while remaining > 0 {
            let written = pwrite(descriptor, source, remaining, off_t(position))
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            if written == 0 { return false }
            source += written
            remaining -= written
            position += written
        }
        return true
    }

    /// Whether this system spills through a mapped file (`SpillRegion`): Linux, where disk can be
    /// claimed before it is touched (`allocateFileSpace`) and pages let go while others use them.
    package static var mapsSpillFiles: Bool {
        #if os(Linux)
        return true
        #else
        return false
        #endif
    }

    /// `madvise(MADV_DONTNEED)` on a shared file mapping: the pages leave the process (its resident
    /// size); on Linux their contents stay in the file, and a later read or write brings them back,
    /// even while another thread is using them.
    package static func releaseResidentPages(_ start: UnsafeMutableRawPointer, count: Int) {
        _ = madvise(start, count, MADV_DONTNEED)
    }

    /// `munmap` and `close`.
    package static func unmap(_ start: UnsafeMutableRawPointer, count: Int, descriptor: Int32) {
        _ = munmap(start, count)
        _ = closeMappedFile(descriptor)
    }

    /// The size of a memory page.
    package static var pageSize: Int { Int(sysconf(Int32(_SC_PAGESIZE))) }
}

/// `close(2)` under a name `Platform.close` does not shadow.
private func closeMappedFile(_ descriptor: Int32) -> Int32 { close(descriptor) }
