/*
 * table.c: the terminal report: an N x N grid of one metric (up to a dozen
 * documents, as many as fit the width; a line says why when there is none), a legend of short labels, and the
 * pairs by score with their verdicts and the figures behind them.
 */
#include <string.h>
#include <utf8proc.h>

#include "report.h"

/* Labels are at most LABEL_MAX terminal columns (of up to 4 bytes each);
 * grid cells are CELL_W columns, wider when a label needs it. */
enum { LABEL_MAX = 8, LABEL_BYTES = 4 * LABEL_MAX + 1, CELL_W = 7, GRID_MAX_DOCS = 12 };

typedef char label[LABEL_BYTES];

static const char *basename_of(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash && slash[1] ? slash + 1 : path;
}

/* Terminal columns of the UTF-8 text @p s (labels are valid UTF-8). */
static int text_cols(const char *s) {
  int cols = 0;
  utf8proc_int32_t cp;
  for (utf8proc_ssize_t n; *s && (n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp)) > 0; s += n)
    cols += utf8proc_charwidth(cp);
  return cols;
}

/* Prints @p s padded with spaces to @p cols columns, on the left if @p right. */
static void put_padded(FILE *out, const char *s, int cols, int right) {
  const int pad = cols - text_cols(s);
  if (right) fprintf(out, "%*s", pad > 0 ? pad : 0, "");
  fputs(s, out);
  if (!right) fprintf(out, "%*s", pad > 0 ? pad : 0, "");
}

/* Candidate label: the file name up to the first '_', ' ' or '.', cut to
 * LABEL_MAX columns at a character's end; or all of it up to the extension
 * if @p whole. A name that is not valid UTF-8 there gives no label. */
static void make_label(const char *name, int whole, label out) {
  const char *b = basename_of(name);
  size_t n = 0;
  int cols = 0;
  utf8proc_int32_t cp;
  for (utf8proc_ssize_t len; b[n] && (len = utf8proc_iterate((const utf8proc_uint8_t *)b + n, -1, &cp)) > 0;) {
    if (cp == '.' || (!whole && (cp == '_' || cp == ' '))) break;
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) break;  /* no control character in the grid */
    const int w = utf8proc_charwidth(cp);
    if (cols + w > LABEL_MAX) break;
    cols += w;
    n += (size_t)len;
  }
  if (b[n] && utf8proc_iterate((const utf8proc_uint8_t *)b + n, -1, &cp) < 0) n = 0;
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

/* Grid cell width: CELL_W, or one more than the widest label. */
static int cell_width(label *l, size_t n) {
  int w = CELL_W;
  for (size_t i = 0; i < n; i++)
    if (text_cols(l[i]) + 1 > w) w = text_cols(l[i]) + 1;
  return w;
}

