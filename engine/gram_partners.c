/*
 * gram_partners.c: best partners by character n-gram cosine (see
 * gram_partners.h).
 *
 * The n-gram df table's slots serve as dense n-gram ids (documents keep
 * their shared n-grams by slot, doc.h): the kept ones go into per-document
 * lists (slot, weight), and the posting lists, one CSR array over the
 * table, are filled from those in document order.
 */
#include "gram_partners.h"

#include <string.h>

#include "parallel.h"
#include "topk.h"

typedef struct postings {
  uint32_t *start;      /* slot -> first entry; start[slots] = entries    */
  uint32_t *doc;
  float *w;
  uint32_t *doc_start;  /* document -> first of its kept n-grams          */
  uint32_t *doc_slot;   /* their slots, entries in document order         */
  float *doc_w;         /* and weights                                    */
} postings;

typedef struct job {
  size_t per_doc;
  const postings *post;
  float **acc;        /* per worker: dot product per document (0: untouched) */
  uint32_t **touched; /* per worker: the documents touched                   */
  sc_scored **heap;   /* per worker: per_doc entries                         */
  uint32_t *partners;
} job;

static sc_status partners_range(void *user, size_t begin, size_t end, unsigned worker) {
  const job *jb = user;
  float *acc = jb->acc[worker];
  uint32_t *touched = jb->touched[worker];
  sc_scored *heap = jb->heap[worker];
  for (size_t i = begin; i < end; i++) {
    const postings *pt = jb->post;
    size_t nt = 0;
    for (uint32_t k = pt->doc_start[i]; k < pt->doc_start[i + 1]; k++) {
      const uint32_t slot = pt->doc_slot[k];
      const float w = pt->doc_w[k];
      for (uint32_t p = jb->post->start[slot]; p < jb->post->start[slot + 1]; p++) {
        const uint32_t j = jb->post->doc[p];
        if (j == i) continue;
        if (acc[j] == 0) touched[nt++] = j;
        acc[j] += w * jb->post->w[p];
      }
    }
    uint32_t len = 0;
    for (size_t t = 0; t < nt; t++) {
      sc_topk_offer(heap, &len, jb->per_doc, (sc_scored){acc[touched[t]], touched[t], 0});
      acc[touched[t]] = 0;
    }
    sc_topk_sort(heap, len);
    uint32_t *out = jb->partners + i * jb->per_doc;
    for (size_t k = 0; k < jb->per_doc; k++) out[k] = k < len ? heap[k].a : UINT32_MAX;
  }
  return SC_OK;
}

static void free_postings(postings *pt) {
  sc__free(pt->start);
  sc__free(pt->doc);
  sc__free(pt->w);
  sc__free(pt->doc_start);
  sc__free(pt->doc_slot);
  sc__free(pt->doc_w);
}

static sc_status build_postings(sc_doc *const *docs, size_t n, const sc_gramdf *df, uint32_t max_df, postings *pt) {
  const size_t slots = df->keys ? df->mask + 1 : 0;
  size_t shared = 0;
  for (size_t i = 0; i < n; i++) shared += docs[i]->n_shared_grams;
  SC_CHECK(shared >= UINT32_MAX, SC_E_TOO_LARGE);
  pt->start = sc__calloc(slots + 1, sizeof(uint32_t));
  pt->doc_start = sc__mallocarray(n + 1, sizeof(uint32_t));
  pt->doc_slot = sc__mallocarray(shared ? shared : 1, sizeof(uint32_t));
  pt->doc_w = sc__mallocarray(shared ? shared : 1, sizeof(float));
  SC_CHECK(!pt->start || !pt->doc_start || !pt->doc_slot || !pt->doc_w, SC_E_NOMEM);
  uint32_t entries = 0;
  for (size_t i = 0; i < n; i++) {
    pt->doc_start[i] = entries;
    for (size_t k = 0; k < docs[i]->n_shared_grams; k++) {
      const uint32_t slot = docs[i]->shared_slots[k];
      if (df->df[slot] > max_df) continue;
      pt->doc_slot[entries] = slot;
      pt->doc_w[entries++] = docs[i]->shared_w[k];
      pt->start[slot + 1]++;
    }
  }
  pt->doc_start[n] = entries;
  for (size_t s = 0; s < slots; s++) pt->start[s + 1] += pt->start[s];
  pt->doc = sc__mallocarray(entries ? entries : 1, sizeof(uint32_t));
  pt->w = sc__mallocarray(entries ? entries : 1, sizeof(float));
  uint32_t *fill = sc__mallocarray(slots ? slots : 1, sizeof(uint32_t));
  if (!pt->doc || !pt->w || !fill) {
    sc__free(fill);
    return SC_E_NOMEM;
  }
  if (slots) memcpy(fill, pt->start, slots * sizeof(uint32_t));
  for (size_t i = 0; i < n; i++)
    for (uint32_t k = pt->doc_start[i]; k < pt->doc_start[i + 1]; k++) {
      const uint32_t slot = pt->doc_slot[k];
      pt->doc[fill[slot]] = (uint32_t)i;
      pt->w[fill[slot]++] = pt->doc_w[k];
    }
  sc__free(fill);
  return SC_OK;
}

