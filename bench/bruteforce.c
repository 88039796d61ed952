/*
 * bruteforce.c: the exact reference for LSH recall. Reads a JSONL corpus
 * (one {"id": ..., "text": ...} object per line), analyses it with the
 * engine (same normalization, tokenization and word k-shingles as simcheck,
 * through the public API only), and writes every pair whose exact shingle
 * Jaccard is at least --threshold.
 *
 *   sc_bruteforce [--threshold T] [--threads N] [--shingle K] [--limit N]
 *                 [--batch N] [--all-pairs] [--via-compare] [--verify N]
 *                 [--families TRUTH.csv] [-o PAIRS.csv] CORPUS.jsonl
 *
 *   --threshold T  lowest Jaccard written [0.5]
 *   --threads N    worker threads, for analysis and pairs [0: one per core]
 *   --shingle K    words per shingle [5, simcheck's default]
 *   --limit N      read only the first N records [all]
 *   --batch N      documents analysed per engine corpus [10000]: each batch
 *                  is analysed (sc_corpus_add_batch), its shingle sets and
 *                  ids copied out and the corpus freed, so memory holds
 *                  ~8 bytes per shingle (about 5 KB per 4 KB document) plus
 *                  one batch of engine documents (~1.3 GB per 10^4)
 *   -o FILE        output ["-": standard output]
 *
 * Output: CSV, header "a,b,jaccard", one row per unordered pair with a < b
 * (byte order of the ids), sorted by a then b, Jaccard with 6 decimals.
 * Progress and timing go to stderr.
 *
 * Pairs. Two exact filters cut the work, then every surviving pair is
 * computed exactly on worker threads:
 *   - size: J(A,B) <= min(|A|,|B|) / max(|A|,|B|) (|A| = distinct shingles),
 *     so a pair whose sizes differ by more than a factor 1/T is skipped;
 *   - prefix (default; Bayardo et al., "Scaling up all pairs similarity
 *     search", WWW 2007): order all shingles by document frequency, rarest
 *     first; if J(A,B) >= T, the first |A| - ceil(T|A|) + 1 shingles of A and
 *     the first |B| - ceil(T|B|) + 1 of B share at least one shingle. An
 *     inverted index over these prefixes yields every pair that can reach T
 *     (and a few that cannot); --all-pairs skips this filter and computes
 *     every pair that passes the size bound (same output, much slower).
 * A pair's Jaccard is computed one of two ways:
 *   default        |A n B| / |A u B| by merging the engine's own sorted
 *                  shingle-hash sets (sc_doc_info.shingle_hashes, the very
 *                  arrays that sc_corpus_compare's pair.jaccard is computed
 *                  from), stopping early once T is out of reach. About 1-2
 *                  us per pair.
 *   --via-compare  sc_corpus_compare(...).jaccard: public API only, but it
 *                  scores everything else too (cosines, sentence alignment):
 *                  0.1-0.7 ms per pair per thread depending on the engine
 *                  version, i.e. about an hour or more for the 4.8 * 10^7
 *                  pairs of 10^4 documents; implies --all-pairs
 *                  (the prefix filter needs the shingle sets) and keeps the
 *                  whole corpus (no batches).
 *
 *   --verify N     after the default pass, recomputes every pair written and
 *                  N random pairs through sc_corpus_compare and fails (exit
 *                  3) if any Jaccard differs, or if a random pair at or above
 *                  T was missed. A check that the internal path is the public
 *                  figure. Keeps the whole corpus built (no batches).
 *   --families F   only pairs within a family of sc_gen_corpus's truth CSV F
 *                  (a base document and its copies): records in no family
 *                  are not even analysed, and every family pair is computed
 *                  exactly. For corpora too large for all pairs (10^6): the
 *                  planted truth with exact Jaccard values, missing only
 *                  accidental pairs across families (0 of 2433 at 10^4, 22
 *                  of 23906 at 10^5 in SCALE.md).
 * The prefix probe runs on the worker threads too: each document reads the
 * postings of its prefix tokens up to its own row, so no candidate list is
 * stored.
 *
 * JSON Lines are read by the library's sc_read_jsonl, as simcheck reads
 * them: ids are the "id" field (a number keeps its literal text; "FILE:LINE"
 * when absent), a line that does not parse, or lacks a string "text", is
 * reported and skipped.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "simcheck.h"


static const char *prog = "sc_bruteforce";

static void die(const char *msg) {
  fprintf(stderr, "%s: %s\n", prog, msg);
  exit(1);
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) die("out of memory");
  return p;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ------------------------------------------------------------------------ */

typedef struct dset {       /* one document's sorted distinct shingle hashes */
  const uint64_t *h;
  size_t n;
} dset;

