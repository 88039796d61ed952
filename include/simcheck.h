/*
 * simcheck.h: the public API of libsimcheck, a near-duplicate and paraphrase
 * detection engine.
 *
 * A corpus takes documents (UTF-8 text), turns each into sketches (word
 * shingles, MinHash, SimHash, content terms, sentences) and then scores pairs:
 * exact Jaccard and containment, MinHash estimate, SimHash similarity, TF-IDF
 * cosine and a sentence-alignment rewrite score, combined into one score in
 * [0,1] and a verdict (duplicate, near-duplicate, contains, rewrite, overlap,
 * related, unrelated).
 *
 *     sc_options opt;  sc_options_init(&opt);
 *     sc_corpus *c;    sc_corpus_create(&opt, &c);
 *     sc_corpus_add(c, "a.txt", text_a, len_a, NULL);
 *     sc_corpus_add(c, "b.txt", text_b, len_b, NULL);
 *     sc_corpus_build(c);
 *     sc_pair p;       sc_corpus_compare(c, 0, 1, &p);
 *     sc_corpus_free(c);
 *
 * Conventions: every fallible function returns sc_status and writes results
 * through pointers; a score is never an error code. Every _create has a _free
 * that accepts NULL. Input pointers are borrowed for the duration of the call;
 * anything kept is copied, and the function says so.
 */
#ifndef SIMCHECK_H
#define SIMCHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "simcheck_version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(SC_BUILDING_LIBRARY) && defined(__GNUC__)
#define SC_API __attribute__((visibility("default")))
#else
#define SC_API
#endif

/* ------------------------------------------------------------------------ */
/* Status codes. Values are pinned: append only, never renumber.           */

#define SC_STATUS_MAP(X)                                                      \
  X(OK, 0, "success")                                                         \
  X(E_INVALID_ARG, 1, "invalid argument")                                     \
  X(E_NOMEM, 2, "out of memory")                                              \
  X(E_RANGE, 3, "parameter out of range")                                     \
  X(E_BUFFER_SMALL, 4, "output buffer too small")                             \
  X(E_INCOMPATIBLE, 5, "built with different parameters")                     \
  X(E_FORMAT, 6, "malformed data")                                            \
  X(E_IO, 7, "I/O error")                                                     \
  X(E_DEPENDENCY, 8, "dependency failed to initialise")                       \
  X(E_BINARY, 9, "binary file (contains NUL bytes)")                          \
  X(E_EMPTY, 10, "no words in the text")                                      \
  X(E_STATE, 11, "call out of order (corpus not built)")                      \
  X(E_TOO_LARGE, 12, "document larger than 4 GiB")

/* The longest document, in bytes: a longer text gives SC_E_TOO_LARGE
 * (offsets into a text are 32-bit). A reader of a stream may stop once it
 * has passed this. */
#define SC_DOC_MAX_BYTES ((size_t)UINT32_MAX - 1)

typedef enum sc_status {
#define SC_STATUS_ENUM_(name, value, text) SC_##name = value,
  SC_STATUS_MAP(SC_STATUS_ENUM_)
#undef SC_STATUS_ENUM_
} sc_status;

/** @return a static description of @p s; never NULL, never to be freed. */
SC_API const char *sc_strerror(sc_status s);

/** @return SC_VERSION_NUMBER of the library actually linked (catches a
 *  header/library mismatch). */
SC_API unsigned sc_version_number(void);

/* ------------------------------------------------------------------------ */
/* Verdicts and metrics.                                                   */

/* Verdicts, from strongest to weakest. Decided in this order (first match):
 *   duplicate       same normalized text, layout aside (BLAKE2b digest)
 *   near-duplicate  word-shingle Jaccard >= th.near_duplicate
 *   contains        one side holds >= th.contains of the other's shingles
 *   rewrite         rewrite score >= th.rewrite (same content, other words)
 *   overlap         shares >= th.overlap_shingles shingles (passages)
 *   related         TF-IDF cosine >= th.related (same topic)
 *   unrelated       none of the above                                      */
#define SC_VERDICT_MAP(X)                                                     \
  X(UNRELATED, 0, "unrelated")                                                \
  X(RELATED, 1, "related")                                                    \
  X(OVERLAP, 2, "overlap")                                                    \
  X(REWRITE, 3, "rewrite")                                                    \
  X(CONTAINS, 4, "contains")                                                  \
  X(NEAR_DUPLICATE, 5, "near-duplicate")                                      \
  X(DUPLICATE, 6, "duplicate")

