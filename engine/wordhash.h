/*
 * wordhash.h: the keyed 64-bit hash of a word, and of k word hashes into a
 * shingle: XXH3 under a 192-byte secret derived from the master key
 * (keys.h), compiled inline (XXH_INLINE_ALL) into the loops that call it
 * once per word instead of through libxxhash's PLT. The values are exactly
 * libxxhash's XXH3_64bits_withSecret (tests compare against the library).
 */
#ifndef SC_WORDHASH_H
#define SC_WORDHASH_H

#include "common/sc_internal.h"
#include "keys.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

static inline uint64_t sc_word_hash(const char *w, size_t n, const uint8_t *secret) {
  return XXH3_64bits_withSecret(w, n, secret, SC_SECRET_BYTES);
}

#endif
