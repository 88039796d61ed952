/*
 * dedup.c: near-duplicate clustering at scale (sc_dedup in simcheck.h).
 *
 * Per document, memory holds its name, byte length, a 16-byte digest
 * prefix, the offset and size of its shingle set in the store, and its LSH
 * band keys: about 60 + 8 * bands bytes. Shingle sets go to a file
 * (set_store.h) as the high 32 bits of each 64-bit hash (two distinct
 * shingles of a pair collide with probability ~n^2 / 2^32, about 1e-4 for
 * 700-shingle documents), unsorted and with repeats, and are read back only
 * for candidate pairs and compared through hash sets (set_verify.h): most
 * documents of a large corpus never are, so sorting every set up front
 * cost more (16% of a 10^4-document run).
 *
 *   add_batch: sketch (parallel) -> append sets to the store, keep keys
 *   run:       digest groups -> LSH candidates per band -> verify (parallel)
 *              -> union-find -> representatives -> similarity to them
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "doc.h"
#include "keys.h"
#include "lsh.h"
#include "parallel.h"
#include "set_store.h"
#include "set_verify.h"
#include "shingle.h"

enum { DIGEST_PREFIX = 16 };

/* Sets of up to HASH_SET_MAX values (documents up to about 380 KB) are
 * verified through hash sets, larger ones by sorting (jaccard_sorted), so
 * that a worker's tables stay under 6 MB. */
enum { HASH_SET_MAX = 1 << 16 };

/* Where a worker keeps the sets it sketched until they are committed:
 * chunks reused from batch to batch. A malloc per set, freed by whichever
 * thread committed it, made the threads contend for glibc's arena locks
 * (2145 futex calls in a 10^4-document run; 23 now) and grow and trim
 * their heaps (mprotect) batch after batch. */
typedef struct set_chunk {
  uint32_t *v;
  size_t cap;
} set_chunk;

typedef struct set_arena {
  set_chunk *chunk;
  size_t n, cur, used;          /* chunks; the one in use; values used in it */
} set_arena;

enum { SET_CHUNK = 1 << 18 };   /* values (1 MiB) */

/* Room for @p n values, valid until set_arena_reset. */
static uint32_t *set_arena_alloc(set_arena *a, size_t n) {
  for (; a->cur < a->n; a->cur++, a->used = 0)
    if (a->chunk[a->cur].cap - a->used >= n) {
      uint32_t *p = a->chunk[a->cur].v + a->used;
      a->used += n;
      return p;
    }
  set_chunk *c = sc__reallocarray(a->chunk, a->n + 1, sizeof(set_chunk));
  if (!c) return NULL;
  a->chunk = c;
  const size_t cap = n > SET_CHUNK ? n : SET_CHUNK;
  uint32_t *v = sc__mallocarray(cap, sizeof(uint32_t));
  if (!v) return NULL;
  a->chunk[a->n++] = (set_chunk){v, cap};
  a->cur = a->n - 1;
  a->used = n;
  return v;
}

static void set_arena_reset(set_arena *a) {
  a->cur = 0;
  a->used = 0;
}

static void set_arena_free(set_arena *a) {
  for (size_t i = 0; i < a->n; i++) sc__free(a->chunk[i].v);
  sc__free(a->chunk);
  memset(a, 0, sizeof(*a));
}

struct sc_dedup {
  sc_options opt;
  sc_keys keys;
  sc_dedup_options dopt;
  sc_lsh_params lsh;
  unsigned threads;
  sc_analyzer **analyzers;      /* one per worker, and one for a helper    */
  uint32_t **sigs;              /* one signature buffer per worker, ...    */
  set_arena *arenas;            /* one per worker, ...                     */
  pthread_mutex_t help_lock;    /* guards job (sc_dedup_help)              */
  pthread_cond_t help_done;     /* a helper left job                       */
  struct batch_job *job;        /* the batch being added, or NULL          */
  int locks;                    /* help_lock and help_done initialized     */

