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
 * Shingle: the k word hashes combined by rotate-and-xor, which slides along
 * the text, then a keyed finalizer (sc_shingle_finish).
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

/* The short path on the zero-padded halves of a word of @p n <= 16 bytes,
 * with the first 16 bytes of the secret as @p k0 and @p k1. */
static inline uint64_t sc__word_hash_mix_k(uint64_t lo, uint64_t hi, size_t n, uint64_t k0, uint64_t k1) {
  const uint64_t a = lo ^ k0, b = hi ^ k1;
  uint64_t h = (uint64_t)n + sc__bswap64(a) + b + sc__mul128_fold64(a, b);
  h ^= h >> 37;
  h *= 0x165667919E3779F9ull;
  return h ^ (h >> 32);
}

static inline uint64_t sc__word_hash_mix(uint64_t lo, uint64_t hi, size_t n, const uint8_t *secret) {
  return sc__word_hash_mix_k(lo, hi, n, sc__load_le64(secret), sc__load_le64(secret + 8));
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

/** sc_word_hash_overread with the first 16 bytes of @p secret already
 *  loaded into @p k0 and @p k1: a loop that stores hashes would reload
 *  them after every store (the secret is bytes, which any store may
 *  alias). */
static inline uint64_t sc_word_hash_overread_k(const char *w, size_t n, const uint8_t *secret, uint64_t k0,
                                               uint64_t k1) {
  if (n > SC_WORD_SHORT) return XXH3_64bits_withSecret(w, n, secret, SC_SECRET_BYTES);
  return sc__word_hash_mix_k(sc__load_le64(w) & sc__lo_mask[n], sc__load_le64(w + 8) & sc__hi_mask[n], n, k0, k1);
}

/* Shingles: the rotation between consecutive words. 13 is odd, so any
 * nonzero difference in one word, or the same nonzero difference in an odd
 * number of words, changes S (below) for sure. */
enum { SC_SHINGLE_ROT = 13 };

static inline uint64_t sc__rotl64(uint64_t x, unsigned r) {
  r &= 63;
  return r ? (x << r) | (x >> (64 - r)) : x;
}

/** sc_shingle_finish with its keys loaded: @p k0 the first 8 bytes of the
 *  shingle secret, @p k1w the next 8 xor the window (loops hold them in
 *  registers; see sc_word_hash_overread_k). */
static inline uint64_t sc_shingle_finish_k(uint64_t s, uint64_t k0, uint64_t k1w) {
  uint64_t h = sc__mul128_fold64(s ^ k0, k1w);
  h ^= h >> 37;
  h *= 0x165667919E3779F9ull;
  return h ^ (h >> 32);
}

/** A shingle's hash from S = XOR of rotl(w_j, 13 (window - 1 - j)) over its
 *  @p window word hashes w_j: a keyed multiply-fold (the first 16 bytes of
 *  the shingle secret, and the window) and XXH3's avalanche. S slides from
 *  one shingle to the next in O(1) (sc_shingle_in_place), instead of
 *  hashing k words again. */
static inline uint64_t sc_shingle_finish(uint64_t s, size_t window, const uint8_t *secret) {
  return sc_shingle_finish_k(s, sc__load_le64(secret), sc__load_le64(secret + 8) ^ (uint64_t)window);
}
#endif
