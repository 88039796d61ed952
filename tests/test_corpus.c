/*
 * test_corpus.c: the public corpus API end to end: verdicts on duplicates,
 * embedded passages and unrelated texts; call order (SC_E_STATE) and empty
 * texts (SC_E_EMPTY); batch results independent of the thread count;
 * argument order; the all-pairs list against single comparisons; and
 * allocation-failure injection over a whole small workflow.
 */
#include <math.h>
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>

#include "copies.h"
#include "corpus.h"
#include "normalize.h"
#include "corpus_fixture.h"
#include "sc_test.h"

static const char para1[] =
    "Defense Secretary Pete Hegseth said on Thursday that everything is on the table in talks to end "
    "the war between Russia and Ukraine. He spoke at a meeting of NATO defence ministers in Brussels. "
    "The day before, he had called it unrealistic for Ukraine to expect membership of the alliance as "
    "part of a peace agreement. Allies in Europe reacted with concern and asked for a seat at the "
    "negotiating table. Officials in Kyiv said that no deal could be reached without them.";

static const char para1_case_ws[] =
    "  DEFENSE Secretary Pete   Hegseth said on thursday that EVERYTHING is on the table in talks to end "
    "the war between Russia and Ukraine.\tHe spoke at a meeting of NATO defence ministers in Brussels.  "
    "The day before, he had called it UNREALISTIC for Ukraine to expect membership of the alliance as "
    "part of a peace agreement.   Allies in Europe reacted with concern and asked for a seat at the "
    "negotiating table. Officials in Kyiv said that no deal could be reached without them.   \n\n";

/* Same words, wrapped at other places (line breaks instead of spaces). */
static const char para1_reflowed[] =
    "Defense Secretary Pete Hegseth said on Thursday that everything is on the table in talks\nto end "
    "the war between Russia and Ukraine. He spoke at a meeting of NATO defence ministers\nin Brussels. "
    "The day before, he had called it unrealistic for Ukraine to expect membership of the alliance as\n"
    "part of a peace agreement. Allies in Europe reacted with concern and asked for a seat at the\n"
    "negotiating table. Officials in Kyiv said that no deal could be reached without them.";

/* The sentences of para1 in reverse order: same content, order 0.2. */
static const char para1_reversed[] =
    "Officials in Kyiv said that no deal could be reached without them. Allies in Europe reacted with "
    "concern and asked for a seat at the negotiating table. The day before, he had called it unrealistic "
    "for Ukraine to expect membership of the alliance as part of a peace agreement. He spoke at a meeting "
    "of NATO defence ministers in Brussels. Defense Secretary Pete Hegseth said on Thursday that everything "
    "is on the table in talks to end the war between Russia and Ukraine.";

static const char passage[] =
    "The committee reviewed the harbour accounts for the third quarter and found that dredging costs "
    "had doubled since the spring. Inspectors blamed the silt carried down by the autumn floods and the "
    "delay in replacing the old pumping station. The mayor promised a full audit before the winter "
    "session of the council.";

static const char *const filler[] = {
    "Local farmers reported a strong apple harvest despite the dry summer, and several orchards opened "
    "their gates to visitors for the first time. Prices at the weekly market stayed steady.",
    "A new footbridge over the canal is due to open next month after two years of building work. "
    "Cyclists welcomed the plan, although some residents worried about noise at night.",
    "The town library extended its opening hours on weekdays and added a reading room for students "
    "preparing for their exams in June.",
};

/* Pseudo-text from a topic's own content words plus shared function words. */
static size_t gen_text(char *buf, size_t cap, int topic, size_t words) {
  static const char *const function_words[] = {"the", "of", "and", "a", "to", "in", "is", "was", "for", "with"};
  size_t n = 0;
  for (size_t i = 0; i < words && n + 24 < cap; i++) {
    char w[16];
    if (sc_test_below(3) == 0) {
      snprintf(w, sizeof w, "%s", function_words[sc_test_below(10)]);
    } else {
      const unsigned id = (unsigned)sc_test_below(60);
      snprintf(w, sizeof w, "%c%c%c%c%cum", 'b' + topic, "aeiou"[id % 5], "dgkmprtvz"[id / 5 % 9],
               "aeiou"[id / 45 % 5], "lnrst"[id / 12 % 5]);
    }
    n += (size_t)snprintf(buf + n, cap - n, "%s%s", w, i % 11 == 10 ? ". " : " ");
  }
  return n;
}

