/* The baseline of `make bench-process`: read every .yaml/.yml/.json file under the given paths and
 * event-parse it with libyaml, doing nothing with the events but counting them. This is the floor a
 * YAML-reading checker cannot go under; `portcullis check` is measured as a ratio of it.
 *
 * With --without-reader, a file libyaml's reader would pass on unchanged is handed to the scanner as
 * already read, as `portcullis check` does (Sources/PortcullisManifest/PlainYAMLInput.swift, built
 * from the same Sources/CPlainInput): the floor of libyaml's scanner and parser alone.
 *
 * Usage: yaml-events [--without-reader] PATH...
 *        prints "files F documents D events E bytes B errors X" */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "plain_input.h"

static unsigned long files, documents, events, bytes, errors;
static unsigned char *buffer;
static size_t capacity;
static int without_reader;
static unsigned char *prepared;
static size_t prepared_capacity;

static int wanted(const char *path) {
    const char *dot = strrchr(path, '.');
    return dot && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml") || !strcmp(dot, ".json"));
}

static void parse(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) { errors++; return; }
    size_t length = 0, got;
    for (;;) {
        if (length == capacity) {
            capacity = capacity ? capacity * 2 : 1 << 20;
            buffer = realloc(buffer, capacity);
            if (!buffer) { perror("realloc"); exit(2); }
        }
        got = fread(buffer + length, 1, capacity - length, file);
        if (got == 0) break;
        length += got;
    }
    fclose(file);
    files++;
    bytes += length;
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, buffer, length);
    struct { yaml_char_t *start, *end, *pointer, *last; } own;
    memcpy(&own, &parser.buffer, sizeof own);
    if (without_reader && length > 0) {
        if (prepared_capacity < length + 8) {
            prepared_capacity = length + 8 > 2 * prepared_capacity ? length + 8 : 2 * prepared_capacity;
            prepared = realloc(prepared, prepared_capacity);
            if (!prepared) { perror("realloc"); exit(2); }
        }
        ptrdiff_t characters = portcullis_copy_yaml_characters(prepared, buffer, length);
        if (characters >= 0) {
            memset(prepared + length, 0, 8);
            parser.buffer.start = parser.buffer.pointer = prepared;
            parser.buffer.last = prepared + length + 1;
            parser.buffer.end = prepared + length + 8;
            parser.unread = (size_t)characters + 1;
            parser.encoding = YAML_UTF8_ENCODING;
            parser.eof = 1;
        }
    }
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) { errors++; break; }
        events++;
        if (event.type == YAML_DOCUMENT_START_EVENT) documents++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    memcpy(&parser.buffer, &own, sizeof own);
    yaml_parser_delete(&parser);
}

static int visit(const char *path, const struct stat *status, int type, struct FTW *walk) {
    (void)status; (void)walk;
    if (type == FTW_F && wanted(path)) parse(path);
    return 0;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--without-reader")) without_reader = 1;
        else nftw(argv[i], visit, 32, FTW_PHYS);
    }
    printf("files %lu documents %lu events %lu bytes %lu errors %lu\n", files, documents, events, bytes, errors);
    return 0;
}
