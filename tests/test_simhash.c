/*
 * test_simhash.c (property): weighted SimHash against a bit-loop reference,
 * Hamming distance against a bit-loop count, and end to end through the
 * public corpus API: identical texts give similarity 1, and the mean
 * Hamming distance grows with the rate of word substitutions.
 */
#include "sc_test.h"
#include "simcheck.h"
#include "simhash.h"

/* Reference: bit b is set when the weights of the features with bit b set
 * outweigh those without it (strictly). */
static uint64_t ref_simhash(const uint64_t *h, const float *w, size_t n) {
  uint64_t out = 0;
  for (unsigned b = 0; b < 64; b++) {
    double plus = 0, minus = 0;
    for (size_t i = 0; i < n; i++) {
      if (h[i] & ((uint64_t)1 << b)) plus += w[i];
      else minus += w[i];
    }
    if (plus > minus) out |= (uint64_t)1 << b;
  }
  return out;
}

static unsigned ref_hamming(uint64_t a, uint64_t b) {
  unsigned d = 0;
  for (unsigned i = 0; i < 64; i++) d += ((a >> i) & 1) != ((b >> i) & 1);
  return d;
}

static void test_reference(void) {
  enum { MAXF = 400 };
  uint64_t h[MAXF];
  float w[MAXF];
  /* Hand-checked: one feature is its own fingerprint; two equal weights
   * keep the bits they agree on as 1 only where both are 1 (ties give 0). */
  h[0] = 0xF0F0F0F0F0F0F0F0ull;
  w[0] = 0.5f;
  CHECK_EQ_U64(sc_simhash(h, w, 1), 0xF0F0F0F0F0F0F0F0ull);
  h[1] = 0xFF00FF00FF00FF00ull;
  w[1] = 0.5f;
  CHECK_EQ_U64(sc_simhash(h, w, 2), 0xF000F000F000F000ull);
  w[1] = 0.75f;  /* the heavier feature wins every disputed bit */
  CHECK_EQ_U64(sc_simhash(h, w, 2), 0xFF00FF00FF00FF00ull);
  CHECK_EQ_U64(sc_simhash(h, w, 0), 0);
  for (int iter = 0; iter < 2000; iter++) {
    const size_t n = sc_test_below(MAXF);
    for (size_t i = 0; i < n; i++) {
      h[i] = sc_test_rand();
      /* Dyadic weights: sums are exact in any order, so ties are real. */
      w[i] = (float)(1 + sc_test_below(iter % 2 ? 4 : 1024)) / 64.0f;
    }
    const uint64_t got = sc_simhash(h, w, n);
    CHECK_MSG(got == ref_simhash(h, w, n), "iteration %d n=%zu: %016llx vs %016llx", iter, n,
              (unsigned long long)got, (unsigned long long)ref_simhash(h, w, n));
    CHECK(sc_simhash(h, w, n) == got);  /* identical lists, distance 0 */
    const uint64_t x = sc_test_rand(), y = iter % 3 ? sc_test_rand() : x ^ ((uint64_t)1 << (iter % 64));
    CHECK_EQ_INT(sc_hamming64(x, y), ref_hamming(x, y));
  }
  CHECK_EQ_INT(sc_hamming64(0, UINT64_MAX), 64);
  CHECK_EQ_INT(sc_hamming64(42, 42), 0);
}

/* ~400-word text from a fixed vocabulary of made-up content words. */
enum { VOCAB = 300, WORDS = 400, TRIALS = 30 };
static char vocab[VOCAB][12];

static void make_vocab(void) {
  static const char *const c = "bdfgklmnprstvz", *const v = "aeiou";
  for (int i = 0; i < VOCAB; i++) {
    char *w = vocab[i];
    int n = 0;
    for (int syl = 0; syl < 3; syl++) {
      w[n++] = c[sc_test_below(14)];
      w[n++] = v[sc_test_below(5)];
    }
    w[n++] = c[(size_t)i % 14];
    w[n++] = (char)('a' + i / 26 % 26);
    w[n++] = (char)('a' + i % 26);  /* distinct words */
    w[n] = '\0';
  }
}

static size_t write_text(const int *ids, char *out) {
  size_t n = 0;
  for (int i = 0; i < WORDS; i++) {
    const size_t l = strlen(vocab[ids[i]]);
    memcpy(out + n, vocab[ids[i]], l);
    n += l;
    out[n++] = (i % 12 == 11) ? '.' : ' ';
    if (i % 12 == 11) out[n++] = ' ';
  }
  return n;
}

static void test_corpus(void) {
  static const double rates[] = {0, 0.05, 0.1, 0.2, 0.4};
  enum { NRATES = sizeof rates / sizeof *rates };
  make_vocab();
  int base[WORDS], mut[WORDS];
  for (int i = 0; i < WORDS; i++) base[i] = (int)sc_test_below(VOCAB);
  char *buf = malloc(WORDS * 16);
  sc_options o;
  sc_options_init(&o);
  sc_corpus *c = NULL;
  CHECK(sc_corpus_create(&o, &c) == SC_OK);
  if (!c) return;
  size_t len = write_text(base, buf);
  CHECK(sc_corpus_add(c, "base", buf, len, NULL) == SC_OK);
  CHECK(sc_corpus_add(c, "copy", buf, len, NULL) == SC_OK);
  for (int r = 0; r < NRATES; r++) {
    for (int t = 0; t < TRIALS; t++) {
      for (int i = 0; i < WORDS; i++) {
        mut[i] = base[i];
        if (sc_test_unit() < rates[r]) mut[i] = (base[i] + 1 + (int)sc_test_below(VOCAB - 1)) % VOCAB;
      }
      len = write_text(mut, buf);
      CHECK(sc_corpus_add(c, "mutant", buf, len, NULL) == SC_OK);
    }
  }
  CHECK(sc_corpus_build(c) == SC_OK);
  sc_pair p;
  CHECK(sc_corpus_compare(c, 0, 1, &p) == SC_OK);
  CHECK_NEAR(p.simhash, 1.0, 0);
  CHECK(p.verdict == SC_VERDICT_DUPLICATE);
  double mean[NRATES];
  for (int r = 0; r < NRATES; r++) {
    double sum = 0;
    for (int t = 0; t < TRIALS; t++) {
      CHECK(sc_corpus_compare(c, 0, (uint32_t)(2 + r * TRIALS + t), &p) == SC_OK);
      CHECK(p.simhash >= 0 && p.simhash <= 1);
      sum += (1.0 - p.simhash) * 64.0;
    }
    mean[r] = sum / TRIALS;
    printf("edit rate %.2f: mean Hamming distance %.2f\n", rates[r], mean[r]);
  }
  CHECK_NEAR(mean[0], 0.0, 0);
  for (int r = 1; r < NRATES; r++) CHECK_MSG(mean[r] > mean[r - 1], "rate %.2f vs %.2f", rates[r], rates[r - 1]);
  CHECK(mean[NRATES - 1] < 32);  /* 40% edits still closer than unrelated */
  sc_corpus_free(c);
  free(buf);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 99);
  test_reference();
  test_corpus();
  return sc_test_done("test_simhash");
}
