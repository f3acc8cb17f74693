#include "yaml_allocation.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define PORTCULLIS_YAML_POOL_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PORTCULLIS_YAML_POOL_OFF 1
#endif
#endif

#ifdef PORTCULLIS_YAML_POOL_OFF

// AddressSanitizer sees every block: nothing is pooled.
void *yaml_malloc(size_t size) { return malloc(size ? size : 1); }
void *yaml_realloc(void *pointer, size_t size) { return pointer ? realloc(pointer, size ? size : 1) : malloc(size ? size : 1); }
void yaml_free(void *pointer) { free(pointer); }
unsigned char *yaml_strdup(const unsigned char *text) { return text ? (unsigned char *)strdup((const char *)text) : NULL; }
struct portcullis_yaml_pool_counts portcullis_yaml_pool_counts(void) {
    struct portcullis_yaml_pool_counts none = {0, 0};
    return none;
}

#else

/// Size classes of pooled blocks (bytes a caller may use); `large` marks a block from `malloc` alone.
enum { classes = 4, large = classes };
static const size_t class_capacity[classes] = {16, 32, 64, 128};
/// Set in a header's `kind` while its block is on a free list.
static const size_t free_mark = (size_t)1 << 8;

/// Before every block: its own address mixed with a constant (so a foreign pointer is recognised),
/// and its size class (with `free_mark` while it is on a list). Sixteen bytes, which keeps
/// `malloc`'s alignment for the caller.
struct header {
    uintptr_t check;
    size_t kind;
};
enum { header_size = sizeof(struct header) };
static const uintptr_t check_mix = (uintptr_t)0x5bd1e9955bd1e995u;

/// A free block, linked through its first bytes; the link is stored mixed with the block's own
/// address, so a stray write into a freed block does not hand out a chosen address.
struct free_block {
    uintptr_t next;
};

static inline uintptr_t hide(struct free_block *next, struct free_block *at) {
    return (uintptr_t)next ^ ((uintptr_t)at >> 12) ^ check_mix;
}

static inline struct free_block *reveal(uintptr_t hidden, struct free_block *at) {
    return (struct free_block *)(hidden ^ ((uintptr_t)at >> 12) ^ check_mix);
}

/// One thread's free blocks, at most `portcullis_yaml_pool_kept_per_class` per class; freed when
/// the thread ends.
struct pool {
    struct free_block *free[classes];
    unsigned count[classes];
    struct portcullis_yaml_pool_counts counts;
};

/// The calling thread's pool. This file is linked into executables only (never a library loaded
/// later), so the thread's pointer is read at a fixed offset from the thread pointer (the
/// initial-exec model), not through a call to `__tls_get_addr`: the common paths then make no call
/// and save no registers.
#if defined(__ELF__)
static __thread struct pool *thread_pool __attribute__((tls_model("initial-exec")));
#else
static __thread struct pool *thread_pool;
#endif
static pthread_key_t pool_key;
static int pool_key_made;
static pthread_once_t pool_once = PTHREAD_ONCE_INIT;

static inline struct header *header_at(void *pointer) {
    return (struct header *)((char *)pointer - header_size);
}

/// Lets go of a thread's pool when it ends. A libyaml call made on the thread after this (by a
/// later thread-exit destructor) makes a new pool, which the next destructor round frees in turn.
static void release_pool(void *kept) {
    struct pool *pool = kept;
    for (int kind = 0; kind < classes; kind++) {
        for (struct free_block *block = pool->free[kind]; block;) {
            struct free_block *next = reveal(block->next, block);
            free(header_at(block));
            block = next;
        }
    }
    free(pool);
    thread_pool = NULL;
}

static void make_pool_key(void) {
    pool_key_made = pthread_key_create(&pool_key, release_pool) == 0;
}

/// The calling thread's pool, made on first use; NULL when no memory or thread key could be had
/// (every block then goes to `malloc` and back).
static struct pool *current_pool(void) {
    if (thread_pool) return thread_pool;
    pthread_once(&pool_once, make_pool_key);
    if (!pool_key_made) return NULL;
    struct pool *pool = calloc(1, sizeof *pool);
    if (!pool) return NULL;
    if (pthread_setspecific(pool_key, pool) != 0) {
        free(pool);
        return NULL;
    }
    thread_pool = pool;
    return pool;
}

/// The caller's part of `raw` (a new block from `malloc`) with its header written.
static void *stamped(void *raw, size_t kind) {
    if (!raw) return NULL;
    struct header *header = raw;
    char *user = (char *)raw + header_size;
    header->check = (uintptr_t)user ^ check_mix;
    header->kind = kind;
    struct pool *pool = current_pool();
    if (pool) pool->counts.made++;
    return user;
}

