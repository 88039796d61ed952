/*
 * sc_test.h: the in-house test harness (no framework). CHECK* macros report
 * file:line and the failed expression and count failures; sc_test_done()
 * prints the tally and gives main's exit code (non-zero on any failure).
 * Randomized tests call sc_test_init(), which prints the seed and takes
 * `--seed N` from the command line to replay a run.
 */
#ifndef SC_TEST_H
#define SC_TEST_H

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long sc_test_checks, sc_test_failures;
static uint64_t sc_test_rng_state;   /* splitmix64 state of the test's RNG */

/* Records one failure; only the first 50 are printed (loops can flood). */
#define SC_TEST_FAIL_(...)                                                     \
  do {                                                                         \
    if (++sc_test_failures <= 50) {                                            \
      fprintf(stderr, "%s:%d: FAIL: ", __FILE__, __LINE__);                    \
      fprintf(stderr, __VA_ARGS__);                                            \
      fputc('\n', stderr);                                                     \
    }                                                                          \
  } while (0)

#define CHECK(c) do { sc_test_checks++; if (!(c)) SC_TEST_FAIL_("CHECK(%s)", #c); } while (0)
/* CHECK with context printed on failure: CHECK_MSG(x > 0, "i=%zu", i). */
#define CHECK_MSG(c, ...)                                                      \
  do { sc_test_checks++;                                                       \
    if (!(c)) { SC_TEST_FAIL_("CHECK(%s)", #c); if (sc_test_failures <= 50) {  \
        fprintf(stderr, "    context: "); fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } \
  } while (0)
#define CHECK_EQ_INT(a, b)                                                     \
  do { const long long a_ = (long long)(a), b_ = (long long)(b); sc_test_checks++; \
    if (a_ != b_) SC_TEST_FAIL_("CHECK_EQ_INT(%s, %s): %lld != %lld", #a, #b, a_, b_); } while (0)
#define CHECK_EQ_U64(a, b)                                                     \
  do { const uint64_t a_ = (a), b_ = (b); sc_test_checks++;                    \
    if (a_ != b_) SC_TEST_FAIL_("CHECK_EQ_U64(%s, %s): 0x%016" PRIx64 " != 0x%016" PRIx64, \
                                #a, #b, a_, b_); } while (0)
#define CHECK_NEAR(a, b, tol)                                                  \
  do { const double a_ = (double)(a), b_ = (double)(b), t_ = (double)(tol); sc_test_checks++; \
    if (!(fabs(a_ - b_) <= t_)) SC_TEST_FAIL_("CHECK_NEAR(%s, %s, %s): %.9g vs %.9g (diff %.3g)", \
                                              #a, #b, #tol, a_, b_, fabs(a_ - b_)); } while (0)
/* Byte strings (may hold NULs); printed with escapes on failure. */
#define CHECK_MEM(a, na, b, nb)                                                \
  do { sc_test_checks++; if (!sc_test_mem_eq_((a), (na), (b), (nb))) {         \
      SC_TEST_FAIL_("CHECK_MEM(%s, %s)", #a, #b); sc_test_dump_("got", (a), (na)); \
      sc_test_dump_("want", (b), (nb)); } } while (0)
#define CHECK_STR(a, b)                                                        \
  do { const char *sa_ = (a), *sb_ = (b);                                      \
    CHECK_MEM(sa_ ? sa_ : "(null)", strlen(sa_ ? sa_ : "(null)"), sb_, strlen(sb_)); } while (0)

static inline int sc_test_mem_eq_(const void *a, size_t na, const void *b, size_t nb) {
  return na == nb && (na == 0 || memcmp(a, b, na) == 0);
}

static inline void sc_test_dump_(const char *what, const void *p, size_t n) {
  if (sc_test_failures > 50) return;
  fprintf(stderr, "    %-4s (%zu bytes): \"", what, n);
  for (size_t i = 0; i < n; i++) {
    const unsigned char c = ((const unsigned char *)p)[i];
    if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"') fputc(c, stderr);
    else fprintf(stderr, "\\x%02x", c);
  }
  fputs("\"\n", stderr);
}

/* Seeds the RNG from `--seed N` or @p default_seed and prints the seed. */
static inline uint64_t sc_test_init(int argc, char **argv, uint64_t default_seed) {
  uint64_t seed = default_seed;
  for (int i = 1; i + 1 < argc; i++)
    if (strcmp(argv[i], "--seed") == 0) seed = strtoull(argv[i + 1], NULL, 0);
  printf("%s: seed %" PRIu64 " (replay with --seed %" PRIu64 ")\n", argv[0], seed, seed);
  sc_test_rng_state = seed;
  return seed;
}

static inline uint64_t sc_test_rand(void) {  /* splitmix64 */
  uint64_t z = (sc_test_rng_state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
/* Uniform in [0, n) (n > 0), and in [0, 1). */
static inline size_t sc_test_below(size_t n) { return (size_t)(sc_test_rand() % n); }
static inline double sc_test_unit(void) { return (double)(sc_test_rand() >> 11) * 0x1.0p-53; }

static inline int sc_test_done(const char *name) {
  printf("%s: %lu checks, %lu failed\n", name, sc_test_checks, sc_test_failures);
  return sc_test_failures ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif /* SC_TEST_H */
