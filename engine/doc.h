/*
 * doc.h: one analysed document: everything the scorers need, computed once.
 *
 * Analysis (sc_doc_analyze) is a pure function of the text, the options and
 * the keys, so documents can be analysed on any thread. Content terms are
 * first numbered locally (per document); sc_doc_globalize renumbers them into
 * the corpus vocabulary when the document joins a corpus, and
 * sc_doc_weigh computes TF-IDF weights and SimHash once IDF is known.
 */
#ifndef SC_DOC_H
#define SC_DOC_H

#include "common/sc_internal.h"
#include "chargram.h"
#include "facts.h"
#include "keys.h"
#include "strmap.h"

typedef struct sc_doc_sentence {
  uint32_t src_start, src_end;  /* byte range in the original text          */
  uint32_t first, count;        /* its terms: doc->sent_terms[first, +count) */
  uint32_t words;               /* word tokens                              */
} sc_doc_sentence;

/* One occurrence of a term in a sentence, with its unnormalized weight. */
typedef struct sc_term_posting {
  uint32_t term, sentence;
  float w;
} sc_term_posting;

typedef struct sc_doc {
  char *name;                   /* owned copy                               */
  char *text;                   /* owned copy of the original bytes         */
  size_t bytes, words, invalid;
  int html;                     /* read as HTML (htmltext.h)                */
  uint8_t digest[32];           /* BLAKE2b-256 of the normalized text, line
                                   breaks read as spaces                    */

  uint64_t *shingles;           /* sorted, distinct                         */
  size_t n_shingles;
  uint32_t *sig;                /* MinHash registers (num_perm)             */

  /* Content terms (stemmed, stop words out): distinct ids and counts,
   * sorted by id once globalized. */
  uint32_t *terms, *tf;
  size_t n_terms;

  /* Sentences and their term multisets (id, count), sorted by id. */
  sc_doc_sentence *sent;
  size_t n_sent;
  uint32_t *sent_terms, *sent_tf;
  size_t n_sent_terms;
  uint64_t *facts;              /* sorted distinct hashes of names and
                                   numbers (facts.h)                       */
  size_t n_facts;
  uint64_t *mentions;           /* the facts and the capitalized words
                                   that open a sentence (names there, for
                                   all we know): where another text's facts
                                   are looked for, sorted distinct          */
  size_t n_mentions;
  uint64_t *word_set;           /* sorted distinct word hashes, all words:
                                   content words by stem, stop words too   */
  size_t n_word_set;

  /* Character n-grams (chargram.h): distinct hashes, sorted, with counts.
   * Only the corpus statistics and weighing read them, and they are most
   * of a document's memory (12 bytes for each of about 1.4 distinct
   * n-grams per byte of English text), so a built corpus drops them (NULL)
   * and a later build derives them from the text again
   * (sc_doc_restore_grams). */
  uint64_t *grams;
  uint32_t *gram_tf;
  size_t n_grams;

  sc_strmap stems;              /* local stem strings until globalized      */

  /* Set by sc_doc_weigh: */
  float *w;                     /* L2-normalized TF-IDF weight per term     */
  float *sent_w;                /* unnormalized TF-IDF weight per sentence term */
  float *sent_norm2;            /* squared norm per sentence                */
  float *sent_mass;             /* sum of idf per sentence: its information */
  double mass;                  /* the sum over sentences: the whole text's */
  float *sent_adj1, *sent_adj2; /* dot(s_j, s_j+1), dot(s_j, s_j+2)         */
  sc_term_posting *by_term;     /* every sentence term, sorted by term then
                                   sentence: the merge-join of alignment   */
  uint32_t *shared_slots;       /* the n-grams found in another document too
                                   (the only ones a dot product can use),
                                   as their slots in the corpus's n-gram
                                   table (sc_gramdf_slot), ascending       */
  float *shared_w;              /* and their L2-normalized TF-IDF weights   */
  size_t n_shared_grams;
  uint64_t simhash;
} sc_doc;

/* Per-thread scratch space and a stemmer (libstemmer is not thread-safe per
 * stemmer object). Thread-safety: single-owner. */
typedef struct sc_analyzer sc_analyzer;

sc_status sc_analyzer_create(sc_analyzer **out);
void sc_analyzer_free(sc_analyzer *az);

/* One analyzer per worker: *out is NULL on failure. */
sc_status sc_analyzers_create(unsigned n, sc_analyzer ***out);
void sc_analyzers_free(sc_analyzer **az, unsigned n);

