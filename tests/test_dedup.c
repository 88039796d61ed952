/*
 * test_dedup.c (property): sc_dedup (LSH + exact verification + union-find)
 * against brute force on a seeded corpus.
 *
 * The corpus: 2000 documents. 800 originals of 150-400 words drawn from a
 * seeded 4000-word vocabulary; 850 near copies of earlier documents (copies
 * of copies too, so chains form) with word edits (substitute, delete,
 * insert) at rates from 0.3% to 20%; 200 exact copies differing only in
 * case and runs of spaces and tabs; 100 prefixes (50-95% of a document's
 * words); 50 documents sharing a boilerplate header. Order shuffled.
 *
 * Truth: each document's 64-bit shingle set (the engine's own sketch,
 * sc_sketch_text, i.e. the same set the corpus API compares) and the exact
 * Jaccard of every pair sharing a shingle (inverted index; every other pair
 * has Jaccard 0). A sample of pairs is cross-checked with the public
 * corpus API (sc_corpus_compare's exact `jaccard`), and so are digests.
 * Also the Jaccard of the 32-bit store the engine documents (the high half
 * of each hash), J32.
 *
 * At thresholds 0.5, 0.7, 0.8, 0.9:
 *   recall     pairs with exact Jaccard >= t in one cluster: >= 0.95;
 *   precision  every dedup cluster lies inside one component of the graph
 *              of pairs with Jaccard >= t (64-bit, or 32-bit as stored);
 *   similarity each member's similarity is the J32 with its representative
 *              (float) and within 0.01 of the exact Jaccard; exact copies
 *              (same normalized text) of the representative are flagged
 *              with similarity 1;
 *   structure  representative = smallest member (keep first) or longest
 *              (keep longest, ties to the smallest), cluster_size, stats
 *              (documents, exact_duplicates, clusters, removed, bands/rows,
 *              p_at_threshold, verified <= true edges, candidates >=
 *              verified);
 *   determinism threads 1 and 2, and batches of random sizes, give the same
 *              output; so does verifying every pair by sorting both sets
 *              (the path of sets over 2^16 values) instead of hash sets,
 *              and adding batches on another thread while the test's
 *              thread sketches some through sc_dedup_help.
 * Plus: pairs exactly at the threshold (J = p/100 by construction) are
 * linked when LSH proposes them; SC_E_STATE, SC_E_EMPTY, SC_E_RANGE,
 * SC_E_IO cases; the store file is unlinked.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include "doc.h"
#include "keys.h"
#include "lsh.h"
#include "sc_test.h"

enum { VOCAB = 4000, N_ORIG = 800, N_NEAR = 850, N_EXACT = 200, N_PREFIX = 100, N_BOILER = 50 };
enum { N_DOCS = N_ORIG + N_NEAR + N_EXACT + N_PREFIX + N_BOILER };

static char *vocab[VOCAB];

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------------ */
/* Corpus generation.                                                       */

typedef struct wordlist {
  uint32_t *w;
  size_t n;
} wordlist;

typedef struct gdoc {
  wordlist words;
  int mangled;                  /* exact copy: case and spaces changed     */
  char *text;
  size_t len;
  char name[32];
} gdoc;

static void make_vocab(void) {
  for (size_t i = 0; i < VOCAB; i++) {
    char w[16];
    for (;;) {
      const size_t len = 3 + sc_test_below(8);
      for (size_t k = 0; k < len; k++) w[k] = (char)('a' + sc_test_below(26));
      w[len] = '\0';
      size_t j = 0;
      while (j < i && strcmp(vocab[j], w) != 0) j++;
      if (j == i) break;
    }
    vocab[i] = strdup(w);
  }
}

/* Zipf-like: small ids much more frequent. */
static uint32_t random_word(void) {
  const double u = sc_test_unit();
  return (uint32_t)((double)VOCAB * u * u * u) % VOCAB;
}

static wordlist random_words(size_t n) {
  wordlist l = {malloc(n * sizeof(uint32_t)), n};
  for (size_t i = 0; i < n; i++) l.w[i] = random_word();
  return l;
}

static wordlist edit_words(const wordlist *src, double rate) {
  wordlist l = {malloc((2 * src->n + 8) * sizeof(uint32_t)), 0};
  for (size_t i = 0; i < src->n; i++) {
    if (sc_test_unit() >= rate) {
      l.w[l.n++] = src->w[i];
      continue;
    }
    const size_t kind = sc_test_below(4);
    if (kind <= 1) l.w[l.n++] = random_word();          /* substitute */
    else if (kind == 2) continue;                       /* delete */
    else {                                              /* insert */
      l.w[l.n++] = random_word();
      l.w[l.n++] = src->w[i];
    }
  }
  if (l.n == 0) l.w[l.n++] = random_word();
  return l;
}

static wordlist copy_words(const wordlist *src, size_t n) {
  wordlist l = {malloc((n ? n : 1) * sizeof(uint32_t)), n};
  memcpy(l.w, src->w, n * sizeof(uint32_t));
  return l;
}

/* Renders words as text: a period every 12th word, a paragraph break every
 * 60th. A mangled rendering changes only letter case and the length and
 * kind of horizontal whitespace runs, so its normalized text is the same. */
static void render(gdoc *d) {
  size_t cap = 64, len = 0;
  for (size_t i = 0; i < d->words.n; i++) cap += strlen(vocab[d->words.w[i]]) + 8;
  char *t = malloc(cap);
  if (d->mangled && sc_test_below(2)) t[len++] = ' ', t[len++] = '\t';
  for (size_t i = 0; i < d->words.n; i++) {
    if (i) {
      if (i % 60 == 0) t[len++] = '\n', t[len++] = '\n';
      else if (!d->mangled) t[len++] = ' ';
      else {
        static const char *const ws[] = {" ", "  ", "\t", " \t ", "   "};
        const char *s = ws[sc_test_below(5)];
        memcpy(t + len, s, strlen(s));
        len += strlen(s);
      }
    }
    const char *w = vocab[d->words.w[i]];
    const size_t wl = strlen(w);
    const size_t mode = d->mangled ? sc_test_below(4) : 0;
    for (size_t k = 0; k < wl; k++) {
      char c = w[k];
      if (mode == 1 || (mode == 2 && k == 0)) c = (char)(c - 'a' + 'A');
      if (mode == 3 && k % 2) c = (char)(c - 'a' + 'A');
      t[len++] = c;
    }
    if (i % 12 == 11) t[len++] = '.';
  }
  t[len++] = '.';
  if (d->mangled && sc_test_below(2)) t[len++] = ' ', t[len++] = ' ';
  d->text = t;
  d->len = len;
}

