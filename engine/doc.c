/*
 * doc.c: document analysis, a pure function of the text: normalize,
 * tokenize, shingle, MinHash, content terms, sentences, shared-word and
 * fact sets, character n-grams; and the lighter sketch of deduplication
 * (see doc.h). Weighing with corpus statistics is weigh.c.
 */
#include "doc.h"

#include <libstemmer.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "minhash.h"
#include "htmltext.h"
#include "normalize.h"
#include "shingle.h"
#include "stopwords.h"
#include "tokenize.h"
#include "spelling.h"
#include "wordforms.h"

#define NOT_A_TERM UINT32_MAX

struct sc_analyzer {
  struct sb_stemmer *stemmer;
  sc_span_vec words;
  sc_sentence_vec sents;
  sc_u64_vec shingles;
  sc_u64_vec tmp;                 /* radix sort buffer                       */
  SC_VEC(uint32_t) high;         /* sketch: high halves of the shingle hashes */
  sc_normtext norm;               /* sketch: the normalized text, reused      */
  SC_VEC(uint32_t) word_term;     /* local term id per word, or NOT_A_TERM  */
  SC_VEC(uint32_t) surface_term;  /* local term id per distinct surface form */
  SC_VEC(uint32_t) scratch;       /* one sentence's term ids                 */
  SC_VEC(char) modern;            /* the text with modern word forms         */
  SC_VEC(char) gram_text;         /* that text as the character view reads it */
  sc_u64_vec mentions;            /* facts and sentence openers, unsorted     */
  sc_span_vec modern_words;       /* each word's span in that text           */
};

sc_status sc_analyzer_create(sc_analyzer **out) {
  SC_CHECK(!out, SC_E_INVALID_ARG);
  sc_analyzer *az = sc__calloc(1, sizeof(*az));
  SC_CHECK(!az, SC_E_NOMEM);
  az->stemmer = sb_stemmer_new("english", "UTF_8");
  if (!az->stemmer) {
    sc__free(az);
    return SC_E_DEPENDENCY;
  }
  *out = az;
  return SC_OK;
}

void sc_analyzer_free(sc_analyzer *az) {
  if (!az) return;
  sb_stemmer_delete(az->stemmer);
  SC_VEC_FREE(&az->words);
  SC_VEC_FREE(&az->sents);
  SC_VEC_FREE(&az->shingles);
  SC_VEC_FREE(&az->tmp);
  SC_VEC_FREE(&az->high);
  sc_normtext_free(&az->norm);
  SC_VEC_FREE(&az->word_term);
  SC_VEC_FREE(&az->modern);
  SC_VEC_FREE(&az->gram_text);
  SC_VEC_FREE(&az->mentions);
  SC_VEC_FREE(&az->modern_words);
  SC_VEC_FREE(&az->surface_term);
  SC_VEC_FREE(&az->scratch);
  sc__free(az);
}

sc_status sc_analyzers_create(unsigned n, sc_analyzer ***out) {
  SC_CHECK(!out, SC_E_INVALID_ARG);
  *out = NULL;
  sc_analyzer **az = sc__calloc(n ? n : 1, sizeof(sc_analyzer *));
  SC_CHECK(!az, SC_E_NOMEM);
  for (unsigned t = 0; t < n; t++) {
    const sc_status st = sc_analyzer_create(&az[t]);
    if (st != SC_OK) {
      sc_analyzers_free(az, t);
      return st;
    }
  }
  *out = az;
  return SC_OK;
}

void sc_analyzers_free(sc_analyzer **az, unsigned n) {
  for (unsigned t = 0; az && t < n; t++) sc_analyzer_free(az[t]);
  sc__free(az);
}

static int is_number(const char *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((w[i] < '0' || w[i] > '9') && w[i] != '.' && w[i] != ',') return 0;
  return 1;
}

/* Content term of a new word form (in modern spelling): stop words and
 * single letters are not terms; numbers are kept as they are (facts); words
 * are stemmed. */
static sc_status surface_to_term(sc_analyzer *az, sc_doc *d, const char *w, size_t n, uint32_t *term) {
  *term = NOT_A_TERM;
  if (sc_is_stopword(w, n)) return SC_OK;
  if (is_number(w, n)) return sc_strmap_intern(&d->stems, w, n, term, NULL);
  if (n < 2) return SC_OK;
  const sb_symbol *stem = sb_stemmer_stem(az->stemmer, (const sb_symbol *)w, (int)n);
  SC_CHECK(!stem, SC_E_NOMEM);
  const int slen = sb_stemmer_length(az->stemmer);
  return sc_strmap_intern(&d->stems, (const char *)stem, (size_t)slen, term, NULL);
}

