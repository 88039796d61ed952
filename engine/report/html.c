/*
 * html.c: `--format html`: one self-contained page (inline CSS and script,
 * no network: a Content-Security-Policy forbids any fetch) with a heatmap of
 * the pair scores drawn on a canvas, the clusters, the strongest pairs and,
 * for each of those, the two texts side by side with the shared passages
 * highlighted in matching colours, the verdict with its reasons and, for
 * rewrites, the aligned sentences.
 *
 * The C side writes data, the script (html_report.js) draws: one JSON block
 * in <script type="application/json"> holds every document name once, the
 * text of the documents that appear in a detail view once, the score grid as
 * base64 (2 bytes per unordered pair: value in 1/1000 plus verdict << 10,
 * 0xFFFF when the pair is not listed) and the detail pairs. Detail views are
 * built on demand in the browser, so 1000 documents make a ~1.3 MB grid and
 * a few hundred DOM nodes, not 10^6. Every string is escaped for JSON and
 * for HTML (<, >, & as \u escapes), so no document can close the block;
 * invalid UTF-8 becomes U+FFFD. Byte offsets from the engine are converted
 * to UTF-16 code units, the unit of JavaScript strings, through a per-
 * document map built with the same decoder that writes the text.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_assets.h"
#include "htmltext.h"
#include "report.h"

enum {
  HTML_DETAIL_MAX = 200,   /* pairs with a detail view: the best by score    */
  HTML_GRID_MAX = 2000,    /* more documents: no heatmap (4 MB of grid data) */
  GRID_MISSING = 0xFFFF
};

#define ALIGN_MIN_SIMILARITY 0.15  /* as `simcheck compare`'s default    */

/* ------------------------------------------------------------------------ */
/* Text: UTF-8 decoding, JSON/HTML escaping, UTF-16 offset maps.           */

/* Decodes the character at s[i] (i < len) into *cp and returns its length
 * in bytes; an invalid or truncated sequence gives U+FFFD and length 1. */
static size_t utf8_char(const unsigned char *s, size_t len, size_t i, uint32_t *cp) {
  int32_t c;
  const size_t n = sc_utf8_char(s + i, len - i, &c);
  *cp = n ? (uint32_t)c : 0xFFFD;
  return n ? n : 1;
}

/* Writes s[0, len) as a JSON string safe inside an HTML <script> block.
 * Valid UTF-8 passes through; invalid bytes become \ufffd. */
static void js_string(FILE *out, const char *s, size_t len) {
  const unsigned char *u = (const unsigned char *)s;
  fputc('"', out);
  size_t run = 0;  /* start of the pending run of bytes written as they are */
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    const size_t n = utf8_char(u, len, i, &cp);
    const char *esc = NULL;
    char buf[16];  /* "\\uXXXX" plus room the compiler cannot rule out */
    if (cp == 0xFFFD && n == 1) esc = "\\ufffd";
    else if (cp == '"') esc = "\\\"";
    else if (cp == '\\') esc = "\\\\";
    else if (cp == '\n') esc = "\\n";
    else if (cp == '\r') esc = "\\r";
    else if (cp == '\t') esc = "\\t";
    else if (cp < 0x20 || cp == 0x7F || cp == '<' || cp == '>' || cp == '&' || cp == 0x2028 || cp == 0x2029) {
      snprintf(buf, sizeof buf, "\\u%04x", (unsigned)cp);
      esc = buf;
    }
    if (esc) {
      fwrite(s + run, 1, i - run, out);
      fputs(esc, out);
      run = i + n;
    }
    i += n;
  }
  fwrite(s + run, 1, len - run, out);
  fputc('"', out);
}

static void js_cstring(FILE *out, const char *s) { js_string(out, s, strlen(s)); }

/* map[i]: UTF-16 code units before byte i as js_string writes the text (a
 * byte inside a character maps to the character's start); map[len] is the
 * string's length. NULL on allocation failure. */
