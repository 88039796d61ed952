/*
 * test_jsonl.c (unit): sc_read_jsonl on files written here.
 *
 * Every record's id, unescaped text and raw line are collected and compared
 * byte for byte with hand-written expectations; every skipped line's label
 * ("PATH:LINE"), status and exact reason string (those of jsonl.c) too.
 * Covers custom field names, escapes (surrogate pairs, lone surrogates),
 * numeric and missing ids, nested values, malformed lines followed by good
 * ones, blank lines, CRLF, a last line without a newline, invalid UTF-8, a
 * 50 MB record, standard input, a missing file and a callback that stops.
 * Seeded (the 50 MB text and the random-record round trip): --seed N.
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <unistd.h>

#include "common/sc_internal.h"
#include "sc_test.h"
#include "simcheck.h"

typedef struct item {
  char *id, *text, *line, *where;
  size_t text_len, line_len;
} item;

typedef struct skip {
  char *label, *detail;
  sc_status why;
} skip;

typedef struct sink {
  item *items;
  size_t n, cap;
  skip *skips;
  size_t n_skips, cap_skips;
  size_t stop_after;            /* return stop_status after this many records (0: never) */
  sc_status stop_status;
} sink;

static char *dup_mem(const char *s, size_t n) {
  char *d = malloc(n + 1);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

static sc_status on_record(void *user, const char *id, const char *text, size_t len, const char *line,
                           size_t line_len, const char *where) {
  sink *s = user;
  if (s->n == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 16;
    s->items = realloc(s->items, s->cap * sizeof *s->items);
  }
  item *it = &s->items[s->n++];
  it->id = dup_mem(id, strlen(id));
  it->text = dup_mem(text, len);
  it->text_len = len;
  it->line = dup_mem(line, line_len);
  it->line_len = line_len;
  it->where = dup_mem(where, strlen(where));
  if (s->stop_after && s->n == s->stop_after) return s->stop_status;
  return SC_OK;
}

static void on_skip(void *user, const char *path, sc_status why, const char *detail) {
  sink *s = user;
  if (s->n_skips == s->cap_skips) {
    s->cap_skips = s->cap_skips ? 2 * s->cap_skips : 16;
    s->skips = realloc(s->skips, s->cap_skips * sizeof *s->skips);
  }
  skip *k = &s->skips[s->n_skips++];
  k->label = dup_mem(path, strlen(path));
  k->detail = dup_mem(detail ? detail : "(null)", strlen(detail ? detail : "(null)"));
  k->why = why;
}

static void sink_free(sink *s) {
  for (size_t i = 0; i < s->n; i++) {
    free(s->items[i].id);
    free(s->items[i].text);
    free(s->items[i].line);
    free(s->items[i].where);
  }
  for (size_t i = 0; i < s->n_skips; i++) {
    free(s->skips[i].label);
    free(s->skips[i].detail);
  }
  free(s->items);
  free(s->skips);
  memset(s, 0, sizeof *s);
}

static char tmpdir[256];

static void write_file(const char *path, const char *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f) {
    perror(path);
    exit(2);
  }
  if (len && fwrite(data, 1, len, f) != len) exit(2);
  fclose(f);
}

static const char *tmp_path(const char *name) {
  static char buf[8][512];
  static int k;
  char *p = buf[k++ % 8];
  snprintf(p, 512, "%s/%s", tmpdir, name);
  return p;
}

/* Checks record @p i of @p s. */
#define CHECK_ITEM(s, i, want_id, want_text, want_text_len, want_line)                                    \
  do {                                                                                                    \
    if ((s)->n > (i)) {                                                                                   \
      CHECK_STR((s)->items[i].id, (want_id));                                                             \
      CHECK_MEM((s)->items[i].text, (s)->items[i].text_len, (want_text), (want_text_len));                \
      CHECK_MEM((s)->items[i].line, (s)->items[i].line_len, (want_line), strlen(want_line));              \
    } else {                                                                                              \
      CHECK_MSG(0, "record %d missing (%zu records)", (int)(i), (s)->n);                                  \
    }                                                                                                     \
  } while (0)

#define CHECK_SKIP(s, i, want_label, want_why, want_detail)                                               \
  do {                                                                                                    \
    if ((s)->n_skips > (i)) {                                                                             \
      CHECK_STR((s)->skips[i].label, (want_label));                                                       \
      CHECK_EQ_INT((s)->skips[i].why, (want_why));                                                        \
      CHECK_STR((s)->skips[i].detail, (want_detail));                                                     \
    } else {                                                                                              \
      CHECK_MSG(0, "skip %d missing (%zu skips)", (int)(i), (s)->n_skips);                                \
    }                                                                                                     \
  } while (0)

