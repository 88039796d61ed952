/*
 * gen_corpus.c: a near-duplicate corpus with known ground truth, as JSON
 * Lines, for the scale benchmark (bench/SCALE.md). Plain C11 + POSIX; no
 * engine dependency.
 *
 *   sc_gen_corpus [--docs N] [--seed S] [--dup-rate F] [-o OUT.jsonl]
 *                 [--truth TRUTH.csv] [--min-bytes B] [--max-bytes B]
 *                 [--edit-min F] [--edit-max F] [--edit-skew P] [--quiet]
 *                 [SOURCE...]
 *
 *   SOURCE      a text file, or a directory scanned recursively (hidden
 *               entries skipped). Default: /usr/share/common-licenses and
 *               /usr/share/doc/ * /copyright. The file list is sorted and
 *               deduplicated, so the pool does not depend on argument order.
 *               Files with a NUL byte or invalid UTF-8 are skipped (counted).
 *   --docs N    documents to write [10000]
 *   --seed S    64-bit seed; the output is a function of (seed, options,
 *               source pool) only. The pool's size and checksum go to stderr
 *               so that two machines can check they have the same one.
 *   --dup-rate  share of documents that are near-duplicates of an earlier
 *               base document [0.3]
 *   -o FILE     JSONL output ["-": standard output]
 *   --truth F   ground-truth CSV, one row per copy [none]
 *   --min-bytes, --max-bytes   base document size range [2000, 5000]
 *   --edit-min, --edit-max, --edit-skew   per-copy word edit rate
 *               r = min + (max - min) * u^skew, u uniform in [0,1)
 *               [0, 0.30, 3]; --edit-min 0.05 --edit-skew 1 draws uniformly
 *               from 5-30% (see SCALE.md for why that is not the default).
 *
 * Source pool. Each file is split into paragraphs (blank lines; for Debian
 * machine-readable copyright files also " ." lines and "Field:" lines, which
 * are dropped), whitespace is collapsed, paragraphs that are not prose (under
 * 8 words, under one sentence end per 400 bytes, under 70% letters, over 5%
 * digits, over 10% e-mail/path/URL words) are dropped,
 * repeated paragraphs are dropped (the GPL is quoted in hundreds of copyright
 * files), and the rest is split into sentences (long ones cut at a word
 * boundary under 500 bytes); a sentence already in the pool is dropped too.
 * "Repeated" ignores case, punctuation and spacing (letters and digits
 * only), so licence variants that differ in quotes or capitals count once.
 *
 * Base document i: paragraphs of consecutive sentences (200-800 bytes, at
 * least one sentence), each paragraph from a random position of the pool
 * (within one source file), until a size drawn uniformly from [min-bytes,
 * max-bytes] is reached (never above max-bytes). Drawing short runs from
 * many places keeps two unrelated base documents from sharing more than the
 * odd paragraph, so nearly all high-Jaccard pairs are the planted ones (and
 * copies of the same base among themselves); sc_bruteforce finds the rest.
 *
 * Copy i (with probability --dup-rate, for i > 0): a random earlier base
 * document j (uniform over earlier documents, retried until a base is hit),
 * regenerated from its own seed, then edited:
 *   - sentence moves: with probability 1/2, 1-3 sentences moved elsewhere;
 *   - word edits: each word, with probability r, is substituted, deleted or
 *     has a word inserted after it (equally likely); new words are drawn from
 *     the pool's word frequencies;
 *   - boilerplate: a header paragraph with probability 0.35, a footer with
 *     probability 0.35 (templates filled with random names and dates).
 * Every document depends only on (seed, its index): nothing is kept from one
 * document to the next, so memory is constant beyond the source pool.
 *
 * Output: one line per document, {"id": "d0000042", "text": "..."}, ids
 * "d" + zero-padded index (at least 7 digits, so lexical order = numeric
 * order), paragraphs separated by "\n\n" inside the text. Truth CSV header
 * id,source,edit_rate,edits with edit_rate the drawn r (4 decimals) and edits
 * "sub=S;del=D;ins=I;moves=M;header=H;footer=F;words=W" (W: words of the base).
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define MAX_SENTENCE 500     /* bytes; longer sentences are cut             */
#define MAX_DOC_SENT 2048    /* sentences per document (5 KB / 3 words)    */
#define SEG_MIN 200          /* bytes of consecutive source text per        */
#define SEG_MAX 800          /* paragraph of a base document                */

static const char *prog = "sc_gen_corpus";

static void die(const char *msg) {
  fprintf(stderr, "%s: %s\n", prog, msg);
  exit(1);
}

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) die("out of memory");
  return p;
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) die("out of memory");
  return p;
}

/* ------------------------------------------------------------------------ */
/* Random numbers: splitmix64 to seed, xoshiro256** to draw.               */

