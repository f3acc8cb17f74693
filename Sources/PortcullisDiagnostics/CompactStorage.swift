/// A compact binary form for values the build stores and start-up reads back (the compiled built-in
/// packs): each type writes its parts in order and reads them back in the same order, with no keys,
/// no boxing and no run-time type lookups — reading is a pass over bytes.
///
/// Enumerations write a case number and read it back through an exhaustive `switch` on a nested
/// `Case` type, so a new case does not compile until it is stored too.
///
/// The bytes are 7-bit outside strings (which are UTF-8), so a whole stream is valid UTF-8 and can
/// be embedded in Swift source as one string literal. Numbers take 6 bits per byte, least significant
/// first, `0x40` set on every byte but the last; signed integers are zig-zag encoded, floating point
/// written by bit pattern; a string is its UTF-8 length, then its bytes; a list its count, then its
/// elements; an optional 0 (nil) or 1 and the value.
@usableFromInline
package protocol CompactStorable {
    /// Appends the value's bytes.
    func store(in writer: inout CompactWriter)
    /// Reads a value `store` wrote.
    init(from reader: inout CompactReader) throws(CompactStorageError)
}

/// Why stored bytes could not be read back.
@usableFromInline
package struct CompactStorageError: Error, Sendable, CustomStringConvertible {
    @usableFromInline
    package var description: String

    @inlinable
    package init(_ description: String) { self.description = description }
}

/// Collects a stream's bytes.
@usableFromInline
package struct CompactWriter {
    @usableFromInline
    package private(set) var bytes: [UInt8] = []

    @usableFromInline
    package init() {}

    /// Appends bytes another writer wrote.
    @inlinable
    package mutating func append(stored: [UInt8]) { bytes += stored }

    @usableFromInline
    package mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x40 {
            bytes.append(UInt8(truncatingIfNeeded: value & 0x3F) | 0x40)
            value >>= 6
        }
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    @usableFromInline
    package mutating func write(_ value: Int) {
        let wide = Int64(value)
        write(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    @usableFromInline
    package mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    @usableFromInline
    package mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    @usableFromInline
    package mutating func write<T: CompactStorable>(_ value: T) { value.store(in: &self) }

    /// Writes bytes as one block (its length, then the bytes): `CompactReader.block()` reads them
    /// back without looking inside.
    package mutating func write(block: [UInt8]) {
        write(UInt64(block.count))
        bytes += block
    }
}

/// Reads a stream from memory that outlives the reader.
@usableFromInline
package struct CompactReader {
    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline var position: Int
    @usableFromInline let end: Int

    @usableFromInline
    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        position = 0
        end = bytes.count
    }

    /// Whether every byte has been read.
    @inlinable
    package var isAtEnd: Bool { position == end }

    @inlinable
    package mutating func number() throws(CompactStorageError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < end {
            let byte = base[position]
            position &+= 1
            guard byte < 0x80, shift < 64 else { break }
            value |= UInt64(byte & 0x3F) << shift
            if byte & 0x40 == 0 { return value }
            shift += 6
        }
        throw CompactStorageError("bad number before byte \(position)")
    }

    @inlinable
    package mutating func integer() throws(CompactStorageError) -> Int {
        let raw = try number()
        let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        guard let int = Int(exactly: value) else { throw CompactStorageError("integer out of range before byte \(position)") }
        return int
    }

    @inlinable
    package mutating func bool() throws(CompactStorageError) -> Bool {
        switch try number() {
        case 0: return false
        case 1: return true
        default: throw CompactStorageError("bad boolean before byte \(position)")
        }
    }

    /// A count of things still to read (each takes at least a byte).
    @inlinable
    package mutating func count() throws(CompactStorageError) -> Int {
        let raw = try number()
        guard raw <= UInt64(end - position) else { throw CompactStorageError("count past the end before byte \(position)") }
        return Int(raw)
    }

    /// A block `CompactWriter.write(block:)` wrote, as its bytes.
    package mutating func block() throws(CompactStorageError) -> [UInt8] {
        let length = try count()
        defer { position += length }
        return Array(UnsafeBufferPointer(start: base + position, count: length))
    }

    @inlinable
    package mutating func string() throws(CompactStorageError) -> String {
        let length = try count()
        defer { position += length }
        return String(decoding: UnsafeBufferPointer(start: base + position, count: length), as: UTF8.self)
    }

    /// The number of a case of an enumeration with `cases` cases.
    @inlinable
    package mutating func caseNumber(below cases: Int) throws(CompactStorageError) -> Int {
        let raw = try number()
        guard raw < UInt64(cases) else { throw CompactStorageError("unknown case \(raw) before byte \(position)") }
        return Int(raw)
    }

    @inlinable
    package mutating func read<T: CompactStorable>(_ type: T.Type = T.self) throws(CompactStorageError) -> T {
        try T(from: &self)
    }
}

/// Case numbers of enumerations: `Case(rawValue:)` over a reader.
extension RawRepresentable where Self: CaseIterable, RawValue == Int {
    /// Reads a case number written as `rawValue`.
    @usableFromInline
    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        let number = try reader.caseNumber(below: Self.allCases.count)
        guard let value = Self(rawValue: number) else { throw CompactStorageError("unknown case \(number)") }
        self = value
    }
}