static const double rates[] = {0.003, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.12, 0.2};

static gdoc *make_corpus(void) {
  gdoc *g = calloc(N_DOCS, sizeof *g);
  size_t n = 0;
  for (; n < N_ORIG; n++) g[n].words = random_words(150 + sc_test_below(251));
  const wordlist header = random_words(80);
  /* The rest interleaved, each from an earlier document. */
  size_t near = 0, exact = 0, prefix = 0, boiler = 0;
  while (n < N_DOCS) {
    const size_t kind = sc_test_below(N_NEAR + N_EXACT + N_PREFIX + N_BOILER);
    const gdoc *src = &g[sc_test_below(n)];
    if (kind < N_NEAR) {
      if (near == N_NEAR) continue;
      near++;
      g[n].words = edit_words(&src->words, rates[sc_test_below(sizeof rates / sizeof rates[0])]);
    } else if (kind < N_NEAR + N_EXACT) {
      if (exact == N_EXACT) continue;
      exact++;
      g[n].words = copy_words(&src->words, src->words.n);
      g[n].mangled = 1;
    } else if (kind < N_NEAR + N_EXACT + N_PREFIX) {
      if (prefix == N_PREFIX) continue;
      prefix++;
      const size_t keep = (size_t)((double)src->words.n * (0.5 + 0.45 * sc_test_unit()));
      g[n].words = copy_words(&src->words, keep ? keep : 1);
    } else {
      if (boiler == N_BOILER) continue;
      boiler++;
      wordlist own = random_words(100 + sc_test_below(200));
      g[n].words.w = malloc((header.n + own.n) * sizeof(uint32_t));
      memcpy(g[n].words.w, header.w, header.n * sizeof(uint32_t));
      memcpy(g[n].words.w + header.n, own.w, own.n * sizeof(uint32_t));
      g[n].words.n = header.n + own.n;
      free(own.w);
    }
    n++;
  }
  free(header.w);
  /* Shuffle, then render and name in the final order. */
  for (size_t i = N_DOCS; i > 1; i--) {
    const size_t j = sc_test_below(i);
    const gdoc t = g[i - 1];
    g[i - 1] = g[j];
    g[j] = t;
  }
  for (size_t i = 0; i < N_DOCS; i++) {
    render(&g[i]);
    snprintf(g[i].name, sizeof g[i].name, "doc%04zu", i);
  }
  return g;
}

/* ------------------------------------------------------------------------ */
/* Truth.                                                                   */

typedef struct dset {
  uint64_t *s;
  size_t n;
  uint32_t *h;                  /* distinct high halves (the 32-bit store)  */
  size_t nh;
  uint8_t digest[32];
} dset;

typedef struct tpair {
  uint32_t a, b;
  double j64, j32;
} tpair;

static int cmp_u64(const void *x, const void *y) {
  const uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return (a > b) - (a < b);
}

static double jaccard64(const dset *a, const dset *b) {
  size_t i = 0, j = 0, c = 0;
  while (i < a->n && j < b->n) {
    if (a->s[i] < b->s[j]) i++;
    else if (a->s[i] > b->s[j]) j++;
    else c++, i++, j++;
  }
  return (double)c / (double)(a->n + b->n - c);
}

static double jaccard32(const dset *a, const dset *b) {
  size_t i = 0, j = 0, c = 0;
  while (i < a->nh && j < b->nh) {
    if (a->h[i] < b->h[j]) i++;
    else if (a->h[i] > b->h[j]) j++;
    else c++, i++, j++;
  }
  return (double)c / (double)(a->nh + b->nh - c);
}

static void sketch_all(const gdoc *g, size_t n, dset *sets) {
  sc_options opt;
  sc_options_init(&opt);
  sc_keys keys;
  sc_analyzer *az;
  if (sc_keys_derive(opt.key, &keys) != SC_OK || sc_analyzer_create(&az) != SC_OK) exit(2);
  uint32_t *sig = malloc(opt.num_perm * sizeof(uint32_t));
  for (size_t i = 0; i < n; i++) {
    sc_sketch sk;
    CHECK_EQ_INT(sc_sketch_text(az, &opt, &keys, g[i].text, g[i].len, sig, &sk), SC_OK);
    sets[i].n = sk.n_shingles;
    sets[i].s = malloc((sk.n_shingles ? sk.n_shingles : 1) * sizeof(uint64_t));
    memcpy(sets[i].s, sk.shingles, sk.n_shingles * sizeof(uint64_t));
    memcpy(sets[i].digest, sk.digest, 32);
    sets[i].h = malloc((sk.n_shingles ? sk.n_shingles : 1) * sizeof(uint32_t));
    sets[i].nh = 0;
    for (size_t k = 0; k < sk.n_shingles; k++) {
      CHECK(k == 0 || sets[i].s[k - 1] < sets[i].s[k]);  /* sorted, distinct */
      const uint32_t h = (uint32_t)(sets[i].s[k] >> 32);
      if (sets[i].nh == 0 || sets[i].h[sets[i].nh - 1] != h) sets[i].h[sets[i].nh++] = h;
    }
  }
  free(sig);
  sc_analyzer_free(az);
  sc_keys_wipe(&keys);
}

