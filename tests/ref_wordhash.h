/*
 * ref_wordhash.h: a reference for the word and shingle hashes of
 * engine/wordhash.h,
 * written from its description rather than its code: the bytes shifted
 * into two integers one by one, the key read byte by byte, the 128-bit
 * product from 32-bit limbs, a byte-swap loop. Words over 16 bytes go to
 * libxxhash (the shared library, not the engine's inlined copy).
 */
#ifndef SC_REF_WORDHASH_H
#define SC_REF_WORDHASH_H

#include <stddef.h>
#include <stdint.h>
#include <xxhash.h>

#include "keys.h"

/* The 128-bit product of a and b from 32-bit limbs, its halves xored. */
static uint64_t ref_mul_fold(uint64_t a, uint64_t b) {
  const uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
  const uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
  const uint64_t prod_lo = (p00 & 0xFFFFFFFFu) | (mid << 32);
  const uint64_t prod_hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  return prod_lo ^ prod_hi;
}

/* XXH3's avalanche. */
static uint64_t ref_finish(uint64_t h) {
  h ^= h >> 37;
  h *= 0x165667919E3779F9ull;
  return h ^ (h >> 32);
}

static uint64_t ref_word_hash(const char *w, size_t n, const uint8_t *secret) {
  if (n > 16) return XXH3_64bits_withSecret(w, n, secret, SC_SECRET_BYTES);
  uint64_t lo = 0, hi = 0, k0 = 0, k1 = 0;
  for (size_t i = 0; i < n; i++) {
    const uint64_t byte = (uint8_t)w[i];
    if (i < 8) lo |= byte << (8 * i);
    else hi |= byte << (8 * (i - 8));
  }
  for (int i = 0; i < 8; i++) {
    k0 |= (uint64_t)secret[i] << (8 * i);
    k1 |= (uint64_t)secret[8 + i] << (8 * i);
  }
  const uint64_t a = lo ^ k0, b = hi ^ k1;
  uint64_t swapped = 0;
  for (int i = 0; i < 8; i++) swapped |= ((a >> (8 * i)) & 0xFF) << (8 * (7 - i));
  return ref_finish((uint64_t)n + swapped + b + ref_mul_fold(a, b));
}

/* Shingle of @p window word hashes: S = w_0 rotated left by 13 (window-1),
 * xor w_1 rotated by 13 (window-2), ..., xor w_(window-1); then
 * finish(fold((S ^ k0) * (k1 ^ window))) with k0, k1 the first 16 bytes of
 * the shingle secret. Computed here from scratch for every shingle. */
static uint64_t ref_shingle_hash(const uint64_t *w, size_t window, const uint8_t *secret) {
  uint64_t s = 0;
  for (size_t j = 0; j < window; j++) {
    const unsigned r = (unsigned)((13 * (window - 1 - j)) % 64);
    s ^= r ? (w[j] << r) | (w[j] >> (64 - r)) : w[j];
  }
  uint64_t k0 = 0, k1 = 0;
  for (int i = 0; i < 8; i++) {
    k0 |= (uint64_t)secret[i] << (8 * i);
    k1 |= (uint64_t)secret[8 + i] << (8 * i);
  }
  return ref_finish(ref_mul_fold(s ^ k0, k1 ^ (uint64_t)window));
}

#endif
