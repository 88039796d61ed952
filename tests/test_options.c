/*
 * test_options.c: option defaults and range checks, key-file parsing, and
 * the name tables (status, verdict, metric) of the public API.
 */
#include "sc_test.h"
#include "simcheck.h"

static void test_defaults_and_ranges(void) {
  sc_options o;
  sc_options_init(&o);
  CHECK_EQ_INT(o.shingle_k, 5);
  CHECK_EQ_INT(o.num_perm, 128);
  CHECK_NEAR(o.th.near_duplicate, 0.5, 0);
  CHECK_NEAR(o.th.contains, 0.6, 0);
  CHECK_NEAR(o.th.rewrite, 0.44, 0);
  CHECK_EQ_INT(o.th.overlap_shingles, 8);
  CHECK_NEAR(o.th.related, 0.1, 0);
  CHECK_EQ_INT(o.background, 1);
  uint8_t zero[SC_KEY_BYTES] = {0};
  CHECK(memcmp(o.key, zero, SC_KEY_BYTES) != 0);  /* the public key is set */
  sc_options o2;
  sc_options_init(&o2);
  CHECK(memcmp(o.key, o2.key, SC_KEY_BYTES) == 0);  /* and fixed */
  CHECK_EQ_INT(sc_key_bytes(), SC_KEY_BYTES);
  CHECK(sc_options_check(&o) == SC_OK);
  CHECK(sc_options_check(NULL) == SC_E_INVALID_ARG);

  static const struct { uint32_t k; sc_status want; } ks[] = {
      {0, SC_E_RANGE}, {1, SC_OK}, {16, SC_OK}, {17, SC_E_RANGE}, {UINT32_MAX, SC_E_RANGE}};
  for (size_t i = 0; i < sizeof ks / sizeof *ks; i++) {
    o2 = o;
    o2.shingle_k = ks[i].k;
    CHECK_MSG(sc_options_check(&o2) == ks[i].want, "shingle_k=%u", ks[i].k);
  }
  static const struct { uint32_t p; sc_status want; } ps[] = {
      {0, SC_E_RANGE}, {7, SC_E_RANGE}, {8, SC_OK}, {4096, SC_OK}, {4097, SC_E_RANGE}};
  for (size_t i = 0; i < sizeof ps / sizeof *ps; i++) {
    o2 = o;
    o2.num_perm = ps[i].p;
    CHECK_MSG(sc_options_check(&o2) == ps[i].want, "num_perm=%u", ps[i].p);
  }
  static const int bgs[] = {-1, 0, 1, 2};
  for (size_t i = 0; i < 4; i++) {
    o2 = o;
    o2.background = bgs[i];
    CHECK_MSG(sc_options_check(&o2) == (bgs[i] == 0 || bgs[i] == 1 ? SC_OK : SC_E_RANGE), "background=%d", bgs[i]);
  }
  static const double vals[] = {-0.0001, 0.0, 1.0, 1.0001, NAN, INFINITY, -INFINITY};
  static const sc_status want[] = {SC_E_RANGE, SC_OK, SC_OK, SC_E_RANGE, SC_E_RANGE, SC_E_RANGE, SC_E_RANGE};
  for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
    for (int f = 0; f < 4; f++) {
      o2 = o;
      double *field = f == 0 ? &o2.th.near_duplicate : f == 1 ? &o2.th.contains : f == 2 ? &o2.th.rewrite : &o2.th.related;
      *field = vals[i];
      CHECK_MSG(sc_options_check(&o2) == want[i], "threshold %d = %g", f, vals[i]);
    }
  }
  /* Nothing is clamped, and a corpus refuses bad options. */
  o2 = o;
  o2.num_perm = 5000;
  sc_corpus *c = (sc_corpus *)&o2;  /* must be reset to NULL */
  CHECK(sc_corpus_create(&o2, &c) == SC_E_RANGE);
  CHECK(c == NULL);
  CHECK_EQ_INT(o2.num_perm, 5000);
  CHECK(sc_corpus_create(NULL, &c) == SC_E_INVALID_ARG);
  CHECK(sc_corpus_create(&o, NULL) == SC_E_INVALID_ARG);
}