/* Every pair sharing at least one 64-bit shingle, with its Jaccards. */
static tpair *all_pairs(const dset *sets, size_t n, size_t *n_out) {
  size_t m = 0;
  for (size_t i = 0; i < n; i++) m += sets[i].n;
  /* (hash, doc) records, sorted by hash: each run is one shingle's postings. */
  uint64_t *packed = malloc((m ? m : 1) * 2 * sizeof(uint64_t));
  size_t at = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < sets[i].n; k++, at++) packed[2 * at] = sets[i].s[k], packed[2 * at + 1] = i;
  qsort(packed, m, 2 * sizeof(uint64_t), cmp_u64);  /* compares the first word */
  uint64_t *co = NULL;
  size_t n_co = 0, cap_co = 0;
  for (size_t i = 0; i < m;) {
    size_t j = i + 1;
    while (j < m && packed[2 * j] == packed[2 * i]) j++;
    for (size_t x = i; x < j; x++)
      for (size_t y = x + 1; y < j; y++) {
        uint32_t a = (uint32_t)packed[2 * x + 1], b = (uint32_t)packed[2 * y + 1];
        if (a > b) {
          const uint32_t t = a;
          a = b;
          b = t;
        }
        if (n_co == cap_co) {
          cap_co = cap_co ? 2 * cap_co : 1 << 16;
          co = realloc(co, cap_co * sizeof(uint64_t));
        }
        co[n_co++] = (uint64_t)a << 32 | b;
      }
    i = j;
  }
  free(packed);
  if (co) qsort(co, n_co, sizeof(uint64_t), cmp_u64);
  tpair *out = NULL;
  size_t n_out_ = 0, cap = 0;
  for (size_t i = 0; i < n_co;) {
    size_t j = i + 1;
    while (j < n_co && co[j] == co[i]) j++;
    const uint32_t a = (uint32_t)(co[i] >> 32), b = (uint32_t)co[i];
    const double jac = (double)(j - i) / (double)(sets[a].n + sets[b].n - (j - i));
    if (n_out_ == cap) {
      cap = cap ? 2 * cap : 1024;
      out = realloc(out, cap * sizeof *out);
    }
    out[n_out_++] = (tpair){a, b, jac, jaccard32(&sets[a], &sets[b])};
    i = j;
  }
  free(co);
  *n_out = n_out_;
  return out;
}

/* A small union-find of the test's own (the engine's is under test). */
static uint32_t tfind(uint32_t *p, uint32_t x) {
  while (p[x] != x) x = p[x] = p[p[x]];
  return x;
}
static void tunion(uint32_t *p, uint32_t a, uint32_t b) {
  a = tfind(p, a);
  b = tfind(p, b);
  if (a != b) p[a < b ? b : a] = a < b ? a : b;
}

/* ------------------------------------------------------------------------ */
/* Running the deduplicator.                                                */

typedef struct result {
  uint32_t *rep, *csize;
  double *sim;
  int *exact;
  sc_dedup_stats st;
} result;

static void result_free(result *r) {
  free(r->rep);
  free(r->csize);
  free(r->sim);
  free(r->exact);
}

/* Adds batches of the sizes in sizes[] (0-terminated) on its own thread,
 * while the test's thread lends a hand with sc_dedup_help. */
typedef struct adder {
  sc_dedup *dd;
  const sc_text *texts;
  sc_status *status;
  const size_t *sizes;
  sc_status st;
  atomic_int done;
} adder;

static void *add_batches(void *p) {
  adder *a = p;
  a->st = SC_OK;
  for (size_t i = 0, k = 0; a->sizes[k] && a->st == SC_OK; i += a->sizes[k++])
    a->st = sc_dedup_add_batch(a->dd, a->texts + i, a->sizes[k], a->status + i, NULL);
  atomic_store(&a->done, 1);
  return NULL;
}

/* Runs a deduplicator over @p g; @p batch 0: one batch, else random sizes up
 * to batch; @p sorted: every pair verified by sorting both sets (the path
 * of huge documents) instead of through hash sets; @p helped: batches are
 * added on another thread while this one calls sc_dedup_help. */
static result run_dedup_ex(const gdoc *g, size_t n, double t, int keep_longest, unsigned threads, size_t batch,
                           int sorted, int helped) {
  result r = {calloc(n, sizeof(uint32_t)), calloc(n, sizeof(uint32_t)), calloc(n, sizeof(double)),
              calloc(n, sizeof(int)), {0}};
  sc_options o;
  sc_options_init(&o);
  sc_dedup_options d;
  sc_dedup_options_init(&d);
  CHECK(d.threshold == 0.8 && d.keep_longest == 0 && d.threads == 0 && d.tmp_dir == NULL);
  d.threshold = t;
  d.keep_longest = keep_longest;
  d.threads = threads;
  sc_dedup *dd;
  CHECK_EQ_INT(sc_dedup_create(&o, &d, &dd), SC_OK);
  if (sorted) sc__dedup_hash_set_max(dd, 0);
  sc_text *texts = malloc(n * sizeof *texts);
  sc_status *status = malloc(n * sizeof *status);
  for (size_t i = 0; i < n; i++) {
    texts[i] = (sc_text){g[i].name, g[i].text, g[i].len};
    status[i] = SC_E_NOMEM;
  }
  size_t *sizes = calloc(n + 1, sizeof *sizes), nb = 0;
  for (size_t i = 0; i < n;) {
    const size_t m = batch ? 1 + sc_test_below(batch) : n;
    const size_t k = i + m > n ? n - i : m;
    sizes[nb++] = k;
    i += k;
  }
  adder a = {dd, texts, status, sizes, SC_OK, 0};
  pthread_t th;
  if (helped && pthread_create(&th, NULL, add_batches, &a) == 0) {
    size_t helps = 0;
    while (!atomic_load(&a.done)) {
      CHECK_EQ_INT(sc_dedup_help(dd), SC_OK);
      helps++;
    }
    pthread_join(th, NULL);
    CHECK_MSG(helps > 0, "never helped");
  } else {
    add_batches(&a);
  }
  CHECK_EQ_INT(a.st, SC_OK);
  free(sizes);
  size_t bad = 0;
  for (size_t i = 0; i < n; i++) bad += status[i] != SC_OK;
  CHECK_MSG(bad == 0, "%zu texts not added", bad);
  CHECK_EQ_INT(sc_dedup_size(dd), n);
  sc_dedup_doc info;
  CHECK_EQ_INT(sc_dedup_doc_info(dd, 0, &info), SC_E_STATE);  /* not run yet */
  CHECK_EQ_INT(sc_dedup_run(dd), SC_OK);
  for (uint32_t i = 0; i < n; i++) {
    if (sc_dedup_doc_info(dd, i, &info) != SC_OK) {
      CHECK_MSG(0, "doc_info(%u) failed", i);
      continue;
    }
    if (strcmp(info.name, g[i].name) != 0) CHECK_MSG(0, "doc %u named '%s', want '%s'", i, info.name, g[i].name);
    r.rep[i] = info.representative;
    r.csize[i] = info.cluster_size;
    r.sim[i] = info.similarity;
    r.exact[i] = info.exact_duplicate;
  }
  CHECK_EQ_INT(sc_dedup_doc_info(dd, (uint32_t)n, &info), SC_E_INVALID_ARG);
  CHECK_EQ_INT(sc_dedup_get_stats(dd, &r.st), SC_OK);
  /* Once only; the results stay readable; no more adds. */
  CHECK_EQ_INT(sc_dedup_run(dd), SC_E_STATE);
  CHECK_EQ_INT(sc_dedup_add_batch(dd, texts, 1, NULL, NULL), SC_E_STATE);
  CHECK_EQ_INT(sc_dedup_size(dd), n);
  sc_dedup_stats again;
  CHECK_EQ_INT(sc_dedup_get_stats(dd, &again), SC_OK);
  CHECK(memcmp(&again, &r.st, sizeof again) == 0);
  if (n && sc_dedup_doc_info(dd, (uint32_t)n - 1, &info) == SC_OK) CHECK_EQ_INT(info.representative, r.rep[n - 1]);
  sc_dedup_free(dd);
  free(texts);
  free(status);
  return r;
}

