/*
 * passages.c: matched passages by winnowing, extension and merging (see
 * passages.h).
 */
#include "passages.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "htmltext.h"
#include "normalize.h"
#include "shingle.h"
#include "tokenize.h"

/* A fingerprint occurring more often than this in b is boilerplate
 * ("the united states of america") and seeds nothing: it would make the
 * seed count quadratic in repetitive texts. */
enum { MAX_POSTINGS = 64 };

typedef struct words {
  uint64_t *hash;      /* per word: keyed hash of the normalized word    */
  uint32_t *start;     /* per word: byte offsets into the original text  */
  uint32_t *end;
  size_t n;
} words;

static void words_free(words *w) {
  sc__free(w->hash);
  sc__free(w->start);
  sc__free(w->end);
}

static sc_status load_words(const sc_doc *d, const sc_keys *keys, words *w) {
  memset(w, 0, sizeof(*w));
  sc_normtext nt;
  SC_TRY(sc_normalize_document(d->text, d->bytes, d->html ? SC_HTML_ALWAYS : SC_HTML_NEVER, 1, &nt, NULL));
  sc_span_vec spans = {0};
  sc_status st = sc_tokenize(&nt, &spans, NULL);
  if (st != SC_OK) goto done;
  st = SC_E_NOMEM;
  w->hash = sc__mallocarray(spans.len + 1, sizeof(uint64_t));
  w->start = sc__mallocarray(spans.len + 1, sizeof(uint32_t));
  w->end = sc__mallocarray(spans.len + 1, sizeof(uint32_t));
  if (!w->hash || !w->start || !w->end) goto done;
  for (size_t i = 0; i < spans.len; i++) {
    const sc_span s = spans.items[i];
    w->hash[i] = sc_hash_word(nt.text + s.start, s.end - s.start, keys->token);
    w->start[i] = nt.src[s.start];
    w->end[i] = (uint32_t)sc_src_end(&nt, d->text, s.end);
  }
  w->n = spans.len;
  st = SC_OK;
done:
  SC_VEC_FREE(&spans);
  sc_normtext_free(&nt);
  if (st != SC_OK) words_free(w);
  return st;
}

typedef struct fingerprint {
  uint64_t hash;
  uint32_t pos;        /* first word of the gram                         */
} fingerprint;

static int cmp_fingerprint(const void *x, const void *y) {
  const fingerprint *p = x, *q = y;
  if (p->hash != q->hash) return p->hash < q->hash ? -1 : 1;
  return (p->pos > q->pos) - (p->pos < q->pos);
}

/* Winnowing: in every window of SC_PASSAGE_WINDOW consecutive gram hashes,
 * select the minimum (the rightmost on ties), each position once. */
static sc_status winnow(const words *w, const sc_keys *keys, fingerprint **out, size_t *n_out) {
  *out = NULL;
  *n_out = 0;
  if (w->n < SC_PASSAGE_K) return SC_OK;
  const size_t ngrams = w->n - SC_PASSAGE_K + 1;
  uint64_t *g = sc__mallocarray(ngrams, sizeof(uint64_t));
  fingerprint *fp = sc__mallocarray(ngrams, sizeof(fingerprint));
  if (!g || !fp) {
    sc__free(g);
    sc__free(fp);
    return SC_E_NOMEM;
  }
  for (size_t i = 0; i < ngrams; i++)
    g[i] = XXH3_64bits_withSecret(w->hash + i, SC_PASSAGE_K * sizeof(uint64_t), keys->shingle, SC_SECRET_BYTES);
  size_t n = 0, last = SIZE_MAX;
  const size_t win = ngrams < SC_PASSAGE_WINDOW ? ngrams : SC_PASSAGE_WINDOW;
  for (size_t s = 0; s + win <= ngrams; s++) {
    size_t m = s;
    for (size_t i = s + 1; i < s + win; i++)
      if (g[i] <= g[m]) m = i;
    if (m != last) {
      fp[n++] = (fingerprint){g[m], (uint32_t)m};
      last = m;
    }
  }
  sc__free(g);
  *out = fp;
  *n_out = n;
  return SC_OK;
}

typedef struct match {
  uint32_t a, b, len;  /* a[a, a+len) equals b[b, b+len) word for word   */
} match;

static int cmp_match(const void *x, const void *y) {
  const match *p = x, *q = y;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  if (p->b != q->b) return p->b < q->b ? -1 : 1;
  return (p->len < q->len) - (p->len > q->len);
}

typedef struct seed {
  uint32_t a, b;       /* word positions of a fingerprint shared by a and b */
} seed;

/* By diagonal (a - b), then a: the seeds of one maximal match are adjacent. */
static int cmp_seed(const void *x, const void *y) {
  const seed *p = x, *q = y;
  const int64_t dp = (int64_t)p->a - p->b, dq = (int64_t)q->a - q->b;
  if (dp != dq) return dp < dq ? -1 : 1;
  return (p->a > q->a) - (p->a < q->a);
}

/* Maximal exact matches through seeds shared by the two fingerprint sets.
 * Each match is extended once: a seed inside the match already found on its
 * diagonal would extend to the same one, and extending every seed of a long
 * shared run over all of it made a near-copy quadratic (two 1 MB texts
 * differing in one word: 15 s). */
