#include "plain_input.h"

#include <pthread.h>
#include <stdlib.h>

/// What a thread keeps: the buffer, its size, and whether it is handed out.
struct thread_buffer {
    unsigned char *base;
    size_t capacity;
    int taken;
};

static pthread_key_t key;
static int key_made;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void free_thread_buffer(void *kept) {
    struct thread_buffer *buffer = kept;
    free(buffer->base);
    free(buffer);
}

static void make_key(void) {
    key_made = pthread_key_create(&key, free_thread_buffer) == 0;
}

unsigned char *portcullis_thread_buffer_take(size_t size) {
    enum { smallest = 64 << 10 };
    pthread_once(&key_once, make_key);
    if (!key_made) return NULL;
    struct thread_buffer *buffer = pthread_getspecific(key);
    if (!buffer) {
        buffer = calloc(1, sizeof *buffer);
        if (!buffer) return NULL;
        if (pthread_setspecific(key, buffer) != 0) {
            free(buffer);
            return NULL;
        }
    }
    if (buffer->taken) return NULL;
    if (buffer->capacity < size) {
        // Freed before the larger one is made, so the allocator can reuse its room (made first,
        // the two overlapped and each growth left the heap larger: 2 MiB more over the corpus).
        free(buffer->base);
        size_t capacity = size > smallest ? size : smallest;
        buffer->base = malloc(capacity);
        buffer->capacity = buffer->base ? capacity : 0;
        if (!buffer->base) return NULL;
    }
    buffer->taken = 1;
    return buffer->base;
}

void portcullis_thread_buffer_give(void) {
    if (!key_made) return;
    struct thread_buffer *buffer = pthread_getspecific(key);
    if (buffer) buffer->taken = 0;
}
