#ifndef PORTCULLIS_YAML_ALLOCATION_H
#define PORTCULLIS_YAML_ALLOCATION_H

#include <stddef.h>

/// libyaml allocates through four functions of its own (`yaml_malloc`, `yaml_realloc`,
/// `yaml_strdup`, `yaml_free`), which it calls through the dynamic linker's table: this target
/// defines them, so the process's definitions are the ones libyaml uses. Its scanner makes and
/// frees several small strings for every scalar (about 245 allocations per generated document);
/// here blocks of up to 128 bytes are taken from and given back to a list kept by each thread,
/// and only larger ones go to `malloc`. Every block carries a header naming its size class and
/// its own address, so a pointer this file did not allocate is handed to `free` or `realloc`.

/// What the calling thread's pool has done since the thread began: blocks given out again from
/// its lists, and blocks made with `malloc` (of any size).
struct portcullis_yaml_pool_counts {
    unsigned long reused;
    unsigned long made;
};

/// The calling thread's counts.
struct portcullis_yaml_pool_counts portcullis_yaml_pool_counts(void);

#endif
