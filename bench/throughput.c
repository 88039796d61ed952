/*
 * throughput.c: single-thread throughput of document analysis, stage by
 * stage, and of sc_corpus_add_batch on one and two threads.
 *
 *   sc_bench_throughput [-n RUNS] [-d DOC_BYTES] [-c CAP_MB] [-k K] [-p PERM]
 *                       [-s STAGES] [FILE]
 *
 *   FILE      text to read [/tmp/simcheck-bench/english.txt] (bench/gen_text.sh)
 *   -n RUNS   timed runs of every measurement; median, min and max reported [5]
 *   -d BYTES  target document size; documents end at a paragraph break, else
 *             a line break, in the second half of the window [4096]
 *   -c MB     bytes of the file (prefix, whole documents) given to
 *             sc_corpus_add_batch, which keeps copies [100]; 0 skips (c)
 *   -k K      words per shingle [5]
 *   -p PERM   MinHash registers [128]
 *   -s LIST   comma-separated measurements to run: groups a, b, c or single
 *             ones N, NT, NTS, NTSM, TSM, REF, sketch, doc, add1, add2 [a,b,c]
 *
 * (a) the sketch pipeline, as cumulative passes over every document:
 *       N     sc_normalize
 *       NT    + sc_tokenize (words only, no sentences)
 *       NTS   + sc_shingle_words (k)
 *       NTSM  + sc_minhash_add over every shingle hash + sc_minhash_densify
 *       TSM   tokenize + shingle + MinHash on pre-normalized text (no N)
 *       REF   a minimal loop for scale: ASCII-only words, the same keyed
 *             XXH3 word and shingle hashes, MinHash (see pass_ref)
 *       sketch  sc_sketch_text, the engine's copy-detection path: the above
 *             with normalization minus the offset map, plus BLAKE2b and the
 *             sorted distinct shingle set
 *     A stage's cost is the difference of consecutive medians.
 * (b) sc_doc_analyze: normalize, tokenize with sentences, shingle, sort,
 *     MinHash, BLAKE2b digest, stop words, stemming, sentence term sets.
 * (c) sc_corpus_add_batch with threads = 1 and 2 (analysis + globalize).
 *
 * MB is 10^6 bytes of the original (unnormalized) text. Runs interleave the
 * measurements (run 1 of each, then run 2 of each...), so slow phases of a
 * shared machine spread over all of them. Time is CLOCK_MONOTONIC around
 * whole passes (the figures reported); CLOCK_PROCESS_CPUTIME_ID is read too,
 * and MB/s of CPU time printed beside, since on a shared machine the wall
 * time also counts waiting for a CPU.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "simcheck.h"

#include "doc.h"
#include "keys.h"
#include "minhash.h"
#include "normalize.h"
#include "shingle.h"
#include "tokenize.h"

#define MB 1e6

static void die(const char *what, sc_status st) {
  fprintf(stderr, "sc_bench_throughput: %s: %s\n", what, sc_strerror(st));
  exit(1);
}

static double clock_s(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Wall time (the figure reported) and CPU time of the process (all its
 * threads): on a shared machine, cpu < wall * threads means the benchmark
 * waited for a CPU, and MB/s of CPU time is what the code would do alone. */
typedef struct stamp {
  double wall, cpu;
} stamp;

static stamp stamp_now(void) { return (stamp){clock_s(CLOCK_MONOTONIC), clock_s(CLOCK_PROCESS_CPUTIME_ID)}; }

static stamp stamp_since(stamp t0) {
  const stamp t = stamp_now();
  return (stamp){t.wall - t0.wall, t.cpu - t0.cpu};
}

/* ------------------------------------------------------------------------ */
/* Input.                                                                  */