sc_status sc_gram_partners(sc_doc *const *docs, size_t n, const sc_gramdf *df, uint32_t max_df, size_t per_doc,
                           unsigned threads, uint32_t *partners) {
  if (n == 0 || per_doc == 0) return SC_OK;
  SC_CHECK(n >= UINT32_MAX, SC_E_TOO_LARGE);
  postings pt = {0};
  const unsigned workers = sc_threads_for(threads, n / 64 + 1);
  job jb = {per_doc, &pt, NULL, NULL, NULL, partners};
  sc_status st = build_postings(docs, n, df, max_df, &pt);
  if (st != SC_OK) goto done;
  st = SC_E_NOMEM;
  jb.acc = sc__calloc(workers, sizeof(float *));
  jb.touched = sc__calloc(workers, sizeof(uint32_t *));
  jb.heap = sc__calloc(workers, sizeof(sc_scored *));
  if (!jb.acc || !jb.touched || !jb.heap) goto done;
  for (unsigned w = 0; w < workers; w++) {
    jb.acc[w] = sc__calloc(n, sizeof(float));
    jb.touched[w] = sc__mallocarray(n, sizeof(uint32_t));
    jb.heap[w] = sc__mallocarray(per_doc, sizeof(sc_scored));
    if (!jb.acc[w] || !jb.touched[w] || !jb.heap[w]) goto done;
  }
  st = sc_parallel_for(n, 64, workers, partners_range, &jb);
done:
  for (unsigned w = 0; w < workers; w++) {
    if (jb.acc) sc__free(jb.acc[w]);
    if (jb.touched) sc__free(jb.touched[w]);
    if (jb.heap) sc__free(jb.heap[w]);
  }
  sc__free(jb.acc);
  sc__free(jb.touched);
  sc__free(jb.heap);
  free_postings(&pt);
  return st;
}

/* Cosines of candidates grouped by row, one row at a time per worker. */
typedef struct cosine_job {
  sc_doc *const *docs;
  const postings *post;     /* posting-list path only                        */
  const sc_scored *cand;
  const size_t *row_start;  /* row -> its first entry in order              */
  const size_t *order;      /* candidate indices grouped by their row (a)   */
  void **scratch;           /* per worker, zeroed: a dot product per document
                               (postings) or a weight per n-gram slot (scatter) */
  double *chars;
} cosine_job;