static void test_verdicts(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  const uint32_t orig = fixture_add_str(c, "orig", para1);
  const uint32_t dup = fixture_add_str(c, "dup", para1_case_ws);
  const uint32_t reflow = fixture_add_str(c, "reflow", para1_reflowed);
  char long_text[4096];
  snprintf(long_text, sizeof long_text, "%s %s\n\n%s %s", filler[0], filler[1], passage, filler[2]);
  const uint32_t longer = fixture_add_str(c, "long", long_text);
  const uint32_t shorter = fixture_add_str(c, "short", passage);
  char other[4096];
  gen_text(other, sizeof other, 0, 300);
  const uint32_t unrel1 = fixture_add_str(c, "unrelated1", other);
  gen_text(other, sizeof other, 10, 300);
  const uint32_t unrel2 = fixture_add_str(c, "unrelated2", other);
  CHECK_EQ_INT(orig, 0);
  CHECK_EQ_INT(unrel2, 6);
  CHECK_EQ_INT(sc_corpus_size(c), 7);

  sc_pair p;
  CHECK(sc_corpus_compare(c, orig, dup, &p) == SC_E_STATE);  /* not built */
  sc_pair *pl = NULL;
  size_t np = 0;
  CHECK(sc_corpus_pairs(c, NULL, &pl, &np) == SC_E_STATE);
  CHECK(sc_corpus_build(c) == SC_OK);

  /* Case and spacing only: duplicate, every figure 1. */
  CHECK(sc_corpus_compare(c, orig, dup, &p) == SC_OK);
  CHECK_MSG(p.verdict == SC_VERDICT_DUPLICATE, "verdict %s", sc_verdict_name(p.verdict));
  CHECK_NEAR(p.score, 1.0, 0);
  CHECK_NEAR(p.jaccard, 1.0, 0);
  CHECK_NEAR(p.containment_ab, 1.0, 0);
  CHECK_NEAR(p.minhash, 1.0, 0);
  CHECK_NEAR(p.simhash, 1.0, 0);
  CHECK_NEAR(p.cosine, 1.0, 1e-6);
  CHECK_EQ_INT(p.a, orig);
  CHECK_EQ_INT(p.b, dup);
  sc_doc_info da, db;
  CHECK(sc_corpus_doc_info(c, orig, &da) == SC_OK && sc_corpus_doc_info(c, dup, &db) == SC_OK);
  CHECK(memcmp(da.digest, db.digest, sizeof da.digest) == 0);
  CHECK_STR(da.name, "orig");
  CHECK_EQ_INT(da.bytes, strlen(para1));
  CHECK_EQ_INT(da.words, db.words);
  CHECK_EQ_INT(da.sentences, 5);

  /* Rewrapped lines are layout, not text: the same digest, a duplicate. */
  CHECK(sc_corpus_compare(c, orig, reflow, &p) == SC_OK);
  CHECK_NEAR(p.jaccard, 1.0, 0);
  CHECK_NEAR(p.score, 1.0, 0);
  CHECK_MSG(p.verdict == SC_VERDICT_DUPLICATE, "verdict %s", sc_verdict_name(p.verdict));
  sc_doc_info dr;
  CHECK(sc_corpus_doc_info(c, reflow, &dr) == SC_OK);
  CHECK(memcmp(da.digest, dr.digest, sizeof da.digest) == 0);

  /* A passage inside a longer text: contains, from either side. */
  CHECK(sc_corpus_compare(c, longer, shorter, &p) == SC_OK);
  CHECK_MSG(p.verdict == SC_VERDICT_CONTAINS, "verdict %s", sc_verdict_name(p.verdict));
  CHECK_MSG(p.containment_ba >= 0.9, "containment of the short side %.3f", p.containment_ba);
  CHECK(p.containment_ab < 0.6);
  CHECK(p.jaccard < 0.5);
  CHECK_NEAR(p.score, p.containment_ba, 1e-12);
  CHECK(sc_corpus_compare(c, shorter, longer, &p) == SC_OK);
  CHECK_MSG(p.verdict == SC_VERDICT_CONTAINS, "verdict %s", sc_verdict_name(p.verdict));
  CHECK(p.containment_ab >= 0.9);
  /* The shingle hashes in sc_doc_info are the sets these figures come
   * from: sorted, distinct, and merged by hand they give the same Jaccard
   * and containment. */
  sc_doc_info ds, dl;
  CHECK(sc_corpus_doc_info(c, shorter, &ds) == SC_OK && sc_corpus_doc_info(c, longer, &dl) == SC_OK);
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < ds.shingles && j < dl.shingles;) {
    if (i && ds.shingle_hashes[i - 1] >= ds.shingle_hashes[i]) CHECK_MSG(0, "hash %zu out of order", i);
    if (ds.shingle_hashes[i] == dl.shingle_hashes[j]) shared++;
    if (ds.shingle_hashes[i] <= dl.shingle_hashes[j]) i++;
    else j++;
  }
  CHECK_EQ_INT(shared, p.shared_shingles);
  CHECK_NEAR(p.containment_ab, (double)shared / (double)ds.shingles, 1e-12);
  CHECK_NEAR(p.jaccard, (double)shared / (double)(ds.shingles + dl.shingles - shared), 1e-12);

  /* Unrelated: different content words. */
  CHECK(sc_corpus_compare(c, unrel1, unrel2, &p) == SC_OK);
  CHECK_MSG(p.verdict == SC_VERDICT_UNRELATED, "verdict %s (cosine %.3f, shared %u)", sc_verdict_name(p.verdict),
            p.cosine, p.shared_shingles);
  CHECK(p.cosine < 0.01);
  CHECK(p.score < 0.1);

  /* A document compared with itself. */
  CHECK(sc_corpus_compare(c, longer, longer, &p) == SC_OK);
  CHECK(p.verdict == SC_VERDICT_DUPLICATE && p.score == 1.0);

  /* Bad ids and arguments. */
  CHECK(sc_corpus_compare(c, 0, 7, &p) == SC_E_INVALID_ARG);
  CHECK(sc_corpus_compare(c, 7, 0, &p) == SC_E_INVALID_ARG);
  CHECK(sc_corpus_compare(c, 0, 1, NULL) == SC_E_INVALID_ARG);
  CHECK(sc_corpus_compare(NULL, 0, 1, &p) == SC_E_INVALID_ARG);
  CHECK(sc_corpus_doc_info(c, 7, &da) == SC_E_INVALID_ARG);

  /* Adding after build needs another build. */
  fixture_add_str(c, "late", filler[0]);
  CHECK(sc_corpus_compare(c, 0, 1, &p) == SC_E_STATE);
  CHECK(sc_corpus_pairs(c, NULL, &pl, &np) == SC_E_STATE);
  CHECK(sc_corpus_build(c) == SC_OK);
  CHECK(sc_corpus_compare(c, 0, 7, &p) == SC_OK);
  sc_corpus_free(c);
}

/* Chinese is written without spaces: a word per character (tokenize.h),
 * so that a copy with two characters changed is a near-duplicate and an
 * unrelated Chinese text is not (as one "word" per clause, no 5-word
 * shingle survived any edit). Counted by hand: 100 characters give 96
 * distinct 5-character shingles; one changed character takes away the 5
 * that hold it, two adjacent ones 6. */
static const char zh_text[] =
    "国防部长周四在布鲁塞尔表示，关于结束战争的谈判，一切都可以讨论。"
    "他前一天曾说，乌克兰加入北约是不现实的。"
    "他还表示，恢复二零一四年以前的边界也不是一个可行的目标。"
    "美国此前已经向乌克兰提供了大约六百六十亿美元的军事装备。";