static result run_dedup(const gdoc *g, size_t n, double t, int keep_longest, unsigned threads, size_t batch) {
  return run_dedup_ex(g, n, t, keep_longest, threads, batch, 0, 0);
}

static void check_same(const result *a, const result *b, size_t n, const char *what) {
  size_t diff = 0, first = 0;
  for (size_t i = 0; i < n; i++)
    if (a->rep[i] != b->rep[i] || a->csize[i] != b->csize[i] || a->sim[i] != b->sim[i] || a->exact[i] != b->exact[i])
      if (diff++ == 0) first = i;
  CHECK_MSG(diff == 0, "%s: %zu documents differ, first %zu: rep %u/%u size %u/%u sim %.6f/%.6f", what, diff, first,
            a->rep[first], b->rep[first], a->csize[first], b->csize[first], a->sim[first], b->sim[first]);
  CHECK_MSG(memcmp(&a->st, &b->st, sizeof a->st) == 0,
            "%s: stats differ: candidates %zu/%zu verified %zu/%zu clusters %zu/%zu removed %zu/%zu", what,
            a->st.candidates, b->st.candidates, a->st.verified, b->st.verified, a->st.clusters, b->st.clusters,
            a->st.removed, b->st.removed);
}

/* Everything checkable on one result at threshold @p t. */
static void check_result(const result *r, const gdoc *g, const dset *sets, size_t n, const tpair *tp, size_t ntp,
                         double t, int keep_longest) {
  /* Structure: representatives are members of their own cluster; sizes. */
  uint32_t *count = calloc(n, sizeof(uint32_t)), *minm = malloc(n * sizeof(uint32_t));
  for (size_t i = 0; i < n; i++) minm[i] = UINT32_MAX;
  size_t bad_rep = 0, clusters = 0, singles = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (r->rep[i] >= n || r->rep[r->rep[i]] != r->rep[i]) {
      bad_rep++;
      continue;
    }
    count[r->rep[i]]++;
    if (i < minm[r->rep[i]]) minm[r->rep[i]] = i;
  }
  CHECK_MSG(bad_rep == 0, "t=%.1f: %zu representatives are not their own representative", t, bad_rep);
  if (bad_rep) goto out;
  size_t bad_size = 0, bad_choice = 0;
  for (uint32_t i = 0; i < n; i++) {
    const uint32_t rp = r->rep[i];
    if (r->csize[i] != count[rp]) bad_size++;
    if (rp == i) {
      if (count[i] >= 2) clusters++;
      else singles++;
    }
    if (!keep_longest) {
      if (rp != minm[rp]) bad_choice++;
    } else if (g[i].len > g[rp].len || (g[i].len == g[rp].len && i < rp)) {
      bad_choice++;  /* a longer (or as long and earlier) member than the kept one */
    }
  }
  CHECK_MSG(bad_size == 0, "t=%.1f: %zu documents with a wrong cluster_size", t, bad_size);
  CHECK_MSG(bad_choice == 0, "t=%.1f keep_longest=%d: %zu documents break the representative rule", t, keep_longest,
            bad_choice);

  /* Similarity and exact flags. */
  size_t bad_sim = 0, bad_exact = 0, far = 0;
  double worst = 0;
  for (uint32_t i = 0; i < n; i++) {
    const uint32_t rp = r->rep[i];
    const int same_text = memcmp(sets[i].digest, sets[rp].digest, 32) == 0;
    const int want_exact = same_text && rp != i;
    if (r->exact[i] != want_exact) bad_exact++;
    if (rp == i || same_text) {
      if (r->sim[i] != 1.0) bad_sim++;
      continue;
    }
    const double j32 = jaccard32(&sets[i], &sets[rp]), j64 = jaccard64(&sets[i], &sets[rp]);
    if (fabs(r->sim[i] - j32) > 1e-6) {
      if (bad_sim++ < 3) fprintf(stderr, "    doc %u rep %u: similarity %.6f, J32 %.6f\n", i, rp, r->sim[i], j32);
    }
    if (fabs(r->sim[i] - j64) > 0.01) far++;
    if (fabs(r->sim[i] - j64) > worst) worst = fabs(r->sim[i] - j64);
  }
  CHECK_MSG(bad_exact == 0, "t=%.1f: %zu exact_duplicate flags wrong", t, bad_exact);
  CHECK_MSG(bad_sim == 0, "t=%.1f: %zu similarities differ from the Jaccard with the representative", t, bad_sim);
  CHECK_MSG(far == 0, "t=%.1f: %zu similarities more than 0.01 from the exact Jaccard (worst %.4f)", t, far, worst);

  /* Precision: clusters within components of true edges. */
  uint32_t *comp = malloc(n * sizeof(uint32_t));
  for (uint32_t i = 0; i < n; i++) comp[i] = i;
  size_t true_edges = 0;
  for (size_t k = 0; k < ntp; k++)
    if (tp[k].j64 >= t || tp[k].j32 >= t) tunion(comp, tp[k].a, tp[k].b);
  size_t outside = 0;
  for (uint32_t i = 0; i < n; i++)
    if (tfind(comp, i) != tfind(comp, r->rep[i]) && outside++ < 3)
      fprintf(stderr, "    doc %u clustered with %u, not joined by pairs at or above %.1f\n", i, r->rep[i], t);
  CHECK_MSG(outside == 0, "t=%.1f: %zu documents clustered without a chain of true pairs", t, outside);

  /* Recall. */
  size_t truth = 0, found = 0;
  for (size_t k = 0; k < ntp; k++) {
    if (tp[k].j64 < t) continue;
    truth++;
    found += r->rep[tp[k].a] == r->rep[tp[k].b];
  }
  const double recall = truth ? (double)found / (double)truth : 1.0;
  CHECK_MSG(recall >= 0.95, "t=%.1f: recall %.4f (%zu of %zu pairs at or above the threshold)", t, recall, found,
            truth);

  /* Stats. */
  uint8_t *skip = calloc(n, 1);
  size_t exact_dups = 0;
  for (size_t k = 0; k < ntp; k++) {
    if (tp[k].j64 < 1.0 || skip[tp[k].b]) continue;
    if (memcmp(sets[tp[k].a].digest, sets[tp[k].b].digest, 32) == 0) {
      skip[tp[k].b] = 1;
      exact_dups++;
    }
  }
  for (size_t k = 0; k < ntp; k++) {
    if (skip[tp[k].a] || skip[tp[k].b]) continue;
    if (tp[k].j32 >= t || tp[k].j64 >= t) true_edges++;
  }
  sc_lsh_params lp;
  CHECK_EQ_INT(sc_lsh_params_choose(128, t, &lp), SC_OK);
  CHECK_EQ_INT(r->st.documents, n);
  CHECK_EQ_INT(r->st.exact_duplicates, exact_dups);
  CHECK_EQ_INT(r->st.clusters, clusters);
  CHECK_EQ_INT(r->st.removed, n - clusters - singles);
  CHECK_EQ_INT(r->st.bands, lp.bands);
  CHECK_EQ_INT(r->st.rows, lp.rows);
  CHECK(r->st.p_at_threshold == lp.p_at_threshold);
  CHECK_MSG(r->st.verified <= true_edges, "t=%.1f: %zu pairs verified, only %zu true edges", t, r->st.verified,
            true_edges);
  CHECK(r->st.candidates >= r->st.verified);
  printf("  t=%.1f keep_%s: %zu clusters, %zu removed (%zu exact), %zu candidates, %zu verified of %zu true "
         "edges; recall %.4f (%zu/%zu); max |sim - J| %.4f\n",
         t, keep_longest ? "longest" : "first", clusters, r->st.removed, r->st.exact_duplicates, r->st.candidates,
         r->st.verified, true_edges, recall, found, truth, worst);
  free(skip);
  free(comp);
