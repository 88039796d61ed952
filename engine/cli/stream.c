/*
 * stream.c: batched input for the deduplicator (see stream.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "stream.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { BATCH_DOCS = 4096, BATCH_BYTES = 64 << 20 };

typedef struct feeder {
  sc_dedup *d;
  const stream_opts *so;
  stream_result *res;
  sc_text *texts;               /* the pending batch; names and data owned  */
  size_t n, bytes;
  size_t used_cap;
  int progress;
} feeder;

static int is_jsonl_path(const char *p) {
  const size_t n = strlen(p);
  return (n > 6 && strcmp(p + n - 6, ".jsonl") == 0) || (n > 7 && strcmp(p + n - 7, ".ndjson") == 0);
}

/* Where to read @p path from: "-" is the spool when there is one. */
static const char *input_path(const stream_opts *so, const char *path) {
  return so->stdin_spool && strcmp(path, "-") == 0 ? so->stdin_spool : path;
}

static void free_batch(feeder *f) {
  for (size_t i = 0; i < f->n; i++) {
    free((char *)(uintptr_t)f->texts[i].name);
    free((char *)(uintptr_t)f->texts[i].data);
  }
  f->n = 0;
  f->bytes = 0;
}

static sc_status flush_batch(feeder *f) {
  if (f->n == 0) return SC_OK;
  sc_status *status = calloc(f->n, sizeof(sc_status));
  if (!status) return SC_E_NOMEM;
  const size_t first = f->res->records - f->n;  /* record index of texts[0] */
  sc_status st = sc_dedup_add_batch(f->d, f->texts, f->n, status);
  for (size_t i = 0; i < f->n && st == SC_OK; i++) {
    if (status[i] == SC_OK) {
      f->res->used[first + i] = 1;
      continue;
    }
    f->res->skipped++;
    if (!f->so->quiet)
      fprintf(stderr, "%ssimcheck: warning: %s: skipped: %s\n", f->progress ? "\r\033[K" : "", f->texts[i].name,
              f->texts[i].len == 0 ? "empty" : sc_strerror(status[i]));
  }
  free(status);
  if (f->progress)
    fprintf(stderr, "\r\033[Ksimcheck %s: %zu documents read (%.0f MB)", f->so->cmd, f->res->records,
            (double)f->res->bytes / 1e6);
  free_batch(f);
  return st;
}

/* Standard input spooled to a file is read under the file's path; names
 * shown to the user say "-" as they wrote. @return a malloc'd name. */
static char *display_name(const stream_opts *so, const char *name) {
  const size_t sl = so->stdin_spool ? strlen(so->stdin_spool) : 0;
  if (!sl || strncmp(name, so->stdin_spool, sl) != 0) return strdup(name);
  char *n = malloc(strlen(name) - sl + 2);
  if (n) {
    n[0] = '-';
    strcpy(n + 1, name + sl);
  }
  return n;
}

static sc_status add_text(feeder *f, const char *name, const char *text, size_t len) {
  if (f->res->records == f->used_cap) {
    const size_t cap = f->used_cap ? f->used_cap * 2 : 1 << 16;
    unsigned char *u = realloc(f->res->used, cap);
    if (!u) return SC_E_NOMEM;
    memset(u + f->used_cap, 0, cap - f->used_cap);
    f->res->used = u;
    f->used_cap = cap;
  }
  char *n = display_name(f->so, name);
  char *t = malloc(len + 1);
  if (!n || !t) {
    free(n);
    free(t);
    return SC_E_NOMEM;
  }
  memcpy(t, text, len);
  f->texts[f->n++] = (sc_text){n, t, len};
  f->bytes += len;
  f->res->records++;
  f->res->bytes += len;
  if (f->n == BATCH_DOCS || f->bytes >= BATCH_BYTES) return flush_batch(f);
  return SC_OK;
}

static sc_status on_record(void *user, const char *id, const char *text, size_t len, const char *line,
                           size_t line_len) {
  (void)line;
  (void)line_len;
  return add_text(user, id, text, len);
}

static sc_status on_doc(void *user, const char *path, const char *data, size_t len) {
  return add_text(user, path, data, len);
}

static void on_skip(void *user, const char *path, sc_status why, const char *detail) {
  feeder *f = user;
  f->res->skipped++;
  if (f->so->quiet) return;
  char *shown = display_name(f->so, path);
  fprintf(stderr, "%ssimcheck: warning: %s: skipped: %s%s\n", f->progress ? "\r\033[K" : "", shown ? shown : path,
          why == SC_E_BINARY ? "binary file, " : "", detail);
  free(shown);
}