typedef struct result {
  uint32_t a, b;            /* document indices                             */
  double j;
} result;

typedef struct rvec {
  result *items;
  size_t len, cap;
} rvec;

/* Exact Jaccard of two sorted distinct shingle-hash sets, computed as
 * score.c computes pair.jaccard. */
static double shingle_jaccard(dset x, dset y) {
  size_t i = 0, j = 0, common = 0;
  while (i < x.n && j < y.n) {
    const uint64_t u = x.h[i], v = y.h[j];
    common += u == v;
    i += u <= v;
    j += v <= u;
  }
  const size_t uni = x.n + y.n - common;
  return uni ? (double)common / (double)uni : 0;
}

/* shingle_jaccard(x, y) when it is at least @p t, else -1: the merge stops
 * as soon as the shared count cannot reach t (J >= t needs at least
 * t (|A| + |B|) / (1 + t) shared shingles). */
static double shingle_jaccard_min(dset x, dset y, double t) {
  const double need_d = t * (double)(x.n + y.n) / (1 + t) - 1e-9;
  const size_t need = need_d > 0 ? (size_t)ceil(need_d) : 0;
  size_t i = 0, j = 0, common = 0;
  while (i < x.n && j < y.n) {
    if ((i & 63) == 0 && common + (x.n - i < y.n - j ? x.n - i : y.n - j) < need) return -1;
    const uint64_t u = x.h[i], v = y.h[j];
    common += u == v;
    i += u <= v;
    j += v <= u;
  }
  const size_t uni = x.n + y.n - common;
  const double jac = uni ? (double)common / (double)uni : 0;
  return jac >= t ? jac : -1;
}

/* ------------------------------------------------------------------------ */
/* Prefix index (see the comment at the top). Rows are positions in by_size
 * (ascending size). Row r's prefix tokens are pre[pstart[r], pstart[r+1]);
 * the postings of token k are ix[ix_start[k], ix_start[k+1]): rows, in
 * ascending order, so a probe for row r reads them until it reaches r.   */

typedef struct pindex {
  size_t *pstart;
  uint32_t *pre;
  size_t *ix_start;
  uint32_t *ix;
  size_t tokens;
} pindex;

static int cmp_u64(const void *x, const void *y) {
  const uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

static const uint32_t *g_df;
static int cmp_rank(const void *x, const void *y) { /* distinct-hash positions by (df, hash) */
  const uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  if (g_df[a] != g_df[b]) return g_df[a] < g_df[b] ? -1 : 1;
  return a < b ? -1 : a > b; /* positions are in hash order */
}

static int cmp_u32(const void *x, const void *y) {
  const uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return a < b ? -1 : a > b;
}

static void build_pindex(const dset *set, size_t n, const uint32_t *by_size, size_t first, double t, pindex *px) {
  /* Document frequency of every distinct shingle. */
  size_t total = 0;
  for (size_t i = 0; i < n; i++) total += set[i].n;
  uint64_t *all = malloc((total ? total : 1) * sizeof *all);
  uint32_t *df = malloc((total ? total : 1) * sizeof *df);
  if (!all || !df) die("out of memory");
  for (size_t i = 0, k = 0; i < n; i++) {
    memcpy(all + k, set[i].h, set[i].n * sizeof *all);
    k += set[i].n;
  }
  qsort(all, total, sizeof *all, cmp_u64);
  size_t m = 0;
  for (size_t i = 0; i < total; i++) {
    if (m && all[m - 1] == all[i]) {
      df[m - 1]++;
    } else {
      all[m] = all[i];
      df[m++] = 1;
    }
  }
  if (m > UINT32_MAX) die("too many distinct shingles");
  /* rank[pos]: place of the distinct shingle at pos in the global order. */
  uint32_t *ord = malloc((m ? m : 1) * sizeof *ord), *rank = malloc((m ? m : 1) * sizeof *rank);
  if (!ord || !rank) die("out of memory");
  for (size_t i = 0; i < m; i++) ord[i] = (uint32_t)i;
  g_df = df;
  qsort(ord, m, sizeof *ord, cmp_rank);
  for (size_t i = 0; i < m; i++) rank[ord[i]] = (uint32_t)i;
  free(ord);
  free(df);

  /* Prefixes: each document's rarest shingles, as ranks. */
  px->pstart = malloc((n + 1) * sizeof *px->pstart);
  if (!px->pstart) die("out of memory");
  uint32_t *tmp = NULL, *pre = NULL;
  size_t tmp_cap = 0, pre_len = 0, pre_cap = 0;
  for (size_t r = 0; r < n; r++) {
    px->pstart[r] = pre_len;
    if (r < first) continue;
    const dset d = set[by_size[r]];
    if (d.n > tmp_cap) tmp = xrealloc(tmp, (tmp_cap = d.n) * sizeof *tmp);
    /* Both lists are sorted by hash: each lookup is a binary search of the
     * rest of the distinct list (every shingle is in it). */
    for (size_t i = 0, lo = 0; i < d.n; i++) {
      size_t hi = m;
      while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (all[mid] < d.h[i]) lo = mid + 1;
        else hi = mid;
      }
      tmp[i] = rank[lo];
    }
    qsort(tmp, d.n, sizeof *tmp, cmp_u32);
    size_t p = d.n - (size_t)floor(t * (double)d.n) + 1; /* >= |A| - ceil(t|A|) + 1 */
    if (p > d.n) p = d.n;
    if (pre_len + p > pre_cap) {
      pre_cap = pre_cap ? pre_cap * 2 : 1 << 20;
      while (pre_cap < pre_len + p) pre_cap *= 2;
      pre = xrealloc(pre, pre_cap * sizeof *pre);
    }
    memcpy(pre + pre_len, tmp, p * sizeof *pre);
    pre_len += p;
  }
  px->pstart[n] = pre_len;
  free(tmp);
  free(all);
  free(rank);

  /* Postings (CSR by token), filled in row order. */
  size_t *fill = malloc((m + 1) * sizeof *fill);
  px->ix_start = calloc(m + 1, sizeof *px->ix_start);
  px->ix = malloc((pre_len ? pre_len : 1) * sizeof *px->ix);
  if (!fill || !px->ix_start || !px->ix) die("out of memory");
  for (size_t i = 0; i < pre_len; i++) px->ix_start[pre[i] + 1]++;
  for (size_t i = 0; i < m; i++) px->ix_start[i + 1] += px->ix_start[i];
  memcpy(fill, px->ix_start, (m + 1) * sizeof *fill);
  for (size_t r = first; r < n; r++)
    for (size_t k = px->pstart[r]; k < px->pstart[r + 1]; k++) px->ix[fill[pre[k]]++] = (uint32_t)r;
  free(fill);
  px->pre = pre;
  px->tokens = m;
}

