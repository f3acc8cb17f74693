#ifndef PORTCULLIS_YAML_ALLOCATION_H
#define PORTCULLIS_YAML_ALLOCATION_H

#include <stddef.h>

/// libyaml allocates through four functions of its own (`yaml_malloc`, `yaml_realloc`,
/// `yaml_strdup`, `yaml_free`), which it calls through the dynamic linker's table when it is a
/// shared library built without `-Bsymbolic` (Debian's is): this target defines them again, so the
/// executable's definitions are the ones libyaml uses. Its scanner makes and frees several small
/// strings for every scalar (about 245 allocations per generated document); here blocks of up to
/// 128 bytes are taken from and given back to lists each thread keeps, and only larger ones go to
/// `malloc`.
///
/// Only the `portcullis` and `portcullis-server` executables link this target (and the tests that
/// check it): a program embedding the `Portcullis` library keeps its own libyaml allocation.
/// Every block carries a header with its own address mixed with a constant and its size class,
/// so a pointer this file did not allocate is handed to `free` or `realloc`; a block freed twice,
/// or a list whose link was overwritten, stops the process (`abort`), as glibc's allocator does.
/// Built with AddressSanitizer, every call goes to `malloc`, `realloc` and `free` as they are.

/// libyaml's allocation functions, as `yaml_private.h` declares them.
void *yaml_malloc(size_t size);
void *yaml_realloc(void *pointer, size_t size);
void yaml_free(void *pointer);
unsigned char *yaml_strdup(const unsigned char *text);

/// What the calling thread's pool has done since the thread began: blocks given out again from
/// its lists, and blocks made with `malloc` (of any size).
struct portcullis_yaml_pool_counts {
    unsigned long reused;
    unsigned long made;
};

/// The calling thread's counts.
struct portcullis_yaml_pool_counts portcullis_yaml_pool_counts(void);

/// How many blocks each thread's list of one size class keeps at most; past it a freed block goes
/// back to `free`.
enum { portcullis_yaml_pool_kept_per_class = 1024 };

#endif
