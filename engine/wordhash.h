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

/* xxHash 0.8's XXH3_64bits_withSecret dispatches on the length to these
 * (static under XXH_INLINE_ALL) functions; calling the short-input ones
 * directly gets them inlined into the per-word loops, where the compiler
 * kept the whole dispatcher out of line. The values are the same. */
#if XXH_VERSION_MAJOR == 0 && XXH_VERSION_MINOR == 8
#define SC_XXH3_SHORT(in, n, secret)                                                               \
  ((n) <= 16 ? XXH3_len_0to16_64b((const xxh_u8 *)(in), (n), (const xxh_u8 *)(secret), 0)          \
   : (n) <= 128 ? XXH3_len_17to128_64b((const xxh_u8 *)(in), (n), (const xxh_u8 *)(secret), SC_SECRET_BYTES, 0) \
   : XXH3_64bits_withSecret((in), (n), (secret), SC_SECRET_BYTES))
#else
#define SC_XXH3_SHORT(in, n, secret) XXH3_64bits_withSecret((in), (n), (secret), SC_SECRET_BYTES)
#endif

static inline uint64_t sc_word_hash(const char *w, size_t n, const uint8_t *secret) {
  return SC_XXH3_SHORT(w, n, secret);
}

/** The hash of @p window (1 to 16) word hashes at @p h under @p secret. */
static inline uint64_t sc_shingle_hash(const uint64_t *h, size_t window, const uint8_t *secret) {
  return SC_XXH3_SHORT(h, window * sizeof(uint64_t), secret);
}

#endif