out:
  free(count);
  free(minm);
}

/* Cross-checks the truth with the public corpus API (full analysis is
 * slow under sanitizers, so on a sample): the documents of 100 random pairs
 * sharing shingles plus 60 others; those pairs and 100 random ones among the
 * sample are compared. */
static void cross_check(const gdoc *g, const dset *sets, size_t n, const tpair *tp, size_t ntp) {
  enum { SAMPLE_PAIRS = 100, OTHERS = 60 };
  const double t0 = now();
  uint32_t pick[2 * SAMPLE_PAIRS + OTHERS];
  uint64_t sample[SAMPLE_PAIRS];  /* (a << 32 | b), indices into pick */
  size_t m = 0;
  uint32_t *at = malloc(n * sizeof(uint32_t));
  for (size_t i = 0; i < n; i++) at[i] = UINT32_MAX;
  for (size_t k = 0; k < SAMPLE_PAIRS; k++) {
    const tpair *p = &tp[sc_test_below(ntp)];
    if (at[p->a] == UINT32_MAX) at[p->a] = (uint32_t)m, pick[m++] = p->a;
    if (at[p->b] == UINT32_MAX) at[p->b] = (uint32_t)m, pick[m++] = p->b;
    sample[k] = (uint64_t)at[p->a] << 32 | at[p->b];
  }
  for (size_t k = 0; k < OTHERS; k++) {
    const uint32_t x = (uint32_t)sc_test_below(n);
    if (at[x] == UINT32_MAX) at[x] = (uint32_t)m, pick[m++] = x;
  }
  free(at);
  sc_options o;
  sc_options_init(&o);
  sc_corpus *c;
  CHECK_EQ_INT(sc_corpus_create(&o, &c), SC_OK);
  sc_text *texts = malloc(m * sizeof *texts);
  for (size_t i = 0; i < m; i++) texts[i] = (sc_text){g[pick[i]].name, g[pick[i]].text, g[pick[i]].len};
  CHECK_EQ_INT(sc_corpus_add_batch(c, texts, m, 0, NULL), SC_OK);
  free(texts);
  CHECK_EQ_INT(sc_corpus_size(c), m);
  CHECK_EQ_INT(sc_corpus_build(c), SC_OK);
  size_t bad = 0;
  for (uint32_t i = 0; i < m; i++) {
    sc_doc_info di;
    CHECK_EQ_INT(sc_corpus_doc_info(c, i, &di), SC_OK);
    bad += di.shingles != sets[pick[i]].n || memcmp(di.digest, sets[pick[i]].digest, 32) != 0;
  }
  CHECK_MSG(bad == 0, "%zu documents: corpus shingle count or digest differs from the sketch", bad);
  printf("  [%.1f s] corpus API built\n", now() - t0);
  /* Every sampled pair sharing shingles, and as many random pairs. */
  size_t mismatch = 0, compared = 0;
  for (size_t k = 0; k < 2 * SAMPLE_PAIRS; k++) {
    uint32_t a, b;
    if (k < SAMPLE_PAIRS) {
      a = (uint32_t)(sample[k] >> 32), b = (uint32_t)sample[k];
    } else {
      a = (uint32_t)sc_test_below(m), b = (uint32_t)sc_test_below(m);
      if (a == b) continue;
    }
    const double want = jaccard64(&sets[pick[a]], &sets[pick[b]]);
    sc_pair p;
    CHECK_EQ_INT(sc_corpus_compare(c, a, b, &p), SC_OK);
    compared++;
    if (fabs(p.jaccard - want) > 1e-12 && mismatch++ < 3)
      fprintf(stderr, "    pair %u-%u: corpus jaccard %.9f, brute force %.9f\n", pick[a], pick[b], p.jaccard, want);
  }
  CHECK_MSG(mismatch == 0, "%zu of %zu pairs: brute-force Jaccard differs from the corpus API", mismatch, compared);
  printf("  [%.1f s] corpus API: %zu documents, %zu pairs agree with brute force\n", now() - t0, m, compared);
  sc_corpus_free(c);
}