static void print_grid(FILE *out, const sc_pair *p, size_t np, label *l, size_t n, sc_metric m) {
  /* Values default to "not listed" (filtered out by --top / --min-score). */
  const int cw = cell_width(l, n);
  fprintf(out, "%-*s", LABEL_MAX + 2, sc_metric_name(m));
  for (size_t j = 0; j < n; j++) put_padded(out, l[j], cw, 1);
  fputc('\n', out);
  for (size_t i = 0; i < n; i++) {
    fputs("  ", out);
    put_padded(out, l[i], LABEL_MAX, 0);
    for (size_t j = 0; j < n; j++) {
      if (i == j) {
        fprintf(out, "%*s", cw, "-");
        continue;
      }
      const sc_pair *hit = NULL;
      for (size_t k = 0; k < np && !hit; k++)
        if ((p[k].a == i && p[k].b == j) || (p[k].a == j && p[k].b == i)) hit = &p[k];
      if (!hit) {
        fprintf(out, "%*s", cw, ".");
        continue;
      }
      /* Directed metrics read from the row's document. */
      double v = sc_pair_metric(hit, m);
      if (hit->a != i && m == SC_METRIC_CONTAINMENT_AB) v = hit->containment_ba;
      if (hit->a != i && m == SC_METRIC_CONTAINMENT_BA) v = hit->containment_ab;
      fprintf(out, "%*.2f", cw, v);
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
  SC_CHECK((unsigned)ro->metric >= SC_METRIC_COUNT, SC_E_INVALID_ARG);
  for (size_t k = 0; k < np; k++) SC_CHECK(p[k].a >= n || p[k].b >= n, SC_E_INVALID_ARG);  /* labels by id */
  label *l = sc__calloc(n ? n : 1, sizeof(label));
  SC_CHECK(!l, SC_E_NOMEM);
  sc_status st = make_labels(c, l, n);
  if (st != SC_OK) goto done;
  const unsigned width = ro->width ? ro->width : 100;
  const int grid = n >= 2 && n <= GRID_MAX_DOCS && LABEL_MAX + 2 + n * (size_t)cell_width(l, n) <= width;

  fprintf(out, "%zu documents, %zu pair%s listed\n", n, np, sc_plural(np));
  print_tally(out, p, np);
  fputc('\n', out);
  if (grid) print_grid(out, p, np, l, n, ro->metric);
  else if (n > GRID_MAX_DOCS)
    fprintf(out, "(no grid of %s: %zu documents, more than the %d it shows)\n\n", sc_metric_name(ro->metric), n,
            GRID_MAX_DOCS);
  else if (n >= 2)
    fprintf(out, "(no grid of %s: it needs %zu columns, the output has %u)\n\n", sc_metric_name(ro->metric),
            LABEL_MAX + 2 + n * (size_t)cell_width(l, n), width);

  /* Label columns as wide as the widest label, so that short names leave
   * room for the figures within the width. */
  int lw = 1;
  for (size_t i = 0; i < n; i++)
    if (text_cols(l[i]) > lw) lw = text_cols(l[i]);
  const size_t max_docs = ro->max_rows && n > ro->max_rows ? ro->max_rows : n;
  fputs("Documents\n", out);
  int cut = 0;
  for (uint32_t i = 0; i < max_docs; i++) {
    sc_doc_info d;
    if ((st = sc_corpus_doc_info(c, i, &d)) != SC_OK) goto done;
    char counts[64];
    const int cw = snprintf(counts, sizeof counts, " %6zu word%-1s %4zu sentence%-1s  ", d.words,
                            sc_plural(d.words), d.sentences, sc_plural(d.sentences));
    fputs("  ", out);
    put_padded(out, l[i], lw, 0);
    fputs(counts, out);
    const unsigned used = 2 + (unsigned)lw + (unsigned)cw;
    cut |= sc_terminal_fit(out, d.name, width > used ? width - used : 0);
    fputc('\n', out);
  }
  if (max_docs < n) fprintf(out, "  ... and %zu more documents\n", n - max_docs);
  if (cut) fputs("  (long names shown by their ends; whole: --format csv)\n", out);
  fputc('\n', out);
  if (np == 0) {
    fputs("No pairs to list.\n", out);
    goto done;
  }
  const size_t shown = ro->max_rows && np > ro->max_rows ? ro->max_rows : np;
  int vw = 7;  /* "verdict" */
  for (size_t k = 0; k < shown; k++) {
    char verdict[32];
    sc_verdict_text(&p[k], verdict, sizeof verdict);
    if ((int)strlen(verdict) > vw) vw = (int)strlen(verdict);
  }
  /* The figures that fit the width, in this order, 8 columns each. */
  static const char *const fig_names[] = {"jaccard", "cosine", "rewrite", "cont_ab", "cont_ba"};
  enum { N_FIGS = 5, FIG_W = 8 };
  const unsigned fixed = 2 + 2 * (unsigned)lw + 2 + 5 + 2 + (unsigned)vw;
  const size_t nfig = width > fixed ? ((width - fixed) / FIG_W < N_FIGS ? (width - fixed) / FIG_W : N_FIGS) : 0;
  fputs("Pairs by score\n  ", out);
  put_padded(out, "a", lw, 0);
  fputc(' ', out);
  put_padded(out, "b", lw, 0);
  fprintf(out, " %5s  %-*s", "score", vw, "verdict");
  for (size_t f = 0; f < nfig; f++) fprintf(out, " %7s", fig_names[f]);
  fputc('\n', out);
  for (size_t k = 0; k < shown; k++) {
    char verdict[32];
    sc_verdict_text(&p[k], verdict, sizeof verdict);
    fputs("  ", out);
    put_padded(out, l[p[k].a], lw, 0);
    fputc(' ', out);
    put_padded(out, l[p[k].b], lw, 0);
    fprintf(out, " %5.3f  %-*s", p[k].score, vw, verdict);
    const double fig[N_FIGS] = {p[k].jaccard, p[k].cosine, p[k].rewrite, p[k].containment_ab, p[k].containment_ba};
    for (size_t f = 0; f < nfig; f++) fprintf(out, " %7.3f", fig[f]);
    fputc('\n', out);
  }
  if (shown < np)
    fprintf(out, "  ... and %zu more pairs scoring %.3f or less (all: --format csv)\n", np - shown, p[shown].score);
  if (nfig < N_FIGS)
    fprintf(out, "  (%zu of %d figures fit %u columns; all: --format csv)\n", nfig, N_FIGS, width);
done:
  sc__free(l);
  return st;
}
