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

/* Writes @p s as a JSON string literal (quotes included). */
void sc_json_string(FILE *out, const char *s);

/* Writes @p s as a CSV field, quoted when it holds , " CR or LF. */
void sc_csv_field(FILE *out, const char *s);

/* Verdict as a reader sees it, with direction for contains and the summary
 * note for rewrites ("contains (b in a)", "rewrite (summary)"). */
void sc_verdict_text(const sc_pair *p, char *buf, size_t cap);

#endif