static uint32_t *utf16_map(const char *s, size_t len) {
  uint32_t *map = sc__mallocarray(len + 1, sizeof(uint32_t));
  if (!map) return NULL;
  uint32_t units = 0;
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    const size_t n = utf8_char((const unsigned char *)s, len, i, &cp);
    for (size_t k = 0; k < n; k++) map[i + k] = units;
    units += cp >= 0x10000 ? 2 : 1;
    i += n;
  }
  map[len] = units;
  return map;
}

/* Writes @p n bytes as base64 (RFC 4648, padded), 76 characters a line is
 * not needed inside a JSON string: one run. */
static void base64(FILE *out, const unsigned char *b, size_t n) {
  static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t i = 0;
  for (; i + 3 <= n; i += 3) {
    const uint32_t v = (uint32_t)b[i] << 16 | (uint32_t)b[i + 1] << 8 | b[i + 2];
    fputc(tab[v >> 18], out);
    fputc(tab[v >> 12 & 63], out);
    fputc(tab[v >> 6 & 63], out);
    fputc(tab[v & 63], out);
  }
  if (n - i == 1) {
    const uint32_t v = (uint32_t)b[i] << 16;
    fputc(tab[v >> 18], out);
    fputc(tab[v >> 12 & 63], out);
    fputs("==", out);
  } else if (n - i == 2) {
    const uint32_t v = (uint32_t)b[i] << 16 | (uint32_t)b[i + 1] << 8;
    fputc(tab[v >> 18], out);
    fputc(tab[v >> 12 & 63], out);
    fputc(tab[v >> 6 & 63], out);
    fputc('=', out);
  }
}

/* ------------------------------------------------------------------------ */
/* Page frame.                                                              */

static void page_head(FILE *out, const char *title_a, const char *title_b) {
  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        /* Self-contained by construction: nothing may be fetched. */
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        "<meta name=\"generator\" content=\"simcheck " SC_VERSION_STRING "\">\n<title>",
        out);
  sc_html_text(out, title_a);
  if (title_b) {
    fputs(" vs ", out);
    sc_html_text(out, title_b);
  }
  fputs("</title>\n<style>\n", out);
  fwrite(sc_html_css, 1, sizeof sc_html_css - 1, out);
  fputs("</style>\n</head>\n<body>\n<div id=\"app\"><noscript><p class=\"noscript\">This report is drawn by "
        "JavaScript: allow scripts for this file to see it. The data are in the page source.</p>"
        "</noscript></div>\n<script type=\"application/json\" id=\"sc-data\">\n",
        out);
}

static void page_tail(FILE *out) {
  fputs("\n</script>\n<script>\n", out);
  fwrite(sc_html_js, 1, sizeof sc_html_js - 1, out);
  fputs("</script>\n</body>\n</html>\n", out);
}

static sc_status write_common(FILE *out, const sc_corpus *c, const char *mode, sc_metric metric,
                              const sc_pairs_options *po) {
  sc_options o;
  int custom_key = 0;
  SC_TRY(sc_corpus_get_options(c, &o, &custom_key));
  fprintf(out, "{\"simcheck\": \"%s\", \"mode\": \"%s\",\n", SC_VERSION_STRING, mode);
  fprintf(out, "\"parameters\": {\"shingle_k\": %u, \"num_perm\": %u, \"key\": \"%s\"", o.shingle_k, o.num_perm,
          custom_key ? "custom" : "default");
  if (po) fprintf(out, ", \"top_k\": %u, \"min_score\": %g", po->top_k, po->min_score);
  fprintf(out, "},\n\"thresholds\": {\"near_duplicate\": %g, \"contains\": %g, \"rewrite\": %g, "
               "\"overlap_shingles\": %u, \"related\": %g},\n",
          o.th.near_duplicate, o.th.contains, o.th.rewrite, o.th.overlap_shingles, o.th.related);
  fputs("\"verdicts\": [", out);
  for (int v = 0; v <= SC_VERDICT_DUPLICATE; v++) fprintf(out, "%s\"%s\"", v ? ", " : "", sc_verdict_name((sc_verdict)v));
  fputs("],\n\"metrics\": [", out);
  for (unsigned m = 0; m < SC_METRIC_COUNT; m++) {
    fprintf(out, "%s{\"name\": \"%s\", \"help\": ", m ? ", " : "", sc_metric_name((sc_metric)m));
    js_cstring(out, sc_metric_help((sc_metric)m));
    fputc('}', out);
  }
  fprintf(out, "],\n\"metric\": \"%s\",\n", sc_metric_name(metric));
  return SC_OK;
}

