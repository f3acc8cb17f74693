extension String {
    /// `body` over the string's UTF-8 bytes: read in place when they are stored contiguously (native
    /// strings), else copied first. Unlike `withUTF8`, which is mutating, it needs no copy of the
    /// string to call it on, and so counts no reference. Inlinable, so that callers in other modules
    /// get it specialised: called generically, each call looks up type metadata.
    @inlinable
    package func withUTF8InPlace<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }
}
