/*
 * test_tfidf.c (property): the BLAS all-pairs cosine (sc_corpus_cosine_matrix)
 * and the sparse cosine against a plain double loop written from the
 * definitions in tfidf.h: sublinear tf 1 + ln tf, idf = ln((1+N)/(1+df)) + 1,
 * L2 normalization. The vocabulary is made-up words that the English
 * Snowball stemmer leaves unchanged and that are not stop words, so each
 * word is its own content term.
 */
#include <libstemmer.h>

#include "background.h"
#include "corpus.h"
#include "sc_test.h"
#include "stopwords.h"
#include "tfidf.h"

enum { MAXV = 600 };
static char vocab[MAXV][16];
static size_t nvocab;

/* Fills vocab[] with @p n distinct words the stemmer keeps as they are. */
static void make_vocab(size_t n) {
  static const char *const onset[] = {"b", "d", "f", "g", "k", "kw", "m", "n", "p", "pr", "sk", "t", "tr", "v", "z"};
  static const char *const nucleus[] = {"a", "o", "u", "i"};
  static const char *const coda[] = {"b", "k", "lp", "m", "nt", "rb", "t", "x", "g", "rk"};
  struct sb_stemmer *st = sb_stemmer_new("english", "UTF_8");
  CHECK(st != NULL);
  if (!st) return;
  nvocab = 0;
  for (int tries = 0; nvocab < n && tries < 100000; tries++) {
    char w[16];
    snprintf(w, sizeof w, "%s%s%s%s%s", onset[sc_test_below(15)], nucleus[sc_test_below(4)],
             onset[sc_test_below(15)], nucleus[sc_test_below(4)], coda[sc_test_below(10)]);
    const size_t len = strlen(w);
    const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)w, (int)len);
    if (!s || (size_t)sb_stemmer_length(st) != len || memcmp(s, w, len) != 0) continue;
    if (sc_is_stopword(w, len)) continue;
    int dup = 0;
    for (size_t i = 0; i < nvocab && !dup; i++) dup = strcmp(vocab[i], w) == 0;
    if (dup) continue;
    memcpy(vocab[nvocab++], w, len + 1);
  }
  sb_stemmer_delete(st);
  CHECK_EQ_INT(nvocab, n);
}

typedef struct corpus_ref {
  size_t n;         /* documents                                  */
  uint32_t *tf;     /* n x nvocab term counts                     */
  double *w;        /* n x nvocab normalized TF-IDF weights       */
  uint32_t *df;     /* per word                                   */
} corpus_ref;

/* Generates @p n documents of @p min_words..max_words words, adds them to @p c
 * and fills the reference. Words are drawn from a per-document topic (a
 * window of the vocabulary) so documents share some words, with repeats. */
/* idf by the definition in tfidf.h; with the background prior, df and n are
 * pooled with the shipped frequencies worth SC_BACKGROUND_WEIGHT documents. */
static double ref_idf(uint32_t df, size_t n, const char *word, int background) {
  double d = df, m = (double)n;
  if (background) {
    d += SC_BACKGROUND_WEIGHT * sc_background_df(word) / (double)sc_background_docs;
    m += SC_BACKGROUND_WEIGHT;
  }
  return log((1.0 + m) / (1.0 + d)) + 1.0;
}

static void make_corpus(sc_corpus *c, corpus_ref *r, size_t n, size_t min_words, size_t max_words, int background) {
  r->n = n;
  r->tf = calloc(n * nvocab, sizeof *r->tf);
  r->w = calloc(n * nvocab, sizeof *r->w);
  r->df = calloc(nvocab, sizeof *r->df);
  char *text = malloc(max_words * 20);
  for (size_t d = 0; d < n; d++) {
    const size_t words = min_words + sc_test_below(max_words - min_words + 1);
    const size_t topic = sc_test_below(nvocab), width = 5 + sc_test_below(40);
    size_t len = 0;
    for (size_t i = 0; i < words; i++) {
      size_t v = (topic + sc_test_below(width)) % nvocab;
      if (sc_test_below(4) == 0) v = (topic + sc_test_below(3)) % nvocab;  /* repeats: tf > 1 */
      r->tf[d * nvocab + v]++;
      const size_t l = strlen(vocab[v]);
      /* Case and punctuation vary; normalization folds them. */
      for (size_t k = 0; k < l; k++) text[len + k] = (i % 7 == 0 && k == 0) ? (char)(vocab[v][k] - 32) : vocab[v][k];
      len += l;
      text[len++] = i % 9 == 8 ? '.' : ' ';
      if (i % 9 == 8) text[len++] = '\n';
    }
    char name[32];
    snprintf(name, sizeof name, "doc%zu", d);
    CHECK(sc_corpus_add(c, name, text, len, NULL) == SC_OK);
  }
  free(text);
  for (size_t d = 0; d < n; d++)
    for (size_t v = 0; v < nvocab; v++) r->df[v] += r->tf[d * nvocab + v] > 0;
  for (size_t d = 0; d < n; d++) {
    double norm2 = 0;
    for (size_t v = 0; v < nvocab; v++) {
      const uint32_t tf = r->tf[d * nvocab + v];
      if (!tf) continue;
      const double idf = ref_idf(r->df[v], n, vocab[v], background);
      const double w = (1.0 + log((double)tf)) * idf;
      r->w[d * nvocab + v] = w;
      norm2 += w * w;
    }
    for (size_t v = 0; v < nvocab; v++) r->w[d * nvocab + v] /= sqrt(norm2);
  }
}

