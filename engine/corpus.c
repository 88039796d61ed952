/*
 * corpus.c: the public corpus handle: adding documents (analysed in
 * parallel, added in input order) and computing corpus statistics. Scoring
 * lives in pairs.c.
 */
#include "corpus.h"

#include <stdlib.h>
#include <string.h>

#include "background.h"
#include "copies.h"
#include "parallel.h"
#include "shingle.h"
#include "tfidf.h"

sc_status sc_corpus_create(const sc_options *o, sc_corpus **out) {
  SC_CHECK(!out, SC_E_INVALID_ARG);
  *out = NULL;
  SC_TRY(sc_options_check(o));
  sc_corpus *c = sc__calloc(1, sizeof(*c));
  SC_CHECK(!c, SC_E_NOMEM);
  c->opt = *o;
  const sc_status st = sc_keys_derive(o->key, &c->keys);
  if (st != SC_OK) {
    sc__free(c);
    return st;
  }
  *out = c;
  return SC_OK;
}

static void free_stats(sc_corpus *c) {
  sc__free(c->df);
  sc__free(c->idf);
  sc__free(c->term_hash);
  c->df = NULL;
  c->idf = NULL;
  c->term_hash = NULL;
  sc_gramdf_free(&c->gram_df);
}

void sc_corpus_free(sc_corpus *c) {
  if (!c) return;
  for (size_t i = 0; i < c->docs.len; i++) sc_doc_free(c->docs.items[i]);
  SC_VEC_FREE(&c->docs);
  sc_strmap_free(&c->vocab);
  free_stats(c);
  sc_keys_wipe(&c->keys);
  memset(c->opt.key, 0, sizeof c->opt.key);
  sc__free(c);
}

typedef struct batch {
  const sc_corpus *c;
  const sc_text *texts;
  sc_doc **docs;              /* analysed document per text, or NULL     */
  sc_status *status;          /* per text                                */
  sc_analyzer **analyzers;    /* one per worker                          */
} batch;

static sc_status analyze_range(void *user, size_t begin, size_t end, unsigned worker) {
  batch *b = user;
  for (size_t i = begin; i < end; i++) {
    const sc_text *t = &b->texts[i];
    b->status[i] = sc_doc_analyze(b->analyzers[worker], &b->c->opt, &b->c->keys, t->name, t->data, t->len,
                                  &b->docs[i]);
    if (b->status[i] == SC_E_NOMEM) return SC_E_NOMEM;
  }
  return SC_OK;
}

sc_status sc_corpus_add_batch(sc_corpus *c, const sc_text *texts, size_t n, unsigned threads,
                              sc_status *status) {
  SC_CHECK(!c || (!texts && n), SC_E_INVALID_ARG);
  for (size_t i = 0; i < n; i++) SC_CHECK(!texts[i].data && texts[i].len, SC_E_INVALID_ARG);
  if (n == 0) return SC_OK;
  const unsigned nthreads = sc_threads_for(threads, n);
  batch b = {.c = c, .texts = texts};
  b.docs = sc__calloc(n, sizeof(sc_doc *));
  b.status = status ? status : sc__mallocarray(n, sizeof(sc_status));
  sc_status st = SC_E_NOMEM;
  if (!b.docs || !b.status) goto done;
  if ((st = sc_analyzers_create(nthreads, &b.analyzers)) != SC_OK) goto done;
  if ((st = sc_parallel_for(n, 1, nthreads, analyze_range, &b)) != SC_OK) goto done;

  /* Join in input order so ids never depend on scheduling. All or nothing:
   * on failure the documents of this batch leave the corpus again. */
  st = SC_E_NOMEM;
  SC_VEC_RESERVE(&c->docs, n, done);
  c->built = 0;
  const size_t first_new = c->docs.len;
  for (size_t i = 0; i < n; i++) {
    if (!b.docs[i]) continue;
    if ((st = sc_doc_globalize(b.docs[i], &c->vocab)) != SC_OK) {
      while (c->docs.len > first_new) sc_doc_free(c->docs.items[--c->docs.len]);
      goto done;
    }
    c->docs.items[c->docs.len++] = b.docs[i];
    b.docs[i] = NULL;
  }
  st = SC_OK;
done:
  if (b.docs)
    for (size_t i = 0; i < n; i++) sc_doc_free(b.docs[i]);
  sc_analyzers_free(b.analyzers, nthreads);
  sc__free(b.docs);
  if (b.status != status) sc__free(b.status);
  return st;
}

