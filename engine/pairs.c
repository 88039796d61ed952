/*
 * pairs.c: scoring pairs of a built corpus: one pair, all pairs, and the
 * dense cosine matrix.
 *
 * All pairs run in two stages. Stage 1 streams the TF-IDF cosine of every
 * pair out of blocked cblas_sgemm (tfidf.c) and keeps candidates: every pair
 * when no top-K is asked, otherwise each document's best cosine partners
 * (a generous multiple of K, since the final score can reorder them) and as
 * many best partners by character n-gram cosine (gram_partners.h). For
 * every pair, the character n-gram cosines also come at once from posting
 * lists (gram_partners.h). Stage 2 scores the candidates fully (shingle
 * sets, MinHash, SimHash, sentence alignment) on worker threads, then
 * filters and sorts.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "gram_partners.h"
#include "parallel.h"
#include "passages.h"
#include "score.h"
#include "sentalign.h"
#include "tfidf.h"
#include "topk.h"

sc_status sc_corpus_compare(const sc_corpus *c, uint32_t a, uint32_t b, sc_pair *out) {
  SC_CHECK(!c || !out || a >= c->docs.len || b >= c->docs.len, SC_E_INVALID_ARG);
  SC_CHECK(!c->built, SC_E_STATE);
  out->a = a;
  out->b = b;
  return sc_score_pair(c->docs.items[a], c->docs.items[b], &c->opt, -1.0, out);
}

/* A candidate pair (a < b) and its word cosine (-1: not known yet). */
typedef sc_scored candidate;

/* Per-document bounded heaps of its best candidates by cosine (topk.h). */
typedef struct row_heap {
  candidate *items;            /* rows * cap entries                       */
  uint32_t *len;               /* entries used per row                     */
  size_t cap;
} row_heap;

static void heap_offer(row_heap *h, uint32_t row, candidate c) {
  sc_topk_offer(h->items + (size_t)row * h->cap, &h->len[row], h->cap, c);
}

typedef struct collect {
  SC_VEC(candidate) all;       /* every pair (no top-K)                    */
  row_heap heap;               /* or each row's best                       */
  int use_heap;
} collect;

static sc_status collect_block(void *user, size_t i0, size_t ni, size_t j0, size_t nj, const float *block) {
  collect *cl = user;
  for (size_t i = 0; i < ni; i++) {
    for (size_t j = 0; j < nj; j++) {
      const size_t a = i0 + i, b = j0 + j;
      if (b <= a) continue;
      const candidate c = {block[i * nj + j], (uint32_t)a, (uint32_t)b};
      if (cl->use_heap) {
        heap_offer(&cl->heap, (uint32_t)a, c);
        heap_offer(&cl->heap, (uint32_t)b, c);
      } else {
        SC_VEC_PUSH(&cl->all, c, nomem);
      }
    }
  }
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}

static int same_pair(const candidate *p, const candidate *q) { return p->a == q->a && p->b == q->b; }

/* By pair, and for one pair the known cosine before the unknown (-1). */
static int cmp_candidate_ids(const void *x, const void *y) {
  const candidate *p = x, *q = y;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  if (p->b != q->b) return p->b < q->b ? -1 : 1;
  if (p->score != q->score) return p->score > q->score ? -1 : 1;
  return 0;
}

/* Adds each document's best partners by character n-gram cosine
 * (gram_partners.h) to the candidates, their word cosine unknown (-1: the
 * scorer computes it). */
static sc_status add_gram_partners(const sc_corpus *c, size_t per_doc, unsigned threads, collect *cl) {
  const size_t n = c->docs.len;
  uint32_t *partners = sc__mallocarray(n * per_doc, sizeof(uint32_t));
  SC_CHECK(!partners, SC_E_NOMEM);
  /* n-grams in more than 1/64 of the documents, and in more than 128 of
   * them whatever n is, weigh little and cost df^2 each. */
  const size_t cap = n / 64 < 2 ? 2 : n / 64 > 128 ? 128 : n / 64;
  const uint32_t max_df = (uint32_t)cap;
  sc_status st = sc_gram_partners(c->docs.items, n, &c->gram_df, max_df, per_doc, threads, partners);
  for (size_t i = 0; i < n && st == SC_OK; i++)
    for (size_t k = 0; k < per_doc; k++) {
      const uint32_t j = partners[i * per_doc + k];
      if (j == UINT32_MAX) break;
      const candidate cd = {-1.0f, i < j ? (uint32_t)i : j, i < j ? j : (uint32_t)i};
      SC_VEC_PUSH(&cl->all, cd, nomem);
    }
  sc__free(partners);
  return st;
nomem:
  sc__free(partners);
  return SC_E_NOMEM;
}

