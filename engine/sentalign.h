/*
 * sentalign.h: sentence-level alignment of two documents, the evidence for
 * rewrites (paraphrase, summary) that share content but few word sequences.
 *
 * Every sentence of one document is matched to its best counterpart in the
 * other: a single sentence or a run of two or three consecutive sentences
 * (summaries fuse sentences), by cosine of TF-IDF content-term vectors.
 * (Averaging in the share of shared words per sentence gained 0.002-0.006
 * F1 on the development rewrites, more than doubled the chapter task's CPU
 * time (31.6 s against 14.3 s) and narrowed the sample corpus's rewrite
 * margin: left out.)
 * Coverage of a document is the information-weighted (sum of idf) share of
 * its sentences that found a counterpart, with a soft ramp between
 * SC_ALIGN_LOW and SC_ALIGN_HIGH cosine. Ordered coverage is the same share
 * under an order-preserving alignment that uses each sentence of the other
 * document at most once.
 */
#ifndef SC_SENTALIGN_H
#define SC_SENTALIGN_H

#include "doc.h"

#define SC_ALIGN_LOW 0.15
#define SC_ALIGN_HIGH 0.55

typedef struct sc_sentence_match {
  uint32_t sentence;   /* sentence index in the first document             */
  uint32_t first;      /* first matched sentence in the other document     */
  uint32_t span;       /* 1..3 consecutive sentences                       */
  float similarity;    /* cosine                                           */
} sc_sentence_match;

typedef struct sc_alignment {
  double coverage_ab;  /* share of a's content matched in b                */
  double coverage_ba;  /* share of b's content matched in a                */
  double ordered_ab;   /* share of a's content matched in b in order, each
                          sentence of b used once (<= coverage_ab)         */
  double ordered_ba;
} sc_alignment;

/** Aligns the sentences of @p a and @p b (both weighed with one IDF).
 *  If @p best_ab is not NULL it receives a.n_sent matches (a's sentences to
 *  b), likewise @p best_ba.
 *  @return SC_OK or SC_E_NOMEM. */
sc_status sc_align_sentences(const sc_doc *a, const sc_doc *b, sc_alignment *out,
                             sc_sentence_match *best_ab, sc_sentence_match *best_ba);

/* Pairs of up to this many sentence pairs hold their dot products in one
 * matrix (16 MB; one merge-join serves both directions, 20% faster on the
 * chapter task); larger ones compute them sentence by sentence from the
 * terms they share, in memory linear in the documents (two documents of
 * 48,000 and 4,800 sentences: 0.97 GB -> 0.20 GB). Same figures either way. */
#define SC_ALIGN_DENSE_MAX_CELLS ((size_t)1 << 22)

/** sc_align_sentences with the matrix limit given (for tests of both ways). */
sc_status sc_align_sentences_within(const sc_doc *a, const sc_doc *b, size_t dense_max_cells, sc_alignment *out,
                                    sc_sentence_match *best_ab, sc_sentence_match *best_ba);

#endif