typedef enum sc_verdict {
#define SC_VERDICT_ENUM_(name, value, text) SC_VERDICT_##name = value,
  SC_VERDICT_MAP(SC_VERDICT_ENUM_)
#undef SC_VERDICT_ENUM_
} sc_verdict;

/** @return the verdict's name as printed in reports ("near-duplicate"). */
SC_API const char *sc_verdict_name(sc_verdict v);

/* Per-pair figures, in the order CSV columns use. */
#define SC_METRIC_MAP(X)                                                      \
  X(SCORE, "score", "combined score")                                         \
  X(JACCARD, "jaccard", "exact Jaccard of word shingle sets")                 \
  X(CONTAINMENT_AB, "containment_ab", "share of a's shingles found in b")     \
  X(CONTAINMENT_BA, "containment_ba", "share of b's shingles found in a")     \
  X(MINHASH, "minhash", "MinHash estimate of the Jaccard")                    \
  X(SIMHASH, "simhash", "1 - Hamming distance / 64 of TF-IDF SimHash")        \
  X(COSINE, "cosine", "TF-IDF cosine of content terms")                       \
  X(CHARS, "chars", "TF-IDF cosine of character 3-5-grams")                   \
  X(WORDS, "words", "distinct words in common over the larger vocabulary")    \
  X(FACTS, "facts", "share of the fewer names and numbers found in the other") \
  X(REWRITE, "rewrite", "sentence-alignment rewrite score")

typedef enum sc_metric {
#define SC_METRIC_ENUM_(name, text, help) SC_METRIC_##name,
  SC_METRIC_MAP(SC_METRIC_ENUM_)
#undef SC_METRIC_ENUM_
  SC_METRIC_COUNT
} sc_metric;

/** @return the metric's column name ("containment_ab"). */
SC_API const char *sc_metric_name(sc_metric m);
/** @return a one-line description of the metric, for legends and --help. */
SC_API const char *sc_metric_help(sc_metric m);
/** Looks a metric up by column name.
 *  @return SC_OK, or SC_E_INVALID_ARG if @p name names no metric. */
SC_API sc_status sc_metric_from_name(const char *name, sc_metric *out);

/* Everything known about one pair. Directed figures are from a to b. */
typedef struct sc_pair {
  uint32_t a, b;             /* document ids, a < b in lists               */
  double score;              /* combined score in [0,1]                    */
  sc_verdict verdict;
  double jaccard;            /* exact, on word k-shingle sets              */
  double containment_ab;     /* |A n B| / |A|                              */
  double containment_ba;     /* |A n B| / |B|                              */
  double minhash;            /* MinHash estimate of jaccard                */
  double simhash;            /* 1 - hamming/64                             */
  double cosine;             /* TF-IDF cosine of content terms             */
  double chars;              /* TF-IDF cosine of character 3-5-grams       */
  double words;              /* |Wa n Wb| / max(|Wa|, |Wb|), distinct words
                                (content words by stem)                    */
  double facts;              /* names and numbers: (|Fa n Fb| + 1) /
                                (min(|Fa|, |Fb|) + 1)                       */
  double rewrite;            /* sentence-alignment rewrite score           */
  double coverage_ab;        /* share of a's content matched by b's sentences */
  double coverage_ba;        /* share of b's content matched by a's sentences */
  double order;              /* order preservation of the aligned sentences */
  uint32_t shared_shingles;  /* |A n B|                                    */
  int summary;               /* rewrite verdict: one side much shorter
                                (under 60% of the other's words, as
                                sc_doc_info.words counts them), its content
                                drawn from all of the other, or condensed
                                from one part of it                        */
  int within;                /* rewrite verdict: that shorter side's
                                content one passage of the other, at about
                                that passage's length                      */
  double extent;             /* for those two: the share of the longer
                                side's sentences that hold the middle 80%
                                of the shorter side's counterparts; else 1 */
  double compression;        /* for those two: the shorter side's words
                                over those of the longer side's sentences
                                in that span; else 1                       */
} sc_pair;

/** @return figure @p m of @p p (SC_METRIC_SCORE gives p->score); 0 for
 *  NULL or an unknown metric. */
