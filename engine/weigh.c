/*
 * weigh.c: a document joins a corpus: its local term ids renumbered into
 * the corpus vocabulary (sc_doc_globalize), then TF-IDF weights, sentence
 * vectors, SimHash and character n-gram weights from the corpus statistics
 * (sc_doc_weigh; see doc.h). Analysis (doc.c) needs only the text; this
 * needs the whole corpus, and runs again whenever the corpus changes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "shingle.h"
#include "simhash.h"
#include "tfidf.h"

/* Renumbers ids[] through map[] and sorts the (id, count) pairs by new id,
 * packed in @p scratch (2n entries: the pairs and the sort's buffer). */
static void remap_sorted(uint32_t *ids, uint32_t *counts, size_t n, const uint32_t *map, uint64_t *scratch) {
  for (size_t i = 0; i < n; i++) scratch[i] = (uint64_t)map[ids[i]] << 32 | counts[i];
  sc_u64_sort(scratch, n, scratch + n);
  for (size_t i = 0; i < n; i++) {
    ids[i] = (uint32_t)(scratch[i] >> 32);
    counts[i] = (uint32_t)scratch[i];
  }
}

void sc_doc_renumber(sc_doc *d, const uint32_t *map, uint64_t *scratch) {
  remap_sorted(d->terms, d->tf, d->n_terms, map, scratch);
  for (size_t s = 0; s < d->n_sent; s++) {
    assert(d->sent[s].count <= d->n_terms);  /* a sentence's terms are some of the text's */
    remap_sorted(d->sent_terms + d->sent[s].first, d->sent_tf + d->sent[s].first, d->sent[s].count, map, scratch);
  }
}

sc_status sc_doc_globalize(sc_doc *d, sc_strmap *vocab) {
  uint32_t *map = sc__mallocarray(d->stems.n, sizeof(uint32_t));
  uint64_t *scratch = sc__mallocarray(2 * d->n_terms, sizeof(uint64_t));
  sc_status st = (map || !d->stems.n) && (scratch || !d->n_terms) ? SC_OK : SC_E_NOMEM;
  for (uint32_t t = 0; t < d->stems.n && st == SC_OK; t++) {
    size_t n;
    const char *s = sc_strmap_key(&d->stems, t, &n);
    st = sc_strmap_intern(vocab, s, n, &map[t], NULL);
  }
  if (st == SC_OK) sc_doc_renumber(d, map, scratch);
  sc__free(scratch);
  sc__free(map);
  if (st == SC_OK) sc_strmap_free(&d->stems);
  return st;
}

static int cmp_posting(const void *x, const void *y) {
  const sc_term_posting *a = x, *b = y;
  if (a->term != b->term) return a->term < b->term ? -1 : 1;
  return (a->sentence > b->sentence) - (a->sentence < b->sentence);
}

static float sublinear_tf(uint32_t tf) { return 1.0f + logf((float)tf); }

/* Dot product of two sentences' unnormalized vectors (sorted term ids). */
static float sentence_dot(const sc_doc *d, size_t a, size_t b) {
  const uint32_t *ta = d->sent_terms + d->sent[a].first, *tb = d->sent_terms + d->sent[b].first;
  const float *wa = d->sent_w + d->sent[a].first, *wb = d->sent_w + d->sent[b].first;
  size_t i = 0, j = 0;
  float dot = 0;
  while (i < d->sent[a].count && j < d->sent[b].count) {
    if (ta[i] < tb[j]) i++;
    else if (ta[i] > tb[j]) j++;
    else dot += wa[i++] * wb[j++];
  }
  return dot;
}

void sc_doc_free_weights(sc_doc *d) {
  sc__free(d->w);
  sc__free(d->sent_w);
  sc__free(d->sent_norm2);
  sc__free(d->sent_mass);
  sc__free(d->sent_adj1);
  sc__free(d->sent_adj2);
  sc__free(d->by_term);
  d->w = d->sent_w = d->sent_norm2 = d->sent_mass = d->sent_adj1 = d->sent_adj2 = NULL;
  d->by_term = NULL;
}