static void free_pindex(pindex *px) {
  free(px->pstart);
  free(px->pre);
  free(px->ix_start);
  free(px->ix);
}

/* ------------------------------------------------------------------------ */
/* Pairs on worker threads.                                                */

typedef struct shared {
  const sc_corpus *c;         /* --via-compare only                       */
  const dset *set;
  size_t n, first;
  const uint32_t *by_size;    /* doc indices by ascending shingle count   */
  double threshold;
  int via_compare;
  const pindex *px;           /* NULL: size-window all pairs              */
  atomic_size_t next;         /* next row                                 */
  atomic_size_t done_rows, done_pairs;
  atomic_int failed;
  double t0;
  int quiet;
} shared;

typedef struct worker {
  pthread_t th;
  shared *sh;
  rvec out;
  uint32_t *stamp;            /* prefix mode: last row that saw each row  */
  unsigned id;
} worker;

static void push(rvec *v, result r) {
  if (v->len == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 1024;
    v->items = xrealloc(v->items, v->cap * sizeof *v->items);
  }
  v->items[v->len++] = r;
}

/* Computes pair (a, b); returns 0 on an engine error. */
static int one_pair(const shared *sh, worker *w, uint32_t a, uint32_t b) {
  double jac;
  if (sh->via_compare) {
    sc_pair p;
    const sc_status st = sc_corpus_compare(sh->c, a, b, &p);
    if (st != SC_OK) {
      fprintf(stderr, "%s: sc_corpus_compare(%u, %u): %s\n", prog, a, b, sc_strerror(st));
      return 0;
    }
    jac = p.jaccard;
  } else {
    jac = shingle_jaccard_min(sh->set[a], sh->set[b], sh->threshold);
  }
  if (jac >= sh->threshold) push(&w->out, (result){a, b, jac});
  return 1;
}

