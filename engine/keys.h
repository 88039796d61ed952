/*
 * keys.h: every hash seed in simcheck derives from one 32-byte master key
 * through libsodium's crypto_kdf (BLAKE2b), each under its own subkey id, so
 * that whoever lacks the key cannot predict shingle hashes and so cannot
 * craft documents that collide in a sketch. The default master key is public
 * (BLAKE2b-256 of a fixed string) and makes output reproducible.
 */
#ifndef SC_KEYS_H
#define SC_KEYS_H

#include "common/sc_internal.h"

enum { SC_SECRET_BYTES = 192 };  /* XXH3 wants >= 136 random-looking bytes */

typedef struct sc_keys {
  uint8_t token[SC_SECRET_BYTES];    /* XXH3 secret: word -> 64-bit hash     */
  uint8_t shingle[SC_SECRET_BYTES];  /* XXH3 secret: k word hashes -> shingle */
  uint8_t term[SC_SECRET_BYTES];     /* XXH3 secret: content term -> SimHash bits */
  uint64_t densify_seed;             /* MinHash densification probe sequence */
} sc_keys;

/** Derives all secrets from @p master.
 *  @return SC_OK or SC_E_DEPENDENCY (libsodium failed to initialise). */
sc_status sc_keys_derive(const uint8_t master[SC_KEY_BYTES], sc_keys *out);

/** Fills @p master with the public default key. */
sc_status sc_keys_default(uint8_t master[SC_KEY_BYTES]);

/** Wipes @p k (sodium_memzero). */
void sc_keys_wipe(sc_keys *k);

#endif