sc_status sc_doc_weigh(sc_doc *d, const float *idf, const uint64_t *term_hash, const sc_gramdf *gram_df,
                       size_t n_docs) {
  /* Every n-gram weighs in the norm; only those found in another document
   * too are kept, since only they enter a dot product (about half). They
   * are kept by their slot in the corpus table, ascending: a dense 4-byte
   * id to merge on instead of the 8-byte hash. */
  SC_CHECK(gram_df->keys && gram_df->mask >= UINT32_MAX, SC_E_TOO_LARGE);
  /* (slot, weight bits) packed for one radix sort by slot; the second half
   * is the sort's scratch */
  uint64_t *packed = sc__mallocarray(d->n_grams ? 2 * d->n_grams : 2, sizeof(uint64_t));
  SC_CHECK(!packed, SC_E_NOMEM);
  double gnorm2 = 0;
  size_t m = 0;
  for (size_t i = 0; i < d->n_grams; i++) {
    const size_t s = sc_gramdf_slot(gram_df, d->grams[i]);
    const uint32_t df = s == SIZE_MAX ? 0 : gram_df->df[s];
    const float w = sublinear_tf(d->gram_tf[i]) * sc_idf(df, (double)n_docs);
    gnorm2 += (double)w * w;
    if (df < 2) continue;
    uint32_t bits;
    memcpy(&bits, &w, sizeof bits);
    packed[m++] = (uint64_t)s << 32 | bits;
  }
  const float ginv = gnorm2 > 0 ? (float)(1.0 / sqrt(gnorm2)) : 0.0f;
  sc__free(d->shared_slots);
  sc__free(d->shared_w);
  d->shared_slots = sc__mallocarray(m ? m : 1, sizeof(uint32_t));
  d->shared_w = sc__mallocarray(m ? m : 1, sizeof(float));
  if (!d->shared_slots || !d->shared_w) {
    sc__free(packed);
    return SC_E_NOMEM;
  }
  sc_u64_sort(packed, m, packed + m);
  for (size_t k = 0; k < m; k++) {
    const uint32_t bits = (uint32_t)packed[k];
    float w;
    memcpy(&w, &bits, sizeof w);
    d->shared_slots[k] = (uint32_t)(packed[k] >> 32);
    d->shared_w[k] = w * ginv;
  }
  d->n_shared_grams = m;
  sc__free(packed);

  sc_doc_free_weights(d);
  d->w = sc__mallocarray(d->n_terms, sizeof(float));
  d->sent_w = sc__mallocarray(d->n_sent_terms, sizeof(float));
  d->sent_norm2 = sc__mallocarray(d->n_sent, sizeof(float));
  d->sent_mass = sc__mallocarray(d->n_sent, sizeof(float));
  d->sent_adj1 = sc__calloc(d->n_sent, sizeof(float));
  d->sent_adj2 = sc__calloc(d->n_sent, sizeof(float));
  uint64_t *h = sc__mallocarray(d->n_terms, sizeof(uint64_t));
  if (!d->w || !d->sent_w || !d->sent_norm2 || !d->sent_mass || !d->sent_adj1 || !d->sent_adj2 || !h) {
    sc__free(h);
    return SC_E_NOMEM;
  }
  double norm2 = 0;
  for (size_t i = 0; i < d->n_terms; i++) {
    d->w[i] = sublinear_tf(d->tf[i]) * idf[d->terms[i]];
    norm2 += (double)d->w[i] * d->w[i];
    h[i] = term_hash[d->terms[i]];
  }
  const float inv = norm2 > 0 ? (float)(1.0 / sqrt(norm2)) : 0.0f;
  for (size_t i = 0; i < d->n_terms; i++) d->w[i] *= inv;
  d->simhash = sc_simhash(h, d->w, d->n_terms);
  sc__free(h);

  d->mass = 0;
  for (size_t s = 0; s < d->n_sent; s++) {
    float n2 = 0, mass = 0;
    for (uint32_t k = d->sent[s].first; k < d->sent[s].first + d->sent[s].count; k++) {
      const float wk = sublinear_tf(d->sent_tf[k]) * idf[d->sent_terms[k]];
      d->sent_w[k] = wk;
      n2 += wk * wk;
      mass += idf[d->sent_terms[k]];
    }
    d->sent_norm2[s] = n2;
    d->sent_mass[s] = mass;
    d->mass += mass;
  }
  for (size_t s = 0; s + 1 < d->n_sent; s++) d->sent_adj1[s] = sentence_dot(d, s, s + 1);
  for (size_t s = 0; s + 2 < d->n_sent; s++) d->sent_adj2[s] = sentence_dot(d, s, s + 2);

  d->by_term = sc__mallocarray(d->n_sent_terms ? d->n_sent_terms : 1, sizeof(sc_term_posting));
  SC_CHECK(!d->by_term, SC_E_NOMEM);
  for (size_t s = 0; s < d->n_sent; s++)
    for (uint32_t k = d->sent[s].first; k < d->sent[s].first + d->sent[s].count; k++)
      d->by_term[k] = (sc_term_posting){d->sent_terms[k], (uint32_t)s, d->sent_w[k]};
  qsort(d->by_term, d->n_sent_terms, sizeof(sc_term_posting), cmp_posting);
  return SC_OK;
}