static void *run(void *arg) {
  worker *w = arg;
  shared *sh = w->sh;
  const double t = sh->threshold;
  double last = now();
  for (;;) {
    const size_t r = atomic_fetch_add(&sh->next, 1);
    if (r >= sh->n || atomic_load(&sh->failed)) break;
    const uint32_t a = sh->by_size[r];
    const size_t sa = sh->set[a].n;
    size_t pairs = 0;
    if (!sh->px) { /* later rows (not smaller) within the size bound */
      const double limit = (double)sa / t;
      for (size_t k = r + 1; k < sh->n; k++) {
        const uint32_t b = sh->by_size[k];
        if ((double)sh->set[b].n > limit) break;
        pairs++;
        if (!one_pair(sh, w, a, b)) goto fail;
      }
    } else { /* earlier rows (not larger) sharing a prefix token */
      const pindex *px = sh->px;
      const double min_b = t * (double)sa * (1 - 1e-12);
      for (size_t k = px->pstart[r]; k < px->pstart[r + 1]; k++) {
        const uint32_t tok = px->pre[k];
        for (size_t q = px->ix_start[tok]; q < px->ix_start[tok + 1] && px->ix[q] < r; q++) {
          const uint32_t rb = px->ix[q];
          if (w->stamp[rb] == (uint32_t)r + 1) continue;
          w->stamp[rb] = (uint32_t)r + 1;
          const uint32_t b = sh->by_size[rb];
          if ((double)sh->set[b].n < min_b) continue;
          pairs++;
          if (!one_pair(sh, w, a, b)) goto fail;
        }
      }
    }
    const size_t rows = atomic_fetch_add(&sh->done_rows, 1) + 1;
    const size_t done = atomic_fetch_add(&sh->done_pairs, pairs) + pairs;
    if (!sh->quiet && w->id == 0 && now() - last > 30) {
      last = now();
      fprintf(stderr, "%s: %zu / %zu documents, %zu pairs computed, %.0f s\n", prog, rows, sh->n - sh->first, done,
              last - sh->t0);
    }
  }
  return NULL;
fail:
  atomic_store(&sh->failed, 1);
  return NULL;
}

/* ------------------------------------------------------------------------ */

static const dset *g_set;
static int cmp_by_size(const void *x, const void *y) {
  const uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  if (g_set[a].n != g_set[b].n) return g_set[a].n < g_set[b].n ? -1 : 1;
  return a < b ? -1 : a > b;
}

static const char *const *g_names;
static int cmp_result(const void *x, const void *y) {
  const result *p = x, *q = y;
  int c = strcmp(g_names[p->a], g_names[q->a]);
  if (c) return c;
  return strcmp(g_names[p->b], g_names[q->b]);
}

/* Sorts the pairs found by names (the order output and bsearch use). */
static void sort_pairs(const char *const *names, rvec *all) {
  g_names = names;
  qsort(all->items, all->len, sizeof *all->items, cmp_result);
}

/* Writes the pairs as CSV a,b,jaccard to @p path ("-": standard output).
 * @return 0 on an I/O error (reported). */
static int write_pairs(const char *path, const char *const *names, const rvec *all) {
  FILE *out = strcmp(path, "-") ? fopen(path, "wb") : stdout;
  if (!out) {
    fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
    return 0;
  }
  fputs("a,b,jaccard\n", out);
  for (size_t k = 0; k < all->len; k++) {
    sc_report_csv_field(out, names[all->items[k].a]);
    fputc(',', out);
    sc_report_csv_field(out, names[all->items[k].b]);
    fprintf(out, ",%.6f\n", all->items[k].j);
  }
  if (fflush(out) != 0 || (out != stdout && fclose(out) != 0)) {
    fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
    return 0;
  }
  return 1;
}

/* The analysed documents: names and shingle sets, owned (batches) or
 * borrowed from the one corpus kept for --verify / --via-compare. */
typedef struct docs {
  const char **name;
  dset *set;
  char **own_name;          /* the same, when owned (NULL when borrowed)   */
  uint64_t **own_set;
  size_t n, cap;
} docs;

typedef struct batch {
  sc_text *t;
  char **owned;             /* name and text of each record, to free       */
  size_t n, cap, bytes;
} batch;

/* Analyses the records of @p b with the engine and appends them to @p d.
 * With @p keep, the corpus is built and returned in *kept (one batch only);
 * otherwise shingle sets and names are copied and the corpus freed. */