static void test_cjk(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  char edited[sizeof zh_text];
  memcpy(edited, zh_text, sizeof zh_text);
  char *at = strstr(edited, "周四");                 /* Thursday -> Wednesday */
  CHECK(at != NULL);
  if (at) memcpy(at, "周三", strlen("周三"));
  at = strstr(edited, "大约");                       /* about -> nearly */
  CHECK(at != NULL);
  if (at) memcpy(at, "将近", strlen("将近"));
  static const char other[] =
      "春天来了，公园里的花都开了。孩子们在草地上放风筝，老人们在树下下棋。"
      "傍晚的时候，湖边有很多人散步，空气里都是花香。";
  const uint32_t a = fixture_add_str(c, "zh", zh_text), b = fixture_add_str(c, "zh-edited", edited);
  const uint32_t o = fixture_add_str(c, "zh-other", other);
  CHECK(sc_corpus_build(c) == SC_OK);
  sc_doc_info da;
  CHECK(sc_corpus_doc_info(c, a, &da) == SC_OK);
  CHECK_EQ_INT(da.words, 100);
  CHECK_EQ_INT(da.sentences, 4);
  CHECK_EQ_INT(da.shingles, 96);
  sc_pair p;
  CHECK(sc_corpus_compare(c, a, b, &p) == SC_OK);
  CHECK_EQ_INT(p.shared_shingles, 96 - 5 - 6);
  CHECK(fabs(p.jaccard - 85.0 / 107.0) < 1e-12);  /* 85 of 96 + 96 - 85 */
  CHECK(p.verdict == SC_VERDICT_NEAR_DUPLICATE);
  CHECK(sc_corpus_compare(c, a, o, &p) == SC_OK);
  CHECK_EQ_INT(p.shared_shingles, 0);
  CHECK(p.verdict != SC_VERDICT_NEAR_DUPLICATE && p.verdict != SC_VERDICT_REWRITE);
  sc_corpus_free(c);
}

static void test_empty_and_info(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  static const char *const empties[] = {"", "   \n\t  ", "... --- !!! ???", "\xE2\x80\x94 \xE2\x80\x9C\xE2\x80\x9D"};
  for (size_t i = 0; i < sizeof empties / sizeof *empties; i++) {
    uint32_t id = 77;
    CHECK_MSG(sc_corpus_add(c, "empty", empties[i], strlen(empties[i]), &id) == SC_E_EMPTY, "text %zu", i);
    CHECK_EQ_INT(id, 77);
  }
  CHECK_EQ_INT(sc_corpus_size(c), 0);
  CHECK(sc_corpus_add(c, "x", NULL, 5, NULL) == SC_E_INVALID_ARG);
  CHECK(sc_corpus_add(NULL, "x", "a", 1, NULL) == SC_E_INVALID_ARG);
  /* Past the longest document: refused on its length, before a byte is
   * read (ASan reports any read past the one-byte text). */
  CHECK_EQ_INT(sc_corpus_add(c, "huge", "a", SC_DOC_MAX_BYTES + 1, NULL), SC_E_TOO_LARGE);
  CHECK_EQ_INT(sc_corpus_size(c), 0);
  CHECK_EQ_INT(sc_corpus_size(NULL), 0);
  CHECK(sc_corpus_build(c) == SC_OK);  /* an empty corpus builds */
  sc_pair dummy;
  sc_pair *pl = &dummy;
  size_t np = 99;
  CHECK(sc_corpus_pairs(c, NULL, &pl, &np) == SC_OK);
  CHECK(pl == NULL && np == 0);

  /* Figures of one document, counted by hand; the text need not be
   * NUL-terminated. */
  static const char text[] = "Hello world. Second sentence here!\n\nThird \xff para.XXXX";
  uint32_t id;
  CHECK(sc_corpus_add(c, "info", text, sizeof text - 1 - 4, &id) == SC_OK);
  sc_doc_info d;
  CHECK(sc_corpus_doc_info(c, id, &d) == SC_OK);
  CHECK_STR(d.name, "info");
  CHECK_EQ_INT(d.bytes, sizeof text - 1 - 4);
  CHECK_EQ_INT(d.words, 7);
  CHECK_EQ_INT(d.sentences, 3);
  CHECK_EQ_INT(d.shingles, 3);
  CHECK_EQ_INT(d.invalid_utf8, 1);
  /* A NULL name is allowed and reads as "". */
  CHECK(sc_corpus_add(c, NULL, "words here", 10, &id) == SC_OK);
  CHECK(sc_corpus_doc_info(c, id, &d) == SC_OK);
  CHECK_STR(d.name, "");
  CHECK(sc_corpus_build(c) == SC_OK);
  CHECK(sc_corpus_pairs(c, NULL, &pl, &np) == SC_OK);
  CHECK_EQ_INT(np, 1);
  sc_pairs_free(pl);
  sc_pairs_free(NULL);
  sc_corpus_free(c);
}

/* Texts for the batch tests: related rewrites, shared passages, one empty. */
enum { NTEXTS = 14 };
static char batch_buf[NTEXTS][4096];
static char batch_name[NTEXTS][16];
static sc_text batch[NTEXTS];

static void make_batch(void) {
  for (int i = 0; i < NTEXTS; i++) {
    size_t n = 0;
    if (i == 5) {
      n = 0;  /* empty: skipped with SC_E_EMPTY */
    } else if (i == 2) {
      n = (size_t)snprintf(batch_buf[i], sizeof batch_buf[i], "%s", para1_reversed);
    } else if (i % 4 == 0) {
      n = (size_t)snprintf(batch_buf[i], sizeof batch_buf[i], "%s %s", filler[i % 3], passage);
    } else if (i % 4 == 1) {
      n = (size_t)snprintf(batch_buf[i], sizeof batch_buf[i], "%s", i % 3 ? para1 : para1_reflowed);
      batch_buf[i][i] = 'X';  /* small edits */
    } else {
      n = gen_text(batch_buf[i], sizeof batch_buf[i], i % 3, 60 + 20 * (size_t)i);
    }
    batch_buf[i][n] = '\0';
    snprintf(batch_name[i], sizeof batch_name[i], "t%02d", i);
    batch[i] = (sc_text){batch_name[i], batch_buf[i], n};
  }
}

static int same_figures(const sc_pair *p, const sc_pair *q) {
  return p->a == q->a && p->b == q->b && p->score == q->score && p->verdict == q->verdict &&
         p->jaccard == q->jaccard && p->containment_ab == q->containment_ab &&
         p->containment_ba == q->containment_ba && p->minhash == q->minhash && p->simhash == q->simhash &&
         p->cosine == q->cosine && p->chars == q->chars && p->rewrite == q->rewrite && p->coverage_ab == q->coverage_ab &&
         p->coverage_ba == q->coverage_ba && p->order == q->order && p->shared_shingles == q->shared_shingles &&
         p->summary == q->summary && p->words == q->words && p->facts == q->facts && p->within == q->within &&
         p->extent == q->extent;
}

/* Ordered pairs (a, b) of the first n documents whose figures differ
 * between two built corpora of the same texts. */