static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static uint64_t mix3(uint64_t a, uint64_t b, uint64_t c) {
  uint64_t x = a;
  uint64_t h = splitmix64(&x);
  x = h ^ b;
  h = splitmix64(&x);
  x = h ^ c;
  return splitmix64(&x);
}

typedef struct rng {
  uint64_t s[4];
} rng;

static void rng_seed(rng *r, uint64_t seed) {
  uint64_t x = seed;
  for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(rng *r) {
  uint64_t *s = r->s;
  const uint64_t result = rotl(s[1] * 5, 7) * 9;
  const uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

/* Uniform in [0,1). */
static double rng_unit(rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }

/* Uniform in [0,n), 0 < n < 2^53. */
static size_t rng_below(rng *r, size_t n) {
  const size_t k = (size_t)(rng_unit(r) * (double)n);
  return k < n ? k : n - 1;
}

/* ------------------------------------------------------------------------ */
/* Options.                                                                */

typedef struct options {
  uint64_t docs, seed;
  double dup_rate;
  size_t min_bytes, max_bytes;
  double edit_min, edit_max, edit_skew;
  const char *out, *truth;
  int quiet;
} options;

/* Streams 1-3 of the per-document generators; fixed, part of the format. */
enum { STREAM_KIND = 1, STREAM_BASE = 2, STREAM_COPY = 3 };

/* ------------------------------------------------------------------------ */
/* Source pool.                                                            */

typedef struct sentence {
  uint32_t off, len;   /* in pool.text                                     */
  uint32_t file;       /* source file index                                */
} sentence;

typedef struct word {
  uint32_t off;
  uint8_t len;
} word;

typedef struct pool {
  char *text;
  size_t len, cap;
  sentence *sent;
  size_t n_sent, cap_sent;
  word *words;
  size_t n_words, cap_words;
  uint64_t *seen;      /* paragraph hashes (open addressing, 0 = empty)   */
  size_t seen_cap, seen_n;
  size_t files_used, files_binary, files_utf8, files_unreadable, files_empty;
  size_t paras_kept, paras_dup, paras_dropped, sents_dup;
} pool;

static uint64_t fnv1a(const char *s, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 0x100000001b3ull;
  }
  return h ? h : 1;
}

/* Hash of the letters and digits of @p s, ASCII case folded: paragraphs or
 * sentences that differ only in punctuation, quotes or case (licence
 * variants) count as repeats. */
static uint64_t fold_hash(const char *s, size_t n, uint64_t salt) {
  uint64_t h = 0xcbf29ce484222325ull ^ salt;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)) continue;
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h ? h : 1;
}

/* Returns 1 if @p h was new (and records it). */
static int seen_insert(pool *p, uint64_t h) {
  if (p->seen_n * 2 >= p->seen_cap) {
    const size_t ncap = p->seen_cap ? p->seen_cap * 2 : 1 << 16;
    uint64_t *n = calloc(ncap, sizeof *n);
    if (!n) die("out of memory");
    for (size_t i = 0; i < p->seen_cap; i++) {
      if (!p->seen[i]) continue;
      size_t k = p->seen[i] & (ncap - 1);
      while (n[k]) k = (k + 1) & (ncap - 1);
      n[k] = p->seen[i];
    }
    free(p->seen);
    p->seen = n;
    p->seen_cap = ncap;
  }
  size_t k = h & (p->seen_cap - 1);
  while (p->seen[k]) {
    if (p->seen[k] == h) return 0;
    k = (k + 1) & (p->seen_cap - 1);
  }
  p->seen[k] = h;
  p->seen_n++;
  return 1;
}

/* Valid UTF-8 (no overlongs, surrogates or code points above U+10FFFF). */
static int utf8_valid(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    const unsigned c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t k;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) k = 1, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) k = 2, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) k = 3, cp = c & 0x07;
    else return 0;
    if (i + k >= n) return 0;
    for (size_t j = 1; j <= k; j++) {
      if ((s[i + j] & 0xC0) != 0x80) return 0;
      cp = (cp << 6) | (s[i + j] & 0x3F);
    }
    if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return 0;
    i += k + 1;
  }
  return 1;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || is_upper(c); }

static void pool_reserve(pool *p, size_t more) {
  if (p->len + more <= p->cap) return;
  size_t cap = p->cap ? p->cap : 1 << 20;
  while (cap < p->len + more) cap *= 2;
  if (cap > UINT32_MAX) die("source pool above 4 GiB");
  p->text = xrealloc(p->text, cap);
  p->cap = cap;
}

/* Adds a sentence unless the pool has it already (folded, see fold_hash). */
static void add_sentence(pool *p, uint32_t off, uint32_t len, uint32_t file) {
  if (!seen_insert(p, fold_hash(p->text + off, len, 0x5e47e4ce5ull))) {
    p->sents_dup++;
    return;
  }
  if (p->n_sent == p->cap_sent) {
    p->cap_sent = p->cap_sent ? p->cap_sent * 2 : 4096;
    p->sent = xrealloc(p->sent, p->cap_sent * sizeof *p->sent);
  }
  p->sent[p->n_sent++] = (sentence){off, len, file};
}

