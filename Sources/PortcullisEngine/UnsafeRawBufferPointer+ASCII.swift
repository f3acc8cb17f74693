extension UnsafeRawBufferPointer {
    /// Whether every byte is ASCII (such bytes are valid UTF-8, and equal as text only when equal
    /// as bytes).
    var isASCII: Bool {
        var combined: UInt8 = 0
        for byte in self { combined |= byte }
        return combined < 0x80
    }
}