/* First posting of @p slot's list (sorted by document) after document @p i. */
static uint32_t first_after(const postings *pt, uint32_t slot, uint32_t i) {
  uint32_t lo = pt->start[slot], hi = pt->start[slot + 1];
  while (lo < hi) {
    const uint32_t mid = lo + (hi - lo) / 2;
    if (pt->doc[mid] <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static sc_status postings_range(void *user, size_t begin, size_t end, unsigned worker) {
  const cosine_job *jb = user;
  const postings *pt = jb->post;
  double *acc = jb->scratch[worker];
  for (size_t i = begin; i < end; i++) {
    if (jb->row_start[i] == jb->row_start[i + 1]) continue;
    /* The row's n-grams in ascending slot order, each product exact in
     * double: the sum is the merge's in sc_cosine_chars, bit for bit. */
    for (uint32_t k = pt->doc_start[i]; k < pt->doc_start[i + 1]; k++) {
      const uint32_t slot = pt->doc_slot[k];
      const double w = pt->doc_w[k];
      for (uint32_t p = first_after(pt, slot, (uint32_t)i); p < pt->start[slot + 1]; p++)
        acc[pt->doc[p]] += w * (double)pt->w[p];
    }
    for (size_t r = jb->row_start[i]; r < jb->row_start[i + 1]; r++) {
      const size_t c = jb->order[r];
      const double dot = acc[jb->cand[c].b];
      jb->chars[c] = dot > 1.0 ? 1.0 : dot;
    }
    for (uint32_t k = pt->doc_start[i]; k < pt->doc_start[i + 1]; k++) {  /* reset what was touched */
      const uint32_t slot = pt->doc_slot[k];
      for (uint32_t p = first_after(pt, slot, (uint32_t)i); p < pt->start[slot + 1]; p++) acc[pt->doc[p]] = 0;
    }
  }
  return SC_OK;
}

static sc_status scatter_range(void *user, size_t begin, size_t end, unsigned worker) {
  const cosine_job *jb = user;
  float *dense = jb->scratch[worker];
  for (size_t i = begin; i < end; i++) {
    if (jb->row_start[i] == jb->row_start[i + 1]) continue;
    const sc_doc *a = jb->docs[i];
    for (size_t k = 0; k < a->n_shared_grams; k++) dense[a->shared_slots[k]] = a->shared_w[k];
    for (size_t r = jb->row_start[i]; r < jb->row_start[i + 1]; r++) {
      const size_t c = jb->order[r];
      const sc_doc *b = jb->docs[jb->cand[c].b];
      /* b's n-grams in ascending slot order; the ones a lacks add +0.0,
       * which leaves the sum as it is: the merge's sum, bit for bit. */
      double dot = 0;
      for (size_t k = 0; k < b->n_shared_grams; k++) dot += (double)b->shared_w[k] * dense[b->shared_slots[k]];
      jb->chars[c] = dot > 1.0 ? 1.0 : dot;
    }
    for (size_t k = 0; k < a->n_shared_grams; k++) dense[a->shared_slots[k]] = 0;
  }
  return SC_OK;
}

/* Groups the candidates by their row (a, by counting sort), gives each
 * worker @p scratch_bytes of zeroed scratch and runs @p range over the rows. */
static sc_status run_rows(cosine_job *jb, size_t n, size_t n_cand, unsigned threads, size_t scratch_bytes,
                          sc_parallel_fn range) {
  const unsigned workers = sc_threads_for(threads, n / 16 + 1);
  size_t *row_start = sc__calloc(n + 2, sizeof(size_t));
  size_t *order = sc__mallocarray(n_cand ? n_cand : 1, sizeof(size_t));
  sc_status st = SC_E_NOMEM;
  if (!row_start || !order || !(jb->scratch = sc__calloc(workers, sizeof(void *)))) goto done;
  for (unsigned w = 0; w < workers; w++)
    if (!(jb->scratch[w] = sc__calloc(1, scratch_bytes ? scratch_bytes : 1))) goto done;
  for (size_t c = 0; c < n_cand; c++) row_start[jb->cand[c].a + 2]++;
  for (size_t i = 0; i < n; i++) row_start[i + 2] += row_start[i + 1];
  for (size_t c = 0; c < n_cand; c++) order[row_start[jb->cand[c].a + 1]++] = c;
  jb->row_start = row_start;
  jb->order = order;
  st = sc_parallel_for(n, 16, workers, range, jb);
done:
  for (unsigned w = 0; jb->scratch && w < workers; w++) sc__free(jb->scratch[w]);
  sc__free(jb->scratch);
  sc__free(row_start);
  sc__free(order);
  return st;
}

sc_status sc_gram_cosines(sc_doc *const *docs, size_t n, const sc_gramdf *df, const sc_scored *cand, size_t n_cand,
                          unsigned threads, double *chars) {
  if (n_cand == 0) return SC_OK;
  SC_CHECK(n >= UINT32_MAX, SC_E_TOO_LARGE);
  postings pt = {0};
  cosine_job jb = {docs, &pt, cand, NULL, NULL, NULL, chars};
  sc_status st = build_postings(docs, n, df, UINT32_MAX, &pt);
  if (st == SC_OK) st = run_rows(&jb, n, n_cand, threads, n * sizeof(double), postings_range);
  free_postings(&pt);
  return st;
}

sc_status sc_gram_cosines_scattered(sc_doc *const *docs, size_t n, const sc_gramdf *df, const sc_scored *cand,
                                    size_t n_cand, unsigned threads, double *chars) {
  if (n_cand == 0) return SC_OK;
  SC_CHECK(n >= UINT32_MAX, SC_E_TOO_LARGE);
  cosine_job jb = {docs, NULL, cand, NULL, NULL, NULL, chars};
  return run_rows(&jb, n, n_cand, threads, (df->keys ? df->mask + 1 : 0) * sizeof(float), scatter_range);
}