  size_t n, cap;                /* documents                               */
  char *names;                  /* names back to back, NUL-terminated      */
  size_t names_len, names_cap;
  uint64_t *name_off;
  uint64_t *bytes;
  uint8_t (*digest)[DIGEST_PREFIX];
  uint64_t *set_off;            /* store offset of the shingle set (items) */
  uint32_t *set_len;
  uint64_t *band_keys;          /* n * bands                               */

  size_t hash_set_max;          /* larger sets are verified by sorting     */
  sc_set_store store;

  int ran;
  uint32_t *rep;                /* after run: representative per document  */
  uint32_t *csize;              /* cluster size per document               */
  uint32_t *cnum;               /* cluster number per document, 0 alone    */
  float *sim;                   /* similarity to the representative        */
  uint8_t *exact;               /* exact duplicate of the representative   */
  sc_dedup_stats stats;
};

double sc_dedup_min_threshold(uint32_t num_perm) {
  return num_perm ? 1.0 - pow(0.05, 1.0 / (double)num_perm) : 1.0;
}

void sc_dedup_options_init(sc_dedup_options *d) {
  if (!d) return;
  memset(d, 0, sizeof(*d));
  d->threshold = 0.8;
}

/* OpenBLAS starts its worker threads when the library loads, and each spins
 * in sched_yield for about 2^28 clock ticks (0.1 s here) before it sleeps:
 * 0.12 s of CPU, competing with the sketching threads, on a 10^4-document
 * run of 0.45 s on 2 cores. Deduplication never calls BLAS, so it stops
 * them (OpenBLAS starts them again if BLAS is called after all). The
 * reference is weak: with another BLAS it is NULL and nothing happens. */
extern int blas_thread_shutdown_(void) __attribute__((weak));

sc_status sc_dedup_create(const sc_options *o, const sc_dedup_options *dopt, sc_dedup **out) {
  SC_CHECK(!out || !dopt, SC_E_INVALID_ARG);
  if (blas_thread_shutdown_) blas_thread_shutdown_();
  *out = NULL;
  SC_TRY(sc_options_check(o));
  SC_CHECK(!(dopt->threshold > 0 && dopt->threshold < 1), SC_E_RANGE);
  sc_dedup *d = sc__calloc(1, sizeof(*d));
  SC_CHECK(!d, SC_E_NOMEM);
  d->store.fd = -1;
  d->opt = *o;
  d->dopt = *dopt;
  d->dopt.tmp_dir = NULL;
  d->threads = sc_threads_for(dopt->threads, SIZE_MAX);
  sc_status st = SC_E_NOMEM;
  if (pthread_mutex_init(&d->help_lock, NULL) != 0) goto fail;
  if (pthread_cond_init(&d->help_done, NULL) != 0) {
    pthread_mutex_destroy(&d->help_lock);
    goto fail;
  }
  d->locks = 1;
  if ((st = sc_keys_derive(o->key, &d->keys)) != SC_OK || (st = sc_lsh_params_choose(o->num_perm, dopt->threshold, &d->lsh)) != SC_OK ||
      (st = sc_set_store_open(&d->store, dopt->tmp_dir)) != SC_OK)
    goto fail;
  /* [threads]: sc_dedup_help's */
  if ((st = sc_analyzers_create(d->threads + 1, &d->analyzers)) != SC_OK) goto fail;
  st = SC_E_NOMEM;
  d->sigs = sc__calloc(d->threads + 1, sizeof(uint32_t *));
  d->arenas = sc__calloc(d->threads + 1, sizeof(set_arena));
  d->hash_set_max = HASH_SET_MAX;
  if (!d->sigs || !d->arenas) goto fail;
  for (unsigned t = 0; t <= d->threads; t++)
    if (!(d->sigs[t] = sc__mallocarray(o->num_perm, sizeof(uint32_t)))) goto fail;
  *out = d;
  return SC_OK;
fail:
  sc_dedup_free(d);
  return st;
}