static size_t count_differing_pairs(const sc_corpus *x, const sc_corpus *y, uint32_t n) {
  size_t differ = 0;
  for (uint32_t a = 0; a < n; a++)
    for (uint32_t b = 0; b < n; b++) {
      sc_pair p, q;
      CHECK(sc_corpus_compare(x, a, b, &p) == SC_OK && sc_corpus_compare(y, a, b, &q) == SC_OK);
      differ += !same_figures(&p, &q);
    }
  return differ;
}

static void test_batch_threads(void) {
  sc_corpus *c1 = fixture_corpus(), *c2 = fixture_corpus();
  if (!c1 || !c2) return;
  sc_status s1[NTEXTS], s2[NTEXTS];
  CHECK(sc_corpus_add_batch(c1, batch, NTEXTS, 1, s1) == SC_OK);
  CHECK(sc_corpus_add_batch(c2, batch, NTEXTS, 2, s2) == SC_OK);
  for (int i = 0; i < NTEXTS; i++) {
    CHECK_MSG(s1[i] == (i == 5 ? SC_E_EMPTY : SC_OK), "text %d: %s", i, sc_strerror(s1[i]));
    CHECK_EQ_INT(s1[i], s2[i]);
  }
  CHECK_EQ_INT(sc_corpus_size(c1), NTEXTS - 1);
  CHECK_EQ_INT(sc_corpus_size(c2), NTEXTS - 1);
  CHECK(sc_corpus_build(c1) == SC_OK && sc_corpus_build(c2) == SC_OK);
  const size_t n = sc_corpus_size(c1);
  for (uint32_t i = 0; i < n; i++) {
    sc_doc_info d1, d2;
    CHECK(sc_corpus_doc_info(c1, i, &d1) == SC_OK && sc_corpus_doc_info(c2, i, &d2) == SC_OK);
    CHECK_STR(d1.name, batch[i < 5 ? i : i + 1].name);  /* input order, empty one left out */
    CHECK_STR(d2.name, d1.name);
    CHECK(memcmp(d1.digest, d2.digest, 32) == 0);
  }
  CHECK_EQ_INT(count_differing_pairs(c1, c2, (uint32_t)n), 0);
  /* The all-pairs list too, at 1 and 2 scoring threads. */
  sc_pairs_options po1 = {1, 0, 0.0, NULL, NULL}, po2 = {2, 0, 0.0, NULL, NULL};
  sc_pair *l1 = NULL, *l2 = NULL;
  size_t n1 = 0, n2 = 0;
  CHECK(sc_corpus_pairs(c1, &po1, &l1, &n1) == SC_OK);
  CHECK(sc_corpus_pairs(c2, &po2, &l2, &n2) == SC_OK);
  CHECK_EQ_INT(n1, n * (n - 1) / 2);
  CHECK_EQ_INT(n1, n2);
  size_t differ = 0;
  for (size_t i = 0; i < n1 && n1 == n2; i++) differ += !same_figures(&l1[i], &l2[i]);
  CHECK_EQ_INT(differ, 0);
  sc_pairs_free(l1);
  sc_pairs_free(l2);
  sc_corpus_free(c1);
  sc_corpus_free(c2);
}

/* A built corpus drops its documents' character n-grams (doc.h); a later
 * build derives them from the texts again. Restored n-grams must be the
 * analysed ones exactly, for plain text, HTML and old word forms, and a
 * corpus built twice must give the figures of one built once. */
static const char html_text[] =
    "<!DOCTYPE html><html><head><title>Talks</title><style>p{color:red}</style></head><body>"
    "<p>Hegseth said on Thursday that <b>everything</b> is on the table &amp; more.</p>"
    "<p>Allies in Europe reacted with concern.</p></body></html>";
static const char archaic_text[] =
    "And he saith unto them, Thou hast heard what the prophet spake; he goeth before thee "
    "and doth keep thy way. Wherefore hath he said it?";

static void check_restored(const char *name, const char *text, sc_html_mode mode) {
  sc_analyzer *az = NULL;
  sc_options o;
  sc_options_init(&o);
  o.html = mode;
  sc_keys keys;
  CHECK(sc_analyzer_create(&az) == SC_OK && sc_keys_derive(o.key, &keys) == SC_OK);
  sc_doc *d = NULL;
  CHECK(sc_doc_analyze(az, &o, &keys, name, text, strlen(text), &d) == SC_OK);
  if (!az || !d) goto done;
  const size_t n = d->n_grams;
  uint64_t *grams = malloc(n * sizeof *grams);
  uint32_t *tf = malloc(n * sizeof *tf);
  CHECK(grams && tf && n > 100);
  if (!grams || !tf) goto done_copy;
  memcpy(grams, d->grams, n * sizeof *grams);
  memcpy(tf, d->gram_tf, n * sizeof *tf);
  sc_doc_drop_grams(d);
  CHECK(d->grams == NULL && d->gram_tf == NULL && d->n_grams == 0);
  CHECK(sc_doc_restore_grams(az, d) == SC_OK);
  CHECK_MSG(d->n_grams == n, "%s: %zu n-grams restored, %zu analysed", name, d->n_grams, n);
  CHECK_MSG(d->n_grams == n && memcmp(grams, d->grams, n * sizeof *grams) == 0 &&
                memcmp(tf, d->gram_tf, n * sizeof *tf) == 0,
            "%s: restored n-grams differ", name);
done_copy:
  free(grams);
  free(tf);
done:
  sc_doc_free(d);
  sc_analyzer_free(az);
}