/* ------------------------------------------------------------------------ */
/* Pairs in detail.                                                         */

/* A figure for JSON, which has no NaN or infinity. */
static double fin(double v) { return isfinite(v) ? v : 0.0; }

/* Lazily built UTF-16 maps, one per document. */
typedef struct maps {
  uint32_t **map;
  size_t n;
} maps;

static void maps_free(maps *m) {
  for (size_t i = 0; i < m->n; i++) sc__free(m->map[i]);
  sc__free(m->map);
}

/* The text the page shows of document @p id: its bytes, or for an HTML
 * document its visible text (*owned and *vmap, visible byte -> file byte,
 * freed by the caller; NULL otherwise). */
static sc_status shown_text(const sc_corpus *c, uint32_t id, const char **text, size_t *len, char **owned,
                            uint32_t **vmap) {
  sc_doc_info d;
  *owned = NULL;
  *vmap = NULL;
  SC_TRY(sc_corpus_doc_info(c, id, &d));
  SC_TRY(sc_corpus_doc_text(c, id, text, len));
  if (!d.html) return SC_OK;
  size_t n;
  SC_TRY(sc_html_visible(*text, *len, owned, vmap, &n));
  *text = *owned;
  *len = n;
  return SC_OK;
}

/* The map from the file's byte offsets (0..@p len) to UTF-16 units of the
 * shown text: for an HTML document, a file offset goes to the first
 * visible byte made at or after it. */
static sc_status map_of(const sc_corpus *c, maps *m, uint32_t id, const uint32_t **out, size_t *len) {
  assert(id < m->n);
  const char *text;
  char *owned;
  uint32_t *vmap;
  size_t shown_len;
  SC_TRY(sc_corpus_doc_text(c, id, &text, len));
  if (!m->map[id]) {
    SC_TRY(shown_text(c, id, &text, &shown_len, &owned, &vmap));
    uint32_t *u16 = utf16_map(text, shown_len);
    if (u16 && vmap) {  /* compose: file byte -> visible byte -> UTF-16 unit */
      uint32_t *file = sc__mallocarray(*len + 1, sizeof(uint32_t));
      for (size_t o = 0, v = 0; file && o <= *len; o++) {
        while (v < shown_len && vmap[v] < o) v++;
        file[o] = u16[v];
      }
      sc__free(u16);
      u16 = file;
    }
    sc__free(owned);
    sc__free(vmap);
    m->map[id] = u16;
  }
  SC_CHECK(!m->map[id], SC_E_NOMEM);
  *out = m->map[id];
  return SC_OK;
}

/* Writes "[offset, length" in UTF-16 units for bytes [off, off+len). */
static void span16(FILE *out, const uint32_t *map, size_t text_len, size_t off, size_t len) {
  if (off > text_len) off = text_len;  /* engine offsets are in range; stay safe */
  if (len > text_len - off) len = text_len - off;
  fprintf(out, "%u, %u", map[off], map[off + len] - map[off]);
}

/* The evidence gathered for one pair. */
typedef struct evidence {
  const sc_passage *passages;
  size_t n_passages;
  const sc_sentence_pair *sentences;
  size_t n_sentences;
} evidence;

/* Evidence the matrix report computed and frees. */
typedef struct owned_evidence {
  sc_passage *passages;
  sc_sentence_pair *sentences;
  evidence ev;
} owned_evidence;