void sc_dedup_free(sc_dedup *d) {
  if (!d) return;
  for (unsigned t = 0; d->sigs && t <= d->threads; t++) sc__free(d->sigs[t]);
  for (unsigned t = 0; d->arenas && t <= d->threads; t++) set_arena_free(&d->arenas[t]);
  if (d->locks) {
    pthread_mutex_destroy(&d->help_lock);
    pthread_cond_destroy(&d->help_done);
  }
  sc__free(d->arenas);
  sc_analyzers_free(d->analyzers, d->threads + 1);
  sc__free(d->sigs);
  sc_set_store_close(&d->store);
  sc__free(d->names);
  sc__free(d->name_off);
  sc__free(d->bytes);
  sc__free(d->digest);
  sc__free(d->set_off);
  sc__free(d->set_len);
  sc__free(d->band_keys);
  sc__free(d->rep);
  sc__free(d->csize);
  sc__free(d->cnum);
  sc__free(d->sim);
  sc__free(d->exact);
  sc_keys_wipe(&d->keys);
  sc__free(d);
}

/* Grows the per-document arrays to hold @p need documents. */
static sc_status reserve_docs(sc_dedup *d, size_t need) {
  if (need <= d->cap) return SC_OK;
  size_t cap = d->cap ? d->cap : 1024;
  while (cap < need) cap *= 2;
#define GROW(field, count)                                                    \
  do {                                                                        \
    void *p_ = sc__reallocarray(d->field, (count), sizeof(*d->field));        \
    SC_CHECK(!p_, SC_E_NOMEM);                                                \
    d->field = p_;                                                            \
  } while (0)
  GROW(name_off, cap);
  GROW(bytes, cap);
  GROW(digest, cap);
  GROW(set_off, cap);
  GROW(set_len, cap);
  GROW(band_keys, cap * d->lsh.bands);
#undef GROW
  d->cap = cap;
  return SC_OK;
}

/* What a worker makes of one text. */
typedef struct sketched {
  sc_status status;
  uint8_t digest[DIGEST_PREFIX];
  const uint32_t *set;          /* in a worker's arena: high halves of the
                                   shingle hashes, unsorted, with repeats  */
  size_t n_set;
  uint64_t *keys;               /* band keys, in the batch's keys array     */
} sketched;

static sc_status add_name(sc_dedup *d, const char *name) {
  const size_t n = strlen(name) + 1;
  if (d->names_len + n > d->names_cap) {
    size_t cap = d->names_cap ? d->names_cap * 2 : 1 << 16;
    while (cap < d->names_len + n) cap *= 2;
    char *p = sc__realloc(d->names, cap);
    SC_CHECK(!p, SC_E_NOMEM);
    d->names = p;
    d->names_cap = cap;
  }
  memcpy(d->names + d->names_len, name, n);
  d->name_off[d->n] = d->names_len;
  d->names_len += n;
  return SC_OK;
}

/* A batch being added. Texts are sketched on the workers in any order but
 * committed (numbered, stored) strictly in input order, so that ids never
 * depend on threads. Commits happen as soon as they can: a worker that
 * finishes a chunk commits every sketched text from `next` on, if no other
 * worker is doing so, so the store writes overlap the sketching of later
 * chunks instead of following the whole batch (they were 10% of a 10^5
 * run's read-and-sketch time, with a core idle); whatever is left is
 * committed after the workers are done. */
typedef struct batch_job {
  sc_dedup *d;
  const sc_text *texts;
  size_t n;
  sketched *out;
  sc_status *status;            /* the caller's, or NULL                    */
  size_t *invalid_utf8;         /* the caller's, or NULL                    */
  atomic_uchar *sketched_flag;  /* per text: out[i] is complete            */
  atomic_size_t claimed;        /* texts handed to workers so far          */
  atomic_int error;             /* first sketching failure                 */
  unsigned helpers;             /* threads in sc_dedup_help (help_lock)    */
  pthread_mutex_t lock;         /* held while committing                    */
  size_t next;                  /* first text not committed (under lock)    */
  sc_status commit_status;      /* first commit failure (under lock)        */
} batch_job;

