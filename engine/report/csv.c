/*
 * csv.c: `matrix --format csv`: one row per unordered pair, header
 * `a,b,score,verdict` then one column per metric (DESIGN.md's contract),
 * then `note`: for a rewrite with a much shorter side, which side that is
 * and how it relates to the other ("a summarizes b", "b within a": the
 * table's "rewrite (summary)" and "rewrite (within)"), else empty.
 */
#include "report.h"

sc_status sc_report_csv(FILE *out, const sc_corpus *c, const sc_pair *p, size_t n) {
  fputs("a,b,score,verdict", out);
  for (unsigned m = 1; m < SC_METRIC_COUNT; m++) fprintf(out, ",%s", sc_metric_name((sc_metric)m));
  fputs(",note\n", out);
  for (size_t i = 0; i < n; i++) {
    sc_doc_info da, db;
    SC_TRY(sc_corpus_doc_info(c, p[i].a, &da));
    SC_TRY(sc_corpus_doc_info(c, p[i].b, &db));
    sc_csv_field(out, da.name);
    fputc(',', out);
    sc_csv_field(out, db.name);
    fprintf(out, ",%.6f,%s", p[i].score, sc_verdict_name(p[i].verdict));
    for (unsigned m = 1; m < SC_METRIC_COUNT; m++) fprintf(out, ",%.6f", sc_pair_metric(&p[i], (sc_metric)m));
    const int a_shorter = da.words < db.words;  /* the notes' side (sc_pair.summary) */
    if (p[i].summary) fputs(a_shorter ? ",a summarizes b\n" : ",b summarizes a\n", out);
    else if (p[i].within) fputs(a_shorter ? ",a within b\n" : ",b within a\n", out);
    else fputs(",\n", out);
  }
  return SC_OK;
}