static void analyse(batch *b, const sc_options *opt, unsigned threads, int keep, docs *d, sc_corpus **kept) {
  sc_corpus *c = NULL;
  sc_status st = sc_corpus_create(opt, &c);
  if (st != SC_OK) {
    fprintf(stderr, "%s: sc_corpus_create: %s\n", prog, sc_strerror(st));
    exit(1);
  }
  sc_status *stats = calloc(b->n ? b->n : 1, sizeof *stats);
  if (!stats) die("out of memory");
  if ((st = sc_corpus_add_batch(c, b->t, b->n, threads, stats)) != SC_OK) {
    fprintf(stderr, "%s: sc_corpus_add_batch: %s\n", prog, sc_strerror(st));
    exit(1);
  }
  for (size_t i = 0; i < b->n; i++) {
    if (stats[i] != SC_OK) fprintf(stderr, "%s: %s: %s (not compared)\n", prog, b->t[i].name, sc_strerror(stats[i]));
    free(b->owned[2 * i]);
    free(b->owned[2 * i + 1]);
  }
  free(stats);
  b->n = 0;
  const size_t added = sc_corpus_size(c);
  if (d->n + added > UINT32_MAX) die("too many documents");
  if (d->n + added > d->cap) {
    while (d->cap < d->n + added) d->cap = d->cap ? d->cap * 2 : 1024;
    d->name = xrealloc(d->name, d->cap * sizeof *d->name);
    d->set = xrealloc(d->set, d->cap * sizeof *d->set);
    d->own_name = xrealloc(d->own_name, d->cap * sizeof *d->own_name);
    d->own_set = xrealloc(d->own_set, d->cap * sizeof *d->own_set);
  }
  if (keep && (st = sc_corpus_build(c)) != SC_OK) {
    fprintf(stderr, "%s: sc_corpus_build: %s\n", prog, sc_strerror(st));
    exit(1);
  }
  for (size_t i = 0; i < added; i++) {
    sc_doc_info doc;
    if ((st = sc_corpus_doc_info(c, (uint32_t)i, &doc)) != SC_OK) die("sc_corpus_doc_info failed");
    d->own_name[d->n] = NULL;
    d->own_set[d->n] = NULL;
    if (keep) {
      d->name[d->n] = doc.name;
      d->set[d->n] = (dset){doc.shingle_hashes, doc.shingles};
    } else {
      const size_t ln = strlen(doc.name);
      char *nm = xrealloc(NULL, ln + 1);
      memcpy(nm, doc.name, ln + 1);
      uint64_t *h = xrealloc(NULL, (doc.shingles ? doc.shingles : 1) * sizeof *h);
      if (doc.shingles) memcpy(h, doc.shingle_hashes, doc.shingles * sizeof *h);
      d->name[d->n] = d->own_name[d->n] = nm;
      d->set[d->n] = (dset){h, doc.shingles};
      d->own_set[d->n] = h;
    }
    d->n++;
  }
  if (keep) *kept = c;
  else sc_corpus_free(c);
}

/* ------------------------------------------------------------------------ */
/* --families: the generator's truth (id,source,...) as id -> family.      */

typedef struct fammap {
  char **key;
  uint32_t *fam;
  size_t cap, n;
  uint32_t families;
} fammap;

static uint64_t str_hash(const char *s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
  return h;
}

/* Slot of @p k: its own, or the empty one where it would go. */
static size_t fam_slot(const fammap *m, const char *k) {
  size_t i = str_hash(k) & (m->cap - 1);
  while (m->key[i] && strcmp(m->key[i], k) != 0) i = (i + 1) & (m->cap - 1);
  return i;
}

static void fam_put(fammap *m, const char *k, uint32_t fam) {
  if ((m->n + 1) * 2 > m->cap) {
    fammap g = {calloc(m->cap ? m->cap * 2 : 1024, sizeof(char *)), NULL, m->cap ? m->cap * 2 : 1024, 0,
                m->families};
    g.fam = calloc(g.cap, sizeof *g.fam);
    if (!g.key || !g.fam) die("out of memory");
    for (size_t i = 0; i < m->cap; i++)
      if (m->key[i]) {
        const size_t j = fam_slot(&g, m->key[i]);
        g.key[j] = m->key[i];
        g.fam[j] = m->fam[i];
        g.n++;
      }
    free(m->key);
    free(m->fam);
    *m = g;
  }
  const size_t i = fam_slot(m, k);
  if (m->key[i]) return; /* first family wins */
  const size_t ln = strlen(k);
  m->key[i] = xrealloc(NULL, ln + 1);
  memcpy(m->key[i], k, ln + 1);
  m->fam[i] = fam;
  m->n++;
}

/* @return the family of @p k, or UINT32_MAX. */
static uint32_t fam_get(const fammap *m, const char *k) {
  if (!m->cap) return UINT32_MAX;
  const size_t i = fam_slot(m, k);
  return m->key[i] ? m->fam[i] : UINT32_MAX;
}

/* Reads the generator's truth CSV: every copy joins its source's family
 * (a source is always a base document, so families are stars). */
static void read_families(const char *path, fammap *m) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
    exit(2);
  }
  char *line = NULL;
  size_t cap = 0, no = 0;
  ssize_t got;
  while ((got = getline(&line, &cap, f)) > 0) {
    if (no++ == 0) {
      if (strncmp(line, "id,source,", 10) != 0) die("--families: expected the header id,source,edit_rate,edits");
      continue;
    }
    char *comma1 = strchr(line, ','), *comma2 = comma1 ? strchr(comma1 + 1, ',') : NULL;
    if (!comma2) {
      fprintf(stderr, "%s: %s:%zu: expected id,source,... (skipped)\n", prog, path, no);
      continue;
    }
    *comma1 = *comma2 = '\0';
    uint32_t fam = fam_get(m, comma1 + 1);
    if (fam == UINT32_MAX) fam_put(m, comma1 + 1, fam = m->families++);
    fam_put(m, line, fam);
  }
  free(line);
  fclose(f);
}

