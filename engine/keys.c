/*
 * keys.c: key derivation (see keys.h).
 */
#include "keys.h"

#include <sodium.h>
#include <string.h>

static const char kdf_context[crypto_kdf_CONTEXTBYTES] = {'s', 'i', 'm', 'c', 'h', 'e', 'c', 'k'};

/* Subkey ids: each secret takes three 64-byte subkeys; pinned, because
 * changing them changes every sketch. */
enum { SUBKEY_TOKEN = 1, SUBKEY_SHINGLE = 4, SUBKEY_TERM = 7, SUBKEY_DENSIFY = 10 };

static int derive_secret(uint8_t *out, size_t len, uint64_t first_id, const uint8_t master[SC_KEY_BYTES]) {
  for (size_t done = 0, id = first_id; done < len; done += crypto_kdf_BYTES_MAX, id++) {
    const size_t n = len - done < crypto_kdf_BYTES_MAX ? len - done : crypto_kdf_BYTES_MAX;
    if (crypto_kdf_derive_from_key(out + done, n, id, kdf_context, master) != 0) return 0;
  }
  return 1;
}

sc_status sc_keys_derive(const uint8_t master[SC_KEY_BYTES], sc_keys *out) {
  SC_CHECK(sodium_init() < 0, SC_E_DEPENDENCY);
  uint8_t seed[crypto_kdf_BYTES_MIN];  /* the KDF's shortest output is 16 bytes */
  const int ok = derive_secret(out->token, SC_SECRET_BYTES, SUBKEY_TOKEN, master) &&
                 derive_secret(out->shingle, SC_SECRET_BYTES, SUBKEY_SHINGLE, master) &&
                 derive_secret(out->term, SC_SECRET_BYTES, SUBKEY_TERM, master) &&
                 derive_secret(seed, sizeof seed, SUBKEY_DENSIFY, master);
  SC_CHECK(!ok, SC_E_DEPENDENCY);
  out->densify_seed = 0;
  for (int i = 0; i < 8; i++) out->densify_seed |= (uint64_t)seed[i] << (8 * i);
  sodium_memzero(seed, sizeof seed);
  return SC_OK;
}

sc_status sc_keys_default(uint8_t master[SC_KEY_BYTES]) {
  static const char label[] = "simcheck public default key v1";
  SC_CHECK(sodium_init() < 0, SC_E_DEPENDENCY);
  crypto_generichash(master, SC_KEY_BYTES, (const unsigned char *)label, sizeof label - 1, NULL, 0);
  return SC_OK;
}

void sc_keys_wipe(sc_keys *k) { sodium_memzero(k, sizeof(*k)); }
