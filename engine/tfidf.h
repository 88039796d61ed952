/*
 * tfidf.h: TF-IDF weighting and all-pairs cosine.
 *
 * Weights are sublinear (1 + ln tf) times smoothed idf, ln((1 + N) / (1 +
 * df)) + 1 (the scikit-learn convention: a term in every document still
 * weighs 1), L2-normalized per document, so a dot product is a cosine.
 *
 * All-pairs cosine runs as dense blocks through cblas_sgemm. Only terms found
 * in two or more documents become columns: a term in one document adds
 * nothing to any dot product (it only lengthens that document's vector,
 * which the normalization already accounts for).
 */
#ifndef SC_TFIDF_H
#define SC_TFIDF_H

#include "doc.h"

/** @return smoothed idf of a term in @p df of @p n documents. */
float sc_idf(double df, double n);

/** Smoothed idf with the shipped background frequencies as a prior worth
 *  SC_BACKGROUND_WEIGHT documents: df' = df + W * bg_df / bg_docs, n' = n +
 *  W. A corpus of five documents is weighed mostly by general English, a
 *  corpus of thousands mostly by itself. W = 100 was the best of 10, 100 and
 *  1000 on the sample corpus (rewrite vs. shared-topic margin) and left
 *  verse retrieval on the development set unchanged; pooling the background
 *  chunks as plain documents (W = 13160) cost 3 points of P@1 there. */
float sc_idf_with_background(size_t df, size_t n, uint32_t bg_df);

#define SC_BACKGROUND_WEIGHT 100.0

/** @return the cosine of two weighed documents (sparse merge). */
double sc_cosine_sparse(const sc_doc *a, const sc_doc *b);

/** @return the character n-gram TF-IDF cosine of two weighed documents. */
double sc_cosine_chars(const sc_doc *a, const sc_doc *b);

/* Receives the cosines of rows [i0, i0+ni) against rows [j0, j0+nj), j0 >=
 * i0, as a row-major ni x nj block. Return SC_OK to go on. */
typedef sc_status (*sc_cosine_block_fn)(void *user, size_t i0, size_t ni, size_t j0, size_t nj,
                                        const float *block);

/* How all-pairs cosine is computed. Dense: blocks of rows scattered over
 * the shared-term columns and multiplied by cblas_sgemm, 2 n^2 C flops for
 * C columns, whatever the sparsity. Sparse: each row accumulated from the
 * posting lists of its terms, sum over terms of df^2 / 2 multiply-adds; far
 * less for short texts over a large vocabulary (verses: ~100x), but random
 * access. Auto picks by those two costs. */
typedef enum sc_cosine_mode { SC_COSINE_AUTO, SC_COSINE_DENSE, SC_COSINE_SPARSE } sc_cosine_mode;

/** Streams the upper block triangle of the n x n cosine matrix of @p docs
 *  (weighed, global term ids < @p vocab; @p df per term) to @p fn, blocks
 *  with j0 >= i0 (entries with j <= i inside a block are not meaningful),
 *  in the same order whatever @p threads (0: one per core; the sparse path
 *  computes bands of rows on them, the dense one leaves threads to BLAS).
 *  Memory: a few MB of blocks per thread.
 *  @return SC_OK, SC_E_NOMEM, or what @p fn returned. */
sc_status sc_cosine_blocks(sc_doc *const *docs, size_t n, const uint32_t *df, size_t vocab, sc_cosine_mode mode,
                           unsigned threads, sc_cosine_block_fn fn, void *user);

enum { SC_COSINE_BLOCK = 512 };

#endif
