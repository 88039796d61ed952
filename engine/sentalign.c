/*
 * sentalign.c: sentence alignment (see sentalign.h).
 *
 * Cost: a sentence's dot products with the other document's sentences come
 * from the terms they share (one merge-join of the two documents' term
 * occurrences, sorted by term at weighing time, tells where each term
 * occurs in the other), so the work is the number of shared-term
 * occurrence pairs, and only runs holding a sentence that shares a term
 * are scored; fused runs reuse the dot products, since for unnormalized
 * vectors
 * dot(x, y1 + y2) = dot(x, y1) + dot(x, y2) and |y1 + y2|^2 = |y1|^2 +
 * |y2|^2 + 2 dot(y1, y2), with dot(y1, y2) precomputed per document.
 */
#include "sentalign.h"

#include "shingle.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* One direction of a pair, self against other: self's sentence terms
 * grouped by sentence (ascending term within each) with, for each, the
 * range of other's postings of the same term, so that a sentence's dot
 * products with every sentence of other come from the terms they share
 * (beyond SC_ALIGN_DENSE_MAX_CELLS the pair's n x m matrix is never held:
 * two 48,000- and 4,800-sentence documents made it 0.9 GB); and the
 * inverse norms of self's sentences and of other's runs of 1-3 sentences
 * (run_inv[r * n_other + j] for the run of r + 1 sentences from j, one
 * array per run length so that a scan over j reads each in order; 0 where it
 * does not exist or is empty). */
typedef struct dot_view {
  const sc_doc *self, *other;
  const float *dense;           /* or the whole matrix, row by row,
                                   dense[i * n_other + j] (small pairs: faster) */
  size_t *row_start;            /* self sentence -> first entry of `post`   */
  uint32_t *post;               /* self postings (by_term indices) by sentence */
  uint32_t *lo, *hi;            /* per self posting: other's postings of its term */
  float *self_inv, *run_inv;
} dot_view;

/* Each posting x of @p self gets the range [lo[x], hi[x]) of @p other's
 * postings of the same term (empty if none): one merge-join of the two
 * term lists, both sorted by term. */
static void term_ranges(const sc_doc *self, const sc_doc *other, uint32_t *lo, uint32_t *hi) {
  const size_t np = self->n_sent_terms;
  for (size_t x = 0, y = 0; x < np && y < other->n_sent_terms;) {
    const uint32_t t = self->by_term[x].term;
    if (t < other->by_term[y].term) {
      x++;
      continue;
    }
    if (t > other->by_term[y].term) {
      y++;
      continue;
    }
    size_t ye = y;
    while (ye < other->n_sent_terms && other->by_term[ye].term == t) ye++;
    for (; x < np && self->by_term[x].term == t; x++) {
      lo[x] = (uint32_t)y;
      hi[x] = (uint32_t)ye;
    }
    y = ye;
  }
}

static void dot_view_free(dot_view *v) {
  sc__free(v->row_start);
  sc__free(v->post);
  sc__free(v->lo);
  sc__free(v->hi);
  sc__free(v->self_inv);
}

/* @p dense: the pair's matrix, self's sentences by row (then no term index
 * is built), or NULL. */
static sc_status dot_view_init(dot_view *v, const sc_doc *self, const sc_doc *other, const float *dense) {
  *v = (dot_view){self, other, dense, NULL, NULL, NULL, NULL, NULL, NULL};
  const size_t n = self->n_sent, m = other->n_sent, np = dense ? 0 : self->n_sent_terms;
  v->row_start = sc__calloc(n + 2, sizeof(size_t));
  v->post = sc__mallocarray(np ? np : 1, sizeof(uint32_t));
  v->lo = sc__calloc(np ? np : 1, sizeof(uint32_t));
  v->hi = sc__calloc(np ? np : 1, sizeof(uint32_t));
  v->self_inv = sc__mallocarray(n + 3 * m, sizeof(float));
  if (!v->row_start || !v->post || !v->lo || !v->hi || !v->self_inv) {
    dot_view_free(v);
    *v = (dot_view){0};
    return SC_E_NOMEM;
  }
  if (!dense) term_ranges(self, other, v->lo, v->hi);
  /* Postings by sentence: a stable counting sort keeps each sentence's
   * terms ascending, the order the sums must run in. */
  for (size_t x = 0; x < np; x++) v->row_start[self->by_term[x].sentence + 2]++;
  for (size_t i = 0; i < n; i++) v->row_start[i + 2] += v->row_start[i + 1];
  for (size_t x = 0; x < np; x++) v->post[v->row_start[self->by_term[x].sentence + 1]++] = (uint32_t)x;
  v->run_inv = v->self_inv + n;
  for (size_t i = 0; i < n; i++) v->self_inv[i] = self->sent_norm2[i] > 0 ? 1.0f / sqrtf(self->sent_norm2[i]) : 0;
  for (size_t j = 0; j < m; j++) {
    float n2 = 0;
    for (size_t r = 0; r < 3; r++) {
      const size_t last = j + r;
      if (last < m) {
        n2 += other->sent_norm2[last];
        if (r >= 1) n2 += 2 * other->sent_adj1[last - 1];
        if (r == 2) n2 += 2 * other->sent_adj2[j];
      }
      v->run_inv[r * m + j] = last < m && n2 > 0 ? 1.0f / sqrtf(n2) : 0;
    }
  }
  return SC_OK;
}