static void test_options_roundtrip(void) {
  sc_options o, got;
  sc_options_init(&o);
  o.shingle_k = 3;
  o.num_perm = 64;
  o.th.rewrite = 0.3;
  sc_corpus *c = NULL;
  CHECK(sc_corpus_create(&o, &c) == SC_OK);
  int custom = -1;
  CHECK(sc_corpus_get_options(c, &got, &custom) == SC_OK);
  CHECK_EQ_INT(custom, 0);
  CHECK_EQ_INT(got.shingle_k, 3);
  CHECK_EQ_INT(got.num_perm, 64);
  CHECK_NEAR(got.th.rewrite, 0.3, 0);
  uint8_t zero[SC_KEY_BYTES] = {0};
  CHECK(memcmp(got.key, zero, SC_KEY_BYTES) == 0);  /* the key never leaves */
  sc_corpus_free(c);
  o.key[3] ^= 0x40;
  CHECK(sc_corpus_create(&o, &c) == SC_OK);
  CHECK(sc_corpus_get_options(c, &got, &custom) == SC_OK);
  CHECK_EQ_INT(custom, 1);
  CHECK(sc_corpus_get_options(c, &got, NULL) == SC_OK);
  CHECK(sc_corpus_get_options(NULL, &got, NULL) == SC_E_INVALID_ARG);
  sc_corpus_free(c);
  sc_corpus_free(NULL);
}

static void test_key_parse(void) {
  static const char hex[] = "000102030405060708090a0b0c0d0e0f101112131415161718191A1B1C1D1E1F";
  uint8_t key[SC_KEY_BYTES], want[SC_KEY_BYTES];
  for (int i = 0; i < SC_KEY_BYTES; i++) want[i] = (uint8_t)i;
  char buf[80];

  /* 32 raw bytes, whatever they are (NULs, newlines, hex digits). */
  uint8_t raw[SC_KEY_BYTES];
  for (int i = 0; i < SC_KEY_BYTES; i++) raw[i] = (uint8_t)(i * 37 % 256);
  raw[5] = 0;
  raw[31] = '\n';
  memset(key, 0xAA, sizeof key);
  CHECK(sc_key_parse(raw, sizeof raw, key) == SC_OK);
  CHECK(memcmp(key, raw, sizeof raw) == 0);
  CHECK(sc_key_parse(hex, 32, key) == SC_OK);  /* 32 bytes are raw even if hex */
  CHECK(memcmp(key, hex, 32) == 0);

  /* 64 hex digits, either case, optionally with a newline. */
  memset(key, 0, sizeof key);
  CHECK(sc_key_parse(hex, 64, key) == SC_OK);
  CHECK(memcmp(key, want, sizeof want) == 0);
  snprintf(buf, sizeof buf, "%s\n", hex);
  memset(key, 0, sizeof key);
  CHECK(sc_key_parse(buf, 65, key) == SC_OK);
  CHECK(memcmp(key, want, sizeof want) == 0);
  snprintf(buf, sizeof buf, "%s\r\n", hex);  /* a key file saved on Windows */
  memset(key, 0, sizeof key);
  CHECK(sc_key_parse(buf, 66, key) == SC_OK);
  CHECK(memcmp(key, want, sizeof want) == 0);

  /* Malformed. */
  CHECK(sc_key_parse(NULL, 32, key) == SC_E_INVALID_ARG);
  CHECK(sc_key_parse(hex, 64, NULL) == SC_E_INVALID_ARG);
  CHECK(sc_key_parse(hex, 63, key) == SC_E_FORMAT);
  CHECK(sc_key_parse(hex, 31, key) == SC_E_FORMAT);
  CHECK(sc_key_parse(hex, 33, key) == SC_E_FORMAT);
  CHECK(sc_key_parse(hex, 0, key) == SC_E_FORMAT);
  snprintf(buf, sizeof buf, "%s\n\n", hex);
  CHECK(sc_key_parse(buf, 66, key) == SC_E_FORMAT);
  snprintf(buf, sizeof buf, "%s ", hex);
  CHECK(sc_key_parse(buf, 65, key) == SC_E_FORMAT);
  snprintf(buf, sizeof buf, "%s", hex);
  buf[40] = 'g';
  CHECK(sc_key_parse(buf, 64, key) == SC_E_FORMAT);
  buf[40] = ' ';
  CHECK(sc_key_parse(buf, 64, key) == SC_E_FORMAT);
  snprintf(buf, sizeof buf, "0x%.62s", hex);
  CHECK(sc_key_parse(buf, 64, key) == SC_E_FORMAT);
  CHECK(sc_key_parse(NULL, 64, key) == SC_E_INVALID_ARG);
  CHECK(sc_key_parse(hex, 64, NULL) == SC_E_INVALID_ARG);
}