typedef struct score_job {
  const sc_corpus *c;
  const candidate *cand;
  const double *chars;         /* n-gram cosine per candidate              */
  sc_pair *out;
  const sc_pairs_options *po;  /* for its progress callback                */
  size_t total;
  atomic_size_t done;
} score_job;

static sc_status score_range(void *user, size_t begin, size_t end, unsigned worker) {
  score_job *j = user;
  for (size_t i = begin; i < end; i++) {
    const candidate *cd = &j->cand[i];
    j->out[i].a = cd->a;
    j->out[i].b = cd->b;
    SC_TRY(sc_score_pair(j->c->docs.items[cd->a], j->c->docs.items[cd->b], &j->c->opt, j->chars[i], &j->out[i]));
  }
  const size_t done = atomic_fetch_add(&j->done, end - begin) + (end - begin);
  if (worker == 0 && j->po->progress) j->po->progress(j->po->progress_user, done, j->total);  /* the caller's thread */
  return SC_OK;
}

static int cmp_pair_rank(const void *x, const void *y) {
  const sc_pair *p = x, *q = y;
  if (p->score != q->score) return p->score > q->score ? -1 : 1;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  if (p->b != q->b) return p->b < q->b ? -1 : 1;
  return 0;
}

/* Keeps pairs among the top @p k of either document (pairs sorted by rank);
 * *kept receives the new length. */
static sc_status keep_top_k(sc_pair *p, size_t n, size_t docs, uint32_t k, size_t *kept) {
  uint32_t *seen = sc__calloc(docs, sizeof(uint32_t));
  SC_CHECK(!seen, SC_E_NOMEM);
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    const int keep = seen[p[i].a] < k || seen[p[i].b] < k;
    seen[p[i].a]++;
    seen[p[i].b]++;
    if (keep) p[m++] = p[i];
  }
  sc__free(seen);
  *kept = m;
  return SC_OK;
}