static const uint32_t *g_fam;
static int cmp_by_family(const void *x, const void *y) {
  const uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  if (g_fam[a] != g_fam[b]) return g_fam[a] < g_fam[b] ? -1 : 1;
  return a < b ? -1 : a > b;
}

/* ------------------------------------------------------------------------ */
/* Reading: records into batches of texts, analysed batch by batch.        */

/* What on_record returns to stop reading at --limit records. */
#define LIMIT_REACHED SC_E_RANGE

typedef struct reader {
  batch *b;
  docs *d;
  sc_corpus **c;
  const sc_options *opt;
  unsigned threads;
  size_t batch_docs;
  const fammap *families;   /* NULL: every record */
  size_t limit, records, skipped, bytes;
} reader;

static sc_status on_record(void *user, const char *id, const char *text, size_t len, const char *line,
                           size_t line_len, const char *where) {
  (void)line;
  (void)line_len;
  (void)where;
  reader *r = user;
  if (r->records >= r->limit) return LIMIT_REACHED;
  r->records++;
  if (r->families && fam_get(r->families, id) == UINT32_MAX) return SC_OK;  /* in no family */
  batch *b = r->b;
  if (b->n == b->cap) {
    b->cap = b->cap ? b->cap * 2 : 1024;
    b->t = xrealloc(b->t, b->cap * sizeof *b->t);
    b->owned = xrealloc(b->owned, 2 * b->cap * sizeof *b->owned);
  }
  const size_t id_len = strlen(id);
  char *nm = xrealloc(NULL, id_len + 1), *tx = xrealloc(NULL, len + 1);
  memcpy(nm, id, id_len + 1);
  memcpy(tx, text, len);
  tx[len] = '\0';
  b->owned[2 * b->n] = nm;
  b->owned[2 * b->n + 1] = tx;
  b->t[b->n++] = (sc_text){nm, tx, len};
  r->bytes += len;
  if (b->n >= r->batch_docs) analyse(b, r->opt, r->threads, 0, r->d, r->c);
  return SC_OK;
}

static void on_skip(void *user, const char *where, sc_status why, const char *detail) {
  (void)why;
  fprintf(stderr, "%s: %s: %s (skipped)\n", prog, where, detail);
  ((reader *)user)->skipped++;
}

static void usage(FILE *f) {
  fprintf(f,
          "usage: %s [--threshold T] [--threads N] [--shingle K] [--limit N] [--batch N]\n"
          "       [--all-pairs] [--via-compare] [--verify N] [--families TRUTH.csv] [-o PAIRS.csv]\n"
          "       CORPUS.jsonl\n"
          "writes a,b,jaccard for every pair with exact word-shingle Jaccard >= T [0.5]\n",
          prog);
}