static void test_fields_and_escapes(void) {
  const char *path = tmp_path("fields.jsonl");
  static const char data[] =
      "{\"doc_id\": \"a1\", \"body\": \"plain text\", \"id\": \"not me\", \"text\": \"nor me\"}\n"
      "{\"body\": \"a\\nb\\\"c\\\\d\\/e\\u00e9f\\ud83d\\ude00g\\ud800h\\udc00i\\t\\b\\f\\r\", \"doc_id\": \"esc\"}\n"
      "{\"doc_id\": \"pair\", \"body\": \"\\uD83D\\uDE00 \\ud83d\\u0041 \\u00E9\\u20ac\"}\n"
      "{\"doc_id\": 12345, \"body\": \"numeric id\"}\n"
      "{\"doc_id\": -1.5e3 , \"body\": \"negative id\"}\n"
      "{\"body\": \"no id here\"}\n"
      "{\"meta\": {\"a\": [1, 2, {\"b\": \"}\"}], \"c\": \"]\"}, \"doc_id\": \"nested\", \"tags\": [\"x\", [\"y\"]], "
      "\"body\": \"after nesting\", \"n\": -1.5e3, \"t\": true, \"f\": false, \"z\": null}\n"
      "{\"do\\u0063_id\": \"escaped key\", \"bo\\u0064y\": \"escaped field names match\"}\n"
      "{\"doc_id\": \"nul\", \"body\": \"a\\u0000b\"}\n"
      "{\"doc_id\": \"empty\", \"body\": \"\"}\n"
      "  {\"doc_id\": \"spaces\" ,\"body\" :\t\"around\"  }  \n"
      "{\"doc_id\": \"\", \"body\": \"empty id\"}\n"
      "{\"doc_id\": \"a\\u0000b\", \"body\": \"NUL in the id\"}\n";
  write_file(path, data, sizeof data - 1);
  sink s = {0};
  CHECK_EQ_INT(sc_read_jsonl(path, "doc_id", "body", on_record, on_skip, &s), SC_OK);
  CHECK_EQ_INT(s.n, 13);
  CHECK_EQ_INT(s.n_skips, 0);
  CHECK_ITEM(&s, 0, "a1", "plain text", 10,
             "{\"doc_id\": \"a1\", \"body\": \"plain text\", \"id\": \"not me\", \"text\": \"nor me\"}");
  /* A surrogate without its pair comes as the byte 0xFF, invalid UTF-8
   * that analysis replaces with U+FFFD and counts. */
  static const char esc[] = "a\nb\"c\\d/e\xc3\xa9" "f\xf0\x9f\x98\x80g\xffh\xffi\t\b\f\r";
  CHECK_ITEM(&s, 1, "esc", esc, sizeof esc - 1,
             "{\"body\": \"a\\nb\\\"c\\\\d\\/e\\u00e9f\\ud83d\\ude00g\\ud800h\\udc00i\\t\\b\\f\\r\", \"doc_id\": \"esc\"}");
  static const char pair[] = "\xf0\x9f\x98\x80 \xff" "A \xc3\xa9\xe2\x82\xac";
  CHECK_ITEM(&s, 2, "pair", pair, sizeof pair - 1,
             "{\"doc_id\": \"pair\", \"body\": \"\\uD83D\\uDE00 \\ud83d\\u0041 \\u00E9\\u20ac\"}");
  CHECK_ITEM(&s, 3, "12345", "numeric id", 10, "{\"doc_id\": 12345, \"body\": \"numeric id\"}");
  CHECK_ITEM(&s, 4, "-1.5e3", "negative id", 11, "{\"doc_id\": -1.5e3 , \"body\": \"negative id\"}");
  char want_id[600];
  snprintf(want_id, sizeof want_id, "%s:6", path);
  CHECK_ITEM(&s, 5, want_id, "no id here", 10, "{\"body\": \"no id here\"}");
  CHECK_ITEM(&s, 6, "nested", "after nesting", 13,
             "{\"meta\": {\"a\": [1, 2, {\"b\": \"}\"}], \"c\": \"]\"}, \"doc_id\": \"nested\", \"tags\": [\"x\", "
             "[\"y\"]], \"body\": \"after nesting\", \"n\": -1.5e3, \"t\": true, \"f\": false, \"z\": null}");
  CHECK_ITEM(&s, 7, "escaped key", "escaped field names match", 25,
             "{\"do\\u0063_id\": \"escaped key\", \"bo\\u0064y\": \"escaped field names match\"}");
  CHECK_ITEM(&s, 8, "nul", "a\0b", 3, "{\"doc_id\": \"nul\", \"body\": \"a\\u0000b\"}");
  CHECK_ITEM(&s, 9, "empty", "", 0, "{\"doc_id\": \"empty\", \"body\": \"\"}");
  CHECK_ITEM(&s, 10, "spaces", "around", 6, "  {\"doc_id\": \"spaces\" ,\"body\" :\t\"around\"  }  ");
  /* An empty id, or one with a NUL (no name can hold it, and "a" would
   * pass for it), is no id: FILE:LINE. */
  snprintf(want_id, sizeof want_id, "%s:12", path);
  CHECK_ITEM(&s, 11, want_id, "empty id", 8, "{\"doc_id\": \"\", \"body\": \"empty id\"}");
  snprintf(want_id, sizeof want_id, "%s:13", path);
  CHECK_ITEM(&s, 12, want_id, "NUL in the id", 13, "{\"doc_id\": \"a\\u0000b\", \"body\": \"NUL in the id\"}");
  sink_free(&s);

  /* Default field names (NULL): "id" and "text". */
  CHECK_EQ_INT(sc_read_jsonl(path, NULL, NULL, on_record, on_skip, &s), SC_OK);
  CHECK_EQ_INT(s.n, 1);
  CHECK_ITEM(&s, 0, "not me", "nor me", 6,
             "{\"doc_id\": \"a1\", \"body\": \"plain text\", \"id\": \"not me\", \"text\": \"nor me\"}");
  CHECK_EQ_INT(s.n_skips, 12);  /* every other line lacks "text" */
  char label[600];
  snprintf(label, sizeof label, "%s:2", path);
  CHECK_SKIP(&s, 0, label, SC_E_FORMAT, "no \"text\" field");
  sink_free(&s);
}

