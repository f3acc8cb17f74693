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
