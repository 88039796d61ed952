/*
 * stream.c: batched input for the deduplicator (see stream.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "stream.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { BATCH_DOCS = 1024, BATCH_BYTES = 16 << 20, ARENA_BYTES = 8 << 20, FIRST_BATCH_DOCS = 128 };

/* One batch of texts. Names and texts are copied back to back into the
 * batch's arena, which is reused from batch to batch: one malloc and free
 * per text was ~5% of a run (allocator, and page faults as the heap grew
 * and shrank by a batch). */
typedef struct batch {
  sc_dedup *d;
  sc_text *texts;               /* names and data point into arena          */
  const char **where;           /* FILE:LINE of a record, in arena; or NULL */
  char *arena;
  size_t arena_used, arena_cap;
  size_t n, bytes;
  size_t first;                 /* record index of texts[0]                 */
  sc_status *status;            /* per text, filled by sc_dedup_add_batch   */
  size_t *invalid;              /* per text: invalid UTF-8 replaced, too    */
  sc_status result;             /* of sc_dedup_add_batch                    */
} batch;

/* Batches are double-buffered: while a helper thread sketches one (through
 * sc_dedup_add_batch, which spreads it over the worker threads), the main
 * thread reads and parses the next. Reading used to leave the workers idle:
 * on 2 cores at 10^4 documents the wall time equalled the CPU time. Only one
 * batch is ever added at a time, in input order, so document ids and output
 * do not depend on the timing. */
typedef struct feeder {
  sc_dedup *d;
  const stream_opts *so;
  stream_result *res;
  batch b[2];
  int cur;                      /* the batch being filled                   */
  int busy;                     /* b[!cur] is being added on `helper`       */
  pthread_t helper;
  size_t used_cap;
  int progress;
  name_set seen;                /* record ids so far, to catch repeats      */
} feeder;

/* Where to read @p path from: its copy when it has one. */
static const char *input_path(const stream_opts *so, const char *path) {
  return so->spool ? spool_path(so->spool, path) : path;
}

/* How to read @p path: a copy (/dev/fd/N) has no name to tell JSON Lines
 * by, so a FIFO named *.jsonl is read as JSON Lines by its own name. */
static input_format input_format_of(const stream_opts *so, const char *path) {
  input_format f = so->format;
  if (input_path(so, path) != path && reads_as_jsonl(&f, path)) f.jsonl = 1;
  return f;
}

static void free_batch(batch *b) {
  b->n = 0;
  b->bytes = 0;
  b->arena_used = 0;
}

static void *add_batch_thread(void *p) {
  batch *b = p;
  b->result = sc_dedup_add_batch(b->d, b->texts, b->n, b->status, b->invalid);
  return NULL;
}

/* Reports the skipped texts of an added batch and empties it. */
static sc_status report_batch(feeder *f, batch *b) {
  const sc_status st = b->result;
  for (size_t i = 0; i < b->n && st == SC_OK; i++) {
    const int used = b->status[i] == SC_OK;
    if (used) f->res->used[b->first + i] = 1;
    else f->res->skipped++;
    if (f->so->quiet || (used && !b->invalid[i])) continue;
    const char *where = b->where[i];
    fprintf(stderr, "%ssimcheck: warning: ", f->progress ? "\r\033[K" : "");
    print_doc_label(stderr, b->texts[i].name, where);
    if (used)
      fprintf(stderr, ": %zu invalid UTF-8 sequence%s replaced by U+FFFD\n", b->invalid[i],
              b->invalid[i] == 1 ? "" : "s");
    else
      fprintf(stderr, ": skipped: %s\n",
              b->texts[i].len == 0 ? (where ? "empty text" : "empty file") : sc_strerror(b->status[i]));
  }
  if (f->progress)
    fprintf(stderr, "\r\033[Ksimcheck %s: %zu documents read (%.0f MB)", f->so->cmd, b->first + b->n,
            (double)f->res->bytes / 1e6);
  free_batch(b);
  return st;
}

/* Waits for the batch in flight, if any, and reports it. Until its texts
 * are all taken, this thread sketches some too (sc_dedup_help): blocking
 * at once left its core idle for milliseconds per batch, the scheduler
 * slow to move a worker there (2 cores: a quarter of the capacity of a
 * 10^4-document run went unused). */
static sc_status finish_batch(feeder *f) {
  if (!f->busy) return SC_OK;
  sc_dedup_help(f->d);
  pthread_join(f->helper, NULL);
  f->busy = 0;
  return report_batch(f, &f->b[!f->cur]);
}

/* Hands the batch being filled to the helper thread (once the previous one
 * is done) and starts filling the other. */