static int cmp_u32(const void *a, const void *b) {
  const uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Content terms per word (az->modern_words in @p text, the text in modern
 * word forms), document term frequencies and sentence term multisets. */
static sc_status analyze_terms(sc_analyzer *az, sc_doc *d, const char *text) {
  sc_strmap surfaces = {0};
  sc_status st = SC_E_NOMEM;
  az->word_term.len = 0;
  az->surface_term.len = 0;
  SC_VEC_RESERVE(&az->word_term, az->words.len, fail);
  for (size_t i = 0; i < az->words.len; i++) {
    const sc_span w = az->modern_words.items[i];
    uint32_t sid;
    int added;
    st = sc_strmap_intern(&surfaces, text + w.start, w.end - w.start, &sid, &added);
    if (st != SC_OK) goto fail;
    if (added) {
      uint32_t term;
      st = surface_to_term(az, d, text + w.start, w.end - w.start, &term);
      if (st != SC_OK) goto fail;
      st = SC_E_NOMEM;
      SC_VEC_PUSH(&az->surface_term, term, fail);
    }
    az->word_term.items[az->word_term.len++] = az->surface_term.items[sid];
  }
  sc_strmap_free(&surfaces);

  st = SC_E_NOMEM;
  d->n_terms = d->stems.n;
  d->terms = sc__mallocarray(d->n_terms, sizeof(uint32_t));
  d->tf = sc__calloc(d->n_terms, sizeof(uint32_t));
  if (!d->terms || !d->tf) goto fail;
  for (size_t t = 0; t < d->n_terms; t++) d->terms[t] = (uint32_t)t;
  for (size_t i = 0; i < az->word_term.len; i++)
    if (az->word_term.items[i] != NOT_A_TERM) d->tf[az->word_term.items[i]]++;

  d->n_sent = az->sents.len;
  d->sent = sc__calloc(d->n_sent, sizeof(sc_doc_sentence));
  SC_VEC(uint32_t) ids = {0};
  SC_VEC(uint32_t) counts = {0};
  if (!d->sent) goto fail;
  for (size_t s = 0; s < az->sents.len; s++) {
    const sc_sentence se = az->sents.items[s];
    az->scratch.len = 0;
    for (uint32_t k = se.first; k < se.last; k++) {
      const uint32_t t = az->word_term.items[k];
      if (t != NOT_A_TERM) SC_VEC_PUSH(&az->scratch, t, fail_sent);
    }
    if (az->scratch.len > 1) qsort(az->scratch.items, az->scratch.len, sizeof(uint32_t), cmp_u32);
    d->sent[s].first = (uint32_t)ids.len;
    d->sent[s].words = se.last - se.first;
    for (size_t k = 0; k < az->scratch.len; k++) {
      if (k > 0 && az->scratch.items[k] == az->scratch.items[k - 1]) {
        counts.items[counts.len - 1]++;
        continue;
      }
      SC_VEC_PUSH(&ids, az->scratch.items[k], fail_sent);
      SC_VEC_PUSH(&counts, 1, fail_sent);
    }
    d->sent[s].count = (uint32_t)(ids.len - d->sent[s].first);
    /* src_start/src_end are filled by the caller, which has the offset map. */
  }
  d->sent_terms = ids.items;
  d->sent_tf = counts.items;
  d->n_sent_terms = ids.len;
  return SC_OK;
fail_sent:
  SC_VEC_FREE(&ids);
  SC_VEC_FREE(&counts);
fail:
  sc_strmap_free(&surfaces);
  return st;
}

/* The document's distinct word hashes: content words by their stem (a
 * rewrite changes inflections, and "sells" and "selling" are one word;
 * verse pair F1 0.9463 -> 0.9486), other words in
 * their modern form (stop words included: for translations and close
 * paraphrase the shared function-word skeleton is evidence too). Runs
 * after analyze_terms, whose local term ids name the stems. */
static sc_status word_set(sc_analyzer *az, sc_doc *d, const char *text, const sc_keys *keys) {
  az->shingles.len = 0;  /* hashed in scratch, kept once distinct */
  SC_VEC_RESERVE(&az->shingles, az->words.len, nomem);
  SC_VEC_RESERVE(&az->tmp, az->words.len, nomem);
  for (size_t k = 0; k < az->words.len; k++) {
    const sc_span w = az->modern_words.items[k];
    const uint32_t term = az->word_term.items[k];
    size_t n = w.end - w.start;
    const char *form = term != NOT_A_TERM ? sc_strmap_key(&d->stems, term, &n) : text + w.start;
    az->shingles.items[k] = sc_hash_word(form, n, keys->token);
  }
  d->n_word_set = sc_u64_sort_unique(az->shingles.items, az->words.len, az->tmp.items);
  d->word_set = sc__mallocarray(d->n_word_set ? d->n_word_set : 1, sizeof(uint64_t));
  SC_CHECK(!d->word_set, SC_E_NOMEM);
  memcpy(d->word_set, az->shingles.items, d->n_word_set * sizeof(uint64_t));
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}

/* @p v's hashes sorted and distinct, in a new array *out of *n. */
static sc_status sorted_set(sc_analyzer *az, sc_u64_vec *v, uint64_t **out, size_t *n) {
  if (v->len == 0) return SC_OK;
  SC_VEC_RESERVE(&az->tmp, v->len, nomem);
  *n = sc_u64_sort_unique(v->items, v->len, az->tmp.items);
  *out = sc__mallocarray(*n, sizeof(uint64_t));
  SC_CHECK(!*out, SC_E_NOMEM);
  memcpy(*out, v->items, *n * sizeof(uint64_t));
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}

/* The document's facts and mentions (facts.h), sorted and distinct. */
static sc_status fact_set(sc_analyzer *az, sc_doc *d, const char *text, const sc_normtext *nt, const sc_keys *keys) {
  az->shingles.len = 0;
  az->mentions.len = 0;
  SC_TRY(sc_facts(text, nt, az->words.items, az->words.len, az->sents.items, az->sents.len, keys->token,
                  &az->shingles, NULL, &az->mentions));
  for (size_t i = 0; i < az->shingles.len; i++) SC_VEC_PUSH(&az->mentions, az->shingles.items[i], nomem);
  SC_TRY(sorted_set(az, &az->shingles, &d->facts, &d->n_facts));
  return sorted_set(az, &az->mentions, &d->mentions, &d->n_mentions);
nomem:
  return SC_E_NOMEM;
}

/* BLAKE2b-256 of the normalized text with its line breaks read as spaces:
 * a copy wrapped at other columns, or with its paragraphs joined, is the
 * same text to a reader, so it is a duplicate, not a near-duplicate.
 * (Normalization has already folded every other whitespace run to one
 * space, and line breaks to "\n" or "\n\n".) */
static void text_digest(const sc_normtext *nt, uint8_t out[32]) {
  crypto_generichash_state st;
  crypto_generichash_init(&st, NULL, 0, 32);
  const char *p = nt->text, *end = nt->text + nt->len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) nl = end;
    crypto_generichash_update(&st, (const unsigned char *)p, (size_t)(nl - p));
    if (nl == end) break;
    crypto_generichash_update(&st, (const unsigned char *)" ", 1);
    p = nl;
    while (p < end && *p == '\n') p++;
  }
  crypto_generichash_final(&st, out, 32);
}

