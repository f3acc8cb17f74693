#ifndef PORTCULLIS_CPCRE2_SHIM_H
#define PORTCULLIS_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <stddef.h>
#include <pcre2.h>

/// PCRE2_ZERO_TERMINATED is a macro of a cast; Swift does not import it.
static inline size_t cpcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
/// PCRE2_UNSET, likewise.
static inline size_t cpcre2_unset(void) { return PCRE2_UNSET; }
#endif