static void add_word(pool *p, uint32_t off, size_t len) {
  if (p->n_words == p->cap_words) {
    p->cap_words = p->cap_words ? p->cap_words * 2 : 1 << 16;
    p->words = xrealloc(p->words, p->cap_words * sizeof *p->words);
  }
  p->words[p->n_words++] = (word){off, (uint8_t)len};
}

/* Abbreviations after which a period does not end a sentence. */
static int is_abbrev(const char *s, size_t end) {
  static const char *const ab[] = {"e.g", "i.e", "etc", "Inc", "Ltd", "Co", "Corp", "Mr", "Mrs", "Ms", "Dr",
                                   "St", "vs", "No", "Jr", "Sr", "cf", "al", "Vol", "Sec", "Fig", "U.S"};
  size_t b = end;
  while (b > 0 && !is_space(s[b - 1]) && s[b - 1] != '(') b--;
  const size_t n = end - b;
  if (n == 1 && is_upper(s[b])) return 1; /* initials: "J. Smith" */
  for (size_t i = 0; i < sizeof ab / sizeof *ab; i++)
    if (strlen(ab[i]) == n && memcmp(ab[i], s + b, n) == 0) return 1;
  return 0;
}

/* Adds a paragraph (whitespace already collapsed, at pool.text + off). */
static void add_paragraph(pool *p, size_t off, size_t len, uint32_t file) {
  const char *s = p->text + off;
  size_t words = 0, letters = 0, nonspace = 0, odd = 0, ends = 0, digits = 0;
  for (size_t i = 0; i < len; i++) {
    const char c = s[i];
    if (c == ' ') continue;
    nonspace++;
    if (c >= '0' && c <= '9') digits++;
    if (is_alpha(c) || (unsigned char)c >= 0x80) letters++;
    if ((c == '.' || c == '!' || c == '?' || c == ':' || c == ';') && (i + 1 == len || s[i + 1] == ' ')) ends++;
    if (i == 0 || s[i - 1] == ' ') {
      words++;
      size_t j = i;
      while (j < len && s[j] != ' ') j++;
      /* e-mail addresses, paths, URLs, identifiers */
      if (memchr(s + i, '@', j - i) || memchr(s + i, '<', j - i) || memchr(s + i, '/', j - i) ||
          memchr(s + i, '_', j - i))
        odd++;
    }
  }
  /* Prose: 8 words or more, a sentence end every 400 bytes on average,
   * mostly letters, few digits (years in copyright lists), few e-mail
   * addresses, paths or URLs. */
  if (words < 8 || ends * 400 < len || letters * 10 < nonspace * 7 || digits * 20 > nonspace || odd * 10 > words) {
    p->paras_dropped++;
    p->len = off;
    return;
  }
  if (!seen_insert(p, fold_hash(s, len, 0))) {
    p->paras_dup++;
    p->len = off;
    return;
  }
  p->paras_kept++;
  /* Sentences: end at [.!?] (optionally followed by a closing quote or
   * bracket) + space + an upper-case letter, digit, quote or bracket. */
  size_t start = 0;
  for (size_t i = 0; i <= len; i++) {
    int end = i == len;
    if (!end && (s[i] == '.' || s[i] == '!' || s[i] == '?')) {
      size_t j = i + 1;
      while (j < len && (s[j] == '"' || s[j] == '\'' || s[j] == ')')) j++;
      if (j + 1 < len && s[j] == ' ' &&
          (is_upper(s[j + 1]) || (s[j + 1] >= '0' && s[j + 1] <= '9') || s[j + 1] == '"' || s[j + 1] == '(') &&
          !(s[i] == '.' && is_abbrev(s, i))) {
        i = j; /* s[i] is the space */
        end = 1;
      }
    }
    if (!end) continue;
    size_t e = i; /* sentence is s[start, e) */
    while (e > start && s[e - 1] == ' ') e--;
    /* Cut long sentences at the last space at or before MAX_SENTENCE. */
    while (e - start > MAX_SENTENCE) {
      size_t cut = start + MAX_SENTENCE;
      while (cut > start && s[cut] != ' ') cut--;
      if (cut == start) cut = start + MAX_SENTENCE; /* a 500-byte "word" */
      add_sentence(p, (uint32_t)(off + start), (uint32_t)(cut - start), file);
      start = cut;
      while (start < e && s[start] == ' ') start++;
    }
    if (e > start) add_sentence(p, (uint32_t)(off + start), (uint32_t)(e - start), file);
    start = i + 1;
  }
  /* Words for substitutions and insertions: letters only, 2-15 bytes. */
  for (size_t i = 0; i < len;) {
    size_t j = i;
    while (j < len && is_alpha(s[j])) j++;
    if (j - i >= 2 && j - i <= 15 && (i == 0 || s[i - 1] == ' ') && (j == len || s[j] == ' ' || s[j] == ',' || s[j] == '.'))
      add_word(p, (uint32_t)(off + i), j - i);
    if (j == i) j++;
    i = j;
  }
}

