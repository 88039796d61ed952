/*
 * htmltext.h: the visible text of an HTML document, with an offset map
 * back to the markup, so that normalization, passages and sentence
 * offsets still point into the original file.
 *
 * Not a full HTML parser: it drops tags (quoted attribute values may hold
 * '>'), comments, declarations and processing instructions, and the
 * contents of script, style, template and noscript; it decodes character
 * references (numeric, and the named ones news and web pages use: the
 * Latin-1 set, typographic quotes and dashes, markup characters); block
 * elements (p, div, headings, list items, table rows, br, ...) become line
 * breaks so that a heading or a list item is a sentence of its own, while
 * inline ones (a, b, em, span) vanish without a space: "wo<b>rd</b>" is one
 * word. White space collapses as a browser shows it: a run is one space, a
 * block leaves one blank line, nothing leads. A similarity tool needs the
 * words in reading order, not the tree.
 */
#ifndef SC_HTMLTEXT_H
#define SC_HTMLTEXT_H

#include "common/sc_internal.h"
#include "normalize.h"
#include "simcheck.h"

/** Does @p s look like an HTML document? After leading whitespace (and a
 *  UTF-8 byte order mark) it starts with '<' and its first 4 KiB hold
 *  "<html", "<body", "<head", "<!doctype html", "<p>", "<p ", "<div" or
 *  "<br" in any case. Plain text that merely mentions a tag does not start
 *  with one. */
int sc_looks_like_html(const char *s, size_t len);

/** The visible text of @p len bytes of HTML at @p s: *out (NUL-terminated,
 *  *out_len bytes) and *map, where (*map)[i] is the source offset of the
 *  markup that made byte i, and (*map)[*out_len] = len. Both are freed by
 *  the caller (sc__free).
 *  @return SC_OK, SC_E_NOMEM, SC_E_TOO_LARGE. */
sc_status sc_html_visible(const char *s, size_t len, char **out, uint32_t **map, size_t *out_len);

/** Normalizes a document's text (normalize.h), reading it as HTML first
 *  when @p mode says so (SC_HTML_AUTO: when sc_looks_like_html); the offset
 *  map, when @p with_map, points into @p s either way. *was_html (may be
 *  NULL) tells whether it was read as HTML.
 *  @return as sc_normalize, or SC_E_NOMEM. */
sc_status sc_normalize_document(const char *s, size_t len, sc_html_mode mode, int with_map, sc_normtext *out,
                                int *was_html);

/** sc_normalize_text_reuse (normalize.h) of a document, through its
 *  visible text when @p mode says it is HTML: the sketch path's.
 *  @return as sc_normalize_text_reuse. */
sc_status sc_normalize_document_reuse(const char *s, size_t len, sc_html_mode mode, sc_normtext *out);

#endif
