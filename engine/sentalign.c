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

/* The dot products of one document's sentences with another's: dot[i *
 * stride_i + j * stride_j] is dot(self_i, other_j); with the inverse norms
 * of self's sentences and of other's runs of 1-3 sentences (run_inv[3 * j +
 * r] for the run of r + 1 sentences from j; 0 where it does not exist or is
 * empty), computed once per direction rather than once per cell. */
typedef struct dot_view {
  const sc_doc *self, *other;
  const float *dot;
  size_t stride_i, stride_j;
  float *self_inv, *run_inv;
} dot_view;

static sc_status dot_view_init(dot_view *v, const sc_doc *self, const sc_doc *other, const float *dot,
                               size_t stride_i, size_t stride_j) {
  *v = (dot_view){self, other, dot, stride_i, stride_j, NULL, NULL};
  const size_t m = other->n_sent;
  v->self_inv = sc__mallocarray(self->n_sent + 3 * m, sizeof(float));
  SC_CHECK(!v->self_inv, SC_E_NOMEM);
  v->run_inv = v->self_inv + self->n_sent;
  for (size_t i = 0; i < self->n_sent; i++)
    v->self_inv[i] = self->sent_norm2[i] > 0 ? 1.0f / sqrtf(self->sent_norm2[i]) : 0;
  for (size_t j = 0; j < m; j++) {
    float n2 = 0;
    for (size_t r = 0; r < 3; r++) {
      const size_t last = j + r;
      if (last < m) {
        n2 += other->sent_norm2[last];
        if (r >= 1) n2 += 2 * other->sent_adj1[last - 1];
        if (r == 2) n2 += 2 * other->sent_adj2[j];
      }
      v->run_inv[3 * j + r] = last < m && n2 > 0 ? 1.0f / sqrtf(n2) : 0;
    }
  }
  return SC_OK;
}

/* Cosines of sentence @p i of self with the runs of 1, 2 and 3 sentences of
 * other starting at @p j (0 where the run shares nothing); @return the
 * number of runs that exist. */
static size_t run_cosines(const dot_view *v, size_t i, size_t j, float cos[3]) {
  const size_t runs = v->other->n_sent - j < 3 ? v->other->n_sent - j : 3;
  const float *dot = v->dot + i * v->stride_i + j * v->stride_j;
  float d = 0;
  for (size_t r = 0; r < runs; r++) {
    d += dot[r * v->stride_j];
    cos[r] = d > 0 ? d * v->self_inv[i] * v->run_inv[3 * j + r] : 0;
  }
  return runs;
}

static double ramp(double x) {
  if (x <= SC_ALIGN_LOW) return 0;
  if (x >= SC_ALIGN_HIGH) return 1;
  return (x - SC_ALIGN_LOW) / (SC_ALIGN_HIGH - SC_ALIGN_LOW);
}

static double coverage(const sc_doc *d, const sc_sentence_match *best) {
  double got = 0;
  for (size_t i = 0; i < d->n_sent; i++) got += d->sent_mass[i] * ramp(best[i].similarity);
  return d->mass > 0 ? got / d->mass : 0;
}

/* One direction of the alignment, self against other, in one pass over the
 * run cosines:
 *  - best[i]: the best counterpart of each sentence of self;
 *  - *ordered: the share of self's content matched by an order-preserving
 *    alignment, the best total of mass * ramp(cosine) over alignments where
 *    each sentence of self takes a run of 1-3 sentences of other, later
 *    sentences take later runs and no sentence of other is used twice (a
 *    heaviest increasing run of matched positions). Unlike coverage,
 *    repeated or merely topical sentences cannot all claim one good
 *    counterpart, and a reordered text loses what it scrambled. Dynamic
 *    programming over two rolling rows of n_other + 1 entries. */
static sc_status align_one_way(const dot_view *v, sc_sentence_match *best, double *ordered) {
  const size_t m = v->other->n_sent;
  double *rows = sc__mallocarray(2 * (m + 1), sizeof(double));
  SC_CHECK(!rows, SC_E_NOMEM);
  double *prev = rows, *cur = rows + m + 1;
  for (size_t j = 0; j <= m; j++) prev[j] = 0;
  for (size_t i = 0; i < v->self->n_sent; i++) {
    const double mass = v->self->sent_mass[i];
    sc_sentence_match bm = {(uint32_t)i, 0, 1, 0.0f};
    memcpy(cur, prev, (m + 1) * sizeof(double));  /* sentence i unmatched */
    for (size_t j = 0; j < m; j++) {
      /* Runs sharing no term with sentence i change nothing: a zero cosine
       * beats no best match, and its gain, prev[j], is already in cur
       * (rows never decrease along j). Most cells are such. */
      const float *dot = v->dot + i * v->stride_i + j * v->stride_j;
      if (dot[0] == 0 && (j + 1 >= m || dot[v->stride_j] == 0) && (j + 2 >= m || dot[2 * v->stride_j] == 0)) continue;
      float cos[3];
      const size_t runs = run_cosines(v, i, j, cos);
      for (size_t r = 0; r < runs; r++) {
        /* A fused run must beat the single sentence clearly, or every
         * match would grow to three sentences. */
        const float need = r == 0 ? bm.similarity : bm.similarity + 0.02f;
        if (cos[r] > need) bm = (sc_sentence_match){(uint32_t)i, (uint32_t)j, (uint32_t)(r + 1), cos[r]};
        const double gain = prev[j] + mass * ramp(cos[r]);
        if (gain > cur[j + r + 1]) cur[j + r + 1] = gain;
      }
    }
    for (size_t j = 1; j <= m; j++)  /* sentences of other left unmatched */
      if (cur[j - 1] > cur[j]) cur[j] = cur[j - 1];
    double *t = prev;
    prev = cur;
    cur = t;
    if (bm.similarity > 1.0f) bm.similarity = 1.0f;
    best[i] = bm;
  }
  *ordered = v->self->mass > 0 ? prev[m] / v->self->mass : 0;
  if (*ordered > 1) *ordered = 1;
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
  dot_view va = {0}, vb = {0};
  if ((st = dot_view_init(&va, a, b, dot, nb, 1)) != SC_OK || (st = dot_view_init(&vb, b, a, dot, 1, nb)) != SC_OK ||
      (st = align_one_way(&va, ab, &out->ordered_ab)) != SC_OK || (st = align_one_way(&vb, ba, &out->ordered_ba)) != SC_OK) {
    sc__free(va.self_inv);
    sc__free(vb.self_inv);
    goto done;
  }
  sc__free(va.self_inv);
  sc__free(vb.self_inv);
  out->coverage_ab = coverage(a, ab);
  out->coverage_ba = coverage(b, ba);
  st = SC_OK;
done:
  sc__free(dot);
  if (ab != best_ab) sc__free(ab);
  if (ba != best_ba) sc__free(ba);
  return st;
}