/// Enumerations with text raw values store their raw value.
extension CompactStorable where Self: RawRepresentable, RawValue == String {
    @inlinable
    package func store(in writer: inout CompactWriter) { writer.write(rawValue) }

    @inlinable
    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        let raw = try reader.string()
        guard let value = Self(rawValue: raw) else { throw CompactStorageError("unknown \(Self.self) '\(raw)'") }
        self = value
    }
}

extension Int: CompactStorable {
    @inlinable
    package func store(in writer: inout CompactWriter) { writer.write(self) }
    @inlinable
    package init(from reader: inout CompactReader) throws(CompactStorageError) { self = try reader.integer() }
}

extension UInt32: CompactStorable {
    @inlinable
    package func store(in writer: inout CompactWriter) { writer.write(UInt64(self)) }
    @inlinable
    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        guard let value = UInt32(exactly: try reader.number()) else { throw CompactStorageError("UInt32 out of range") }
        self = value
    }
}

extension Bool: CompactStorable {
    @inlinable
    package func store(in writer: inout CompactWriter) { writer.write(self) }
    @inlinable
    package init(from reader: inout CompactReader) throws(CompactStorageError) { self = try reader.bool() }
}

extension Double: CompactStorable {
    @inlinable
    package func store(in writer: inout CompactWriter) { writer.write(bitPattern) }
    @inlinable
    package init(from reader: inout CompactReader) throws(CompactStorageError) { self = Double(bitPattern: try reader.number()) }
}

extension String: CompactStorable {
    @inlinable
    package func store(in writer: inout CompactWriter) { writer.write(self) }
    @inlinable
    package init(from reader: inout CompactReader) throws(CompactStorageError) { self = try reader.string() }
}

extension Array: CompactStorable where Element: CompactStorable {
    @inlinable
    package func store(in writer: inout CompactWriter) {
        writer.write(UInt64(count))
        for element in self { element.store(in: &writer) }
    }

    @inlinable
    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        let count = try reader.count()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: &reader)) }
    }
}

extension Set: CompactStorable where Element: CompactStorable {
    /// Elements in the order of their stored bytes, not the set's order of the moment (which
    /// varies between processes and with the set's history): the same set is always the same bytes.
    @inlinable
    package func store(in writer: inout CompactWriter) {
        writer.write(UInt64(count))
        let stored = map { element -> [UInt8] in
            var single = CompactWriter()
            element.store(in: &single)
            return single.bytes
        }
        for bytes in stored.sorted(by: { $0.lexicographicallyPrecedes($1) }) { writer.append(stored: bytes) }
    }

    @inlinable
    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        let count = try reader.count()
        guard count > 0 else {
            // Most stored sets are empty (a plan node's slots): no storage to size.
            self = []
            return
        }
        self = Set(minimumCapacity: count)
        for _ in 0..<count { insert(try Element(from: &reader)) }
    }
}

extension Optional: CompactStorable where Wrapped: CompactStorable {
    @inlinable
    package func store(in writer: inout CompactWriter) {
        switch self {
        case .none: writer.write(false)
        case .some(let value):
            writer.write(true)
            value.store(in: &writer)
        }
    }

    @inlinable
    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        self = try reader.bool() ? .some(try Wrapped(from: &reader)) : .none
    }
}

extension SourceLocation: CompactStorable {
    @inlinable
    package func store(in writer: inout CompactWriter) {
        writer.write(line)
        writer.write(column)
    }

    @inlinable
    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        self.init(line: try reader.integer(), column: try reader.integer())
    }
}

extension SourceSpan: CompactStorable {
    @inlinable
    package func store(in writer: inout CompactWriter) {
        start.store(in: &writer)
        end.store(in: &writer)
    }

    @inlinable
    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        self.init(start: try reader.read(SourceLocation.self), end: try reader.read(SourceLocation.self))
    }
}

extension Severity: CompactStorable {}