SC_API double sc_pair_metric(const sc_pair *p, sc_metric m);

/* ------------------------------------------------------------------------ */
/* Options.                                                                */

#define SC_KEY_BYTES 32
/** @return SC_KEY_BYTES, for bindings. */
SC_API size_t sc_key_bytes(void);

/* Verdict thresholds; defaults in brackets are set by sc_options_init and
 * were calibrated on the sample corpus and the development rewrites (see
 * README). */
typedef struct sc_thresholds {
  double near_duplicate;     /* Jaccard for near-duplicate [0.5]             */
  double contains;           /* containment of one side for contains [0.6]   */
  double rewrite;            /* rewrite score for rewrite [0.44]             */
  uint32_t overlap_shingles; /* shared shingles for overlap [8]              */
  double related;            /* TF-IDF cosine for related [0.1]              */
} sc_thresholds;

/* Whether a text is read as HTML (tags, comments, scripts and styles
 * dropped, character references decoded; offsets still point into the
 * markup). */
typedef enum sc_html_mode {
  SC_HTML_AUTO = 0,             /* when it looks like an HTML document      */
  SC_HTML_ALWAYS = 1,
  SC_HTML_NEVER = 2
} sc_html_mode;

typedef struct sc_options {
  uint32_t shingle_k;           /* words per shingle, 1..16 [5]             */
  uint32_t num_perm;            /* MinHash registers, 8..4096 [128]         */
  uint8_t key[SC_KEY_BYTES];    /* master key for every hash seed [public]  */
  int background;               /* pool IDF with the shipped background
                                   English frequencies [1]; 0: corpus only  */
  sc_thresholds th;
  sc_html_mode html;            /* [SC_HTML_AUTO]                           */
} sc_options;

/** Fills @p o with the documented defaults, including the fixed public key
 *  (reproducible output). */
SC_API void sc_options_init(sc_options *o);

/** Checks every field of @p o against its range.
 *  @return SC_OK, SC_E_INVALID_ARG (NULL) or SC_E_RANGE (the first field out
 *  of range; nothing is clamped). */
SC_API sc_status sc_options_check(const sc_options *o);

/** Parses a key file's contents: exactly 32 raw bytes, or 64 hex digits
 *  optionally followed by a newline (LF or CR LF).
 *  @return SC_OK, SC_E_INVALID_ARG (NULL) or SC_E_FORMAT. */
SC_API sc_status sc_key_parse(const void *data, size_t len,
                              uint8_t key[SC_KEY_BYTES]);

/* ------------------------------------------------------------------------ */
/* Corpus.                                                                 */

/* A set of analysed documents and the statistics (IDF) across them.
 * Thread-safety: single-owner while documents are added; after
 * sc_corpus_build() it is immutable and sc_corpus_compare/_pairs may run
 * concurrently. */
typedef struct sc_corpus sc_corpus;

/** Creates an empty corpus. Copies @p o.
 *  @return SC_OK, SC_E_INVALID_ARG, SC_E_RANGE, SC_E_NOMEM, SC_E_DEPENDENCY
 *  (libsodium or libstemmer failed to initialise). */
SC_API sc_status sc_corpus_create(const sc_options *o, sc_corpus **out);

/** Frees @p c and wipes its key. NULL is a no-op. */
SC_API void sc_corpus_free(sc_corpus *c);

/* One input text for sc_corpus_add_batch; all pointers borrowed. */
typedef struct sc_text {
  const char *name;          /* label used in reports (path or id)          */
  const char *data;          /* bytes, UTF-8 expected; need not be NUL-terminated */
  size_t len;
} sc_text;

/** Analyses @p n texts on up to @p threads threads (0: one per core) and adds
 *  the usable ones in input order, so ids do not depend on the thread count.
 *  Copies names and texts. A text that cannot be used (no words, too large)
 *  is skipped and its reason stored in @p status[i] (may be NULL); it is not
 *  an error of the batch.
 *  @return SC_OK, or SC_E_NOMEM / SC_E_INVALID_ARG for the whole call. */
SC_API sc_status sc_corpus_add_batch(sc_corpus *c, const sc_text *texts,
                                     size_t n, unsigned threads,
                                     sc_status *status);

/** Adds one document; same as a batch of one. @p out_id may be NULL.
 *  @return SC_OK, SC_E_EMPTY (no words; not added), SC_E_TOO_LARGE,
 *  SC_E_NOMEM, SC_E_INVALID_ARG. */