static void test_corpus(void) {
  double t0 = now();
  make_vocab();
  gdoc *g = make_corpus();
  dset *sets = calloc(N_DOCS, sizeof *sets);
  printf("  [%.1f s] corpus made\n", now() - t0);
  sketch_all(g, N_DOCS, sets);
  printf("  [%.1f s] sketched\n", now() - t0);
  size_t ntp;
  tpair *tp = all_pairs(sets, N_DOCS, &ntp);
  printf("  [%.1f s] brute force\n", now() - t0);
  size_t hist[11] = {0};
  for (size_t k = 0; k < ntp; k++) hist[(int)(tp[k].j64 * 10)]++;
  printf("  corpus: %d documents, %zu pairs sharing a shingle; by Jaccard decile:", N_DOCS, ntp);
  for (int i = 0; i < 11; i++) printf(" %zu", hist[i]);
  printf("\n");
  cross_check(g, sets, N_DOCS, tp, ntp);
  printf("  [%.1f s] cross-checked with the corpus API\n", now() - t0);

  static const double ts[] = {0.5, 0.7, 0.8, 0.9};
  for (size_t k = 0; k < sizeof ts / sizeof ts[0]; k++) {
    result r1 = run_dedup(g, N_DOCS, ts[k], 0, 1, 0);
    printf("  [%.1f s] dedup at %.1f\n", now() - t0, ts[k]);
    check_result(&r1, g, sets, N_DOCS, tp, ntp, ts[k], 0);
    printf("  [%.1f s] checked\n", now() - t0);
    result r2 = run_dedup(g, N_DOCS, ts[k], 0, 2, 0);
    char what[64];
    snprintf(what, sizeof what, "t=%.1f threads 1 vs 2", ts[k]);
    check_same(&r1, &r2, N_DOCS, what);
    if (ts[k] == 0.8 || ts[k] == 0.5) {
      /* Random batch sizes: the same output. */
      result rb = run_dedup(g, N_DOCS, ts[k], 0, 2, 300);
      snprintf(what, sizeof what, "t=%.1f random batches vs one batch", ts[k]);
      check_same(&r1, &rb, N_DOCS, what);
      result_free(&rb);
      /* Every pair verified by sorting (large sets): the same, to the bit. */
      result rs = run_dedup_ex(g, N_DOCS, ts[k], 0, 2, 0, 1, 0);
      snprintf(what, sizeof what, "t=%.1f sorted sets vs hash sets", ts[k]);
      check_same(&r1, &rs, N_DOCS, what);
      result_free(&rs);
      /* Batches added on another thread, this one helping: the same. */
      result rh = run_dedup_ex(g, N_DOCS, ts[k], 0, 2, 300, 0, 1);
      snprintf(what, sizeof what, "t=%.1f helped by sc_dedup_help vs not", ts[k]);
      check_same(&r1, &rh, N_DOCS, what);
      result_free(&rh);
      /* keep_longest: the same partition, the longest member kept. */
      result rl = run_dedup(g, N_DOCS, ts[k], 1, 2, 0);
      check_result(&rl, g, sets, N_DOCS, tp, ntp, ts[k], 1);
      size_t diff = 0;
      for (size_t i = 0; i < N_DOCS; i++)
        diff += rl.rep[rl.rep[i]] != rl.rep[i] || r1.rep[rl.rep[i]] != r1.rep[i] || rl.csize[i] != r1.csize[i];
      CHECK_MSG(diff == 0, "t=%.1f: keep_longest changes the clusters of %zu documents", ts[k], diff);
      CHECK_EQ_INT(rl.st.clusters, r1.st.clusters);
      CHECK_EQ_INT(rl.st.removed, r1.st.removed);
      result_free(&rl);
    }
    result_free(&r1);
    result_free(&r2);
  }
  for (size_t i = 0; i < N_DOCS; i++) {
    free(g[i].words.w);
    free(g[i].text);
    free(sets[i].s);
    free(sets[i].h);
  }
  free(g);
  free(sets);
  free(tp);
  for (size_t i = 0; i < VOCAB; i++) free(vocab[i]);
}

/* Pairs exactly at the threshold: B is a prefix of A with p + 4 words of
 * A's 104 distinct words, so B's p shingles are among A's 100 and
 * J = p / 100 exactly. The documentation says a pair at or above the
 * threshold is linked; LSH proposes each with probability >= 0.95. */
static void test_at_threshold(void) {
  enum { PAIRS = 40, WORDS = 104 };
  static const double ts[] = {0.5, 0.7, 0.8, 0.9};
  for (size_t k = 0; k < sizeof ts / sizeof ts[0]; k++) {
    const double t = ts[k];
    const size_t p = (size_t)(t * 100 + 0.5);
    sc_text texts[2 * PAIRS];
    char *bufs[2 * PAIRS];
    char names[2 * PAIRS][16];
    for (size_t q = 0; q < PAIRS; q++) {
      char *a = malloc(WORDS * 16), *b = malloc(WORDS * 16);
      size_t la = 0, lb = 0;
      for (size_t w = 0; w < WORDS; w++) {
        char word[16];
        /* Distinct words: a letter code of (pair, position, threshold). */
        size_t code = ((k * PAIRS + q) * WORDS + w);
        size_t wl = 0;
        word[wl++] = 'q';
        do {
          word[wl++] = (char)('a' + code % 26);
          code /= 26;
        } while (code);
        la += (size_t)sprintf(a + la, "%s%.*s", w ? " " : "", (int)wl, word);
        if (w < p + 4) lb += (size_t)sprintf(b + lb, "%s%.*s", w ? " " : "", (int)wl, word);
      }
      bufs[2 * q] = a, bufs[2 * q + 1] = b;
      snprintf(names[2 * q], 16, "a%zu", q);
      snprintf(names[2 * q + 1], 16, "b%zu", q);
      texts[2 * q] = (sc_text){names[2 * q], a, la};
      texts[2 * q + 1] = (sc_text){names[2 * q + 1], b, lb};
    }
    /* The corpus API agrees that J is exactly t. */
    sc_options o;
    sc_options_init(&o);
    sc_corpus *c;
    CHECK_EQ_INT(sc_corpus_create(&o, &c), SC_OK);
    CHECK_EQ_INT(sc_corpus_add_batch(c, texts, 2, 1, NULL), SC_OK);
    CHECK_EQ_INT(sc_corpus_build(c), SC_OK);
    sc_pair pr;
    CHECK_EQ_INT(sc_corpus_compare(c, 0, 1, &pr), SC_OK);
    CHECK_MSG(pr.jaccard == t, "t=%.1f: constructed pair has Jaccard %.17g", t, pr.jaccard);
    sc_corpus_free(c);

    sc_dedup_options d;
    sc_dedup_options_init(&d);
    d.threshold = t;
    d.threads = 1;
    sc_dedup *dd;
    CHECK_EQ_INT(sc_dedup_create(&o, &d, &dd), SC_OK);
    CHECK_EQ_INT(sc_dedup_add_batch(dd, texts, 2 * PAIRS, NULL, NULL), SC_OK);
    CHECK_EQ_INT(sc_dedup_run(dd), SC_OK);
    sc_dedup_stats st;
    sc_dedup_get_stats(dd, &st);
    size_t linked = 0;
    double sim_bad = 0;
    for (uint32_t q = 0; q < PAIRS; q++) {
      sc_dedup_doc ia, ib;
      sc_dedup_doc_info(dd, 2 * q, &ia);
      sc_dedup_doc_info(dd, 2 * q + 1, &ib);
      if (ia.representative == ib.representative) {
        linked++;
        if (fabs(ib.similarity - t) > 1e-6) sim_bad = ib.similarity;
      }
    }
    printf("  J exactly %.1f: %zu candidate pairs, %zu verified, %zu of %d pairs linked\n", t, st.candidates,
           st.verified, linked, PAIRS);
    CHECK_MSG(sim_bad == 0, "t=%.1f: similarity %.9f for a pair of Jaccard %.1f", t, sim_bad, t);
    /* Every pair LSH proposed is at the threshold, so every one must be
     * verified; and (P >= 0.95 each) nearly all pairs are proposed. */
    CHECK_MSG(linked >= PAIRS * 80 / 100,
              "threshold %.1f, %d pairs of Jaccard exactly %.1f: only %zu linked (%zu candidates, %zu verified)", t,
              PAIRS, t, linked, st.candidates, st.verified);
    CHECK_MSG(st.verified == linked, "t=%.1f: %zu verified but %zu linked", t, st.verified, linked);
    sc_dedup_free(dd);
    for (size_t i = 0; i < 2 * PAIRS; i++) free(bufs[i]);
  }
}