static void test_malformed(void) {
  const char *path = tmp_path("bad.jsonl");
  static const char data[] =
      "{\"id\": \"ok1\", \"text\": \"first good\"}\n"         /* 1 */
      "not json at all\n"                                   /* 2 */
      "[\"an\", \"array\"]\n"                               /* 3 */
      "{\"id\": \"m\"}\n"                                   /* 4 */
      "{\"id\": \"n\", \"text\": 5}\n"                      /* 5 */
      "{\"id\": \"o\", \"text\": [\"a\"]}\n"                /* 6 */
      "{\"id\": \"p\", \"text\": null}\n"                   /* 7 */
      "{\"id\": \"q\", \"text\": \"truncated\n"             /* 8 */
      "{\"id\": \"r\", \"text\": \"fine\"} trailing\n"      /* 9 */
      "{\"id\": \"s\", \"text\": \"fine\"}}\n"              /* 10 */
      "{\"id\": \"t\" \"text\": \"no comma\"}\n"            /* 11 */
      "{\"id\": \"u\", \"text\" \"no colon\"}\n"            /* 12 */
      "{id: \"v\", \"text\": \"bare key\"}\n"               /* 13 */
      "{\"id\": \"w\", \"text\": \"bad \\q escape\"}\n"     /* 14 */
      "{\"id\": \"x\", \"text\": \"raw\ttab\"}\n"           /* 15 */
      "{\"id\": \"y\", \"text\": \"short \\u12\"}\n"        /* 16 */
      "{\"id\": \"z\", \"other\": \"unterminated}\n"        /* 17 */
      "{\"id\": \"z2\", \"text\": \"x\",}\n"                /* 18 */
      "{}\n"                                                /* 19 */
      "{\"id\": \"z3\", \"text\": \"x\"\n"                  /* 20 */
      "{\"id\": \"ok2\", \"text\": \"last good\"}\n";       /* 21 */
  write_file(path, data, sizeof data - 1);
  sink s = {0};
  CHECK_EQ_INT(sc_read_jsonl(path, NULL, NULL, on_record, on_skip, &s), SC_OK);
  CHECK_EQ_INT(s.n, 2);
  CHECK_ITEM(&s, 0, "ok1", "first good", 10, "{\"id\": \"ok1\", \"text\": \"first good\"}");
  CHECK_ITEM(&s, 1, "ok2", "last good", 9, "{\"id\": \"ok2\", \"text\": \"last good\"}");
  /* Where each record is, past the 19 skipped lines: for messages. */
  char where[600];
  snprintf(where, sizeof where, "%s:1", path);
  CHECK_STR(s.items[0].where, where);
  snprintf(where, sizeof where, "%s:21", path);
  CHECK_STR(s.items[1].where, where);
  static const struct {
    int line;
    const char *reason;
  } want[] = {
      {2, "not a JSON object"},
      {3, "not a JSON object"},
      {4, "no \"text\" field"},
      {5, "\"text\" is not a string"},
      {6, "\"text\" is not a string"},
      {7, "\"text\" is not a string"},
      {8, "malformed JSON string"},
      {9, "trailing characters after the JSON object"},
      {10, "trailing characters after the JSON object"},
      {11, "malformed JSON (expected ',' or '}')"},
      {12, "malformed JSON (expected ':')"},
      {13, "malformed JSON (expected a field name)"},
      {14, "malformed JSON string"},
      {15, "malformed JSON string"},
      {16, "malformed JSON string"},
      {17, "malformed JSON value"},
      {18, "malformed JSON (expected a field name)"},
      {19, "no \"text\" field"},
      {20, "malformed JSON (expected ',' or '}')"},
  };
  const size_t nw = sizeof want / sizeof want[0];
  CHECK_EQ_INT(s.n_skips, nw);
  for (size_t i = 0; i < nw; i++) {
    char label[600];
    snprintf(label, sizeof label, "%s:%d", path, want[i].line);
    CHECK_SKIP(&s, i, label, SC_E_FORMAT, want[i].reason);
  }
  sink_free(&s);

  /* The reason names a custom text field. */
  static const char custom[] = "{\"id\": \"a\"}\n{\"body\": 3}\n";
  const char *path2 = tmp_path("custom.jsonl");
  write_file(path2, custom, sizeof custom - 1);
  CHECK_EQ_INT(sc_read_jsonl(path2, NULL, "body", on_record, on_skip, &s), SC_OK);
  CHECK_EQ_INT(s.n, 0);
  CHECK_EQ_INT(s.n_skips, 2);
  char l1[600], l2[600];
  snprintf(l1, sizeof l1, "%s:1", path2);
  snprintf(l2, sizeof l2, "%s:2", path2);
  CHECK_SKIP(&s, 0, l1, SC_E_FORMAT, "no \"body\" field");
  CHECK_SKIP(&s, 1, l2, SC_E_FORMAT, "\"body\" is not a string");
  sink_free(&s);

  /* Without on_skip, bad lines are skipped silently. */
  CHECK_EQ_INT(sc_read_jsonl(path, NULL, NULL, on_record, NULL, &s), SC_OK);
  CHECK_EQ_INT(s.n, 2);
  sink_free(&s);
}

