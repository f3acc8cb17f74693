internal import CPlainInput
internal import CYAML

/// Files libyaml's scanner reads without its reader.
///
/// libyaml's reader decodes and checks its input one character at a time into the buffer the
/// scanner reads from: a sixth of a whole run over `../shared/corpus` (`perf`,
/// `yaml_parser_update_buffer`). A file of well-formed UTF-8 made only of characters YAML allows,
/// with no byte order mark (every file of that corpus), leaves it nothing to decode or refuse:
/// the reader would pass its bytes on unchanged. They are checked and copied in one pass (runs of
/// ASCII 64 bytes at a time, in vector instructions) into a buffer laid out as the reader leaves
/// its own at the end of the input (the characters, then the NUL it appends, then more NULs for
/// the scanner's lookahead), and the parser is told that buffer holds all of its input. Any other
/// file goes through the reader as before, which reports what is wrong with it. Events, marks
/// and errors are the same either way (`PlainYAMLInputTests` compares them).
enum PlainYAMLInput {
    /// NULs after the input: the one the reader appends at the end, and room for the scanner's
    /// lookahead past it (at most four characters).
    private static let padding = 8

    /// The largest file copied into its thread's kept buffer.
    private static let keptBytes = 4 << 20

    /// `body` with `parser` (initialized, its input set to `bytes`) reading `bytes` as already
    /// read when the reader would pass them on unchanged; the parser's own buffer is put back
    /// before returning, so `yaml_parser_delete` frees what it allocated. The parser is fit only
    /// for `yaml_parser_delete` after (it is left at the end of its input).
    static func parsing<Result>(_ bytes: UnsafeBufferPointer<UInt8>, with parser: inout yaml_parser_t,
                                _ body: (inout yaml_parser_t) -> Result) -> Result {
        guard let source = bytes.baseAddress, !bytes.isEmpty, bytes.count <= Int.max / 2 else { return body(&parser) }
        let count = bytes.count
        // The thread's buffer, kept between its files: one made and freed for every file had the
        // allocator grow and trim its heap for each (a thousand more page faults over 20k generated
        // documents; the corpus's 15 files over 256 KiB faulted in 2 % of a run). A file over
        // `keptBytes` (or a nested parse) gets one of its own.
        let kept = count + padding <= keptBytes ? portcullis_thread_buffer_take(count + padding) : nil
        let storage = kept ?? .allocate(capacity: count + padding)
        defer { if kept != nil { portcullis_thread_buffer_give() } else { storage.deallocate() } }
        let characters = portcullis_copy_yaml_characters(storage, source, count)
        guard characters >= 0 else { return body(&parser) }
        (storage + count).initialize(repeating: 0, count: padding)
        let own = parser.buffer
        parser.buffer.start = storage
        parser.buffer.pointer = storage
        parser.buffer.last = storage + count + 1
        parser.buffer.end = storage + count + padding
        parser.unread = characters + 1
        parser.encoding = YAML_UTF8_ENCODING
        // At the end of the input with nothing left to decode: the reader is never called again.
        parser.eof = 1
        defer { parser.buffer = own }
        return body(&parser)
    }
}
