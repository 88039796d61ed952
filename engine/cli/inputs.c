/*
 * inputs.c: reading inputs for the CLI (see inputs.h). Texts are collected
 * first and analysed in parallel batches; the library keeps its own
 * copies, so the buffers are freed right after.
 */
#define _POSIX_C_SOURCE 200809L
#include "inputs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Documents analysed per batch: large enough to keep every core busy,
 * small enough for the progress count to move every second or so. */
#define ANALYSIS_CHUNK 2048

typedef struct loaded {
  sc_text *texts;     /* names and data point into names[] / data[]   */
  char **names, **data;
  char **where;       /* FILE:LINE of a JSONL record (NULL: a file)    */
  size_t n, cap;
  int quiet;
  size_t skipped;
  name_set seen;      /* record ids so far, to catch repeats           */
} loaded;

static sc_status add_loaded(loaded *l, const char *name, const char *data, size_t len, const char *where) {
  if (l->n == l->cap) {
    const size_t cap = l->cap ? l->cap * 2 : 64;
    sc_text *t = realloc(l->texts, cap * sizeof(sc_text));
    if (t) l->texts = t;
    char **nm = t ? realloc(l->names, cap * sizeof(char *)) : NULL;
    if (nm) l->names = nm;
    char **dt = nm ? realloc(l->data, cap * sizeof(char *)) : NULL;
    if (dt) l->data = dt;
    char **wh = dt ? realloc(l->where, cap * sizeof(char *)) : NULL;
    if (!wh) return SC_E_NOMEM;
    l->where = wh;
    l->cap = cap;
  }
  char *name_copy = strdup(name), *where_copy = where ? strdup(where) : NULL;
  char *copy = malloc(len + 1);
  if (!name_copy || !copy || (where && !where_copy)) {
    free(name_copy);
    free(where_copy);
    free(copy);
    return SC_E_NOMEM;
  }
  memcpy(copy, data, len);
  l->names[l->n] = name_copy;
  l->data[l->n] = copy;
  l->where[l->n] = where_copy;
  l->texts[l->n++] = (sc_text){name_copy, copy, len};
  return SC_OK;
}

static sc_status on_doc(void *user, const char *path, const char *data, size_t len) {
  return add_loaded(user, path, data, len, NULL);
}

static sc_status on_record(void *user, const char *id, const char *text, size_t len, const char *line,
                           size_t line_len, const char *where) {
  (void)line;
  (void)line_len;
  loaded *l = user;
  const char *name = record_name(&l->seen, id, where, "", l->quiet);
  return name ? add_loaded(l, name, text, len, where) : SC_E_NOMEM;
}

const char *record_name(name_set *seen, const char *id, const char *where, const char *prefix, int quiet) {
  const int fresh = name_set_add(seen, id);
  if (fresh < 0) return NULL;
  if (fresh) return id;
  if (!quiet) {
    fprintf(stderr, "%ssimcheck: warning: ", prefix);
    sc_report_terminal_text(stderr, where);
    fputs(": id \"", stderr);
    sc_report_terminal_text(stderr, id);
    fputs("\" is used before; named ", stderr);
    sc_report_terminal_text(stderr, where);
    fputc('\n', stderr);
  }
  return where;
}

void print_doc_label(FILE *out, const char *name, const char *where) {
  if (where && strcmp(where, name) != 0) {
    sc_report_terminal_text(out, where);
    fputs(" (id ", out);
    sc_report_terminal_text(out, name);
    fputc(')', out);
  } else {
    sc_report_terminal_text(out, name);
  }
}

/* Warns about text @p i: "simcheck: warning: LABEL: " then @p fmt_tail. */
static void warn_about(const loaded *l, size_t i, const char *fmt_tail, const char *detail) {
  fputs("simcheck: warning: ", stderr);
  print_doc_label(stderr, l->texts[i].name, l->where[i]);
  fputs(": ", stderr);
  fprintf(stderr, fmt_tail, detail);
}

static void on_skip(void *user, const char *path, sc_status why, const char *detail) {
  loaded *l = user;
  l->skipped++;
  if (l->quiet) return;
  fputs("simcheck: warning: ", stderr);
  sc_report_terminal_text(stderr, path);
  if (why == SC_E_BINARY)
    fprintf(stderr, ": skipped: binary file (%s)\n", detail);
  else
    fprintf(stderr, ": skipped: %s\n", detail);
}

void input_format_init(input_format *f) { *f = (input_format){0, "id", "text"}; }