static void test_names(void) {
  CHECK_STR(sc_strerror(SC_OK), "success");
  CHECK_STR(sc_strerror(SC_E_NOMEM), "out of memory");
  CHECK_STR(sc_strerror(SC_E_EMPTY), "no words in the text");
  CHECK_STR(sc_strerror(SC_E_TOO_LARGE), "document larger than 4 GiB");
  CHECK(sc_strerror((sc_status)999) != NULL);
  /* Pinned values. */
  CHECK_EQ_INT(SC_E_INVALID_ARG, 1);
  CHECK_EQ_INT(SC_E_FORMAT, 6);
  CHECK_EQ_INT(SC_E_BINARY, 9);
  CHECK_EQ_INT(SC_E_STATE, 11);
  CHECK_EQ_INT(SC_E_TOO_LARGE, 12);
  static const char *const verdicts[] = {"unrelated", "related", "overlap", "rewrite",
                                         "contains", "near-duplicate", "duplicate"};
  for (int v = 0; v <= SC_VERDICT_DUPLICATE; v++) CHECK_STR(sc_verdict_name((sc_verdict)v), verdicts[v]);
  /* CSV column order: score, the shingle figures, then the vector ones. */
  static const char *const metrics[] = {"score", "jaccard", "containment_ab", "containment_ba", "minhash",
                                        "simhash", "cosine", "chars", "words", "facts", "rewrite"};
  enum { NMETRICS = sizeof metrics / sizeof *metrics };
  CHECK_EQ_INT(SC_METRIC_COUNT, NMETRICS);
  sc_pair p;
  memset(&p, 0, sizeof p);
  p.score = 0.1;
  p.jaccard = 0.2;
  p.containment_ab = 0.3;
  p.containment_ba = 0.4;
  p.minhash = 0.5;
  p.simhash = 0.6;
  p.cosine = 0.7;
  p.chars = 0.8;
  p.words = 0.9;
  p.facts = 1.0;
  p.rewrite = 1.1;
  for (int m = 0; m < SC_METRIC_COUNT && m < NMETRICS; m++) {
    CHECK_STR(sc_metric_name((sc_metric)m), metrics[m]);
    CHECK(strlen(sc_metric_help((sc_metric)m)) > 5);
    sc_metric back = SC_METRIC_COUNT;
    CHECK(sc_metric_from_name(metrics[m], &back) == SC_OK);
    CHECK_EQ_INT(back, m);
    CHECK_NEAR(sc_pair_metric(&p, (sc_metric)m), 0.1 * (m + 1), 1e-12);
  }
  sc_metric back;
  CHECK(sc_metric_from_name("Score", &back) == SC_E_INVALID_ARG);
  CHECK(sc_metric_from_name("", &back) == SC_E_INVALID_ARG);
  CHECK(sc_metric_from_name(NULL, &back) == SC_E_INVALID_ARG);
  CHECK_EQ_INT(sc_version_number(), SC_VERSION_NUMBER);
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  test_defaults_and_ranges();
  test_options_roundtrip();
  test_key_parse();
  test_names();
  return sc_test_done("test_options");
}
