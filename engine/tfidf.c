/*
 * tfidf.c: TF-IDF weights and blocked all-pairs cosine (see tfidf.h).
 */
#include "tfidf.h"

#include <cblas.h>
#include <math.h>
#include <string.h>

#include "background.h"
#include "parallel.h"

float sc_idf(double df, double n) { return (float)log((1.0 + n) / (1.0 + df)) + 1.0f; }

float sc_idf_with_background(size_t df, size_t n, uint32_t bg_df) {
  const double prior = SC_BACKGROUND_WEIGHT * (double)bg_df / (double)sc_background_docs;
  return sc_idf((double)df + prior, (double)n + SC_BACKGROUND_WEIGHT);
}

double sc_cosine_sparse(const sc_doc *a, const sc_doc *b) {
  size_t i = 0, j = 0;
  double dot = 0;
  while (i < a->n_terms && j < b->n_terms) {
    if (a->terms[i] < b->terms[j]) i++;
    else if (a->terms[i] > b->terms[j]) j++;
    else dot += (double)a->w[i++] * b->w[j++];
  }
  return dot > 1.0 ? 1.0 : dot;
}

double sc_cosine_chars(const sc_doc *a, const sc_doc *b) {
  const uint32_t *x = a->shared_slots, *y = b->shared_slots;
  const size_t nx = a->n_shared_grams, ny = b->n_shared_grams;
  size_t i = 0, j = 0;
  double dot = 0;
  while (i < nx && j < ny) {  /* advances without a hard-to-predict branch */
    const uint32_t u = x[i], v = y[j];
    if (u == v) dot += (double)a->shared_w[i] * b->shared_w[j];
    i += u <= v;
    j += v <= u;
  }
  return dot > 1.0 ? 1.0 : dot;
}

/* Scatters rows [r0, r0+nr) into a dense nr x ncol block. */
static void fill_block(sc_doc *const *docs, size_t r0, size_t nr, const uint32_t *column, size_t ncol,
                       float *block) {
  memset(block, 0, nr * ncol * sizeof(float));
  for (size_t r = 0; r < nr; r++) {
    const sc_doc *d = docs[r0 + r];
    float *row = block + r * ncol;
    for (size_t k = 0; k < d->n_terms; k++) {
      const uint32_t c = column[d->terms[k]];
      if (c != UINT32_MAX) row[c] = d->w[k];
    }
  }
}

/* Sparse path: posting lists (doc, weight) per shared term, then each band
 * of rows accumulated against every later row. Bands are computed a round
 * at a time on the workers, each into its own block, and handed to the
 * callback in order, so what it sees does not depend on the threads. */
typedef struct sparse_bands {
  sc_doc *const *docs;
  size_t n, rows;            /* documents; rows per band                  */
  const uint32_t *df;
  const size_t *start;       /* CSR by term                               */
  const uint32_t *post_doc;  /* postings sorted by document               */
  const float *post_w;
  size_t first;              /* first band of the round                   */
  float **block;             /* per band of a round                       */
} sparse_bands;

/* Band @p band's first row and row count. */
static size_t band_rows(const sparse_bands *sb, size_t band, size_t *i0) {
  *i0 = band * sb->rows;
  return sb->n - *i0 < sb->rows ? sb->n - *i0 : sb->rows;
}

static sc_status band_range(void *user, size_t begin, size_t end, unsigned worker) {
  (void)worker;
  const sparse_bands *sb = user;
  for (size_t k = begin; k < end; k++) {
    size_t i0;
    const size_t ni = band_rows(sb, sb->first + k, &i0), nj = sb->n - i0;
    float *block = sb->block[k];
    memset(block, 0, ni * nj * sizeof(float));
    for (size_t r = 0; r < ni; r++) {
      const sc_doc *d = sb->docs[i0 + r];
      float *row = block + r * nj - i0;  /* row[j] for j in [i0, n) */
      for (size_t t = 0; t < d->n_terms; t++) {
        const uint32_t term = d->terms[t];
        if (sb->df[term] < 2) continue;
        const float w = d->w[t];
        /* Only later documents: skip the postings up to this one. */
        size_t p = sb->start[term];
        while (p < sb->start[term + 1] && sb->post_doc[p] <= i0 + r) p++;
        for (; p < sb->start[term + 1]; p++) row[sb->post_doc[p]] += w * sb->post_w[p];
      }
    }
  }
  return SC_OK;
}

