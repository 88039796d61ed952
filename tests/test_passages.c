/*
 * test_passages.c: matched passages (sc_corpus_passages) through the public
 * API, every offset checked by slicing the original bytes: a quotation the
 * sample articles 002 and 004 share; a paragraph embedded between two
 * unrelated ones (exactly one passage, covering it); unrelated texts (none);
 * and the winnowing guarantee: a shared run of exactly 8 words, anywhere in
 * otherwise different random texts, is always found.
 * Usage: test_passages SEEDS_DIR [--seed N]
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>

#include "corpus_fixture.h"
#include "sc_test.h"
#include "simcheck.h"

static const char quote[] =
    "does not believe that NATO membership for Ukraine is a realistic outcome of a negotiated settlement";

static const char *const unrelated[] = {
    "Local farmers reported a strong apple harvest despite the dry summer, and several orchards opened "
    "their gates to visitors for the first time. Prices at the weekly market stayed steady while the "
    "cooperative bought a second cider press for the autumn.",
    "A new footbridge over the canal is due to open next month after two years of building work. "
    "Cyclists welcomed the plan, although some residents worried about noise at night and asked the "
    "council for better lighting along the towpath.",
};

/* Reads SEEDS_DIR/PREFIX* (the one file whose name starts with PREFIX). */
static char *read_seed(const char *dir, const char *prefix, size_t *len) {
  DIR *d = opendir(dir);
  if (!d) return NULL;
  char path[4096] = "";
  for (struct dirent *e; (e = readdir(d));)
    if (strncmp(e->d_name, prefix, strlen(prefix)) == 0) snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
  closedir(d);
  FILE *f = path[0] ? fopen(path, "rb") : NULL;
  if (!f) return NULL;
  char *buf = NULL;
  size_t n = 0, cap = 0;
  for (;;) {
    if (n + 4096 > cap) {
      char *p = realloc(buf, cap = cap * 2 + 8192);
      if (!p) break;
      buf = p;
    }
    const size_t r = fread(buf + n, 1, cap - n - 1, f);
    if (r == 0) break;
    n += r;
  }
  fclose(f);
  if (buf) buf[n] = '\0';
  *len = n;
  return buf;
}

/* Does text[off, off+len) contain @p needle? */
static int slice_has(const char *text, size_t off, size_t len, const char *needle) {
  const size_t nl = strlen(needle);
  for (size_t i = off; i + nl <= off + len; i++)
    if (memcmp(text + i, needle, nl) == 0) return 1;
  return 0;
}

/* The quotation shared by 002 and 004, found from either side, at offsets
 * that slice it out of both original files. */
static void test_seed_quote(const char *seeds) {
  size_t la = 0, lb = 0;
  char *ta = read_seed(seeds, "002_", &la), *tb = read_seed(seeds, "004_", &lb);
  CHECK_MSG(ta && tb, "cannot read 002_* and 004_* in %s", seeds);
  sc_corpus *c = ta && tb ? fixture_corpus() : NULL;
  if (c) {
    const uint32_t a = fixture_add(c, "002", ta, la), b = fixture_add(c, "004", tb, lb);
    CHECK(sc_corpus_build(c) == SC_OK);
    for (int dir = 0; dir < 2; dir++) {
      const uint32_t x = dir ? b : a, y = dir ? a : b;
      const char *tx = dir ? tb : ta, *ty = dir ? ta : tb;
      const size_t lx = dir ? lb : la, ly = dir ? la : lb;
      sc_passage *p = NULL;
      size_t n = 0;
      CHECK(sc_corpus_passages(c, x, y, 0, &p, &n) == SC_OK);
      CHECK_MSG(n >= 3, "%zu passages", n);
      int found = 0;
      for (size_t i = 0; i < n; i++) {
        CHECK(p[i].a_offset + p[i].a_length <= lx && p[i].b_offset + p[i].b_length <= ly);
        CHECK(p[i].words >= 8 && p[i].similarity > 0 && p[i].similarity <= 1);
        CHECK_MSG(i == 0 || p[i].a_offset > p[i - 1].a_offset, "passages not in a's order at %zu", i);
        if (slice_has(tx, p[i].a_offset, p[i].a_length, quote) && slice_has(ty, p[i].b_offset, p[i].b_length, quote))
          found++;
      }
      CHECK_MSG(found == 1, "the NATO quotation is in %d passages (direction %d)", found, dir);
      sc_passages_free(p);
    }
  }
  sc_corpus_free(c);
  free(ta);
  free(tb);
}

/* A paragraph of a seed placed between two unrelated paragraphs: exactly
 * one passage, from its first word to its last, on both sides. */
