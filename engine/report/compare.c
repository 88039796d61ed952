/*
 * compare.c: one pair in detail (`simcheck compare A B`): the figures, the
 * verdict with the comparisons against the thresholds that decided it, and
 * the aligned sentences with their byte offsets.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "htmltext.h"
#include "report.h"
#include "score.h"

/* Writes the reasons for p's verdict (see report.h). */
/* Names the passages behind a contains or overlap verdict. */
static void name_passages(FILE *out, const sc_passage *ps, size_t nps, const char *indent) {
  if (nps == 0) return;
  uint64_t words = 0;
  size_t longest = 0;
  for (size_t i = 0; i < nps; i++) {
    words += ps[i].words;
    if (ps[i].words > ps[longest].words) longest = i;
  }
  fprintf(out, "%smade by %zu shared passage%s of %llu words in all; the longest, %u words, at a bytes %zu+%zu, "
               "b bytes %zu+%zu\n",
          indent, nps, sc_plural(nps), (unsigned long long)words, ps[longest].words, ps[longest].a_offset,
          ps[longest].a_length, ps[longest].b_offset, ps[longest].b_length);
}

void sc_write_reasons(FILE *out, const sc_pair *p, const sc_thresholds *th, const sc_passage *ps, size_t nps,
                      const char *indent) {
  const double cmax = p->containment_ab > p->containment_ba ? p->containment_ab : p->containment_ba;
  switch (p->verdict) {
    case SC_VERDICT_DUPLICATE:
      fprintf(out, "%ssame normalized text (equal BLAKE2b digests)\n", indent);
      return;
    case SC_VERDICT_NEAR_DUPLICATE:
      fprintf(out, "%sshingle Jaccard %.3f >= %.2f\n", indent, p->jaccard, th->near_duplicate);
      return;
    default:
      break;
  }
  fprintf(out, "%snot a duplicate: the normalized texts differ\n", indent);
  if (p->verdict < SC_VERDICT_NEAR_DUPLICATE)
    fprintf(out, "%snot a near-duplicate: shingle Jaccard %.3f < %.2f\n", indent, p->jaccard, th->near_duplicate);
  if (p->verdict == SC_VERDICT_CONTAINS) {
    fprintf(out, "%s%.0f%% of %s's shingles are found in %s (>= %.0f%%)\n", indent, 100 * cmax,
            p->containment_ba >= p->containment_ab ? "b" : "a", p->containment_ba >= p->containment_ab ? "a" : "b",
            100 * th->contains);
    name_passages(out, ps, nps, indent);
    return;
  }
  fprintf(out, "%snot contained: at most %.0f%% of either side's shingles are in the other (< %.0f%%)\n", indent,
          100 * cmax, 100 * th->contains);
  if (p->verdict == SC_VERDICT_REWRITE) {
    /* Both coverages: the score takes the shorter side's (by content),
     * which the pair does not name. */
    fprintf(out, "%srewrite score %.3f >= %.2f: sentence by sentence %.0f%% of a's content and %.0f%% of b's "
                 "are matched; %.0f%% of the shorter side's keep their order\n",
            indent, p->rewrite, th->rewrite, 100 * p->coverage_ab, 100 * p->coverage_ba, 100 * p->order);
    fprintf(out, "%s%.0f%% of the names and numbers of the side with fewer are in the other\n", indent,
            100 * p->facts);
    if (!p->summary && !p->within) return;
    if (p->extent >= SC_WITHIN_EXTENT)
      fprintf(out, "%sone side is much shorter, its sentences' counterparts spread over %.0f%% of the other's "
                   "(>= %.0f%%): a summary\n",
              indent, 100 * p->extent, 100 * SC_WITHIN_EXTENT);
    else
      fprintf(out, "%sone side is much shorter, its sentences' counterparts lie in %.0f%% of the other's "
                   "(< %.0f%%) and it has %.0f%% as many words as that part (%s %.0f%%): %s\n",
              indent, 100 * p->extent, 100 * SC_WITHIN_EXTENT, 100 * p->compression, p->within ? ">=" : "<",
              100 * SC_WITHIN_COMPRESSION, p->within ? "a passage of it, rewritten" : "a summary of that part");
    return;
  }
  fprintf(out, "%snot a rewrite: rewrite score %.3f < %.2f\n", indent, p->rewrite, th->rewrite);
  if (p->verdict == SC_VERDICT_OVERLAP) {
    fprintf(out, "%s%u shared shingles >= %u: shared passages\n", indent, p->shared_shingles, th->overlap_shingles);
    name_passages(out, ps, nps, indent);
    return;
  }
  fprintf(out, "%sno shared passage: %u shared shingles < %u\n", indent, p->shared_shingles, th->overlap_shingles);
  if (p->verdict == SC_VERDICT_RELATED)
    fprintf(out, "%sTF-IDF cosine %.3f >= %.2f: the same topic\n", indent, p->cosine, th->related);
  else
    fprintf(out, "%sTF-IDF cosine %.3f < %.2f: not even the same topic\n", indent, p->cosine, th->related);
}