sc_status sc_corpus_add(sc_corpus *c, const char *name, const char *text, size_t len, uint32_t *out_id) {
  SC_CHECK(!c, SC_E_INVALID_ARG);
  const sc_text t = {name, text, len};
  sc_status one;
  SC_TRY(sc_corpus_add_batch(c, &t, 1, 1, &one));
  if (one == SC_OK && out_id) *out_id = (uint32_t)(c->docs.len - 1);
  return one;
}

size_t sc_corpus_size(const sc_corpus *c) { return c ? c->docs.len : 0; }

sc_status sc_corpus_doc_info(const sc_corpus *c, uint32_t id, sc_doc_info *out) {
  SC_CHECK(!c || !out || id >= c->docs.len, SC_E_INVALID_ARG);
  const sc_doc *d = c->docs.items[id];
  out->name = d->name;
  out->bytes = d->bytes;
  out->words = d->words;
  out->sentences = d->n_sent;
  out->shingles = d->n_shingles;
  out->shingle_hashes = d->shingles;
  out->invalid_utf8 = d->invalid;
  out->html = d->html;
  memcpy(out->digest, d->digest, sizeof out->digest);
  return SC_OK;
}

typedef struct weigh_job {
  sc_corpus *c;
} weigh_job;

static sc_status weigh_range(void *user, size_t begin, size_t end, unsigned worker) {
  (void)worker;
  const sc_corpus *c = ((weigh_job *)user)->c;
  for (size_t i = begin; i < end; i++) {
    SC_TRY(sc_doc_weigh(c->docs.items[i], c->idf, c->term_hash, &c->gram_df, c->docs.len));
    sc_doc_drop_grams(c->docs.items[i]);
  }
  return SC_OK;
}

typedef struct restore_job {
  sc_corpus *c;
  sc_analyzer **analyzers;    /* one per worker                          */
} restore_job;

static sc_status restore_range(void *user, size_t begin, size_t end, unsigned worker) {
  const restore_job *rj = user;
  for (size_t i = begin; i < end; i++) SC_TRY(sc_doc_restore_grams(rj->analyzers[worker], rj->c->docs.items[i]));
  return SC_OK;
}

/* The n-grams an earlier build dropped (doc.h), from the texts again. */
static sc_status restore_grams(sc_corpus *c) {
  size_t dropped = 0;
  for (size_t i = 0; i < c->docs.len; i++) dropped += c->docs.items[i]->grams == NULL;
  if (dropped == 0) return SC_OK;
  const unsigned nthreads = sc_threads_for(0, c->docs.len / 16 + 1);
  restore_job rj = {c, NULL};
  SC_TRY(sc_analyzers_create(nthreads, &rj.analyzers));
  const sc_status st = sc_parallel_for(c->docs.len, 16, nthreads, restore_range, &rj);
  sc_analyzers_free(rj.analyzers, nthreads);
  return st;
}

/* Each term's document frequency with a group of copies and near-copies
 * (copies.h) counted once, in @p text_df (v entries, zeroed); *@p
 * n_texts receives the number of groups. */
static sc_status distinct_text_df(const sc_corpus *c, uint32_t *text_df, size_t *n_texts) {
  const size_t n = c->docs.len, v = c->vocab.n;
  uint32_t *group = sc__mallocarray(n ? n : 1, sizeof(uint32_t));
  uint32_t *order = sc__mallocarray(n ? n : 1, sizeof(uint32_t));
  uint32_t *start = sc__calloc(n + 1, sizeof(uint32_t));
  uint32_t *last = sc__mallocarray(v ? v : 1, sizeof(uint32_t));
  sc_status st = group && order && start && last ? SC_OK : SC_E_NOMEM;
  if (st == SC_OK)
    st = sc_copy_groups(c->docs.items, n, c->opt.num_perm, c->opt.th.near_duplicate, group, n_texts);
  if (st == SC_OK) {
    /* Documents by group (counting sort), so that a term seen last in the
     * current group is not counted again. */
    for (size_t i = 0; i < n; i++) start[group[i] + 1]++;
    for (size_t g = 0; g < n; g++) start[g + 1] += start[g];
    for (size_t i = 0; i < n; i++) order[start[group[i]]++] = (uint32_t)i;
    for (size_t t = 0; t < v; t++) last[t] = UINT32_MAX;
    for (size_t k = 0; k < n; k++) {
      const sc_doc *d = c->docs.items[order[k]];
      const uint32_t g = group[order[k]];
      for (size_t j = 0; j < d->n_terms; j++)
        if (last[d->terms[j]] != g) {
          last[d->terms[j]] = g;
          text_df[d->terms[j]]++;
        }
    }
  }
  sc__free(last);
  sc__free(start);
  sc__free(order);
  sc__free(group);
  return st;
}