static void test_embedded(const char *seeds) {
  size_t len = 0;
  char *seed = read_seed(seeds, "000_", &len);
  CHECK(seed != NULL);
  if (!seed) return;
  /* The seed's fourth line: one paragraph of plain prose. */
  const char *para = seed;
  for (int line = 0; line < 3 && para; line++) {
    para = strchr(para, '\n');
    if (para) para++;
  }
  CHECK(para != NULL);
  const size_t plen = para ? (size_t)(strchr(para, '\n') ? strchr(para, '\n') - para : (ptrdiff_t)strlen(para)) : 0;
  CHECK_MSG(plen > 200, "paragraph of %zu bytes", plen);
  char host[8192];
  const int hlen = snprintf(host, sizeof host, "%s\n\n%.*s\n\n%s\n", unrelated[0], (int)plen, para, unrelated[1]);
  CHECK(hlen > 0 && (size_t)hlen < sizeof host);
  const size_t where = strlen(unrelated[0]) + 2;  /* the paragraph's offset in host */

  sc_corpus *c = fixture_corpus();
  if (c && plen) {
    const uint32_t doc = fixture_add(c, "paragraph", para, plen), big = fixture_add(c, "host", host, (size_t)hlen);
    CHECK(sc_corpus_build(c) == SC_OK);
    sc_passage *p = NULL;
    size_t n = 0;
    CHECK(sc_corpus_passages(c, doc, big, 0, &p, &n) == SC_OK);
    CHECK_EQ_INT(n, 1);
    if (n == 1) {
      /* From the first word to the last: the slice may leave out closing
       * punctuation (a full stop, a closing quote) but no word. */
      CHECK_EQ_INT(p[0].a_offset, 0);
      CHECK_MSG(p[0].a_length + 4 >= plen && p[0].a_length <= plen, "a: %zu+%zu of %zu bytes", p[0].a_offset,
                p[0].a_length, plen);
      CHECK_EQ_INT(p[0].b_offset, where);
      CHECK_EQ_INT(p[0].b_length, p[0].a_length);
      CHECK_MEM(host + p[0].b_offset, p[0].b_length, para + p[0].a_offset, p[0].a_length);
      CHECK_NEAR(p[0].similarity, 1.0, 0);
    }
    sc_passages_free(p);
    /* And from the host's side. */
    CHECK(sc_corpus_passages(c, big, doc, 0, &p, &n) == SC_OK);
    CHECK_EQ_INT(n, 1);
    if (n == 1) CHECK_MEM(host + p[0].a_offset, p[0].a_length, para + p[0].b_offset, p[0].b_length);
    sc_passages_free(p);
  }
  sc_corpus_free(c);
  free(seed);
}

static void test_unrelated(const char *seeds) {
  size_t len = 0;
  char *seed = read_seed(seeds, "003_", &len);
  sc_corpus *c = fixture_corpus();
  if (c && seed) {
    const uint32_t x = fixture_add(c, "farm", unrelated[0], strlen(unrelated[0]));
    const uint32_t y = fixture_add(c, "bridge", unrelated[1], strlen(unrelated[1]));
    const uint32_t z = fixture_add(c, "003", seed, len);
    CHECK(sc_corpus_build(c) == SC_OK);
    const uint32_t pairs[][2] = {{x, y}, {y, x}, {x, z}, {z, y}};
    for (size_t i = 0; i < 4; i++) {
      sc_passage *p = NULL;
      size_t n = 99;
      CHECK(sc_corpus_passages(c, pairs[i][0], pairs[i][1], 0, &p, &n) == SC_OK);
      CHECK_MSG(n == 0, "pair %zu: %zu passages", i, n);
      sc_passages_free(p);
    }
  }
  sc_corpus_free(c);
  free(seed);
}

/* A made-up word from three syllables: 20^3 = 8000 words and none a stop
 * word, so random texts share no run of words by chance. */
static void random_word(char *w, size_t cap) {
  static const char *const syl[] = {"ba", "ke", "lo", "mu", "ni", "po", "ra", "si", "tu", "vo",
                                    "den", "gal", "hir", "jom", "kus", "lep", "mor", "nat", "pel", "rud"};
  snprintf(w, cap, "%s%s%s", syl[sc_test_below(20)], syl[sc_test_below(20)], syl[sc_test_below(20)]);
}

enum { RUN = 8, WORD_MAX = 16, TRIALS = 300 };

/* Appends @p n random words to @p buf, none equal to @p avoid (may be ""). */
static size_t random_words(char *buf, size_t len, size_t n, const char *avoid_first, const char *avoid_last) {
  for (size_t i = 0; i < n; i++) {
    char w[WORD_MAX];
    do random_word(w, sizeof w);
    while ((i == 0 && strcmp(w, avoid_first) == 0) || (i + 1 == n && strcmp(w, avoid_last) == 0));
    len += (size_t)sprintf(buf + len, "%s%s", w, (i + 1) % 12 == 0 ? ". " : " ");
  }
  return len;
}

