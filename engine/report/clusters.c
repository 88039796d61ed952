/*
 * clusters.c: the clusters found by sc_dedup as a list, CSV, JSON or one
 * self-contained HTML page (`simcheck cluster`).
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const char cluster_css[] =
    "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2rem auto;max-width:60rem;"
    "padding:0 1rem;color:#1f2430;background:#f6f7f9}h1{font-size:1.6rem;margin:0}p.sub{color:#5b6270;"
    "margin:.2rem 0 1.5rem}section{background:#fff;border:1px solid #e3e6ea;border-radius:10px;padding:1rem "
    "1.2rem;margin:0 0 1rem}h2{font-size:1.05rem;margin:0 0 .5rem}table{border-collapse:collapse;width:100%}"
    "td,th{text-align:left;padding:.25rem .5rem;border-top:1px solid #eef0f3;font-variant-numeric:"
    "tabular-nums}th{color:#5b6270;font-weight:600;border-top:0}td.n{width:16rem;white-space:nowrap}.rep{font-weight:600}"
    ".tag{display:inline-block;font-size:.75rem;padding:0 .45rem;border-radius:999px;background:#e8ecf6;"
    "color:#3b4a7a;margin-left:.4rem}.bar{display:inline-block;height:.5rem;background:#e2593b;"
    "border-radius:3px;vertical-align:middle;margin-right:.4rem}";

sc_status sc_report_clusters(FILE *out, const sc_dedup *d, const sc_report_options *ro) {
  SC_CHECK(!out || !d || !ro, SC_E_INVALID_ARG);
  const sc_format format = ro->format;
  SC_CHECK(format != SC_FORMAT_TABLE && format != SC_FORMAT_CSV && format != SC_FORMAT_JSON && format != SC_FORMAT_HTML,
           SC_E_INVALID_ARG);
  sc_dedup_stats st;
  SC_TRY(sc_dedup_get_stats(d, &st));
  const size_t n = sc_dedup_size(d);
  if (n) {
    sc_dedup_doc probe;
    SC_TRY(sc_dedup_doc_info(d, 0, &probe));  /* SC_E_STATE before run */
  }
  /* Members grouped by cluster number: counting sort of the clustered ids. */
  const size_t nc = st.clusters;
  size_t *start = sc__calloc(nc + 2, sizeof(size_t));
  uint32_t *order = sc__mallocarray(n ? n : 1, sizeof(uint32_t));
  if (!start || !order) {
    sc__free(start);
    sc__free(order);
    return SC_E_NOMEM;
  }
  for (uint32_t i = 0; i < n; i++) {
    sc_dedup_doc x;
    sc_dedup_doc_info(d, i, &x);
    if (x.cluster) start[x.cluster + 1]++;
  }
  for (size_t c = 1; c <= nc + 1; c++) start[c] += start[c - 1];
  for (uint32_t i = 0; i < n; i++) {
    sc_dedup_doc x;
    sc_dedup_doc_info(d, i, &x);
    if (x.cluster) order[start[x.cluster]++] = i;
  }
  /* start[c] is now the end of cluster c, which begins at start[c - 1]. */

  if (format == SC_FORMAT_CSV) fputs("id,cluster,size,representative\n", out);
  if (format == SC_FORMAT_JSON) fputs("{\"clusters\": [", out);
  if (format == SC_FORMAT_HTML) {
    fprintf(out,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            "<title>simcheck clusters</title><style>%s</style></head><body>\n<h1>Near-duplicate clusters</h1>\n"
            "<p class=\"sub\">%zu document%s &middot; %zu cluster%s of two or more &middot; %zu would be removed "
            "(%zu exact cop%s) &middot; LSH %u bands &times; %u rows</p>\n",
            cluster_css, st.documents, sc_plural(st.documents), nc, sc_plural(nc), st.removed, st.exact_duplicates,
            st.exact_duplicates == 1 ? "y" : "ies", st.bands, st.rows);
    if (nc == 0) fputs("<section><p>No two documents reach the threshold.</p></section>\n", out);
  }
  /* A table stops at max_rows clusters; the other formats list them all. */
  const unsigned width = ro->width ? ro->width : 100;
  const size_t listed = format == SC_FORMAT_TABLE && ro->max_rows && nc > ro->max_rows ? ro->max_rows : nc;
  size_t k = 0;
  for (size_t c = 1; c <= listed; c++) {
    const size_t end = start[c];
    sc_dedup_doc first, rep;
    sc_dedup_doc_info(d, order[k], &first);
    sc_dedup_doc_info(d, first.representative, &rep);
    switch (format) {
      case SC_FORMAT_TABLE:
        {
          const int used = fprintf(out, "cluster %zu: %u documents, representative ", c, first.cluster_size);
          sc_terminal_fit(out, rep.name, width > (unsigned)used ? width - (unsigned)used : 0);
          fputc('\n', out);
        }
        break;
      case SC_FORMAT_JSON:
        fprintf(out, "%s\n  {\"cluster\": %zu, \"size\": %u, \"representative\": ", c > 1 ? "," : "", c,
                first.cluster_size);
        sc_json_string(out, rep.name);
        fputs(", \"members\": [", out);
        break;
      case SC_FORMAT_HTML:
        fprintf(out, "<section><h2>Cluster %zu <span class=\"tag\">%u documents</span></h2><table>"
                     "<tr><th>document</th><th>similarity to the kept one</th></tr>\n",
                c, first.cluster_size);
        break;
      default:
        break;
    }
    for (size_t m = 0; k < end; k++, m++) {
      sc_dedup_doc x;
      sc_dedup_doc_info(d, order[k], &x);
      const int kept = x.representative == order[k];
      switch (format) {
        case SC_FORMAT_CSV:
          sc_csv_field(out, x.name);
          fprintf(out, ",%zu,%u,", c, x.cluster_size);
          sc_csv_field(out, rep.name);
          fputc('\n', out);
          break;
        case SC_FORMAT_JSON:
          fputs(m ? ", {\"id\": " : "{\"id\": ", out);
          sc_json_string(out, x.name);
          fprintf(out, ", \"kept\": %s, \"similarity\": %.4f, \"exact\": %s}", kept ? "true" : "false",
                  x.similarity, x.exact_duplicate ? "true" : "false");
          break;
        case SC_FORMAT_HTML:
          fprintf(out, "<tr><td%s>", kept ? " class=\"rep\"" : "");
          sc_html_text(out, x.name);
          fprintf(out, "%s</td><td class=\"n\"><span class=\"bar\" style=\"width:%.1fem\"></span>%.3f%s</td></tr>\n",
                  kept ? "<span class=\"tag\">kept</span>" : "", 4.0 * x.similarity, x.similarity,
                  x.exact_duplicate ? " (same text)" : "");
          break;
        default:
          char tail[48];
          const int tw = snprintf(tail, sizeof tail, "  (similarity %.3f%s)", x.similarity,
                                  x.exact_duplicate ? ", same text" : "");
          fprintf(out, "  %s ", kept ? "*" : " ");
          sc_terminal_fit(out, x.name, width > 4 + (unsigned)tw ? width - 4 - (unsigned)tw : 0);
          fprintf(out, "%s\n", tail);
      }
    }
    if (format == SC_FORMAT_JSON) fputs("]}", out);
    if (format == SC_FORMAT_HTML) fputs("</table></section>\n", out);
  }
  if (format == SC_FORMAT_JSON) fputs(nc ? "\n]}\n" : "]}\n", out);
  if (format == SC_FORMAT_HTML) fputs("</body></html>\n", out);
  if (format == SC_FORMAT_TABLE && nc == 0) fputs("No clusters: no two documents reach the threshold.\n", out);
  if (listed < nc)
    fprintf(out, "... and %zu more clusters (all of them: --format csv, or redirect the output)\n", nc - listed);
  sc__free(start);
  sc__free(order);
  return fflush(out) != 0 || ferror(out) ? SC_E_IO : SC_OK;
}
