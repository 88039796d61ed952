/*
 * test_shingle.c: sorted 64-bit sets (radix sort + unique, intersection)
 * against qsort and brute force on random arrays, 32-bit hash sets
 * (sc_u32set: distinct counts and common values of unsorted multisets)
 * against sorting, and shingle hashing against a direct recomputation of
 * every window.
 */
#include <xxhash.h>

#include "keys.h"
#include "normalize.h"
#include "ref_wordhash.h"
#include "sc_test.h"
#include "shingle.h"
#include "tokenize.h"

static int cmp_u64(const void *a, const void *b) {
  const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

static size_t ref_sort_unique(uint64_t *v, size_t n) {
  qsort(v, n, sizeof *v, cmp_u64);
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (m == 0 || v[i] != v[m - 1]) v[m++] = v[i];
  return m;
}

/* Random value with a chosen shape: full range, few distinct values, shared
 * high bytes (radix passes skipped), or small. */
static uint64_t rand_value(int shape) {
  const uint64_t r = sc_test_rand();
  switch (shape) {
    case 0: return r;
    case 1: return r % 17;
    case 2: return 0xABCDEF0000000000ull | (r & 0xFFFFFF);
    case 3: return r & 0xFF00FF;
    default: return r >> (r & 63);
  }
}

static void test_sort_unique(void) {
  enum { MAXN = 5000 };
  uint64_t *v = malloc(MAXN * sizeof *v), *ref = malloc(MAXN * sizeof *ref), *tmp = malloc(MAXN * sizeof *tmp);
  static const size_t fixed[] = {0, 1, 2, 3, 63, 64, 65, 66, 127, 128, 255, 256, 257, 1000, 4096, 5000};
  for (int iter = 0; iter < 400; iter++) {
    const size_t n = iter < 16 ? fixed[iter] : sc_test_below(MAXN + 1);
    const int shape = (int)sc_test_below(5);
    for (size_t i = 0; i < n; i++) v[i] = ref[i] = rand_value(shape);
    const size_t m = sc_u64_sort_unique(v, n, tmp);
    const size_t mr = ref_sort_unique(ref, n);
    CHECK_MSG(m == mr, "n=%zu shape=%d: %zu distinct, want %zu", n, shape, m, mr);
    CHECK_MSG(m == mr && (m == 0 || memcmp(v, ref, m * sizeof *v) == 0), "n=%zu shape=%d: contents", n, shape);
  }
  /* Already sorted, reverse sorted, all equal. */
  for (size_t i = 0; i < 3000; i++) v[i] = i * 3;
  CHECK_EQ_INT(sc_u64_sort_unique(v, 3000, tmp), 3000);
  for (size_t i = 0; i < 3000; i++) v[i] = UINT64_MAX - i;
  CHECK_EQ_INT(sc_u64_sort_unique(v, 3000, tmp), 3000);
  CHECK(v[0] == UINT64_MAX - 2999 && v[2999] == UINT64_MAX);
  for (size_t i = 0; i < 3000; i++) v[i] = 42;
  CHECK_EQ_INT(sc_u64_sort_unique(v, 3000, tmp), 1);
  CHECK_EQ_U64(v[0], 42);
  free(v);
  free(ref);
  free(tmp);
}

static int cmp_u32(const void *a, const void *b) {
  const uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* The 32-bit variant (dedup's store sets) against qsort, from tiny arrays
 * through the byte radix sort to the 16-bit radix sort beyond 2^16 values, with
 * uniform, clustered (skipped byte passes) and few distinct values. */
static void test_sort_unique32(void) {
  enum { MAXN = 300000 };
  uint32_t *v = malloc(MAXN * sizeof *v), *ref = malloc(MAXN * sizeof *ref), *tmp = malloc(MAXN * sizeof *tmp);
  static const size_t fixed[] = {0, 1, 2, 63, 64, 65, 257, 1000, 4096, (1u << 16), (1u << 16) + 1, MAXN};
  for (int iter = 0; iter < 120; iter++) {
    const size_t n = iter < 12 ? fixed[iter] : sc_test_below(iter % 10 == 0 ? MAXN + 1 : 6000);
    const int shape = (int)sc_test_below(4);
    for (size_t i = 0; i < n; i++) {
      const uint32_t r = (uint32_t)sc_test_rand();
      v[i] = ref[i] = shape == 0 ? r : shape == 1 ? r % 13 : shape == 2 ? (0xAB000000u | (r & 0xFFFF)) : (r & 0xF0F0F0F0u);
    }
    const size_t m = sc_u32_sort_unique(v, n, tmp);
    qsort(ref, n, sizeof *ref, cmp_u32);
    size_t mr = 0;
    for (size_t i = 0; i < n; i++)
      if (mr == 0 || ref[i] != ref[mr - 1]) ref[mr++] = ref[i];
    CHECK_MSG(m == mr && (m == 0 || memcmp(v, ref, m * sizeof *v) == 0), "n=%zu shape=%d: %zu distinct, want %zu", n,
              shape, m, mr);
  }
  free(v);
  free(ref);
  free(tmp);
}

static void test_intersect(void) {
  enum { MAXN = 3000 };
  uint64_t *a = malloc(MAXN * sizeof *a), *b = malloc(MAXN * sizeof *b), *tmp = malloc(MAXN * sizeof *tmp);
  for (int iter = 0; iter < 300; iter++) {
    const size_t na0 = sc_test_below(MAXN), nb0 = sc_test_below(MAXN);
    const uint64_t range = 1 + sc_test_below(iter % 2 ? 4000 : 1u << 30);  /* dense or sparse overlap */
    for (size_t i = 0; i < na0; i++) a[i] = sc_test_rand() % range;
    for (size_t i = 0; i < nb0; i++) b[i] = sc_test_rand() % range;
    const size_t na = sc_u64_sort_unique(a, na0, tmp), nb = sc_u64_sort_unique(b, nb0, tmp);
    size_t brute = 0;
    for (size_t i = 0; i < na; i++)
      for (size_t j = 0; j < nb; j++) brute += a[i] == b[j];
    CHECK_MSG(sc_u64_intersect_count(a, na, b, nb) == brute, "iteration %d", iter);
    CHECK(sc_u64_intersect_count(b, nb, a, na) == brute);
    CHECK(sc_u64_intersect_count(a, na, a, na) == na);
    CHECK(sc_u64_intersect_count(a, 0, b, nb) == 0);
    /* The 32-bit version on the low halves (distinct: range < 2^31). */
    uint32_t *a32 = malloc((na + 1) * sizeof *a32), *b32 = malloc((nb + 1) * sizeof *b32);
    for (size_t i = 0; i < na; i++) a32[i] = (uint32_t)a[i];
    for (size_t i = 0; i < nb; i++) b32[i] = (uint32_t)b[i];
    CHECK_MSG(sc_u32_intersect_count(a32, na, b32, nb) == brute, "32-bit, iteration %d", iter);
    CHECK(sc_u32_intersect_count(b32, nb, a32, na) == brute);
    free(a32);
    free(b32);
  }
  free(a);
  free(b);
  free(tmp);
}

/* sc_u32set on multisets with repeats, of shapes the radix sorts cared
 * about (few distinct values, shared high bytes, small), reusing the two
 * sets as deduplication does (one first set for several others, growing
 * and shrinking inputs): distinct counts and common values as by sorting. */
static void test_u32set(void) {
  enum { MAXN = 3000 };
  uint32_t *a = malloc(MAXN * sizeof *a), *b = malloc(MAXN * sizeof *b), *sa = malloc(MAXN * sizeof *sa),
           *sb = malloc(MAXN * sizeof *sb), *tmp = malloc(MAXN * sizeof *tmp);
  sc_u32set set = {0}, seen = {0};
  size_t na = 0, da = 0;
  for (int iter = 0; iter < 600; iter++) {
    if (iter % 3 == 0) {  /* a new first set; otherwise the same one again */
      const int shape = (int)sc_test_below(5);
      na = iter % 7 == 0 ? sc_test_below(4) : sc_test_below(MAXN);
      for (size_t i = 0; i < na; i++) a[i] = (uint32_t)rand_value(shape);
      memcpy(sa, a, na * sizeof *a);
      da = sc_u32_sort_unique(sa, na, tmp);
      CHECK(sc_u32set_fill(&set, a, na) == SC_OK);
      CHECK_MSG(set.n == da, "iteration %d: %zu distinct, sorting says %zu", iter, set.n, da);
    }
    const int shape = (int)sc_test_below(5);
    const size_t nb = iter % 11 == 0 ? 0 : sc_test_below(MAXN);
    for (size_t i = 0; i < nb; i++)  /* some values of a, repeated */
      b[i] = na && sc_test_below(2) ? a[sc_test_below(na)] : (uint32_t)rand_value(shape);
    memcpy(sb, b, nb * sizeof *b);
    const size_t db = sc_u32_sort_unique(sb, nb, tmp);
    size_t common = SIZE_MAX, distinct = SIZE_MAX;
    CHECK(sc_u32set_common(&set, &seen, b, nb, &common, &distinct) == SC_OK);
    CHECK_MSG(distinct == db, "iteration %d: %zu distinct in b, sorting says %zu", iter, distinct, db);
    CHECK_MSG(common == sc_u32_intersect_count(sa, da, sb, db), "iteration %d: %zu common", iter, common);
  }
  /* A set never filled has nothing in common with anything. */
  sc_u32set empty = {0};
  size_t common = SIZE_MAX, distinct = SIZE_MAX;
  b[0] = 7;
  b[1] = 7;
  CHECK(sc_u32set_common(&empty, &seen, b, 2, &common, &distinct) == SC_OK && common == 0 && distinct == 1);
  /* Passes: a value found again in the next probing is counted again. */
  CHECK(sc_u32set_fill(&set, b, 1) == SC_OK && set.n == 1);
  for (int pass = 0; pass < 3; pass++)
    CHECK(sc_u32set_common(&set, &seen, b, 2, &common, &distinct) == SC_OK && common == 1 && distinct == 1);
  /* Generations: an emptied set forgets what it held. */
  CHECK(sc_u32set_fill(&set, b, 0) == SC_OK && set.n == 0);
  CHECK(sc_u32set_common(&set, &seen, b, 1, &common, &distinct) == SC_OK && common == 0 && distinct == 1);
  sc_u32set_free(&set);
  sc_u32set_free(&seen);
  free(a);
  free(b);
  free(sa);
  free(sb);
  free(tmp);
}

typedef struct words {
  sc_normtext nt;
  sc_span_vec w;
} words;

static void get_words(const char *s, words *out) {
  memset(out, 0, sizeof *out);
  CHECK(sc_normalize(s, strlen(s), &out->nt) == SC_OK);
  CHECK(sc_tokenize(&out->nt, &out->w, NULL) == SC_OK);
}

static void free_words(words *w) {
  sc_normtext_free(&w->nt);
  SC_VEC_FREE(&w->w);
}

/* Shingle i is the reference shingle hash (ref_wordhash.h) of the word
 * hashes of words i..i+k-1, each computed from scratch. */
static uint64_t ref_shingle(const words *w, size_t first, size_t k, const sc_keys *keys) {
  uint64_t h[SC_SHINGLE_K_MAX];
  for (size_t j = 0; j < k; j++) {
    const sc_span s = w->w.items[first + j];
    h[j] = ref_word_hash(w->nt.text + s.start, s.end - s.start, keys->token);
  }
  return ref_shingle_hash(h, k, keys->shingle);
}

static void test_shingles(void) {
  uint8_t master[SC_KEY_BYTES], other[SC_KEY_BYTES];
  sc_keys keys, keys2;
  CHECK(sc_keys_default(master) == SC_OK);
  CHECK(sc_keys_derive(master, &keys) == SC_OK);
  memcpy(other, master, sizeof other);
  other[0] ^= 1;
  CHECK(sc_keys_derive(other, &keys2) == SC_OK);
  CHECK(memcmp(keys.token, keys2.token, sizeof keys.token) != 0);
  CHECK(keys.densify_seed != keys2.densify_seed);

  /* Counts: n-k+1 for n >= k; 1 for 0 < n < k; 0 for no words. */
  words w;
  get_words("a b c d e f g h i j", &w);
  CHECK_EQ_INT(w.w.len, 10);
  for (uint32_t k = 1; k <= SC_SHINGLE_K_MAX; k++) {
    sc_u64_vec out = {0};
    CHECK(sc_shingle_words(w.nt.text, w.w.items, w.w.len, k, &keys, &out) == SC_OK);
    const size_t want = w.w.len >= k ? w.w.len - k + 1 : 1;
    CHECK_MSG(out.len == want, "k=%u: %zu shingles, want %zu", k, out.len, want);
    const size_t window = w.w.len < k ? w.w.len : k;
    for (size_t i = 0; i < out.len && out.len == want; i++)
      CHECK_MSG(out.items[i] == ref_shingle(&w, i, window, &keys), "k=%u shingle %zu", k, i);
    SC_VEC_FREE(&out);
  }
  sc_u64_vec none = {0};
  CHECK(sc_shingle_words(w.nt.text, w.w.items, 0, 5, &keys, &none) == SC_OK);
  CHECK_EQ_INT(none.len, 0);
  SC_VEC_FREE(&none);
  free_words(&w);

  /* Repeated word runs give repeated hashes, at the right positions; a
   * different key gives different hashes. */
  get_words("The cat sat. THE CAT SAT! the cat sat", &w);
  sc_u64_vec a = {0}, b = {0};
  CHECK(sc_shingle_words(w.nt.text, w.w.items, w.w.len, 3, &keys, &a) == SC_OK);
  CHECK(sc_shingle_words(w.nt.text, w.w.items, w.w.len, 3, &keys2, &b) == SC_OK);
  CHECK_EQ_INT(a.len, 7);
  CHECK_EQ_INT(b.len, 7);
  if (a.len == 7 && b.len == 7) {
    CHECK_EQ_U64(a.items[0], a.items[3]);
    CHECK_EQ_U64(a.items[0], a.items[6]);
    CHECK_EQ_U64(a.items[1], a.items[4]);
    CHECK(a.items[0] != a.items[1] && a.items[1] != a.items[2] && a.items[0] != a.items[2]);
    int differ = 0;
    for (size_t i = 0; i < 7; i++) differ += a.items[i] != b.items[i];
    CHECK_EQ_INT(differ, 7);
  }
  SC_VEC_FREE(&a);
  SC_VEC_FREE(&b);
  free_words(&w);

  /* Word order matters: "a b" and "b a" differ; appending keeps old values. */
  get_words("x y z", &w);
  words w2;
  get_words("z y x", &w2);
  CHECK(sc_shingle_words(w.nt.text, w.w.items, w.w.len, 3, &keys, &a) == SC_OK);
  CHECK(sc_shingle_words(w2.nt.text, w2.w.items, w2.w.len, 3, &keys, &a) == SC_OK);
  CHECK_EQ_INT(a.len, 2);
  if (a.len == 2) CHECK(a.items[0] != a.items[1]);
  SC_VEC_FREE(&a);
  free_words(&w);
  free_words(&w2);

  /* Random long texts against the reference, every k. */
  static const char *const vocab[] = {"alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta",
                                      "a", "ab", "abc", "abcdefgh", "abcdefghi", "abcdefghijklmnop",
                                      "abcdefghijklmnopq", "supercalifragilisticexpialidocious"};
  char text[4096];
  for (int iter = 0; iter < 60; iter++) {
    size_t len = 0;
    const size_t n = sc_test_below(300);
    for (size_t i = 0; i < n; i++) {
      const char *v = vocab[sc_test_below(sizeof vocab / sizeof *vocab)];
      memcpy(text + len, v, strlen(v));
      len += strlen(v);
      text[len++] = ' ';
    }
    text[len] = '\0';
    get_words(text, &w);
    const uint32_t k = 1 + (uint32_t)sc_test_below(SC_SHINGLE_K_MAX);
    CHECK(sc_shingle_words(w.nt.text, w.w.items, w.w.len, k, &keys, &a) == SC_OK);
    const size_t window = w.w.len < k ? w.w.len : k;
    CHECK(a.len == (w.w.len == 0 ? 0 : w.w.len - window + 1));
    int same = 1;
    for (size_t i = 0; i < a.len; i++) same &= a.items[i] == ref_shingle(&w, i, window, &keys);
    CHECK_MSG(same, "iteration %d k=%u n=%zu", iter, k, w.w.len);
    SC_VEC_FREE(&a);
    free_words(&w);
  }
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 12345);
  test_sort_unique();
  test_sort_unique32();
  test_intersect();
  test_u32set();
  test_shingles();
  return sc_test_done("test_shingle");
}