static double ref_cosine(const corpus_ref *r, size_t a, size_t b) {
  double dot = 0;
  for (size_t v = 0; v < nvocab; v++) dot += r->w[a * nvocab + v] * r->w[b * nvocab + v];
  return dot;
}

static void free_ref(corpus_ref *r) {
  free(r->tf);
  free(r->w);
  free(r->df);
}

static void check_corpus(size_t ndocs, size_t min_words, size_t max_words, int full_checks, int background) {
  sc_options o;
  sc_options_init(&o);
  o.background = background;
  sc_corpus *c = NULL;
  CHECK(sc_corpus_create(&o, &c) == SC_OK);
  if (!c) return;
  corpus_ref r;
  make_corpus(c, &r, ndocs, min_words, max_words, background);
  CHECK_EQ_INT(sc_corpus_size(c), ndocs);
  float *m = malloc(ndocs * ndocs * sizeof *m);
  CHECK(sc_corpus_cosine_matrix(c, m) == SC_E_STATE);  /* not built yet */
  CHECK(sc_corpus_build(c) == SC_OK);

  /* Corpus statistics: one term per word, df and idf as defined. */
  size_t used = 0;
  for (size_t v = 0; v < nvocab; v++) used += r.df[v] > 0;
  CHECK_EQ_INT(c->vocab.n, used);
  size_t bad_df = 0, bad_idf = 0;
  for (size_t v = 0; v < nvocab; v++) {
    uint32_t id;
    const int found = sc_strmap_find(&c->vocab, vocab[v], strlen(vocab[v]), &id);
    if (r.df[v] == 0) {
      CHECK_MSG(!found, "unused word %s is a term", vocab[v]);
      continue;
    }
    if (!found) {
      CHECK_MSG(0, "word %s is not a term", vocab[v]);
      continue;
    }
    bad_df += c->df[id] != r.df[v];
    bad_idf += fabs(c->idf[id] - ref_idf(r.df[v], ndocs, vocab[v], background)) > 1e-5;
  }
  CHECK_EQ_INT(bad_df, 0);
  CHECK_EQ_INT(bad_idf, 0);

  for (size_t i = 0; i < ndocs * ndocs; i++) m[i] = -7.0f;  /* every entry must be written */
  CHECK(sc_corpus_cosine_matrix(c, m) == SC_OK);
  size_t bad_off = 0, bad_diag = 0, bad_sparse = 0;
  double worst = 0;
  for (size_t a = 0; a < ndocs; a++) {
    for (size_t b = 0; b < ndocs; b++) {
      const double want = ref_cosine(&r, a, b), got = m[a * ndocs + b];
      if (a == b) {
        if (fabs(got - 1.0) > 1e-5 && ++bad_diag <= 3)
          fprintf(stderr, "    cosine matrix diagonal [%zu][%zu] = %.6f, want 1\n", a, b, got);
        continue;
      }
      if (fabs(got - want) > worst) worst = fabs(got - want);
      if (fabs(got - want) > 1e-5 && ++bad_off <= 5)
        fprintf(stderr, "    cosine matrix [%zu][%zu] = %.7f, reference %.7f\n", a, b, got, want);
      if (full_checks || b == a + 1) {
        const double sp = sc_cosine_sparse(c->docs.items[a], c->docs.items[b]);
        if (fabs(sp - want) > 1e-5 && ++bad_sparse <= 5)
          fprintf(stderr, "    sc_cosine_sparse(%zu, %zu) = %.7f, reference %.7f\n", a, b, sp, want);
      }
    }
  }
  printf("%zu documents, background %d: max |BLAS - reference| off the diagonal %.2g\n", ndocs, background, worst);
  CHECK_EQ_INT(bad_off, 0);
  CHECK_EQ_INT(bad_diag, 0);
  CHECK_EQ_INT(bad_sparse, 0);
  for (size_t a = 0; a < ndocs; a++)
    CHECK_NEAR(sc_cosine_sparse(c->docs.items[a], c->docs.items[a]), 1.0, 1e-5);

  /* The pair figures agree: sc_corpus_compare (sparse) and a few pairs. */
  for (int k = 0; k < 20; k++) {
    const uint32_t a = (uint32_t)sc_test_below(ndocs), b = (uint32_t)sc_test_below(ndocs);
    sc_pair p;
    CHECK(sc_corpus_compare(c, a, b, &p) == SC_OK);
    CHECK_NEAR(p.cosine, a == b ? 1.0 : ref_cosine(&r, a, b), 1e-5);
  }
  free(m);
  free_ref(&r);
  sc_corpus_free(c);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 31337);
  make_vocab(400);
  for (size_t v = 0; v < 5 && v < nvocab; v++) printf("vocabulary sample: %s\n", vocab[v]);
  check_corpus(60, 10, 120, 1, 0);  /* idf from the corpus alone */
  check_corpus(60, 10, 120, 1, 1);  /* pooled with the background frequencies */
  /* More than SC_COSINE_BLOCK documents: several sgemm blocks, off-diagonal
   * blocks included. */
  check_corpus(SC_COSINE_BLOCK + 150, 5, 40, 0, 1);
  return sc_test_done("test_tfidf");
}