const char input_options_help[] =
    "  --jsonl            read every input file, also those in a directory, as\n"
    "                     JSON Lines (default: files named *.jsonl or *.ndjson):\n"
    "                     one object per line, a document per record, named by\n"
    "                     its id\n"
    "  --id-field F       the record's id field (default id)\n"
    "  --text-field F     the record's text field (default text)\n";

int parse_input_option(cli_args *a, const char *name, const char *inline_value, input_format *f) {
  if (strcmp(name, "--jsonl") == 0) {
    if (!args_flag(a, name, inline_value)) return -1;
    f->jsonl = 1;
    return 1;
  }
  const char **field = strcmp(name, "--id-field") == 0     ? &f->id_field
                       : strcmp(name, "--text-field") == 0 ? &f->text_field
                                                           : NULL;
  if (!field) return 0;
  return (*field = args_value(a, name, inline_value)) ? 1 : -1;
}

int reads_as_jsonl(const input_format *f, const char *path) {
  if (f->jsonl) return 1;
  const size_t n = strlen(path);
  return (n > 6 && strcmp(path + n - 6, ".jsonl") == 0) || (n > 7 && strcmp(path + n - 7, ".ndjson") == 0);
}

static void file_key(char key[64], const struct stat *sb) {
  snprintf(key, 64, "%llx:%llx", (unsigned long long)sb->st_dev, (unsigned long long)sb->st_ino);
}

static int file_set_add_stat(file_set *s, const struct stat *sb) {
  if (!S_ISREG(sb->st_mode)) return 1;
  char key[64];
  file_key(key, sb);
  return name_set_add(s, key);
}

int file_set_has(const file_set *s, const char *path) {
  struct stat sb;
  char key[64];
  if (strcmp(path, "-") == 0 || stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) return 0;
  file_key(key, &sb);
  return name_set_has(s, key);
}

int file_set_add_fd(file_set *s, int fd) {
  struct stat sb;
  return fstat(fd, &sb) == 0 ? file_set_add_stat(s, &sb) : 1;
}

typedef struct input_walk {
  const input_format *f;
  file_set *files;
  sc_read_doc_fn on_doc;
  sc_record_fn on_record;
  sc_read_skip_fn on_skip;
  void *user;
} input_walk;

/* Whether @p path is a file read before (reported through on_skip), or -1
 * out of memory. */
static int read_before(const input_walk *w, const char *path) {
  struct stat sb;
  if (!w->files || strcmp(path, "-") == 0 || stat(path, &sb) != 0) return 0;
  const int fresh = file_set_add_stat(w->files, &sb);
  if (fresh == 0 && w->on_skip) w->on_skip(w->user, path, SC_E_STATE, "read before (given twice)");
  return fresh < 0 ? -1 : !fresh;
}

/* A file found in a directory walk: JSON Lines read as records (by name,
 * streaming; an unreadable one is reported through on_skip), else a text. */
static sc_status walk_file(void *user, const char *path, const char *data, size_t len) {
  const input_walk *w = user;
  const int seen = read_before(w, path);
  if (seen) return seen < 0 ? SC_E_NOMEM : SC_OK;
  if (!reads_as_jsonl(w->f, path)) return w->on_doc(w->user, path, data, len);
  const sc_status st = sc_read_jsonl(path, w->f->id_field, w->f->text_field, w->on_record, w->on_skip, w->user);
  return st == SC_E_IO ? SC_OK : st;
}

static void walk_skip(void *user, const char *path, sc_status why, const char *detail) {
  const input_walk *w = user;
  w->on_skip(w->user, path, why, detail);
}

sc_status read_input(const input_format *f, file_set *files, const char *path, sc_read_doc_fn doc_fn,
                     sc_record_fn record_fn, sc_read_skip_fn skip_fn, void *user) {
  struct stat sb;
  const int dir = strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
  input_walk w = {f, files, doc_fn, record_fn, skip_fn, user};
  if (files && strcmp(path, "-") == 0) {  /* standard input is read once: a second read finds it empty */
    const int fresh = name_set_add(files, "-");  /* no device:inode key looks like it */
    if (fresh < 0) return SC_E_NOMEM;
    if (!fresh) {
      if (skip_fn) skip_fn(user, path, SC_E_STATE, "read before (given twice)");
      return SC_OK;
    }
  }
  if (!dir && reads_as_jsonl(f, path)) {
    const int seen = read_before(&w, path);
    if (seen) return seen < 0 ? SC_E_NOMEM : SC_OK;
    return sc_read_jsonl(path, f->id_field, f->text_field, record_fn, skip_fn, user);
  }
  return sc_read_path(path, walk_file, skip_fn ? walk_skip : NULL, &w);
}