/* The copy-detection part of analysis, on text normalized into @p nt and
 * tokenized into az->words: BLAKE2b digest, sorted distinct shingle hashes
 * (left in az->shingles) and the MinHash signature. */
static sc_status sketch_tokens(sc_analyzer *az, const sc_options *o, const sc_keys *keys, const sc_normtext *nt,
                               uint32_t *sig, sc_sketch *out) {
  text_digest(nt, out->digest);
  az->shingles.len = 0;
  SC_TRY(sc_shingle_words(nt->text, az->words.items, az->words.len, o->shingle_k, keys, &az->shingles));
  SC_VEC_RESERVE(&az->tmp, az->shingles.len, nomem);
  out->n_shingles = sc_u64_sort_unique(az->shingles.items, az->shingles.len, az->tmp.items);
  out->shingles = az->shingles.items;
  sc_minhash_init(sig, o->num_perm);
  for (size_t i = 0; i < out->n_shingles; i++) sc_minhash_add(sig, o->num_perm, out->shingles[i]);
  sc_minhash_densify(sig, o->num_perm, keys->densify_seed);
  out->words = az->words.len;
  out->invalid = nt->invalid;
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}

/* What both sketches share: normalize (no offset map, into the analyzer's
 * buffer), digest, and word hashes straight from the normalized text (no
 * spans), left in az->shingles for the caller to turn into shingles. */