typedef struct docs {
  const char *base;
  size_t *off, *len;
  size_t n;
  size_t bytes;
} docs;

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "sc_bench_throughput: %s: %s (make it with bench/gen_text.sh)\n", path, strerror(errno));
    exit(1);
  }
  size_t cap = 1 << 20, n = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (!buf) {
      fprintf(stderr, "sc_bench_throughput: out of memory reading %s\n", path);
      exit(1);
    }
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    cap *= 2;
    buf = realloc(buf, cap);
  }
  if (ferror(f)) {
    fprintf(stderr, "sc_bench_throughput: %s: read error\n", path);
    exit(1);
  }
  fclose(f);
  *len = n;
  return buf;
}

/* Splits @p s into documents of about @p target bytes: each ends after the
 * last paragraph break ("\n\n") in the second half of its window, else after
 * its last line break there, else at the window's end moved forward to a
 * UTF-8 character boundary. */
static docs split_docs(const char *s, size_t len, size_t target) {
  docs d = {.base = s};
  size_t cap = len / target + 16;
  d.off = malloc(cap * sizeof(size_t));
  d.len = malloc(cap * sizeof(size_t));
  if (!d.off || !d.len) {
    fprintf(stderr, "sc_bench_throughput: out of memory\n");
    exit(1);
  }
  size_t pos = 0;
  while (pos < len) {
    size_t end = pos + target;
    if (end >= len) {
      end = len;
    } else {
      const size_t lo = pos + target / 2;
      size_t cut = 0;
      for (size_t i = end; i > lo + 1 && !cut; i--)
        if (s[i - 1] == '\n' && s[i - 2] == '\n') cut = i;
      for (size_t i = end; i > lo && !cut; i--)
        if (s[i - 1] == '\n') cut = i;
      if (!cut) {
        cut = end;
        while (cut < len && ((unsigned char)s[cut] & 0xC0) == 0x80) cut++;
      }
      end = cut;
    }
    if (d.n == cap) {
      cap *= 2;
      d.off = realloc(d.off, cap * sizeof(size_t));
      d.len = realloc(d.len, cap * sizeof(size_t));
      if (!d.off || !d.len) {
        fprintf(stderr, "sc_bench_throughput: out of memory\n");
        exit(1);
      }
    }
    d.off[d.n] = pos;
    d.len[d.n] = end - pos;
    d.n++;
    d.bytes += end - pos;
    pos = end;
  }
  return d;
}

/* ------------------------------------------------------------------------ */
/* Measurements.                                                           */

enum stage { ST_N, ST_NT, ST_NTS, ST_NTSM, ST_TSM, ST_REF, ST_SKETCH, ST_DOC, ST_ADD1, ST_ADD2, ST_COUNT };

static const char *const stage_name[ST_COUNT] = {
    "N    normalize",
    "NT   + tokenize (words)",
    "NTS  + shingle k",
    "NTSM + MinHash (a)",
    "TSM  tokenize+shingle+MinHash, pre-normalized",
    "REF  minimal loop: ASCII words+shingle+MinHash",
    "sc_sketch_text (engine's sketch path)",
    "sc_doc_analyze (b)",
    "sc_corpus_add_batch, threads=1 (c)",
    "sc_corpus_add_batch, threads=2 (c)",
};

typedef struct ctx {
  const docs *d;
  sc_options opt;
  sc_keys keys;
  sc_span_vec words;
  sc_u64_vec shingles;
  uint32_t *sig;
  sc_normtext *pre;       /* pre-normalized documents, for ST_TSM          */
  /* Work counters of the last pass (same every pass: sanity check). */
  uint64_t n_words, n_shingles, check;
} ctx;

