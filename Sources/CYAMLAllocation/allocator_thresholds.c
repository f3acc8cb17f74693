#include "allocator_thresholds.h"

#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int portcullis_tunables_name_malloc(const char *tunables) {
    static const char prefix[] = "glibc.malloc.";
    if (!tunables) return 0;
    for (const char *item = tunables; *item; ) {
        if (strncmp(item, prefix, sizeof prefix - 1) == 0) return 1;
        const char *next = strchr(item, ':');
        if (!next) break;
        item = next + 1;
    }
    return 0;
}

int portcullis_set_allocator_thresholds(int mapping_threshold, int trim_threshold) {
#if defined(__GLIBC__)
    if (portcullis_tunables_name_malloc(getenv("GLIBC_TUNABLES"))) return 0;
    if (mallopt(M_MMAP_THRESHOLD, mapping_threshold) != 1) return -1;
    return mallopt(M_TRIM_THRESHOLD, trim_threshold) == 1 ? 1 : -1;
#else
    (void)mapping_threshold;
    (void)trim_threshold;
    return 0;
#endif
}