static void test_lines(void) {
  /* Blank lines (empty, spaces, tab, lone CR) count as lines; CRLF ends;
   * the last line has no newline. */
  const char *path = tmp_path("lines.jsonl");
  static const char data[] =
      "\n"                                               /* 1 */
      "   \n"                                            /* 2 */
      "\t\r\n"                                           /* 3 */
      "{\"text\": \"crlf one\"}\r\n"                     /* 4 */
      "\r\n"                                             /* 5 */
      "{\"text\": \"crlf two\", \"id\": \"c2\"}\r\n"     /* 6 */
      "{\"text\": \"bad\" x}\r\n"                        /* 7 */
      "{\"text\": \"invalid \xff\xfe utf-8 \xc3 kept\"}\n" /* 8 */
      "{\"text\": \"no newline at the end\"}";           /* 9 */
  write_file(path, data, sizeof data - 1);
  sink s = {0};
  CHECK_EQ_INT(sc_read_jsonl(path, NULL, NULL, on_record, on_skip, &s), SC_OK);
  CHECK_EQ_INT(s.n, 4);
  char id[600];
  snprintf(id, sizeof id, "%s:4", path);
  CHECK_ITEM(&s, 0, id, "crlf one", 8, "{\"text\": \"crlf one\"}");
  CHECK_ITEM(&s, 1, "c2", "crlf two", 8, "{\"text\": \"crlf two\", \"id\": \"c2\"}");
  snprintf(id, sizeof id, "%s:8", path);
  static const char inv[] = "invalid \xff\xfe utf-8 \xc3 kept";
  CHECK_ITEM(&s, 2, id, inv, sizeof inv - 1, "{\"text\": \"invalid \xff\xfe utf-8 \xc3 kept\"}");
  snprintf(id, sizeof id, "%s:9", path);
  CHECK_ITEM(&s, 3, id, "no newline at the end", 21, "{\"text\": \"no newline at the end\"}");
  CHECK_EQ_INT(s.n_skips, 1);
  snprintf(id, sizeof id, "%s:7", path);
  CHECK_SKIP(&s, 0, id, SC_E_FORMAT, "malformed JSON (expected ',' or '}')");
  sink_free(&s);

  /* A malformed last line without a newline is reported too; CR at EOF. */
  const char *p2 = tmp_path("lastbad.jsonl");
  static const char d2[] = "{\"text\": \"a\"}\n{\"text\": \"b\"}\r";
  write_file(p2, d2, sizeof d2 - 1);
  CHECK_EQ_INT(sc_read_jsonl(p2, NULL, NULL, on_record, on_skip, &s), SC_OK);
  CHECK_EQ_INT(s.n, 2);
  snprintf(id, sizeof id, "%s:2", p2);
  CHECK_ITEM(&s, 1, id, "b", 1, "{\"text\": \"b\"}");
  sink_free(&s);
  const char *p3 = tmp_path("lastbad2.jsonl");
  static const char d3[] = "{\"text\": \"a\"}\n{\"text\": \"b";
  write_file(p3, d3, sizeof d3 - 1);
  CHECK_EQ_INT(sc_read_jsonl(p3, NULL, NULL, on_record, on_skip, &s), SC_OK);
  CHECK_EQ_INT(s.n, 1);
  snprintf(id, sizeof id, "%s:2", p3);
  CHECK_SKIP(&s, 0, id, SC_E_FORMAT, "malformed JSON string");
  sink_free(&s);

  /* An empty file and a file of blank lines: nothing, no error. */
  const char *p4 = tmp_path("empty.jsonl");
  write_file(p4, "", 0);
  CHECK_EQ_INT(sc_read_jsonl(p4, NULL, NULL, on_record, on_skip, &s), SC_OK);
  CHECK_EQ_INT(s.n + s.n_skips, 0);
  write_file(p4, "\n\n  \n", 5);
  CHECK_EQ_INT(sc_read_jsonl(p4, NULL, NULL, on_record, on_skip, &s), SC_OK);
  CHECK_EQ_INT(s.n + s.n_skips, 0);
  sink_free(&s);
}