/* Commits text i: numbers it, appends its set to the store. */
static sc_status commit_one(batch_job *j, size_t i) {
  sc_dedup *d = j->d;
  sketched *s = &j->out[i];
  if (s->status != SC_OK) return SC_OK;
  SC_TRY(add_name(d, j->texts[i].name ? j->texts[i].name : ""));
  d->bytes[d->n] = j->texts[i].len;
  memcpy(d->digest[d->n], s->digest, DIGEST_PREFIX);
  SC_TRY(sc_set_store_append(&d->store, s->set, s->n_set, &d->set_off[d->n]));
  d->set_len[d->n] = (uint32_t)s->n_set;
  memcpy(d->band_keys + d->n * d->lsh.bands, s->keys, d->lsh.bands * sizeof(uint64_t));
  d->n++;
  return SC_OK;
}

/* Commits the sketched texts from j->next on, in order. Lock held. */
static void commit_ready(batch_job *j) {
  while (j->commit_status == SC_OK && j->next < j->n &&
         atomic_load_explicit(&j->sketched_flag[j->next], memory_order_acquire)) {
    j->commit_status = commit_one(j, j->next);
    j->next++;
  }
}

static sc_status sketch_range(void *user, size_t begin, size_t end, unsigned worker) {
  batch_job *j = user;
  sc_dedup *d = j->d;
  for (size_t i = begin; i < end; i++) {
    sketched *s = &j->out[i];
    sc_sketch sk;
    s->status = sc_sketch_text_high(d->analyzers[worker], &d->opt, &d->keys, j->texts[i].data, j->texts[i].len,
                                    d->sigs[worker], &sk);
    if (j->status) j->status[i] = s->status;
    if (j->invalid_utf8) j->invalid_utf8[i] = s->status == SC_OK ? sk.invalid : 0;
    if (s->status == SC_E_NOMEM) return SC_E_NOMEM;
    if (s->status == SC_OK) {
      memcpy(s->digest, sk.digest, DIGEST_PREFIX);
      uint32_t *set = set_arena_alloc(&d->arenas[worker], sk.n_high);
      if (!set) return SC_E_NOMEM;
      memcpy(set, sk.high, sk.n_high * sizeof(uint32_t));
      s->set = set;
      s->n_set = sk.n_high;
      sc_lsh_band_keys(&d->lsh, d->sigs[worker], s->keys);
    }
    atomic_store_explicit(&j->sketched_flag[i], 1, memory_order_release);
  }
  if (pthread_mutex_trylock(&j->lock) == 0) {  /* busy: the holder or the final sweep commits ours */
    commit_ready(j);
    pthread_mutex_unlock(&j->lock);
  }
  return SC_OK;
}

/* Texts a worker takes at a time. */
enum { SKETCH_CHUNK = 8 };

/* Sketches chunks of the batch as worker @p w until none is left. The
 * batch's workers and a helper (sc_dedup_help) share the chunk counter. */
static void sketch_chunks(batch_job *j, unsigned w) {
  while (atomic_load(&j->error) == SC_OK) {
    const size_t begin = atomic_fetch_add(&j->claimed, SKETCH_CHUNK);
    if (begin >= j->n) return;
    const size_t end = begin + SKETCH_CHUNK < j->n ? begin + SKETCH_CHUNK : j->n;
    const sc_status st = sketch_range(j, begin, end, w);
    if (st != SC_OK) {
      int expected = SC_OK;
      atomic_compare_exchange_strong(&j->error, &expected, (int)st);
    }
  }
}

/* One item per worker of sc_parallel_for: its share of the chunks. */
static sc_status sketch_worker(void *user, size_t begin, size_t end, unsigned w) {
  (void)begin;
  (void)end;
  sketch_chunks(user, w);
  return SC_OK;
}

sc_status sc_dedup_help(sc_dedup *d) {
  SC_CHECK(!d, SC_E_INVALID_ARG);
  pthread_mutex_lock(&d->help_lock);
  batch_job *j = d->job && d->job->helpers == 0 ? d->job : NULL;  /* one helper: one spare scratch */
  if (j) j->helpers = 1;
  pthread_mutex_unlock(&d->help_lock);
  if (!j) return SC_OK;
  sketch_chunks(j, d->threads);
  pthread_mutex_lock(&d->help_lock);
  j->helpers = 0;
  pthread_cond_broadcast(&d->help_done);
  pthread_mutex_unlock(&d->help_lock);
  return SC_OK;
}

