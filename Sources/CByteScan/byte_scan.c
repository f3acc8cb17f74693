#include "byte_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

size_t portcullis_count_line_feeds(const unsigned char *bytes, size_t count) {
    size_t total = 0, at = 0;
#if defined(__SSE2__)
    const __m128i feed = _mm_set1_epi8('\n');
    while (count - at >= 16) {
        // Each lane counts up to 255 line feeds before the lanes are summed.
        size_t blocks = (count - at) / 16;
        if (blocks > 255) blocks = 255;
        __m128i lanes = _mm_setzero_si128();
        for (size_t block = 0; block < blocks; block++, at += 16) {
            __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + at));
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(chunk, feed));
        }
        __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
        total += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
    }
#endif
    for (; at < count; at++) total += bytes[at] == '\n';
    return total;
}

size_t portcullis_line_starts(const unsigned char *bytes, size_t count, ptrdiff_t *starts, size_t capacity) {
    size_t written = 0, at = 0;
#if defined(__SSE2__)
    const __m128i feed = _mm_set1_epi8('\n');
    for (; count - at >= 16; at += 16) {
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(bytes + at)), feed));
        while (mask) {
            if (written == capacity) return written;
            starts[written++] = (ptrdiff_t)(at + (size_t)__builtin_ctz(mask) + 1);
            mask &= mask - 1;
        }
    }
#endif
    for (; at < count; at++) {
        if (bytes[at] != '\n') continue;
        if (written == capacity) return written;
        starts[written++] = (ptrdiff_t)(at + 1);
    }
    return written;
}

size_t portcullis_find_line_starts(const unsigned char *bytes, size_t count, const ptrdiff_t *wanted,
                                   size_t wanted_count, ptrdiff_t *starts) {
    size_t found = 0, at = 0;
    ptrdiff_t line = 1;  // the line `at` is on
    if (found < wanted_count && wanted[found] == 1) starts[found++] = 0;
#if defined(__SSE2__)
    const __m128i feed = _mm_set1_epi8('\n');
    // Spans of sixteen blocks are counted (lanes summed once a span: no population count, which
    // baseline x86-64 lacks); a span holding the next wanted line is gone through feed by feed.
    const size_t span = 16 * 16;
    size_t spans_end = count - count % span;
    while (found < wanted_count && at < spans_end) {
        __m128i lanes = _mm_setzero_si128();
        for (size_t block = 0; block < span; block += 16) {
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(bytes + at + block)), feed));
        }
        __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
        ptrdiff_t feeds = (ptrdiff_t)_mm_cvtsi128_si32(sums) + (ptrdiff_t)_mm_extract_epi16(sums, 4);
        if (line + feeds < wanted[found]) {
            line += feeds;
            at += span;
            continue;
        }
        for (size_t end = at + span; at < end; at += 16) {
            unsigned mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(bytes + at)), feed));
            for (; mask; mask &= mask - 1) {
                line += 1;
                if (line != wanted[found]) continue;
                starts[found++] = (ptrdiff_t)(at + (size_t)__builtin_ctz(mask) + 1);
                if (found == wanted_count) return found;
            }
        }
    }
#endif
    for (; found < wanted_count && at < count; at++) {
        if (bytes[at] != '\n') continue;
        line += 1;
        if (line == wanted[found]) starts[found++] = (ptrdiff_t)(at + 1);
    }
    return found;
}
