#include "yaml_allocation.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// Size classes of pooled blocks (bytes a caller may use); `large` marks a block from `malloc` alone.
enum { classes = 4, large = classes, kept_per_class = 1024 };
static const size_t class_capacity[classes] = {16, 32, 64, 128};

/// Before every block: its own address mixed with a constant (so a foreign pointer is recognised),
/// and its size class. Sixteen bytes, which keeps `malloc`'s alignment for the caller.
struct header {
    uintptr_t check;
    size_t kind;
};
enum { header_size = sizeof(struct header) };
static const uintptr_t check_mix = (uintptr_t)0x5bd1e9955bd1e995u;

/// A free block, linked through its first bytes.
struct free_block {
    struct free_block *next;
};

/// One thread's free blocks, at most `kept_per_class` per class; freed when the thread ends.
struct pool {
    struct free_block *free[classes];
    unsigned count[classes];
    struct portcullis_yaml_pool_counts counts;
};

static __thread struct pool *thread_pool;
static pthread_key_t pool_key;
static int pool_key_made;
static pthread_once_t pool_once = PTHREAD_ONCE_INIT;

static void release_pool(void *kept) {
    struct pool *pool = kept;
    for (int kind = 0; kind < classes; kind++) {
        for (struct free_block *block = pool->free[kind]; block;) {
            struct free_block *next = block->next;
            free((char *)block - header_size);
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
    struct pool *pool = thread_pool;
    if (pool) pool->counts.made++;
    return user;
}

/// The header of a block this file allocated; NULL for any other pointer.
static struct header *header_of(void *pointer) {
    struct header *header = (struct header *)((char *)pointer - header_size);
    return header->check == ((uintptr_t)pointer ^ check_mix) ? header : NULL;
}

void *yaml_malloc(size_t size) {
    for (size_t kind = 0; kind < classes; kind++) {
        if (size > class_capacity[kind]) continue;
        struct pool *pool = current_pool();
        if (pool && pool->free[kind]) {
            struct free_block *block = pool->free[kind];
            pool->free[kind] = block->next;
            pool->count[kind]--;
            pool->counts.reused++;
            return block;
        }
        return stamped(malloc(header_size + class_capacity[kind]), kind);
    }
    if (size > SIZE_MAX - header_size) return NULL;
    return stamped(malloc(header_size + (size ? size : 1)), large);
}

void yaml_free(void *pointer) {
    if (!pointer) return;
    struct header *header = header_of(pointer);
    if (!header) {
        free(pointer);
        return;
    }
    size_t kind = header->kind;
    if (kind < classes) {
        struct pool *pool = current_pool();
        if (pool && pool->count[kind] < kept_per_class) {
            struct free_block *block = pointer;
            block->next = pool->free[kind];
            pool->free[kind] = block;
            pool->count[kind]++;
            return;
        }
    }
    header->check = 0;
    free(header);
}

void *yaml_realloc(void *pointer, size_t size) {
    if (!pointer) return yaml_malloc(size);
    struct header *header = header_of(pointer);
    if (!header) return realloc(pointer, size ? size : 1);
    size_t kind = header->kind;
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