static sc_status write_pair(FILE *out, const sc_corpus *c, maps *m, const sc_pair *p, const evidence *ev,
                            const sc_thresholds *th) {
  const uint32_t *ma, *mb;
  size_t la, lb;
  SC_TRY(map_of(c, m, p->a, &ma, &la));
  SC_TRY(map_of(c, m, p->b, &mb, &lb));
  char vtext[32];
  sc_verdict_text(p, vtext, sizeof vtext);
  fprintf(out, "{\"a\": %u, \"b\": %u, \"verdict\": %d, \"verdict_text\": \"%s\", \"summary\": %d, "
               "\"within\": %d, \"b_in_a\": %d,\n \"figures\": {",
          p->a, p->b, (int)p->verdict, vtext, p->summary ? 1 : 0, p->within ? 1 : 0,
          p->containment_ba >= p->containment_ab);
  for (unsigned k = 0; k < SC_METRIC_COUNT; k++)
    fprintf(out, "\"%s\": %.4g, ", sc_metric_name((sc_metric)k), fin(sc_pair_metric(p, (sc_metric)k)));
  fprintf(out, "\"coverage_ab\": %.4g, \"coverage_ba\": %.4g, \"order\": %.4g, \"shared_shingles\": %u},\n",
          fin(p->coverage_ab), fin(p->coverage_ba), fin(p->order), p->shared_shingles);

  /* The reasons, as the text report words them, one string a line. */
  char *buf = NULL;
  size_t blen = 0;
  FILE *mem = open_memstream(&buf, &blen);
  SC_CHECK(!mem, SC_E_NOMEM);
  sc_write_reasons(mem, p, th, ev ? ev->passages : NULL, ev ? ev->n_passages : 0, "");
  const int bad = fclose(mem) != 0 || !buf;
  if (bad) {
    free(buf);
    return SC_E_NOMEM;
  }
  fputs(" \"reasons\": [", out);
  for (const char *line = buf; *line;) {
    const char *nl = strchr(line, '\n');
    const size_t n = nl ? (size_t)(nl - line) : strlen(line);
    if (line != buf) fputs(", ", out);
    js_string(out, line, n);
    line += n + (nl != NULL);
  }
  free(buf);

  fputs("],\n \"passages\": [", out);
  for (size_t i = 0; i < ev->n_passages; i++) {
    const sc_passage *ps = &ev->passages[i];
    fputs(i ? ", [" : "[", out);
    span16(out, ma, la, ps->a_offset, ps->a_length);
    fputs(", ", out);
    span16(out, mb, lb, ps->b_offset, ps->b_length);
    fprintf(out, ", %u, %.3g]", ps->words, fin(ps->similarity));
  }
  /* The names and numbers only one side has: [side (0 a, 1 b), start, length]. */
  sc_missing_fact *mf;
  size_t nmf;
  SC_TRY(sc_corpus_missing_facts(c, p->a, p->b, &mf, &nmf));
  fputs("],\n \"missing\": [", out);
  for (size_t i = 0; i < nmf; i++) {
    fprintf(out, "%s[%d, ", i ? ", " : "", mf[i].in_b);
    span16(out, mf[i].in_b ? mb : ma, mf[i].in_b ? lb : la, mf[i].offset, mf[i].length);
    fputc(']', out);
  }
  sc_missing_facts_free(mf);
  fputs("],\n \"sentences\": [", out);
  for (size_t i = 0; i < ev->n_sentences; i++) {
    const sc_sentence_pair *s = &ev->sentences[i];
    fputs(i ? ", [" : "[", out);
    span16(out, ma, la, s->a_offset, s->a_length);
    fputs(", ", out);
    span16(out, mb, lb, s->b_offset, s->b_length);
    fprintf(out, ", %.3g]", fin(s->similarity));
  }
  fputs("]}", out);
  return SC_OK;
}

/* Aligned sentences of a rewrite, from the side with fewer words (a
 * summary's points are found in its source, not the reverse), with the
 * offsets put back on their own documents, as `simcheck compare` does. */
