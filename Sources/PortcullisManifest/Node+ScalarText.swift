import PortcullisDiagnostics

/// Scalars compared, hashed and looked up by their bytes, whatever file each comes from, with no
/// `String` made: how label selection reads label keys and values (the API server compares them
/// byte for byte too).
extension Node {
    /// Whether this and `other` (of any file) are scalars with the same text, byte for byte.
    package func hasSameScalarText(as other: Node) -> Bool {
        let mine = record, theirs = other.record
        guard mine.kind == .scalar, theirs.kind == .scalar, mine.count == theirs.count else { return false }
        guard mine.count > 0 else { return true }
        return bytesEqual(storage.text.base + Int(mine.first), other.storage.text.base + Int(theirs.first), count: Int(mine.count))
    }

    /// Whether two nodes have the same scalar text, or neither has any (a container, or no node):
    /// `a?.scalarText == b?.scalarText`, bytes compared.
    package static func sameScalarTextOrNone(_ a: Node?, _ b: Node?) -> Bool {
        let aIsScalar = a?.kind == .scalar, bIsScalar = b?.kind == .scalar
        guard aIsScalar, bIsScalar, let a, let b else { return aIsScalar == bIsScalar }
        return a.hasSameScalarText(as: b)
    }

    /// A hash of a scalar's text (`nil` for a container): scalars with the same text, in any file,
    /// have the same hash in a run.
    package var scalarTextHash: Int? {
        guard kind == .scalar else { return nil }
        return withScalarBytes { KeyTable.hash($0) }
    }

    /// The value under the key whose text is scalar `key`'s (a key read in another file, say), as
    /// `self[key.scalarText!]` finds it (the last one if the key is repeated); `nil` when `key` is
    /// not a scalar or this not a mapping.
    package func value(underKeyTextOf key: Node) -> Node? {
        guard kind == .mapping else { return nil }
        let keyRecord = key.record
        guard keyRecord.kind == .scalar else { return nil }
        // A key of this file's mappings is an atom of its table already.
        if key.storage === storage && keyRecord.atom >= 0 { return value(underAtom: keyRecord.atom) }
        return value(underAtom: key.withScalarBytes { storage.keys.find($0) })
    }
}
