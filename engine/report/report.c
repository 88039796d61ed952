/*
 * report.c: format dispatch and the small text helpers the formats share.
 */
#include "report.h"

#include <string.h>
#include <utf8proc.h>

sc_status sc_report_pairs(FILE *out, const sc_corpus *c, const sc_pair *p, size_t n,
                          const sc_report_options *ro) {
  SC_CHECK(!out || !c || (!p && n) || !ro, SC_E_INVALID_ARG);
  sc_status st = SC_E_INVALID_ARG;
  switch (ro->format) {
    case SC_FORMAT_CSV: st = sc_report_csv(out, c, p, n); break;
    case SC_FORMAT_JSON: st = sc_report_json(out, c, p, n, ro); break;
    case SC_FORMAT_TABLE: st = sc_report_table(out, c, p, n, ro); break;
    case SC_FORMAT_HTML: st = sc_report_html(out, c, p, n, ro); break;
  }
  if (st == SC_OK && (fflush(out) != 0 || ferror(out))) st = SC_E_IO;
  return st;
}

size_t sc_utf8_char(const unsigned char *u, size_t left, int32_t *cp) {
  utf8proc_int32_t c;
  const utf8proc_ssize_t n = utf8proc_iterate(u, (utf8proc_ssize_t)left, &c);
  if (n <= 0) return 0;
  if (cp) *cp = c;
  return (size_t)n;
}

void sc_json_string(FILE *out, const char *s) { sc_report_json_string(out, s, strlen(s)); }

void sc_report_json_string(FILE *out, const char *s, size_t len) {
  if (!out || (!s && len)) return;
  fputc('"', out);
  const unsigned char *u = (const unsigned char *)s, *end = u + len;
  while (u < end) {
    switch (*u) {
      case '"': fputs("\\\"", out); break;
      case '\\': fputs("\\\\", out); break;
      case '\n': fputs("\\n", out); break;
      case '\r': fputs("\\r", out); break;
      case '\t': fputs("\\t", out); break;
      default:
        if (*u < 0x20) {
          fprintf(out, "\\u%04x", *u);
        } else {
          /* Bytes that are not UTF-8 would make the whole document invalid
           * JSON: each becomes U+FFFD, as the analysis treated it. */
          const size_t n = sc_utf8_char(u, (size_t)(end - u), NULL);
          if (n == 0) {
            fputs("\\ufffd", out);
          } else {
            fwrite(u, 1, n, out);
            u += n;
            continue;
          }
        }
    }
    u++;
  }
  fputc('"', out);
}

void sc_html_text(FILE *out, const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  const size_t len = strlen(s);
  for (size_t i = 0; i < len;) {
    const size_t n = sc_utf8_char(u + i, len - i, NULL);
    const unsigned char c = u[i];
    if (n == 0 || (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
      fputs("&#xFFFD;", out);  /* no character HTML text may hold */
      i += 1;
      continue;
    }
    switch (c) {
      case '&': fputs("&amp;", out); break;
      case '<': fputs("&lt;", out); break;
      case '>': fputs("&gt;", out); break;
      case '"': fputs("&quot;", out); break;
      case '\'': fputs("&#39;", out); break;
      default: fwrite(u + i, 1, n, out);
    }
    i += n;
  }
}

void sc_terminal_bytes(FILE *out, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t run = 0;  /* start of the bytes not yet written */
  for (size_t i = 0; i < n; i++) {
    const int c1 = u[i] == 0xC2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F;
    if (u[i] >= 0x20 && u[i] != 0x7F && !c1) continue;
    fwrite(s + run, 1, i - run, out);
    fputc('?', out);
    i += (size_t)c1;
    run = i + 1;
  }
  fwrite(s + run, 1, n - run, out);
}

void sc_terminal_text(FILE *out, const char *s) { sc_terminal_bytes(out, s, strlen(s)); }

size_t sc_terminal_char(const char *s, size_t left, unsigned *cols) {
  int32_t cp;
  const size_t len = sc_utf8_char((const unsigned char *)s, left, &cp);
  if (len == 0) {
    *cols = 1;
    return 1;
  }
  const int w = cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ? 1 : utf8proc_charwidth(cp);
  *cols = w > 0 ? (unsigned)w : 0;
  return len;
}

size_t sc_terminal_cols(const char *s, size_t n) {
  size_t total = 0;
  unsigned w;
  for (size_t i = 0; i < n; total += w) i += sc_terminal_char(s + i, n - i, &w);
  return total;
}

int sc_terminal_fit(FILE *out, const char *s, unsigned cols) {
  enum { MIN_COLS = 16 };  /* fewer would leave no name to read */
  const size_t n = strlen(s);
  const size_t total = sc_terminal_cols(s, n);
  if (cols < MIN_COLS) cols = MIN_COLS;
  if (total <= cols) {
    sc_terminal_bytes(out, s, n);
    return 0;
  }
  /* The end names the file; drop characters from the front, and the
   * combining marks that would follow the dots, until the rest fits. */
  size_t i = 0;
  for (size_t rest = total; i < n;) {
    unsigned w;
    const size_t len = sc_terminal_char(s + i, n - i, &w);
    if (rest + 3 <= cols && w > 0) break;
    rest -= w;
    i += len;
  }
  fputs("...", out);
  sc_terminal_bytes(out, s + i, n - i);
  return 1;
}

void sc_csv_field(FILE *out, const char *s) {
  if (!strpbrk(s, ",\"\r\n")) {
    fputs(s, out);
    return;
  }
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"') fputc('"', out);
    fputc(*s, out);
  }
  fputc('"', out);
}

void sc_verdict_text(const sc_pair *p, char *buf, size_t cap) {
  const char *name = sc_verdict_name(p->verdict);
  if (p->verdict == SC_VERDICT_CONTAINS)
    snprintf(buf, cap, "%s (%s)", name, p->containment_ba >= p->containment_ab ? "b in a" : "a in b");
  else if (p->verdict == SC_VERDICT_REWRITE && (p->summary || p->within))
    snprintf(buf, cap, "%s (%s)", name, p->summary ? "summary" : "within");
  else
    snprintf(buf, cap, "%s", name);
}

void sc_report_csv_field(FILE *out, const char *s) {
  if (out && s) sc_csv_field(out, s);
}

void sc_report_terminal_text(FILE *out, const char *s) {
  if (out && s) sc_terminal_text(out, s);
}