static int is_space(char ch) { return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r'; }

/* Columns an excerpt may take after @p lead columns, leaving room for
 * "..." and for the folded space that may come before its last character:
 * at least 20, however narrow the width. */
static size_t excerpt_room(unsigned width, int lead) {
  const int room = (int)width - lead - 4;
  return room > 20 ? (size_t)room : 20;
}

/* Prints at most @p max columns of text[off, off+len) on one line,
 * whitespace folded, cut at a character boundary with "..." when longer. */
static void excerpt(FILE *out, const char *text, size_t off, size_t len, size_t max) {
  size_t n = 0;
  int space = 0;
  for (size_t i = off, clen; i < off + len; i += clen) {
    if (is_space(text[i])) {
      space = 1;
      clen = 1;
      continue;
    }
    unsigned w;
    clen = sc_terminal_char(text + i, off + len - i, &w);
    if (n + w > max) {
      fputs("...", out);
      return;
    }
    if (space && n) {
      fputc(' ', out);
      n++;
    }
    space = 0;
    sc_terminal_bytes(out, text + i, clen);
    n += w;
  }
}

/* One column of the side-by-side view: words of text[off, off+len) laid
 * into lines of at most @p width terminal columns. */
typedef struct column {
  const char *text;
  size_t pos, end;       /* next byte to lay out, end of the range          */
} column;

/* Writes the next line of @p col (padded to @p width when @p pad) and
 * returns the number of columns written. */
static size_t column_line(FILE *out, column *col, size_t width, int pad) {
  size_t used = 0;
  while (col->pos < col->end && is_space(col->text[col->pos])) col->pos++;
  while (col->pos < col->end) {
    size_t w = col->pos;
    while (w < col->end && !is_space(col->text[w])) w++;
    const size_t wlen = sc_terminal_cols(col->text + col->pos, w - col->pos);
    const size_t need = used ? wlen + 1 : wlen;
    if (used && used + need > width) break;
    if (used) fputc(' ', out);
    if (!used && wlen > width) {  /* a word wider than the column: cut it, one character at least */
      size_t bytes = 0;
      unsigned cw;
      while (col->pos + bytes < w) {
        const size_t clen = sc_terminal_char(col->text + col->pos + bytes, w - col->pos - bytes, &cw);
        if (bytes && used + cw > width) break;
        bytes += clen;
        used += cw;
      }
      sc_terminal_bytes(out, col->text + col->pos, bytes);
      col->pos += bytes;
      break;
    }
    sc_terminal_bytes(out, col->text + col->pos, w - col->pos);
    used += need;
    col->pos = w;
    while (col->pos < col->end && is_space(col->text[col->pos])) col->pos++;
  }
  if (pad)
    for (size_t i = used; i < width; i++) fputc(' ', out);
  return used;
}

/* What a reader sees of text[off, off+len): the bytes themselves, or for
 * an HTML document their visible text (htmltext.h) in a malloc'd copy
 * (*owned, freed by the caller). Offsets stay those of the file. */
typedef struct shown {
  const char *text;
  size_t len;
  char *owned;
} shown;

static shown show_slice(const char *text, size_t off, size_t len, int html) {
  shown s = {text + off, len, NULL};
  uint32_t *map;
  size_t n;
  if (html && sc_html_visible(text + off, len, &s.owned, &map, &n) == SC_OK) {
    sc__free(map);
    s.text = s.owned;
    s.len = n;
  }
  return s;
}

/* The shared passages, a's text on the left and b's on the right. */
static void write_passages(FILE *out, const char *ta, const char *tb, int html_a, int html_b,
                           const sc_pair_detail *d) {
  const unsigned width = d->width >= 60 ? d->width : 100;
  const size_t cw = (width - 3) / 2;
  const char *on = d->colour ? "\033[1;33m" : "", *off = d->colour ? "\033[0m" : "";
  for (size_t i = 0; i < d->n_passages; i++) {
    const sc_passage *ps = &d->passages[i];
    fprintf(out, "\n  passage %zu: %u words, similarity %.2f, a bytes %zu+%zu, b bytes %zu+%zu\n", i + 1,
            ps->words, ps->similarity, ps->a_offset, ps->a_length, ps->b_offset, ps->b_length);
    const shown sa = show_slice(ta, ps->a_offset, ps->a_length, html_a);
    const shown sb = show_slice(tb, ps->b_offset, ps->b_length, html_b);
    column ca = {sa.text, 0, sa.len};
    column cb = {sb.text, 0, sb.len};
    while (ca.pos < ca.end || cb.pos < cb.end) {
      fputs("  ", out);
      fputs(on, out);
      column_line(out, &ca, cw - 1, 1);
      fputs(off, out);
      fputs(" | ", out);
      fputs(on, out);
      column_line(out, &cb, cw - 1, 0);
      fputs(off, out);
      fputc('\n', out);
      while (ca.pos < ca.end && is_space(sa.text[ca.pos])) ca.pos++;
      while (cb.pos < cb.end && is_space(sb.text[cb.pos])) cb.pos++;
    }
    sc__free(sa.owned);
    sc__free(sb.owned);
  }
}

/* Both documents of a pair: their descriptions and original texts. */
typedef struct sides {
  sc_doc_info a, b;
  const char *text_a, *text_b;
} sides;

static sc_status load_sides(const sc_corpus *c, const sc_pair *p, sides *out) {
  size_t len;
  SC_TRY(sc_corpus_doc_info(c, p->a, &out->a));
  SC_TRY(sc_corpus_doc_info(c, p->b, &out->b));
  SC_TRY(sc_corpus_doc_text(c, p->a, &out->text_a, &len));
  return sc_corpus_doc_text(c, p->b, &out->text_b, &len);
}

/* The names and numbers of each side that the other lacks, one line per
 * side that has any, cut to @p width columns with a count of the rest. */
static sc_status write_missing_facts(FILE *out, const sc_corpus *c, const sc_pair *p, const sides *sd,
                                     unsigned width) {
  enum { MORE = 15 }; /* room for " and 12345 more" */
  sc_missing_fact *mf;
  size_t n;
  SC_TRY(sc_corpus_missing_facts(c, p->a, p->b, &mf, &n));
  if (width < 40) width = 80;
  for (int side = 0; side < 2; side++) {
    size_t total = 0, listed = 0;
    for (size_t i = 0; i < n; i++) total += mf[i].in_b == side;
    if (total == 0) continue;
    size_t col = (size_t)fprintf(out, "  names and numbers only in %s:", side ? "b" : "a");
    for (size_t i = 0; i < n; i++) {
      if (mf[i].in_b != side) continue;
      const shown f = show_slice(side ? sd->text_b : sd->text_a, mf[i].offset, mf[i].length,
                                 side ? sd->b.html : sd->a.html);
      const size_t need = (listed ? 2 : 1) + sc_terminal_cols(f.text, f.len);
      const int last = listed + 1 == total;
      if (listed && col + need + (last ? 0 : MORE) > width) {
        sc__free(f.owned);
        break;
      }
      fputs(listed ? ", " : " ", out);
      sc_terminal_bytes(out, f.text, f.len);
      col += need;
      listed++;
      sc__free(f.owned);
    }
    if (total > listed) fprintf(out, " and %zu more", total - listed);
    fputc('\n', out);
  }
  sc_missing_facts_free(mf);
  return SC_OK;
}

/* Prints @p line as a "  - " item wrapped at spaces to @p width columns,
 * continuation lines indented under its first word. */
static void write_wrapped_item(FILE *out, const char *line, unsigned width) {
  size_t col = (size_t)fprintf(out, "  - ");
  int first = 1;
  for (const char *w = line; *w;) {
    while (*w == ' ') w++;
    const char *e = w;
    while (*e && *e != ' ') e++;
    if (e == w) break;
    const size_t chars = sc_terminal_cols(w, (size_t)(e - w));
    if (!first && col + 1 + chars > width) {
      fputs("\n    ", out);
      col = 4;
    } else if (!first) {
      fputc(' ', out);
      col++;
    }
    fwrite(w, 1, (size_t)(e - w), out);
    col += chars;
    first = 0;
    w = e;
  }
  fputc('\n', out);
}

/* The reasons for the verdict, one per line, without indent (the text
 * report wraps them, the JSON quotes them): a malloc'd string, or NULL when
 * out of memory. */
static char *reasons_lines(const sc_pair *p, const sc_thresholds *th, const sc_pair_detail *d) {
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  if (!mem) return NULL;
  sc_write_reasons(mem, p, th, d->passages, d->n_passages, "");
  fclose(mem);
  return buf;
}

/* The reasons for the verdict as a list that fits @p width. */
static void write_reasons_text(FILE *out, const sc_pair *p, const sc_thresholds *th, const sc_pair_detail *d,
                               unsigned width) {
  char *buf = reasons_lines(p, th, d);
  if (!buf) {  /* out of memory: the same lines, unwrapped */
    sc_write_reasons(out, p, th, d->passages, d->n_passages, "  - ");
    return;
  }
  for (char *line = buf, *nl; *line && (nl = strchr(line, '\n')); line = nl + 1) {
    *nl = '\0';
    write_wrapped_item(out, line, width);
  }
  free(buf);
}

static sc_status compare_text(FILE *out, const sc_corpus *c, const sc_pair *p, const sc_pair_detail *d,
                              const sc_thresholds *th) {
  const sc_sentence_pair *sp = d->sentences;
  const size_t nsp = d->n_sentences;
  sides sd;
  SC_TRY(load_sides(c, p, &sd));
  const sc_doc_info da = sd.a, db = sd.b;
  const char *const ta = sd.text_a, *const tb = sd.text_b;
  char verdict[32];
  sc_verdict_text(p, verdict, sizeof verdict);
  const unsigned width = d->width >= 40 ? d->width : 100;
  for (int side = 0; side < 2; side++) {
    const sc_doc_info *di = side ? &db : &da;
    char counts[64];
    const int cw = snprintf(counts, sizeof counts, "  (%zu word%s, %zu sentence%s)", di->words,
                            sc_plural(di->words), di->sentences, sc_plural(di->sentences));
    fputs(side ? "b  " : "a  ", out);
    sc_terminal_fit(out, di->name, width > 3 + (unsigned)cw ? width - 3 - (unsigned)cw : 0);
    fprintf(out, "%s\n", counts);
  }
  fputc('\n', out);
  fprintf(out, "verdict  %s, score %.3f\n", verdict, p->score);
  write_reasons_text(out, p, th, d, width);
  /* Three lines within 80 columns: shingles, words, sentences. */
  fprintf(out, "\nfigures\n  jaccard %.3f   containment a->b %.3f, b->a %.3f   shared shingles %u\n"
               "  minhash %.3f   simhash %.3f   cosine %.3f   chars %.3f   words %.3f\n"
               "  facts %.3f   rewrite %.3f   sentence coverage a %.2f, b %.2f   order %.2f\n",
          p->jaccard, p->containment_ab, p->containment_ba, p->shared_shingles, p->minhash, p->simhash, p->cosine,
          p->chars, p->words, p->facts, p->rewrite, p->coverage_ab, p->coverage_ba, p->order);
  SC_TRY(write_missing_facts(out, c, p, &sd, d->width));
  if (d->n_passages) {
    fprintf(out, "\nshared passages (%zu)\n", d->n_passages);
    write_passages(out, ta, tb, da.html, db.html, d);
  } else {
    fputs("\nno shared passage of 8 words or more\n", out);
  }
  if (nsp == 0) {
    fputs("\nno aligned sentences\n", out);
    return SC_OK;
  }
  fputs("\naligned sentences (similarity, byte offsets)\n", out);
  for (size_t i = 0; i < nsp; i++) {
    const sc_sentence_pair *s = &sp[i];
    const shown sa = show_slice(ta, s->a_offset, s->a_length, da.html);
    const shown sb = show_slice(tb, s->b_offset, s->b_length, db.html);
    /* Each excerpt fills the line to the width, "..." included. */
    const int lead_a = fprintf(out, "  %.2f  a %zu+%zu  ", s->similarity, s->a_offset, s->a_length);
    excerpt(out, sa.text, 0, sa.len, excerpt_room(width, lead_a));
    const int lead_b = fprintf(out, "\n        b %zu+%zu  ", s->b_offset, s->b_length) - 1;
    excerpt(out, sb.text, 0, sb.len, excerpt_room(width, lead_b));
    fputc('\n', out);
    sc__free(sa.owned);
    sc__free(sb.owned);
  }
  return SC_OK;
}

/* Writes text[off, off+len) as a JSON string (a NUL inside stays
 * escaped, and no copy is needed). */
static void json_slice(FILE *out, const char *text, size_t off, size_t len) {
  sc_report_json_string(out, text + off, len);
}

static sc_status compare_json(FILE *out, const sc_corpus *c, const sc_pair *p, const sc_pair_detail *d,
                              const sc_thresholds *th) {
  const sc_sentence_pair *sp = d->sentences;
  const size_t nsp = d->n_sentences;
  sides sd;
  SC_TRY(load_sides(c, p, &sd));
  const sc_doc_info da = sd.a, db = sd.b;
  const char *const ta = sd.text_a, *const tb = sd.text_b;
  fputs("{\n  \"a\": ", out);
  sc_json_string(out, da.name);
  fputs(",\n  \"b\": ", out);
  sc_json_string(out, db.name);
  fprintf(out, ",\n  \"verdict\": \"%s\",\n  \"summary\": %s,\n  \"within\": %s,\n  \"reasons\": [",
          sc_verdict_name(p->verdict), p->summary ? "true" : "false", p->within ? "true" : "false");
  char *buf = reasons_lines(p, th, d);
  for (char *line = buf, *nl; line && *line && (nl = strchr(line, '\n')); line = nl + 1) {
    *nl = '\0';
    fputs(line == buf ? "\n    " : ",\n    ", out);
    sc_json_string(out, line);
  }
  free(buf);
  fputs("\n  ],\n  \"figures\": {", out);
  for (unsigned m = 0; m < SC_METRIC_COUNT; m++)
    fprintf(out, "\"%s\": %.6g, ", sc_metric_name((sc_metric)m), sc_pair_metric(p, (sc_metric)m));
  fprintf(out,
          "\"coverage_ab\": %.6g, \"coverage_ba\": %.6g, \"order\": %.6g, \"extent\": %.6g, \"compression\": %.6g, "
          "\"shared_shingles\": %u},\n",
          p->coverage_ab, p->coverage_ba, p->order, p->extent, p->compression, p->shared_shingles);
  sc_missing_fact *mf;
  size_t nmf;
  SC_TRY(sc_corpus_missing_facts(c, p->a, p->b, &mf, &nmf));
  fputs("  \"missing_facts\": {", out);
  for (int side = 0; side < 2; side++) {
    fputs(side ? "], \"b\": [" : "\"a\": [", out);
    int first = 1;
    for (size_t i = 0; i < nmf; i++) {
      if (mf[i].in_b != side) continue;
      fprintf(out, "%s{\"offset\": %zu, \"length\": %zu, \"text\": ", first ? "" : ", ", mf[i].offset, mf[i].length);
      json_slice(out, side ? tb : ta, mf[i].offset, mf[i].length);
      fputc('}', out);
      first = 0;
    }
  }
  fputs("]},\n", out);
  sc_missing_facts_free(mf);
  fputs("  \"passages\": [", out);
  for (size_t i = 0; i < d->n_passages; i++) {
    const sc_passage *ps = &d->passages[i];
    fprintf(out, "%s\n    {\"a_offset\": %zu, \"a_length\": %zu, \"b_offset\": %zu, \"b_length\": %zu, "
                 "\"words\": %u, \"similarity\": %.4f, \"a_text\": ",
            i ? "," : "", ps->a_offset, ps->a_length, ps->b_offset, ps->b_length, ps->words, ps->similarity);
    json_slice(out, ta, ps->a_offset, ps->a_length);
    fputs(", \"b_text\": ", out);
    json_slice(out, tb, ps->b_offset, ps->b_length);
    fputc('}', out);
  }
  fputs(d->n_passages ? "\n  ],\n" : "],\n", out);
  fputs("  \"sentences\": [", out);
  for (size_t i = 0; i < nsp; i++) {
    const sc_sentence_pair *s = &sp[i];
    fprintf(out, "%s\n    {\"a_offset\": %zu, \"a_length\": %zu, \"b_offset\": %zu, \"b_length\": %zu, "
                 "\"b_sentences\": %u, \"similarity\": %.4f, \"a_text\": ",
            i ? "," : "", s->a_offset, s->a_length, s->b_offset, s->b_length, s->b_count, s->similarity);
    json_slice(out, ta, s->a_offset, s->a_length);
    fputs(", \"b_text\": ", out);
    json_slice(out, tb, s->b_offset, s->b_length);
    fputc('}', out);
  }
  fputs("\n  ]\n}\n", out);
  return SC_OK;
}

sc_status sc_report_compare(FILE *out, const sc_corpus *c, const sc_pair *p, const sc_pair_detail *d,
                            sc_format format) {
  SC_CHECK(!out || !c || !p || !d || (!d->sentences && d->n_sentences) || (!d->passages && d->n_passages),
           SC_E_INVALID_ARG);
  sc_options o;
  SC_TRY(sc_corpus_get_options(c, &o, NULL));
  sc_status st;
  if (format == SC_FORMAT_TABLE) st = compare_text(out, c, p, d, &o.th);
  else if (format == SC_FORMAT_JSON) st = compare_json(out, c, p, d, &o.th);
  else if (format == SC_FORMAT_HTML) st = sc_report_html_compare(out, c, p, d);
  else return SC_E_INVALID_ARG;
  if (st == SC_OK && (fflush(out) != 0 || ferror(out))) st = SC_E_IO;
  return st;
}