int main(int argc, char **argv) {
  double threshold = 0.5;
  unsigned threads = 0, shingle = 5;
  size_t limit = SIZE_MAX, verify = 0, batch_docs = 10000;
  const char *out_path = "-", *in_path = NULL, *families = NULL;
  int quiet = 0, via_compare = 0, all_pairs = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      return 0;
    }
    if (!strcmp(a, "--quiet")) {
      quiet = 1;
      continue;
    }
    if (!strcmp(a, "--via-compare")) {
      via_compare = all_pairs = 1;
      continue;
    }
    if (!strcmp(a, "--all-pairs")) {
      all_pairs = 1;
      continue;
    }
    if (a[0] == '-' && a[1] && i + 1 >= argc) {
      fprintf(stderr, "%s: %s needs a value\n", prog, a);
      return 1;
    }
    char *end = NULL;
    if (!strcmp(a, "--threshold")) {
      threshold = strtod(argv[++i], &end);
      if (*end || !(threshold > 0 && threshold <= 1)) die("--threshold must be in (0, 1]");
    } else if (!strcmp(a, "--threads")) {
      threads = (unsigned)strtoul(argv[++i], &end, 10);
      if (*end || threads > 1024) die("--threads must be 0..1024");
    } else if (!strcmp(a, "--shingle")) {
      shingle = (unsigned)strtoul(argv[++i], &end, 10);
      if (*end) die("--shingle must be an integer");
    } else if (!strcmp(a, "--limit")) {
      limit = (size_t)strtoull(argv[++i], &end, 10);
      if (*end) die("--limit must be an integer");
    } else if (!strcmp(a, "--batch")) {
      batch_docs = (size_t)strtoull(argv[++i], &end, 10);
      if (*end || batch_docs == 0) die("--batch must be a positive integer");
    } else if (!strcmp(a, "--verify")) {
      verify = (size_t)strtoull(argv[++i], &end, 10);
      if (*end) die("--verify must be an integer");
    } else if (!strcmp(a, "--families")) {
      families = argv[++i];
    } else if (!strcmp(a, "-o")) {
      out_path = argv[++i];
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "%s: unknown option %s\n", prog, a);
      usage(stderr);
      return 1;
    } else if (in_path) {
      die("one corpus only");
    } else {
      in_path = a;
    }
  }
  if (!in_path) {
    usage(stderr);
    return 1;
  }
  if (families && (verify || via_compare || all_pairs))
    die("--families computes family pairs only; it goes with none of --verify, --via-compare, --all-pairs");
  fammap fm = {0};
  if (families) read_families(families, &fm);
  const int keep = verify > 0 || via_compare; /* one corpus, kept and built */
  if (keep) batch_docs = SIZE_MAX;
  const double t0 = now();

  sc_options opt;
  sc_options_init(&opt);
  opt.shingle_k = shingle;
  sc_status st = sc_options_check(&opt);
  if (st != SC_OK) {
    fprintf(stderr, "%s: options: %s\n", prog, sc_strerror(st));
    return 1;
  }

  /* Read, parse and analyse the records, a batch at a time. */
  docs d = {0};
  batch b = {0};
  sc_corpus *c = NULL;
  reader rd = {&b, &d, &c, &opt, threads, batch_docs, families ? &fm : NULL, limit, 0, 0, 0};
  st = sc_read_jsonl(in_path, NULL, NULL, on_record, on_skip, &rd);
  if (st != SC_OK && st != LIMIT_REACHED) return 2;  /* unreadable: reported by on_skip */
  if (b.n || (keep && !c)) analyse(&b, &opt, threads, keep, &d, &c);
  free(b.t);
  free(b.owned);
  const size_t records = rd.records, skipped = rd.skipped, bytes = rd.bytes;
  const double t_read = now();

  const size_t n = d.n;
  uint32_t *by_size = malloc((n ? n : 1) * sizeof *by_size);
  if (!by_size) die("out of memory");
  for (size_t i = 0; i < n; i++) by_size[i] = (uint32_t)i;
  g_set = d.set;
  qsort(by_size, n, sizeof *by_size, cmp_by_size);
  size_t first = 0; /* documents without shingles reach no threshold */
  while (first < n && d.set[by_size[first]].n == 0) first++;
  if (!quiet)
    fprintf(stderr, "%s: %zu records (%zu bytes, %zu skipped), %zu documents analysed in %.2f s\n", prog, records,
            bytes, skipped, n, t_read - t0);

  if (families) {
    /* Every pair within a family, exactly; nothing across families. */
    uint32_t *fam = malloc((n ? n : 1) * sizeof *fam), *order = malloc((n ? n : 1) * sizeof *order);
    if (!fam || !order) die("out of memory");
    for (size_t i = 0; i < n; i++) {
      fam[i] = fam_get(&fm, d.name[i]);
      order[i] = (uint32_t)i;
    }
    g_fam = fam;
    qsort(order, n, sizeof *order, cmp_by_family);
    rvec all = {0};
    size_t computed = 0;
    for (size_t i = 0; i < n;) {
      size_t e = i;
      while (e < n && fam[order[e]] == fam[order[i]]) e++;
      for (size_t x = i; x < e; x++)
        for (size_t y = x + 1; y < e; y++) {
          uint32_t a = order[x], bb = order[y];
          const double jac = shingle_jaccard(d.set[a], d.set[bb]);
          computed++;
          if (jac < threshold) continue;
          if (strcmp(d.name[a], d.name[bb]) > 0) {
            const uint32_t t = a;
            a = bb;
            bb = t;
          }
          push(&all, (result){a, bb, jac});
        }
      i = e;
    }
    sort_pairs(d.name, &all);
    if (!write_pairs(out_path, d.name, &all)) return 1;
    if (!quiet)
      fprintf(stderr, "%s: %u families, %zu family pairs computed; %zu with Jaccard >= %g; total %.2f s\n", prog,
              fm.families, computed, all.len, threshold, now() - t0);
    free(all.items);
    free(fam);
    free(order);
  }

  pindex px = {0};
  rvec all = {0};
  shared sh = {0};
  if (families) goto cleanup;

  if (!all_pairs) {
    build_pindex(d.set, n, by_size, first, threshold, &px);
    if (!quiet)
      fprintf(stderr, "%s: prefix index: %zu distinct shingles, %zu postings, %.2f s\n", prog, px.tokens,
              px.pstart[n], now() - t_read);
  }

  unsigned nt = threads;
  if (nt == 0) {
    const long cores = sysconf(_SC_NPROCESSORS_ONLN);
    nt = cores > 0 ? (unsigned)cores : 1;
  }
  sh = (shared){.c = c, .set = d.set, .n = n, .first = first, .by_size = by_size, .threshold = threshold,
                .via_compare = via_compare, .px = all_pairs ? NULL : &px, .t0 = now(), .quiet = quiet};
  atomic_init(&sh.next, first);
  atomic_init(&sh.done_rows, 0);
  atomic_init(&sh.done_pairs, 0);
  atomic_init(&sh.failed, 0);
  worker *ws_ = calloc(nt, sizeof *ws_);
  if (!ws_) die("out of memory");
  for (unsigned t = 0; t < nt; t++) {
    ws_[t].sh = &sh;
    ws_[t].id = t;
    if (!all_pairs && !(ws_[t].stamp = calloc(n ? n : 1, sizeof *ws_[t].stamp))) die("out of memory");
    if (pthread_create(&ws_[t].th, NULL, run, &ws_[t]) != 0) die("pthread_create failed");
  }
  for (unsigned t = 0; t < nt; t++) {
    pthread_join(ws_[t].th, NULL);
    for (size_t k = 0; k < ws_[t].out.len; k++) {
      result r = ws_[t].out.items[k];
      if (strcmp(d.name[r.a], d.name[r.b]) > 0) r = (result){r.b, r.a, r.j};
      push(&all, r);
    }
    free(ws_[t].out.items);
    free(ws_[t].stamp);
  }
  free(ws_);
  if (atomic_load(&sh.failed)) return 1;
  const double t_pairs = now();
  sort_pairs(d.name, &all);

  if (verify && !via_compare) {
    /* Every pair found, then random pairs, through the public figure. */
    const double tv = now();
    size_t bad = 0, missed = 0, checked = 0;
    uint64_t x = 0x243F6A8885A308D3ull;
    for (size_t k = 0; k < all.len + verify && n > 1; k++) {
      uint32_t a, bb;
      if (k < all.len) {
        a = all.items[k].a;
        bb = all.items[k].b;
      } else {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        a = (uint32_t)(x % n);
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        bb = (uint32_t)(x % n);
        if (a == bb) continue;
      }
      sc_pair p;
      if (sc_corpus_compare(c, a, bb, &p) != SC_OK) die("sc_corpus_compare failed");
      const double mine = shingle_jaccard(d.set[a], d.set[bb]);
      checked++;
      if (p.jaccard != mine && bad++ < 10)
        fprintf(stderr, "%s: verify: %s,%s: compare says %.6f, shingle sets %.6f\n", prog, d.name[a], d.name[bb],
                p.jaccard, mine);
      if (k >= all.len && p.jaccard >= threshold) {
        result want = {a, bb, 0};
        if (strcmp(d.name[a], d.name[bb]) > 0) want = (result){bb, a, 0};
        if (!bsearch(&want, all.items, all.len, sizeof *all.items, cmp_result) && missed++ < 10)
          fprintf(stderr, "%s: verify: %s,%s (Jaccard %.6f) missing from the output\n", prog, d.name[want.a],
                  d.name[want.b], p.jaccard);
      }
    }
    if (!quiet)
      fprintf(stderr, "%s: verify: %zu pairs rechecked with sc_corpus_compare in %.2f s: %zu differ, %zu missed\n",
              prog, checked, now() - tv, bad, missed);
    if (bad || missed) return 3;
  }

  if (!write_pairs(out_path, d.name, &all)) return 1;
  const size_t computed = atomic_load(&sh.done_pairs);
  if (!quiet)
    fprintf(stderr,
            "%s: %zu pairs computed on %u threads in %.2f s (%s); %zu pairs with Jaccard >= %g; total %.2f s\n",
            prog, computed, nt, t_pairs - sh.t0,
            via_compare ? "sc_corpus_compare" : (all_pairs ? "size-bound all pairs" : "prefix filter"), all.len,
            threshold, now() - t0);
cleanup:
  free(all.items);
  free_pindex(&px);
  free(by_size);
  for (size_t i = 0; i < fm.cap; i++) free(fm.key[i]);
  free(fm.key);
  free(fm.fam);
  for (size_t i = 0; i < n; i++) {
    free(d.own_name[i]);
    free(d.own_set[i]);
  }
  free(d.name);
  free(d.set);
  free(d.own_name);
  free(d.own_set);
  sc_corpus_free(c);
  return 0;
}
