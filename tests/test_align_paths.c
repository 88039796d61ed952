/*
 * test_align_paths.c: sentence alignment computes the same figures whether
 * a pair's dot products are held in one matrix (small pairs) or computed
 * sentence by sentence from the terms they share (large pairs), and both
 * equal a brute-force reference that scores every run of every row, with
 * no skipping, and carries the DP row in full: every pair of 40 random
 * multi-sentence texts, both directions, compared exactly (coverage,
 * ordered coverage, each sentence's best match). Some texts are edited
 * copies of others, so that rows hold long stretches of strong matches as
 * well as weak ones.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "corpus.h"
#include "sc_test.h"
#include "sentalign.h"
#include "simcheck.h"

enum { DOCS = 40, VOCAB = 400, MAX_SENT = 300 };
/* An edited copy doubles at most every sentence of its source. */
enum { MAX_DOC_SENT = 2 * MAX_SENT };

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

/* An edited copy of @p src: sentences dropped, kept, or doubled, so that
 * alignments are long and runs of two or three sentences win. */
static void edit_text(const char *src, char *buf, size_t cap) {
  size_t n = 0;
  for (const char *s = src; *s && n + 400 < cap;) {
    const char *end = strchr(s, '.');
    const size_t len = end ? (size_t)(end - s) + 1 : strlen(s);
    const size_t what = sc_test_below(6);
    for (size_t copies = what == 0 ? 0 : what == 1 ? 2 : 1; copies > 0; copies--) {
      memcpy(buf + n, s, len);
      n += len;
    }
    s += len;
  }
  buf[n] = 0;
}

/* The dot product of sentence @p i of @p x with sentence @p j of @p y:
 * their shared terms' products, in ascending term order. */
static float ref_dot(const sc_doc *x, size_t i, const sc_doc *y, size_t j) {
  const sc_doc_sentence *p = &x->sent[i], *q = &y->sent[j];
  float d = 0;
  for (uint32_t a = 0, b = 0; a < p->count && b < q->count;) {
    const uint32_t ta = x->sent_terms[p->first + a], tb = y->sent_terms[q->first + b];
    if (ta < tb) a++;
    else if (ta > tb) b++;
    else d += x->sent_w[p->first + a++] * y->sent_w[q->first + b++];
  }
  return d;
}

static double ref_ramp(double c) {
  return c <= SC_ALIGN_LOW ? 0 : c >= SC_ALIGN_HIGH ? 1 : (c - SC_ALIGN_LOW) / (SC_ALIGN_HIGH - SC_ALIGN_LOW);
}

/* One direction by brute force, as sentalign.h defines it: every run of
 * 1-3 sentences of @p y for every sentence of @p x, in order; a fused run
 * must beat the best so far by 0.02; the DP row copied whole and carried
 * forward whole. @return ordered coverage; @p best gets x's matches. */
static double ref_align(const sc_doc *x, const sc_doc *y, sc_sentence_match *best) {
  const size_t n = x->n_sent, m = y->n_sent;
  static double prev[MAX_DOC_SENT + 1], cur[MAX_DOC_SENT + 1];
  for (size_t j = 0; j <= m; j++) prev[j] = 0;
  for (size_t i = 0; i < n; i++) {
    const float self_inv = x->sent_norm2[i] > 0 ? 1.0f / sqrtf(x->sent_norm2[i]) : 0;
    sc_sentence_match bm = {(uint32_t)i, 0, 1, 0.0f};
    memcpy(cur, prev, (m + 1) * sizeof(double));
    for (size_t j = 0; j < m; j++) {
      float d = 0, n2 = 0;
      for (size_t r = 0; r < 3 && j + r < m; r++) {
        d += ref_dot(x, i, y, j + r);
        n2 += y->sent_norm2[j + r];
        if (r >= 1) n2 += 2 * y->sent_adj1[j + r - 1];
        if (r == 2) n2 += 2 * y->sent_adj2[j];
        const float run_inv = n2 > 0 ? 1.0f / sqrtf(n2) : 0;
        const float cos = d > 0 ? d * self_inv * run_inv : 0;
        if (cos > (r == 0 ? bm.similarity : bm.similarity + 0.02f))
          bm = (sc_sentence_match){(uint32_t)i, (uint32_t)j, (uint32_t)(r + 1), cos};
        const double gain = prev[j] + x->sent_mass[i] * ref_ramp(cos);
        if (gain > cur[j + r + 1]) cur[j + r + 1] = gain;
      }
    }
    for (size_t j = 1; j <= m; j++)
      if (cur[j - 1] > cur[j]) cur[j] = cur[j - 1];
    memcpy(prev, cur, (m + 1) * sizeof(double));
    if (bm.similarity > 1.0f) bm.similarity = 1.0f;
    best[i] = bm;
  }
  const double ordered = x->mass > 0 ? prev[m] / x->mass : 0;
  return ordered > 1 ? 1 : ordered;
}

