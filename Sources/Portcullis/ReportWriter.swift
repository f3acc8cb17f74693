#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics

/// Writes report and baseline files. A regular file (or a new one) is written atomically: into a
/// temporary file beside it, then renamed over it, so a reader (a CI upload step) never sees half a
/// report and a failed run leaves the old one whole; an existing file keeps its mode and owner.
/// Anything else — `/dev/null`, `/dev/stdout`, a FIFO — is written through, never replaced. A
/// symbolic link is followed: its target is what gets written.
enum ReportWriter {
    typealias WriteError = ReportWriteError

    static func write(_ text: String, to path: String) throws(WriteError) {
        try write(to: path) { emit in emit(text) }
    }

    /// Writes what `produce` hands its `emit` function, piece by piece as it comes (a streamed
    /// report is never held whole), with the same guarantees as writing one text.
    static func write(to path: String, _ produce: ((String) -> Void) -> Void) throws(WriteError) {
        try writeUTF8(to: path) { emitBytes in
            withoutActuallyEscaping(emitBytes) { emitBytes in
                produce { piece in
                    var piece = piece
                    piece.withUTF8 { emitBytes(UnsafeRawBufferPointer($0)) }
                }
            }
        }
    }

    /// `write(to:_:)` for pieces handed on as UTF-8 bytes (each valid while `emit` runs).
    static func writeUTF8(to path: String, _ produce: ((UnsafeRawBufferPointer) -> Void) -> Void) throws(WriteError) {
        let target = try followLinks(path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: target.path)
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            guard type != .typeDirectory else { throw WriteError(path: path, reason: "is a folder") }
            try writeThrough(produce, to: target.path, shownAs: path)
            return
        }
        let folder = target.deletingLastPathComponent()
        guard case .success(let folderStatus) = Platform.fileStatus(folder.path), folderStatus.kind == .directory else {
            throw WriteError(path: path, reason: "no such folder \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            // A new file: whatever had the name (a stale temporary, a planted link) is removed, not followed.
            Platform.removeFile(temporary.path)
            guard case .success(let descriptor) = Platform.createExclusively(temporary.path, permissions: 0o666) else {
                throw WriteError(path: path, reason: "cannot create \(temporary.path)")
            }
            if let failure = Self.writePieces(produce, to: descriptor) { throw WriteError(path: path, reason: failure.message) }
            if let attributes {
                // Keep what the existing report had: permissions, and owner and group when allowed.
                var kept: [FileAttributeKey: Any] = [:]
                for key in [FileAttributeKey.posixPermissions, .ownerAccountID, .groupOwnerAccountID] { kept[key] = attributes[key] }
                try? FileManager.default.setAttributes(kept, ofItemAtPath: temporary.path)
            }
        } catch let error as WriteError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: SystemErrorText.describe(error))
        }
        // rename(2) replaces the old file in one step (FileManager's replaceItemAt removes it first).
        if case .failure(let error) = Platform.rename(temporary.path, to: target.path) {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: error.message)
        }
    }

    /// The file a path names once symbolic links are followed, a dangling link's target included (a
    /// link to a report not written yet gets it; the link stays).
    private static func followLinks(_ path: String) throws(WriteError) -> URL {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) else {
                return url.resolvingSymlinksInPath()
            }
            url = destination.hasPrefix("/") ? URL(fileURLWithPath: destination)
                : url.deletingLastPathComponent().appendingPathComponent(destination).standardizedFileURL
        }
        throw WriteError(path: path, reason: "symbolic links form a loop")
    }

    /// Writes into an existing non-regular file (a device, a FIFO) without replacing it.
    private static func writeThrough(_ produce: ((UnsafeRawBufferPointer) -> Void) -> Void, to path: String, shownAs shown: String) throws(WriteError) {
        guard case .success(let descriptor) = Platform.openForWriting(path) else {
            throw WriteError(path: shown, reason: "cannot open it for writing")
        }
        if let failure = writePieces(produce, to: descriptor) { throw WriteError(path: shown, reason: failure.message) }
    }

    /// Writes the pieces in blocks of about 1 MiB, then closes the descriptor; the first failed
    /// write stops the writing, and is what this returns once `produce` is done (else a failed close).
    private static func writePieces(_ produce: ((UnsafeRawBufferPointer) -> Void) -> Void, to descriptor: Int32) -> Platform.ErrorNumber? {
        var pending: [UInt8] = []
        var failure: Platform.ErrorNumber?
        func flush() {
            guard failure == nil, !pending.isEmpty else { return }
            if !pending.withUnsafeBytes({ Platform.writeAll(descriptor, $0) }) { failure = .current }
            pending.removeAll(keepingCapacity: true)
        }
        produce { piece in
            guard failure == nil else { return }
            pending.append(contentsOf: piece)
            if pending.count >= 1 << 20 { flush() }
        }
        flush()
        let closing = Platform.closeReporting(descriptor)
        if let failure { return failure }
        if case .failure(let error) = closing { return error }
        return nil
    }
}

/// A report (or baseline) file that could not be written.
public struct ReportWriteError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// Why, as the system says it.
    public var reason: String
    /// `path: cannot write the report: reason`.
    public var description: String { "\(path): cannot write the report: \(reason)" }
}
