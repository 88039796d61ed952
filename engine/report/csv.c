/*
 * csv.c: `matrix --format csv`: one row per unordered pair, header
 * `a,b,score,verdict` then one column per metric (DESIGN.md's contract).
 */
#include "report.h"

sc_status sc_report_csv(FILE *out, const sc_corpus *c, const sc_pair *p, size_t n) {
  fputs("a,b,score,verdict", out);
  for (unsigned m = 1; m < SC_METRIC_COUNT; m++) fprintf(out, ",%s", sc_metric_name((sc_metric)m));
  fputc('\n', out);
  for (size_t i = 0; i < n; i++) {
    sc_doc_info da, db;
    SC_TRY(sc_corpus_doc_info(c, p[i].a, &da));
    SC_TRY(sc_corpus_doc_info(c, p[i].b, &db));
    sc_csv_field(out, da.name);
    fputc(',', out);
    sc_csv_field(out, db.name);
    fprintf(out, ",%.6f,%s", p[i].score, sc_verdict_name(p[i].verdict));
    for (unsigned m = 1; m < SC_METRIC_COUNT; m++) fprintf(out, ",%.6f", sc_pair_metric(&p[i], (sc_metric)m));
    fputc('\n', out);
  }
  return SC_OK;
}
