/*
 * chargram.h: character n-gram features (n = 3..5 bytes of normalized text,
 * punctuation folded to spaces), the second lexical view for rewrites. Old
 * and modern English spell the same stem differently ("saith"/"says",
 * "shew"/"show"); overlapping character n-grams still match most of such
 * words where whole-word terms do not.
 *
 * Features are 64-bit XXH3 hashes of the n-grams; a document keeps its
 * distinct hashes sorted with their counts. Corpus statistics (df) live in a
 * hash table keyed by the n-gram hash (sc_gramdf).
 */
#ifndef SC_CHARGRAM_H
#define SC_CHARGRAM_H

#include "common/sc_internal.h"
#include "tokenize.h"

enum { SC_GRAM_MIN = 3, SC_GRAM_MAX = 5 };

/** Writes the text the character view reads to @p out (room for the text's
 *  length): the @p n_words words of @p text (tokenize.h, spans into it) in
 *  order, one space between two words where anything separated them, so
 *  that punctuation, symbols and spaces read as one space and an
 *  apostrophe inside a word stays ("don't", "yahweh's"). Translators and
 *  editors choose the punctuation, not the content: "thirty-six" reads as
 *  "thirty six" and "horses, seven" as "horses seven".
 *  @return the bytes written. */
size_t sc_chargram_text(const char *text, const sc_span *words, size_t n_words, char *out);

/** Appends the n-gram hashes of @p len bytes of normalized @p text to
 *  @p out: every n in [SC_GRAM_MIN, SC_GRAM_MAX] at
 *  every byte that starts a UTF-8 character, as written (the text from
 *  sc_chargram_text has no line breaks left to read as spaces).
 *  @return SC_OK or SC_E_NOMEM. */
sc_status sc_chargrams(const char *text, size_t len, sc_u64_vec *out);

/* Document frequencies of n-gram hashes: open addressing, power-of-two
 * table at most half full. Thread-safety: single-owner. */
typedef struct sc_gramdf {
  uint64_t *keys;     /* 0 = empty slot (a real hash of 0 is remapped to 1) */
  uint32_t *df;
  size_t n, mask;
} sc_gramdf;

/** Adds one to the df of each of @p n distinct hashes. */
sc_status sc_gramdf_add(sc_gramdf *t, const uint64_t *h, size_t n);

/** @return the df of @p h (0 if unseen). */
uint32_t sc_gramdf_get(const sc_gramdf *t, uint64_t h);

/** @return the table slot of @p h, a dense id below mask + 1 whose df is
 *  t->df[slot], or SIZE_MAX if @p h is unseen. */
size_t sc_gramdf_slot(const sc_gramdf *t, uint64_t h);

void sc_gramdf_free(sc_gramdf *t);

#endif
