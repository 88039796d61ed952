/*
 * test_cosine_modes.c (property): the two all-pairs cosine paths, dense
 * blocks through cblas_sgemm and sparse posting-list accumulation, give the
 * same upper triangle as the pairwise sparse merge (sc_cosine_sparse, itself
 * checked against a double loop in test_tfidf), on corpora where each path
 * would be chosen and across several row bands; and stream the same blocks
 * in the same order on 1, 2 and 3 threads.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "sc_test.h"
#include "tfidf.h"

typedef struct check {
  sc_doc *const *docs;
  size_t bad, seen;
  double worst;
  uint64_t trace;  /* FNV-1a of every block's place and bytes, in order */
} check;

static uint64_t fnv(uint64_t h, const void *p, size_t n) {
  for (size_t i = 0; i < n; i++) h = (h ^ ((const unsigned char *)p)[i]) * 0x100000001b3ULL;
  return h;
}

static sc_status check_block(void *user, size_t i0, size_t ni, size_t j0, size_t nj, const float *block) {
  check *k = user;
  const size_t place[4] = {i0, ni, j0, nj};
  k->trace = fnv(fnv(k->trace, place, sizeof place), block, ni * nj * sizeof(float));
  for (size_t i = 0; i < ni; i++)
    for (size_t j = 0; j < nj; j++) {
      const size_t a = i0 + i, b = j0 + j;
      if (b <= a) continue;
      const double want = sc_cosine_sparse(k->docs[a], k->docs[b]);
      const double d = block[i * nj + j] - want;
      if (d > k->worst || -d > k->worst) k->worst = d > 0 ? d : -d;
      k->bad += d > 1e-5 || d < -1e-5;
      k->seen++;
    }
  return SC_OK;
}

static void run(size_t ndocs, size_t words, size_t vocab) {
  sc_options o;
  sc_options_init(&o);
  sc_corpus *c;
  CHECK(sc_corpus_create(&o, &c) == SC_OK);
  char *text = malloc(words * 16 + 1);
  for (size_t d = 0; d < ndocs; d++) {
    size_t n = 0;
    for (size_t w = 0; w < words; w++)
      n += (size_t)sprintf(text + n, "%szq%zux", w ? " " : "", sc_test_below(vocab));
    CHECK(sc_corpus_add(c, "d", text, n, NULL) == SC_OK);
  }
  free(text);
  CHECK(sc_corpus_build(c) == SC_OK);
  for (int mode = SC_COSINE_DENSE; mode <= SC_COSINE_SPARSE; mode++) {
    uint64_t trace[3] = {0};
    for (unsigned threads = 1; threads <= 3; threads++) {
      check k = {c->docs.items, 0, 0, 0, 0xcbf29ce484222325ULL};
      CHECK(sc_cosine_blocks(c->docs.items, c->docs.len, c->df, c->vocab.n, (sc_cosine_mode)mode, threads,
                             check_block, &k) == SC_OK);
      printf("%zu docs x %zu words over %zu: %s path, %u threads, %zu pairs, max error %.2g\n", ndocs, words, vocab,
             mode == SC_COSINE_DENSE ? "dense" : "sparse", threads, k.seen, k.worst);
      CHECK_EQ_INT(k.seen, ndocs * (ndocs - 1) / 2);  /* every pair exactly once */
      CHECK_EQ_INT(k.bad, 0);
      trace[threads - 1] = k.trace;
    }
    /* the same blocks, bit for bit, in the same order on 1, 2 and 3 threads */
    CHECK(trace[0] == trace[1] && trace[0] == trace[2]);
  }
  sc_corpus_free(c);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 77);
  run(40, 200, 300);     /* dense-ish: long texts over a small vocabulary */
  run(1500, 8, 5000);    /* sparse: short texts, several row bands */
  run(600, 30, 60);      /* over one sgemm block */
  return sc_test_done("test_cosine_modes");
}
