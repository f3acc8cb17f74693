extension Platform {
    /// Why `readToEnd` stopped before the end of what it read.
    package enum ReadStop: Error, Equatable, Sendable {
        /// `read` failed (not interrupted, not a stream's "would block").
        case failed(ErrorNumber)
        /// More than the limit was read: `size` bytes so far.
        case overLimit(size: Int)
    }

    /// Everything `descriptor` holds from where it stands, read into memory never zeroed: first
    /// into room for `expected` bytes plus one (at least 4 KiB), so the read that finds the end
    /// needs no second buffer when the size was right; then, for a file that grew or a stream, a
    /// buffer that doubles as it fills. A stream (`isStream`) that would block is waited for.
    /// `bytes` holds what was read (a buffer made for more keeps only that), `stop` says why the
    /// reading ended early (`nil`: at the end). Files read for checking and those read back for
    /// a report both come here.
    package static func readToEnd(_ descriptor: Int32, expected: Int, maxBytes: Int = .max,
                                  isStream: Bool = false) -> (bytes: [UInt8], stop: ReadStop?) {
        var stop: ReadStop?
        var atEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(expected + 1, 4096)) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                let n: Int
                switch readRetrying(descriptor, into: buffer.baseAddress! + initialized, count: buffer.count - initialized, isStream: isStream) {
                case .success(let count): n = count
                case .failure(let error):
                    stop = .failed(error)
                    return
                }
                if n == 0 { atEnd = true; return }
                initialized += n
                if initialized > maxBytes {
                    stop = .overLimit(size: initialized)
                    return
                }
            }
        }
        var used = bytes.count
        while !atEnd && stop == nil {
            if used == bytes.count {
                if bytes.count > maxBytes { stop = .overLimit(size: used); break }
                bytes.append(contentsOf: repeatElement(0, count: bytes.count))
            }
            let n: Int
            switch bytes.withUnsafeMutableBytes({ readRetrying(descriptor, into: $0.baseAddress! + used, count: $0.count - used, isStream: isStream) }) {
            case .success(let count): n = count
            case .failure(let error):
                stop = .failed(error)
                continue
            }
            if n == 0 { break }
            used += n
            if used > maxBytes { stop = .overLimit(size: used) }
        }
        // A buffer made for more than it holds (a stream's, a file that shrank) keeps only the bytes
        // (copied through a pointer: an array made from a slice of a whole array shares its buffer).
        if bytes.capacity - used > max(4096, used / 4) { return (bytes.withUnsafeBufferPointer { Array($0[..<used]) }, stop) }
        bytes.removeSubrange(used...)
        return (bytes, stop)
    }

    /// One `read` of at most `count` bytes, repeated when interrupted and, for a stream, when it
    /// would block (after a millisecond): how many bytes it read (0 at the end), or why it failed.
    private static func readRetrying(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int,
                                     isStream: Bool) -> Result<Int, ErrorNumber> {
        while true {
            let n = readDescriptor(descriptor, into: buffer, count: count)
            if n >= 0 { return .success(n) }
            let error = ErrorNumber.current
            if error == .interrupted { continue }
            if error == .wouldBlock && isStream { sleep(microseconds: 1000); continue }
            return .failure(error)
        }
    }
}