/* A byte order mark opens the first line only and is dropped from it; ids
 * that are neither strings nor numbers name nothing; a lone surrogate in an
 * id is U+FFFD (names are shown, not analysed). */
static void test_bom_and_ids(void) {
  const char *path = tmp_path("bom.jsonl");
  static const char data[] =
      "\xEF\xBB\xBF{\"id\": \"first\", \"text\": \"one\"}\n"  /* 1 */
      "{\"id\": null, \"text\": \"two\"}\n"                      /* 2 */
      "{\"id\": {\"k\": 1}, \"text\": \"three\"}\n"            /* 3 */
      "{\"id\": [1, 2], \"text\": \"four\"}\n"                   /* 4 */
      "{\"id\": true, \"text\": \"five\"}\n"                     /* 5 */
      "{\"id\": -12.5, \"text\": \"six\"}\n"                     /* 6 */
      "{\"id\": \"x\\ud800y\", \"text\": \"seven\"}\n"       /* 7 */
      "\xEF\xBB\xBF{\"id\": \"late\", \"text\": \"eight\"}\n"; /* 8: a BOM inside is no mark */
  write_file(path, data, sizeof data - 1);
  sink s = {0};
  CHECK_EQ_INT(sc_read_jsonl(path, NULL, NULL, on_record, on_skip, &s), SC_OK);
  CHECK_EQ_INT(s.n, 7);
  CHECK_ITEM(&s, 0, "first", "one", 3, "{\"id\": \"first\", \"text\": \"one\"}");
  char id[600];
  snprintf(id, sizeof id, "%s:2", path);
  CHECK_ITEM(&s, 1, id, "two", 3, "{\"id\": null, \"text\": \"two\"}");
  snprintf(id, sizeof id, "%s:3", path);
  CHECK_ITEM(&s, 2, id, "three", 5, "{\"id\": {\"k\": 1}, \"text\": \"three\"}");
  snprintf(id, sizeof id, "%s:4", path);
  CHECK_ITEM(&s, 3, id, "four", 4, "{\"id\": [1, 2], \"text\": \"four\"}");
  snprintf(id, sizeof id, "%s:5", path);
  CHECK_ITEM(&s, 4, id, "five", 4, "{\"id\": true, \"text\": \"five\"}");
  CHECK_ITEM(&s, 5, "-12.5", "six", 3, "{\"id\": -12.5, \"text\": \"six\"}");
  CHECK_ITEM(&s, 6, "x\xef\xbf\xbdy", "seven", 5, "{\"id\": \"x\\ud800y\", \"text\": \"seven\"}");
  CHECK_EQ_INT(s.n_skips, 1);
  snprintf(id, sizeof id, "%s:8", path);
  CHECK_SKIP(&s, 0, id, SC_E_FORMAT, "not a JSON object");
  sink_free(&s);
}

