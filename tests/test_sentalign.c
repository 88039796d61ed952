/*
 * test_sentalign.c: sentence alignment on hand-made pairs (public API):
 * a shuffled copy keeps its coverage but loses its order; a summary made by
 * deleting sentences keeps full coverage of the short side; a much shorter
 * rewrite is a summary or a passage within, by where its counterparts lie; a
 * one-sentence synopsis is scored by the size-weighted whole-text view; a sentence that
 * fuses two is aligned with both; a text of long sentences and its rewrite
 * in short ones score alike whichever has a word more; unrelated texts
 * align with nothing; a
 * text's three rewrites all score as rewrites, whatever the list.
 */
#include <math.h>
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

/* Sentence i with its content words in reverse order: the same terms (a
 * cosine of 1) and no shared 5-word shingle, so a rewrite, not a copy. */
static char *join_reworded(const int *order, int n) {
  char *buf = calloc(1, 8192);
  size_t len = 0;
  for (int k = 0; k < n; k++) {
    len += (size_t)snprintf(buf + len, 8192 - len, "%sThe", k ? " " : "");
    for (int w = WORDS - 1; w >= 0; w--)
      len += (size_t)snprintf(buf + len, 8192 - len, " qal%cvo%c", 'a' + order[k], 'a' + w);
    len += (size_t)snprintf(buf + len, 8192 - len, ".");
  }
  return buf;
}

/* A much shorter rewrite is a summary when its counterparts spread over its
 * partner, and a passage rewritten within it when they lie in one part at
 * about that part's length: extent is the share of the partner's sentences
 * from the first to the last counterpart of the middle 80% (here all, of
 * equal weight), compression the shorter side's words over that part's.
 * Two sentences from the ends of a four-sentence part condense it (a
 * summary of a lead, say): a summary. */
static void test_summary_or_within(void) {
  int all[NSENT], spread[4] = {1, 4, 8, 11}, passage[4] = {4, 5, 6, 7}, condensed[2] = {4, 7};
  for (int i = 0; i < NSENT; i++) all[i] = i;
  char *a = join(all, NSENT);
  const struct {
    const int *kept;
    int n, summary, within;
    double extent, compression;
  } cases[] = {{spread, 4, 1, 0, 11.0 / 12, 4.0 / 11}, {passage, 4, 0, 1, 4.0 / 12, 1}, {condensed, 2, 1, 0, 4.0 / 12, 0.5}};
  for (size_t k = 0; k < 3; k++) {
    char *b = join_reworded(cases[k].kept, cases[k].n);
    sc_corpus *c;
    build(&c, a, b);
    sc_pair p;
    CHECK(sc_corpus_compare(c, 0, 1, &p) == SC_OK);
    CHECK_MSG(p.verdict == SC_VERDICT_REWRITE, "case %zu: verdict %s (jaccard %.3f, rewrite %.3f)", k,
              sc_verdict_name(p.verdict), p.jaccard, p.rewrite);
    CHECK_EQ_INT(p.summary, cases[k].summary);
    CHECK_EQ_INT(p.within, cases[k].within);
    CHECK_NEAR(p.extent, cases[k].extent, 1e-9);
    CHECK_MSG(fabs(p.compression - cases[k].compression) < 1e-9, "case %zu: compression %.4f", k, p.compression);
    CHECK(sc_corpus_compare(c, 1, 0, &p) == SC_OK);  /* either order */
    CHECK_EQ_INT(p.within, cases[k].within);
    CHECK_NEAR(p.extent, cases[k].extent, 1e-9);
    sc_corpus_free(c);
    free(b);
  }
  /* A passage of 8 sentences of 24 and two strays from either end: the
   * middle 80% (matches 2 to 9) leave the strays out, 8 / 24. */
  int all24[24], stray[10] = {0, 8, 9, 10, 11, 12, 13, 14, 15, 23};
  for (int i = 0; i < 24; i++) all24[i] = i;
  char *long24 = join(all24, 24), *strays = join_reworded(stray, 10);
  sc_corpus *c24;
  build(&c24, long24, strays);
  sc_pair p24;
  CHECK(sc_corpus_compare(c24, 0, 1, &p24) == SC_OK);
  CHECK(p24.verdict == SC_VERDICT_REWRITE && p24.within && !p24.summary);
  CHECK_NEAR(p24.extent, 8.0 / 24, 1e-9);
  sc_corpus_free(c24);
  free(long24);
  free(strays);

  /* Texts of one size: neither, extent 1. */
  char *b = join_reworded(all, NSENT);
  sc_corpus *c;
  build(&c, a, b);
  sc_pair p;
  CHECK(sc_corpus_compare(c, 0, 1, &p) == SC_OK);
  CHECK(p.verdict == SC_VERDICT_REWRITE && !p.summary && !p.within);
  CHECK_NEAR(p.extent, 1.0, 0);
  CHECK_NEAR(p.compression, 1.0, 0);
  sc_corpus_free(c);
  free(b);
  free(a);
}