sc_status sc_corpus_pairs(const sc_corpus *c, const sc_pairs_options *po, sc_pair **out, size_t *n_out) {
  SC_CHECK(!c || !out || !n_out, SC_E_INVALID_ARG);
  SC_CHECK(!c->built, SC_E_STATE);
  *out = NULL;
  *n_out = 0;
  const sc_pairs_options defaults = {0, 0, 0.0, NULL, NULL};
  if (!po) po = &defaults;
  const size_t n = c->docs.len;
  if (n < 2) return SC_OK;

  collect cl = {0};
  double *chars = NULL;
  cl.use_heap = po->top_k > 0;
  sc_status st = SC_E_NOMEM;
  if (cl.use_heap) {
    cl.heap.cap = (size_t)po->top_k * 2 + 8;
    if (cl.heap.cap > n - 1) cl.heap.cap = n - 1;
    cl.heap.items = sc__mallocarray(n * cl.heap.cap, sizeof(candidate));
    cl.heap.len = sc__calloc(n, sizeof(uint32_t));
    if (!cl.heap.items || !cl.heap.len) goto done;
  }
  if ((st = sc_cosine_blocks(c->docs.items, n, c->df, c->vocab.n, SC_COSINE_AUTO, po->threads, collect_block, &cl)) != SC_OK) goto done;
  if (cl.use_heap) {  /* gather the heaps and the n-gram partners, each pair once */
    st = SC_E_NOMEM;
    for (size_t r = 0; r < n; r++)
      for (uint32_t k = 0; k < cl.heap.len[r]; k++) SC_VEC_PUSH(&cl.all, cl.heap.items[r * cl.heap.cap + k], done);
    if ((st = add_gram_partners(c, po->top_k < n - 1 ? po->top_k : n - 1, po->threads, &cl)) != SC_OK) goto done;
    if (cl.all.len > 1) qsort(cl.all.items, cl.all.len, sizeof(candidate), cmp_candidate_ids);
    size_t m = 0;
    for (size_t i = 0; i < cl.all.len; i++)
      if (m == 0 || !same_pair(&cl.all.items[m - 1], &cl.all.items[i])) cl.all.items[m++] = cl.all.items[i];
    cl.all.len = m;
  }

  /* The candidates' n-gram cosines at once (a merge per pair was half the
   * time): every pair from posting lists, a few per document by scatter
   * and gather. */
  st = SC_E_NOMEM;
  if (!(chars = sc__mallocarray(cl.all.len ? cl.all.len : 1, sizeof(double)))) goto done;
  st = cl.use_heap ? sc_gram_cosines_scattered(c->docs.items, n, &c->gram_df, cl.all.items, cl.all.len, po->threads, chars)
                   : sc_gram_cosines(c->docs.items, n, &c->gram_df, cl.all.items, cl.all.len, po->threads, chars);
  if (st != SC_OK) goto done;
  st = SC_E_NOMEM;
  sc_pair *pairs = sc__calloc(cl.all.len, sizeof(sc_pair));
  if (!pairs) goto done;
  score_job sj = {c, cl.all.items, chars, pairs, po, cl.all.len, 0};
  st = sc_parallel_for(cl.all.len, 64, sc_threads_for(po->threads, cl.all.len / 64 + 1), score_range, &sj);
  if (st != SC_OK) {
    sc__free(pairs);
    goto done;
  }
  /* The workers' last report may have come from another thread's chunk. */
  if (po->progress) po->progress(po->progress_user, cl.all.len, cl.all.len);
  size_t m = 0;
  for (size_t i = 0; i < cl.all.len; i++)
    if (pairs[i].score >= po->min_score) pairs[m++] = pairs[i];
  if (m > 1) qsort(pairs, m, sizeof(sc_pair), cmp_pair_rank);
  if (po->top_k && (st = keep_top_k(pairs, m, n, po->top_k, &m)) != SC_OK) {
    sc__free(pairs);
    goto done;
  }
  *out = pairs;
  *n_out = m;
  st = SC_OK;
done:
  sc__free(chars);
  SC_VEC_FREE(&cl.all);
  sc__free(cl.heap.items);
  sc__free(cl.heap.len);
  return st;
}

void sc_pairs_free(sc_pair *pairs) { sc__free(pairs); }

typedef struct dense_out {
  float *m;
  size_t n;
} dense_out;

static sc_status dense_block(void *user, size_t i0, size_t ni, size_t j0, size_t nj, const float *block) {
  dense_out *d = user;
  for (size_t i = 0; i < ni; i++)
    for (size_t j = 0; j < nj; j++) {
      if (j0 + j <= i0 + i) continue;  /* only the upper triangle is meaningful */
      d->m[(i0 + i) * d->n + (j0 + j)] = block[i * nj + j];
      d->m[(j0 + j) * d->n + (i0 + i)] = block[i * nj + j];
    }
  return SC_OK;
}

sc_status sc_corpus_cosine_matrix(const sc_corpus *c, float *out) {
  SC_CHECK(!c || !out, SC_E_INVALID_ARG);
  SC_CHECK(!c->built, SC_E_STATE);
  dense_out d = {out, c->docs.len};
  SC_TRY(sc_cosine_blocks(c->docs.items, c->docs.len, c->df, c->vocab.n, SC_COSINE_AUTO, 0, dense_block, &d));
  /* The blocks leave out terms found in one document only: they add nothing
   * between documents but do to a document's dot product with itself. */
  for (size_t i = 0; i < d.n; i++) out[i * d.n + i] = (float)sc_cosine_sparse(c->docs.items[i], c->docs.items[i]);
  return SC_OK;
}