static void test_rebuild(void) {
  check_restored("plain", para1, SC_HTML_AUTO);
  check_restored("html", html_text, SC_HTML_AUTO);
  check_restored("archaic", archaic_text, SC_HTML_AUTO);
  check_restored("html as text", html_text, SC_HTML_NEVER);

  sc_corpus *twice = fixture_corpus(), *once = fixture_corpus();
  if (!twice || !once) return;
  const sc_text extra[2] = {{"html", html_text, sizeof html_text - 1}, {"archaic", archaic_text, sizeof archaic_text - 1}};
  CHECK(sc_corpus_add_batch(twice, batch, 7, 2, NULL) == SC_OK);
  CHECK(sc_corpus_add_batch(twice, extra, 2, 1, NULL) == SC_OK);
  CHECK(sc_corpus_build(twice) == SC_OK);
  size_t dropped = 0;
  for (size_t i = 0; i < twice->docs.len; i++) dropped += twice->docs.items[i]->grams == NULL;
  CHECK_EQ_INT(dropped, sc_corpus_size(twice));
  CHECK(sc_corpus_add_batch(twice, batch + 7, NTEXTS - 7, 2, NULL) == SC_OK);
  CHECK(sc_corpus_build(twice) == SC_OK);

  CHECK(sc_corpus_add_batch(once, batch, 7, 1, NULL) == SC_OK);
  CHECK(sc_corpus_add_batch(once, extra, 2, 1, NULL) == SC_OK);
  CHECK(sc_corpus_add_batch(once, batch + 7, NTEXTS - 7, 1, NULL) == SC_OK);
  CHECK(sc_corpus_build(once) == SC_OK);

  const uint32_t n = (uint32_t)sc_corpus_size(once);
  CHECK_EQ_INT(sc_corpus_size(twice), n);
  CHECK_EQ_INT(n, NTEXTS + 1);  /* one empty text left out, two extra */
  CHECK_EQ_INT(count_differing_pairs(twice, once, n), 0);
  sc_corpus_free(twice);
  sc_corpus_free(once);
}

/* compare(a,b) and compare(b,a): same symmetric figures, swapped directed ones. */
static size_t check_order(const sc_corpus *c, uint32_t a, uint32_t b, size_t shown) {
  sc_pair p, q;
  CHECK(sc_corpus_compare(c, a, b, &p) == SC_OK && sc_corpus_compare(c, b, a, &q) == SC_OK);
  CHECK(p.a == a && p.b == b && q.a == b && q.b == a);
  const int ok = p.score == q.score && p.verdict == q.verdict && p.jaccard == q.jaccard &&
                 p.minhash == q.minhash && p.simhash == q.simhash && p.cosine == q.cosine && p.chars == q.chars &&
                 p.rewrite == q.rewrite && p.containment_ab == q.containment_ba &&
                 p.containment_ba == q.containment_ab && p.coverage_ab == q.coverage_ba &&
                 p.coverage_ba == q.coverage_ab && p.shared_shingles == q.shared_shingles && p.order == q.order;
  if (!ok && shown < 3) {
    sc_doc_info da, db;
    sc_corpus_doc_info(c, a, &da);
    sc_corpus_doc_info(c, b, &db);
    fprintf(stderr,
            "    compare(%u,%u) vs compare(%u,%u): score %.6f vs %.6f, rewrite %.6f vs %.6f, order %.4f vs %.4f "
            "(%zu and %zu sentences)\n",
            a, b, b, a, p.score, q.score, p.rewrite, q.rewrite, p.order, q.order, da.sentences, db.sentences);
  }
  return !ok;
}

static void test_argument_order(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  CHECK(sc_corpus_add_batch(c, batch, NTEXTS, 1, NULL) == SC_OK);
  /* Sentence-level rewrites of one text: shuffled, merged and trimmed
   * sentences, the cases where the two directions could part. */
  static const char *const sents[] = {
      "Zorbat kwelp mindar vostik.", "Prellum zorbat gastrin.", "Vostik dramble kwelp prellum yarnix.",
      "Mindar yarnix gastrin trobble.", "Kwelp trobble dramble zorbat.", "Gastrin vostik mindar."};
  char text[1024];
  for (int r = 0; r < 40; r++) {
    size_t n = 0;
    const size_t count = 2 + sc_test_below(5);
    for (size_t s = 0; s < count; s++) {
      const char *src = sents[sc_test_below(6)];
      n += (size_t)snprintf(text + n, sizeof text - n, "%s%s", src, sc_test_below(3) ? " " : "\n\n");
    }
    CHECK(sc_corpus_add(c, "shuffle", text, n, NULL) == SC_OK);
  }
  CHECK(sc_corpus_build(c) == SC_OK);
  const uint32_t n = (uint32_t)sc_corpus_size(c);
  size_t bad = 0;
  for (uint32_t a = 0; a < n; a++)
    for (uint32_t b = a + 1; b < n; b++) bad += check_order(c, a, b, bad);
  CHECK_MSG(bad == 0, "%zu of %u pairs change with argument order", bad, n * (n - 1) / 2);
  sc_corpus_free(c);
}

/* The same texts added in the opposite order: every pair's figures equal to
 * the last bit (float sums run in term-id order, and the ids follow the
 * stems' byte order, not arrival), in compare and in the pairs list. */
static void test_input_order(void) {
  sc_corpus *fwd = fixture_corpus(), *rev = fixture_corpus();
  if (!fwd || !rev) return;
  sc_text reversed[NTEXTS];
  for (int i = 0; i < NTEXTS; i++) reversed[i] = batch[NTEXTS - 1 - i];
  CHECK(sc_corpus_add_batch(fwd, batch, NTEXTS, 1, NULL) == SC_OK);
  CHECK(sc_corpus_add_batch(rev, reversed, NTEXTS, 1, NULL) == SC_OK);
  CHECK(sc_corpus_build(fwd) == SC_OK && sc_corpus_build(rev) == SC_OK);
  const uint32_t n = (uint32_t)sc_corpus_size(fwd);
  CHECK_EQ_INT(sc_corpus_size(rev), n);
  size_t differ = 0;
  for (uint32_t a = 0; a < n; a++)
    for (uint32_t b = 0; b < n; b++) {
      if (a == b) continue;
      sc_pair p, q;
      CHECK(sc_corpus_compare(fwd, a, b, &p) == SC_OK && sc_corpus_compare(rev, n - 1 - a, n - 1 - b, &q) == SC_OK);
      q.a = n - 1 - q.a;
      q.b = n - 1 - q.b;
      differ += !same_figures(&p, &q);
    }
  CHECK_MSG(differ == 0, "%zu of %u ordered pairs change with input order", differ, n * (n - 1));
  sc_pair *lf = NULL, *lr = NULL;
  size_t nf = 0, nr = 0;
  CHECK(sc_corpus_pairs(fwd, NULL, &lf, &nf) == SC_OK && sc_corpus_pairs(rev, NULL, &lr, &nr) == SC_OK);
  CHECK_EQ_INT(nf, nr);
  size_t listed = 0;
  for (size_t i = 0; i < nf && nf == nr; i++)
    for (size_t j = 0; j < nr; j++)
      if (lr[j].a == n - 1 - lf[i].b && lr[j].b == n - 1 - lf[i].a) {
        sc_pair q = lr[j];
        q.a = lf[i].a;
        q.b = lf[i].b;
        const double c = q.containment_ab, v = q.coverage_ab;  /* directed figures swap with the ids */
        q.containment_ab = q.containment_ba;
        q.containment_ba = c;
        q.coverage_ab = q.coverage_ba;
        q.coverage_ba = v;
        listed += same_figures(&lf[i], &q);
      }
  CHECK_EQ_INT(listed, nf);
  sc_pairs_free(lf);
  sc_pairs_free(lr);
  sc_corpus_free(fwd);
  sc_corpus_free(rev);
}

