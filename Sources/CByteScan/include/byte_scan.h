#ifndef PORTCULLIS_BYTE_SCAN_H
#define PORTCULLIS_BYTE_SCAN_H

#include <stddef.h>

/// How many line feeds (`\n`) the `count` bytes at `bytes` hold. Sixteen bytes are compared at
/// a time where the target has SSE2 (every x86-64), one at a time elsewhere.
size_t portcullis_count_line_feeds(const unsigned char *bytes, size_t count);

/// Writes, in order, the offset just past each line feed of the `count` bytes at `bytes` (where
/// the next line starts) to `starts`, at most `capacity` of them; returns how many it wrote.
/// A line feed costs a few instructions here, where a call to `memchr` per line costs tens.
size_t portcullis_line_starts(const unsigned char *bytes, size_t count, ptrdiff_t *starts, size_t capacity);

/// For each of the `wanted_count` 1-based line numbers at `wanted` (ascending, no repeats), the
/// offset where that line starts in the `count` bytes at `bytes`, written to `starts` at the same
/// index; returns how many were found (the first ones: a line past the last is not there). Spans
/// of 256 bytes before the next wanted line are only counted, so a few lines of a large file are
/// found at a fraction of an instruction a byte.
size_t portcullis_find_line_starts(const unsigned char *bytes, size_t count, const ptrdiff_t *wanted,
                                   size_t wanted_count, ptrdiff_t *starts);

#endif
