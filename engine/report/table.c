/*
 * table.c: the terminal report: an N x N grid of one metric (up to a dozen
 * documents, or as many as fit the width), a legend of short labels, and the
 * pairs by score with their verdicts and the figures behind them.
 */
#include <string.h>

#include "report.h"

enum { LABEL_MAX = 8, CELL_W = 7, GRID_MAX_DOCS = 12 };

typedef char label[LABEL_MAX + 1];

static const char *basename_of(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash && slash[1] ? slash + 1 : path;
}

/* Candidate label: the file name up to the first '_', ' ' or '.', cut to
 * LABEL_MAX; or all of it up to the extension if @p whole. */
static void make_label(const char *name, int whole, label out) {
  const char *b = basename_of(name);
  size_t n = 0;
  while (b[n] && n < LABEL_MAX && b[n] != '.' && (whole || (b[n] != '_' && b[n] != ' '))) n++;
  memcpy(out, b, n);
  out[n] = '\0';
}

static int labels_unique(label *l, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (!l[i][0]) return 0;
    for (size_t j = i + 1; j < n; j++)
      if (strcmp(l[i], l[j]) == 0) return 0;
  }
  return 1;
}

static sc_status make_labels(const sc_corpus *c, label *l, size_t n) {
  for (int whole = 0; whole < 2; whole++) {
    for (uint32_t i = 0; i < n; i++) {
      sc_doc_info d;
      SC_TRY(sc_corpus_doc_info(c, i, &d));
      make_label(d.name, whole, l[i]);
    }
    if (labels_unique(l, n)) return SC_OK;
  }
  for (size_t i = 0; i < n; i++) snprintf(l[i], sizeof(label), "#%u", (unsigned)((i + 1) % 10000000));
  return SC_OK;
}

static void print_grid(FILE *out, const sc_pair *p, size_t np, label *l, size_t n, sc_metric m) {
  /* Values default to "not listed" (filtered out by --top / --min-score). */
  fprintf(out, "%-*s", LABEL_MAX + 2, sc_metric_name(m));
  for (size_t j = 0; j < n; j++) fprintf(out, "%*s", CELL_W, l[j]);
  fputc('\n', out);
  for (size_t i = 0; i < n; i++) {
    fprintf(out, "  %-*s", LABEL_MAX, l[i]);
    for (size_t j = 0; j < n; j++) {
      if (i == j) {
        fprintf(out, "%*s", CELL_W, "-");
        continue;
      }
      const sc_pair *hit = NULL;
      for (size_t k = 0; k < np && !hit; k++)
        if ((p[k].a == i && p[k].b == j) || (p[k].a == j && p[k].b == i)) hit = &p[k];
      if (!hit) {
        fprintf(out, "%*s", CELL_W, ".");
        continue;
      }
      /* Directed metrics read from the row's document. */
      double v = sc_pair_metric(hit, m);
      if (hit->a != i && m == SC_METRIC_CONTAINMENT_AB) v = hit->containment_ba;
      if (hit->a != i && m == SC_METRIC_CONTAINMENT_BA) v = hit->containment_ab;
      fprintf(out, "%*.2f", CELL_W, v);
    }
    fputc('\n', out);
  }
  fprintf(out, "  (%s: %s", sc_metric_name(m), sc_metric_help(m));
  if (m == SC_METRIC_CONTAINMENT_AB || m == SC_METRIC_CONTAINMENT_BA) fputs("; row = a", out);
  fputs(")\n\n", out);
}

/* One line counting the listed pairs by verdict, strongest first: what a
 * corpus holds at a glance, before lists too long to read. */
static void print_tally(FILE *out, const sc_pair *p, size_t np) {
  size_t count[SC_VERDICT_DUPLICATE + 1] = {0};
  for (size_t k = 0; k < np; k++) count[p[k].verdict]++;
  const char *sep = "";
  for (int v = SC_VERDICT_DUPLICATE; v >= 0; v--) {
    if (!count[v]) continue;
    fprintf(out, "%s%zu %s", *sep ? sep : "verdicts: ", count[v], sc_verdict_name((sc_verdict)v));
    sep = ", ";
  }
  if (*sep) fputc('\n', out);
}

sc_status sc_report_table(FILE *out, const sc_corpus *c, const sc_pair *p, size_t np,
                          const sc_report_options *ro) {
  const size_t n = sc_corpus_size(c);
  label *l = sc__calloc(n ? n : 1, sizeof(label));
  SC_CHECK(!l, SC_E_NOMEM);
  sc_status st = make_labels(c, l, n);
  if (st != SC_OK) goto done;
  const unsigned width = ro->width ? ro->width : 100;
  const int grid = n >= 2 && n <= GRID_MAX_DOCS && LABEL_MAX + 2 + n * CELL_W <= width;

  fprintf(out, "%zu documents, %zu pair%s listed\n", n, np, sc_plural(np));
  print_tally(out, p, np);
  fputc('\n', out);
  if (grid) print_grid(out, p, np, l, n, ro->metric);

  const size_t max_docs = ro->max_rows && n > ro->max_rows ? ro->max_rows : n;
  fputs("Documents\n", out);
  for (uint32_t i = 0; i < max_docs; i++) {
    sc_doc_info d;
    if ((st = sc_corpus_doc_info(c, i, &d)) != SC_OK) goto done;
    fprintf(out, "  %-*s %6zu word%-1s %4zu sentence%-1s  %s\n", LABEL_MAX, l[i], d.words, sc_plural(d.words),
            d.sentences, sc_plural(d.sentences), d.name);
  }
  if (max_docs < n) fprintf(out, "  ... and %zu more documents\n", n - max_docs);
  fputc('\n', out);
  if (np == 0) {
    fputs("No pairs to list.\n", out);
    goto done;
  }
  fprintf(out, "Pairs by score\n  %-*s %-*s %5s  %-19s %7s %7s %7s %7s %7s\n", LABEL_MAX, "a", LABEL_MAX, "b",
          "score", "verdict", "jaccard", "cont_ab", "cont_ba", "cosine", "rewrite");
  const size_t shown = ro->max_rows && np > ro->max_rows ? ro->max_rows : np;
  for (size_t k = 0; k < shown; k++) {
    char verdict[32];
    sc_verdict_text(&p[k], verdict, sizeof verdict);
    fprintf(out, "  %-*s %-*s %5.3f  %-19s %7.3f %7.3f %7.3f %7.3f %7.3f\n", LABEL_MAX, l[p[k].a], LABEL_MAX,
            l[p[k].b], p[k].score, verdict, p[k].jaccard, p[k].containment_ab, p[k].containment_ba, p[k].cosine,
            p[k].rewrite);
  }
  if (shown < np)
    fprintf(out, "  ... and %zu more pairs scoring %.3f or less (all of them: --format csv, or redirect the output)\n",
            np - shown, p[shown].score);
done:
  sc__free(l);
  return st;
}