static sc_status sketch_words(sc_analyzer *az, const sc_keys *keys, sc_html_mode html, const char *text, size_t len,
                              sc_sketch *out) {
  memset(out, 0, sizeof(*out));
  SC_CHECK(len > SC_DOC_MAX_BYTES, SC_E_TOO_LARGE);
  const sc_normtext *nt = &az->norm;
  SC_TRY(sc_normalize_document_reuse(text, len, html, &az->norm));
  az->shingles.len = 0;
  SC_TRY(sc_word_hashes(nt->text, nt->len, keys->token, &az->shingles));
  if (az->shingles.len == 0) return SC_E_EMPTY;
  text_digest(nt, out->digest);
  out->words = az->shingles.len;
  out->invalid = nt->invalid;
  return SC_OK;
}

/* Shingles in place and MinHash over them unsorted (a minimum needs no
 * order, and repeats do not change it), then the sorted distinct set. */
sc_status sc_sketch_text(sc_analyzer *az, const sc_options *o, const sc_keys *keys, const char *text, size_t len,
                         uint32_t *sig, sc_sketch *out) {
  SC_TRY(sketch_words(az, keys, o->html, text, len, out));
  az->shingles.len = sc_shingle_in_place(az->shingles.items, az->shingles.len, o->shingle_k, keys);
  sc_minhash_init(sig, o->num_perm);
  for (size_t i = 0; i < az->shingles.len; i++) sc_minhash_add(sig, o->num_perm, az->shingles.items[i]);
  sc_minhash_densify(sig, o->num_perm, keys->densify_seed);
  SC_VEC_RESERVE(&az->tmp, az->shingles.len, nomem);
  out->n_shingles = sc_u64_sort_unique(az->shingles.items, az->shingles.len, az->tmp.items);
  out->shingles = az->shingles.items;
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}

/* Shingles, MinHash and high halves in one pass (sc_shingle_sketch). */
sc_status sc_sketch_text_high(sc_analyzer *az, const sc_options *o, const sc_keys *keys, const char *text,
                              size_t len, uint32_t *sig, sc_sketch *out) {
  SC_TRY(sketch_words(az, keys, o->html, text, len, out));
  az->high.len = 0;
  SC_VEC_RESERVE(&az->high, az->shingles.len, nomem);
  sc_minhash_init(sig, o->num_perm);
  out->n_high = sc_shingle_sketch(az->shingles.items, az->shingles.len, o->shingle_k, keys, sig, o->num_perm,
                                  az->high.items);
  sc_minhash_densify(sig, o->num_perm, keys->densify_seed);
  out->high = az->high.items;
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}

/* @p nt's text with every word that has a modern form (wordforms.h) or
 * an American spelling (spelling.h) replaced by it: @p nt's own text when
 * there is none, else a copy in the analyzer's scratch; and each word's
 * span in it (az->modern_words), so that later views read the modern forms
 * without looking them up again. */
static sc_status modern_text(sc_analyzer *az, const sc_normtext *nt, const char **out, size_t *out_len) {
  *out = nt->text;
  *out_len = nt->len;
  az->modern.len = 0;
  az->modern_words.len = 0;
  SC_VEC_RESERVE(&az->modern_words, az->words.len, nomem);
  size_t copied = 0;  /* bytes of nt->text already in az->modern */
  for (size_t k = 0; k < az->words.len; k++) {
    const sc_span w = az->words.items[k];
    char buf[SC_WORDFORM_MAX];
    size_t n;
    const char *form = sc_modern_form(nt->text + w.start, w.end - w.start, buf, &n);
    if (form == nt->text + w.start) {
      const char *american = sc_american_spelling(form, n, &n);
      if (american) form = american;
    }
    if (form == nt->text + w.start) {  /* copied later with the text around it */
      const uint32_t shift = (uint32_t)(az->modern.len - copied);
      az->modern_words.items[az->modern_words.len++] = (sc_span){w.start + shift, w.end + shift};
      continue;
    }
    SC_VEC_RESERVE(&az->modern, (w.start - copied) + n, nomem);
    memcpy(az->modern.items + az->modern.len, nt->text + copied, w.start - copied);
    az->modern.len += w.start - copied;
    az->modern_words.items[az->modern_words.len++] = (sc_span){(uint32_t)az->modern.len,
                                                               (uint32_t)(az->modern.len + n)};
    memcpy(az->modern.items + az->modern.len, form, n);
    az->modern.len += n;
    copied = w.end;
  }
  if (copied == 0) return SC_OK;
  SC_VEC_RESERVE(&az->modern, nt->len - copied, nomem);
  memcpy(az->modern.items + az->modern.len, nt->text + copied, nt->len - copied);
  az->modern.len += nt->len - copied;
  *out = az->modern.items;
  *out_len = az->modern.len;
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}