/// The header of a block this file allocated; NULL for any other pointer.
static struct header *header_of(void *pointer) {
    struct header *header = header_at(pointer);
    return header->check == ((uintptr_t)pointer ^ check_mix) ? header : NULL;
}

/// The size class of a block of `size` bytes (at most the largest class's capacity).
static inline size_t class_of(size_t size) {
    return (size_t)(size > class_capacity[0]) + (size > class_capacity[1]) + (size > class_capacity[2]);
}

/// `yaml_malloc` when the calling thread's list of the class has no block (or the thread has no
/// pool yet: a pool made now has empty lists), or the block is large: a new block from `malloc`.
/// Kept out of the common path, which then saves no registers.
static __attribute__((noinline, cold)) void *make_block(size_t size) {
    if (size <= class_capacity[classes - 1]) {
        size_t kind = class_of(size);
        return stamped(malloc(header_size + class_capacity[kind]), kind);
    }
    if (size > SIZE_MAX - header_size) return NULL;
    return stamped(malloc(header_size + (size ? size : 1)), large);
}

void *yaml_malloc(size_t size) {
    struct pool *pool = thread_pool;
    if (size <= class_capacity[classes - 1] && pool) {
        size_t kind = class_of(size);
        struct free_block *block = pool->free[kind];
        if (block) {
            // Every block this file gives out is 16-byte aligned (`malloc`'s, past a 16-byte header).
            if ((uintptr_t)block & 15) abort();
            struct header *header = header_at(block);
            // A block on the list is ours and marked free; anything else is a corrupted list.
            if (header->check != ((uintptr_t)block ^ check_mix) || header->kind != (kind | free_mark)) abort();
            header->kind = kind;
            pool->free[kind] = reveal(block->next, block);
            pool->count[kind]--;
            pool->counts.reused++;
            return block;
        }
    }
    return make_block(size);
}

/// `yaml_free` of a pointer the common path does not keep: one this file did not allocate, a large
/// block, one whose list is full, one freed on a thread with no pool yet; stops the process for a
/// block freed twice.
static __attribute__((noinline, cold)) void release_block(void *pointer) {
    struct header *header = header_of(pointer);
    if (!header) {
        free(pointer);  // not a block of ours
        return;
    }
    size_t kind = header->kind;
    if (kind & free_mark) abort();  // freed twice
    if (kind < classes) {
        struct pool *pool = current_pool();
        if (pool && pool->count[kind] < portcullis_yaml_pool_kept_per_class) {
            yaml_free(pointer);
            return;
        }
    }
    header->check = 0;
    free(header);
}

void yaml_free(void *pointer) {
    if (!pointer) return;
    struct header *header = header_at(pointer);
    size_t kind = header->kind;
    struct pool *pool = thread_pool;
    // `kind` with the free mark (a block freed twice) is past every class: `release_block` stops there.
    if (header->check == ((uintptr_t)pointer ^ check_mix) && kind < classes && pool &&
        pool->count[kind] < portcullis_yaml_pool_kept_per_class) {
        struct free_block *block = pointer;
        header->kind = kind | free_mark;
        block->next = hide(pool->free[kind], block);
        pool->free[kind] = block;
        pool->count[kind]++;
        return;
    }
    release_block(pointer);
}

void *yaml_realloc(void *pointer, size_t size) {
    if (!pointer) return yaml_malloc(size);
    struct header *header = header_of(pointer);
    if (!header) return realloc(pointer, size ? size : 1);
    size_t kind = header->kind;
    if (kind & free_mark) abort();  // a freed block
    if (kind < classes) {
        if (size <= class_capacity[kind]) return pointer;
        void *grown = yaml_malloc(size);
        if (!grown) return NULL;
        memcpy(grown, pointer, class_capacity[kind]);
        yaml_free(pointer);
        return grown;
    }
    if (size > SIZE_MAX - header_size) return NULL;
    header->check = 0;
    void *raw = realloc(header, header_size + (size ? size : 1));
    if (!raw) {
        header->check = (uintptr_t)pointer ^ check_mix;
        return NULL;
    }
    return stamped(raw, large);
}

unsigned char *yaml_strdup(const unsigned char *text) {
    if (!text) return NULL;
    size_t length = strlen((const char *)text);
    unsigned char *copy = yaml_malloc(length + 1);
    if (copy) memcpy(copy, text, length + 1);
    return copy;
}

struct portcullis_yaml_pool_counts portcullis_yaml_pool_counts(void) {
    struct pool *pool = current_pool();
    struct portcullis_yaml_pool_counts none = {0, 0};
    return pool ? pool->counts : none;
}

#endif