typedef struct progress_seen {
  pthread_t caller;
  size_t calls, other_thread, backwards, last_total;
  size_t last_done;
} progress_seen;

static void note_progress(void *user, size_t done, size_t total) {
  progress_seen *ps = user;
  ps->calls++;
  ps->other_thread += !pthread_equal(pthread_self(), ps->caller);
  ps->backwards += done < ps->last_done || done > total;
  ps->last_done = done;
  ps->last_total = total;
}

static void test_pairs_list(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  CHECK(sc_corpus_add_batch(c, batch, NTEXTS, 2, NULL) == SC_OK);
  CHECK(sc_corpus_build(c) == SC_OK);
  const size_t n = sc_corpus_size(c);
  sc_pair *all = NULL, *l = NULL;
  size_t nall = 0, nl = 0;
  CHECK(sc_corpus_pairs(c, NULL, &all, &nall) == SC_OK);
  CHECK_EQ_INT(nall, n * (n - 1) / 2);
  size_t bad_rank = 0, bad_fig = 0;
  for (size_t i = 0; i < nall; i++) {
    CHECK(all[i].a < all[i].b && all[i].b < n);
    if (i) {
      const sc_pair *p = &all[i - 1], *q = &all[i];
      bad_rank += !(p->score > q->score || (p->score == q->score && (p->a < q->a || (p->a == q->a && p->b < q->b))));
    }
    sc_pair s;
    CHECK(sc_corpus_compare(c, all[i].a, all[i].b, &s) == SC_OK);
    /* The list finds its candidates by float blocks (sgemm or posting
     * lists) but scores them as compare does: the same figures, bit for
     * bit, or matrix and compare would print different ones. */
    bad_fig += !same_figures(&s, &all[i]);
  }
  CHECK_EQ_INT(bad_rank, 0);
  CHECK_EQ_INT(bad_fig, 0);

  /* min_score keeps exactly the pairs at or above it. */
  sc_pairs_options po = {1, 0, 0.3, NULL, NULL};
  CHECK(sc_corpus_pairs(c, &po, &l, &nl) == SC_OK);
  size_t want = 0;
  for (size_t i = 0; i < nall; i++) want += all[i].score >= 0.3;
  CHECK_EQ_INT(nl, want);
  CHECK(want > 0 && want < nall);
  for (size_t i = 0; i < nl; i++) CHECK(l[i].score >= 0.3);
  sc_pairs_free(l);

  /* The progress callback: on the calling thread, counts that never go
   * back, the last one all pairs; two threads, so both workers score. */
  progress_seen ps = {pthread_self(), 0, 0, 0, 0, 0};
  sc_pairs_options pp = {2, 0, 0.0, note_progress, &ps};
  CHECK(sc_corpus_pairs(c, &pp, &l, &nl) == SC_OK);
  CHECK_EQ_INT(nl, nall);
  CHECK(ps.calls > 0);
  CHECK_EQ_INT(ps.other_thread, 0);
  CHECK_EQ_INT(ps.backwards, 0);
  CHECK_EQ_INT(ps.last_total, nall);
  sc_pairs_free(l);

  /* top_k: a pair stays if it is among the K best of either document. */
  for (uint32_t k = 1; k <= 3; k++) {
    sc_pairs_options pk = {1, k, 0.0, NULL, NULL};
    CHECK(sc_corpus_pairs(c, &pk, &l, &nl) == SC_OK);
    uint32_t seen[NTEXTS] = {0};
    size_t j = 0, mismatch = 0;
    for (size_t i = 0; i < nall; i++) {
      const int keep = seen[all[i].a] < k || seen[all[i].b] < k;
      seen[all[i].a]++;
      seen[all[i].b]++;
      if (!keep) continue;
      if (j >= nl || l[j].a != all[i].a || l[j].b != all[i].b) mismatch++;
      j++;
    }
    CHECK_MSG(mismatch == 0 && j == nl, "top_k=%u: %zu pairs, want %zu (%zu mismatches)", k, nl, j, mismatch);
    sc_pairs_free(l);
  }
  sc_pairs_free(all);
  sc_corpus_free(c);
}

/* ---- Allocation failure injection ------------------------------------- */

typedef struct run_result {
  sc_pair cmp[16];
  size_t ncmp;
  sc_pair *list;
  size_t nlist;
} run_result;

/* The workflow under test: create, add a batch (one text empty), build, add
 * more, build again, compare pairs, list pairs with top-K. Single-threaded
 * (the failure countdown is per thread). Checks the corpus stays usable
 * after each failure. */
static unsigned long partial_batches;  /* failed batches that left documents behind */
static unsigned long partial_built;    /* ... in a corpus still marked built */

static sc_status workflow(run_result *r) {
  memset(r, 0, sizeof *r);
  sc_options o;
  sc_options_init(&o);
  sc_corpus *c = NULL;
  sc_status st = sc_corpus_create(&o, &c);
  if (st != SC_OK) {
    CHECK(c == NULL);
    return st;
  }
  sc_status status[NTEXTS];
  if ((st = sc_corpus_add_batch(c, batch + 4, 3, 1, status)) != SC_OK) goto done;  /* 4, 5 (empty), 6 */
  if ((st = sc_corpus_build(c)) != SC_OK) goto done;
  const size_t before = sc_corpus_size(c);
  if ((st = sc_corpus_add_batch(c, batch, 3, 1, status)) != SC_OK) {
    /* A failed batch adds nothing, and never leaves unweighed documents in a
     * corpus that claims to be built. */
    if (sc_corpus_size(c) != before) {
      partial_batches++;
      partial_built += c->built != 0;  /* compare would read unweighed documents */
    }
    goto done;
  }
  if ((st = sc_corpus_build(c)) != SC_OK) {
    sc_pair p;
    CHECK(sc_corpus_compare(c, 0, 1, &p) == SC_E_STATE);
    goto done;
  }
  const uint32_t n = (uint32_t)sc_corpus_size(c);
  for (uint32_t a = 0; a < n; a++)
    for (uint32_t b = a + 1; b < n; b++)
      if ((st = sc_corpus_compare(c, a, b, &r->cmp[r->ncmp++])) != SC_OK) goto done;
  sc_pairs_options po = {1, 1, 0.0, NULL, NULL};
  st = sc_corpus_pairs(c, &po, &r->list, &r->nlist);
  if (st != SC_OK) CHECK(r->list == NULL);
done:
  sc_corpus_free(c);
  return st;
}