/* A one-sentence synopsis is judged on the whole-text view alone, and its
 * shared distinct words over the larger vocabulary shrink with the length
 * of its source: there the view moves to the word cosine by the square of
 * the size gap. Every content word here is in two documents of three (the
 * third holds the source's other sentences, reworded so that it is no copy
 * the IDF would count once), so each carries the same IDF and the synopsis
 * has 1/12 of the source's content: gap 11/12, cosine sqrt(1/12). */
static void test_one_sentence_synopsis(void) {
  int all[NSENT], rest[NSENT - 1], first = 0;
  for (int i = 0; i < NSENT; i++) all[i] = i;
  for (int i = 1; i < NSENT; i++) rest[i - 1] = i;
  char *source = join(all, NSENT), *others = join_reworded(rest, NSENT - 1), *synopsis = join_reworded(&first, 1);
  sc_options o;
  sc_options_init(&o);
  sc_corpus *c;
  CHECK(sc_corpus_create(&o, &c) == SC_OK);
  CHECK(sc_corpus_add(c, "synopsis", synopsis, strlen(synopsis), NULL) == SC_OK);
  CHECK(sc_corpus_add(c, "source", source, strlen(source), NULL) == SC_OK);
  CHECK(sc_corpus_add(c, "others", others, strlen(others), NULL) == SC_OK);
  CHECK(sc_corpus_build(c) == SC_OK);
  sc_pair p;
  CHECK(sc_corpus_compare(c, 0, 1, &p) == SC_OK);
  CHECK_NEAR(p.words, 10.0 / 109, 1e-6);  /* the word set keeps "The" */
  CHECK_NEAR(p.cosine, sqrt(1.0 / 12), 1e-6);
  const double gap = 11.0 / 12;
  const double expected = 0.5 * (p.chars + p.words + gap * gap * (p.cosine - p.words)) * (0.8 + 0.2 * p.facts);
  CHECK_MSG(fabs(p.rewrite - expected) < 1e-6, "rewrite %.6f, expected %.6f (chars %.4f words %.4f cosine %.4f)",
            p.rewrite, expected, p.chars, p.words, p.cosine);
  sc_corpus_free(c);
  free(source);
  free(others);
  free(synopsis);
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

/* Two texts of about the same size, one saying in 4 long sentences what the
 * other says in 20 short ones: each short sentence is a fifth of a long one
 * (cosine about 0.45), each long one a run of short ones, so the long
 * sentences' side is the better aligned. Which side has more content is
 * then an accident of wording: the score must take the better side's
 * evidence (it took the short sentences' side's alone, 0.49, before), one
 * extra word must change it by a trace only, the argument order not at
 * all. */
static char *long_sentences(int per, int n_long, const char *extra) {
  char *buf = calloc(1, 16384);
  char s[256];
  for (int l = 0; l < n_long; l++) {
    for (int k = 0; k < per; k++) {
      sentence(s, sizeof s, l * per + k);
      s[strlen(s) - 1] = '\0';  /* no period: one sentence */
      if (l || k) strcat(buf, k ? " and " : " ");
      strcat(buf, k ? s + 4 : s);  /* "The" once per sentence */
    }
    if (extra && l == n_long - 1) {
      strcat(buf, " ");
      strcat(buf, extra);
    }
    strcat(buf, ".");
  }
  return buf;
}

static void test_split_sentences(void) {
  enum { PER = 5, LONG = 4 };
  int all[PER * LONG];
  for (int i = 0; i < PER * LONG; i++) all[i] = i;
  char *shorts = join(all, PER * LONG), *longs = long_sentences(PER, LONG, NULL),
       *longer = long_sentences(PER, LONG, "qalzvoz");
  sc_corpus *c;
  sc_pair same, more, reversed;
  build(&c, longs, shorts);
  CHECK(sc_corpus_compare(c, 0, 1, &same) == SC_OK);
  sc_corpus_free(c);
  build(&c, longer, shorts);
  CHECK(sc_corpus_compare(c, 0, 1, &more) == SC_OK);
  CHECK(sc_corpus_compare(c, 1, 0, &reversed) == SC_OK);
  sc_corpus_free(c);
  /* The long sentences find their runs; the short ones a fifth each. */
  CHECK_MSG(more.coverage_ab > 0.95, "long side coverage %.3f", more.coverage_ab);
  CHECK_MSG(more.coverage_ba < 0.85, "short side coverage %.3f", more.coverage_ba);
  CHECK_MSG(same.rewrite > 0.9, "equal sizes: rewrite %.3f", same.rewrite);
  CHECK_MSG(fabs(more.rewrite - same.rewrite) < 0.02, "one more word: rewrite %.3f, was %.3f", more.rewrite,
            same.rewrite);
  CHECK_NEAR(reversed.rewrite, more.rewrite, 1e-9);
  free(shorts);
  free(longs);
  free(longer);
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

/* A text with three rewrites scores high with all three, and each pair's
 * score is a property of the pair: the same in the full list, in a top-1
 * list and compared alone (up to float rounding: lists take the cosine
 * from single-precision sgemm blocks). */
static void test_three_rewrites(void) {
  static const char *const texts[] = {
      "The city council approved the new budget on Tuesday. It raises spending on schools by ten percent. "
      "The mayor said the plan protects libraries and parks. Opponents warned that property taxes would rise.",
      "On Tuesday the council of the city passed its new budget. School spending goes up ten percent. "
      "According to the mayor, libraries and parks are protected by the plan. Critics said property taxes "
      "would go up.",
      "The new budget was approved by the city council on Tuesday, raising school spending by ten percent. "
      "The plan protects parks and libraries, the mayor said. Opponents cautioned that it would raise "
      "property taxes.",
      "Tuesday's council vote approved the city budget. Spending on schools will rise by ten percent. The "
      "mayor said libraries and parks are safe under the plan. Its opponents warned of higher property taxes.",
      "Heavy rain flooded the valley roads overnight. Farmers moved their cattle to higher ground before dawn.",
      "The museum opened an exhibition of medieval maps. Visitors can see charts drawn by monks and sailors.",
  };
  enum { N = sizeof texts / sizeof *texts };
  sc_options o;
  sc_options_init(&o);
  sc_corpus *c = NULL;
  CHECK(sc_corpus_create(&o, &c) == SC_OK);
  if (!c) return;
  for (size_t i = 0; i < N; i++) CHECK(sc_corpus_add(c, NULL, texts[i], strlen(texts[i]), NULL) == SC_OK);
  CHECK(sc_corpus_build(c) == SC_OK);
  sc_pair *all = NULL, *top1 = NULL;
  size_t n_all = 0, n_top1 = 0;
  const sc_pairs_options po_all = {1, 0, 0.0, NULL, NULL}, po_top1 = {1, 1, 0.0, NULL, NULL};
  CHECK(sc_corpus_pairs(c, &po_all, &all, &n_all) == SC_OK);
  CHECK(sc_corpus_pairs(c, &po_top1, &top1, &n_top1) == SC_OK);
  CHECK_EQ_INT(n_all, N * (N - 1) / 2);
  for (uint32_t r = 1; r <= 3; r++) {
    sc_pair alone;
    CHECK(sc_corpus_compare(c, 0, r, &alone) == SC_OK);
    CHECK_MSG(alone.verdict == SC_VERDICT_REWRITE, "rewrite %u: %s, score %.3f", r, sc_verdict_name(alone.verdict),
              alone.score);
    int in_all = 0, in_top1 = 0;
    for (size_t k = 0; k < n_all; k++)
      if (all[k].a == 0 && all[k].b == r) in_all = fabs(all[k].score - alone.score) < 1e-5;
    for (size_t k = 0; k < n_top1; k++)
      if (top1[k].a == 0 && top1[k].b == r) in_top1 = fabs(top1[k].score - alone.score) < 1e-5;
    CHECK_MSG(in_all && in_top1, "rewrite %u: same score in the full list %d, in the top-1 list %d", r, in_all,
              in_top1);
  }
  for (uint32_t u = 4; u < N; u++) {
    sc_pair p;
    CHECK(sc_corpus_compare(c, 0, u, &p) == SC_OK);
    CHECK_MSG(p.score < 0.2 && p.verdict < SC_VERDICT_OVERLAP, "unrelated %u: %s, score %.3f", u,
              sc_verdict_name(p.verdict), p.score);
  }
  sc_pairs_free(all);
  sc_pairs_free(top1);
  sc_corpus_free(c);
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  test_shuffled_copy();
  test_summary_by_deletion();
  test_summary_or_within();
  test_one_sentence_synopsis();
  test_fused_sentence();
  test_split_sentences();
  test_unrelated();
  test_three_rewrites();
  return sc_test_done("test_sentalign");
}
