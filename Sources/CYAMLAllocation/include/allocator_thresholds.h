#ifndef PORTCULLIS_ALLOCATOR_THRESHOLDS_H
#define PORTCULLIS_ALLOCATOR_THRESHOLDS_H

/// The thresholds `portcullis` gives glibc's `malloc` first thing in `main`: chunks of at least
/// `mapping_threshold` bytes are mapped on their own (and unmapped when freed), and a heap gives
/// its free top back to the system once more than `trim_threshold` bytes are free there.
///
/// Left alone, glibc raises both thresholds each time it frees a mapped chunk larger than the
/// current one (up to 32 and 64 MiB): once a run has freed one large array, later large arrays
/// come from the workers' heaps, and each heap keeps megabytes of free space it no longer gives
/// back. Fixed (setting either stops glibc moving both), a run peaks lower; at 1 MiB each, the
/// chunks one file needs (a few hundred KiB at most) still come from the heaps, so no more pages
/// are faulted in than before (`docs/performance.md`, twenty-ninth session).
///
/// Returns 1 when both were set; 0 when they were left alone: the environment tunes `malloc`
/// itself (`GLIBC_TUNABLES` names a `glibc.malloc.` setting: the user's choice stands), or the C
/// library is not glibc; -1 when glibc refused one.
int portcullis_set_allocator_thresholds(int mapping_threshold, int trim_threshold);

/// Whether `tunables` (a `GLIBC_TUNABLES` value, `NULL` when unset) sets one of `malloc`'s own
/// settings: a `:`-separated item starting with `glibc.malloc.`.
int portcullis_tunables_name_malloc(const char *tunables);

#endif
