/*
 * test_gram_partners.c: the character n-gram partner lists against brute
 * force. Every listed partner's dot product (over n-grams found in at most
 * max_df documents, every pair of the two documents' shared n-grams
 * compared) is at least the best dot product left out, the list runs best
 * first, and it is the same on 1 and 2 threads. The all-pairs n-gram
 * cosines, from posting lists and by scatter and gather, equal
 * sc_cosine_chars bit for bit, whatever the candidates' order,
 * and sc_cosine_chars equals TF-IDF cosines of n-grams counted by hand.
 */
#include <math.h>
#include <stdlib.h>

#include "chargram.h"
#include "corpus.h"
#include "gram_partners.h"
#include "sc_test.h"
#include "tfidf.h"
#include "simcheck.h"

enum { DOCS = 60, PER_DOC = 5 };

/* Text of document i: words drawn from a small vocabulary of made-up
 * spellings that share letter runs, so n-gram overlaps vary smoothly.  None
 * may be an archaic form engine/wordforms.c rewrites: the hand count below
 * reads the words as written. */
static void make_text(char *buf, size_t cap, unsigned i) {
  static const char *const stems[] = {"sell", "tell", "smell", "spell", "shell", "caught", "nought", "taught",
                                      "bought", "thought", "river", "giver", "liver", "silver", "quiver"};
  size_t n = 0;
  const unsigned words = 6 + (unsigned)sc_test_below(20);
  for (unsigned k = 0; k < words && n + 32 < cap; k++) {
    const unsigned s = (i / 4 + (unsigned)sc_test_below(6)) % (sizeof stems / sizeof *stems);
    n += (size_t)snprintf(buf + n, cap - n, "%s%s ", stems[s], sc_test_below(3) ? "" : "est");
  }
}

/* Exact dot product of documents i and j over n-grams with df <= max_df:
 * every pair of entries with the same n-gram (slot), without relying on
 * their order. */
static double brute_dot(const sc_corpus *c, size_t i, size_t j, uint32_t max_df) {
  const sc_doc *a = c->docs.items[i], *b = c->docs.items[j];
  double dot = 0;
  for (size_t x = 0; x < a->n_shared_grams; x++)
    for (size_t y = 0; y < b->n_shared_grams; y++)
      if (a->shared_slots[x] == b->shared_slots[y] && c->gram_df.df[a->shared_slots[x]] <= max_df)
        dot += (double)a->shared_w[x] * b->shared_w[y];
  return dot;
}

/* sc_cosine_chars against the cosine of sublinear-tf x IDF vectors of the
 * texts' n-grams counted here (the texts are already normalized: lower
 * case, single spaces, no old word forms). */
enum { MAX_GRAMS = 4096 };
typedef struct gram_count {
  uint64_t h[MAX_GRAMS];
  uint32_t tf[MAX_GRAMS];
  size_t n;
} gram_count;

static void count_text(const char *text, gram_count *g) {
  sc_u64_vec v = {0};
  size_t len = strlen(text);
  while (len && text[len - 1] == ' ') len--;
  CHECK(sc_chargrams(text, len, &v) == SC_OK);
  g->n = 0;
  for (size_t k = 0; k < v.len; k++) {
    size_t at = 0;
    while (at < g->n && g->h[at] != v.items[k]) at++;
    if (at == g->n && g->n < MAX_GRAMS) g->h[g->n++] = v.items[k], g->tf[at] = 0;
    if (at < g->n) g->tf[at]++;
  }
  CHECK(v.len > 0 && g->n < MAX_GRAMS);
  SC_VEC_FREE(&v);
}

static size_t doc_freq(const gram_count *g, size_t n, uint64_t h) {
  size_t df = 0;
  for (size_t d = 0; d < n; d++)
    for (size_t k = 0; k < g[d].n; k++) df += g[d].h[k] == h;
  return df;
}

static void check_reference_cosines(const sc_corpus *c, char texts[][1024]) {
  const size_t n = c->docs.len;
  gram_count *g = calloc(n, sizeof *g);
  double *norm = calloc(n, sizeof *norm);
  if (!g || !norm) {
    CHECK(0);
    goto done;
  }
  for (size_t i = 0; i < n; i++) count_text(texts[i], &g[i]);
  /* w(i, k): (1 + ln tf) * idf(df), df over the documents with the n-gram */
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < g[i].n; k++) {
      const double w = (1.0 + log((double)g[i].tf[k])) * sc_idf((double)doc_freq(g, n, g[i].h[k]), (double)n);
      norm[i] += w * w;
    }
  size_t bad = 0, positive = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      double dot = 0;
      for (size_t x = 0; x < g[i].n; x++)
        for (size_t y = 0; y < g[j].n; y++)
          if (g[i].h[x] == g[j].h[y]) {
            const double idf = sc_idf((double)doc_freq(g, n, g[i].h[x]), (double)n);
            dot += (1.0 + log((double)g[i].tf[x])) * idf * (1.0 + log((double)g[j].tf[y])) * idf;
          }
      const double want = dot / sqrt(norm[i] * norm[j]);
      const double got = sc_cosine_chars(c->docs.items[i], c->docs.items[j]);
      if (fabs(got - want) > 1e-5) {
        if (bad < 3) fprintf(stderr, "    docs %zu, %zu: n-gram cosine %.7f, by hand %.7f\n", i, j, got, want);
        bad++;
      }
      positive += want > 0.05;
    }
  CHECK_MSG(bad == 0, "%zu n-gram cosines differ from the hand count", bad);
  CHECK(positive > n);
done:
  free(g);
  free(norm);
}

