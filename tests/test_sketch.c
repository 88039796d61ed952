/*
 * test_sketch.c (property): the sketch path that cluster and dedup use
 * (sc_sketch_text, sc_sketch_text_high: normalization without the offset
 * map, word hashes without spans, shingles in place, MinHash over unsorted
 * shingles, 32-bit store sets, which sc_u32_sort_unique - tested against
 * qsort in test_shingle - turns into the set) against a reference pipeline
 * built from the general parts: sc_normalize with its offset map,
 * sc_tokenize's spans, the reference word and shingle hashes
 * (ref_wordhash.h, each shingle from scratch), a sorted distinct 64-bit
 * set, MinHash over it, and libsodium's BLAKE2b. Texts are random mixes of
 * ASCII words, case, digits with separators, apostrophes, every kind of
 * whitespace and control byte, and non-ASCII pieces (combining marks, curly
 * quotes, NBSP, ligatures, CJK, invalid UTF-8), so that both fast and
 * general branches are taken. Every output must match exactly, at shingle
 * sizes 1 to 16.
 */
#include <sodium.h>
#include <xxhash.h>

#include "doc.h"
#include "keys.h"
#include "minhash.h"
#include "normalize.h"
#include "ref_wordhash.h"
#include "sc_test.h"
#include "shingle.h"
#include "tokenize.h"