SC_API sc_status sc_corpus_add(sc_corpus *c, const char *name,
                               const char *text, size_t len, uint32_t *out_id);

/** Copies the corpus's options into @p out with the key zeroed (the key
 *  never leaves the corpus); *custom_key (may be NULL) is 1 when the key is
 *  not the public default.
 *  @return SC_OK or SC_E_INVALID_ARG. */
SC_API sc_status sc_corpus_get_options(const sc_corpus *c, sc_options *out, int *custom_key);

/** @return the number of documents added. */
SC_API size_t sc_corpus_size(const sc_corpus *c);

typedef struct sc_doc_info {
  const char *name;          /* owned by the corpus                         */
  size_t bytes;              /* original length                             */
  size_t words;              /* word tokens                                 */
  size_t sentences;
  size_t shingles;           /* distinct word k-shingles                    */
  const uint64_t *shingle_hashes; /* their keyed hashes, sorted: the sets
                                the pair figures jaccard and containment
                                come from (for exact reference values)    */
  size_t invalid_utf8;       /* invalid byte sequences replaced by U+FFFD   */
  uint8_t digest[32];        /* BLAKE2b-256 of the normalized text, line
                                breaks read as spaces                      */
  int html;                  /* read as HTML (sc_options.html)              */
} sc_doc_info;

/** Describes document @p id. Pointers in @p out live as long as @p c.
 *  @return SC_OK or SC_E_INVALID_ARG (bad id). */
SC_API sc_status sc_corpus_doc_info(const sc_corpus *c, uint32_t id,
                                    sc_doc_info *out);

/** Computes corpus statistics (IDF, TF-IDF vectors, SimHash). Call after the
 *  last add and before any comparison; calling it again after more adds
 *  recomputes everything. A pair's figures depend on the set of texts, not
 *  on the order they were added: the same to the last bit.
 *  @return SC_OK, SC_E_NOMEM. */
SC_API sc_status sc_corpus_build(sc_corpus *c);

/** Scores one pair (a and b may come in any order; figures are directed
 *  from a to b).
 *  @return SC_OK, SC_E_INVALID_ARG, SC_E_STATE (not built), SC_E_NOMEM. */
SC_API sc_status sc_corpus_compare(const sc_corpus *c, uint32_t a, uint32_t b,
                                   sc_pair *out);

typedef struct sc_pairs_options {
  unsigned threads;          /* 0: one per core                             */
  uint32_t top_k;            /* keep each document's K best partners [0: all] */
  double min_score;          /* drop pairs below [0]                        */
  /* Called now and then while pairs are scored, always on the calling
   * thread, with the pairs scored so far and the number to score, and
   * once more with both equal at the end [NULL]. */
  void (*progress)(void *user, size_t done, size_t total);
  void *progress_user;
} sc_pairs_options;

/** Scores every unordered pair (a < b), keeps those that pass @p po, and
 *  returns them sorted by score (descending), then a, then b. The TF-IDF
 *  cosines of all pairs come from blocked cblas_sgemm or, for short texts
 *  over a large vocabulary, from posting lists (whichever costs less); with
 *  a top-K only each document's 2K+8 best cosine partners are scored fully,
 *  and the N x N matrix is never held. Each listed pair has the figures
 *  sc_corpus_compare gives it, bit for bit.
 *  Ownership: *out is freed with sc_pairs_free.
 *  @return SC_OK, SC_E_INVALID_ARG, SC_E_STATE, SC_E_NOMEM. */
SC_API sc_status sc_corpus_pairs(const sc_corpus *c, const sc_pairs_options *po,
                                 sc_pair **out, size_t *n_out);

/** Frees a list from sc_corpus_pairs. NULL is a no-op. */
SC_API void sc_pairs_free(sc_pair *pairs);

/** Gives the original bytes of document @p id (owned by the corpus, valid
 *  as long as it). @return SC_OK or SC_E_INVALID_ARG. */
SC_API sc_status sc_corpus_doc_text(const sc_corpus *c, uint32_t id, const char **text, size_t *len);

/* One sentence of document a and its best counterpart in b: one sentence or
 * a run of two or three consecutive ones (summaries fuse sentences). Offsets
 * and lengths are bytes into the original texts. */
