/*
 * options.c: defaults, range checks and key parsing for sc_options.
 * The threshold defaults are documented in simcheck.h and the README;
 * change all three together.
 */
#include <string.h>

#include "common/sc_internal.h"
#include "keys.h"
#include "minhash.h"
#include "shingle.h"

size_t sc_key_bytes(void) { return SC_KEY_BYTES; }

void sc_options_init(sc_options *o) {
  if (!o) return;
  memset(o, 0, sizeof(*o));
  o->shingle_k = 5;
  o->num_perm = 128;
  o->background = 1;
  if (sc_keys_default(o->key) != SC_OK) memset(o->key, 0, sizeof o->key);
  o->th.near_duplicate = 0.5;
  o->th.contains = 0.6;
  o->th.rewrite = 0.44;
  o->th.overlap_shingles = 8;
  o->th.related = 0.1;
  o->html = SC_HTML_AUTO;
}

static int in_unit(double x) { return x >= 0.0 && x <= 1.0; }

sc_status sc_options_check(const sc_options *o) {
  SC_CHECK(!o, SC_E_INVALID_ARG);
  SC_CHECK(o->shingle_k < 1 || o->shingle_k > SC_SHINGLE_K_MAX, SC_E_RANGE);
  SC_CHECK(o->num_perm < SC_NUM_PERM_MIN || o->num_perm > SC_NUM_PERM_MAX, SC_E_RANGE);
  SC_CHECK(o->background != 0 && o->background != 1, SC_E_RANGE);
  SC_CHECK(o->html != SC_HTML_AUTO && o->html != SC_HTML_ALWAYS && o->html != SC_HTML_NEVER, SC_E_RANGE);
  SC_CHECK(!in_unit(o->th.near_duplicate) || !in_unit(o->th.contains) || !in_unit(o->th.rewrite) ||
               !in_unit(o->th.related),
           SC_E_RANGE);
  return SC_OK;
}

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

sc_status sc_key_parse(const void *data, size_t len, uint8_t key[SC_KEY_BYTES]) {
  SC_CHECK(!data || !key, SC_E_INVALID_ARG);
  const char *s = data;
  if (len == SC_KEY_BYTES) {
    memcpy(key, s, SC_KEY_BYTES);
    return SC_OK;
  }
  if (len > 2 * SC_KEY_BYTES && s[len - 1] == '\n') len--;  /* "\n" or "\r\n" */
  if (len > 2 * SC_KEY_BYTES && s[len - 1] == '\r') len--;
  SC_CHECK(len != 2 * SC_KEY_BYTES, SC_E_FORMAT);
  for (size_t i = 0; i < SC_KEY_BYTES; i++) {
    const int hi = hex_value(s[2 * i]), lo = hex_value(s[2 * i + 1]);
    SC_CHECK(hi < 0 || lo < 0, SC_E_FORMAT);
    key[i] = (uint8_t)(hi << 4 | lo);
  }
  return SC_OK;
}
