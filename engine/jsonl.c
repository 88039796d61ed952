/*
 * jsonl.c: reading JSON Lines corpora: one JSON object per line, the
 * document's id and text in named fields. Streams the file in chunks (memory
 * grows with the longest line, not the file) and hands each record over with
 * its raw line, so that a deduplicated output can keep every other field.
 *
 * A line that is not a JSON object, lacks the text field or holds a
 * non-string text is reported with its line number and skipped; blank lines
 * are skipped silently. A missing id becomes "FILE:LINE".
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "common/sc_internal.h"

typedef struct parser {
  const char *s, *end;   /* the line being parsed                          */
  char *buf;             /* unescaped string output                        */
  size_t len, cap;
} parser;

static void skip_ws(parser *p) {
  while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\r' || *p->s == '\n')) p->s++;
}

static int put(parser *p, const char *bytes, size_t n) {
  if (p->len + n + 1 > p->cap) {
    size_t cap = p->cap ? p->cap * 2 : 256;
    while (cap < p->len + n + 1) cap *= 2;
    char *b = sc__realloc(p->buf, cap);
    if (!b) return 0;
    p->buf = b;
    p->cap = cap;
  }
  memcpy(p->buf + p->len, bytes, n);
  p->len += n;
  p->buf[p->len] = '\0';
  return 1;
}

static int hex4(const char *s, uint32_t *out) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) {
    const char c = s[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= (uint32_t)(c - '0');
    else if (c >= 'a' && c <= 'f') v |= (uint32_t)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= (uint32_t)(c - 'A' + 10);
    else return 0;
  }
  *out = v;
  return 1;
}

