/*
 * json.c: `--format json`: the documents, the parameters (thresholds
 * included, the key only as "default" or "custom") and the pairs with every
 * figure.
 */
#include "report.h"

static void json_number(FILE *out, const char *key, double v, int comma) {
  fprintf(out, "\"%s\": %.6g%s", key, v, comma ? ", " : "");
}

sc_status sc_report_json(FILE *out, const sc_corpus *c, const sc_pair *p, size_t n,
                         const sc_report_options *ro) {
  sc_options o;
  int custom_key = 0;
  SC_TRY(sc_corpus_get_options(c, &o, &custom_key));
  fprintf(out, "{\n  \"simcheck\": \"%s\",\n", SC_VERSION_STRING);
  fprintf(out, "  \"parameters\": {\"shingle_k\": %u, \"num_perm\": %u, \"key\": \"%s\", ", o.shingle_k,
          o.num_perm, custom_key ? "custom" : "default");
  if (ro->pairs) fprintf(out, "\"top_k\": %u, \"min_score\": %g, ", ro->pairs->top_k, ro->pairs->min_score);
  fputs("\"thresholds\": {", out);
  json_number(out, "near_duplicate", o.th.near_duplicate, 1);
  json_number(out, "contains", o.th.contains, 1);
  json_number(out, "rewrite", o.th.rewrite, 1);
  json_number(out, "overlap_shingles", o.th.overlap_shingles, 1);
  json_number(out, "related", o.th.related, 0);
  fputs("}},\n  \"documents\": [", out);
  const size_t nd = sc_corpus_size(c);
  for (uint32_t i = 0; i < nd; i++) {
    sc_doc_info d;
    SC_TRY(sc_corpus_doc_info(c, i, &d));
    fprintf(out, "%s\n    {\"id\": %u, \"name\": ", i ? "," : "", i);
    sc_json_string(out, d.name);
    fprintf(out, ", \"bytes\": %zu, \"words\": %zu, \"sentences\": %zu, \"shingles\": %zu, "
                 "\"invalid_utf8\": %zu, \"digest\": \"",
            d.bytes, d.words, d.sentences, d.shingles, d.invalid_utf8);
    for (int k = 0; k < 32; k++) fprintf(out, "%02x", d.digest[k]);
    fputs("\"}", out);
  }
  fputs("\n  ],\n  \"pairs\": [", out);
  for (size_t i = 0; i < n; i++) {
    sc_doc_info da, db;
    SC_TRY(sc_corpus_doc_info(c, p[i].a, &da));
    SC_TRY(sc_corpus_doc_info(c, p[i].b, &db));
    fprintf(out, "%s\n    {\"a\": ", i ? "," : "");
    sc_json_string(out, da.name);
    fputs(", \"b\": ", out);
    sc_json_string(out, db.name);
    fprintf(out, ", \"a_id\": %u, \"b_id\": %u, \"verdict\": \"%s\", ", p[i].a, p[i].b,
            sc_verdict_name(p[i].verdict));
    for (unsigned m = 0; m < SC_METRIC_COUNT; m++)
      json_number(out, sc_metric_name((sc_metric)m), sc_pair_metric(&p[i], (sc_metric)m), 1);
    json_number(out, "coverage_ab", p[i].coverage_ab, 1);
    json_number(out, "coverage_ba", p[i].coverage_ba, 1);
    json_number(out, "order", p[i].order, 1);
    json_number(out, "extent", p[i].extent, 1);
    json_number(out, "compression", p[i].compression, 1);
    fprintf(out, "\"shared_shingles\": %u, \"summary\": %s, \"within\": %s}", p[i].shared_shingles,
            p[i].summary ? "true" : "false", p[i].within ? "true" : "false");
  }
  fputs("\n  ]\n}\n", out);
  return SC_OK;
}