static sc_status cosine_sparse(sc_doc *const *docs, size_t n, const uint32_t *df, size_t vocab, unsigned threads,
                               sc_cosine_block_fn fn, void *user) {
  size_t *start = sc__calloc(vocab + 1, sizeof(size_t));  /* CSR by term */
  SC_CHECK(!start, SC_E_NOMEM);
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < docs[i]->n_terms; k++)
      if (df[docs[i]->terms[k]] >= 2) start[docs[i]->terms[k] + 1]++;
  for (size_t t = 0; t < vocab; t++) start[t + 1] += start[t];
  const size_t nnz = start[vocab];
  uint32_t *post_doc = sc__mallocarray(nnz ? nnz : 1, sizeof(uint32_t));
  float *post_w = sc__mallocarray(nnz ? nnz : 1, sizeof(float));
  size_t *fill = sc__mallocarray(vocab ? vocab : 1, sizeof(size_t));
  /* Rows per band: about 2^20 floats of block whatever n is; two bands a
   * round per worker. */
  const size_t rows = n ? ((size_t)1 << 20) / n + 1 : 1, bands = n ? (n + rows - 1) / rows : 0;
  const unsigned workers = sc_threads_for(threads, bands);
  const size_t per_round = 2 * (size_t)workers;
  sparse_bands sb = {docs, n, rows, df, start, post_doc, post_w, 0, sc__calloc(per_round, sizeof(float *))};
  sc_status st = SC_E_NOMEM;
  if (!post_doc || !post_w || !fill || !sb.block) goto done;
  for (size_t k = 0; k < per_round; k++)
    if (!(sb.block[k] = sc__mallocarray(rows * (n ? n : 1), sizeof(float)))) goto done;
  memcpy(fill, start, vocab * sizeof(size_t));
  for (size_t i = 0; i < n; i++) {  /* docs in order: postings sorted by doc */
    for (size_t k = 0; k < docs[i]->n_terms; k++) {
      const uint32_t t = docs[i]->terms[k];
      if (df[t] < 2) continue;
      post_doc[fill[t]] = (uint32_t)i;
      post_w[fill[t]++] = docs[i]->w[k];
    }
  }
  st = SC_OK;
  for (sb.first = 0; sb.first < bands && st == SC_OK; sb.first += per_round) {
    const size_t in_round = bands - sb.first < per_round ? bands - sb.first : per_round;
    st = sc_parallel_for(in_round, 1, sc_threads_for(workers, in_round), band_range, &sb);
    for (size_t k = 0; k < in_round && st == SC_OK; k++) {
      size_t i0;
      const size_t ni = band_rows(&sb, sb.first + k, &i0);
      st = fn(user, i0, ni, i0, n - i0, sb.block[k]);
    }
  }
done:
  for (size_t k = 0; sb.block && k < per_round; k++) sc__free(sb.block[k]);
  sc__free(sb.block);
  sc__free(start);
  sc__free(post_doc);
  sc__free(post_w);
  sc__free(fill);
  return st;
}

static sc_status cosine_dense(sc_doc *const *docs, size_t n, const uint32_t *df, size_t vocab,
                              sc_cosine_block_fn fn, void *user) {
  uint32_t *column = sc__mallocarray(vocab ? vocab : 1, sizeof(uint32_t));
  SC_CHECK(!column, SC_E_NOMEM);
  size_t ncol = 0;
  for (size_t t = 0; t < vocab; t++) column[t] = df[t] >= 2 ? (uint32_t)ncol++ : UINT32_MAX;
  const size_t b = SC_COSINE_BLOCK;
  const size_t cols = ncol ? ncol : 1;  /* sgemm wants k >= 1 */
  float *bi = sc__mallocarray(b * cols, sizeof(float));
  float *bj = sc__mallocarray(b * cols, sizeof(float));
  float *out = sc__mallocarray(b * b, sizeof(float));
  sc_status st = SC_E_NOMEM;
  if (!bi || !bj || !out) goto done;
  st = SC_OK;
  for (size_t i0 = 0; i0 < n && st == SC_OK; i0 += b) {
    const size_t ni = n - i0 < b ? n - i0 : b;
    fill_block(docs, i0, ni, column, cols, bi);
    for (size_t j0 = i0; j0 < n && st == SC_OK; j0 += b) {
      const size_t nj = n - j0 < b ? n - j0 : b;
      const float *rows_j = bi;
      if (j0 != i0) {
        fill_block(docs, j0, nj, column, cols, bj);
        rows_j = bj;
      }
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)ni, (int)nj, (int)cols, 1.0f, bi,
                  (int)cols, rows_j, (int)cols, 0.0f, out, (int)nj);
      st = fn(user, i0, ni, j0, nj, out);
    }
  }
done:
  sc__free(column);
  sc__free(bi);
  sc__free(bj);
  sc__free(out);
  return st;
}

sc_status sc_cosine_blocks(sc_doc *const *docs, size_t n, const uint32_t *df, size_t vocab, sc_cosine_mode mode,
                           unsigned threads, sc_cosine_block_fn fn, void *user) {
  if (mode == SC_COSINE_AUTO) {
    double sparse_ops = 0, columns = 0;
    for (size_t t = 0; t < vocab; t++) {
      if (df[t] < 2) continue;
      sparse_ops += 0.5 * (double)df[t] * (double)df[t];
      columns++;
    }
    /* sgemm does about 2 flops per multiply-add and streams; a scattered
     * sparse multiply-add costs about as much as 16 of them. */
    const double dense_ops = (double)n * (double)n * columns;
    mode = sparse_ops * 16 < dense_ops ? SC_COSINE_SPARSE : SC_COSINE_DENSE;
  }
  return mode == SC_COSINE_SPARSE ? cosine_sparse(docs, n, df, vocab, threads, fn, user)
                                  : cosine_dense(docs, n, df, vocab, fn, user);
}