sc_status sc_corpus_doc_text(const sc_corpus *c, uint32_t id, const char **text, size_t *len) {
  SC_CHECK(!c || !text || !len || id >= c->docs.len, SC_E_INVALID_ARG);
  *text = c->docs.items[id]->text;
  *len = c->docs.items[id]->bytes;
  return SC_OK;
}

sc_status sc_corpus_align(const sc_corpus *c, uint32_t a, uint32_t b, double min_similarity,
                          sc_sentence_pair **out, size_t *n_out) {
  SC_CHECK(!c || !out || !n_out || a >= c->docs.len || b >= c->docs.len, SC_E_INVALID_ARG);
  SC_CHECK(!c->built, SC_E_STATE);
  *out = NULL;
  *n_out = 0;
  const sc_doc *da = c->docs.items[a], *db = c->docs.items[b];
  if (da->n_sent == 0 || db->n_sent == 0) return SC_OK;
  sc_sentence_match *best = sc__mallocarray(da->n_sent, sizeof(*best));
  sc_sentence_pair *sp = sc__calloc(da->n_sent, sizeof(*sp));
  sc_alignment al;
  sc_status st = SC_E_NOMEM;
  if (!best || !sp || (st = sc_align_sentences(da, db, &al, best, NULL)) != SC_OK) goto fail;
  size_t n = 0;
  for (size_t i = 0; i < da->n_sent; i++) {
    const sc_sentence_match m = best[i];
    if (m.similarity < min_similarity || m.similarity <= 0) continue;
    const sc_doc_sentence *sa = &da->sent[i], *b0 = &db->sent[m.first], *b1 = &db->sent[m.first + m.span - 1];
    sp[n++] = (sc_sentence_pair){(uint32_t)i, sa->src_start, sa->src_end - sa->src_start, m.first, m.span,
                                 b0->src_start, b1->src_end - b0->src_start, m.similarity};
  }
  sc__free(best);
  *out = sp;
  *n_out = n;
  return SC_OK;
fail:
  sc__free(best);
  sc__free(sp);
  return st;
}

void sc_sentence_pairs_free(sc_sentence_pair *p) { sc__free(p); }

sc_status sc_corpus_passages(const sc_corpus *c, uint32_t a, uint32_t b, uint32_t min_words, sc_passage **out,
                             size_t *n_out) {
  SC_CHECK(!c || !out || !n_out || a >= c->docs.len || b >= c->docs.len, SC_E_INVALID_ARG);
  return sc_find_passages(c->docs.items[a], c->docs.items[b], &c->keys, min_words, out, n_out);
}

void sc_passages_free(sc_passage *p) { sc__free(p); }

sc_status sc_corpus_missing_facts(const sc_corpus *c, uint32_t a, uint32_t b, sc_missing_fact **out,
                                  size_t *n_out) {
  SC_CHECK(!c || !out || !n_out || a >= c->docs.len || b >= c->docs.len, SC_E_INVALID_ARG);
  *out = NULL;
  *n_out = 0;
  const sc_doc *da = c->docs.items[a], *db = c->docs.items[b];
  sc_analyzer *az;
  SC_TRY(sc_analyzer_create(&az));
  sc_byte_span_vec spans = {0};
  sc_status st = sc_doc_missing_facts(az, &c->keys, da, db, &spans);
  const size_t from_a = spans.len;
  if (st == SC_OK) st = sc_doc_missing_facts(az, &c->keys, db, da, &spans);
  sc_analyzer_free(az);
  sc_missing_fact *mf = NULL;
  if (st == SC_OK && spans.len && !(mf = sc__mallocarray(spans.len, sizeof(*mf)))) st = SC_E_NOMEM;
  if (st == SC_OK) {
    for (size_t i = 0; i < spans.len; i++)
      mf[i] = (sc_missing_fact){i >= from_a, spans.items[i].offset, spans.items[i].length};
    *out = mf;
    *n_out = spans.len;
  }
  SC_VEC_FREE(&spans);
  return st;
}

void sc_missing_facts_free(sc_missing_fact *p) { sc__free(p); }