static void check_lists(const sc_corpus *c, uint32_t max_df) {
  const size_t n = c->docs.len;
  uint32_t *one = malloc(n * PER_DOC * sizeof(uint32_t)), *two = malloc(n * PER_DOC * sizeof(uint32_t));
  CHECK(sc_gram_partners(c->docs.items, n, &c->gram_df, max_df, PER_DOC, 1, one) == SC_OK);
  CHECK(sc_gram_partners(c->docs.items, n, &c->gram_df, max_df, PER_DOC, 2, two) == SC_OK);
  CHECK_MSG(memcmp(one, two, n * PER_DOC * sizeof(uint32_t)) == 0, "max_df %u: 1 and 2 threads differ", max_df);
  size_t bad = 0, listed = 0;
  for (size_t i = 0; i < n; i++) {
    const uint32_t *p = one + i * PER_DOC;
    char in_list[DOCS] = {0};
    double worst_in = INFINITY, prev = INFINITY;
    for (size_t k = 0; k < PER_DOC && p[k] != UINT32_MAX; k++) {
      const double d = brute_dot(c, i, p[k], max_df);
      bad += p[k] == i || d <= 0 || d > prev + 1e-6;  /* no self, only real partners, best first */
      prev = d;
      worst_in = d < worst_in ? d : worst_in;
      in_list[p[k]] = 1;
      listed++;
    }
    size_t positive = 0;
    for (size_t j = 0; j < n; j++) {
      if (j == i) continue;
      const double d = brute_dot(c, i, j, max_df);
      positive += d > 0;
      if (!in_list[j] && d > worst_in + 1e-6) bad++;  /* a better partner left out */
    }
    const size_t want = positive < PER_DOC ? positive : PER_DOC;
    size_t got = 0;
    while (got < PER_DOC && p[got] != UINT32_MAX) got++;
    bad += got != want;
  }
  CHECK_MSG(bad == 0, "max_df %u: %zu disagreements with brute force", max_df, bad);
  CHECK(listed > 0);
  free(one);
  free(two);
}

/* sc_gram_cosines over every pair, listed in a shuffled order, against the
 * per-pair merge: equal as doubles (same products, same order of sums). */
static void check_cosines(const sc_corpus *c, unsigned threads) {
  const size_t n = c->docs.len, m = n * (n - 1) / 2;
  sc_scored *cand = malloc(m * sizeof(sc_scored));
  double *chars = malloc(m * sizeof(double));
  size_t k = 0;
  for (uint32_t a = 0; a < n; a++)
    for (uint32_t b = a + 1; b < n; b++) cand[k++] = (sc_scored){0, a, b};
  for (size_t i = m - 1; i > 0; i--) {  /* Fisher-Yates */
    const size_t j = (size_t)sc_test_below((uint32_t)(i + 1));
    const sc_scored t = cand[i];
    cand[i] = cand[j];
    cand[j] = t;
  }
  CHECK(sc_gram_cosines(c->docs.items, n, &c->gram_df, cand, m, threads, chars) == SC_OK);
  size_t bad = 0, positive = 0;
  for (size_t i = 0; i < m; i++) {
    const double want = sc_cosine_chars(c->docs.items[cand[i].a], c->docs.items[cand[i].b]);
    bad += chars[i] != want;
    positive += want > 0;
  }
  CHECK_MSG(bad == 0, "%u threads: %zu of %zu cosines differ from the merge", threads, bad, m);
  CHECK(positive > m / 2);  /* the texts share n-grams: the test compares real sums */
  /* Scatter and gather: every pair, and a few per row (the top-K use),
   * either way round. */
  for (size_t i = 0; i < m; i++) chars[i] = -1;
  CHECK(sc_gram_cosines_scattered(c->docs.items, n, &c->gram_df, cand, m, threads, chars) == SC_OK);
  bad = 0;
  for (size_t i = 0; i < m; i++)
    bad += chars[i] != sc_cosine_chars(c->docs.items[cand[i].a], c->docs.items[cand[i].b]);
  CHECK_MSG(bad == 0, "%u threads: %zu of %zu scattered cosines differ from the merge", threads, bad, m);
  const size_t few = m / 10;
  for (size_t i = 0; i < few; i++) {
    const uint32_t t = cand[i].a;
    if (i % 2) cand[i].a = cand[i].b, cand[i].b = t;
  }
  CHECK(sc_gram_cosines_scattered(c->docs.items, n, &c->gram_df, cand, few, threads, chars) == SC_OK);
  bad = 0;
  for (size_t i = 0; i < few; i++)
    bad += chars[i] != sc_cosine_chars(c->docs.items[cand[i].a], c->docs.items[cand[i].b]);
  CHECK_MSG(bad == 0, "%u threads: %zu of %zu scattered cosines (a few per row) differ", threads, bad, few);
  free(cand);
  free(chars);
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  sc_options o;
  sc_options_init(&o);
  sc_corpus *c = NULL;
  CHECK(sc_corpus_create(&o, &c) == SC_OK);
  if (!c) return sc_test_done("test_gram_partners");
  static char texts[DOCS][1024];
  for (unsigned i = 0; i < DOCS; i++) {
    make_text(texts[i], sizeof texts[i], i);
    CHECK(sc_corpus_add(c, NULL, texts[i], strlen(texts[i]), NULL) == SC_OK);
  }
  CHECK(sc_corpus_build(c) == SC_OK);
  check_reference_cosines(c, texts);
  check_lists(c, 2);
  check_lists(c, 8);
  check_lists(c, DOCS);
  check_cosines(c, 1);
  check_cosines(c, 2);
  sc_corpus_free(c);
  return sc_test_done("test_gram_partners");
}
