/*
 * normalize.h: text normalization with an offset map back to the source.
 *
 * Output is UTF-8 in NFKC with Unicode case folding, curly quotes folded to
 * ' and ", dashes to '-', default-ignorable code points dropped, and every
 * whitespace run folded to one character: '\n' if it held a line break
 * ("\n\n" if it held two or more: paragraph break), ' ' otherwise; leading
 * and trailing whitespace is dropped. Invalid UTF-8 becomes U+FFFD and is
 * counted. Pure ASCII runs take a fast path without utf8proc.
 */
#ifndef SC_NORMALIZE_H
#define SC_NORMALIZE_H

#include "common/sc_internal.h"

typedef struct sc_normtext {
  char *text;         /* normalized UTF-8, NUL-terminated                   */
  uint32_t *src;      /* src[i]: source offset of the code point that made
                         text[i]; src[len] = source length (sentinel)       */
  size_t len;         /* bytes in text, excluding the NUL                   */
  size_t invalid;     /* invalid UTF-8 sequences replaced                   */
  size_t cap;         /* bytes allocated for text                           */
} sc_normtext;

/** Normalizes @p len bytes at @p s into @p out (which the caller frees with
 *  sc_normtext_free).
 *  @return SC_OK, SC_E_NOMEM, SC_E_TOO_LARGE (len >= 4 GiB). */
sc_status sc_normalize(const char *s, size_t len, sc_normtext *out);

/** Same without the offset map (out->src is NULL): for sketches that never
 *  point back into the original, about a fifth less memory traffic. */
sc_status sc_normalize_text(const char *s, size_t len, sc_normtext *out);

/** sc_normalize_text into @p out's buffer, kept from its previous use
 *  (zero-initialize @p out before the first; free it with
 *  sc_normtext_free): a malloc and free per text, and the page faults of
 *  worker threads' heaps growing again, were a sixth of a 10^4-document
 *  dedup run's page faults.
 *  @return as sc_normalize_text (on failure @p out is freed). */
sc_status sc_normalize_text_reuse(const char *s, size_t len, sc_normtext *out);

void sc_normtext_free(sc_normtext *t);

/** The source offset where the text up to normalized position @p i ends
 *  (@p i exclusive, 0 < i <= t->len; t->src required): the end of the
 *  source character behind text[i - 1], not src[i], which lies past
 *  whatever normalization dropped after it (a closing tag in HTML, the
 *  trailing whitespace at the end). @p original is the source text. */
size_t sc_src_end(const sc_normtext *t, const char *original, size_t i);

#endif