static int same_result(const run_result *x, const run_result *y) {
  if (x->ncmp != y->ncmp || x->nlist != y->nlist) return 0;
  for (size_t i = 0; i < x->ncmp; i++)
    if (!same_figures(&x->cmp[i], &y->cmp[i])) return 0;
  for (size_t i = 0; i < x->nlist; i++)
    if (!same_figures(&x->list[i], &y->list[i])) return 0;
  return 1;
}

/* Prints how two results differ (first differing pair). */
static void describe_diff(const run_result *x, const run_result *ref) {
  if (x->nlist != ref->nlist) fprintf(stderr, "    pair list: %zu pairs, want %zu\n", x->nlist, ref->nlist);
  for (size_t i = 0; i < x->nlist && i < ref->nlist; i++) {
    const sc_pair *p = &x->list[i], *q = &ref->list[i];
    if (same_figures(p, q)) continue;
    fprintf(stderr, "    pair list entry %zu (%u,%u): order %.4f want %.4f, score %.4f want %.4f\n", i, p->a, p->b,
            p->order, q->order, p->score, q->score);
    break;
  }
  for (size_t i = 0; i < x->ncmp && i < ref->ncmp; i++) {
    const sc_pair *p = &x->cmp[i], *q = &ref->cmp[i];
    if (same_figures(p, q)) continue;
    fprintf(stderr, "    compare(%u,%u): order %.4f want %.4f, rewrite %.4f want %.4f, score %.4f want %.4f\n", p->a,
            p->b, p->order, q->order, p->rewrite, q->rewrite, p->score, q->score);
    break;
  }
}

/* 1 if the failure countdown is still armed (it did not fire in the run):
 * sc_normalize makes two allocations. */
static int countdown_left(void) {
  sc_normtext t;
  const sc_status st = sc_normalize("a", 1, &t);
  if (st == SC_OK) sc_normtext_free(&t);
  return st == SC_E_NOMEM;
}

static void test_oom(void) {
  run_result ref, r;
  CHECK(workflow(&ref) == SC_OK);
  CHECK(ref.ncmp == 10 && ref.nlist > 0);
  unsigned long n, failures = 0, swallowed = 0, wrong = 0;
  for (n = 1; n < 100000; n++) {
    sc__alloc_fail_after(n);
    const sc_status st = workflow(&r);
    const int armed = st == SC_OK && countdown_left();
    sc__alloc_fail_after(0);
    if (st != SC_OK) {
      failures++;
      CHECK_MSG(st == SC_E_NOMEM, "allocation %lu failed: got %s, want out of memory", n, sc_strerror(st));
      sc_pairs_free(r.list);
      continue;
    }
    if (armed) {  /* the run made fewer than n allocations: done */
      CHECK(same_result(&r, &ref));
      sc_pairs_free(r.list);
      break;
    }
    /* The run succeeded although allocation n failed. */
    swallowed++;
    if (!same_result(&r, &ref)) {
      wrong++;
      CHECK_MSG(0, "allocation %lu failed silently and the results differ", n);
      if (wrong <= 3) describe_diff(&r, &ref);
    }
    sc_pairs_free(r.list);
  }
  printf("OOM injection: %lu allocations, %lu reported failures, %lu silent (%lu with wrong results)\n", n - 1,
         failures, swallowed, wrong);
  CHECK_MSG(partial_batches == 0, "%lu failed batches left some of their documents in the corpus "
            "(%lu of them with the corpus still marked built: comparing such a document reads "
            "weights that were never computed)", partial_batches, partial_built);
  CHECK(failures > 50);
  CHECK_MSG(n < 100000, "the workflow never ran to completion");
  sc_pairs_free(ref.list);
}

/* A NULL text of length 0 is a valid argument (only NULL with len > 0 is
 * rejected) and holds no words. Run on its own (ctest test_corpus_null_text):
 * undefined behaviour here aborts the process under UBSan. */
static void test_null_text(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  CHECK(sc_corpus_add(c, "null", NULL, 0, NULL) == SC_E_EMPTY);
  sc_text t = {"null", NULL, 0};
  sc_status st = SC_OK;
  CHECK(sc_corpus_add_batch(c, &t, 1, 1, &st) == SC_OK);
  CHECK(st == SC_E_EMPTY);
  CHECK_EQ_INT(sc_corpus_size(c), 0);
  sc_corpus_free(c);
}

/* The IDF counts a group of copies and near-copies once (copies.h):
 * adding copies of a text (even with other spacing and case, one
 * normalized text) or a near-copy (one word changed, shingle Jaccard 0.706)
 * leaves the TF-IDF cosine of a pair without the changed word as it was;
 * a new text changes it. */
static double cosine_with(const char *const *texts, size_t n) {
  sc_corpus *c = fixture_corpus();
  if (!c) return -1;
  for (size_t i = 0; i < n; i++) fixture_add_str(c, NULL, texts[i]);
  sc_pair p = {0};
  const int ok = sc_corpus_build(c) == SC_OK && sc_corpus_compare(c, 0, 1, &p) == SC_OK;
  CHECK(ok);
  sc_corpus_free(c);
  return ok ? p.cosine : -1;
}

