/*
 * test_sentalign.c: sentence alignment on hand-made pairs (public API):
 * a shuffled copy keeps its coverage but loses its order; a summary made by
 * deleting sentences keeps full coverage of the short side; a sentence that
 * fuses two is aligned with both; unrelated texts align with nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc_test.h"
#include "simcheck.h"

enum { NSENT = 12, WORDS = 9 };

/* Sentence i: WORDS content words of its own ("qalvi3x" style tokens are
 * not stop words and share no stem across sentences) plus glue words. */
static void sentence(char *out, size_t cap, int i) {
  size_t n = 0;
  n += (size_t)snprintf(out + n, cap - n, "The");
  for (int w = 0; w < WORDS; w++) n += (size_t)snprintf(out + n, cap - n, " qal%cvo%c", 'a' + i, 'a' + w);
  snprintf(out + n, cap - n, ".");
}

static char *join(const int *order, int n) {
  char *buf = calloc(1, 8192);
  char s[256];
  for (int k = 0; k < n; k++) {
    sentence(s, sizeof s, order[k]);
    if (k) strcat(buf, " ");
    strcat(buf, s);
  }
  return buf;
}

static void build(sc_corpus **c, const char *a, const char *b) {
  sc_options o;
  sc_options_init(&o);
  CHECK(sc_corpus_create(&o, c) == SC_OK);
  CHECK(sc_corpus_add(*c, "a", a, strlen(a), NULL) == SC_OK);
  CHECK(sc_corpus_add(*c, "b", b, strlen(b), NULL) == SC_OK);
  CHECK(sc_corpus_build(*c) == SC_OK);
}

static void test_shuffled_copy(void) {
  int in_order[NSENT], shuffled[NSENT] = {7, 2, 11, 0, 9, 4, 1, 10, 5, 3, 8, 6};
  for (int i = 0; i < NSENT; i++) in_order[i] = i;
  char *a = join(in_order, NSENT), *b = join(shuffled, NSENT);
  sc_corpus *c;
  build(&c, a, b);
  sc_pair p;
  CHECK(sc_corpus_compare(c, 0, 1, &p) == SC_OK);
  CHECK_NEAR(p.coverage_ab, 1.0, 0.01);
  CHECK_NEAR(p.coverage_ba, 1.0, 0.01);
  /* An order-preserving alignment can keep the longest increasing run of
   * 7,2,11,0,9,4,1,10,5,3,8,6, 4 long (e.g. 2,4,5,8): 4 of 12 equal
   * sentences. */
  CHECK_NEAR(p.order, 4.0 / 12.0, 0.01);
  const double shuffled_rewrite = p.rewrite;
  sc_corpus_free(c);

  build(&c, a, a);  /* the same order: order 1 */
  CHECK(sc_corpus_compare(c, 0, 1, &p) == SC_OK);
  CHECK_NEAR(p.order, 1.0, 1e-9);
  CHECK_MSG(p.rewrite > shuffled_rewrite + 0.2, "in order %.3f, shuffled %.3f", p.rewrite, shuffled_rewrite);
  sc_corpus_free(c);
  free(a);
  free(b);
}

static void test_summary_by_deletion(void) {
  int all[NSENT], kept[4] = {1, 4, 8, 11};
  for (int i = 0; i < NSENT; i++) all[i] = i;
  char *a = join(all, NSENT), *b = join(kept, 4);
  sc_corpus *c;
  build(&c, a, b);
  sc_pair p;
  CHECK(sc_corpus_compare(c, 0, 1, &p) == SC_OK);
  CHECK_NEAR(p.coverage_ba, 1.0, 0.01);  /* every sentence of the summary is in the source */
  CHECK(p.coverage_ab > 0.25 && p.coverage_ab < 0.45);  /* 4 of 12 of the source is in the summary */
  CHECK_NEAR(p.order, 1.0, 1e-9);
  sc_sentence_pair *sp;
  size_t n;
  CHECK(sc_corpus_align(c, 1, 0, 0.5, &sp, &n) == SC_OK);
  CHECK_EQ_INT(n, 4);
  for (size_t k = 0; k < n && k < 4; k++) {
    CHECK_EQ_INT(sp[k].b_first, kept[k]);
    CHECK_EQ_INT(sp[k].b_count, 1);
    CHECK(sp[k].similarity > 0.99);
  }
  sc_sentence_pairs_free(sp);
  sc_corpus_free(c);
  free(a);
  free(b);
}

static void test_fused_sentence(void) {
  /* b's second sentence fuses a's sentences 1 and 2 into one. */
  int all[4] = {0, 1, 2, 3};
  char *a = join(all, 4);
  char s0[256], s1[256], s2[256], s3[256], b[2048];
  sentence(s0, sizeof s0, 0);
  sentence(s1, sizeof s1, 1);
  sentence(s2, sizeof s2, 2);
  sentence(s3, sizeof s3, 3);
  s1[strlen(s1) - 1] = '\0';  /* drop the period: one sentence */
  snprintf(b, sizeof b, "%s %s and %s %s", s0, s1, s2 + 4, s3);
  sc_corpus *c;
  build(&c, a, b);
  sc_sentence_pair *sp;
  size_t n;
  CHECK(sc_corpus_align(c, 1, 0, 0.5, &sp, &n) == SC_OK);
  CHECK_EQ_INT(n, 3);
  if (n == 3) {
    CHECK_EQ_INT(sp[1].b_first, 1);
    CHECK_EQ_INT(sp[1].b_count, 2);  /* one sentence of b = a's 1 and 2 */
    CHECK(sp[1].similarity > 0.95);
    /* Offsets slice the original texts at the sentences. */
    CHECK(strncmp(a + sp[1].b_offset, "The qalbvoa", 11) == 0);
    CHECK(strncmp(b + sp[1].a_offset, "The qalbvoa", 11) == 0);
  }
  sc_sentence_pairs_free(sp);
  sc_corpus_free(c);
  free(a);
}

static void test_unrelated(void) {
  const char *a = "Zebras graze quietly near the river bank. Their stripes confuse predators.";
  const char *b = "Compilers translate source code into machine instructions. Optimizers remove waste.";
  sc_corpus *c;
  build(&c, a, b);
  sc_pair p;
  CHECK(sc_corpus_compare(c, 0, 1, &p) == SC_OK);
  CHECK_NEAR(p.coverage_ab, 0.0, 1e-9);
  CHECK_NEAR(p.coverage_ba, 0.0, 1e-9);
  CHECK(p.verdict == SC_VERDICT_UNRELATED);
  sc_sentence_pair *sp;
  size_t n;
  CHECK(sc_corpus_align(c, 0, 1, 0.15, &sp, &n) == SC_OK);
  CHECK_EQ_INT(n, 0);
  sc_sentence_pairs_free(sp);
  sc_corpus_free(c);
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  test_shuffled_copy();
  test_summary_by_deletion();
  test_fused_sentence();
  test_unrelated();
  return sc_test_done("test_sentalign");
}