/* Character n-grams with counts (run lengths of the sorted hashes), over
 * the text in modern word forms without its punctuation. */
static sc_status count_grams(sc_analyzer *az, const char *modern_txt, size_t modern_len, sc_doc *d) {
  az->shingles.len = 0;
  SC_VEC_RESERVE(&az->gram_text, modern_len, nomem);
  az->gram_text.len = sc_chargram_text(modern_txt, az->modern_words.items, az->modern_words.len, az->gram_text.items);
  SC_TRY(sc_chargrams(az->gram_text.items, az->gram_text.len, &az->shingles));
  SC_VEC_RESERVE(&az->tmp, az->shingles.len, nomem);
  const uint64_t *g = az->shingles.items;
  const size_t n = az->shingles.len;
  sc_u64_sort(az->shingles.items, n, az->tmp.items);
  size_t distinct = 0;  /* about half of them: allocate only those */
  for (size_t i = 0; i < n; i++) distinct += i == 0 || g[i] != g[i - 1];
  d->grams = sc__mallocarray(distinct ? distinct : 1, sizeof(uint64_t));
  d->gram_tf = sc__mallocarray(distinct ? distinct : 1, sizeof(uint32_t));
  if (!d->grams || !d->gram_tf) goto nomem;
  d->n_grams = 0;
  for (size_t i = 0; i < n; i++) {
    if (d->n_grams && d->grams[d->n_grams - 1] == g[i]) {
      d->gram_tf[d->n_grams - 1]++;
    } else {
      d->grams[d->n_grams] = g[i];
      d->gram_tf[d->n_grams++] = 1;
    }
  }
  return SC_OK;
nomem:
  sc_doc_drop_grams(d);
  return SC_E_NOMEM;
}

void sc_doc_drop_grams(sc_doc *d) {
  sc__free(d->grams);
  sc__free(d->gram_tf);
  d->grams = NULL;
  d->gram_tf = NULL;
  d->n_grams = 0;
}

/* The text is kept, and analysis is a pure function of it: normalizing,
 * tokenizing and reading the modern forms again gives the same n-grams. */
sc_status sc_doc_restore_grams(sc_analyzer *az, sc_doc *d) {
  if (d->grams) return SC_OK;
  SC_TRY(sc_normalize_document_reuse(d->text, d->bytes, d->html ? SC_HTML_ALWAYS : SC_HTML_NEVER, &az->norm));
  az->words.len = 0;
  SC_TRY(sc_tokenize(&az->norm, &az->words, NULL));
  const char *modern_txt;
  size_t modern_len;
  SC_TRY(modern_text(az, &az->norm, &modern_txt, &modern_len));
  return count_grams(az, modern_txt, modern_len, d);
}