/* One pass of the sketch pipeline up to @p upto over all documents. */
static void pass_pipeline(ctx *c, enum stage upto) {
  const docs *d = c->d;
  const uint32_t k = c->opt.shingle_k, K = c->opt.num_perm;
  uint64_t words = 0, shingles = 0, check = 0;
  for (size_t i = 0; i < d->n; i++) {
    sc_normtext nt;
    const sc_normtext *t;
    if (upto == ST_TSM) {
      t = &c->pre[i];
    } else {
      sc_status st = sc_normalize(d->base + d->off[i], d->len[i], &nt);
      if (st != SC_OK) die("sc_normalize", st);
      t = &nt;
      check += nt.len;
    }
    if (upto != ST_N) {
      c->words.len = 0;
      sc_status st = sc_tokenize(t, &c->words, NULL);
      if (st != SC_OK) die("sc_tokenize", st);
      words += c->words.len;
      if (upto != ST_NT) {
        c->shingles.len = 0;
        st = sc_shingle_words(t->text, c->words.items, c->words.len, k, &c->keys, &c->shingles);
        if (st != SC_OK) die("sc_shingle_words", st);
        shingles += c->shingles.len;
        if (upto == ST_NTS) {
          if (c->shingles.len) check ^= c->shingles.items[c->shingles.len - 1];
        } else {
          sc_minhash_init(c->sig, K);
          for (size_t j = 0; j < c->shingles.len; j++) sc_minhash_add(c->sig, K, c->shingles.items[j]);
          sc_minhash_densify(c->sig, K, c->keys.densify_seed);
          check += c->sig[0] ^ c->sig[K - 1];
        }
      }
    }
    if (upto != ST_TSM) sc_normtext_free(&nt);
  }
  c->n_words = words;
  c->n_shingles = shingles;
  c->check = check;
}

/* REF: a minimal single loop over the raw bytes, the yardstick for NTSM on
 * the same machine at the same moment. A word is a run of ASCII letters and
 * digits (lower-cased on the fly), everything else separates; the word
 * hash is the engine's (sc_hash_word), the shingle is XXH3 of the k word
 * hashes under the shingle secret (the engine's shingle hash until it
 * became the sliding one of engine/wordhash.h), then MinHash. No Unicode,
 * no offset map, no span vector. */
static void pass_ref(ctx *c) {
  static unsigned char lower[256];  /* 0: separator, else the lower-case byte */
  if (!lower['a']) {
    for (int b = '0'; b <= '9'; b++) lower[b] = (unsigned char)b;
    for (int b = 'a'; b <= 'z'; b++) lower[b] = (unsigned char)b;
    for (int b = 'A'; b <= 'Z'; b++) lower[b] = (unsigned char)(b + 32);
  }
  const docs *d = c->d;
  const uint32_t k = c->opt.shingle_k, K = c->opt.num_perm;
  uint64_t words = 0, shingles = 0, check = 0;
  uint64_t ring[2 * SC_SHINGLE_K_MAX];
  char word[256];
  for (size_t i = 0; i < d->n; i++) {
    const unsigned char *p = (const unsigned char *)d->base + d->off[i];
    const size_t n = d->len[i];
    size_t nw = 0, wl = 0;
    sc_minhash_init(c->sig, K);
    for (size_t j = 0; j <= n; j++) {
      const unsigned char l = j < n ? lower[p[j]] : 0;
      if (l) {
        if (wl < sizeof word) word[wl++] = (char)l;
        continue;
      }
      if (!wl) continue;
      const uint64_t h = sc_hash_word(word, wl, c->keys.token);
      wl = 0;
      const size_t slot = nw % k;
      ring[slot] = ring[slot + k] = h;
      if (++nw >= k) {
        const uint64_t sh = sc_hash_word((const char *)(ring + nw % k), k * sizeof(uint64_t), c->keys.shingle);
        sc_minhash_add(c->sig, K, sh);
        shingles++;
      }
    }
    sc_minhash_densify(c->sig, K, c->keys.densify_seed);
    words += nw;
    check += c->sig[0];
  }
  c->n_words = words;
  c->n_shingles = shingles;
  c->check = check;
}

/* sketch: the engine's own copy-detection path (sc_sketch_text):
 * normalization without the offset map, tokenize, shingle, BLAKE2b digest,
 * sorted distinct shingles, MinHash. */
