/*
 * jsonl.c: reading JSON Lines corpora: one JSON object per line, the
 * document's id and text in named fields. Streams the file in mapped windows
 * or read chunks (memory grows with the longest line, not the file) and
 * hands each record over with its raw line, so that a deduplicated output
 * can keep every other field.
 *
 * A line that is not a JSON object, lacks the text field or holds a
 * non-string text is reported with its line number and skipped; blank lines
 * are skipped silently. A missing or empty id, one holding a NUL, or one
 * neither a string nor a number, becomes "FILE:LINE". A UTF-8 byte order
 * mark before the first line is dropped.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/sc_internal.h"

/* A growable string: unescaped JSON strings are decoded into one. */
typedef struct strbuf {
  char *s;               /* NUL-terminated once used                       */
  size_t len, cap;
} strbuf;

typedef struct parser {
  const char *s, *end;   /* the line being parsed                          */
  strbuf *out;           /* where parse_string decodes, or NULL to skip    */
} parser;

static void skip_ws(parser *p) {
  while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\r' || *p->s == '\n')) p->s++;
}

/* Room for @p n more bytes and the NUL in @p b. */
static int reserve(strbuf *b, size_t n) {
  if (b->len + n + 1 <= b->cap) return 1;
  size_t cap = b->cap ? b->cap * 2 : 256;
  while (cap < b->len + n + 1) cap *= 2;
  char *s = sc__realloc(b->s, cap);
  if (!s) return 0;
  b->s = s;
  b->cap = cap;
  return 1;
}

static int put(parser *p, const char *bytes, size_t n) {
  strbuf *b = p->out;
  if (!reserve(b, n)) return 0;
  memcpy(b->s + b->len, bytes, n);
  b->len += n;
  b->s[b->len] = '\0';
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

/* plain_run_end that also copies the run to @p dst, 16 bytes at a time as
 * it tests them (a store per vector instead of a memcpy call per run: the
 * text's runs between escapes are a few hundred bytes). Up to 15 bytes past
 * the run are written too, so @p dst must have room for end - s bytes. */
static const char *copy_plain_run(const char *s, const char *end, char *dst) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), c1f = _mm_set1_epi8(0x1F);
  while (end - s >= 16) {
    const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    _mm_storeu_si128((__m128i *)(void *)dst, x);
    const __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                                      _mm_cmpeq_epi8(_mm_max_epu8(x, c1f), c1f));
    const int m = _mm_movemask_epi8(stop);
    if (m) return s + __builtin_ctz((unsigned)m);
    s += 16;
    dst += 16;
  }
#endif
  while (s < end && *s != '"' && *s != '\\' && (unsigned char)*s >= 0x20) *dst++ = *s++;
  return s;
}

/* Not a code point: what hex4 gives for an escaped surrogate with no pair. */
#define LONE_SURROGATE 0x110000u

/* Parses a JSON string at p->s (on the opening quote). With @p out, its
 * unescaped bytes replace out's. With @p is_text (the text field): out is
 * first given room for the rest of the line, which unescaping never exceeds
 * (out->len plus the bytes left stays within it), so a text of kilobytes is
 * decoded without regrowing and its plain runs are copied as they are
 * scanned; and a lone surrogate is left for analysis to count (below).
 * @return 1, 0 on a syntax error, -1 OOM. */
static int parse_string(parser *p, strbuf *out, int is_text) {
  if (p->s >= p->end || *p->s != '"') return 0;
  p->s++;
  p->out = out;
  const int keep = out != NULL;
  if (keep) {
    out->len = 0;
    if (!reserve(out, is_text ? (size_t)(p->end - p->s) : 0)) return -1;
    out->s[0] = '\0';
  }
  for (;;) {
    const char *run = p->s;
    if (keep && is_text) {  /* out has room for the rest of the line */
      p->s = copy_plain_run(p->s, p->end, out->s + out->len);
      out->len += (size_t)(p->s - run);
      out->s[out->len] = '\0';
    } else {
      p->s = plain_run_end(p->s, p->end);
      if (keep && p->s > run && !put(p, run, (size_t)(p->s - run))) return -1;
    }
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
        cp = LONE_SURROGATE;
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = LONE_SURROGATE;
    }
    if (cp == LONE_SURROGATE) {
      /* No character: in a text, one byte no UTF-8 holds, which the text's
       * check replaces with U+FFFD and counts with the file's other invalid
       * sequences; in a name, U+FFFD itself (names are shown as they are). */
      if (keep && !(is_text ? put(p, "\xFF", 1) : put_utf8(p, 0xFFFD))) return -1;
      continue;
    }
    if (keep && !put_utf8(p, cp)) return -1;
  }
}

/* Skips any JSON value (objects and arrays by depth, strings honoured).
 * @return 1, or 0 on a syntax error. */
