import Foundation

/// Buffered writing to standard output or standard error, flushed in large blocks.
struct OutputStream {
    private let handle: FileHandle
    let descriptor: Int32
    private var buffer: [UInt8] = []

    static var standardOutput: OutputStream { OutputStream(fileDescriptor: 1) }
    static var standardError: OutputStream { OutputStream(fileDescriptor: 2) }

    init(fileDescriptor: Int32) {
        descriptor = fileDescriptor
        handle = FileHandle(fileDescriptor: fileDescriptor, closeOnDealloc: false)
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func writeLine(_ text: String) {
        write(text)
        write("\n")
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        try? handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
