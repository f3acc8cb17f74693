#include "plain_input.h"

#include <stddef.h>
#include <string.h>

/// 1 for a byte that is not a one-byte character YAML allows.
static inline unsigned char is_not_plain_ascii(unsigned char byte) {
    return (byte >= 0x7F) | ((byte < 0x20) & (byte != '\t') & (byte != '\n') & (byte != '\r'));
}

/// The width of the character at `bytes` (`remaining` bytes left) when libyaml's reader accepts
/// it as it stands; 0 otherwise.
static size_t accepted_character(const unsigned char *bytes, size_t remaining) {
    unsigned char lead = bytes[0];
    if (lead < 0x80) return is_not_plain_ascii(lead) ? 0 : 1;
    size_t width = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
    if (width == 0 || width > remaining) return 0;
    unsigned int value = lead & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07);
    for (size_t index = 1; index < width; index++) {
        if ((bytes[index] & 0xC0) != 0x80) return 0;
        value = (value << 6) | (bytes[index] & 0x3F);
    }
    if ((width == 2 && value < 0x80) || (width == 3 && value < 0x800) || (width == 4 && value < 0x10000)) return 0;
    int allowed = value == 0x85 || (value >= 0xA0 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD)
        || (value >= 0x10000 && value <= 0x10FFFF);
    return allowed ? width : 0;
}

ptrdiff_t portcullis_copy_yaml_characters(unsigned char *restrict destination, const unsigned char *restrict source,
                                          size_t count) {
    enum { block = 64 };
    // The reader drops a leading byte order mark (and counts no character for it).
    if (count >= 3 && source[0] == 0xEF && source[1] == 0xBB && source[2] == 0xBF) return -1;
    size_t offset = 0, characters = 0;
    while (offset < count) {
        if (count - offset >= block) {
            unsigned char found = 0;
            for (size_t index = 0; index < block; index++) found |= is_not_plain_ascii(source[offset + index]);
            if (!found) {
                memcpy(destination + offset, source + offset, block);
                offset += block;
                characters += block;
                continue;
            }
        }
        // A block with another byte: its characters one at a time (the last may run past it).
        size_t end = count - offset > block ? offset + block : count;
        while (offset < end) {
            size_t width = accepted_character(source + offset, count - offset);
            if (width == 0) return -1;
            memcpy(destination + offset, source + offset, width);
            offset += width;
            characters += 1;
        }
    }
    return (ptrdiff_t)characters;
}