static size_t dir_entries(const char *dir) {
  DIR *dp = opendir(dir);
  if (!dp) return (size_t)-1;
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(dp)))
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
  closedir(dp);
  return n;
}

static void test_api(void) {
  sc_options o;
  sc_options_init(&o);
  sc_dedup_options d;
  sc_dedup_options_init(&d);
  sc_dedup *dd = (sc_dedup *)&dd;
  static const double bad_t[] = {0.0, 1.0, -0.1, 1.5};
  for (size_t i = 0; i < 4; i++) {
    d.threshold = bad_t[i];
    CHECK_EQ_INT(sc_dedup_create(&o, &d, &dd), SC_E_RANGE);
    CHECK(dd == NULL);
  }
  d.threshold = NAN;
  CHECK_EQ_INT(sc_dedup_create(&o, &d, &dd), SC_E_RANGE);
  sc_dedup_options_init(&d);
  CHECK_EQ_INT(sc_dedup_create(&o, NULL, &dd), SC_E_INVALID_ARG);
  CHECK_EQ_INT(sc_dedup_create(&o, &d, NULL), SC_E_INVALID_ARG);
  o.num_perm = 7;
  CHECK_EQ_INT(sc_dedup_create(&o, &d, &dd), SC_E_RANGE);
  sc_options_init(&o);
  /* The lowest threshold the permutations serve: one band of one row finds
   * a pair at t with probability 1 - (1 - t)^128; 0.95 at 0.0231. */
  const double lowest = sc_dedup_min_threshold(128);
  CHECK_NEAR(lowest, 1 - pow(0.05, 1.0 / 128), 1e-15);
  CHECK_NEAR(lowest, 0.02313, 1e-5);
  d.threshold = lowest * 0.99;
  CHECK_EQ_INT(sc_dedup_create(&o, &d, &dd), SC_E_RANGE);
  d.threshold = lowest * 1.01;
  CHECK_EQ_INT(sc_dedup_create(&o, &d, &dd), SC_OK);
  sc_dedup_free(dd);
  sc_dedup_options_init(&d);
  sc_dedup_free(NULL);
  CHECK_EQ_INT(sc_dedup_size(NULL), 0);
  CHECK_EQ_INT(sc_dedup_run(NULL), SC_E_INVALID_ARG);
  sc_dedup_stats st;
  CHECK_EQ_INT(sc_dedup_get_stats(NULL, &st), SC_E_INVALID_ARG);

  /* The store lives in tmp_dir, unlinked at once; a missing tmp_dir is an
   * I/O error. */
  char dir[256];
  const char *env = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/sc-dedup-XXXXXX", env && *env ? env : "/tmp");
  CHECK(mkdtemp(dir) != NULL);
  char missing[300];
  snprintf(missing, sizeof missing, "%s/no/such/dir", dir);
  d.tmp_dir = missing;
  CHECK_EQ_INT(sc_dedup_create(&o, &d, &dd), SC_E_IO);
  d.tmp_dir = dir;
  CHECK_EQ_INT(sc_dedup_create(&o, &d, &dd), SC_OK);
  CHECK_EQ_INT(dir_entries(dir), 0);

  /* Empty texts are reported and not added; ids follow the usable ones. */
  static const char t1[] = "The quick brown fox jumps over the lazy dog near the river bank today.";
  static const char t2[] = "An entirely different sentence about winter roads, salt and snow ploughs.";
  const sc_text texts[] = {
      {"empty", "", 0}, {"one", t1, sizeof t1 - 1}, {"punct", "... --- !!! ???", 15},
      {"spaces", " \t\n  ", 5}, {NULL, t2, sizeof t2 - 1}, {"copy", t1, sizeof t1 - 1},
  };
  sc_status status[6];
  CHECK_EQ_INT(sc_dedup_add_batch(dd, texts, 6, status, NULL), SC_OK);
  CHECK_EQ_INT(status[0], SC_E_EMPTY);
  CHECK_EQ_INT(status[1], SC_OK);
  CHECK_EQ_INT(status[2], SC_E_EMPTY);
  CHECK_EQ_INT(status[3], SC_E_EMPTY);
  CHECK_EQ_INT(status[4], SC_OK);
  CHECK_EQ_INT(status[5], SC_OK);
  CHECK_EQ_INT(sc_dedup_size(dd), 3);
  CHECK_EQ_INT(sc_dedup_add_batch(dd, NULL, 0, NULL, NULL), SC_OK);
  CHECK_EQ_INT(sc_dedup_add_batch(dd, NULL, 1, NULL, NULL), SC_E_INVALID_ARG);
  const sc_text no_data = {"x", NULL, 4};  /* a length but no data: read through NULL before */
  CHECK_EQ_INT(sc_dedup_add_batch(dd, &no_data, 1, NULL, NULL), SC_E_INVALID_ARG);
  CHECK_EQ_INT(sc_dedup_size(dd), 3);
  CHECK_EQ_INT(sc_dedup_help(NULL), SC_E_INVALID_ARG);
  CHECK_EQ_INT(sc_dedup_help(dd), SC_OK);  /* no batch being added: returns at once */
  CHECK_EQ_INT(dir_entries(dir), 0);
  CHECK_EQ_INT(sc_dedup_run(dd), SC_OK);
  sc_dedup_doc info;
  CHECK_EQ_INT(sc_dedup_doc_info(dd, 0, &info), SC_OK);
  CHECK_STR(info.name, "one");
  CHECK_EQ_INT(info.representative, 0);
  CHECK_EQ_INT(info.cluster_size, 2);
  CHECK_EQ_INT(sc_dedup_doc_info(dd, 1, &info), SC_OK);
  CHECK_STR(info.name, "");
  CHECK_EQ_INT(info.representative, 1);
  CHECK_EQ_INT(info.cluster_size, 1);
  CHECK(info.similarity == 1.0);
  CHECK_EQ_INT(info.exact_duplicate, 0);
  CHECK_EQ_INT(sc_dedup_doc_info(dd, 2, &info), SC_OK);
  CHECK_STR(info.name, "copy");
  CHECK_EQ_INT(info.representative, 0);
  CHECK_EQ_INT(info.exact_duplicate, 1);
  CHECK(info.similarity == 1.0);
  CHECK_EQ_INT(sc_dedup_doc_info(dd, 3, &info), SC_E_INVALID_ARG);
  CHECK_EQ_INT(sc_dedup_doc_info(dd, 0, NULL), SC_E_INVALID_ARG);
  CHECK_EQ_INT(sc_dedup_get_stats(dd, &st), SC_OK);
  CHECK_EQ_INT(st.documents, 3);
  CHECK_EQ_INT(st.exact_duplicates, 1);
  CHECK_EQ_INT(st.clusters, 1);
  CHECK_EQ_INT(st.removed, 1);
  CHECK_EQ_INT(sc_dedup_run(dd), SC_E_STATE);
  CHECK_EQ_INT(sc_dedup_add_batch(dd, texts, 1, status, NULL), SC_E_STATE);
  sc_report_options bad = {(sc_format)9, SC_METRIC_SCORE, 80, NULL, 0};
  FILE *devnull = fopen("/dev/null", "w");
  CHECK(devnull != NULL);
  if (devnull) {
    CHECK_EQ_INT(sc_report_clusters(devnull, dd, &bad), SC_E_INVALID_ARG);  /* was SC_OK, as a table */
    fclose(devnull);
  }
  sc_dedup_free(dd);
  CHECK_EQ_INT(dir_entries(dir), 0);
  rmdir(dir);

  /* No documents at all: run works, nothing to describe. */
  d.tmp_dir = NULL;
  CHECK_EQ_INT(sc_dedup_create(&o, &d, &dd), SC_OK);
  CHECK_EQ_INT(sc_dedup_add_batch(dd, texts, 1, status, NULL), SC_OK);
  CHECK_EQ_INT(status[0], SC_E_EMPTY);
  CHECK_EQ_INT(sc_dedup_run(dd), SC_OK);
  CHECK_EQ_INT(sc_dedup_get_stats(dd, &st), SC_OK);
  CHECK_EQ_INT(st.documents, 0);
  CHECK_EQ_INT(st.removed, 0);
  CHECK_EQ_INT(sc_dedup_doc_info(dd, 0, &info), SC_E_INVALID_ARG);
  sc_dedup_free(dd);
}

