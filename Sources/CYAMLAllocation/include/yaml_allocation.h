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
/// What it needs of libyaml: every call among the four goes through the linker's table, or none
/// does (a libyaml linked with `-Bsymbolic-functions` binds them all inside itself, and the pool is
/// then unused); a libyaml that inlined some of them and not others would hand a pooled block to
/// `free`. A static libyaml cannot be linked beside this target (the four names are defined twice).
///
/// The `portcullis` and `portcullis-server` executables link this target, and so does the test
/// binary (all test targets are linked into one): a program embedding the `Portcullis` library,
/// and the benchmarks built on it, keep libyaml's own allocation.
/// Every block carries a header with its own address mixed with a constant and its size class,
/// so a pointer this file did not allocate is handed to `free` or `realloc`. A pooled block freed
/// twice while on its list stops the process (`abort`), and a link is checked (alignment, header,
/// mark) before the block it names is given out, as glibc's allocator checks its lists.
/// Built with AddressSanitizer, every call goes to `malloc`, `realloc` and `free` as they are.

/// libyaml's allocation functions, as `yaml_private.h` declares them.
void *yaml_malloc(size_t size);
void *yaml_realloc(void *pointer, size_t size);
void yaml_free(void *pointer);
unsigned char *yaml_strdup(const unsigned char *text);

/// What the calling thread's pool has done since the thread began: blocks given out again from
/// its lists, and blocks made (or made again, a large one grown) with `malloc` or `realloc`.
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
