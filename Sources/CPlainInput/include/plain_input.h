#ifndef PORTCULLIS_PLAIN_INPUT_H
#define PORTCULLIS_PLAIN_INPUT_H

#include <stddef.h>

/// Copies `count` bytes of UTF-8 from `source` to `destination` when libyaml's reader would pass
/// every one of them on unchanged: well-formed UTF-8 (no overlong form, no surrogate, nothing past
/// U+10FFFF) of characters YAML allows (tab, line feed, carriage return, U+0020-U+007E, U+0085,
/// U+00A0-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF), not starting with a byte order mark.
/// Returns how many characters there are, or -1 at the first byte that is
/// not so (`destination` is then written in part): the reader then reads the input, and says
/// what is wrong with it in its own words.
/// Runs of plain ASCII are checked 64 bytes at a time, in a loop the compiler turns into vector
/// instructions; other characters one at a time, as the reader decodes them.
ptrdiff_t portcullis_copy_yaml_characters(unsigned char *restrict destination, const unsigned char *restrict source,
                                          size_t count);

/// A buffer of at least `size` bytes that the calling thread keeps between calls (freed when the
/// thread ends), for one user at a time: NULL while the thread already holds it (a nested call) or
/// when no memory or thread key could be had; the caller then makes its own. Hand it back with
/// `portcullis_thread_buffer_give`. Its contents are not kept when it grows.
unsigned char *portcullis_thread_buffer_take(size_t size);

/// Hands back the buffer `portcullis_thread_buffer_take` gave this thread.
void portcullis_thread_buffer_give(void);

#endif