static sc_status flush_batch(feeder *f) {
  batch *b = &f->b[f->cur];
  if (b->n == 0) return SC_OK;
  const sc_status st = finish_batch(f);
  if (st != SC_OK) return st;
  b->first = f->res->records - b->n;
  f->cur = !f->cur;
  if (pthread_create(&f->helper, NULL, add_batch_thread, b) == 0) {
    f->busy = 1;
    return SC_OK;
  }
  add_batch_thread(b);  /* no thread to be had: add it here */
  return report_batch(f, b);
}

/* A copied input is read under its copy's path; names shown to the user
 * say what they wrote. @return a malloc'd name. */
static char *display_name(const stream_opts *so, const char *name) {
  return so->spool ? spool_display(so->spool, name) : strdup(name);
}

/* Texts in the batch that starts after @p before records. The first batch
 * is small, so that the workers start after 128 texts are read rather
 * than 1024; each later batch is read while the one before is sketched.
 * Batches then double up to BATCH_DOCS: with a second batch of 1024 the
 * workers sat idle for 1.4 ms at 10^4 documents, waiting for it to be
 * read after sketching the first 128. */
static size_t batch_limit(size_t before) {
  size_t limit = FIRST_BATCH_DOCS;
  while (limit < BATCH_DOCS && limit <= before) limit *= 2;
  return limit;
}

static sc_status add_text(feeder *f, const char *name, const char *text, size_t len, const char *where) {
  if (f->res->records == f->used_cap) {
    const size_t cap = f->used_cap ? f->used_cap * 2 : 1 << 16;
    unsigned char *u = realloc(f->res->used, cap);
    if (!u) return SC_E_NOMEM;
    memset(u + f->used_cap, 0, cap - f->used_cap);
    f->res->used = u;
    f->used_cap = cap;
  }
  char *shown = display_name(f->so, name);  /* @p where comes shown already (on_record) */
  if (!shown) return SC_E_NOMEM;
  const size_t where_len = where ? strlen(where) + 1 : 0;
  const size_t name_len = strlen(shown) + 1, need = name_len + where_len + len + 1;
  batch *b = &f->b[f->cur];
  if (b->arena_used + need > b->arena_cap) {
    sc_status st = SC_OK;
    if (b->n) st = flush_batch(f);  /* full: the next batch starts empty */
    b = &f->b[f->cur];
    if (st == SC_OK && need > b->arena_cap) {  /* empty, so nothing points into it yet */
      size_t cap = b->arena_cap ? b->arena_cap : ARENA_BYTES;
      while (cap < need) cap *= 2;
      char *a = realloc(b->arena, cap);
      if (a) {
        b->arena = a;
        b->arena_cap = cap;
      } else {
        st = SC_E_NOMEM;
      }
    }
    if (st != SC_OK) {
      free(shown);
      return st;
    }
  }
  char *n = b->arena + b->arena_used, *w = n + name_len, *t = w + where_len;
  memcpy(n, shown, name_len);
  free(shown);
  if (where) memcpy(w, where, where_len);
  memcpy(t, text, len);
  t[len] = '\0';
  b->arena_used += need;
  b->where[b->n] = where ? w : NULL;
  b->texts[b->n++] = (sc_text){n, t, len};
  b->bytes += len;
  f->res->records++;
  f->res->bytes += len;
  if (b->n >= batch_limit(f->res->records - b->n) || b->bytes >= BATCH_BYTES) return flush_batch(f);
  return SC_OK;
}

static sc_status on_record(void *user, const char *id, const char *text, size_t len, const char *line,
                           size_t line_len, const char *where) {
  (void)line;
  (void)line_len;
  feeder *f = user;
  char *shown_where = display_name(f->so, where);  /* FILE:LINE as the user named FILE */
  if (!shown_where) return SC_E_NOMEM;
  const char *name = record_name(&f->seen, id, shown_where, f->progress ? "\r\033[K" : "", f->so->quiet);
  const sc_status st = name ? add_text(f, name, text, len, shown_where) : SC_E_NOMEM;
  free(shown_where);
  return st;
}

static sc_status on_doc(void *user, const char *path, const char *data, size_t len) {
  return add_text(user, path, data, len, NULL);
}

static void on_skip(void *user, const char *path, sc_status why, const char *detail) {
  feeder *f = user;
  f->res->skipped++;
  if (f->so->quiet) return;
  char *shown = display_name(f->so, path);
  fprintf(stderr, "%ssimcheck: warning: ", f->progress ? "\r\033[K" : "");
  sc_report_terminal_text(stderr, shown ? shown : path);
  fprintf(stderr, ": skipped: %s%s\n", why == SC_E_BINARY ? "binary file, " : "", detail);
  free(shown);
}

