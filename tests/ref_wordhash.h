/*
 * ref_wordhash.h: a reference for the word hash of engine/wordhash.h,
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
  /* a * b = (a1 2^32 + a0)(b1 2^32 + b0) */
  const uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
  const uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
  const uint64_t prod_lo = (p00 & 0xFFFFFFFFu) | (mid << 32);
  const uint64_t prod_hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  uint64_t h = (uint64_t)n + swapped + b + (prod_lo ^ prod_hi);
  h ^= h >> 37;
  h *= 0x165667919E3779F9ull;
  h ^= h >> 32;
  return h;
}

#endif