static void pass_sketch(ctx *c, sc_analyzer *az) {
  const docs *d = c->d;
  uint64_t words = 0, shingles = 0, check = 0;
  for (size_t i = 0; i < d->n; i++) {
    sc_sketch sk;
    const sc_status st = sc_sketch_text(az, &c->opt, &c->keys, d->base + d->off[i], d->len[i], c->sig, &sk);
    if (st == SC_E_EMPTY) continue;
    if (st != SC_OK) die("sc_sketch_text", st);
    words += sk.words;
    shingles += sk.n_shingles;
    check += c->sig[0] + sk.digest[0];
  }
  c->n_words = words;
  c->n_shingles = shingles;
  c->check = check;
}

static void pass_doc(ctx *c, sc_analyzer *az) {
  const docs *d = c->d;
  uint64_t words = 0, shingles = 0, check = 0;
  for (size_t i = 0; i < d->n; i++) {
    sc_doc *doc;
    const sc_status st =
        sc_doc_analyze(az, &c->opt, &c->keys, "doc", d->base + d->off[i], d->len[i], &doc);
    if (st == SC_E_EMPTY) continue;
    if (st != SC_OK) die("sc_doc_analyze", st);
    words += doc->words;
    shingles += doc->n_shingles;
    check += doc->sig[0] + doc->digest[0];
    sc_doc_free(doc);
  }
  c->n_words = words;
  c->n_shingles = shingles;
  c->check = check;
}

/* Times one sc_corpus_add_batch of @p n texts. */
static stamp run_add_batch(const ctx *c, const sc_text *texts, size_t n, unsigned threads,
                            size_t *added) {
  sc_corpus *corpus;
  sc_status st = sc_corpus_create(&c->opt, &corpus);
  if (st != SC_OK) die("sc_corpus_create", st);
  const stamp t0 = stamp_now();
  st = sc_corpus_add_batch(corpus, texts, n, threads, NULL);
  const stamp t = stamp_since(t0);
  if (st != SC_OK) die("sc_corpus_add_batch", st);
  *added = sc_corpus_size(corpus);
  sc_corpus_free(corpus);
  return t;
}

static int cmp_double(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static void usage(void) {
  fprintf(stderr,
          "usage: sc_bench_throughput [-n RUNS] [-d DOC_BYTES] [-c CAP_MB] [-k K] [-p PERM]\n"
          "                           [-s a,b,c|N,NT,NTS,NTSM,TSM,REF,sketch,doc,add1,add2] [FILE]\n");
  exit(2);
}

static long parse_num(const char *s, long lo, long hi) {
  char *end;
  errno = 0;
  const long v = strtol(s, &end, 10);
  if (errno || *end || end == s || v < lo || v > hi) usage();
  return v;
}

static const char *const stage_key[ST_COUNT] = {"N", "NT", "NTS", "NTSM", "TSM", "REF", "sketch", "doc", "add1", "add2"};

/* Parses a comma-separated list of stage keys and groups (a, b, c). */
static void parse_stages(const char *list, int active[ST_COUNT]) {
  char buf[256];
  if (strlen(list) >= sizeof buf) usage();
  strcpy(buf, list);
  for (int s = 0; s < ST_COUNT; s++) active[s] = 0;
  for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    int found = 0;
    if (!strcmp(tok, "a")) {
      for (int s = ST_N; s <= ST_SKETCH; s++) active[s] = found = 1;
    } else if (!strcmp(tok, "b")) {
      active[ST_DOC] = found = 1;
    } else if (!strcmp(tok, "c")) {
      active[ST_ADD1] = active[ST_ADD2] = found = 1;
    } else {
      for (int s = 0; s < ST_COUNT; s++)
        if (!strcmp(tok, stage_key[s])) active[s] = found = 1;
    }
    if (!found) {
      fprintf(stderr, "sc_bench_throughput: unknown stage '%s' (a, b, c, N, NT, NTS, NTSM, TSM, REF, sketch, doc, add1, add2)\n",
              tok);
      exit(2);
    }
  }
}