typedef struct sc_sentence_pair {
  uint32_t a_sentence;       /* index among a's sentences                   */
  size_t a_offset, a_length;
  uint32_t b_first, b_count; /* b's sentences [b_first, b_first + b_count)  */
  size_t b_offset, b_length;
  double similarity;         /* cosine of content terms                     */
} sc_sentence_pair;

/** Aligns every sentence of @p a with its best counterpart in @p b and
 *  returns those at or above @p min_similarity, in a's order.
 *  Ownership: *out is freed with sc_sentence_pairs_free.
 *  @return SC_OK, SC_E_INVALID_ARG, SC_E_STATE (not built), SC_E_NOMEM. */
SC_API sc_status sc_corpus_align(const sc_corpus *c, uint32_t a, uint32_t b, double min_similarity,
                                 sc_sentence_pair **out, size_t *n_out);

/** Frees a list from sc_corpus_align. NULL is a no-op. */
SC_API void sc_sentence_pairs_free(sc_sentence_pair *p);

/* A passage the two documents share: a run of words found in both, allowing
 * small edits inside. Offsets and lengths are bytes into the original texts
 * (as in the PAN text-alignment convention). */
typedef struct sc_passage {
  size_t a_offset, a_length;
  size_t b_offset, b_length;
  uint32_t words;            /* words in the passage, on the longer side    */
  double similarity;         /* matched words / words, in (0,1]             */
} sc_passage;

/** Finds the passages @p a and @p b share, of at least @p min_words words
 *  (0: the default, 8), in a's order. Every shared run of 8 or more words is
 *  found.
 *  Ownership: *out is freed with sc_passages_free.
 *  @return SC_OK, SC_E_INVALID_ARG, SC_E_NOMEM. */
SC_API sc_status sc_corpus_passages(const sc_corpus *c, uint32_t a, uint32_t b, uint32_t min_words,
                                    sc_passage **out, size_t *n_out);

/** Frees a list from sc_corpus_passages. NULL is a no-op. */
SC_API void sc_passages_free(sc_passage *p);

/* A name or number of one document of a pair that the other lacks: what
 * lowers the `facts` figure, which counts those of the side with fewer
 * facts. Offset and length are bytes into that document's original text. */
typedef struct sc_missing_fact {
  int in_b;                  /* 0: a fact of a missing from b; 1: of b, from a */
  size_t offset, length;
} sc_missing_fact;

/** Lists the facts of @p a missing from @p b (in a's order, each once,
 *  where it first occurs), then those of @p b missing from @p a.
 *  Ownership: *out is freed with sc_missing_facts_free.
 *  @return SC_OK, SC_E_INVALID_ARG, SC_E_NOMEM, SC_E_DEPENDENCY. */
SC_API sc_status sc_corpus_missing_facts(const sc_corpus *c, uint32_t a, uint32_t b, sc_missing_fact **out,
                                         size_t *n_out);

/** Frees a list from sc_corpus_missing_facts. NULL is a no-op. */
SC_API void sc_missing_facts_free(sc_missing_fact *p);

/** Dense all-pairs TF-IDF cosine: fills @p out (n*n, row-major, n =
 *  sc_corpus_size) through blocked cblas_sgemm. Exposed for tests and
 *  benchmarks.
 *  @return SC_OK, SC_E_STATE, SC_E_NOMEM. */
SC_API sc_status sc_corpus_cosine_matrix(const sc_corpus *c, float *out);

/* ------------------------------------------------------------------------ */
/* Clusters.                                                               */

/** Groups documents linked by pairs whose verdict is at least @p min_verdict
 *  (verdicts are ordered from unrelated to duplicate) and whose score is at
 *  least @p min_score, by union-find over those edges (transitive closure).
 *  cluster_of[i] receives the smallest document id in i's cluster, so a
 *  document alone has cluster_of[i] == i; the result does not depend on the
 *  order of @p pairs.
 *  @return SC_OK, SC_E_INVALID_ARG (a pair names an id >= n_docs),
 *  SC_E_NOMEM. */
SC_API sc_status sc_cluster_pairs(size_t n_docs, const sc_pair *pairs, size_t n_pairs, sc_verdict min_verdict,
                                  double min_score, uint32_t *cluster_of);

/* ------------------------------------------------------------------------ */
/* Deduplication at scale.                                                 */

