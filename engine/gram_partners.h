/*
 * gram_partners.h: character n-gram cosines from posting lists: each
 * document's best partners, the second candidate source of top-K pair
 * lists, and the exact cosines of all-pairs lists.
 *
 * Top-K lists score only each document's best candidates fully, and word
 * TF-IDF cosine picks those well when two texts share words. Rewrites that
 * share spelling more than whole words ("Thou sellest thy people for
 * nought" / "You sell your people for nothing") fall out of the word
 * candidates: on the verse development task 9 true pairs did, and 7 of them
 * rank first by character n-gram cosine.
 *
 * The dot products come from posting lists of the n-grams found in at most
 * max_df documents: a frequent n-gram ("the ", " and") weighs little in a
 * cosine but costs df^2 multiply-adds, so leaving those out keeps the work
 * near linear. In a scikit-learn simulation on the verse task (character
 * 3-5-gram TF-IDF restricted to n-grams in at most max_df documents), the
 * 9 true partners the word candidates missed ranked 3, 8, 2, 3, 1, 1, 1, 1,
 * 1 among 2,000 with max_df = n / 64 and the true partner of 99.9% of all
 * queries was among the 28 best; a larger max_df (n / 16) found no more.
 */
#ifndef SC_GRAM_PARTNERS_H
#define SC_GRAM_PARTNERS_H

#include "chargram.h"
#include "doc.h"
#include "topk.h"

/** Fills partners[i * per_doc, +per_doc) with the documents of highest
 *  approximate character n-gram dot product with document i (descending,
 *  ties by lower id; UINT32_MAX where there are fewer), from the shared
 *  n-grams of @p n weighed documents whose df in @p df is at most
 *  @p max_df. Documents are processed on @p threads workers; the result
 *  does not depend on their number.
 *  @return SC_OK or SC_E_NOMEM. */
sc_status sc_gram_partners(sc_doc *const *docs, size_t n, const sc_gramdf *df, uint32_t max_df, size_t per_doc,
                           unsigned threads, uint32_t *partners);

/** Character n-gram cosine of each candidate pair, for all-pairs lists:
 *  chars[k] is sc_cosine_chars of cand[k] (bit for bit), computed from
 *  posting lists of every shared n-gram rather than one merge of two
 *  n-gram lists per pair. Each candidate has a < b < n.
 *  A merge costs the two lists' length for every pair, an accumulation
 *  only the n-grams the pair shares: on 500 license-text documents
 *  (125,000 pairs) the merges were half of `simcheck matrix`.
 *  @return SC_OK, SC_E_NOMEM or SC_E_TOO_LARGE. */
sc_status sc_gram_cosines(sc_doc *const *docs, size_t n, const sc_gramdf *df, const sc_scored *cand, size_t n_cand,
                          unsigned threads, double *chars);

/** The same cosines for top-K lists, a few candidates per document: each
 *  row's n-grams scattered once into a dense array over the table's slots
 *  (one per worker, 4 bytes a slot), each candidate's gathered against it.
 *  Bit for bit sc_cosine_chars again; a gather reads one list where a
 *  merge walks two with a branch per step (the merges were a quarter of
 *  `simcheck matrix --top 10` on 10^4 documents).
 *  @return SC_OK, SC_E_NOMEM or SC_E_TOO_LARGE. */
sc_status sc_gram_cosines_scattered(sc_doc *const *docs, size_t n, const sc_gramdf *df, const sc_scored *cand,
                                    size_t n_cand, unsigned threads, double *chars);

#endif