sc_status stream_into(sc_dedup *d, char *const *paths, int npaths, const stream_opts *so, stream_result *out) {
  memset(out, 0, sizeof(*out));
  feeder f = {d, so, out, calloc(BATCH_DOCS, sizeof(sc_text)), 0, 0, 0, 0};
  if (!f.texts) return SC_E_NOMEM;
  f.progress = !so->quiet && isatty(STDERR_FILENO);
  sc_status st = SC_OK;
  for (int i = 0; i < npaths && st == SC_OK; i++) {
    const size_t before = out->records, skipped_before = out->skipped;
    const char *path = input_path(so, paths[i]);
    if (so->jsonl || is_jsonl_path(paths[i]))
      st = sc_read_jsonl(path, so->id_field, so->text_field, on_record, on_skip, &f);
    else
      st = sc_read_path(path, on_doc, on_skip, &f);
    if (st == SC_E_IO) st = SC_OK;  /* reported through on_skip */
    if (st == SC_OK && out->records == before && out->skipped == skipped_before && !so->quiet)
      fprintf(stderr, "simcheck: warning: %s: nothing to read\n", paths[i]);
  }
  if (st == SC_OK) st = flush_batch(&f);
  if (f.progress) fputs("\r\033[K", stderr);
  free_batch(&f);
  free(f.texts);
  return st;
}

typedef struct writer {
  const stream_opts *so;
  const sc_dedup *d;
  const stream_result *first;
  FILE *out;
  size_t record;                /* records seen in this pass               */
  size_t doc;                   /* documents seen (used records)           */
} writer;

/* Is the next record kept? Advances the counters. */
static int next_is_kept(writer *w) {
  const size_t r = w->record++;
  if (r >= w->first->records || !w->first->used[r]) return 0;
  const uint32_t doc = (uint32_t)w->doc++;
  sc_dedup_doc info;
  return sc_dedup_doc_info(w->d, doc, &info) == SC_OK && info.representative == doc;
}

static sc_status write_record(void *user, const char *id, const char *text, size_t len, const char *line,
                              size_t line_len) {
  (void)id;
  (void)text;
  (void)len;
  writer *w = user;
  if (!next_is_kept(w)) return SC_OK;
  fwrite(line, 1, line_len, w->out);
  fputc('\n', w->out);
  return ferror(w->out) ? SC_E_IO : SC_OK;
}

static sc_status write_doc(void *user, const char *path, const char *data, size_t len) {
  writer *w = user;
  if (!next_is_kept(w)) return SC_OK;
  char *shown = display_name(w->so, path);
  if (!shown) return SC_E_NOMEM;
  fputs("{\"id\": ", w->out);
  sc_report_json_string(w->out, shown, strlen(shown));
  free(shown);
  fputs(", \"text\": ", w->out);
  sc_report_json_string(w->out, data, len);
  fputs("}\n", w->out);
  return ferror(w->out) ? SC_E_IO : SC_OK;
}

sc_status stream_write_kept(const sc_dedup *d, char *const *paths, int npaths, const stream_opts *so,
                            const stream_result *first, FILE *out) {
  writer w = {so, d, first, out, 0, 0};
  sc_status st = SC_OK;
  for (int i = 0; i < npaths && st == SC_OK; i++) {
    const char *path = input_path(so, paths[i]);
    if (so->jsonl || is_jsonl_path(paths[i]))
      st = sc_read_jsonl(path, so->id_field, so->text_field, write_record, NULL, &w);
    else
      st = sc_read_path(path, write_doc, NULL, &w);
    if (st == SC_E_IO && !ferror(out)) st = SC_OK;  /* unreadable now as before: skipped both times */
  }
  if (st == SC_OK && (fflush(out) != 0 || ferror(out))) st = SC_E_IO;
  return st;
}

int stream_spool_stdin(char *path, size_t cap) {
  const char *dir = getenv("TMPDIR");
  snprintf(path, cap, "%s/simcheck-stdin-XXXXXX", dir && *dir ? dir : "/tmp");
  const int fd = mkstemp(path);
  if (fd < 0) return 0;
  char buf[1 << 16];
  for (;;) {
    const ssize_t r = read(STDIN_FILENO, buf, sizeof buf);
    if (r == 0) break;
    if (r < 0 || write(fd, buf, (size_t)r) != r) {
      close(fd);
      unlink(path);
      return 0;
    }
  }
  close(fd);
  return 1;
}