void warn_nothing_read(int jsonl, const char *path) {
  fprintf(stderr, "simcheck: warning: %s: %s\n", path,
          jsonl ? "no records to read in this file" : "no files to read in this directory");
}

sc_status load_inputs(sc_corpus *c, char *const *paths, int npaths, const input_format *format, unsigned threads,
                      int quiet, input_stats *stats) {
  loaded l = {.quiet = quiet};
  file_set files = {0};
  sc_status st = SC_OK;
  for (int i = 0; i < npaths && st == SC_OK; i++) {
    const size_t docs_before = l.n, skips_before = l.skipped;
    const int jsonl = format && reads_as_jsonl(format, paths[i]);
    st = format ? read_input(format, &files, paths[i], on_doc, on_record, on_skip, &l)
                : sc_read_path(paths[i], on_doc, on_skip, &l);
    if (st == SC_E_IO) st = SC_OK;  /* reported through on_skip */
    if (st == SC_OK && l.n == docs_before && l.skipped == skips_before && !quiet) warn_nothing_read(jsonl, paths[i]);
  }
  const int progress = !quiet && isatty(STDERR_FILENO) && l.n >= ANALYSIS_CHUNK;
  sc_status *status = calloc(l.n ? l.n : 1, sizeof(sc_status));
  if (st == SC_OK && !status) st = SC_E_NOMEM;
  /* The corpus may already hold documents (compare loads A, then B): the
   * new ones are numbered from here. */
  const size_t first_id = sc_corpus_size(c);
  /* In chunks, so that a terminal sees the count move; batches add in
   * input order, so ids are those of one batch. */
  for (size_t at = 0; at < l.n && st == SC_OK; at += ANALYSIS_CHUNK) {
    if (progress)
      fprintf(stderr, "\r\033[Ksimcheck: analysing documents %zu%% (%zu of %zu)", at * 100 / l.n, at, l.n);
    const size_t len = l.n - at < ANALYSIS_CHUNK ? l.n - at : ANALYSIS_CHUNK;
    st = sc_corpus_add_batch(c, l.texts + at, len, threads, status + at);
  }
  if (progress) fputs("\r\033[K", stderr);
  size_t added = 0;
  for (size_t i = 0; i < l.n && st == SC_OK; i++) {
    if (status[i] != SC_OK) {
      l.skipped++;
      if (!quiet)
        warn_about(&l, i, "skipped: %s\n",
                   l.texts[i].len == 0 ? (l.where[i] ? "empty text" : "empty file") : sc_strerror(status[i]));
      continue;
    }
    sc_doc_info d;
    if (sc_corpus_doc_info(c, (uint32_t)(first_id + added++), &d) == SC_OK && d.invalid_utf8 && !quiet) {
      char count[96];
      snprintf(count, sizeof count, "%zu invalid UTF-8 sequence%s", d.invalid_utf8, d.invalid_utf8 == 1 ? "" : "s");
      warn_about(&l, i, "%s replaced by U+FFFD\n", count);
    }
  }
  for (size_t i = 0; i < l.n; i++) {
    free(l.names[i]);
    free(l.data[i]);
    free(l.where[i]);
  }
  free(l.texts);
  free(l.names);
  free(l.data);
  free(l.where);
  name_set_free(&l.seen);
  name_set_free(&files);
  free(status);
  stats->read = added;
  stats->skipped = l.skipped;
  return st;
}

int load_key_file(const char *path, uint8_t key[SC_KEY_BYTES]) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "simcheck: %s: cannot read key file: %s\n", path, strerror(errno));
    return 0;
  }
  char buf[2 * SC_KEY_BYTES + 3];
  const size_t n = fread(buf, 1, sizeof buf, f);
  const int err = ferror(f) ? errno : 0;
  fclose(f);
  if (err) {
    fprintf(stderr, "simcheck: %s: cannot read key file: %s\n", path, strerror(err));
    return 0;
  }
  if (sc_key_parse(buf, n, key) != SC_OK) {
    fprintf(stderr, "simcheck: %s: a key file holds exactly 32 raw bytes or 64 hex digits\n", path);
    return 0;
  }
  return 1;
}