/* Scratch for one sentence's row of dot products. */
typedef struct dot_row {
  const float *dot;             /* per other sentence: `sums`, or the dense
                                   matrix's row                            */
  float *sums;                  /* 0 outside `touched`                      */
  uint32_t *stamp;              /* row + 1 where dot was touched this row   */
  uint32_t *touched;            /* other sentences with a shared term       */
  size_t n_touched;
} dot_row;

static int cmp_u32(const void *x, const void *y) {
  const uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

/* Fills @p row with sentence @p i's dot products: per cell, one product
 * per shared term in ascending term order, as one merge over the pair's
 * terms would add them. */
static void fill_row(const dot_view *v, size_t i, dot_row *row) {
  row->n_touched = 0;
  if (v->dense) {  /* the matrix's row: every cell is "touched" */
    row->dot = v->dense + i * v->other->n_sent;
    row->n_touched = v->other->n_sent;
    return;
  }
  row->dot = row->sums;
  for (size_t k = v->row_start[i]; k < v->row_start[i + 1]; k++) {
    const uint32_t x = v->post[k];
    const float w = v->self->by_term[x].w;
    for (uint32_t y = v->lo[x]; y < v->hi[x]; y++) {
      const uint32_t j = v->other->by_term[y].sentence;
      if (row->stamp[j] != i + 1) {
        row->stamp[j] = (uint32_t)(i + 1);
        row->touched[row->n_touched++] = j;
      }
      row->sums[j] += w * v->other->by_term[y].w;
    }
  }
}

/* Cosines of sentence @p i of self with the runs of 1, 2 and 3 sentences of
 * other starting at @p j (0 where the run shares nothing); @return the
 * number of runs that exist. */
static size_t run_cosines(const dot_view *v, const dot_row *row, size_t i, size_t j, float cos[3]) {
  const size_t runs = v->other->n_sent - j < 3 ? v->other->n_sent - j : 3;
  float d = 0;
  for (size_t r = 0; r < runs; r++) {
    d += row->dot[j + r];
    cos[r] = d > 0 ? d * v->self_inv[i] * v->run_inv[r * v->other->n_sent + j] : 0;
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

/* How much a fused run's cosine must beat the best match so far: a fused
 * run must beat the single sentence clearly, or every match would grow to
 * three sentences. score_runs and block_is_quiet must agree on it. */
#define FUSED_MARGIN 0.02f

/* A range [lo, hi) of DP positions; empty when lo >= hi. */
typedef struct span {
  size_t lo, hi;
} span;

/* The runs of other from @p j against sentence @p i: the best match so far
 * (*bm) and the DP row (cur) from the previous one (prev), widening
 * *raised to the positions of cur it raises; @p low: the largest float at
 * or below the ramp's floor. */
static inline void score_runs(const dot_view *v, const dot_row *row, size_t i, size_t j, double mass,
                              float low, const double *prev, double *cur, sc_sentence_match *bm, span *raised) {
  float cos[3];
  const size_t runs = run_cosines(v, row, i, j, cos);
  for (size_t r = 0; r < runs; r++) {
    const float need = r == 0 ? bm->similarity : bm->similarity + FUSED_MARGIN;
    if (cos[r] > need) *bm = (sc_sentence_match){(uint32_t)i, (uint32_t)j, (uint32_t)(r + 1), cos[r]};
    if (cos[r] <= low) continue;  /* no gain: prev[j] is in cur already */
    const double gain = prev[j] + mass * ramp(cos[r]);
    if (gain > cur[j + r + 1]) {
      cur[j + r + 1] = gain;
      if (j + r + 1 < raised->lo) raised->lo = j + r + 1;
      if (j + r + 2 > raised->hi) raised->hi = j + r + 2;
    }
  }
}

/* Whether no run of other starting in [j0, j1) can change anything for
 * sentence @p i (every run exists there: j1 + 2 <= n_other): each cosine,
 * computed with run_cosines' float operations, is at or below the ramp's
 * floor @p low, so its gain is prev[j] and already in cur, and at or below
 * @p best (+ FUSED_MARGIN for fused runs), the row's best match before the block,
 * which can only have grown. Books are long rows of such cells; this test
 * has no branch per cell and no DP read. */
#define QUIET_BLOCK 8
static inline bool block_is_quiet(const dot_view *v, const dot_row *row, size_t i, size_t j0, size_t j1,
                                  float best, float low) {
  const size_t m = v->other->n_sent;
  const float *dot = row->dot, *inv1 = v->run_inv, *inv2 = inv1 + m, *inv3 = inv2 + m, self_inv = v->self_inv[i];
  const float fused = best + FUSED_MARGIN, single_need = best < low ? best : low, fused_need = fused < low ? fused : low;
  int loud = 0;
  for (size_t j = j0; j < j1; j++) {
    const float d1 = dot[j], d2 = d1 + dot[j + 1], d3 = d2 + dot[j + 2];
    loud |= (d1 * self_inv * inv1[j] > single_need) | (d2 * self_inv * inv2[j] > fused_need) |
            (d3 * self_inv * inv3[j] > fused_need);
  }
  return !loud;
}

/* Sentences of other left unmatched: makes cur nondecreasing again after
 * score_runs raised the positions in @p raised, each raised value carrying
 * on to the right until prev (which cur holds elsewhere, nondecreasing)
 * catches up with it. @return the positions changed. */
static span carry_forward(double *cur, size_t m, span raised) {
  if (raised.hi <= raised.lo) return (span){0, 0};
  double carry = cur[raised.lo];
  size_t j = raised.lo + 1;
  for (; j < raised.hi; j++) {
    if (cur[j] < carry) cur[j] = carry;
    else carry = cur[j];
  }
  /* Where a block's last value is below the carry, all of it is. */
  enum { CARRY_BLOCK = 8 };
  for (; j + CARRY_BLOCK <= m + 1 && cur[j + CARRY_BLOCK - 1] < carry; j += CARRY_BLOCK)
    for (size_t k = 0; k < CARRY_BLOCK; k++) cur[j + k] = carry;
  for (; j <= m && cur[j] < carry; j++) cur[j] = carry;
  return (span){raised.lo, j};
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
  /* The largest float at or below the ramp's floor: a cosine above it, in
   * float, is above it in double too. */
  float low = (float)SC_ALIGN_LOW;
  if ((double)low > SC_ALIGN_LOW) low = nextafterf(low, 0.0f);
  double *rows = sc__calloc(2 * (m + 1), sizeof(double));
  const size_t scratch = v->dense ? 1 : m;  /* rows read from the matrix need none */
  dot_row row = {NULL, sc__calloc(scratch, sizeof(float)), sc__calloc(scratch, sizeof(uint32_t)),
                 sc__mallocarray(scratch, sizeof(uint32_t)), 0};
  if (!rows || !row.sums || !row.stamp || !row.touched) {
    sc__free(rows);
    sc__free(row.sums);
    sc__free(row.stamp);
    sc__free(row.touched);
    return SC_E_NOMEM;
  }
  double *prev = rows, *cur = rows + m + 1;
  /* Where prev differs from cur, the row before it: copying only that
   * makes cur a copy of prev (sentence i unmatched) in time proportional
   * to what the last sentence changed, not to m. */
  span changed = {0, 0};
  for (size_t i = 0; i < v->self->n_sent; i++) {
    const double mass = v->self->sent_mass[i];
    sc_sentence_match bm = {(uint32_t)i, 0, 1, 0.0f};
    if (changed.hi > changed.lo)
      memcpy(cur + changed.lo, prev + changed.lo, (changed.hi - changed.lo) * sizeof(double));
    span raised = {m + 1, 0};
    fill_row(v, i, &row);
    /* Only runs holding a sentence that shares a term with sentence i, in
     * ascending order (ties keep the first): the others change nothing, a
     * zero cosine beating no best match and its gain, prev[j], being in
     * cur already (rows never decrease along j). */
    if (row.n_touched * 16 < m) {  /* few: sort them and visit their runs */
      qsort(row.touched, row.n_touched, sizeof(uint32_t), cmp_u32);
      size_t next = 0;
      for (size_t t = 0; t < row.n_touched; t++) {
        const size_t k = row.touched[t];
        for (size_t j = k >= 2 && k - 2 > next ? k - 2 : next; j <= k; j++)
          score_runs(v, &row, i, j, mass, low, prev, cur, &bm, &raised);
        next = k + 1;
      }
    } else {  /* many: one scan of the row, a block at a time */
      for (size_t j0 = 0; j0 < m; j0 += QUIET_BLOCK) {
        const size_t j1 = m - j0 > QUIET_BLOCK ? j0 + QUIET_BLOCK : m;
        if (j1 + 2 <= m && block_is_quiet(v, &row, i, j0, j1, bm.similarity, low)) continue;
        for (size_t j = j0; j < j1; j++)
          if (row.dot[j] != 0 || (j + 1 < m && row.dot[j + 1] != 0) || (j + 2 < m && row.dot[j + 2] != 0))
            score_runs(v, &row, i, j, mass, low, prev, cur, &bm, &raised);
      }
    }
    if (!v->dense)
      for (size_t t = 0; t < row.n_touched; t++) row.sums[row.touched[t]] = 0;
    changed = carry_forward(cur, m, raised);
    double *tmp = prev;
    prev = cur;
    cur = tmp;
    if (bm.similarity > 1.0f) bm.similarity = 1.0f;
    best[i] = bm;
  }
  *ordered = v->self->mass > 0 ? prev[m] / v->self->mass : 0;
  if (*ordered > 1) *ordered = 1;
  sc__free(rows);
  sc__free(row.sums);
  sc__free(row.stamp);
  sc__free(row.touched);
  return SC_OK;
}

/* The matrix of all sentence dot products of @p a and @p b at once: each
 * cell sums its shared terms' products in ascending term order, as
 * fill_row does. @return SC_OK or SC_E_NOMEM. */
static sc_status dense_dots(const sc_doc *a, const sc_doc *b, float *dot) {
  const size_t nb = b->n_sent, np = a->n_sent_terms;
  uint32_t *lo = sc__calloc(np ? np : 1, sizeof(uint32_t)), *hi = sc__calloc(np ? np : 1, sizeof(uint32_t));
  if (!lo || !hi) {
    sc__free(lo);
    sc__free(hi);
    return SC_E_NOMEM;
  }
  term_ranges(a, b, lo, hi);
  memset(dot, 0, a->n_sent * nb * sizeof(float));
  for (size_t x = 0; x < np; x++) {
    const sc_term_posting *p = &a->by_term[x];
    for (uint32_t y = lo[x]; y < hi[x]; y++) dot[p->sentence * nb + b->by_term[y].sentence] += p->w * b->by_term[y].w;
  }
  sc__free(lo);
  sc__free(hi);
  return SC_OK;
}

sc_status sc_align_sentences_within(const sc_doc *a, const sc_doc *b, size_t dense_max_cells, sc_alignment *out,
                                    sc_sentence_match *best_ab, sc_sentence_match *best_ba) {
  memset(out, 0, sizeof(*out));
  if (a->n_sent == 0 || b->n_sent == 0) return SC_OK;
  const size_t na = a->n_sent, nb = b->n_sent;
  sc_sentence_match *ab = best_ab ? best_ab : sc__mallocarray(na, sizeof(*ab));
  sc_sentence_match *ba = best_ba ? best_ba : sc__mallocarray(nb, sizeof(*ba));
  const bool use_dense = na <= dense_max_cells / nb;
  /* b's side reads the matrix's transpose, row by row as a's side does (read
   * down the columns, each cell would cost a cache line); computed again
   * into the same buffer once a's side is done, it is the same sums (each
   * cell adds its terms' products in ascending term order) and costs less
   * than transposing. */
  float *dense = use_dense ? sc__mallocarray(na * nb, sizeof(float)) : NULL;
  dot_view va = {0}, vb = {0};
  sc_status st = SC_E_NOMEM;
  if (!ab || !ba || (use_dense && !dense)) goto done;
  if ((use_dense && (st = dense_dots(a, b, dense)) != SC_OK) || (st = dot_view_init(&va, a, b, dense)) != SC_OK ||
      (st = align_one_way(&va, ab, &out->ordered_ab)) != SC_OK)
    goto done;
  if ((use_dense && (st = dense_dots(b, a, dense)) != SC_OK) || (st = dot_view_init(&vb, b, a, dense)) != SC_OK ||
      (st = align_one_way(&vb, ba, &out->ordered_ba)) != SC_OK)
    goto done;
  out->coverage_ab = coverage(a, ab);
  out->coverage_ba = coverage(b, ba);
  st = SC_OK;
done:
  dot_view_free(&va);
  dot_view_free(&vb);
  sc__free(dense);
  if (ab != best_ab) sc__free(ab);
  if (ba != best_ba) sc__free(ba);
  return st;
}

sc_status sc_align_sentences(const sc_doc *a, const sc_doc *b, sc_alignment *out,
                             sc_sentence_match *best_ab, sc_sentence_match *best_ba) {
  return sc_align_sentences_within(a, b, SC_ALIGN_DENSE_MAX_CELLS, out, best_ab, best_ba);
}