static sc_status find_matches(const words *wa, const words *wb, fingerprint *fa, size_t na, fingerprint *fb,
                              size_t nb, match **out, size_t *n_out) {
  SC_VEC(match) m = {0};
  SC_VEC(seed) sd = {0};
  if (nb) qsort(fb, nb, sizeof(fingerprint), cmp_fingerprint);
  for (size_t i = 0; i < na; i++) {
    /* Postings of fa[i].hash in b: binary search for the first. */
    size_t lo = 0, hi = nb;
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (fb[mid].hash < fa[i].hash) lo = mid + 1;
      else hi = mid;
    }
    size_t end = lo;
    while (end < nb && fb[end].hash == fa[i].hash) end++;
    if (end - lo > MAX_POSTINGS) continue;
    for (size_t k = lo; k < end; k++) {
      const uint32_t a = fa[i].pos, b = fb[k].pos;
      if (memcmp(wa->hash + a, wb->hash + b, SC_PASSAGE_K * sizeof(uint64_t)) != 0) continue;  /* collision */
      SC_VEC_PUSH(&sd, ((seed){a, b}), nomem);
    }
  }
  if (sd.len > 1) qsort(sd.items, sd.len, sizeof(seed), cmp_seed);
  int64_t diag = 0;
  uint32_t covered = 0;  /* end in a of the last match on diagonal diag */
  for (size_t i = 0; i < sd.len; i++) {
    uint32_t a = sd.items[i].a, b = sd.items[i].b;
    const int64_t d = (int64_t)a - b;
    if (m.len && d == diag && a < covered) continue;
    while (a > 0 && b > 0 && wa->hash[a - 1] == wb->hash[b - 1]) {
      a--;
      b--;
    }
    uint32_t len = 0;
    while (a + len < wa->n && b + len < wb->n && wa->hash[a + len] == wb->hash[b + len]) len++;
    SC_VEC_PUSH(&m, ((match){a, b, len}), nomem);
    diag = d;
    covered = a + len;
  }
  SC_VEC_FREE(&sd);
  /* In a's order for chaining. */
  if (m.len > 1) qsort(m.items, m.len, sizeof(match), cmp_match);
  *out = m.items;
  *n_out = m.len;
  return SC_OK;
nomem:
  SC_VEC_FREE(&sd);
  SC_VEC_FREE(&m);
  return SC_E_NOMEM;
}

typedef struct chain {
  uint32_t a0, a1, b0, b1;  /* word ranges                               */
  uint32_t matched;         /* words inside exact matches                */
} chain;

sc_status sc_find_passages(const sc_doc *a, const sc_doc *b, const sc_keys *keys, uint32_t min_words,
                           sc_passage **out, size_t *n_out) {
  *out = NULL;
  *n_out = 0;
  words wa, wb;
  fingerprint *fa = NULL, *fb = NULL;
  size_t na = 0, nb = 0, nm = 0;
  match *m = NULL;
  SC_VEC(chain) ch = {0};
  /* The open chains, in the order they were made: a closed one is dropped
   * from this list (scanning every chain ever made was quadratic). */
  SC_VEC(uint32_t) open = {0};
  SC_TRY(load_words(a, keys, &wa));
  sc_status st = load_words(b, keys, &wb);
  if (st != SC_OK) {
    words_free(&wa);
    return st;
  }
  if ((st = winnow(&wa, keys, &fa, &na)) != SC_OK || (st = winnow(&wb, keys, &fb, &nb)) != SC_OK ||
      (st = find_matches(&wa, &wb, fa, na, fb, nb, &m, &nm)) != SC_OK)
    goto done;

  /* Chain matches in a's order: a match continues an open chain when it
   * starts within SC_PASSAGE_GAP words after the chain's end in both texts
   * (or overlaps it on the same diagonal). */
  st = SC_E_NOMEM;
  for (size_t i = 0; i < nm; i++) {
    const match x = m[i];
    chain *best = NULL;
    size_t kept = 0;
    for (size_t o = 0; o < open.len; o++) {
      chain *k = &ch.items[open.items[o]];
      if (x.a > k->a1 + SC_PASSAGE_GAP) continue;  /* a's order: nothing later can join it */
      open.items[kept++] = open.items[o];
      if (!best && x.b >= k->b0 && x.b <= k->b1 + SC_PASSAGE_GAP) best = k;  /* else another region of b */
    }
    open.len = kept;
    if (!best) {
      SC_VEC_PUSH(&open, (uint32_t)ch.len, done);
      SC_VEC_PUSH(&ch, ((chain){x.a, x.a + x.len, x.b, x.b + x.len, x.len}), done);
      continue;
    }
    const uint32_t overlap = x.a < best->a1 ? best->a1 - x.a : 0;
    best->matched += x.len > overlap ? x.len - overlap : 0;
    if (x.a + x.len > best->a1) best->a1 = x.a + x.len;
    if (x.b + x.len > best->b1) best->b1 = x.b + x.len;
  }

  const uint32_t min_len = min_words ? min_words : 8;
  sc_passage *p = sc__calloc(ch.len ? ch.len : 1, sizeof(sc_passage));
  if (!p) goto done;
  size_t n = 0;
  for (size_t c = 0; c < ch.len; c++) {
    const chain k = ch.items[c];
    const uint32_t la = k.a1 - k.a0, lb = k.b1 - k.b0, longer = la > lb ? la : lb;
    if (longer < min_len) continue;
    p[n++] = (sc_passage){wa.start[k.a0], wa.end[k.a1 - 1] - wa.start[k.a0], wb.start[k.b0],
                          wb.end[k.b1 - 1] - wb.start[k.b0], longer,
                          k.matched >= longer ? 1.0 : (double)k.matched / longer};
  }
  *out = p;
  *n_out = n;
  st = SC_OK;
done:
  SC_VEC_FREE(&open);
  SC_VEC_FREE(&ch);
  sc__free(m);
  sc__free(fa);
  sc__free(fb);
  words_free(&wa);
  words_free(&wb);
  return st;
}