sc_status sc_dedup_add_batch(sc_dedup *d, const sc_text *texts, size_t n, sc_status *status,
                             size_t *invalid_utf8) {
  SC_CHECK(!d || (!texts && n), SC_E_INVALID_ARG);
  for (size_t i = 0; i < n; i++) SC_CHECK(!texts[i].data && texts[i].len, SC_E_INVALID_ARG);
  SC_CHECK(d->ran, SC_E_STATE);
  if (n == 0) return SC_OK;
  SC_TRY(reserve_docs(d, d->n + n));
  sketched *out = sc__calloc(n, sizeof(sketched));
  uint64_t *keys = sc__mallocarray(n, d->lsh.bands * sizeof(uint64_t));  /* one allocation, not one per text */
  atomic_uchar *flags = sc__calloc(n, sizeof(atomic_uchar));
  if (!out || !keys || !flags) {
    sc__free(out);
    sc__free(keys);
    sc__free(flags);
    return SC_E_NOMEM;
  }
  for (size_t i = 0; i < n; i++) {
    out[i].keys = keys + i * d->lsh.bands;
    atomic_init(&flags[i], 0);
  }
  for (unsigned t = 0; t <= d->threads; t++) set_arena_reset(&d->arenas[t]);  /* the last batch is committed */
  batch_job j = {.d = d, .texts = texts, .n = n, .out = out, .status = status, .invalid_utf8 = invalid_utf8,
                 .sketched_flag = flags,
                 .next = 0, .commit_status = SC_OK};
  atomic_init(&j.claimed, 0);
  atomic_init(&j.error, SC_OK);
  sc_status st = pthread_mutex_init(&j.lock, NULL) == 0 ? SC_OK : SC_E_NOMEM;
  if (st == SC_OK) {
    pthread_mutex_lock(&d->help_lock);
    d->job = &j;
    pthread_mutex_unlock(&d->help_lock);
    const unsigned t = sc_threads_for(d->threads, (n + SKETCH_CHUNK - 1) / SKETCH_CHUNK);
    st = sc_parallel_for(t, 1, t, sketch_worker, &j);
    pthread_mutex_lock(&d->help_lock);  /* no new helper; wait for one still sketching */
    d->job = NULL;
    while (j.helpers) pthread_cond_wait(&d->help_done, &d->help_lock);
    pthread_mutex_unlock(&d->help_lock);
    if (st == SC_OK) st = (sc_status)atomic_load(&j.error);
    if (st == SC_OK) commit_ready(&j);  /* the workers are done: no lock needed */
    if (st == SC_OK) st = j.commit_status;
    pthread_mutex_destroy(&j.lock);
  }
  sc__free(flags);
  sc__free(keys);
  sc__free(out);
  return st;
}

size_t sc_dedup_size(const sc_dedup *d) { return d ? d->n : 0; }

void sc__dedup_hash_set_max(sc_dedup *d, size_t values) {
  if (d) d->hash_set_max = values;
}

/* Exact Jaccard of @p n candidate pairs (set_verify.h). */
static sc_status verify_pairs(const sc_dedup *d, const uint64_t *pairs, size_t n, double *jac) {
  const sc_stored_sets sets = {&d->store, d->set_off, d->set_len, d->hash_set_max};
  return sc_verify_pairs(&sets, d->threads, pairs, n, jac);
}

typedef struct digest_entry {
  uint8_t digest[DIGEST_PREFIX];
  uint32_t doc;
} digest_entry;

static int cmp_digest_entry(const void *x, const void *y) {
  const digest_entry *a = x, *b = y;
  const int c = memcmp(a->digest, b->digest, DIGEST_PREFIX);
  return c ? c : (a->doc > b->doc) - (a->doc < b->doc);
}

