import PortcullisDiagnostics
import Synchronization

/// Buffered writing to standard output or standard error, flushed in large blocks. A failed write
/// (a full disk, `> /dev/full`, a closed pipe) is remembered: the command then ends with exit
/// status 2 and says why (`PortcullisCommand.finish`), never 0 with a report lost.
struct OutputStream {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    static var standardOutput: OutputStream { OutputStream(fileDescriptor: 1) }
    static var standardError: OutputStream { OutputStream(fileDescriptor: 2) }

    /// The first failed write to standard output: the system's reason.
    static var standardOutputFailure: String? { failure.withLock { $0 } }
    private static let failure = Mutex<String?>(nil)

    init(fileDescriptor: Int32) {
        descriptor = fileDescriptor
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ text: String) {
        // A large piece (a report's piece, a file's block) goes out as it is, not copied into the buffer first.
        guard text.utf8.count < 1 << 16 else {
            flush()
            var text = text
            text.withUTF8 { send(UnsafeRawBufferPointer($0)) }
            return
        }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func write(bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(utf8: $0) }
    }

    /// Writes bytes that are valid only during the call (a report's piece as it is made).
    mutating func write(utf8 bytes: UnsafeRawBufferPointer) {
        guard bytes.count < 1 << 16 else {
            flush()
            send(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func writeLine(_ text: String) {
        write(text)
        write("\n")
    }

    /// Ends the process with `status`, or with 2 and a message when a write to standard output
    /// failed (here, or in `print`'s buffer).
    static func exit(_ status: Int32) -> Never {
        let printed = Platform.flushStandardOutput()
        if let reason = standardOutputFailure ?? (printed ? nil : "the write failed") {
            var err = OutputStream.standardError
            err.writeLine("error: cannot write to standard output: \(reason) [output.write-failed]")
            err.flush()
            Platform.exit(2)
        }
        Platform.exit(status)
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { send($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` whole; a failure on standard output is remembered.
    private func send(_ bytes: UnsafeRawBufferPointer) {
        let written = Platform.writeAll(descriptor, bytes)
        if !written && descriptor == 1 {
            let reason = Platform.ErrorNumber.current.message
            Self.failure.withLock { if $0 == nil { $0 = reason } }
        }
    }
}