/* Many records of random lengths around the 1 MiB read chunk, so lines
 * straddle chunk boundaries (and mapped windows). */
static void test_chunk_boundaries(void) {
  const char *path = tmp_path("chunks.jsonl");
  FILE *f = fopen(path, "wb");
  enum { N = 60 };
  size_t lens[N];
  for (size_t i = 0; i < N; i++) {
    lens[i] = sc_test_below(3) == 0 ? sc_test_below(100) : 1000 + sc_test_below(150000);
    fprintf(f, "{\"id\": \"r%zu\", \"text\": \"", i);
    for (size_t k = 0; k < lens[i]; k++) fputc('a' + (int)((i + k) % 26), f);
    fputs("\"}\n", f);
  }
  fclose(f);
  /* Mapped in one window, in windows of a page to a few (lines cross
   * them, and many are longer than one: the window grows), and read()
   * through standard input. */
  static const uint64_t windows[] = {64u << 20, 1, 3 * 4096 + 5, 40000};
  for (size_t w = 0; w <= sizeof windows / sizeof *windows; w++) {
    sink s = {0};
    if (w < sizeof windows / sizeof *windows) {
      CHECK_EQ_INT(sc__read_jsonl_window(path, NULL, NULL, on_record, on_skip, &s, windows[w]), SC_OK);
    } else {
      const int saved = dup(STDIN_FILENO), fd = open(path, O_RDONLY);
      CHECK(saved >= 0 && fd >= 0);
      dup2(fd, STDIN_FILENO);
      close(fd);
      CHECK_EQ_INT(sc_read_jsonl("-", NULL, NULL, on_record, on_skip, &s), SC_OK);
      dup2(saved, STDIN_FILENO);
      close(saved);
    }
    CHECK_EQ_INT(s.n, N);
    CHECK_EQ_INT(s.n_skips, 0);
    for (size_t i = 0; i < N && i < s.n; i++) {
      char id[32];
      snprintf(id, sizeof id, "r%zu", i);
      size_t bad = strcmp(s.items[i].id, id) != 0 || s.items[i].text_len != lens[i] ||
                   s.items[i].line_len != lens[i] + strlen(id) + 22;
      for (size_t k = 0; !bad && k < lens[i]; k++) bad = s.items[i].text[k] != 'a' + (int)((i + k) % 26);
      CHECK_MSG(!bad, "window %zu: record %zu (%zu bytes) read wrong", w, i, lens[i]);
    }
    sink_free(&s);
  }
}

/* Reads @p path mapped @p window bytes at a time, or through standard input
 * (the read() path) when @p window is 0. */
static void read_either(const char *path, uint64_t window, sink *s) {
  if (window) {
    sc__read_jsonl_window(path, NULL, NULL, on_record, on_skip, s, window);
    return;
  }
  const int saved = dup(STDIN_FILENO), fd = open(path, O_RDONLY);
  CHECK(saved >= 0 && fd >= 0);
  dup2(fd, STDIN_FILENO);
  close(fd);
  sc_read_jsonl("-", NULL, NULL, on_record, on_skip, s);
  dup2(saved, STDIN_FILENO);
  close(saved);
}

/* Random soup of JSON-ish lines: records with every kind of escape (valid,
 * invalid, lone and paired surrogates), garbage bytes (NUL, invalid UTF-8,
 * stray quotes and braces), blank and long lines, sometimes no final
 * newline. Under the sanitizers nothing may read out of bounds, and the
 * mapped reader (windows of several sizes) and the read() path must agree
 * on every record and every skip. */