/* Sorts by (digest, doc), as cmp_digest_entry: a stable LSD radix sort on
 * the first 8 digest bytes (entries start in doc order), then qsort on any
 * run of equal first bytes whose digests still differ (2^-64 per pair).
 * qsort alone was 0.4 s, all of it serial, of a 10^6 run. */
static void sort_digests(digest_entry *e, size_t n) {
  digest_entry *tmp = n > 64 ? sc__mallocarray(n, sizeof(*e)) : NULL;
  if (!tmp) {
    qsort(e, n, sizeof(*e), cmp_digest_entry);
    return;
  }
  digest_entry *src = e, *dst = tmp;
  for (int byte = 7; byte >= 0; byte--) {
    size_t count[256] = {0};
    for (size_t i = 0; i < n; i++) count[src[i].digest[byte]]++;
    if (count[src[0].digest[byte]] == n) continue;
    size_t sum = 0;
    for (int b = 0; b < 256; b++) {
      const size_t c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; i++) dst[count[src[i].digest[byte]]++] = src[i];
    digest_entry *const t = src;
    src = dst;
    dst = t;
  }
  if (src != e) memcpy(e, src, n * sizeof(*e));
  sc__free(tmp);
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    int differ = 0;
    while (j < n && memcmp(e[j].digest, e[i].digest, 8) == 0) {
      differ |= memcmp(e[j].digest, e[i].digest, DIGEST_PREFIX) != 0;
      j++;
    }
    if (differ) qsort(e + i, j - i, sizeof(*e), cmp_digest_entry);
    i = j;
  }
}

/* Groups documents with the same normalized text: each joins the first of
 * its group, is marked exact, and takes no further part in LSH. */
static sc_status group_exact(sc_dedup *d, sc_uf *uf, uint8_t *skip) {
  digest_entry *e = sc__mallocarray(d->n, sizeof(digest_entry));
  SC_CHECK(!e, SC_E_NOMEM);
  for (size_t i = 0; i < d->n; i++) {
    memcpy(e[i].digest, d->digest[i], DIGEST_PREFIX);
    e[i].doc = (uint32_t)i;
  }
  sort_digests(e, d->n);
  size_t first = 0;  /* first entry of the current group of equal digests */
  for (size_t i = 1; i < d->n; i++) {
    if (memcmp(e[i].digest, e[first].digest, DIGEST_PREFIX) != 0) {
      first = i;
      continue;
    }
    sc_uf_union(uf, e[first].doc, e[i].doc);
    skip[e[i].doc] = 1;
    d->stats.exact_duplicates++;
  }
  sc__free(e);
  return SC_OK;
}

typedef struct band_job {
  const sc_dedup *d;
  const uint8_t *skip;
  sc_u64_vec *pairs;            /* per band                                 */
} band_job;

static sc_status band_range(void *user, size_t begin, size_t end, unsigned w) {
  (void)w;
  const band_job *j = user;
  const sc_dedup *d = j->d;
  sc_band_entry *e = sc__mallocarray(d->n ? d->n : 1, sizeof(sc_band_entry));
  SC_CHECK(!e, SC_E_NOMEM);
  sc_status st = SC_OK;
  for (size_t band = begin; band < end && st == SC_OK; band++) {
    size_t m = 0;
    for (size_t i = 0; i < d->n; i++)
      if (!j->skip[i]) e[m++] = (sc_band_entry){d->band_keys[i * d->lsh.bands + band], (uint32_t)i};
    st = sc_lsh_band_candidates(e, m, &j->pairs[band]);
  }
  sc__free(e);
  return st;
}

/* Candidate pairs from every band, sorted and distinct. Bands are
 * independent, so they are grouped on the worker threads (the serial loop
 * was a quarter of sc_dedup_run at 10^5); the union is the same in any
 * order once sorted. */
