/*
 * wordhash.h: the keyed 64-bit hash of a word, and of k word hashes into a
 * shingle, inline for the loops that call them once per word.
 *
 * Word: a word of at most 16 bytes (nearly every word) is read as two
 * little-endian 64-bit integers, zero-padded (lo: bytes 0-7, hi: 8-15),
 * and mixed as in XXH3's 9-16 byte case, keyed by the first 16 bytes of
 * the token secret (k0, k1):
 *
 *   a = lo ^ k0, b = hi ^ k1
 *   h = avalanche(n + bswap64(a) + b + fold64(a * b))
 *
 * where fold64 xors the halves of the 128-bit product and avalanche is
 * XXH3's (h ^= h >> 37; h *= 0x165667919E3779F9; h ^= h >> 32). One path
 * for every length up to 16, so no branch on the length: XXH3 itself
 * dispatches on 1-3, 4-8 and 9-16 bytes, and those branches mispredicted
 * on English word lengths. Longer words: XXH3_64bits_withSecret.
 *
 * Shingle: XXH3_64bits_withSecret of the k word hashes (shingle secret).
 */
#ifndef SC_WORDHASH_H
#define SC_WORDHASH_H

#include <string.h>

#include "common/sc_internal.h"
#include "keys.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

enum { SC_WORD_SHORT = 16 };  /* longest word hashed by the short path */

static inline uint64_t sc__load_le64(const void *p) {
  uint64_t x;
  memcpy(&x, p, sizeof x);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x);
#endif
  return x;
}

static inline uint64_t sc__bswap64(uint64_t x) {
  x = ((x & 0x00FF00FF00FF00FFull) << 8) | ((x >> 8) & 0x00FF00FF00FF00FFull);
  x = ((x & 0x0000FFFF0000FFFFull) << 16) | ((x >> 16) & 0x0000FFFF0000FFFFull);
  return (x << 32) | (x >> 32);
}

/* The 128-bit product of @p a and @p b, its halves xored. */
static inline uint64_t sc__mul128_fold64(uint64_t a, uint64_t b) {
#if defined(__SIZEOF_INT128__)
  const unsigned __int128 p = (unsigned __int128)a * b;
  return (uint64_t)p ^ (uint64_t)(p >> 64);
#else
  const uint64_t a_lo = a & 0xFFFFFFFFu, a_hi = a >> 32, b_lo = b & 0xFFFFFFFFu, b_hi = b >> 32;
  const uint64_t ll = a_lo * b_lo, hl = a_hi * b_lo, lh = a_lo * b_hi, hh = a_hi * b_hi;
  const uint64_t cross = (ll >> 32) + (hl & 0xFFFFFFFFu) + lh;
  const uint64_t hi = (hl >> 32) + (cross >> 32) + hh;
  const uint64_t lo = (cross << 32) | (ll & 0xFFFFFFFFu);
  return lo ^ hi;
#endif
}

/* The short path on the zero-padded halves of a word of @p n <= 16 bytes. */
static inline uint64_t sc__word_hash_mix(uint64_t lo, uint64_t hi, size_t n, const uint8_t *secret) {
  const uint64_t a = lo ^ sc__load_le64(secret), b = hi ^ sc__load_le64(secret + 8);
  uint64_t h = (uint64_t)n + sc__bswap64(a) + b + sc__mul128_fold64(a, b);
  h ^= h >> 37;
  h *= 0x165667919E3779F9ull;
  return h ^ (h >> 32);
}

/* Masks keeping the first min(n, 8) bytes of lo and the next bytes of hi. */
static const uint64_t sc__lo_mask[SC_WORD_SHORT + 1] = {
    0, 0xFFull, 0xFFFFull, 0xFFFFFFull, 0xFFFFFFFFull, 0xFFFFFFFFFFull, 0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull,
    ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull};
static const uint64_t sc__hi_mask[SC_WORD_SHORT + 1] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFFull, 0xFFFFull, 0xFFFFFFull, 0xFFFFFFFFull, 0xFFFFFFFFFFull,
    0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull, ~0ull};

/** Hash of the @p n bytes at @p w under @p secret (the token secret). */
static inline uint64_t sc_word_hash(const char *w, size_t n, const uint8_t *secret) {
  if (n > SC_WORD_SHORT) return XXH3_64bits_withSecret(w, n, secret, SC_SECRET_BYTES);
  unsigned char buf[SC_WORD_SHORT] = {0};
  memcpy(buf, w, n);
  return sc__word_hash_mix(sc__load_le64(buf), sc__load_le64(buf + 8), n, secret);
}

/** The same value, for a word followed by at least SC_WORD_SHORT readable
 *  bytes of the same buffer (read, then masked off): no copy. */
static inline uint64_t sc_word_hash_overread(const char *w, size_t n, const uint8_t *secret) {
  if (n > SC_WORD_SHORT) return XXH3_64bits_withSecret(w, n, secret, SC_SECRET_BYTES);
  return sc__word_hash_mix(sc__load_le64(w) & sc__lo_mask[n], sc__load_le64(w + 8) & sc__hi_mask[n], n, secret);
}

/* xxHash 0.8's XXH3_64bits_withSecret dispatches on the length to these
 * (static under XXH_INLINE_ALL) functions; calling the short-input ones
 * directly gets them inlined into the shingle loop. Same values. */
#if XXH_VERSION_MAJOR == 0 && XXH_VERSION_MINOR == 8
#define SC_XXH3_SHORT(in, n, secret)                                                               \
  ((n) <= 16 ? XXH3_len_0to16_64b((const xxh_u8 *)(in), (n), (const xxh_u8 *)(secret), 0)          \
   : (n) <= 128 ? XXH3_len_17to128_64b((const xxh_u8 *)(in), (n), (const xxh_u8 *)(secret), SC_SECRET_BYTES, 0) \
   : XXH3_64bits_withSecret((in), (n), (secret), SC_SECRET_BYTES))
#else
#define SC_XXH3_SHORT(in, n, secret) XXH3_64bits_withSecret((in), (n), (secret), SC_SECRET_BYTES)
#endif

/** The hash of @p window (1 to 16) word hashes at @p h under @p secret. */
static inline uint64_t sc_shingle_hash(const uint64_t *h, size_t window, const uint8_t *secret) {
  return SC_XXH3_SHORT(h, window * sizeof(uint64_t), secret);
}

#endif