static void print_loadavg(const char *when) {
  char buf[128] = "?";
  FILE *f = fopen("/proc/loadavg", "r");
  if (f) {
    if (!fgets(buf, sizeof buf, f)) strcpy(buf, "?");
    fclose(f);
  }
  buf[strcspn(buf, "\n")] = '\0';
  printf("loadavg     %s: %s\n", when, buf);
}

int main(int argc, char **argv) {
  const char *path = "/tmp/simcheck-bench/english.txt";
  int runs = 5;
  size_t doc_bytes = 4096, cap_mb = 100;
  long k = 5, perm = 128;
  const char *stages = "a,b,c";
  int opt;
  while ((opt = getopt(argc, argv, "n:d:c:k:p:s:h")) != -1) {
    switch (opt) {
      case 'n': runs = (int)parse_num(optarg, 1, 1000); break;
      case 'd': doc_bytes = (size_t)parse_num(optarg, 64, 1L << 30); break;
      case 'c': cap_mb = (size_t)parse_num(optarg, 0, 1L << 20); break;
      case 'k': k = parse_num(optarg, 1, SC_SHINGLE_K_MAX); break;
      case 'p': perm = parse_num(optarg, SC_NUM_PERM_MIN, SC_NUM_PERM_MAX); break;
      case 's': stages = optarg; break;
      default: usage();
    }
  }
  if (optind + 1 < argc) usage();
  if (optind < argc) path = argv[optind];
  int active[ST_COUNT];
  parse_stages(stages, active);
  if (cap_mb == 0) active[ST_ADD1] = active[ST_ADD2] = 0;
  const int any_add = active[ST_ADD1] || active[ST_ADD2];

  size_t len;
  char *text = read_file(path, &len);
  const docs d = split_docs(text, len, doc_bytes);
  size_t non_ascii = 0;
  for (size_t i = 0; i < len; i++) non_ascii += (unsigned char)text[i] >= 0x80;

  ctx c = {.d = &d};
  sc_options_init(&c.opt);
  c.opt.shingle_k = (uint32_t)k;
  c.opt.num_perm = (uint32_t)perm;
  sc_status st = sc_options_check(&c.opt);
  if (st != SC_OK) die("options", st);
  if ((st = sc_keys_derive(c.opt.key, &c.keys)) != SC_OK) die("sc_keys_derive", st);
  c.sig = malloc(c.opt.num_perm * sizeof(uint32_t));

  /* The prefix for (c): whole documents up to cap_mb. */
  size_t n_c = 0, bytes_c = 0;
  while (any_add && n_c < d.n && bytes_c + d.len[n_c] <= cap_mb * (size_t)MB) bytes_c += d.len[n_c++];
  sc_text *texts = calloc(n_c ? n_c : 1, sizeof *texts);
  for (size_t i = 0; i < n_c; i++) texts[i] = (sc_text){"doc", text + d.off[i], d.len[i]};

  printf("simcheck %s throughput benchmark\n", SC_VERSION_STRING);
  printf("file        %s\n", path);
  printf("size        %zu bytes (%.1f MB), %.3f%% non-ASCII bytes\n", len, (double)len / MB,
         100.0 * (double)non_ascii / (double)len);
  printf("documents   %zu, mean %.0f bytes (target %zu, cut at paragraph/line breaks)\n", d.n,
         (double)d.bytes / (double)d.n, doc_bytes);
  printf("shingles    k=%u words; MinHash K=%u registers\n", c.opt.shingle_k, c.opt.num_perm);
  printf("runs        %d (median, min..max; spread = (max-min)/median)\n", runs);
  if (any_add) printf("(c) input   first %zu documents, %zu bytes (cap %zu MB)\n", n_c, bytes_c, cap_mb);
  printf("cpus        %ld online\n", sysconf(_SC_NPROCESSORS_ONLN));
  print_loadavg("at start");
  fflush(stdout);

  /* Pre-normalized texts for TSM. */
  if (active[ST_TSM]) {
    c.pre = calloc(d.n, sizeof *c.pre);
    if (!c.pre) {
      fprintf(stderr, "sc_bench_throughput: out of memory\n");
      return 1;
    }
    for (size_t i = 0; i < d.n; i++)
      if ((st = sc_normalize(text + d.off[i], d.len[i], &c.pre[i])) != SC_OK) die("sc_normalize", st);
  }
  sc_analyzer *az = NULL;
  if ((active[ST_DOC] || active[ST_SKETCH]) && (st = sc_analyzer_create(&az)) != SC_OK)
    die("sc_analyzer_create", st);

  double *t[ST_COUNT], *cpu[ST_COUNT];
  uint64_t words[ST_COUNT] = {0}, shingles[ST_COUNT] = {0};
  size_t added[ST_COUNT] = {0};
  for (int s = 0; s < ST_COUNT; s++) {
    t[s] = calloc((size_t)runs, sizeof(double));
    cpu[s] = calloc((size_t)runs, sizeof(double));
  }

  /* Warm-up: one untimed pass over the first ~10 MB (page faults of first
   * allocations, caches, CPU frequency). */
  {
    docs warm = d;
    size_t b = 0;
    warm.n = 0;
    while (warm.n < d.n && b < 10 * MB) b += d.len[warm.n++];
    ctx w = c;
    w.d = &warm;
    if (active[ST_N] || active[ST_NT] || active[ST_NTS] || active[ST_NTSM] || active[ST_TSM])
      pass_pipeline(&w, ST_NTSM);
    if (active[ST_REF]) pass_ref(&w);
    if (active[ST_SKETCH]) pass_sketch(&w, az);
    if (active[ST_DOC]) pass_doc(&w, az);
    c.words = w.words;
    c.shingles = w.shingles;
  }

  for (int r = 0; r < runs; r++) {
    for (int s = 0; s < ST_COUNT; s++) {
      if (!active[s]) continue;
      stamp dt;
      if (s <= ST_TSM) {
        const stamp t0 = stamp_now();
        pass_pipeline(&c, (enum stage)s);
        dt = stamp_since(t0);
      } else if (s == ST_REF) {
        const stamp t0 = stamp_now();
        pass_ref(&c);
        dt = stamp_since(t0);
      } else if (s == ST_SKETCH) {
        const stamp t0 = stamp_now();
        pass_sketch(&c, az);
        dt = stamp_since(t0);
      } else if (s == ST_DOC) {
        const stamp t0 = stamp_now();
        pass_doc(&c, az);
        dt = stamp_since(t0);
      } else {
        dt = run_add_batch(&c, texts, n_c, s == ST_ADD1 ? 1 : 2, &added[s]);
      }
      t[s][r] = dt.wall;
      cpu[s][r] = dt.cpu;
      if (s <= ST_DOC) {
        if (r > 0 && (words[s] != c.n_words || shingles[s] != c.n_shingles)) {
          fprintf(stderr, "sc_bench_throughput: pass %d of %s did different work\n", r, stage_name[s]);
          return 1;
        }
        words[s] = c.n_words;
        shingles[s] = c.n_shingles;
      }
      fprintf(stderr, "  run %d/%d  %-46s %8.3f s wall %8.3f s cpu\n", r + 1, runs, stage_name[s], dt.wall,
              dt.cpu);
    }
  }
  print_loadavg("at end");

  double med[ST_COUNT] = {0}, cpu_med[ST_COUNT] = {0};
  printf("\nMB/s of wall time (median, min, max over runs); spread = (max-min)/median of the times;\n"
         "cpu MB/s = MB/s of the median CPU time (all threads), what the code does when it has the CPU\n\n");
  printf("%-46s %8s %8s %8s %7s %9s %9s\n", "measurement", "MB/s", "min", "max", "spread", "s/pass",
         "cpu MB/s");
  for (int s = 0; s < ST_COUNT; s++) {
    if (!active[s]) continue;
    const double bytes = (double)(s >= ST_ADD1 ? bytes_c : d.bytes);
    med[s] = median(t[s], runs);  /* sorts t[s] */
    cpu_med[s] = median(cpu[s], runs);
    const double lo = t[s][0], hi = t[s][runs - 1];
    printf("%-46s %8.1f %8.1f %8.1f %6.1f%% %9.3f %9.1f\n", stage_name[s], bytes / MB / med[s], bytes / MB / hi,
           bytes / MB / lo, 100.0 * (hi - lo) / med[s], med[s], bytes / MB / cpu_med[s]);
  }

  if (active[ST_N] && active[ST_NT] && active[ST_NTS] && active[ST_NTSM]) {
    printf("\n(a) stage shares of NTSM: differences of consecutive medians, of wall and of CPU time\n");
    const double *const m[2] = {med, cpu_med};
    const char *const name[4] = {"normalize", "tokenize", "shingle (k-word XXH3)", "MinHash add + densify"};
    printf("  %-24s %9s %6s %10s %9s %6s %10s\n", "stage", "wall s", "share", "MB/s alone", "cpu s", "share",
           "MB/s alone");
    double part[2][4];
    for (int w = 0; w < 2; w++) {
      part[w][0] = m[w][ST_N];
      part[w][1] = m[w][ST_NT] - m[w][ST_N];
      part[w][2] = m[w][ST_NTS] - m[w][ST_NT];
      part[w][3] = m[w][ST_NTSM] - m[w][ST_NTS];
    }
    for (int i = 0; i < 4; i++) {
      printf("  %-24s", name[i]);
      for (int w = 0; w < 2; w++)
        printf(" %9.3f %5.1f%% %10.1f", part[w][i], 100.0 * part[w][i] / m[w][ST_NTSM],
               part[w][i] > 0 ? (double)d.bytes / MB / part[w][i] : 0.0);
      printf("\n");
    }
  }
  if (active[ST_NTSM])
    printf("  words %llu, shingles %llu (%.1f bytes/word)\n", (unsigned long long)words[ST_NTSM],
           (unsigned long long)shingles[ST_NTSM], (double)d.bytes / (double)words[ST_NTSM]);
  if (active[ST_DOC])
    printf("\n(b) sc_doc_analyze: %llu words, %llu distinct shingles%s", (unsigned long long)words[ST_DOC],
           (unsigned long long)shingles[ST_DOC], active[ST_NTSM] ? "" : "\n");
  if (active[ST_DOC] && active[ST_NTSM]) printf("; %.2fx the time of NTSM\n", med[ST_DOC] / med[ST_NTSM]);
  if (any_add) {
    printf("\n(c) sc_corpus_add_batch over %zu documents (%.1f MB)\n", n_c, (double)bytes_c / MB);
    for (int s = ST_ADD1; s <= ST_ADD2; s++)
      if (active[s])
        printf("  threads=%d  %8.0f docs/s  %7.1f MB/s  (%zu added)\n", s == ST_ADD1 ? 1 : 2, (double)n_c / med[s],
               (double)bytes_c / MB / med[s], added[s]);
    if (active[ST_ADD1] && active[ST_ADD2])
      printf("  speed-up, 2 threads vs 1: %.2fx\n", med[ST_ADD1] / med[ST_ADD2]);
  }

  SC_VEC_FREE(&c.words);
  SC_VEC_FREE(&c.shingles);
  if (c.pre)
    for (size_t i = 0; i < d.n; i++) sc_normtext_free(&c.pre[i]);
  free(c.pre);
  sc_analyzer_free(az);
  sc_keys_wipe(&c.keys);
  for (int s = 0; s < ST_COUNT; s++) {
    free(t[s]);
    free(cpu[s]);
  }
  free(texts);
  free(c.sig);
  free(d.off);
  free(d.len);
  free(text);
  return 0;
}