static int has_hash(const uint64_t *sorted, size_t n, uint64_t h) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (sorted[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && sorted[lo] == h;
}

sc_status sc_doc_missing_facts(sc_analyzer *az, const sc_keys *keys, const sc_doc *d, const sc_doc *other,
                               sc_byte_span_vec *out) {
  if (d->n_facts == 0) return SC_OK;
  sc_normtext nt;
  SC_TRY(sc_normalize_document(d->text, d->bytes, d->html ? SC_HTML_ALWAYS : SC_HTML_NEVER, 1, &nt, NULL));
  sc_span_vec where = {0};
  sc_u64_vec reported = {0};
  az->words.len = 0;
  az->sents.len = 0;
  az->shingles.len = 0;
  sc_status st = sc_tokenize(&nt, &az->words, &az->sents);
  if (st == SC_OK)
    st = sc_facts(d->text, &nt, az->words.items, az->words.len, az->sents.items, az->sents.len, keys->token,
                  &az->shingles, &where, NULL);
  for (size_t i = 0; st == SC_OK && i < az->shingles.len; i++) {
    const uint64_t h = az->shingles.items[i];
    if (has_hash(other->mentions, other->n_mentions, h)) continue;
    int seen = 0;  /* each fact once, where it first occurs; few are missing */
    for (size_t k = 0; k < reported.len && !seen; k++) seen = reported.items[k] == h;
    if (seen) continue;
    st = SC_E_NOMEM;
    SC_VEC_PUSH(&reported, h, done);
    const size_t start = nt.src[where.items[i].start], end = sc_src_end(&nt, d->text, where.items[i].end);
    SC_VEC_PUSH(out, ((sc_byte_span){start, end - start}), done);
    st = SC_OK;
  }
done:
  SC_VEC_FREE(&where);
  SC_VEC_FREE(&reported);
  sc_normtext_free(&nt);
  return st;
}

sc_status sc_doc_analyze(sc_analyzer *az, const sc_options *o, const sc_keys *keys, const char *name,
                         const char *text, size_t len, sc_doc **out) {
  *out = NULL;
  SC_CHECK(len > SC_DOC_MAX_BYTES, SC_E_TOO_LARGE);
  sc_normtext nt;
  int html;
  SC_TRY(sc_normalize_document(text, len, o->html, 1, &nt, &html));
  sc_status st = SC_E_NOMEM;
  sc_doc *d = sc__calloc(1, sizeof(*d));
  if (!d) goto done;
  d->html = html;
  d->name = sc__strdup(name ? name : "");
  d->text = sc__malloc(len + 1);
  if (!d->name || !d->text) goto done;
  if (len) memcpy(d->text, text, len);
  d->text[len] = '\0';
  d->bytes = len;
  d->invalid = nt.invalid;

  az->words.len = 0;
  az->sents.len = 0;
  if ((st = sc_tokenize(&nt, &az->words, &az->sents)) != SC_OK) goto done;
  d->words = az->words.len;
  if (d->words == 0) {
    st = SC_E_EMPTY;
    goto done;
  }
  d->sig = sc__mallocarray(o->num_perm, sizeof(uint32_t));
  st = SC_E_NOMEM;
  if (!d->sig) goto done;
  sc_sketch sk;
  if ((st = sketch_tokens(az, o, keys, &nt, d->sig, &sk)) != SC_OK) goto done;
  memcpy(d->digest, sk.digest, sizeof d->digest);
  d->n_shingles = sk.n_shingles;
  st = SC_E_NOMEM;
  d->shingles = sc__mallocarray(d->n_shingles, sizeof(uint64_t));
  if (!d->shingles) goto done;
  memcpy(d->shingles, sk.shingles, d->n_shingles * sizeof(uint64_t));

  const char *modern_txt;
  size_t modern_len;
  if ((st = modern_text(az, &nt, &modern_txt, &modern_len)) != SC_OK) goto done;
  if ((st = count_grams(az, modern_txt, modern_len, d)) != SC_OK) goto done;

  if ((st = analyze_terms(az, d, modern_txt)) != SC_OK) goto done;
  for (size_t s = 0; s < d->n_sent; s++) {
    d->sent[s].src_start = nt.src[az->sents.items[s].start];
    d->sent[s].src_end = (uint32_t)sc_src_end(&nt, text, az->sents.items[s].end);
  }
  if ((st = word_set(az, d, modern_txt, keys)) != SC_OK) goto done;
  if ((st = fact_set(az, d, text, &nt, keys)) != SC_OK) goto done;
  st = SC_OK;
done:
  sc_normtext_free(&nt);
  if (st != SC_OK) {
    sc_doc_free(d);
    return st;
  }
  *out = d;
  return SC_OK;
}

void sc_doc_free(sc_doc *d) {
  if (!d) return;
  sc__free(d->name);
  sc__free(d->text);
  sc__free(d->shingles);
  sc__free(d->sig);
  sc_doc_drop_grams(d);
  sc__free(d->shared_slots);
  sc__free(d->shared_w);
  sc__free(d->terms);
  sc__free(d->tf);
  sc__free(d->sent);
  sc__free(d->sent_terms);
  sc__free(d->sent_tf);
  sc__free(d->word_set);
  sc__free(d->facts);
  sc__free(d->mentions);
  sc_strmap_free(&d->stems);
  sc_doc_free_weights(d);
  sc__free(d);
}