sc_status stream_into(sc_dedup *d, char *const *paths, int npaths, const stream_opts *so, stream_result *out) {
  memset(out, 0, sizeof(*out));
  feeder f = {.d = d, .so = so, .res = out};
  sc_status st = SC_OK;
  for (int k = 0; k < 2; k++) {
    f.b[k].d = d;
    f.b[k].texts = calloc(BATCH_DOCS, sizeof(sc_text));
    f.b[k].status = calloc(BATCH_DOCS, sizeof(sc_status));
    f.b[k].where = calloc(BATCH_DOCS, sizeof(const char *));
    f.b[k].invalid = calloc(BATCH_DOCS, sizeof(size_t));
    if (!f.b[k].texts || !f.b[k].status || !f.b[k].where || !f.b[k].invalid) st = SC_E_NOMEM;
  }
  f.progress = !so->quiet && isatty(STDERR_FILENO);
  for (int i = 0; i < npaths && st == SC_OK; i++) {
    const size_t before = out->records, skipped_before = out->skipped;
    const char *path = input_path(so, paths[i]);
    const input_format format = input_format_of(so, paths[i]);
    st = read_input(&format, &out->files, path, on_doc, on_record, on_skip, &f);
    if (st == SC_E_IO) st = SC_OK;  /* reported through on_skip */
    if (st == SC_OK && out->records == before && out->skipped == skipped_before && !so->quiet)
      warn_nothing_read(reads_as_jsonl(&format, paths[i]), paths[i]);
  }
  if (st == SC_OK) st = flush_batch(&f);
  const sc_status last = finish_batch(&f);  /* always joins the helper */
  if (st == SC_OK) st = last;
  if (f.progress) fputs("\r\033[K", stderr);
  for (int k = 0; k < 2; k++) {
    free(f.b[k].arena);
    free(f.b[k].texts);
    free(f.b[k].status);
    free((void *)f.b[k].where);
    free(f.b[k].invalid);
  }
  name_set_free(&f.seen);
  return st;
}

void stream_result_free(stream_result *r) {
  free(r->used);
  name_set_free(&r->files);
  memset(r, 0, sizeof(*r));
}

typedef struct writer {
  const stream_opts *so;
  const sc_dedup *d;
  const stream_result *first;
  FILE *out;
  size_t record;                /* records seen in this pass               */
  size_t doc;                   /* documents seen (used records)           */
  int changed;                  /* a name differs from the first pass's    */
} writer;

/* Is the next record, named @p name or @p alias (a JSONL record's id, or
 * its FILE:LINE when the id repeated), kept? Advances the counters. The
 * pairing is by position, so each document's name is checked against the
 * first pass's: a file that appeared or vanished in between would shift
 * every later one onto another's text. */
static int next_is_kept(writer *w, const char *name, const char *alias) {
  const size_t r = w->record++;
  if (r >= w->first->records || !w->first->used[r]) return 0;
  const uint32_t doc = (uint32_t)w->doc++;
  sc_dedup_doc info;
  if (sc_dedup_doc_info(w->d, doc, &info) != SC_OK) return 0;
  char *shown = display_name(w->so, name), *shown_alias = alias ? display_name(w->so, alias) : NULL;
  const int same = shown && strcmp(info.name, shown) == 0;
  const int same_alias = shown_alias && strcmp(info.name, shown_alias) == 0;
  free(shown);
  free(shown_alias);
  if (!same && !same_alias) w->changed = 1;
  return !w->changed && info.representative == doc;
}

static sc_status write_record(void *user, const char *id, const char *text, size_t len, const char *line,
                              size_t line_len, const char *where) {
  (void)id;
  (void)text;
  (void)len;
  (void)where;
  writer *w = user;
  if (!next_is_kept(w, id, where)) return w->changed ? SC_E_STATE : SC_OK;
  fwrite(line, 1, line_len, w->out);
  fputc('\n', w->out);
  return ferror(w->out) ? SC_E_IO : SC_OK;
}

static sc_status write_doc(void *user, const char *path, const char *data, size_t len) {
  writer *w = user;
  if (!next_is_kept(w, path, NULL)) return w->changed ? SC_E_STATE : SC_OK;
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
  writer w = {so, d, first, out, 0, 0, 0};
  file_set files = {0};
  sc_status st = file_set_add_fd(&files, fileno(out)) < 0 ? SC_E_NOMEM : SC_OK;  /* the output is no input */
  for (int i = 0; i < npaths && st == SC_OK; i++) {
    const char *path = input_path(so, paths[i]);
    const input_format format = input_format_of(so, paths[i]);
    st = read_input(&format, &files, path, write_doc, write_record, NULL, &w);
    if (st == SC_E_IO && !ferror(out)) st = SC_OK;  /* unreadable now as before: skipped both times */
  }
  name_set_free(&files);
  if (st == SC_OK && w.changed) st = SC_E_STATE;
  if (st == SC_OK && w.record != first->records) st = SC_E_STATE;
  if (st == SC_OK && (fflush(out) != 0 || ferror(out))) st = SC_E_IO;
  return st;
}
