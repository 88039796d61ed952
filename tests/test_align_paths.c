/*
 * test_align_paths.c: sentence alignment computes the same figures whether
 * a pair's dot products are held in one matrix (small pairs) or computed
 * sentence by sentence from the terms they share (large pairs): every
 * pair of 40 random multi-sentence texts, both directions, compared
 * exactly (coverage, ordered coverage, each sentence's best match).
 */
#include <stdio.h>
#include <string.h>

#include "corpus.h"
#include "sc_test.h"
#include "sentalign.h"
#include "simcheck.h"

enum { DOCS = 40, VOCAB = 400, MAX_SENT = 300 };

/* Text of up to 25 sentences (every fourth text up to MAX_SENT) of 2-12
 * words from a small vocabulary, so that sentences share terms with others
 * in and across documents: long texts make rows where few sentences share
 * a term (the sorted path), short ones rows where most do (the scan). */
static void make_text(char *buf, size_t cap, int long_text) {
  static const char *const stems[] = {"harbour", "tide", "channel", "crew", "depth", "current", "wind", "pier",
                                      "boat", "anchor", "sail", "rope", "north", "south", "storm", "calm"};
  size_t n = 0;
  const unsigned sentences = 1 + (unsigned)sc_test_below(long_text ? MAX_SENT : 25);
  for (unsigned s = 0; s < sentences && n + 200 < cap; s++) {
    const unsigned words = 2 + (unsigned)sc_test_below(11);
    for (unsigned w = 0; w < words; w++) {
      const unsigned v = (unsigned)sc_test_below(VOCAB);
      n += (size_t)snprintf(buf + n, cap - n, "%s%s%u", w ? " " : (s ? " " : ""), stems[v % 16], v / 16);
    }
    n += (size_t)snprintf(buf + n, cap - n, ".");
  }
}

static int same_matches(const sc_sentence_match *x, const sc_sentence_match *y, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (x[i].sentence != y[i].sentence || x[i].first != y[i].first || x[i].span != y[i].span ||
        x[i].similarity != y[i].similarity)
      return 0;
  return 1;
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 11);
  sc_options o;
  sc_options_init(&o);
  sc_corpus *c = NULL;
  CHECK(sc_corpus_create(&o, &c) == SC_OK);
  if (!c) return sc_test_done("test_align_paths");
  for (unsigned i = 0; i < DOCS; i++) {
    static char text[65536];
    make_text(text, sizeof text, i % 4 == 0);
    CHECK(sc_corpus_add(c, NULL, text, strlen(text), NULL) == SC_OK);
  }
  CHECK(sc_corpus_build(c) == SC_OK);
  size_t differ = 0, pairs = 0, matched = 0;
  for (size_t a = 0; a < DOCS; a++)
    for (size_t b = 0; b < DOCS; b++) {
      if (a == b) continue;
      const sc_doc *da = c->docs.items[a], *db = c->docs.items[b];
      static sc_sentence_match m1a[MAX_SENT], m1b[MAX_SENT], m2a[MAX_SENT], m2b[MAX_SENT];
      sc_alignment x, y;
      CHECK(sc_align_sentences_within(da, db, (size_t)1 << 30, &x, m1a, m1b) == SC_OK);  /* one matrix */
      CHECK(sc_align_sentences_within(da, db, 0, &y, m2a, m2b) == SC_OK);                /* by sentence */
      differ += x.coverage_ab != y.coverage_ab || x.coverage_ba != y.coverage_ba || x.ordered_ab != y.ordered_ab ||
                x.ordered_ba != y.ordered_ba || !same_matches(m1a, m2a, da->n_sent) ||
                !same_matches(m1b, m2b, db->n_sent);
      matched += x.coverage_ab > 0;
      pairs++;
    }
  CHECK_MSG(differ == 0, "%zu of %zu pairs differ between the two ways", differ, pairs);
  CHECK(matched > pairs / 2);  /* the texts share terms: the comparison is of real alignments */
  sc_corpus_free(c);
  return sc_test_done("test_align_paths");
}