/* A Debian machine-readable copyright field line: "Name:" at column 0. */
static int is_field_line(const char *s, size_t n) {
  size_t i = 0;
  if (n == 0 || !is_alpha(s[0])) return 0;
  while (i < n && (is_alpha(s[i]) || s[i] == '-' || (s[i] >= '0' && s[i] <= '9'))) i++;
  return i < n && s[i] == ':' && (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t');
}

static void add_file_text(pool *p, const char *data, size_t n, uint32_t file) {
  /* Paragraph collection into pool.text with whitespace collapsed. */
  pool_reserve(p, n + 1);
  size_t para = p->len; /* start of the paragraph being built */
  size_t i = 0;
  while (i <= n) {
    size_t e = i;
    while (e < n && data[e] != '\n') e++;
    /* line data[i, e) */
    size_t a = i, b = e;
    while (a < b && is_space(data[a])) a++;
    /* Comment markers of licence headers quoted from source files: "#",
     * " * ", "//", ";;", "dnl ". */
    while (a < b && (data[a] == '#' || data[a] == '*' || data[a] == ';' ||
                     (data[a] == '/' && a + 1 < b && (data[a + 1] == '/' || data[a + 1] == '*')))) {
      a++;
      if (data[a - 1] == '/') a++;
      while (a < b && is_space(data[a])) a++;
    }
    while (b > a && (data[b - 1] == '*' || data[b - 1] == '/' || data[b - 1] == '#') &&
           (b - a < 2 || data[b - 2] == ' ' || data[b - 2] == '*'))
      b--;
    while (b > a && is_space(data[b - 1])) b--;
    while (b > a && is_space(data[b - 1])) b--;
    const int blank = a == b || (b - a == 1 && data[a] == '.');
    const int field = is_field_line(data + i, e - i);
    if (blank || field || e >= n) {
      if (!blank && !field) { /* last line of the file */
        if (p->len > para) p->text[p->len++] = ' ';
        for (size_t k = a; k < b; k++) {
          const char c = is_space(data[k]) ? ' ' : data[k];
          if (c == ' ' && p->text[p->len - 1] == ' ') continue;
          p->text[p->len++] = c;
        }
      }
      if (p->len > para) add_paragraph(p, para, p->len - para, file);
      para = p->len;
    } else {
      if (p->len > para) p->text[p->len++] = ' ';
      for (size_t k = a; k < b; k++) {
        const char c = is_space(data[k]) ? ' ' : data[k];
        if (c == ' ' && p->text[p->len - 1] == ' ') continue;
        p->text[p->len++] = c;
      }
    }
    if (e >= n) break;
    i = e + 1;
  }
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = xmalloc(cap);
  for (;;) {
    if (n == cap) buf = xrealloc(buf, cap *= 2);
    const size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  const int err = ferror(f);
  fclose(f);
  if (err) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

typedef struct strlist {
  char **items;
  size_t n, cap;
} strlist;

static void strlist_push(strlist *l, const char *s) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 256;
    l->items = xrealloc(l->items, l->cap * sizeof *l->items);
  }
  const size_t n = strlen(s);
  l->items[l->n] = xmalloc(n + 1);
  memcpy(l->items[l->n++], s, n + 1);
}

static void scan_path(strlist *files, const char *path, int depth) {
  struct stat st;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "%s: %s: %s (skipped)\n", prog, path, strerror(errno));
    return;
  }
  if (S_ISREG(st.st_mode)) {
    strlist_push(files, path);
    return;
  }
  if (!S_ISDIR(st.st_mode) || depth > 32) return;
  DIR *d = opendir(path);
  if (!d) {
    fprintf(stderr, "%s: %s: %s (skipped)\n", prog, path, strerror(errno));
    return;
  }
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.') continue;
    const size_t n = strlen(path) + strlen(de->d_name) + 2;
    char *sub = xmalloc(n);
    snprintf(sub, n, "%s/%s", path, de->d_name);
    scan_path(files, sub, depth + 1);
    free(sub);
  }
  closedir(d);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void build_pool(pool *p, strlist *files) {
  qsort(files->items, files->n, sizeof *files->items, cmp_str);
  size_t m = 0;
  for (size_t i = 0; i < files->n; i++) {
    if (m && strcmp(files->items[m - 1], files->items[i]) == 0) {
      free(files->items[i]);
      continue;
    }
    files->items[m++] = files->items[i];
  }
  files->n = m;
  for (size_t i = 0; i < files->n; i++) {
    size_t n = 0;
    char *data = read_file(files->items[i], &n);
    if (!data) {
      p->files_unreadable++;
      continue;
    }
    if (n == 0) p->files_empty++;
    else if (memchr(data, '\0', n)) p->files_binary++;
    else if (!utf8_valid((const unsigned char *)data, n)) p->files_utf8++;
    else {
      p->files_used++;
      add_file_text(p, data, n, (uint32_t)i);
    }
    free(data);
  }
}