static sc_status lsh_candidates(const sc_dedup *d, const uint8_t *skip, sc_u64_vec *pairs) {
  band_job j = {d, skip, sc__calloc(d->lsh.bands, sizeof(sc_u64_vec))};
  SC_CHECK(!j.pairs, SC_E_NOMEM);
  sc_status st = sc_parallel_for(d->lsh.bands, 1, sc_threads_for(d->threads, d->lsh.bands), band_range, &j);
  size_t total = 0;
  for (uint32_t band = 0; band < d->lsh.bands; band++) total += j.pairs[band].len;
  if (st == SC_OK) {
    st = SC_E_NOMEM;
    SC_VEC_RESERVE(pairs, total, fail);
    for (uint32_t band = 0; band < d->lsh.bands; band++) {
      if (j.pairs[band].len) memcpy(pairs->items + pairs->len, j.pairs[band].items, j.pairs[band].len * sizeof(uint64_t));
      pairs->len += j.pairs[band].len;
    }
    uint64_t *tmp = sc__mallocarray(pairs->len ? pairs->len : 1, sizeof(uint64_t));
    if (!tmp) goto fail;
    pairs->len = sc_u64_sort_unique(pairs->items, pairs->len, tmp);
    sc__free(tmp);
    st = SC_OK;
  }
fail:
  for (uint32_t band = 0; band < d->lsh.bands; band++) SC_VEC_FREE(&j.pairs[band]);
  sc__free(j.pairs);
  return st;
}