static sc_status align_pair(const sc_corpus *c, const sc_pair *p, sc_sentence_pair **out, size_t *n_out) {
  sc_doc_info da, db;
  SC_TRY(sc_corpus_doc_info(c, p->a, &da));
  SC_TRY(sc_corpus_doc_info(c, p->b, &db));
  const int swap = db.words < da.words;
  SC_TRY(sc_corpus_align(c, swap ? p->b : p->a, swap ? p->a : p->b, ALIGN_MIN_SIMILARITY, out, n_out));
  for (size_t i = 0; swap && i < *n_out; i++) {
    sc_sentence_pair *s = &(*out)[i];
    const size_t o = s->a_offset, l = s->a_length;
    s->a_offset = s->b_offset;
    s->a_length = s->b_length;
    s->b_offset = o;
    s->b_length = l;
  }
  return SC_OK;
}

/* Writes the "docs" array; the text goes with the documents flagged in
 * @p with_text (NULL: none). */
static sc_status write_docs(FILE *out, const sc_corpus *c, const uint32_t *cluster_of, const unsigned char *with_text) {
  const size_t nd = sc_corpus_size(c);
  fputs("\"docs\": [", out);
  for (uint32_t i = 0; i < nd; i++) {
    sc_doc_info d;
    SC_TRY(sc_corpus_doc_info(c, i, &d));
    fputs(i ? ",\n {\"name\": " : "\n {\"name\": ", out);
    js_cstring(out, d.name);
    fprintf(out, ", \"bytes\": %zu, \"words\": %zu, \"sentences\": %zu, \"invalid_utf8\": %zu", d.bytes, d.words,
            d.sentences, d.invalid_utf8);
    if (cluster_of) fprintf(out, ", \"cluster\": %u", cluster_of[i]);
    if (with_text && with_text[i]) {
      const char *text;
      char *owned;
      uint32_t *vmap;
      size_t len;
      SC_TRY(shown_text(c, i, &text, &len, &owned, &vmap));
      fputs(", \"text\": ", out);
      js_string(out, text, len);
      sc__free(owned);
      sc__free(vmap);
    }
    fputc('}', out);
  }
  fputs("],\n", out);
  return SC_OK;
}

/* ------------------------------------------------------------------------ */
/* The pair list: heatmap, clusters, detail pairs.                         */

typedef struct ranked {
  double score;
  uint32_t a, b;
  size_t index;        /* in the caller's list                              */
} ranked;

static int cmp_ranked(const void *x, const void *y) {
  const ranked *p = x, *q = y;
  if (p->score != q->score) return p->score > q->score ? -1 : 1;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  return (p->b > q->b) - (p->b < q->b);
}

/* Metric value of @p p read from document @p row's side. */
static double metric_from(const sc_pair *p, sc_metric m, uint32_t row) {
  if (row != p->a && m == SC_METRIC_CONTAINMENT_AB) return p->containment_ba;
  if (row != p->a && m == SC_METRIC_CONTAINMENT_BA) return p->containment_ab;
  return sc_pair_metric(p, m);
}

static uint16_t grid_cell(double v, sc_verdict verdict) {
  if (!(v >= 0)) v = 0;
  if (v > 1) v = 1;
  return (uint16_t)((unsigned)(v * 1000 + 0.5) | (unsigned)verdict << 10);
}

/* The upper triangle (i < j, row-major) of the n x n grid; with @p lower,
 * the values read from j's side too (directed metrics). */