/* Every allocation sc_dedup_create makes can fail: each failure is
 * reported as SC_E_NOMEM with nothing returned, and what was made before it
 * is freed (the sanitizer build reports a leak otherwise). */
static void test_create_oom(void) {
  sc_options o;
  sc_options_init(&o);
  sc_dedup_options d;
  sc_dedup_options_init(&d);
  d.threads = 2;
  unsigned long failures = 0;
  for (unsigned long n = 1; n < 1000; n++) {
    sc_dedup *dd = (sc_dedup *)&dd;
    sc__alloc_fail_after(n);
    const sc_status st = sc_dedup_create(&o, &d, &dd);
    sc__alloc_fail_after(0);
    if (st == SC_OK) {
      sc_dedup_free(dd);
      break;
    }
    CHECK_EQ_INT(st, SC_E_NOMEM);
    CHECK(dd == NULL);
    failures++;
  }
  /* the dedup, three analyzers (two workers and a helper) with their array,
   * the signature and arena arrays and three signatures */
  CHECK(failures >= 10);
}

/* Invalid UTF-8 replaced in each text added, counted as analysis counts
 * it (one U+FFFD per maximal subpart: "\xe9" and "\xff"); 0 for a clean
 * text and for one skipped. */
static void test_invalid_utf8(void) {
  sc_options o;
  sc_options_init(&o);
  sc_dedup_options d;
  sc_dedup_options_init(&d);
  sc_dedup *dd;
  CHECK_EQ_INT(sc_dedup_create(&o, &d, &dd), SC_OK);
  static const char bad[] = "caf\xe9 au lait, more words \xff to read here in this text.";
  static const char clean[] = "An entirely different sentence about winter roads, salt and snow ploughs.";
  const sc_text texts[] = {{"latin", bad, sizeof bad - 1}, {"clean", clean, sizeof clean - 1}, {"empty", "\xff", 1}};
  size_t invalid[3] = {99, 99, 99};
  CHECK_EQ_INT(sc_dedup_add_batch(dd, texts, 3, NULL, invalid), SC_OK);
  CHECK_EQ_INT(invalid[0], 2);
  CHECK_EQ_INT(invalid[1], 0);
  CHECK_EQ_INT(invalid[2], 0);
  CHECK_EQ_INT(sc_dedup_size(dd), 2);
  sc_dedup_free(dd);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 20240614);
  test_api();
  test_invalid_utf8();
  test_create_oom();
  test_at_threshold();
  test_corpus();
  return sc_test_done("test_dedup");
}
