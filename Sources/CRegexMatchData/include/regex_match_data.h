#ifndef PORTCULLIS_REGEX_MATCH_DATA_H
#define PORTCULLIS_REGEX_MATCH_DATA_H

/// The calling thread's PCRE2 match data (a `pcre2_match_data_8 *`), made on the thread's first
/// match and reused by every later one, freed when the thread ends: a match then allocates
/// nothing. It has room for one pair of offsets (a match's bounds): a pattern with groups returns
/// 0 on a match, which is still a match. NULL when it could not be made (the caller makes its own).
void *portcullis_thread_match_data(void);

#endif