/* Near-duplicate clustering of large corpora (10^6 documents and more):
 * each document is reduced to its BLAKE2b digest, MinHash band keys and its
 * sorted shingle set (spilled to an unlinked temporary file, read back only
 * to verify candidates), so memory grows with the number of documents, not
 * with the text. Exact duplicates are grouped by digest first; LSH banding
 * proposes candidates; each candidate is verified by exact Jaccard on the
 * stored shingle sets (no false pair is reported); union-find makes
 * clusters. Results do not depend on the thread count.
 * Thread-safety: single-owner, but for sc_dedup_help. */
typedef struct sc_dedup sc_dedup;

typedef struct sc_dedup_options {
  double threshold;          /* shingle Jaccard that links two documents [0.8] */
  int keep_longest;          /* representative: 0 the first, 1 the longest [0] */
  unsigned threads;          /* 0: one per core                              */
  const char *tmp_dir;       /* for the shingle store [NULL: $TMPDIR or /tmp] */
} sc_dedup_options;

/** Fills @p d with the documented defaults. */
SC_API void sc_dedup_options_init(sc_dedup_options *d);

/** Creates a deduplicator. Copies @p o and @p d (not the tmp_dir string,
 *  used only here). Stops OpenBLAS's idle worker threads, which
 *  deduplication never uses (the next BLAS call starts them again).
 *  @return SC_OK, SC_E_INVALID_ARG, SC_E_RANGE (threshold not in (0,1), or
 *  below sc_dedup_min_threshold(o->num_perm)), SC_E_IO (no temporary file),
 *  SC_E_NOMEM, SC_E_DEPENDENCY. */
SC_API sc_status sc_dedup_create(const sc_options *o, const sc_dedup_options *d, sc_dedup **out);

/** The lowest threshold @p num_perm permutations can serve: LSH banding
 *  must find a pair at the threshold with probability 0.95 or more, and
 *  one band of one row does at 1 - 0.05^(1/num_perm) (0.023 at 128). */
SC_API double sc_dedup_min_threshold(uint32_t num_perm);

/** Frees @p d and its temporary store. NULL is a no-op. */
SC_API void sc_dedup_free(sc_dedup *d);

/** Sketches @p n texts in parallel and adds the usable ones in input order
 *  (copies names; texts are not kept). @p status[i] (may be NULL) tells why
 *  a text was skipped (SC_E_EMPTY, SC_E_TOO_LARGE); @p invalid_utf8[i] (may
 *  be NULL) counts the invalid UTF-8 sequences replaced by U+FFFD in a
 *  text added (as sc_doc_info.invalid_utf8).
 *  @return SC_OK, SC_E_INVALID_ARG (NULL, or a text with no data but a
 *  length; nothing added), SC_E_NOMEM, SC_E_IO (the store cannot be
 *  written), SC_E_STATE (after sc_dedup_run). */
SC_API sc_status sc_dedup_add_batch(sc_dedup *d, const sc_text *texts, size_t n, sc_status *status,
                                    size_t *invalid_utf8);

/** Lets the calling thread sketch texts of the batch that another thread
 *  is adding with sc_dedup_add_batch, if any, until all its texts are
 *  taken; returns at once if there is none (or another thread is helping
 *  already). For a reader that has read the next batch: instead of
 *  blocking while the batch is sketched, leaving its core idle until the
 *  scheduler moves a worker there, it keeps the core busy. The only call
 *  that may run concurrently with sc_dedup_add_batch on the same @p d.
 *  @return SC_OK or SC_E_INVALID_ARG; sketching failures are reported by
 *  sc_dedup_add_batch. */
SC_API sc_status sc_dedup_help(sc_dedup *d);

/** Finds the clusters. Call once, after the last add.
 *  @return SC_OK, SC_E_NOMEM, SC_E_IO, SC_E_STATE (called twice). */
SC_API sc_status sc_dedup_run(sc_dedup *d);

/** @return the number of documents added. */
SC_API size_t sc_dedup_size(const sc_dedup *d);

typedef struct sc_dedup_doc {
  const char *name;          /* owned by the deduplicator                   */
  uint32_t representative;   /* index of its cluster's kept document (itself
                                when kept or alone)                         */
  uint32_t cluster;          /* 1, 2, ... in order of first member; 0 alone  */
  uint32_t cluster_size;     /* 1 when alone                                */
  double similarity;         /* exact shingle Jaccard with the representative,
                                kept in single precision (7 digits)        */
  int exact_duplicate;       /* same normalized text as the representative  */
} sc_dedup_doc;