static void test_random_soup(void) {
  static const char *const pieces[] = {"{\"id\": \"", "\", \"text\": \"", "\"}", "\\n", "\\\"", "\\\\",
                                       "\\u00e9", "\\ud83d\\ude00", "\\ud800", "\\uZZZZ", "\\q", "\"", "{", "}",
                                       ":", ",", " ", "\xc3\xa9", "\xff\xfe", "word", "\t", "null", "[1, 2]"};
  const char *path = tmp_path("soup.jsonl");
  for (int round = 0; round < 30; round++) {
    FILE *f = fopen(path, "wb");
    const size_t lines = 1 + sc_test_below(200);
    for (size_t l = 0; l < lines; l++) {
      const size_t kind = sc_test_below(10);
      if (kind == 0) {  /* garbage bytes, NUL included */
        const size_t n = sc_test_below(60);
        for (size_t k = 0; k < n; k++) {
          const int c = (int)sc_test_below(256);
          fputc(c == '\n' ? 'x' : c, f);
        }
      } else if (kind == 1) {  /* blank */
      } else {  /* a record, or pieces of one */
        const int whole = kind > 4;
        if (whole) fprintf(f, "{\"id\": \"r%zu\", \"text\": \"", l);
        const size_t n = whole ? sc_test_below(40) : 1 + sc_test_below(12);
        for (size_t k = 0; k < n; k++) {
          const size_t p = whole ? 4 + sc_test_below(7) : sc_test_below(sizeof pieces / sizeof *pieces);
          fputs(pieces[p], f);
        }
        if (kind == 9) for (size_t k = sc_test_below(20000); k > 0; k--) fputc('a' + (int)(k % 26), f);
        if (whole) fputs("\"}", f);
      }
      if (l + 1 < lines || sc_test_below(2)) fputc('\n', f);
    }
    fclose(f);
    static const uint64_t windows[] = {4096, 3 * 4096 + 5, 64u << 20};
    sink ref = {0};
    read_either(path, 0, &ref);
    for (size_t w = 0; w < sizeof windows / sizeof *windows; w++) {
      sink s = {0};
      read_either(path, windows[w], &s);
      size_t bad = s.n != ref.n || s.n_skips != ref.n_skips;
      for (size_t i = 0; !bad && i < s.n; i++)
        bad = strcmp(s.items[i].id, ref.items[i].id) != 0 || s.items[i].text_len != ref.items[i].text_len ||
              memcmp(s.items[i].text, ref.items[i].text, s.items[i].text_len) != 0 ||
              s.items[i].line_len != ref.items[i].line_len ||
              memcmp(s.items[i].line, ref.items[i].line, s.items[i].line_len) != 0;
      for (size_t i = 0; !bad && i < s.n_skips; i++)
        bad = s.skips[i].why != ref.skips[i].why || strcmp(s.skips[i].detail, ref.skips[i].detail) != 0;
      CHECK_MSG(!bad, "round %d, window %zu: the mapped reader and read() disagree (%zu/%zu records, %zu/%zu skips)",
                round, w, s.n, ref.n, s.n_skips, ref.n_skips);
      sink_free(&s);
    }
    CHECK(ref.n + ref.n_skips > 0);
    sink_free(&ref);
  }
}

static void test_big_line(void) {
  enum { BIG = 50 * 1000 * 1000 };
  const char *path = tmp_path("big.jsonl");
  /* The text: random words plus escapes every so often; the expected
   * unescaped bytes are built alongside. */
  char *want = malloc(BIG + 64);
  size_t wlen = 0;
  FILE *f = fopen(path, "wb");
  fputs("{\"id\": \"before\", \"text\": \"small one\"}\n{\"id\": \"big\", \"text\": \"", f);
  char *enc = malloc(1 << 16);
  size_t elen = 0;
  while (wlen < BIG) {
    const size_t kind = sc_test_below(40);
    if (kind == 0) {
      memcpy(enc + elen, "\\n", 2), elen += 2;
      want[wlen++] = '\n';
    } else if (kind == 1) {
      memcpy(enc + elen, "\\u00e9", 6), elen += 6;
      want[wlen++] = (char)0xC3;
      want[wlen++] = (char)0xA9;
    } else if (kind == 2) {
      memcpy(enc + elen, "\\\"", 2), elen += 2;
      want[wlen++] = '"';
    } else {
      const size_t n = 1 + sc_test_below(9);
      for (size_t k = 0; k < n; k++) enc[elen++] = want[wlen++] = (char)('a' + sc_test_below(26));
      enc[elen++] = want[wlen++] = ' ';
    }
    if (elen > (1 << 16) - 32) {
      fwrite(enc, 1, elen, f);
      elen = 0;
    }
  }
  fwrite(enc, 1, elen, f);
  fputs("\", \"extra\": [1, 2, 3]}\n{\"id\": \"after\", \"text\": \"small two\"}\n", f);
  fclose(f);
  free(enc);
  sink s = {0};
  CHECK_EQ_INT(sc_read_jsonl(path, NULL, NULL, on_record, on_skip, &s), SC_OK);
  CHECK_EQ_INT(s.n, 3);
  CHECK_EQ_INT(s.n_skips, 0);
  if (s.n == 3) {
    CHECK_STR(s.items[0].id, "before");
    CHECK_STR(s.items[1].id, "big");
    CHECK_STR(s.items[2].id, "after");
    CHECK_STR(s.items[2].text, "small two");
    CHECK_EQ_INT(s.items[1].text_len, wlen);
    CHECK_MSG(s.items[1].text_len == wlen && memcmp(s.items[1].text, want, wlen) == 0,
              "the %zu-byte text differs", wlen);
    CHECK_MSG(s.items[1].line_len > wlen && memcmp(s.items[1].line, "{\"id\": \"big\", \"text\": \"", 23) == 0 &&
                  memcmp(s.items[1].line + s.items[1].line_len - 22, "\", \"extra\": [1, 2, 3]}", 22) == 0,
              "raw line of the big record not intact (%zu bytes)", s.items[1].line_len);
  }
  printf("  big record: %zu bytes of text\n", wlen);
  sink_free(&s);
  free(want);
  remove(path);
}