/* The winnowing guarantee: every shared run of 8 words is found, whatever
 * its position (start, middle, end) in either text. Neighbours of the run
 * differ, so the passage is exactly those 8 words. */
static void test_eight_words(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  static char ta[TRIALS][4096], tb[TRIALS][4096];
  static char run[TRIALS][RUN * WORD_MAX];
  for (size_t t = 0; t < TRIALS; t++) {
    size_t rl = 0;
    char first[WORD_MAX] = "", last[WORD_MAX] = "";
    for (size_t i = 0; i < RUN; i++) {
      char w[WORD_MAX];
      random_word(w, sizeof w);
      if (i == 0) snprintf(first, sizeof first, "%s", w);
      snprintf(last, sizeof last, "%s", w);
      rl += (size_t)sprintf(run[t] + rl, "%s%s", i ? " " : "", w);
    }
    /* Words before and after the run in each text: 0 puts it at an edge. */
    const size_t pre_a = t % 5 == 0 ? 0 : sc_test_below(120), post_a = t % 7 == 0 ? 0 : sc_test_below(120);
    const size_t pre_b = t % 3 == 0 ? 0 : sc_test_below(120), post_b = t % 11 == 0 ? 0 : sc_test_below(120);
    size_t la = random_words(ta[t], 0, pre_a, "", first);
    la += (size_t)sprintf(ta[t] + la, "%s ", run[t]);
    random_words(ta[t], la, post_a, last, "");
    size_t lb = random_words(tb[t], 0, pre_b, "", first);
    lb += (size_t)sprintf(tb[t] + lb, "%s. ", run[t]);
    random_words(tb[t], lb, post_b, last, "");
    fixture_add(c, "a", ta[t], strlen(ta[t]));
    fixture_add(c, "b", tb[t], strlen(tb[t]));
  }
  CHECK(sc_corpus_build(c) == SC_OK);
  for (size_t t = 0; t < TRIALS; t++) {
    sc_passage *p = NULL;
    size_t n = 0;
    CHECK(sc_corpus_passages(c, (uint32_t)(2 * t), (uint32_t)(2 * t + 1), 0, &p, &n) == SC_OK);
    CHECK_MSG(n == 1, "trial %zu: %zu passages; run '%s'", t, n, run[t]);
    if (n == 1) {
      CHECK_MEM(ta[t] + p[0].a_offset, p[0].a_length, run[t], strlen(run[t]));
      CHECK_MEM(tb[t] + p[0].b_offset, p[0].b_length, run[t], strlen(run[t]));
      CHECK_EQ_INT(p[0].words, RUN);
    }
    sc_passages_free(p);
  }
  sc_corpus_free(c);
}

/* Invalid arguments. */
static void test_args(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  fixture_add(c, "x", unrelated[0], strlen(unrelated[0]));
  sc_passage *p = NULL;
  size_t n = 0;
  CHECK(sc_corpus_passages(c, 0, 1, 0, &p, &n) == SC_E_INVALID_ARG);
  CHECK(sc_corpus_passages(NULL, 0, 0, 0, &p, &n) == SC_E_INVALID_ARG);
  CHECK(sc_corpus_passages(c, 0, 0, 0, NULL, &n) == SC_E_INVALID_ARG);
  CHECK(sc_corpus_passages(c, 0, 0, 0, &p, NULL) == SC_E_INVALID_ARG);
  sc_passages_free(NULL);
  sc_corpus_free(c);
}

/* Texts shorter than one fingerprinted 5-gram have no fingerprints: no
 * passage, and no call into qsort with a NULL array (UBSan aborts here). */
static void test_short_texts(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  fixture_add(c, "short", "four words only here", 20);
  fixture_add(c, "long", "four words only here and then many more words follow", 52);
  for (uint32_t a = 0; a < 2; a++)
    for (uint32_t b = 0; b < 2; b++) {
      sc_passage *p = NULL;
      size_t n = 99;
      CHECK(sc_corpus_passages(c, a, b, 0, &p, &n) == SC_OK);
      CHECK_EQ_INT(n, a == 1 && b == 1 ? 1 : 0);
      sc_passages_free(p);
    }
  sc_corpus_free(c);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 8);
  const char *seeds = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--seed") == 0) i++;
    else seeds = argv[i];
  }
  if (!seeds) {
    fprintf(stderr, "usage: %s SEEDS_DIR [--seed N]\n", argv[0]);
    return 2;
  }
  test_seed_quote(seeds);
  test_embedded(seeds);
  test_unrelated(seeds);
  test_eight_words();
  test_args();
  test_short_texts();
  return sc_test_done("test_passages");
}