static int cmp_u64(const void *a, const void *b) {
  const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

typedef struct ref_sketch {
  uint8_t digest[32];
  uint64_t *set;
  size_t n_set;
  uint32_t *high;
  size_t n_high;
  size_t n_shingles_total;      /* with repeats */
  size_t words, invalid;
  uint32_t sig[SC_NUM_PERM_MAX];
} ref_sketch;

/* The reference; returns 0 when the text has no words. */
static int reference(const char *text, size_t len, const sc_options *o, const sc_keys *keys, ref_sketch *r) {
  memset(r, 0, sizeof *r);
  sc_normtext nt;
  CHECK(sc_normalize(text, len, &nt) == SC_OK);
  sc_span_vec w = {0};
  CHECK(sc_tokenize(&nt, &w, NULL) == SC_OK);
  r->words = w.len;
  r->invalid = nt.invalid;
  if (w.len == 0) {
    sc_normtext_free(&nt);
    SC_VEC_FREE(&w);
    return 0;
  }
  /* The digest's text: line breaks ("\n" or "\n\n" once normalized) as one space. */
  char *flat = malloc(nt.len + 1);
  size_t flat_len = 0;
  for (size_t i = 0; i < nt.len; i++) {
    if (nt.text[i] != '\n') flat[flat_len++] = nt.text[i];
    else if (i == 0 || nt.text[i - 1] != '\n') flat[flat_len++] = ' ';
  }
  crypto_generichash(r->digest, sizeof r->digest, (const unsigned char *)flat, flat_len, NULL, 0);
  free(flat);
  uint64_t *h = malloc(w.len * sizeof *h);
  for (size_t i = 0; i < w.len; i++)
    h[i] = ref_word_hash(nt.text + w.items[i].start, w.items[i].end - w.items[i].start, keys->token);
  const size_t window = w.len < o->shingle_k ? w.len : o->shingle_k;
  const size_t count = w.len - window + 1;
  r->n_shingles_total = count;
  r->set = malloc(count * sizeof *r->set);
  for (size_t i = 0; i < count; i++)
    r->set[i] = ref_shingle_hash(h + i, window, keys->shingle);
  qsort(r->set, count, sizeof *r->set, cmp_u64);
  r->n_set = 0;
  for (size_t i = 0; i < count; i++)
    if (r->n_set == 0 || r->set[i] != r->set[r->n_set - 1]) r->set[r->n_set++] = r->set[i];
  r->high = malloc(r->n_set * sizeof *r->high);
  for (size_t i = 0; i < r->n_set; i++) {
    const uint32_t v = (uint32_t)(r->set[i] >> 32);
    if (r->n_high == 0 || r->high[r->n_high - 1] != v) r->high[r->n_high++] = v;
  }
  sc_minhash_init(r->sig, o->num_perm);
  for (size_t i = 0; i < r->n_set; i++) sc_minhash_add(r->sig, o->num_perm, r->set[i]);
  sc_minhash_densify(r->sig, o->num_perm, keys->densify_seed);
  free(h);
  sc_normtext_free(&nt);
  SC_VEC_FREE(&w);
  return 1;
}

static void ref_free(ref_sketch *r) {
  free(r->set);
  free(r->high);
}

/* Appends a random mix of pieces to s (at most cap - 1 bytes). */
static size_t random_text(char *s, size_t cap) {
  static const char *const pieces[] = {
      "word", "Word", "WORD", "the", "a", "x", "mIxEd", "don't", "'", "''", "rock'n'roll", "3", "3.8", "300,000",
      "1.", "2,", ".5", "a.b", ",", ".", "!", "?", ";", "-", "--", "\"", "(", ")", "`", "``quoted''", "@", "#",
      "~", "_", "snake_case", " ", " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\r\n\r\n", "\v", "\f",
      "\x01", "\x1b", "\x1f", "\x7f", " \x01 ", "a\x01" "b",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789",
      "eightchr", "ninechars", "sixteencharacter", "seventeencharacte", "1234567890123456", "don't'",
      " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "The Quick Brown Fox Jumps Over The Lazy Dog.",
      /* non-ASCII */
      "caf\xC3\xA9", "cafe\xCC\x81", "e\xCC\x81", "\xCC\x81", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D",
      "\xE2\x80\x94", "\xC2\xA0", "\xE3\x80\x80", "\xEF\xAC\x81", "stra\xC3\x9F" "e", "\xCE\x91\xCE\xB8\xCE\xAE",
      "\xE4\xB8\xAD\xE6\x96\x87", "\xC2\xAD", "\xE2\x80\x8B", "\xF0\x9F\x98\x80", "\xE2\x80\xA4", "\xC2\xA9",
      "\xFF", "\xC3", "\xE2\x80", "\xED\xA0\x80", "\xEF\xBC\xA1", "\xE2\x85\xA0", "\xC2\xB2", "\xE2\x80\xA8",
  };
  const size_t npieces = sizeof pieces / sizeof *pieces;
  /* Mostly ASCII words and spaces (the common case), sometimes anything. */
  const int ascii_heavy = sc_test_below(3) != 0;
  const size_t n = sc_test_below(200);
  size_t len = 0;
  for (size_t p = 0; p < n; p++) {
    static const char *const common[] = {"lorem", "Ipsum", "ZETA", "x", "42", " ", " ", " ", ", ", ". "};
    const char *piece = ascii_heavy && sc_test_below(4) ? common[sc_test_below(sizeof common / sizeof *common)]
                                                        : pieces[sc_test_below(npieces)];
    const size_t pl = strlen(piece);
    if (len + pl + 1 > cap) break;
    memcpy(s + len, piece, pl);
    len += pl;
  }
  s[len] = '\0';
  return len;
}

static void check_text(sc_analyzer *az, const sc_options *o, const sc_keys *keys, const char *s, size_t len,
                       int iter) {
  ref_sketch r;
  const int has_words = reference(s, len, o, keys, &r);
  uint32_t sig[SC_NUM_PERM_MAX];
  sc_sketch sk;
  const sc_status st = sc_sketch_text(az, o, keys, s, len, sig, &sk);
  if (!has_words) {
    CHECK_MSG(st == SC_E_EMPTY, "iteration %d: status %d for a text without words", iter, (int)st);
    ref_free(&r);
    return;
  }
  CHECK_MSG(st == SC_OK, "iteration %d: status %d", iter, (int)st);
  if (st != SC_OK) return;
  CHECK_MSG(sk.n_shingles == r.n_set && memcmp(sk.shingles, r.set, r.n_set * sizeof *r.set) == 0,
            "iteration %d k=%u: 64-bit set differs (%zu against %zu)", iter, o->shingle_k, sk.n_shingles, r.n_set);
  CHECK_MSG(memcmp(sig, r.sig, o->num_perm * sizeof *sig) == 0, "iteration %d: signature differs", iter);
  CHECK_MSG(memcmp(sk.digest, r.digest, 32) == 0, "iteration %d: digest differs", iter);
  CHECK_MSG(sk.words == r.words && sk.invalid == r.invalid, "iteration %d: words %zu/%zu invalid %zu/%zu", iter,
            sk.words, r.words, sk.invalid, r.invalid);

  memset(sig, 0, sizeof sig);
  CHECK(sc_sketch_text_high(az, o, keys, s, len, sig, &sk) == SC_OK);
  /* One high half per shingle, in text order: as a set, the reference's. */
  CHECK_MSG(sk.n_high == r.n_shingles_total, "iteration %d: %zu high halves for %zu shingles", iter, sk.n_high,
            r.n_shingles_total);
  uint32_t *high = malloc((sk.n_high ? sk.n_high : 1) * sizeof *high), *tmp = malloc((sk.n_high ? sk.n_high : 1) * sizeof *tmp);
  memcpy(high, sk.high, sk.n_high * sizeof *high);
  const size_t n_high = sc_u32_sort_unique(high, sk.n_high, tmp);
  CHECK_MSG(n_high == r.n_high && memcmp(high, r.high, r.n_high * sizeof *r.high) == 0,
            "iteration %d: 32-bit set differs (%zu against %zu)", iter, n_high, r.n_high);
  free(high);
  free(tmp);
  CHECK_MSG(memcmp(sig, r.sig, o->num_perm * sizeof *sig) == 0, "iteration %d: signature (high) differs", iter);
  CHECK_MSG(memcmp(sk.digest, r.digest, 32) == 0, "iteration %d: digest (high) differs", iter);
  ref_free(&r);
}

static void test_random(void) {
  sc_options o;
  sc_options_init(&o);
  sc_keys keys;
  sc_analyzer *az;
  CHECK(sc_keys_derive(o.key, &keys) == SC_OK);
  CHECK(sc_analyzer_create(&az) == SC_OK);
  static const char *const fixed[] = {
      "", " ", "\n\n", "'", "a", "A b C", "x\x01y", "The  U.S.\tsaid\r\nthat 3.8% of 300,000 weren't `fine'.",
      "caf\xC3\xA9 cafe\xCC\x81 CAF\xC3\x89", "\xFF\xFE", "a\xCC\x81" "b", "end with space ", "\xEF\xAC\x81nance",
  };
  char s[4096];
  for (int iter = 0; iter < 4000; iter++) {
    size_t len;
    if (iter < (int)(sizeof fixed / sizeof *fixed)) {
      len = strlen(fixed[iter]);
      memcpy(s, fixed[iter], len + 1);
    } else {
      len = random_text(s, sizeof s);
    }
    o.shingle_k = iter % 4 == 0 ? 1 + (uint32_t)sc_test_below(SC_SHINGLE_K_MAX) : 5;
    o.num_perm = iter % 5 == 0 ? 64 : 128;
    check_text(az, &o, &keys, s, len, iter);
  }
  sc_analyzer_free(az);
  sc_keys_wipe(&keys);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 2026);
  test_random();
  return sc_test_done("test_sketch");
}
