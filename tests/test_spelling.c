/*
 * test_spelling.c: British spellings map to their American form (and only
 * those: words the rules match by accident, words American English also
 * writes, American forms themselves stay), and through the public API a
 * text respelled for the other side of the Atlantic shares all its words.
 */
#include "corpus_fixture.h"
#include "sc_test.h"
#include "simcheck.h"
#include "spelling.h"

static void expect_american(const char *british, const char *american) {
  size_t n = 0;
  const char *a = sc_american_spelling(british, strlen(british), &n);
  CHECK_MSG(a && n == strlen(american) && memcmp(a, american, n) == 0, "'%s' -> '%.*s', expected '%s'", british,
            a ? (int)n : 6, a ? a : "(none)", american);
}

static void expect_none(const char *w) {
  size_t n = 12345;
  const char *a = sc_american_spelling(w, strlen(w), &n);
  CHECK_MSG(!a && n == 12345, "'%s' -> '%.*s', expected no American form", w, a ? (int)n : 0, a ? a : "");
}

static void test_table(void) {
  CHECK(sc_spelling_count > 1000);
  for (size_t i = 0; i < sc_spelling_count; i++) {
    CHECK_MSG(i == 0 || strcmp(sc_spelling_table[i - 1].british, sc_spelling_table[i].british) < 0,
              "entry %zu ('%s') out of order", i, sc_spelling_table[i].british);
    CHECK_MSG(strcmp(sc_spelling_table[i].british, sc_spelling_table[i].american) != 0, "'%s' maps to itself",
              sc_spelling_table[i].british);
  }
}

static void test_forms(void) {
  expect_american("colour", "color");
  expect_american("honours", "honors");
  expect_american("neighbour", "neighbor");
  expect_american("organised", "organized");
  expect_american("analyse", "analyze");
  expect_american("centre", "center");
  expect_american("defence", "defense");
  expect_american("oestrogen", "estrogen");
  expect_american("marvellous", "marvelous");
  /* Not variants although a rule matches; forms American English also
   * writes; American forms; prefixes and length. */
  expect_none("hour");
  expect_none("four");
  expect_none("your");
  expect_none("promise");
  expect_none("rise");
  expect_none("mantoes");
  expect_none("snowshoed");
  expect_none("travelled");
  expect_none("grey");
  expect_none("programme");
  expect_none("color");
  expect_none("colo");
  size_t n = 0;
  CHECK(sc_american_spelling("colourful", 6, &n) != NULL && n == 5); /* "colour" of "colourful" */
}

/* A British text and its American respelling: every word and character
 * n-gram shared once mapped; the shingles (copy evidence) keep the
 * original words, and each of the eleven five-word shingles holds a respelled
 * word. */
static void test_pair(void) {
  sc_pair p;
  if (!fixture_compare("The council organised a debate on the colour of the harbour at the town centre.",
                       "The council organized a debate on the color of the harbor at the town center.", &p))
    return;
  CHECK_MSG(p.words > 0.999, "shared words %.3f, expected 1", p.words);
  CHECK_MSG(p.chars > 0.999, "character n-gram cosine %.3f, expected 1", p.chars);
  CHECK_MSG(p.cosine > 0.999, "TF-IDF cosine %.3f, expected 1", p.cosine);
  CHECK_MSG(p.shared_shingles == 0, "shared shingles %u, expected 0", p.shared_shingles);
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  test_table();
  test_forms();
  test_pair();
  return sc_test_done("test_spelling");
}