static void test_stdin_and_errors(void) {
  const char *path = tmp_path("stdin.jsonl");
  static const char data[] = "{\"text\": \"from stdin\"}\n{\"id\": 7, \"text\": \"seven\"}\nbad\n";
  write_file(path, data, sizeof data - 1);
  const int saved = dup(STDIN_FILENO);
  const int fd = open(path, O_RDONLY);
  CHECK(saved >= 0 && fd >= 0);
  dup2(fd, STDIN_FILENO);
  close(fd);
  sink s = {0};
  CHECK_EQ_INT(sc_read_jsonl("-", NULL, NULL, on_record, on_skip, &s), SC_OK);
  dup2(saved, STDIN_FILENO);
  close(saved);
  CHECK_EQ_INT(s.n, 2);
  CHECK_ITEM(&s, 0, "-:1", "from stdin", 10, "{\"text\": \"from stdin\"}");
  CHECK_ITEM(&s, 1, "7", "seven", 5, "{\"id\": 7, \"text\": \"seven\"}");
  CHECK_EQ_INT(s.n_skips, 1);
  CHECK_SKIP(&s, 0, "-:3", SC_E_FORMAT, "not a JSON object");
  sink_free(&s);

  /* A missing file: reported once through on_skip, SC_E_IO. */
  const char *missing = tmp_path("no-such-file.jsonl");
  CHECK_EQ_INT(sc_read_jsonl(missing, NULL, NULL, on_record, on_skip, &s), SC_E_IO);
  CHECK_EQ_INT(s.n, 0);
  CHECK_EQ_INT(s.n_skips, 1);
  CHECK_SKIP(&s, 0, missing, SC_E_IO, "No such file or directory");
  sink_free(&s);
  CHECK_EQ_INT(sc_read_jsonl(missing, NULL, NULL, on_record, NULL, &s), SC_E_IO);
  /* A directory cannot be read as lines. */
  CHECK_EQ_INT(sc_read_jsonl(tmpdir, NULL, NULL, on_record, on_skip, &s), SC_E_IO);
  CHECK_EQ_INT(s.n_skips, 1);
  if (s.n_skips == 1) CHECK_STR(s.skips[0].label, tmpdir);
  sink_free(&s);

  CHECK_EQ_INT(sc_read_jsonl(NULL, NULL, NULL, on_record, on_skip, &s), SC_E_INVALID_ARG);
  CHECK_EQ_INT(sc_read_jsonl(path, NULL, NULL, NULL, on_skip, &s), SC_E_INVALID_ARG);

  /* on_record stops the walk with its status. */
  const char *p2 = tmp_path("stop.jsonl");
  static const char d2[] = "{\"text\": \"1\"}\n{\"text\": \"2\"}\n{\"text\": \"3\"}\nbad\n";
  write_file(p2, d2, sizeof d2 - 1);
  s.stop_after = 2;
  s.stop_status = SC_E_TOO_LARGE;
  CHECK_EQ_INT(sc_read_jsonl(p2, NULL, NULL, on_record, on_skip, &s), SC_E_TOO_LARGE);
  CHECK_EQ_INT(s.n, 2);
  CHECK_EQ_INT(s.n_skips, 0);
  sink_free(&s);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 20240613);
  const char *dir = getenv("TMPDIR");
  snprintf(tmpdir, sizeof tmpdir, "%s/sc-jsonl-XXXXXX", dir && *dir ? dir : "/tmp");
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    return 2;
  }
  test_fields_and_escapes();
  test_malformed();
  test_lines();
  test_bom_and_ids();
  test_chunk_boundaries();
  test_random_soup();
  test_big_line();
  test_stdin_and_errors();
  /* Clean up the folder (files written above). */
  static const char *names[] = {"fields.jsonl", "bad.jsonl", "custom.jsonl", "lines.jsonl", "lastbad.jsonl",
                                "lastbad2.jsonl", "empty.jsonl", "chunks.jsonl", "stdin.jsonl", "stop.jsonl",
                                "soup.jsonl", "bom.jsonl"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) remove(tmp_path(names[i]));
  rmdir(tmpdir);
  return sc_test_done("test_jsonl");
}