static sc_status write_grid(FILE *out, const sc_pair *p, size_t np, size_t nd, sc_metric m) {
  const int directed = m == SC_METRIC_CONTAINMENT_AB || m == SC_METRIC_CONTAINMENT_BA;
  if (nd < 2 || nd > HTML_GRID_MAX) {
    fputs("\"grid\": null,\n", out);
    return SC_OK;
  }
  const size_t cells = nd * (nd - 1) / 2;
  unsigned char *up = sc__mallocarray(cells, 2), *lo = directed ? sc__mallocarray(cells, 2) : NULL;
  if (!up || (directed && !lo)) {
    sc__free(up);
    sc__free(lo);
    return SC_E_NOMEM;
  }
  memset(up, 0xFF, cells * 2);
  if (lo) memset(lo, 0xFF, cells * 2);
  for (size_t k = 0; k < np; k++) {
    const uint32_t i = p[k].a < p[k].b ? p[k].a : p[k].b, j = p[k].a < p[k].b ? p[k].b : p[k].a;
    if (i == j || j >= nd) continue;
    const size_t cell = (size_t)i * nd - (size_t)i * (i + 1) / 2 + (j - i - 1);
    const uint16_t vu = grid_cell(metric_from(&p[k], m, i), p[k].verdict);
    up[2 * cell] = (unsigned char)(vu & 0xFF);
    up[2 * cell + 1] = (unsigned char)(vu >> 8);
    if (lo) {
      const uint16_t vl = grid_cell(metric_from(&p[k], m, j), p[k].verdict);
      lo[2 * cell] = (unsigned char)(vl & 0xFF);
      lo[2 * cell + 1] = (unsigned char)(vl >> 8);
    }
  }
  fputs("\"grid\": \"", out);
  base64(out, up, cells * 2);
  fputs("\",\n", out);
  if (lo) {
    fputs("\"grid_lower\": \"", out);
    base64(out, lo, cells * 2);
    fputs("\",\n", out);
  }
  sc__free(up);
  sc__free(lo);
  return SC_OK;
}

static sc_status html_pairs(FILE *out, const sc_corpus *c, const sc_pair *p, size_t np, const sc_report_options *ro) {
  const size_t nd = sc_corpus_size(c);
  for (size_t k = 0; k < np; k++) SC_CHECK(p[k].a >= nd || p[k].b >= nd, SC_E_INVALID_ARG);
  sc_options o;
  SC_TRY(sc_corpus_get_options(c, &o, NULL));

  sc_status st = SC_E_NOMEM;
  const size_t nk = np < HTML_DETAIL_MAX ? np : HTML_DETAIL_MAX;
  uint32_t *cluster_of = sc__mallocarray(nd ? nd : 1, sizeof(uint32_t));
  unsigned char *with_text = sc__calloc(nd ? nd : 1, 1);
  ranked *rk = sc__mallocarray(np ? np : 1, sizeof(ranked));
  owned_evidence *ev = sc__calloc(nk ? nk : 1, sizeof(owned_evidence));
  maps m = {sc__calloc(nd ? nd : 1, sizeof(uint32_t *)), nd};
  if (!cluster_of || !with_text || !rk || !ev || !m.map) goto done;

  /* Clusters: documents linked by shared passages or anything stronger. */
  if ((st = sc_cluster_pairs(nd, p, np, SC_VERDICT_OVERLAP, 0.0, cluster_of)) != SC_OK) goto done;
  size_t counts[SC_VERDICT_DUPLICATE + 1] = {0};
  for (size_t k = 0; k < np; k++) {
    rk[k] = (ranked){p[k].score, p[k].a, p[k].b, k};
    if ((unsigned)p[k].verdict <= SC_VERDICT_DUPLICATE) counts[p[k].verdict]++;
  }
  if (np) qsort(rk, np, sizeof(ranked), cmp_ranked);

  /* The evidence for the best pairs. */
  for (size_t k = 0; k < nk; k++) {
    const sc_pair *q = &p[rk[k].index];
    sc_passage *ps = NULL;
    sc_sentence_pair *sp = NULL;
    size_t nps = 0, nsp = 0;
    if ((st = sc_corpus_passages(c, q->a, q->b, 0, &ps, &nps)) != SC_OK) goto done;
    ev[k].passages = ps;
    if (q->verdict == SC_VERDICT_REWRITE) {
      if ((st = align_pair(c, q, &sp, &nsp)) != SC_OK) goto done;
      ev[k].sentences = sp;
    }
    ev[k].ev = (evidence){ps, nps, sp, nsp};
    with_text[q->a] = with_text[q->b] = 1;
  }

  page_head(out, "simcheck report", NULL);
  if ((st = write_common(out, c, "matrix", ro->metric, ro->pairs)) != SC_OK) goto done;
  fprintf(out, "\"pairs_listed\": %zu, \"detail_max\": %d, \"grid_max\": %d,\n\"verdict_counts\": [", np,
          HTML_DETAIL_MAX, HTML_GRID_MAX);
  for (int v = 0; v <= SC_VERDICT_DUPLICATE; v++) fprintf(out, "%s%zu", v ? ", " : "", counts[v]);
  fputs("],\n", out);
  if ((st = write_docs(out, c, cluster_of, with_text)) != SC_OK) goto done;
  if ((st = write_grid(out, p, np, nd, ro->metric)) != SC_OK) goto done;
  fputs("\"pairs\": [", out);
  for (size_t k = 0; k < nk; k++) {
    fputs(k ? ",\n" : "\n", out);
    if ((st = write_pair(out, c, &m, &p[rk[k].index], &ev[k].ev, &o.th)) != SC_OK) goto done;
  }
  fputs("]}", out);
  page_tail(out);
  st = SC_OK;
done:
  for (size_t k = 0; ev && k < nk; k++) {
    sc_passages_free(ev[k].passages);
    sc_sentence_pairs_free(ev[k].sentences);
  }
  maps_free(&m);
  sc__free(ev);
  sc__free(rk);
  sc__free(with_text);
  sc__free(cluster_of);
  return st;
}