/* ------------------------------------------------------------------------ */
/* Documents.                                                              */

typedef struct piece {     /* one sentence of a document                  */
  const char *s;
  uint32_t len;
  uint8_t para_break;      /* a paragraph starts here                     */
} piece;

typedef struct buf {
  char *d;
  size_t len, cap;
} buf;

static void buf_put(buf *b, const char *s, size_t n) {
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap : 1 << 16;
    while (cap < b->len + n) cap *= 2;
    b->d = xrealloc(b->d, cap);
    b->cap = cap;
  }
  memcpy(b->d + b->len, s, n);
  b->len += n;
}

static void buf_puts(buf *b, const char *s) { buf_put(b, s, strlen(s)); }

static int is_copy(const options *o, uint64_t i) {
  if (i == 0) return 0;
  rng r;
  rng_seed(&r, mix3(o->seed, i, STREAM_KIND));
  return rng_unit(&r) < o->dup_rate;
}

/* Base document @p i as sentences; returns their count. */
static size_t gen_base(const options *o, const pool *p, uint64_t i, piece *out) {
  rng r;
  rng_seed(&r, mix3(o->seed, i, STREAM_BASE));
  const size_t target = o->min_bytes + rng_below(&r, o->max_bytes - o->min_bytes + 1);
  size_t n = 0, size = 0;
  for (int attempt = 0; size < target && attempt < 10000 && n < MAX_DOC_SENT; attempt++) {
    size_t s = rng_below(&r, p->n_sent);
    const size_t run = SEG_MIN + rng_below(&r, SEG_MAX - SEG_MIN + 1); /* bytes */
    const uint32_t file = p->sent[s].file;
    int first = 1;
    for (size_t seg = 0; seg < run && s < p->n_sent && p->sent[s].file == file && n < MAX_DOC_SENT; s++) {
      const size_t sep = n == 0 ? 0 : (first ? 2 : 1);
      seg += p->sent[s].len + 1;
      if (size + sep + p->sent[s].len > o->max_bytes) break;
      const uint8_t brk = (uint8_t)(first && n > 0);
      out[n++] = (piece){p->text + p->sent[s].off, p->sent[s].len, brk};
      size += sep + p->sent[s].len;
      first = 0;
      if (size >= target) break;
    }
  }
  return n;
}

static const char *const sites[] = {
    "the Open Source Review", "Linux Weekly Digest", "the Free Software Journal", "PackageWatch",
    "the Debian Community Wiki", "CodeLicense Archive", "the Software Freedom Blog", "DevNotes Daily",
    "the Copyleft Gazette", "Distro Times", "the Upstream Herald", "Kernel and Userland Magazine"};
static const char *const people[] = {"Alice Moreau", "Bruno Ferreira", "Chen Wei", "Dana Kowalski",
                                     "Emeka Obi", "Freya Lindqvist", "Gustavo Reyes", "Hana Sato",
                                     "Ivan Petrov", "Julia Novak", "Kofi Mensah", "Laura Bianchi"};
static const char *const months[] = {"January", "February", "March", "April", "May", "June",
                                     "July", "August", "September", "October", "November", "December"};

#define PICK(r, a) (a)[rng_below((r), sizeof(a) / sizeof *(a))]