/* Term ids in the byte order of the stems. Every float sum over a text's
 * terms runs in id order, so this makes the figures of a pair depend on the
 * texts alone, to the last bit, never on the order the files came in. Ids
 * stay in order until a new term arrives. */
static sc_status canonical_term_ids(sc_corpus *c) {
  if (c->vocab.n == c->vocab_sorted) return SC_OK;
  size_t most = 0;
  for (size_t i = 0; i < c->docs.len; i++)
    if (c->docs.items[i]->n_terms > most) most = c->docs.items[i]->n_terms;
  uint32_t *map = sc__mallocarray(c->vocab.n, sizeof(uint32_t));
  uint64_t *scratch = sc__mallocarray(most ? 2 * most : 1, sizeof(uint64_t));
  sc_status st = map && scratch ? sc_strmap_sort(&c->vocab, map) : SC_E_NOMEM;
  if (st == SC_OK) {
    for (size_t i = 0; i < c->docs.len; i++) sc_doc_renumber(c->docs.items[i], map, scratch);
    c->vocab_sorted = c->vocab.n;
  }
  sc__free(scratch);
  sc__free(map);
  return st;
}

sc_status sc_corpus_build(sc_corpus *c) {
  SC_CHECK(!c, SC_E_INVALID_ARG);
  free_stats(c);
  c->built = 0;
  SC_TRY(restore_grams(c));
  SC_TRY(canonical_term_ids(c));
  const size_t v = c->vocab.n, n = c->docs.len;
  c->df = sc__calloc(v, sizeof(uint32_t));
  c->idf = sc__mallocarray(v, sizeof(float));
  c->term_hash = sc__mallocarray(v, sizeof(uint64_t));
  if (!c->df || !c->idf || !c->term_hash) {
    free_stats(c);
    return SC_E_NOMEM;
  }
  /* The IDF counts a group of copies and near-copies once (text_df): a
   * text repeated by a crawl or a feed would otherwise make its words
   * common and lower every other pair's scores. c->df counts every
   * document: the cosine's posting lists need the terms two documents
   * share, copies included, and so do the n-grams' (which keep that count
   * for their weights too). */
  uint32_t *text_df = sc__calloc(v ? v : 1, sizeof(uint32_t));
  size_t distinct = 0;
  sc_status st = text_df ? distinct_text_df(c, text_df, &distinct) : SC_E_NOMEM;
  for (size_t i = 0; i < n && st == SC_OK; i++) {
    const sc_doc *d = c->docs.items[i];
    for (size_t k = 0; k < d->n_terms; k++) c->df[d->terms[k]]++;
    st = sc_gramdf_add(&c->gram_df, d->grams, d->n_grams);
  }
  for (size_t t = 0; t < v && st == SC_OK; t++) {
    size_t len;
    const char *s = sc_strmap_key(&c->vocab, (uint32_t)t, &len);
    c->idf[t] = c->opt.background ? sc_idf_with_background(text_df[t], distinct, sc_background_df(s))
                                   : sc_idf(text_df[t], (double)distinct);
    c->term_hash[t] = sc_hash_word(s, len, c->keys.term);
  }
  sc__free(text_df);
  if (st != SC_OK) {
    free_stats(c);
    return st;
  }
  weigh_job wj = {c};
  SC_TRY(sc_parallel_for(n, 16, sc_threads_for(0, n / 16 + 1), weigh_range, &wj));
  c->built = 1;
  return SC_OK;
}

sc_status sc_corpus_get_options(const sc_corpus *c, sc_options *out, int *custom_key) {
  SC_CHECK(!c || !out, SC_E_INVALID_ARG);
  *out = c->opt;
  memset(out->key, 0, sizeof out->key);
  if (custom_key) {
    uint8_t def[SC_KEY_BYTES];
    SC_TRY(sc_keys_default(def));
    *custom_key = memcmp(def, c->opt.key, SC_KEY_BYTES) != 0;
  }
  return SC_OK;
}
