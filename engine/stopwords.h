/*
 * stopwords.h: English function words left out of content terms (TF-IDF,
 * SimHash, sentence alignment). Shingles keep them: word order and function
 * words are what make a copy a copy.
 */
#ifndef SC_STOPWORDS_H
#define SC_STOPWORDS_H

#include <stddef.h>

/** @return 1 if the normalized word @p w (length @p n) is a stop word. */
int sc_is_stopword(const char *w, size_t n);

#endif