sc_status sc_report_html(FILE *out, const sc_corpus *c, const sc_pair *p, size_t np, const sc_report_options *ro) {
  SC_CHECK(!out || !c || (!p && np) || !ro || (unsigned)ro->metric >= SC_METRIC_COUNT, SC_E_INVALID_ARG);
  SC_TRY(html_pairs(out, c, p, np, ro));
  return fflush(out) != 0 || ferror(out) ? SC_E_IO : SC_OK;
}

/* ------------------------------------------------------------------------ */
/* One pair: `simcheck compare A B --format html`.                          */

static const char *basename_of(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash && slash[1] ? slash + 1 : path;
}

sc_status sc_report_html_compare(FILE *out, const sc_corpus *c, const sc_pair *p, const sc_pair_detail *d) {
  const size_t nd = sc_corpus_size(c);
  SC_CHECK(p->a >= nd || p->b >= nd, SC_E_INVALID_ARG);
  sc_options o;
  SC_TRY(sc_corpus_get_options(c, &o, NULL));
  sc_doc_info da, db;
  SC_TRY(sc_corpus_doc_info(c, p->a, &da));
  SC_TRY(sc_corpus_doc_info(c, p->b, &db));
  unsigned char *with_text = sc__calloc(nd, 1);
  maps m = {sc__calloc(nd, sizeof(uint32_t *)), nd};
  sc_status st = SC_E_NOMEM;
  if (!with_text || !m.map) goto done;
  with_text[p->a] = with_text[p->b] = 1;
  page_head(out, basename_of(da.name), basename_of(db.name));
  if ((st = write_common(out, c, "compare", SC_METRIC_SCORE, NULL)) != SC_OK) goto done;
  fputs("\"pairs_listed\": 1, ", out);
  if ((st = write_docs(out, c, NULL, with_text)) != SC_OK) goto done;
  fputs("\"grid\": null,\n\"pairs\": [\n", out);
  const evidence ev = {d->passages, d->n_passages, d->sentences, d->n_sentences};
  if ((st = write_pair(out, c, &m, p, &ev, &o.th)) != SC_OK) goto done;
  fputs("]}", out);
  page_tail(out);
  st = SC_OK;
done:
  maps_free(&m);
  sc__free(with_text);
  return st;
}