static void gen_boilerplate(rng *r, int footer, char *out, size_t cap) {
  char date[64];
  snprintf(date, sizeof date, "%s %u, %u", PICK(r, months), (unsigned)(1 + rng_below(r, 28)),
           (unsigned)(2005 + rng_below(r, 20)));
  if (!footer) {
    switch (rng_below(r, 4)) {
    case 0:
      snprintf(out, cap,
               "This article was originally published by %s on %s. It is reproduced here with permission, "
               "and all rights remain with the original author.",
               PICK(r, sites), date);
      break;
    case 1:
      snprintf(out, cap,
               "Archived copy retrieved from %s on %s. Formatting, links and images may differ from the "
               "original document.",
               PICK(r, sites), date);
      break;
    case 2:
      snprintf(out, cap, "Posted by %s in %s on %s. %u comments so far; share this page with your friends.",
               PICK(r, people), PICK(r, sites), date, (unsigned)rng_below(r, 200));
      break;
    default:
      snprintf(out, cap,
               "You are reading a mirror of %s, last updated on %s. Please report broken links or outdated "
               "pages to the site administrator.",
               PICK(r, sites), date);
      break;
    }
  } else {
    switch (rng_below(r, 4)) {
    case 0:
      snprintf(out, cap,
               "Copyright %u %s. Terms of use and the privacy policy apply. Do not redistribute this page "
               "without written consent.",
               (unsigned)(2005 + rng_below(r, 20)), PICK(r, sites));
      break;
    case 1:
      snprintf(out, cap,
               "Subscribe to the newsletter of %s to receive news about new releases, licensing changes and "
               "security advisories every week.",
               PICK(r, sites));
      break;
    case 2:
      snprintf(out, cap,
               "About the author: %s writes about software licensing for %s and maintains several packages "
               "in her spare time.",
               PICK(r, people), PICK(r, sites));
      break;
    default:
      snprintf(out, cap,
               "If you found this page useful, please consider supporting %s. This page was generated on %s "
               "by the documentation build system.",
               PICK(r, sites), date);
      break;
    }
  }
}

typedef struct edits {
  size_t sub, del, ins, moves, words;
  int header, footer;
  double rate;
} edits;

/* Appends the words of @p s to @p b with edits at rate @p rate. */
static void emit_edited(buf *b, const char *s, size_t n, double rate, rng *r, const pool *p, edits *e,
                        int *need_space) {
  size_t i = 0;
  while (i < n) {
    while (i < n && s[i] == ' ') i++;
    if (i >= n) break;
    size_t j = i;
    while (j < n && s[j] != ' ') j++;
    e->words++;
    int op = -1; /* 0 sub, 1 del, 2 ins */
    if (rate > 0 && rng_unit(r) < rate) op = (int)rng_below(r, 3);
    if (op == 1) {
      e->del++;
    } else {
      if (*need_space) buf_put(b, " ", 1);
      if (op == 0) {
        const word w = p->words[rng_below(r, p->n_words)];
        buf_put(b, p->text + w.off, w.len);
        e->sub++;
      } else {
        buf_put(b, s + i, j - i);
      }
      *need_space = 1;
      if (op == 2) {
        const word w = p->words[rng_below(r, p->n_words)];
        buf_put(b, " ", 1);
        buf_put(b, p->text + w.off, w.len);
        e->ins++;
      }
    }
    i = j;
  }
}

/* Document text of copy @p i of base @p src into @p b. */
static void gen_copy(const options *o, const pool *p, uint64_t i, uint64_t src, piece *sent, buf *b, edits *e) {
  size_t n = gen_base(o, p, src, sent);
  rng r;
  rng_seed(&r, mix3(o->seed, i, STREAM_COPY) ^ 0x5EEDull);
  memset(e, 0, sizeof *e);
  e->rate = o->edit_min + (o->edit_max - o->edit_min) * pow(rng_unit(&r), o->edit_skew);
  /* Sentence moves: the paragraph layout stays, sentences change places. */
  if (n > 2 && rng_unit(&r) < 0.5) {
    const size_t moves = 1 + rng_below(&r, 3);
    for (size_t m = 0; m < moves; m++) {
      const size_t from = rng_below(&r, n), to = rng_below(&r, n);
      if (from == to) continue;
      const piece x = sent[from];
      if (from < to) {
        for (size_t k = from; k < to; k++) sent[k] = (piece){sent[k + 1].s, sent[k + 1].len, sent[k].para_break};
        sent[to] = (piece){x.s, x.len, sent[to].para_break};
      } else {
        for (size_t k = from; k > to; k--) sent[k] = (piece){sent[k - 1].s, sent[k - 1].len, sent[k].para_break};
        sent[to] = (piece){x.s, x.len, sent[to].para_break};
      }
      e->moves++;
    }
  }
  char bp[512];
  e->header = rng_unit(&r) < 0.35;
  e->footer = rng_unit(&r) < 0.35;
  if (e->header) {
    gen_boilerplate(&r, 0, bp, sizeof bp);
    buf_puts(b, bp);
    buf_put(b, "\n\n", 2);
  }
  int need_space = 0;
  for (size_t k = 0; k < n; k++) {
    if (sent[k].para_break && need_space) {
      buf_put(b, "\n\n", 2);
      need_space = 0;
    }
    emit_edited(b, sent[k].s, sent[k].len, e->rate, &r, p, e, &need_space);
  }
  if (e->footer) {
    gen_boilerplate(&r, 1, bp, sizeof bp);
    buf_put(b, "\n\n", 2);
    buf_puts(b, bp);
  }
}

static void gen_base_text(const options *o, const pool *p, uint64_t i, piece *sent, buf *b) {
  const size_t n = gen_base(o, p, i, sent);
  for (size_t k = 0; k < n; k++) {
    if (k > 0) buf_put(b, sent[k].para_break ? "\n\n" : " ", sent[k].para_break ? 2 : 1);
    buf_put(b, sent[k].s, sent[k].len);
  }
}

