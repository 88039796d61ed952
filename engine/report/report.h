/*
 * report.h: rendering pair lists. The report modules are the only engine
 * code that formats text; they write to a FILE * the caller owns and use the
 * corpus through the public API only.
 */
#ifndef SC_REPORT_H
#define SC_REPORT_H

#include "common/sc_internal.h"

sc_status sc_report_csv(FILE *out, const sc_corpus *c, const sc_pair *p, size_t n);
sc_status sc_report_json(FILE *out, const sc_corpus *c, const sc_pair *p, size_t n,
                         const sc_report_options *ro);
sc_status sc_report_table(FILE *out, const sc_corpus *c, const sc_pair *p, size_t n,
                          const sc_report_options *ro);

/* `--format html`: the pair list as one self-contained page (html.c); one
 * pair in detail for sc_report_compare. */
sc_status sc_report_html_compare(FILE *out, const sc_corpus *c, const sc_pair *p, const sc_pair_detail *d);

/* Writes the reasons for p's verdict, one per line, each prefixed by
 * @p indent: the test that held and the stronger tests that did not
 * (compare.c; the text, JSON and HTML reports share the wording). */
void sc_write_reasons(FILE *out, const sc_pair *p, const sc_thresholds *th, const sc_passage *ps, size_t nps,
                      const char *indent);

/* The plural ending after a count: "s" unless @p n is one. In a column,
 * "%-1s" pads the empty ending to the width of the "s". */
static inline const char *sc_plural(size_t n) { return n == 1 ? "" : "s"; }

/* Length of the well-formed UTF-8 character at @p u (@p left bytes
 * available, at least one), its code point in *@p cp when not NULL; 0 if
 * the bytes are ill-formed (overlong, a surrogate, truncated). utf8proc's
 * decoder, so every module reads UTF-8 by one rule. */
size_t sc_utf8_char(const unsigned char *u, size_t left, int32_t *cp);

/* Writes @p s as a JSON string literal (quotes included). */
void sc_json_string(FILE *out, const char *s);

/* Writes @p s as HTML text: markup characters escaped, each byte that is
 * not UTF-8 and each control character as U+FFFD, so that the page stays
 * valid whatever a file name holds. */
void sc_html_text(FILE *out, const char *s);

/* Writes @p n bytes of @p s for a terminal: each control character (C0,
 * DEL, C1; tabs and line breaks too) as '?', so that a file name or a text
 * cannot move the cursor, recolour or rewrite the screen. */
void sc_terminal_bytes(FILE *out, const char *s, size_t n);
void sc_terminal_text(FILE *out, const char *s);

/* Length in bytes of the character at @p s (@p left bytes, at least one)
 * and in *@p cols the terminal columns it takes as sc_terminal_bytes writes
 * it: a wide character two, a combining mark none, a control character
 * ('?') or a byte that is not UTF-8 one. */
size_t sc_terminal_char(const char *s, size_t left, unsigned *cols);

/* Terminal columns of @p n bytes of @p s, by sc_terminal_char. */
size_t sc_terminal_cols(const char *s, size_t n);

/* Writes @p s as sc_terminal_text does, in at most @p cols terminal
 * columns (16 at least): a longer name keeps its end, after "...", since
 * the end of a path names the file. Returns 1 if it cut @p s. */
int sc_terminal_fit(FILE *out, const char *s, unsigned cols);

/* Writes @p s as a CSV field, quoted when it holds , " CR or LF. */
void sc_csv_field(FILE *out, const char *s);

/* Verdict as a reader sees it, with direction for contains and the summary
 * note for rewrites ("contains (b in a)", "rewrite (summary)"). */
void sc_verdict_text(const sc_pair *p, char *buf, size_t cap);

#endif
