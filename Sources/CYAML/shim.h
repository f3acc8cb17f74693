#ifndef PORTCULLIS_CYAML_SHIM_H
#define PORTCULLIS_CYAML_SHIM_H
#include <yaml.h>

/// libyaml's own release of what it allocated: `yaml_private.h` declares it, and libyaml exports
/// it (an executable that defines it again, as `CYAMLAllocation` does, is called instead).
YAML_DECLARE(void) yaml_free(void *pointer);

/// Releases what `event` holds, as `yaml_event_delete` does, for the events a manifest is made
/// of: a scalar's text, tag and anchor, a collection's tag and anchor, an alias's anchor. Those
/// are freed here, in the caller, with no call for a pointer that is NULL; any other event (a
/// document's start, with its directives) goes to `yaml_event_delete`. The event is left of no
/// type (`YAML_NO_EVENT`), which `yaml_event_delete` and `yaml_parser_parse` both take as holding
/// nothing: `yaml_parser_parse` clears the whole event before it writes the next one, so it is
/// not cleared here.
static inline __attribute__((always_inline)) void portcullis_yaml_event_release(yaml_event_t *event) {
    switch (event->type) {
    case YAML_SCALAR_EVENT:
        if (event->data.scalar.anchor) yaml_free(event->data.scalar.anchor);
        if (event->data.scalar.tag) yaml_free(event->data.scalar.tag);
        if (event->data.scalar.value) yaml_free(event->data.scalar.value);
        break;
    case YAML_MAPPING_START_EVENT:
        if (event->data.mapping_start.anchor) yaml_free(event->data.mapping_start.anchor);
        if (event->data.mapping_start.tag) yaml_free(event->data.mapping_start.tag);
        break;
    case YAML_SEQUENCE_START_EVENT:
        if (event->data.sequence_start.anchor) yaml_free(event->data.sequence_start.anchor);
        if (event->data.sequence_start.tag) yaml_free(event->data.sequence_start.tag);
        break;
    case YAML_ALIAS_EVENT:
        if (event->data.alias.anchor) yaml_free(event->data.alias.anchor);
        break;
    case YAML_MAPPING_END_EVENT:
    case YAML_SEQUENCE_END_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
    case YAML_NO_EVENT:
        break;
    default:
        yaml_event_delete(event);
        return;
    }
    event->type = YAML_NO_EVENT;
}
#endif