/* JSON string body of @p s (valid UTF-8) into @p out. */
static void json_escape(buf *out, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    const unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
    buf_put(out, s + run, i - run);
    run = i + 1;
    char esc[6] = {'\\', 0, 0, 0, 0, 0};
    size_t len = 2;
    switch (c) {
    case '"': esc[1] = '"'; break;
    case '\\': esc[1] = '\\'; break;
    case '\n': esc[1] = 'n'; break;
    case '\t': esc[1] = 't'; break;
    case '\r': esc[1] = 'r'; break;
    default:
      esc[1] = 'u';
      esc[2] = '0';
      esc[3] = '0';
      esc[4] = hex[c >> 4];
      esc[5] = hex[c & 15];
      len = 6;
    }
    buf_put(out, esc, len);
  }
  buf_put(out, s + run, n - run);
}

/* ------------------------------------------------------------------------ */

static void usage(FILE *f) {
  fprintf(f,
          "usage: %s [--docs N] [--seed S] [--dup-rate F] [-o OUT.jsonl] [--truth TRUTH.csv]\n"
          "       [--min-bytes B] [--max-bytes B] [--edit-min F] [--edit-max F] [--edit-skew P]\n"
          "       [--quiet] [SOURCE...]\n"
          "SOURCE: files or directories of English text [/usr/share/common-licenses "
          "/usr/share/doc/*/copyright]\n",
          prog);
}

static double parse_double(const char *opt, const char *v, double lo, double hi) {
  char *end;
  errno = 0;
  const double d = strtod(v, &end);
  if (errno || end == v || *end || !(d >= lo && d <= hi)) {
    fprintf(stderr, "%s: %s: '%s' is not a number in [%g, %g]\n", prog, opt, v, lo, hi);
    exit(1);
  }
  return d;
}

static uint64_t parse_u64(const char *opt, const char *v, uint64_t lo, uint64_t hi) {
  char *end;
  errno = 0;
  /* Accept 1e6 style too. */
  const double d = strtod(v, &end);
  if (errno || end == v || *end || d < (double)lo || d > (double)hi || d != floor(d)) {
    fprintf(stderr, "%s: %s: '%s' is not an integer in [%llu, %llu]\n", prog, opt, v, (unsigned long long)lo,
            (unsigned long long)hi);
    exit(1);
  }
  if (d > 9007199254740992.0) return strtoull(v, NULL, 10);
  return (uint64_t)d;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  options o = {10000, 1, 0.3, 2000, 5000, 0.0, 0.30, 3.0, "-", NULL, 0};
  strlist files = {0};
  int have_sources = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
#define NEXT() (i + 1 < argc ? argv[++i] : (fprintf(stderr, "%s: %s needs a value\n", prog, a), exit(1), ""))
    if (!strcmp(a, "--docs")) o.docs = parse_u64(a, NEXT(), 1, 100000000000ull);
    else if (!strcmp(a, "--seed")) o.seed = parse_u64(a, NEXT(), 0, UINT64_MAX);
    else if (!strcmp(a, "--dup-rate")) o.dup_rate = parse_double(a, NEXT(), 0, 1);
    else if (!strcmp(a, "-o") || !strcmp(a, "--output")) o.out = NEXT();
    else if (!strcmp(a, "--truth")) o.truth = NEXT();
    else if (!strcmp(a, "--min-bytes")) o.min_bytes = (size_t)parse_u64(a, NEXT(), 100, 1 << 24);
    else if (!strcmp(a, "--max-bytes")) o.max_bytes = (size_t)parse_u64(a, NEXT(), 100, 1 << 24);
    else if (!strcmp(a, "--edit-min")) o.edit_min = parse_double(a, NEXT(), 0, 1);
    else if (!strcmp(a, "--edit-max")) o.edit_max = parse_double(a, NEXT(), 0, 1);
    else if (!strcmp(a, "--edit-skew")) o.edit_skew = parse_double(a, NEXT(), 0.01, 100);
    else if (!strcmp(a, "--quiet")) o.quiet = 1;
    else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      return 0;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "%s: unknown option %s\n", prog, a);
      usage(stderr);
      return 1;
    } else {
      scan_path(&files, a, 0);
      have_sources = 1;
    }