/** Describes document @p i after sc_dedup_run.
 *  @return SC_OK, SC_E_INVALID_ARG, SC_E_STATE (not run). */
SC_API sc_status sc_dedup_doc_info(const sc_dedup *d, uint32_t i, sc_dedup_doc *out);

typedef struct sc_dedup_stats {
  size_t documents;          /* added                                       */
  size_t exact_duplicates;   /* removed as copies of the normalized text    */
  size_t candidates;         /* distinct candidate pairs from LSH           */
  size_t verified;           /* candidates at or above the threshold        */
  size_t clusters;           /* clusters of two or more documents           */
  size_t removed;            /* documents not kept                          */
  uint32_t bands, rows;      /* LSH banding                                 */
  double p_at_threshold;     /* P(candidate) at the threshold               */
} sc_dedup_stats;

/** @return SC_OK or SC_E_INVALID_ARG. */
SC_API sc_status sc_dedup_get_stats(const sc_dedup *d, sc_dedup_stats *out);


/* ------------------------------------------------------------------------ */
/* Reading inputs.                                                         */

/* Called once per readable document; @p data is valid during the call only.
 * Return SC_OK to go on, anything else to stop the walk with that status. */
typedef sc_status (*sc_read_doc_fn)(void *user, const char *path,
                                    const char *data, size_t len);
/* Called for each path skipped, with the reason and a short detail
 * ("No such file or directory", "NUL byte at offset 12"). */
typedef void (*sc_read_skip_fn)(void *user, const char *path, sc_status why,
                                const char *detail);

/** Reads @p path: a file, a directory (recursively, in byte order of names,
 *  hidden entries and the names listed in a directory's .simcheckignore
 *  skipped silently, symbolic links followed) or "-" for standard
 *  input. Binary files (a NUL byte), unreadable files and dangling links are
 *  reported through @p on_skip and skipped.
 *  @return SC_OK if the walk finished (even with skips), SC_E_IO if @p path
 *  itself cannot be read (also reported through on_skip), or what @p on_doc
 *  returned to stop. */
SC_API sc_status sc_read_path(const char *path, sc_read_doc_fn on_doc,
                              sc_read_skip_fn on_skip, void *user);

/* Called once per JSONL record: its id (the id field, or "FILE:LINE" when
 * absent, empty, holding a NUL or neither a string nor a number; a number
 * keeps its literal text), its unescaped text (an escaped surrogate without
 * its pair comes as the byte 0xFF, invalid UTF-8 that analysis replaces and
 * counts), the raw line (without the newline, and without the byte order
 * mark of a file's first line) and where it is ("FILE:LINE", for messages),
 * all valid during the call only. Return SC_OK to go on. */
typedef sc_status (*sc_record_fn)(void *user, const char *id, const char *text, size_t len,
                                  const char *line, size_t line_len, const char *where);

/** Streams the JSON Lines file @p path ("-": standard input): one object
 *  per line with the document id in @p id_field and its text in
 *  @p text_field (NULL: "id" and "text"). A malformed line, one without the
 *  text field or with a non-string text, is reported through @p on_skip as
 *  "PATH:LINE" with the reason, and skipped; blank lines are skipped.
 *  Memory grows with the longest line, not with the file.
 *  @return SC_OK, SC_E_IO (the file cannot be read; also reported), SC_E_NOMEM
 *  or what @p on_record returned to stop. */
SC_API sc_status sc_read_jsonl(const char *path, const char *id_field, const char *text_field,
                               sc_record_fn on_record, sc_read_skip_fn on_skip, void *user);

/* ------------------------------------------------------------------------ */
/* Reports.                                                                */

typedef enum sc_format {
  SC_FORMAT_TABLE,           /* terminal grid + pair list                   */
  SC_FORMAT_CSV,             /* one row per pair, header first: a, b,
                                score, verdict, the figures in sc_metric
                                order, then note ("a summarizes b", "b
                                within a", ... or empty)                    */
  SC_FORMAT_JSON,            /* documents, parameters, pairs                */
  SC_FORMAT_HTML             /* one self-contained page: heatmap, clusters,
                                texts side by side with passages highlighted */
} sc_format;