/* Index of @p key in the sorted @p pairs, or SIZE_MAX. */
static size_t find_pair(const sc_u64_vec *pairs, uint64_t key) {
  size_t lo = 0, hi = pairs->len;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (pairs->items[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < pairs->len && pairs->items[lo] == key ? lo : SIZE_MAX;
}

/* Picks each cluster's representative and measures every member against it.
 * A member that was a candidate pair with its representative takes the
 * Jaccard verified then (@p pairs, sorted, and @p pair_jac): most members
 * are, so only the ones linked through a chain are read again. */
static sc_status representatives(sc_dedup *d, sc_uf *uf, const sc_u64_vec *pairs, const double *pair_jac) {
  uint32_t *best = sc__mallocarray(d->n, sizeof(uint32_t));  /* per root */
  SC_CHECK(!best, SC_E_NOMEM);
  for (size_t i = 0; i < d->n; i++) best[i] = UINT32_MAX;
  for (uint32_t i = 0; i < d->n; i++) {
    const uint32_t r = sc_uf_find(uf, i);
    const uint32_t b = best[r];
    if (b == UINT32_MAX || (d->dopt.keep_longest && d->bytes[i] > d->bytes[b])) best[r] = i;
  }
  sc_u64_vec members = {0};  /* (representative << 32 | member) to measure */
  for (uint32_t i = 0; i < d->n; i++) {
    const uint32_t r = sc_uf_find(uf, i);
    d->rep[i] = best[r];
    d->csize[i] = uf->size[r];
    d->sim[i] = 1.0f;
    d->exact[i] = 0;
    if (d->rep[i] == i) continue;
    d->stats.removed++;
    if (memcmp(d->digest[i], d->digest[d->rep[i]], DIGEST_PREFIX) == 0) {
      d->exact[i] = 1;  /* same normalized text: similarity 1 */
      continue;
    }
    const uint32_t lo = i < d->rep[i] ? i : d->rep[i], hi = i < d->rep[i] ? d->rep[i] : i;
    const size_t k = find_pair(pairs, (uint64_t)lo << 32 | hi);
    if (k != SIZE_MAX) {
      d->sim[i] = (float)pair_jac[k];
      continue;
    }
    SC_VEC_PUSH(&members, (uint64_t)d->rep[i] << 32 | i, nomem);
  }
  /* Number the clusters in order of their first member (reusing best[]). */
  for (size_t i = 0; i < d->n; i++) best[i] = 0;
  for (uint32_t i = 0; i < d->n; i++) {
    if (d->csize[i] < 2) {
      d->cnum[i] = 0;
      continue;
    }
    if (!best[d->rep[i]]) best[d->rep[i]] = (uint32_t)++d->stats.clusters;
    d->cnum[i] = best[d->rep[i]];
  }
  /* By representative: a worker then reads and sorts each one's set once. */
  double *jac = sc__mallocarray(members.len ? members.len : 1, sizeof(double));
  uint64_t *tmp = sc__mallocarray(members.len ? members.len : 1, sizeof(uint64_t));
  if (!jac || !tmp) {
    sc__free(jac);
    sc__free(tmp);
    goto nomem;
  }
  sc_u64_sort(members.items, members.len, tmp);
  sc__free(tmp);
  const sc_status st = verify_pairs(d, members.items, members.len, jac);
  for (size_t k = 0; k < members.len && st == SC_OK; k++) d->sim[(uint32_t)members.items[k]] = (float)jac[k];
  sc__free(jac);
  SC_VEC_FREE(&members);
  sc__free(best);
  return st;
nomem:
  SC_VEC_FREE(&members);
  sc__free(best);
  return SC_E_NOMEM;
}

sc_status sc_dedup_run(sc_dedup *d) {
  SC_CHECK(!d, SC_E_INVALID_ARG);
  SC_CHECK(d->ran, SC_E_STATE);
  SC_TRY(sc_set_store_flush(&d->store));
  memset(&d->stats, 0, sizeof d->stats);
  d->stats.documents = d->n;
  d->stats.bands = d->lsh.bands;
  d->stats.rows = d->lsh.rows;
  d->stats.p_at_threshold = d->lsh.p_at_threshold;
  sc_uf uf;
  SC_TRY(sc_uf_init(&uf, d->n));
  sc_u64_vec pairs = {0};
  double *jac = NULL;  /* exact, so that a pair at the threshold passes */
  uint8_t *skip = sc__calloc(d->n ? d->n : 1, 1);
  sc_status st = SC_E_NOMEM;
  d->rep = sc__mallocarray(d->n ? d->n : 1, sizeof(uint32_t));
  d->csize = sc__mallocarray(d->n ? d->n : 1, sizeof(uint32_t));
  d->cnum = sc__mallocarray(d->n ? d->n : 1, sizeof(uint32_t));
  d->sim = sc__mallocarray(d->n ? d->n : 1, sizeof(float));
  d->exact = sc__mallocarray(d->n ? d->n : 1, 1);
  if (!skip || !d->rep || !d->csize || !d->cnum || !d->sim || !d->exact) goto done;
  if ((st = group_exact(d, &uf, skip)) != SC_OK || (st = lsh_candidates(d, skip, &pairs)) != SC_OK) goto done;
  d->stats.candidates = pairs.len;
  st = SC_E_NOMEM;
  if (!(jac = sc__mallocarray(pairs.len ? pairs.len : 1, sizeof(double)))) goto done;
  if ((st = verify_pairs(d, pairs.items, pairs.len, jac)) != SC_OK) goto done;
  for (size_t k = 0; k < pairs.len; k++) {  /* sequential: deterministic */
    if (jac[k] < d->dopt.threshold) continue;
    d->stats.verified++;
    sc_uf_union(&uf, (uint32_t)(pairs.items[k] >> 32), (uint32_t)pairs.items[k]);
  }
  if ((st = representatives(d, &uf, &pairs, jac)) != SC_OK) goto done;
  d->ran = 1;
done:
  sc__free(jac);
  sc__free(skip);
  SC_VEC_FREE(&pairs);
  sc_uf_free(&uf);
  return st;
}

sc_status sc_dedup_doc_info(const sc_dedup *d, uint32_t i, sc_dedup_doc *out) {
  SC_CHECK(!d || !out || i >= d->n, SC_E_INVALID_ARG);
  SC_CHECK(!d->ran, SC_E_STATE);
  out->name = d->names + d->name_off[i];
  out->representative = d->rep[i];
  out->cluster = d->cnum[i];
  out->cluster_size = d->csize[i];
  out->similarity = d->sim[i];
  out->exact_duplicate = d->exact[i];
  return SC_OK;
}

sc_status sc_dedup_get_stats(const sc_dedup *d, sc_dedup_stats *out) {
  SC_CHECK(!d || !out, SC_E_INVALID_ARG);
  *out = d->stats;
  return SC_OK;
}
