internal import CYAML
import PortcullisDiagnostics

/// Drives libyaml's event parser over a buffer and hands each event to a `ManifestBuilder`.
enum YAMLEventStream {
    /// Parses `source` completely (or until the builder stops), returning the builder.
    static func build(_ source: SourceFile, limits: ManifestLimits) -> ManifestBuilder {
        var builder = ManifestBuilder(source: source, limits: limits)
        guard !source.bytes.isEmpty else { return builder }
        var directives = DirectiveCommentScanner(source.bytes)
        let lineMap = LineBreakMap.make(source.bytes)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            builder.report(.error(ManifestDiagnostic.syntax, "libyaml could not start (out of memory)", path: source.path))
            return builder
        }
        defer { yaml_parser_delete(&parser) }
        source.bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            PlainYAMLInput.parsing(buffer, with: &parser) { parser in
                var event = yaml_event_t()
                while true {
                    guard yaml_parser_parse(&parser, &event) == 1 else {
                        if let lineMap {
                            remap(&parser.problem_mark, lineMap)
                            remap(&parser.context_mark, lineMap)
                        }
                        builder.report(parseError(&parser, source: source))
                        break
                    }
                    if let lineMap {
                        remap(&event.start_mark, lineMap)
                        remap(&event.end_mark, lineMap)
                    }
                    if !directives.isEmpty && event.type == YAML_SCALAR_EVENT {
                        directives.scalar(startLine: Int(event.start_mark.line), startColumn: Int(event.start_mark.column),
                                          endLine: Int(event.end_mark.line), endColumn: Int(event.end_mark.column))
                    }
                    let more = builder.handle(&event)
                    portcullis_yaml_event_release(&event)
                    if !more { break }
                }
            }
        }
        if !directives.isEmpty { builder.directiveComments = directives.comments }
        return builder
    }

    /// Moves a libyaml mark onto the file's own lines (`LineBreakMap`).
    private static func remap(_ mark: inout yaml_mark_t, _ map: LineBreakMap) {
        let (line, column) = map.map(line: Int(mark.line), column: Int(mark.column))
        mark.line = numericCast(line)
        mark.column = numericCast(column)
    }

    /// Counts libyaml events without building anything: the baseline the loader is measured against.
    static func countEvents(_ bytes: UnsafeBufferPointer<UInt8>) -> (events: Int, documents: Int, ok: Bool) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return (0, 0, false) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var event = yaml_event_t()
        var events = 0, documents = 0
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return (events, documents, false) }
            events += 1
            let type = event.type
            if type == YAML_DOCUMENT_START_EVENT { documents += 1 }
            yaml_event_delete(&event)
            if type == YAML_STREAM_END_EVENT { return (events, documents, true) }
        }
    }

    private static func parseError(_ parser: inout yaml_parser_t, source: SourceFile) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            var offset = Int(parser.problem_offset)
            let isEncoding = problem.contains("UTF-8") || problem.contains("UTF-16")
            if isEncoding && problem.contains("UTF-8") {
                // libyaml points past the leading byte for a broken sequence; point at the leading byte.
                var back = offset
                while back > 0 && offset - back < 3 && back < source.bytes.count && source.bytes[back] & 0xC0 == 0x80 { back -= 1 }
                if back < offset && back >= 0 && source.bytes[back] >= 0xC0 { offset = back }
                else if offset > 0 && offset <= source.bytes.count && problem.contains("trailing") && source.bytes[offset - 1] >= 0xC0 { offset -= 1 }
            }
            let location = source.location(ofByteOffset: offset)
            var message = problem
            if isEncoding {
                let byte = offset < source.bytes.count ? source.bytes[offset] : 0
                message = "invalid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) (\(problem)); save the file as UTF-8"
            } else if parser.problem_value >= 0 {
                message += " (character U+\(String(Int(parser.problem_value), radix: 16, uppercase: true)) at offset \(offset))"
            }
            return .error(isEncoding ? ManifestDiagnostic.invalidUTF8 : ManifestDiagnostic.invalidCharacter,
                          message, path: source.path, at: SourceSpan(start: location))
        }
        let mark = parser.problem_mark
        let location = SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        var notes: [DiagnosticNote] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextMark = parser.context_mark
            notes.append(DiagnosticNote(
                context, at: SourceSpan(start: SourceLocation(line: Int(contextMark.line) + 1, column: Int(contextMark.column) + 1))))
        }
        return .error(ManifestDiagnostic.syntax, problem, path: source.path, at: SourceSpan(start: location), notes: notes)
    }
}
