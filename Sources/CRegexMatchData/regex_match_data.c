#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex_match_data.h"

#include <pcre2.h>
#include <pthread.h>

static pthread_key_t match_data_key;
static int match_data_key_made;
static pthread_once_t match_data_once = PTHREAD_ONCE_INIT;

static void free_match_data(void *data) { pcre2_match_data_free_8(data); }

static void make_match_data_key(void) {
    match_data_key_made = pthread_key_create(&match_data_key, free_match_data) == 0;
}

void *portcullis_thread_match_data(void) {
    pthread_once(&match_data_once, make_match_data_key);
    if (!match_data_key_made) return NULL;
    pcre2_match_data_8 *data = pthread_getspecific(match_data_key);
    if (data) return data;
    data = pcre2_match_data_create_8(1, NULL);
    if (data && pthread_setspecific(match_data_key, data) != 0) {
        pcre2_match_data_free_8(data);
        return NULL;
    }
    return data;
}