#undef NEXT
  }
  if (o.min_bytes > o.max_bytes) die("--min-bytes is above --max-bytes");
  if (o.edit_min > o.edit_max) die("--edit-min is above --edit-max");
  if (!have_sources) {
    scan_path(&files, "/usr/share/common-licenses", 0);
    glob_t g;
    if (glob("/usr/share/doc/*/copyright", 0, NULL, &g) == 0) {
      for (size_t k = 0; k < g.gl_pathc; k++) scan_path(&files, g.gl_pathv[k], 0);
      globfree(&g);
    }
  }
  const double t0 = now();
  pool p = {0};
  build_pool(&p, &files);
  free(p.seen);
  p.seen = NULL;
  if (p.n_sent < 100 || p.n_words < 100) die("too little usable text in the sources (need 100 sentences)");
  if (!o.quiet)
    fprintf(stderr,
            "%s: pool: %zu files used (%zu binary, %zu invalid UTF-8, %zu unreadable, %zu empty skipped), "
            "%zu paragraphs kept (%zu repeated, %zu not prose dropped), %zu sentences (%zu repeated dropped), "
            "%zu words, %zu bytes, checksum %016llx (%.2f s)\n",
            prog, p.files_used, p.files_binary, p.files_utf8, p.files_unreadable, p.files_empty, p.paras_kept,
            p.paras_dup, p.paras_dropped, p.n_sent, p.sents_dup, p.n_words, p.len, (unsigned long long)fnv1a(p.text, p.len),
            now() - t0);

  FILE *out = stdout;
  if (strcmp(o.out, "-") != 0 && !(out = fopen(o.out, "wb"))) {
    fprintf(stderr, "%s: %s: %s\n", prog, o.out, strerror(errno));
    return 1;
  }
  FILE *truth = NULL;
  if (o.truth && !(truth = fopen(o.truth, "wb"))) {
    fprintf(stderr, "%s: %s: %s\n", prog, o.truth, strerror(errno));
    return 1;
  }
  static char obuf[1 << 22], tbuf[1 << 20];
  setvbuf(out, obuf, _IOFBF, sizeof obuf);
  if (truth) {
    setvbuf(truth, tbuf, _IOFBF, sizeof tbuf);
    fputs("id,source,edit_rate,edits\n", truth);
  }

  int width = 7;
  for (uint64_t m = o.docs - 1; m >= 10000000ull; m /= 10) width++;
  piece *sent = xmalloc(MAX_DOC_SENT * sizeof *sent);
  buf text = {0}, line = {0};
  uint64_t copies = 0, bytes_text = 0, bytes_out = 0, min_len = UINT64_MAX, max_len = 0;
  for (uint64_t i = 0; i < o.docs; i++) {
    text.len = 0;
    if (is_copy(&o, i)) {
      rng r;
      rng_seed(&r, mix3(o.seed, i, STREAM_COPY));
      uint64_t src;
      do src = rng_below(&r, (size_t)i);
      while (is_copy(&o, src));
      edits e;
      gen_copy(&o, &p, i, src, sent, &text, &e);
      copies++;
      if (truth)
        fprintf(truth, "d%0*llu,d%0*llu,%.4f,sub=%zu;del=%zu;ins=%zu;moves=%zu;header=%d;footer=%d;words=%zu\n",
                width, (unsigned long long)i, width, (unsigned long long)src, e.rate, e.sub, e.del, e.ins,
                e.moves, e.header, e.footer, e.words);
    } else {
      gen_base_text(&o, &p, i, sent, &text);
    }
    line.len = 0;
    char head[64];
    const int hn = snprintf(head, sizeof head, "{\"id\": \"d%0*llu\", \"text\": \"", width, (unsigned long long)i);
    buf_put(&line, head, (size_t)hn);
    json_escape(&line, text.d, text.len);
    buf_put(&line, "\"}\n", 3);
    if (fwrite(line.d, 1, line.len, out) != line.len) {
      fprintf(stderr, "%s: %s: %s\n", prog, o.out, strerror(errno));
      return 1;
    }
    bytes_text += text.len;
    bytes_out += line.len;
    if (text.len < min_len) min_len = text.len;
    if (text.len > max_len) max_len = text.len;
  }
  if (fflush(out) != 0 || (out != stdout && fclose(out) != 0)) {
    fprintf(stderr, "%s: %s: %s\n", prog, o.out, strerror(errno));
    return 1;
  }
  if (truth && fclose(truth) != 0) {
    fprintf(stderr, "%s: %s: %s\n", prog, o.truth, strerror(errno));
    return 1;
  }
  if (!o.quiet)
    fprintf(stderr,
            "%s: %llu documents (%llu copies), %llu text bytes (%llu..%llu per document), %llu JSONL bytes, "
            "%.2f s\n",
            prog, (unsigned long long)o.docs, (unsigned long long)copies, (unsigned long long)bytes_text,
            (unsigned long long)min_len, (unsigned long long)max_len, (unsigned long long)bytes_out, now() - t0);
  free(sent);
  free(text.d);
  free(line.d);
  free(p.text);
  free(p.sent);
  free(p.words);
  for (size_t k = 0; k < files.n; k++) free(files.items[k]);
  free(files.items);
  return 0;
}
