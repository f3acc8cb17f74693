import CYAML
import CYAMLAllocation
import Testing

/// `portcullis_yaml_event_release` (`CYAML`'s shim): each kind of libyaml event is released once,
/// completely, and left holding nothing, so that libyaml's own `yaml_event_delete` after it frees
/// nothing twice.
@Suite struct YAMLEventReleaseTests {
    /// A stream with every kind of event, and every pointer an event can hold: version and tag
    /// directives, anchors and tags on scalars, mappings and sequences, aliases, empty scalars.
    private static let stream = """
        %YAML 1.1
        %TAG !e! tag:example.com,2026:
        --- !e!root
        plain: &a text
        tagged: !!str &b 42
        empty:
        quoted: !e!q "q"
        map: &m !!map {k: v}
        seq: &s !!seq [1, *a, *b]
        ref: *m
        ...
        --- &doc
        - *doc
        ---
        """

    /// The events of `text`, each released with `release` as it is read: their types, in order,
    /// and whether every one was left holding nothing.
    private static func parse(_ text: String, release: (inout yaml_event_t) -> Void) -> (types: [yaml_event_type_t], cleared: Bool, ok: Bool) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return ([], false, false) }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var types: [yaml_event_type_t] = [], cleared = true
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let type = event.type
                types.append(type)
                release(&event)
                cleared = cleared && event.type == YAML_NO_EVENT
                // libyaml's own release after ours: nothing is left to free twice.
                yaml_event_delete(&event)
                if type == YAML_STREAM_END_EVENT { return (types, cleared, true) }
            }
            return (types, cleared, false)
        }
    }

    @Test func everyKindOfEventIsReleasedAndLeftHoldingNothing() {
        let ours = Self.parse(Self.stream) { portcullis_yaml_event_release(&$0) }
        let theirs = Self.parse(Self.stream) { yaml_event_delete(&$0) }
        #expect(ours.ok && theirs.ok)
        #expect(ours.cleared)
        #expect(ours.types == theirs.types)
        for type in [YAML_DOCUMENT_START_EVENT, YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_MAPPING_START_EVENT,
                     YAML_SEQUENCE_START_EVENT, YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT, YAML_DOCUMENT_END_EVENT] {
            #expect(ours.types.contains(type), "the stream has no event of type \(type.rawValue)")
        }
    }

    /// Blocks the allocation pool (`CYAMLAllocation`) makes anew over 200 parses of the stream,
    /// its events released with `release`, after one parse has filled the thread's lists.
    private static func blocksMade(releasing release: (inout yaml_event_t) -> Void) -> Int {
        _ = parse(stream, release: release)
        let before = portcullis_yaml_pool_counts().made
        for _ in 0..<200 { _ = parse(stream, release: release) }
        return Int(portcullis_yaml_pool_counts().made - before)
    }

    /// What every event held is given back: parsing the stream again and again takes no more new
    /// blocks than with libyaml's own release (an anchor or tag left unfreed would take one more
    /// block per parse; with the pool unused, both counts are nought).
    @Test func releasingEveryEventLeaksNothing() {
        let ours = Self.blocksMade { portcullis_yaml_event_release(&$0) }
        let theirs = Self.blocksMade { yaml_event_delete(&$0) }
        #expect(ours == theirs, "\(ours) blocks made against \(theirs) with yaml_event_delete")
    }
}