/* The document's facts and mentions, as facts.h compares them. */
static inline sc_fact_sets sc_doc_facts(const sc_doc *d) {
  return (sc_fact_sets){d->facts, d->mentions, d->n_facts, d->n_mentions};
}

/** Analyses @p len bytes of @p text. Copies name and text.
 *  @return SC_OK, SC_E_EMPTY (no words), SC_E_TOO_LARGE, SC_E_NOMEM. */
sc_status sc_doc_analyze(sc_analyzer *az, const sc_options *o, const sc_keys *keys,
                         const char *name, const char *text, size_t len, sc_doc **out);

/* The copy-detection sketch of a text, without the paraphrase features:
 * what deduplication at scale needs. */
typedef struct sc_sketch {
  uint8_t digest[32];           /* BLAKE2b-256 of the normalized text, line
                                   breaks read as spaces                    */
  const uint64_t *shingles;     /* sorted distinct hashes, in the analyzer's
                                   scratch: valid until its next use        */
  size_t n_shingles;
  const uint32_t *high;         /* sc_sketch_text_high only: the high
                                   halves of the shingle hashes in text
                                   order, repeats included, in the
                                   analyzer's scratch                       */
  size_t n_high;
  size_t words, invalid;
} sc_sketch;

/** Normalizes, tokenizes and shingles @p text; fills @p sig (num_perm
 *  registers) and @p out. Much cheaper than sc_doc_analyze (no stemming,
 *  sentences or character n-grams).
 *  @return SC_OK, SC_E_EMPTY, SC_E_TOO_LARGE, SC_E_NOMEM. */
sc_status sc_sketch_text(sc_analyzer *az, const sc_options *o, const sc_keys *keys, const char *text, size_t len,
                         uint32_t *sig, sc_sketch *out);

/** Same sketch, but instead of the 64-bit shingle set @p out gets the high
 *  32 bits of every shingle hash, unsorted and with repeats (high, n_high;
 *  shingles is NULL): what sc_dedup stores. Sorting is left to whoever
 *  compares the set, since most documents of a large corpus never are.
 *  @return as sc_sketch_text. */
sc_status sc_sketch_text_high(sc_analyzer *az, const sc_options *o, const sc_keys *keys, const char *text,
                              size_t len, uint32_t *sig, sc_sketch *out);

/** Frees the document's character n-grams (grams = NULL). */
void sc_doc_drop_grams(sc_doc *d);

/** Derives dropped character n-grams from the document's text again, the
 *  same as its analysis found them; a no-op when they are there.
 *  @return SC_OK or SC_E_NOMEM. */
sc_status sc_doc_restore_grams(sc_analyzer *az, sc_doc *d);

/* A run of bytes of a document's original text. */
typedef struct sc_byte_span {
  size_t offset, length;
} sc_byte_span;
typedef SC_VEC(sc_byte_span) sc_byte_span_vec;

/** Appends to @p out where each fact of @p d (facts.h) that @p other lacks
 *  first occurs in d's original text, once per fact, in text order.
 *  @return SC_OK or SC_E_NOMEM. */
sc_status sc_doc_missing_facts(sc_analyzer *az, const sc_keys *keys, const sc_doc *d, const sc_doc *other,
                               sc_byte_span_vec *out);

/** Renumbers local term ids into @p vocab (interning the stems) and frees the
 *  local stem table. */
sc_status sc_doc_globalize(sc_doc *d, sc_strmap *vocab);

/** Renumbers global term ids through @p map (the vocabulary sorted again,
 *  sc_strmap_sort), keeping each list sorted by id. @p scratch holds
 *  2 * d->n_terms entries; so that a corpus can renumber every document or
 *  none, this cannot fail. */
void sc_doc_renumber(sc_doc *d, const uint32_t *map, uint64_t *scratch);

/** Computes TF-IDF weights, sentence vectors and SimHash from @p idf and the
 *  per-term SimHash feature hashes @p term_hash (both indexed by global id),
 *  and character n-gram weights from @p gram_df over @p n_docs documents. */
sc_status sc_doc_weigh(sc_doc *d, const float *idf, const uint64_t *term_hash, const sc_gramdf *gram_df,
                       size_t n_docs);

/** Frees what sc_doc_weigh computed (before weighing again, or at free). */
void sc_doc_free_weights(sc_doc *d);

void sc_doc_free(sc_doc *d);

#endif