static void test_copies_in_idf(void) {
  const char *a = "The harbour master counted the fishing boats that left before the storm, wrote their names in "
                  "the ledger, and sent the youngest clerk to warn the families who lived along the northern quay.";
  const char *near = "The harbour master counted the fishing boats that left before the storm, wrote their names in "
                     "the ledger, and sent the youngest apprentice to warn the families who lived along the northern "
                     "quay.";
  const char *b = "Before the storm the harbour master counted the boats leaving the port and warned the families.";
  const char *third = "A storm closed the port and the fishing fleet stayed at home.";
  const char *const alone[] = {a, b, third};
  const char *const copies[] = {
      a, b, third, a,
      "THE harbour  master counted the fishing boats that left before the storm, wrote their names in the ledger, "
      "and sent the youngest clerk to warn the families who lived along the northern quay.",
      b};
  const char *const near_copy[] = {a, b, third, near};
  const char *const other[] = {a, b, third, "The harbour master counted the boats."};
  const double base = cosine_with(alone, 3);
  CHECK_MSG(base > 0.3 && base < 0.99, "cosine %.6f", base);
  const double with_copies = cosine_with(copies, 6), with_near = cosine_with(near_copy, 4);
  CHECK_MSG(with_copies == base, "cosine %.9f with copies of a and b, %.9f without", with_copies, base);
  CHECK_MSG(with_near == base, "cosine %.9f with a near-copy of a, %.9f without", with_near, base);
  const double with_other = cosine_with(other, 4);
  CHECK_MSG(fabs(with_other - base) > 1e-4, "cosine %.9f with a new text, %.9f without", with_other, base);
}

/* The groups themselves: a chain of near-copies is one group (a and its
 * second-hand copy share less than the threshold), texts too short for a
 * shingle group only when identical, an unrelated text alone. */
static void test_copy_groups(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  const char *a = "The harbour master counted the fishing boats that left before the storm, wrote their names in "
                  "the ledger, and sent the youngest clerk to warn the families who lived along the northern quay.";
  const char *a1 = "The harbour master counted the fishing boats that left before the storm, wrote their names in "
                   "the ledger, and sent the youngest apprentice to warn the families who lived along the northern "
                   "quay.";
  const char *a2 = "The harbour master counted the fishing boats that left before the gale, wrote their names in "
                   "the ledger, and sent the youngest apprentice to warn the families who lived along the northern "
                   "quay.";
  const char *texts[] = {"Yes, indeed.", a,  "No, never.", a2, "A storm closed the port and the fishing fleet stayed.",
                         a1,             "yes,  INDEED."};
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) fixture_add_str(c, NULL, texts[i]);
  uint32_t group[7];
  size_t n_groups = 0;
  CHECK(sc_copy_groups(c->docs.items, c->docs.len, 128, 0.5, group, &n_groups) == SC_OK);
  const uint32_t want[7] = {0, 1, 2, 1, 4, 1, 0};
  for (size_t i = 0; i < 7; i++)
    CHECK_MSG(group[i] == want[i], "document %zu in group %u, expected %u", i, group[i], want[i]);
  CHECK_EQ_INT(n_groups, 4);
  sc_pair p;
  CHECK(sc_corpus_build(c) == SC_OK && sc_corpus_compare(c, 1, 3, &p) == SC_OK);
  CHECK_MSG(p.jaccard < 0.5, "a and its second-hand copy: Jaccard %.3f, expected under 0.5 (linked through a1)",
            p.jaccard);
  /* A threshold no banding reaches: copies by digest only. */
  CHECK(sc_copy_groups(c->docs.items, c->docs.len, 8, 0.01, group, &n_groups) == SC_OK);
  CHECK_EQ_INT(n_groups, 6);
  sc_corpus_free(c);
}

/* A first sentence of stop words only leaves no term to sort: under UBSan
 * the empty sort of a never-filled buffer was an abort (qsort on NULL). */
static void test_stopword_sentence(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  const uint32_t a = fixture_add_str(c, "a", "Of the. Zebra stripes run fast.");
  const uint32_t b = fixture_add_str(c, "b", "a that a");
  const uint32_t z = fixture_add_str(c, "z", "Zebra stripes run fast today.");
  CHECK(sc_corpus_build(c) == SC_OK);
  sc_doc_info d;
  CHECK(sc_corpus_doc_info(c, a, &d) == SC_OK);
  CHECK_EQ_INT(d.sentences, 2);
  sc_pair p;
  CHECK(sc_corpus_compare(c, a, z, &p) == SC_OK);
  CHECK_MSG(p.cosine > 0.8, "cosine %.3f: the second sentence's terms count", p.cosine);
  CHECK(sc_corpus_compare(c, b, z, &p) == SC_OK);
  CHECK_NEAR(p.cosine, 0, 0);
  sc_corpus_free(c);
}

/* The digest reads line breaks as spaces, so layout never splits copies;
 * the text's own characters still do. Expected digests are those of the
 * one-line form, hashed here with libsodium directly. */
static void test_layout_digest(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  const char *line = "The river rose in the night. By morning the bridge was gone.";
  const char *texts[] = {
      line,
      "The river rose in the night.\n\n\nBy morning the bridge was gone.\n",  /* paragraphs */
      "The river rose\r\nin the night. By morning\r\nthe bridge was gone.",    /* CRLF wrap */
      "The river rose in the night. By morning the bridge was gone!",           /* a character */
      "The river rose in thenight. By morning the bridge was gone.",            /* a space */
  };
  const int duplicate[] = {1, 1, 1, 0, 0};
  uint32_t id[5];
  for (size_t i = 0; i < 5; i++) id[i] = fixture_add_str(c, NULL, texts[i]);
  CHECK(sc_corpus_build(c) == SC_OK);
  uint8_t want[32];
  crypto_generichash(want, sizeof want, (const unsigned char *)"the river rose in the night. by morning the bridge was gone.",
                     strlen(line), NULL, 0);
  for (size_t i = 0; i < 5; i++) {
    sc_doc_info d;
    CHECK(sc_corpus_doc_info(c, id[i], &d) == SC_OK);
    CHECK_MSG((memcmp(d.digest, want, sizeof want) == 0) == duplicate[i], "text %zu: digest %s the one-line form's",
              i, duplicate[i] ? "differs from" : "equals");
    if (i == 0) continue;
    sc_pair p;
    CHECK(sc_corpus_compare(c, id[0], id[i], &p) == SC_OK);
    CHECK_MSG((p.verdict == SC_VERDICT_DUPLICATE) == duplicate[i], "text %zu: verdict %s", i,
              sc_verdict_name(p.verdict));
  }
  sc_corpus_free(c);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 2025);
  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], "--null-text") == 0) {
      test_null_text();
      return sc_test_done("test_corpus --null-text");
    }
  make_batch();
  test_verdicts();
  test_cjk();
  test_empty_and_info();
  test_batch_threads();
  test_rebuild();
  test_argument_order();
  test_input_order();
  test_pairs_list();
  test_copies_in_idf();
  test_copy_groups();
  test_layout_digest();
  test_stopword_sentence();
  test_oom();
  return sc_test_done("test_corpus");
}