static double ref_coverage(const sc_doc *x, const sc_sentence_match *best) {
  double got = 0;
  for (size_t i = 0; i < x->n_sent; i++) got += x->sent_mass[i] * ref_ramp(best[i].similarity);
  return x->mass > 0 ? got / x->mass : 0;
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
    static char text[65536], copy[65536];
    make_text(text, sizeof text, i % 4 == 0);
    if (i % 5 == 4) {  /* an edited copy of the text before */
      edit_text(c->docs.items[i - 1]->text, copy, sizeof copy);
      memcpy(text, copy, strlen(copy) + 1);
    }
    CHECK(sc_corpus_add(c, NULL, text, strlen(text), NULL) == SC_OK);
  }
  CHECK(sc_corpus_build(c) == SC_OK);
  size_t longest = 0;
  for (size_t i = 0; i < DOCS; i++)
    if (c->docs.items[i]->n_sent > longest) longest = c->docs.items[i]->n_sent;
  CHECK_MSG(longest <= MAX_DOC_SENT, "%zu sentences", longest);  /* the match buffers hold them */
  if (longest > MAX_DOC_SENT) return sc_test_done("test_align_paths");
  size_t differ = 0, off_reference = 0, pairs = 0, matched = 0, strong = 0;
  for (size_t a = 0; a < DOCS; a++)
    for (size_t b = 0; b < DOCS; b++) {
      if (a == b) continue;
      const sc_doc *da = c->docs.items[a], *db = c->docs.items[b];
      static sc_sentence_match m1a[MAX_DOC_SENT], m1b[MAX_DOC_SENT], m2a[MAX_DOC_SENT], m2b[MAX_DOC_SENT];
      sc_alignment x, y;
      CHECK(sc_align_sentences_within(da, db, (size_t)1 << 30, &x, m1a, m1b) == SC_OK);  /* one matrix */
      CHECK(sc_align_sentences_within(da, db, 0, &y, m2a, m2b) == SC_OK);                /* by sentence */
      differ += x.coverage_ab != y.coverage_ab || x.coverage_ba != y.coverage_ba || x.ordered_ab != y.ordered_ab ||
                x.ordered_ba != y.ordered_ba || !same_matches(m1a, m2a, da->n_sent) ||
                !same_matches(m1b, m2b, db->n_sent);
      static sc_sentence_match ra[MAX_DOC_SENT], rb[MAX_DOC_SENT];
      const double ref_ab = ref_align(da, db, ra), ref_ba = ref_align(db, da, rb);
      off_reference += x.ordered_ab != ref_ab || x.ordered_ba != ref_ba || x.coverage_ab != ref_coverage(da, ra) ||
                       x.coverage_ba != ref_coverage(db, rb) || !same_matches(m1a, ra, da->n_sent) ||
                       !same_matches(m1b, rb, db->n_sent);
      matched += x.coverage_ab > 0;
      strong += x.ordered_ab > 0.5;
      pairs++;
    }
  CHECK_MSG(differ == 0, "%zu of %zu pairs differ between the two ways", differ, pairs);
  CHECK_MSG(off_reference == 0, "%zu of %zu pairs differ from the brute-force reference", off_reference, pairs);
  CHECK_MSG(strong >= 8, "%zu pairs align over half their content (edited copies: 8 of them, both ways)", strong);
  CHECK(matched > pairs / 2);  /* the texts share terms: the comparison is of real alignments */
  sc_corpus_free(c);
  return sc_test_done("test_align_paths");
}