typedef struct sc_report_options {
  sc_format format;
  sc_metric metric;          /* what the table grid shows [score]           */
  unsigned width;            /* terminal columns for text output [100]      */
  const sc_pairs_options *pairs; /* recorded in JSON parameters; may be NULL */
  size_t max_rows;           /* table: at most this many documents and pairs
                                listed, the rest counted [0: all]           */
} sc_report_options;

/* The evidence behind one pair, for sc_report_compare; all borrowed. */
typedef struct sc_pair_detail {
  const sc_passage *passages;        /* from sc_corpus_passages           */
  size_t n_passages;
  const sc_sentence_pair *sentences; /* from sc_corpus_align              */
  size_t n_sentences;
  int colour;                        /* text format: ANSI colour (a tty)  */
  unsigned width;                    /* text format: terminal columns     */
} sc_pair_detail;

/** Writes one pair in detail: the figures, the verdict with the reasons
 *  that decided it, the shared passages side by side and the aligned
 *  sentences, as text (SC_FORMAT_TABLE), JSON (SC_FORMAT_JSON) or one
 *  self-contained HTML page (SC_FORMAT_HTML; the pair view of
 *  sc_report_html).
 *  @return SC_OK, SC_E_INVALID_ARG (or CSV asked), SC_E_IO. */
SC_API sc_status sc_report_compare(FILE *out, const sc_corpus *c, const sc_pair *p,
                                   const sc_pair_detail *detail, sc_format format);

/** Writes the clusters of two or more documents found by sc_dedup_run, in
 *  @p ro->format: a list per cluster (SC_FORMAT_TABLE; at most
 *  @p ro->max_rows clusters when not 0, the rest counted), CSV
 *  `id,cluster,size,representative` with one row per clustered document,
 *  JSON, or a self-contained HTML page. Other fields of @p ro are unused.
 *  @return SC_OK, SC_E_INVALID_ARG, SC_E_STATE (not run), SC_E_NOMEM,
 *  SC_E_IO. */
SC_API sc_status sc_report_clusters(FILE *out, const sc_dedup *d, const sc_report_options *ro);

/* The three writers below do nothing when @p out or @p s is NULL. */

/** Writes @p len bytes at @p s as one JSON string literal: quotes and
 *  control characters escaped, bytes that are not UTF-8 as U+FFFD (so the
 *  output is always valid JSON). */
SC_API void sc_report_json_string(FILE *out, const char *s, size_t len);

/** Writes @p s as one CSV field (RFC 4180: quoted when it holds a comma, a
 *  quote or a line break). */
SC_API void sc_report_csv_field(FILE *out, const char *s);

/** Writes @p s for a terminal: each control character (C0, DEL, C1; tabs
 *  and line breaks too) as '?', so that a name cannot move the cursor,
 *  recolour or rewrite the screen. */
SC_API void sc_report_terminal_text(FILE *out, const char *s);

/** Writes the pair list @p pairs (from sc_corpus_pairs) of @p c to @p out.
 *  @return SC_OK, SC_E_INVALID_ARG, SC_E_IO (a write failed). */
SC_API sc_status sc_report_pairs(FILE *out, const sc_corpus *c,
                                 const sc_pair *pairs, size_t n,
                                 const sc_report_options *ro);

/** Writes @p pairs of @p c as one self-contained HTML page (inline CSS and
 *  script, nothing fetched): a heatmap of @p ro->metric over every pair (on
 *  a canvas; up to 2000 documents), the clusters of documents linked by
 *  overlap or stronger verdicts (sc_cluster_pairs), and for the 200 best
 *  pairs by score the two texts side by side with their shared passages
 *  highlighted (sc_corpus_passages), the verdict with its reasons and
 *  figures, and for rewrites the aligned sentences (sc_corpus_align). Each
 *  document's text is embedded once, only if one of those pairs shows it;
 *  every string from a document is escaped. Same as sc_report_pairs with
 *  ro->format SC_FORMAT_HTML (ro->format itself is not read).
 *  @return SC_OK, SC_E_INVALID_ARG (a pair names an unknown document),
 *  SC_E_NOMEM, SC_E_IO (a write failed). */
SC_API sc_status sc_report_html(FILE *out, const sc_corpus *c, const sc_pair *pairs, size_t n,
                                const sc_report_options *ro);

#ifdef __cplusplus
}
#endif
#endif /* SIMCHECK_H */
