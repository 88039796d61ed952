/*
 * tokenize.h: words and sentences over normalized text (see normalize.h).
 *
 * A word is a maximal run of letters, digits and combining marks; an
 * apostrophe between two word characters stays inside ("ukraine's"), and so
 * do '.' and ',' between two digits ("3.8", "300,000"). Everything else
 * separates words. In scripts written without spaces (Han ideographs,
 * Hiragana, Katakana) every character is a word by itself. Spans are byte offsets into the normalized text; the
 * normtext's src[] maps them back to the original.
 *
 * A sentence ends at '.', '!' or '?' (with any closing quotes or brackets)
 * followed by a space (or by a Han or kana character) and not preceded by an
 * abbreviation or an initial, at an ideographic full stop, at a
 * paragraph break, and at a line break that starts a list item ("- ", "* ",
 * "1. ").
 */
#ifndef SC_TOKENIZE_H
#define SC_TOKENIZE_H

#include "common/sc_internal.h"
#include "normalize.h"

typedef struct sc_span {
  uint32_t start, end;     /* [start, end) in normalized text              */
} sc_span;

typedef struct sc_sentence {
  uint32_t first, last;    /* tokens [first, last)                         */
  uint32_t start, end;     /* [start, end) in normalized text              */
} sc_sentence;

typedef SC_VEC(sc_span) sc_span_vec;
typedef SC_VEC(sc_sentence) sc_sentence_vec;

/** Appends the words of @p t to @p words and, if @p sentences is not NULL,
 *  its sentences to @p sentences (sentences without words are dropped).
 *  @return SC_OK or SC_E_NOMEM (vectors keep what was appended). */
sc_status sc_tokenize(const sc_normtext *t, sc_span_vec *words,
                      sc_sentence_vec *sentences);

/** Appends to @p out the hash (sc_word_hash under @p secret) of every word
 *  of the normalized text @p text, in order: the words sc_tokenize finds,
 *  without their spans (sketches need no offsets).
 *  @return SC_OK or SC_E_NOMEM (@p out keeps what was appended). */
sc_status sc_word_hashes(const char *text, size_t len, const uint8_t *secret, sc_u64_vec *out);

#endif
