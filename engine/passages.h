/*
 * passages.h: matched passages between two texts: where they share wording.
 *
 * Seeds come from winnowed word 5-gram fingerprints (Schleimer, Wilkerson,
 * Aiken, "Winnowing: local algorithms for document fingerprinting", SIGMOD
 * 2003): with a window of 4 fingerprints, every shared run of at least
 * 4 + 5 - 1 = 8 words yields at least one common fingerprint. Each seed is
 * extended word by word in both directions to a maximal exact match; matches
 * that follow each other in both texts across a gap of at most
 * SC_PASSAGE_GAP words (an edited word, an insertion) merge into one
 * passage; passages shorter than the minimum are dropped.
 */
#ifndef SC_PASSAGES_H
#define SC_PASSAGES_H

#include "doc.h"

enum {
  SC_PASSAGE_K = 5,       /* words per fingerprinted gram              */
  SC_PASSAGE_WINDOW = 4,  /* winnowing window, in grams                */
  SC_PASSAGE_GAP = 4      /* words that may differ inside one passage  */
};

/** Finds the passages shared by the texts of @p a and @p b (re-tokenized
 *  from their original bytes) that hold at least @p min_words words on the
 *  longer side, sorted by a's offset.
 *  Ownership: *out is freed with sc__free.
 *  @return SC_OK or SC_E_NOMEM. */
sc_status sc_find_passages(const sc_doc *a, const sc_doc *b, const sc_keys *keys, uint32_t min_words,
                           sc_passage **out, size_t *n_out);

#endif