static int skip_value(parser *p) {
  skip_ws(p);
  if (p->s >= p->end) return 0;
  if (*p->s == '"') return parse_string(p, NULL, 0) == 1;
  if (*p->s == '{' || *p->s == '[') {
    int depth = 0;
    while (p->s < p->end) {
      const char c = *p->s;
      if (c == '"') {
        if (parse_string(p, NULL, 0) != 1) return 0;
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

/* The reader's buffers, reused from line to line (the text and the id were
 * a malloc and a free per record). */
typedef struct buffers {
  strbuf name, id, text, where;
} buffers;

typedef struct record {
  const char *id;        /* in the buffers, NULL when absent               */
  const char *text;
  size_t text_len;
  const char *error;     /* why the line was skipped: a printf format that
                            may name the text field with %s                */
} record;

/* Copies @p n bytes at @p s into @p b as its whole content. */
static int set_bytes(strbuf *b, const char *s, size_t n) {
  b->len = 0;
  if (!reserve(b, n)) return 0;
  memcpy(b->s, s, n);
  b->len = n;
  b->s[n] = '\0';
  return 1;
}

/* Parses one line into @p r, decoding into @p bufs. @return SC_OK (r->error
 * set on a bad line) or SC_E_NOMEM. */
static sc_status parse_line(const char *line, size_t len, const char *id_field, const char *text_field,
                            buffers *bufs, record *r) {
  memset(r, 0, sizeof(*r));
  parser p = {line, line + len, NULL};
  skip_ws(&p);
  if (p.s >= p.end || *p.s != '{') {
    r->error = "not a JSON object";
    return SC_OK;
  }
  p.s++;
  skip_ws(&p);
  if (p.s < p.end && *p.s == '}') {
    p.s++;
  } else {
    for (;;) {
      skip_ws(&p);
      int k = parse_string(&p, &bufs->name, 0);
      if (k < 0) return SC_E_NOMEM;
      if (k == 0) {
        r->error = "malformed JSON (expected a field name)";
        return SC_OK;
      }
      const int is_id = strcmp(bufs->name.s, id_field) == 0, is_text = strcmp(bufs->name.s, text_field) == 0;
      skip_ws(&p);
      if (p.s >= p.end || *p.s != ':') {
        r->error = "malformed JSON (expected ':')";
        return SC_OK;
      }
      p.s++;
      skip_ws(&p);
      if ((is_id || is_text) && p.s < p.end && *p.s == '"') {
        k = is_text ? parse_string(&p, &bufs->text, 1) : parse_string(&p, &bufs->id, 0);
        if (k < 0) return SC_E_NOMEM;
        if (k == 0) {
          r->error = "malformed JSON string";
          return SC_OK;
        }
        if (is_text) {
          r->text = bufs->text.s;
          r->text_len = bufs->text.len;
        } else {
          r->id = bufs->id.s;
        }
      } else {
        const char *v = p.s;
        if (!skip_value(&p)) {
          r->error = "malformed JSON value";
          return SC_OK;
        }
        if (is_text) {
          r->error = "\"%s\" is not a string";
          return SC_OK;
        }
        /* A number as id: its text. null, true, false, an object or an
         * array name nothing: the record goes by FILE:LINE. */
        if (is_id && (*v == '-' || (*v >= '0' && *v <= '9'))) {
          if (!set_bytes(&bufs->id, v, (size_t)(p.s - v))) return SC_E_NOMEM;
          r->id = bufs->id.s;
        } else if (is_id) {
          r->id = NULL;
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
      return SC_OK;
    }
  }
  skip_ws(&p);
  if (p.s != p.end) r->error = "trailing characters after the JSON object";
  else if (!r->text) r->error = "no \"%s\" field";
  return SC_OK;
}

typedef struct reader {
  const char *path;
  const char *id_field, *text_field;
  sc_record_fn on_record;
  sc_read_skip_fn on_skip;
  void *user;
  size_t line_no;
  buffers bufs;
} reader;

static sc_status handle_line(reader *rd, const char *line, size_t len) {
  rd->line_no++;
  if (len && line[len - 1] == '\r') len--;
  /* A byte order mark opens the file's first record; it is no part of it
   * (nor of the line a kept record is written as). */
  if (rd->line_no == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
    line += 3;
    len -= 3;
  }
  size_t k = 0;
  while (k < len && (line[k] == ' ' || line[k] == '\t')) k++;
  if (k == len) return SC_OK;  /* blank line */
  record r;
  SC_TRY(parse_line(line, len, rd->id_field, rd->text_field, &rd->bufs, &r));
  char where[64];
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
    return SC_OK;
  }
  /* FILE:LINE: where the record is, and its id when it has none. */
  snprintf(where, sizeof where, ":%zu", rd->line_no);
  const size_t pl = strlen(rd->path), wl = strlen(where);
  SC_CHECK(!set_bytes(&rd->bufs.where, rd->path, pl) || !reserve(&rd->bufs.where, wl), SC_E_NOMEM);
  memcpy(rd->bufs.where.s + pl, where, wl + 1);
  /* An empty id names nothing, and one holding a NUL cannot be a name (its
   * first part would pass for another id): both go by FILE:LINE. */
  if (r.id && (rd->bufs.id.len == 0 || memchr(r.id, '\0', rd->bufs.id.len))) r.id = NULL;
  if (!r.id) r.id = rd->bufs.where.s;
  return rd->on_record(rd->user, r.id, r.text, r.text_len, line, len, rd->bufs.where.s);
}

/* Reads the lines of @p fd (standard input, a pipe, a file mmap refuses)
 * in chunks, keeping the partial line at the end of each for the next. */
static sc_status read_lines(reader *rd, int fd) {
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
      if (rd->on_skip) rd->on_skip(rd->user, rd->path, SC_E_IO, strerror(errno));
      st = SC_E_IO;
      break;
    }
    size_t scanned = len;
    len += (size_t)r;
    size_t start = 0;
    for (const char *nl; st == SC_OK && (nl = memchr(buf + scanned, '\n', len - scanned)) != NULL;) {
      const size_t i = (size_t)(nl - buf);
      st = handle_line(rd, buf + start, i - start);
      start = scanned = i + 1;
    }
    if (st != SC_OK) break;
    memmove(buf, buf + start, len - start);
    len -= start;
    if (r == 0) {
      if (len) st = handle_line(rd, buf, len);  /* last line without '\n' */
      break;
    }
  }
  sc__free(buf);
  return st;
}

/* Reads the lines of the regular file @p fd of @p size bytes through
 * windows mapped one after the other, so the lines are parsed where the
 * page cache holds them: read() copied every byte once more (with the
 * partial line moved per chunk), about 3% of the perf samples of a
 * 10^4-document run. Windows are small and unmapped behind the reader:
 * mapped pages count in the process's resident memory (64 MiB windows took
 * the peak of a 10^4 run from 35 to 69 MB; 4 MiB ones, to 36 MB). A window
 * starts at the page of the first line not yet handled; a line longer than
 * the window doubles it. A file truncated while it is read ends the
 * process (SIGBUS on the vanished pages), as with read.c's whole-file
 * mappings; a corpus being rewritten under the reader is not supported.
 * @return SC_OK, what handle_line returned, or
 * SC_E_IO with *fallback set when a window cannot be mapped (the caller
 * reads the rest with read(), from *done: the first line not handled). */
static sc_status map_lines(reader *rd, int fd, uint64_t size, uint64_t window, uint64_t *done, int *fallback) {
  const uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
  if (window < page) window = page;
  sc_status st = SC_OK;
  *fallback = 0;
  *done = 0;
  while (st == SC_OK && *done < size) {
    const uint64_t base = *done - *done % page, span = size - base < window ? size - base : window;
    char *m = mmap(NULL, (size_t)span, PROT_READ, MAP_PRIVATE, fd, (off_t)base);
    if (m == MAP_FAILED) {
      *fallback = 1;
      return SC_E_IO;
    }
    (void)posix_madvise(m, (size_t)span, POSIX_MADV_SEQUENTIAL);
    const char *p = m + (*done - base), *end = m + span;
    const char *const first = p;
    for (const char *nl; st == SC_OK && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL; p = nl + 1)
      st = handle_line(rd, p, (size_t)(nl - p));
    if (st == SC_OK && base + span == size && p < end) {  /* last line without '\n' */
      st = handle_line(rd, p, (size_t)(end - p));
      p = end;
    }
    if (p == first && base + span < size) window *= 2;  /* no line ends in this window */
    *done = base + (uint64_t)(p - m);
    munmap(m, (size_t)span);
  }
  return st;
}

sc_status sc__read_jsonl_window(const char *path, const char *id_field, const char *text_field,
                                sc_record_fn on_record, sc_read_skip_fn on_skip, void *user, uint64_t window) {
  SC_CHECK(!path || !on_record, SC_E_INVALID_ARG);
  reader rd = {.path = path, .id_field = id_field ? id_field : "id", .text_field = text_field ? text_field : "text",
               .on_record = on_record, .on_skip = on_skip, .user = user};
  const int is_stdin = strcmp(path, "-") == 0;
  const int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
  if (fd < 0) {
    if (on_skip) on_skip(user, path, SC_E_IO, strerror(errno));
    return SC_E_IO;
  }
  struct stat sb;
  sc_status st;
  int fallback = 1;
  if (!is_stdin && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0) {
    uint64_t done;
    st = map_lines(&rd, fd, (uint64_t)sb.st_size, window, &done, &fallback);
    if (fallback && lseek(fd, (off_t)done, SEEK_SET) < 0) {  /* st stays SC_E_IO */
      fallback = 0;
      if (on_skip) on_skip(user, path, SC_E_IO, strerror(errno));
    }
  }
  if (fallback) st = read_lines(&rd, fd);
  sc__free(rd.bufs.name.s);
  sc__free(rd.bufs.id.s);
  sc__free(rd.bufs.where.s);
  sc__free(rd.bufs.text.s);
  if (!is_stdin) close(fd);
  return st;
}

sc_status sc_read_jsonl(const char *path, const char *id_field, const char *text_field, sc_record_fn on_record,
                        sc_read_skip_fn on_skip, void *user) {
  return sc__read_jsonl_window(path, id_field, text_field, on_record, on_skip, user, (uint64_t)4 << 20);
}