static int put_utf8(parser *p, uint32_t cp) {
  char b[4];
  size_t n;
  if (cp < 0x80) {
    b[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    b[0] = (char)(0xC0 | cp >> 6);
    b[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    b[0] = (char)(0xE0 | cp >> 12);
    b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    b[0] = (char)(0xF0 | cp >> 18);
    b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  return put(p, b, n);
}

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* First byte at or after @p s that ends a run of plain string bytes: '"',
 * '\\' or a control byte (< 0x20), or @p end. Text fields are kilobytes of
 * plain bytes, so 16 are tested at a time where SSE2 is available. */
static const char *plain_run_end(const char *s, const char *end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), c1f = _mm_set1_epi8(0x1F);
  while (end - s >= 16) {
    const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    const __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                                      _mm_cmpeq_epi8(_mm_max_epu8(x, c1f), c1f));  /* unsigned x <= 0x1F */
    const int m = _mm_movemask_epi8(stop);
    if (m) return s + __builtin_ctz((unsigned)m);
    s += 16;
  }
#endif
  while (s < end && *s != '"' && *s != '\\' && (unsigned char)*s >= 0x20) s++;
  return s;
}

/* Parses a JSON string at p->s (on the opening quote). With @p keep, its
 * unescaped bytes replace p->buf. @return 1, 0 on a syntax error, -1 OOM. */
static int parse_string(parser *p, int keep) {
  if (p->s >= p->end || *p->s != '"') return 0;
  p->s++;
  if (keep) {
    /* Unescaping never lengthens a string, so room for the rest of the
     * line means no regrowing (a text of kilobytes used to double its
     * buffer from 256 bytes, copying each time). */
    p->len = 0;
    if (!put(p, "", 0)) return -1;
    const size_t rest = (size_t)(p->end - p->s) + 1;
    if (p->cap < rest) {
      char *b = sc__realloc(p->buf, rest);
      if (!b) return -1;
      p->buf = b;
      p->cap = rest;
    }
  }
  for (;;) {
    const char *run = p->s;
    p->s = plain_run_end(p->s, p->end);
    if (keep && p->s > run && !put(p, run, (size_t)(p->s - run))) return -1;
    if (p->s >= p->end || (unsigned char)*p->s < 0x20) return 0;
    if (*p->s == '"') {
      p->s++;
      return 1;
    }
    /* escape */
    if (p->end - p->s < 2) return 0;
    const char e = p->s[1];
    p->s += 2;
    const char *simple = NULL;
    switch (e) {
      case '"': simple = "\""; break;
      case '\\': simple = "\\"; break;
      case '/': simple = "/"; break;
      case 'b': simple = "\b"; break;
      case 'f': simple = "\f"; break;
      case 'n': simple = "\n"; break;
      case 'r': simple = "\r"; break;
      case 't': simple = "\t"; break;
      case 'u': break;
      default: return 0;
    }
    if (simple) {
      if (keep && !put(p, simple, 1)) return -1;
      continue;
    }
    uint32_t cp;
    if (p->end - p->s < 4 || !hex4(p->s, &cp)) return 0;
    p->s += 4;
    if (cp >= 0xD800 && cp <= 0xDBFF) {  /* high surrogate: want a low one */
      uint32_t lo;
      if (p->end - p->s >= 6 && p->s[0] == '\\' && p->s[1] == 'u' && hex4(p->s + 2, &lo) && lo >= 0xDC00 &&
          lo <= 0xDFFF) {
        p->s += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      } else {
        cp = 0xFFFD;  /* lone surrogate */
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (keep && !put_utf8(p, cp)) return -1;
  }
}

/* Skips any JSON value (objects and arrays by depth, strings honoured).
 * @return 1, or 0 on a syntax error. */
static int skip_value(parser *p) {
  skip_ws(p);
  if (p->s >= p->end) return 0;
  if (*p->s == '"') return parse_string(p, 0) == 1;
  if (*p->s == '{' || *p->s == '[') {
    int depth = 0;
    while (p->s < p->end) {
      const char c = *p->s;
      if (c == '"') {
        if (parse_string(p, 0) != 1) return 0;
        continue;
      }
      if (c == '{' || c == '[') depth++;
      if (c == '}' || c == ']') {
        if (--depth == 0) {
          p->s++;
          return 1;
        }
      }
      p->s++;
    }
    return 0;
  }
  const char *start = p->s;  /* number, true, false, null */
  while (p->s < p->end && *p->s != ',' && *p->s != '}' && *p->s != ']' && *p->s != ' ' && *p->s != '\t') p->s++;
  return p->s > start;
}

typedef struct record {
  char *id;              /* owned copies, NULL when absent                 */
  char *text;
  size_t text_len;
  const char *error;     /* why the line was skipped: a printf format that
                            may name the text field with %s                */
} record;

static char *dup_bytes(const char *s, size_t n) {
  char *d = sc__malloc(n + 1);
  if (d) {
    memcpy(d, s, n);
    d[n] = '\0';
  }
  return d;
}

/* Parses one line into @p r. @return SC_OK (r->error set on a bad line) or
 * SC_E_NOMEM. */
static sc_status parse_line(const char *line, size_t len, const char *id_field, const char *text_field, record *r) {
  memset(r, 0, sizeof(*r));
  parser p = {line, line + len, NULL, 0, 0};
  sc_status st = SC_OK;
  skip_ws(&p);
  if (p.s >= p.end || *p.s != '{') {
    r->error = "not a JSON object";
    goto done;
  }
  p.s++;
  skip_ws(&p);
  if (p.s < p.end && *p.s == '}') {
    p.s++;
  } else {
    for (;;) {
      skip_ws(&p);
      int k = parse_string(&p, 1);
      if (k < 0) goto nomem;
      if (k == 0) {
        r->error = "malformed JSON (expected a field name)";
        goto done;
      }
      const int is_id = strcmp(p.buf, id_field) == 0, is_text = strcmp(p.buf, text_field) == 0;
      skip_ws(&p);
      if (p.s >= p.end || *p.s != ':') {
        r->error = "malformed JSON (expected ':')";
        goto done;
      }
      p.s++;
      skip_ws(&p);
      if ((is_id || is_text) && p.s < p.end && *p.s == '"') {
        k = parse_string(&p, 1);
        if (k < 0) goto nomem;
        if (k == 0) {
          r->error = "malformed JSON string";
          goto done;
        }
        if (is_text) {  /* the text is kilobytes: take the buffer rather than copy it */
          sc__free(r->text);
          r->text = p.buf;
          r->text_len = p.len;
          p.buf = NULL;
          p.len = p.cap = 0;
        } else {
          sc__free(r->id);
          if (!(r->id = dup_bytes(p.buf, p.len))) goto nomem;
        }
      } else {
        const char *v = p.s;
        if (!skip_value(&p)) {
          r->error = "malformed JSON value";
          goto done;
        }
        if (is_text) {
          r->error = "\"%s\" is not a string";
          goto done;
        }
        if (is_id) {  /* a number (or other literal) as id: keep its text */
          sc__free(r->id);
          if (!(r->id = dup_bytes(v, (size_t)(p.s - v)))) goto nomem;
        }
      }
      skip_ws(&p);
      if (p.s < p.end && *p.s == ',') {
        p.s++;
        continue;
      }
      if (p.s < p.end && *p.s == '}') {
        p.s++;
        break;
      }
      r->error = "malformed JSON (expected ',' or '}')";
      goto done;
    }
  }
  skip_ws(&p);
  if (p.s != p.end) r->error = "trailing characters after the JSON object";
  else if (!r->text) r->error = "no \"%s\" field";
done:
  sc__free(p.buf);
  return st;
nomem:
  sc__free(p.buf);
  return SC_E_NOMEM;
}

static void record_free(record *r) {
  sc__free(r->id);
  sc__free(r->text);
}

typedef struct reader {
  const char *path;
  const char *id_field, *text_field;
  sc_record_fn on_record;
  sc_read_skip_fn on_skip;
  void *user;
  size_t line_no;
} reader;

static sc_status handle_line(reader *rd, const char *line, size_t len) {
  rd->line_no++;
  if (len && line[len - 1] == '\r') len--;
  size_t k = 0;
  while (k < len && (line[k] == ' ' || line[k] == '\t')) k++;
  if (k == len) return SC_OK;  /* blank line */
  record r;
  SC_TRY(parse_line(line, len, rd->id_field, rd->text_field, &r));
  char where[64];
  sc_status st = SC_OK;
  if (r.error) {
    if (rd->on_skip) {
      char *label = sc__malloc(strlen(rd->path) + 32);
      if (label) {
        snprintf(label, strlen(rd->path) + 32, "%s:%zu", rd->path, rd->line_no);
        char detail[160];
        snprintf(detail, sizeof detail, r.error, rd->text_field);
        rd->on_skip(rd->user, label, SC_E_FORMAT, detail);
        sc__free(label);
      }
    }
  } else {
    const char *id = r.id;
    char *made = NULL;
    if (!id) {
      snprintf(where, sizeof where, ":%zu", rd->line_no);
      made = sc__malloc(strlen(rd->path) + strlen(where) + 1);
      if (!made) {
        record_free(&r);
        return SC_E_NOMEM;
      }
      strcpy(made, rd->path);
      strcat(made, where);
      id = made;
    }
    st = rd->on_record(rd->user, id, r.text, r.text_len, line, len);
    sc__free(made);
  }
  record_free(&r);
  return st;
}

sc_status sc_read_jsonl(const char *path, const char *id_field, const char *text_field, sc_record_fn on_record,
                        sc_read_skip_fn on_skip, void *user) {
  SC_CHECK(!path || !on_record, SC_E_INVALID_ARG);
  reader rd = {path, id_field ? id_field : "id", text_field ? text_field : "text", on_record, on_skip, user, 0};
  const int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
  if (fd < 0) {
    if (on_skip) on_skip(user, path, SC_E_IO, strerror(errno));
    return SC_E_IO;
  }
  enum { CHUNK = 1 << 20 };
  size_t cap = 2 * CHUNK, len = 0;  /* buffer: pending partial line + new chunk */
  char *buf = sc__malloc(cap);
  sc_status st = buf ? SC_OK : SC_E_NOMEM;
  while (st == SC_OK) {
    if (cap - len < CHUNK) {  /* a long line: grow */
      char *b = sc__realloc(buf, cap * 2);
      if (!b) {
        st = SC_E_NOMEM;
        break;
      }
      buf = b;
      cap *= 2;
    }
    const ssize_t r = read(fd, buf + len, cap - len);
    if (r < 0) {
      if (errno == EINTR) continue;
      if (on_skip) on_skip(user, path, SC_E_IO, strerror(errno));
      st = SC_E_IO;
      break;
    }
    size_t scanned = len;
    len += (size_t)r;
    size_t start = 0;
    for (const char *nl; st == SC_OK && (nl = memchr(buf + scanned, '\n', len - scanned)) != NULL;) {
      const size_t i = (size_t)(nl - buf);
      st = handle_line(&rd, buf + start, i - start);
      start = scanned = i + 1;
    }
    if (st != SC_OK) break;
    memmove(buf, buf + start, len - start);
    len -= start;
    if (r == 0) {
      if (len) st = handle_line(&rd, buf, len);  /* last line without '\n' */
      break;
    }
  }
  sc__free(buf);
  if (fd != STDIN_FILENO) close(fd);
  return st;
}
