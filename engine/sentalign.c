/*
 * sentalign.c: sentence alignment (see sentalign.h).
 *
 * Cost: the sentence dot products come from one merge-join of the two
 * documents' term occurrences (sorted by term at weighing time); fused runs
 * reuse them, since for unnormalized vectors
 * dot(x, y1 + y2) = dot(x, y1) + dot(x, y2) and |y1 + y2|^2 = |y1|^2 +
 * |y2|^2 + 2 dot(y1, y2), with dot(y1, y2) precomputed per document.
 */
#include "sentalign.h"

#include "shingle.h"

#include <math.h>
#include <string.h>

/* Best counterpart in @p other of each sentence of @p self; dot[i * stride_i
 * + j * stride_j] is dot(self_i, other_j). */
static void best_matches(const sc_doc *self, const sc_doc *other, const float *dot, size_t stride_i,
                         size_t stride_j, sc_sentence_match *best) {
  const size_t m = other->n_sent;
  for (size_t i = 0; i < self->n_sent; i++) {
    sc_sentence_match bm = {(uint32_t)i, 0, 1, 0.0f};
    const float ni = self->sent_norm2[i];
    if (ni > 0) {
      for (size_t j = 0; j < m; j++) {
        float d = 0, n2 = 0;
        for (size_t span = 1; span <= 3 && j + span <= m; span++) {
          const size_t last = j + span - 1;
          d += dot[i * stride_i + last * stride_j];
          n2 += other->sent_norm2[last];
          if (span >= 2) n2 += 2 * other->sent_adj1[last - 1];
          if (span == 3) n2 += 2 * other->sent_adj2[j];
          if (d <= 0 || n2 <= 0) continue;
          const float c = d / sqrtf(ni * n2);
          /* A fused run must beat the single sentence clearly, or every
           * match would grow to three sentences. */
          const float need = span == 1 ? bm.similarity : bm.similarity + 0.02f;
          if (c > need) bm = (sc_sentence_match){(uint32_t)i, (uint32_t)j, (uint32_t)span, c};
        }
      }
    }
    if (bm.similarity > 1.0f) bm.similarity = 1.0f;
    best[i] = bm;
  }
}

static double ramp(double x) {
  if (x <= SC_ALIGN_LOW) return 0;
  if (x >= SC_ALIGN_HIGH) return 1;
  return (x - SC_ALIGN_LOW) / (SC_ALIGN_HIGH - SC_ALIGN_LOW);
}

static double coverage(const sc_doc *d, const sc_sentence_match *best) {
  double got = 0, total = 0;
  for (size_t i = 0; i < d->n_sent; i++) {
    total += d->sent_mass[i];
    got += d->sent_mass[i] * ramp(best[i].similarity);
  }
  return total > 0 ? got / total : 0;
}

/* Share of @p self's content matched by an order-preserving alignment to
 * @p other: the best total of mass * ramp(similarity) over alignments where
 * each sentence of self takes a run of 1-3 sentences of other, later
 * sentences take later runs and no sentence of other is used twice. Unlike
 * coverage, repeated or merely topical sentences cannot all claim one good
 * counterpart, and a reordered text loses what it scrambled. Dynamic
 * programming over two rolling rows of n_other + 1 entries. */
static sc_status ordered_coverage(const sc_doc *self, const sc_doc *other, const float *dot, size_t stride_i,
                                  size_t stride_j, double *out) {
  const size_t m = other->n_sent;
  double *rows = sc__mallocarray(2 * (m + 1), sizeof(double));
  SC_CHECK(!rows, SC_E_NOMEM);
  double *prev = rows, *cur = rows + m + 1, total = 0;
  for (size_t j = 0; j <= m; j++) prev[j] = 0;
  for (size_t i = 0; i < self->n_sent; i++) {
    const double mass = self->sent_mass[i];
    const float ni = self->sent_norm2[i];
    total += mass;
    memcpy(cur, prev, (m + 1) * sizeof(double));  /* sentence i unmatched */
    for (size_t j = 0; ni > 0 && j < m; j++) {
      float d = 0, n2 = 0;
      for (size_t span = 1; span <= 3 && j + span <= m; span++) {
        const size_t last = j + span - 1;
        d += dot[i * stride_i + last * stride_j];
        n2 += other->sent_norm2[last];
        if (span >= 2) n2 += 2 * other->sent_adj1[last - 1];
        if (span == 3) n2 += 2 * other->sent_adj2[j];
        if (d <= 0 || n2 <= 0) continue;
        const double gain = prev[j] + mass * ramp(d / sqrtf(ni * n2));
        if (gain > cur[j + span]) cur[j + span] = gain;
      }
    }
    for (size_t j = 1; j <= m; j++)  /* sentences of other left unmatched */
      if (cur[j - 1] > cur[j]) cur[j] = cur[j - 1];
    double *t = prev;
    prev = cur;
    cur = t;
  }
  *out = total > 0 ? prev[m] / total : 0;
  if (*out > 1) *out = 1;
  sc__free(rows);
  return SC_OK;
}

sc_status sc_align_sentences(const sc_doc *a, const sc_doc *b, sc_alignment *out,
                             sc_sentence_match *best_ab, sc_sentence_match *best_ba) {
  memset(out, 0, sizeof(*out));
  if (a->n_sent == 0 || b->n_sent == 0) return SC_OK;
  const size_t na = a->n_sent, nb = b->n_sent;
  float *dot = sc__mallocarray(na * nb, sizeof(float));
  sc_sentence_match *ab = best_ab ? best_ab : sc__mallocarray(na, sizeof(*ab));
  sc_sentence_match *ba = best_ba ? best_ba : sc__mallocarray(nb, sizeof(*ba));
  sc_status st = SC_E_NOMEM;
  if (!dot || !ab || !ba) goto done;
  /* All sentence dot products at once: merge-join the two documents' term
   * occurrences; work is the sum over shared terms of their occurrence
   * counts' product, not |Sa| x |Sb| list merges. */
  memset(dot, 0, na * nb * sizeof(float));
  for (size_t x = 0, y = 0; x < a->n_sent_terms && y < b->n_sent_terms;) {
    const uint32_t t = a->by_term[x].term;
    if (t < b->by_term[y].term) {
      x++;
      continue;
    }
    if (t > b->by_term[y].term) {
      y++;
      continue;
    }
    size_t xe = x, ye = y;
    while (xe < a->n_sent_terms && a->by_term[xe].term == t) xe++;
    while (ye < b->n_sent_terms && b->by_term[ye].term == t) ye++;
    for (size_t i = x; i < xe; i++)
      for (size_t j = y; j < ye; j++)
        dot[a->by_term[i].sentence * nb + b->by_term[j].sentence] += a->by_term[i].w * b->by_term[j].w;
    x = xe;
    y = ye;
  }
  best_matches(a, b, dot, nb, 1, ab);
  best_matches(b, a, dot, 1, nb, ba);
  out->coverage_ab = coverage(a, ab);
  out->coverage_ba = coverage(b, ba);
  if ((st = ordered_coverage(a, b, dot, nb, 1, &out->ordered_ab)) != SC_OK ||
      (st = ordered_coverage(b, a, dot, 1, nb, &out->ordered_ba)) != SC_OK)
    goto done;
  st = SC_OK;
done:
  sc__free(dot);
  if (ab != best_ab) sc__free(ab);
  if (ba != best_ba) sc__free(ba);
  return st;
}
