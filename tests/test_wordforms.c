/*
 * test_wordforms.c: Early Modern English forms map to their modern spelling
 * (table, -eth rule and its exceptions), the stemmer joins the rule's -es
 * forms with the modern ones, and through the public API an old/modern pair
 * shares all its words while its shingles (copy evidence) stay untouched;
 * shared words count inflections of a content word once.
 */
#include <libstemmer.h>

#include "corpus_fixture.h"
#include "sc_test.h"
#include "simcheck.h"
#include "wordforms.h"

int sc__wordforms_sorted(void);

static void expect_form(const char *old, const char *modern) {
  char buf[SC_WORDFORM_MAX];
  size_t n = 0;
  const char *f = sc_modern_form(old, strlen(old), buf, &n);
  CHECK_MSG(n == strlen(modern) && memcmp(f, modern, n) == 0, "'%s' -> '%.*s', expected '%s'", old, (int)n, f,
            modern);
}

static void expect_same_stem(struct sb_stemmer *st, const char *old, const char *modern) {
  char buf[SC_WORDFORM_MAX], a[64];
  size_t n = 0;
  const char *f = sc_modern_form(old, strlen(old), buf, &n);
  const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)f, (int)n);
  snprintf(a, sizeof a, "%.*s", sb_stemmer_length(st), (const char *)s);
  s = sb_stemmer_stem(st, (const sb_symbol *)modern, (int)strlen(modern));
  CHECK_MSG((size_t)sb_stemmer_length(st) == strlen(a) && memcmp(s, a, strlen(a)) == 0,
            "'%s' stems to '%s', '%s' to '%.*s'", old, a, modern, sb_stemmer_length(st), (const char *)s);
}

static void test_forms(void) {
  CHECK(sc__wordforms_sorted());
  expect_form("thou", "you");
  expect_form("thee", "you");
  expect_form("thy", "your");
  expect_form("hath", "has");
  expect_form("unto", "to");
  expect_form("ye", "you");
  expect_form("yea", "yes");
  expect_form("cometh", "comes");
  expect_form("maketh", "makes");
  expect_form("goeth", "goes");
  expect_form("smote", "struck");
  expect_form("slain", "killed");
  expect_form("slayeth", "kills");  /* the table before the -eth rule */
  expect_form("hearkened", "listened");
  expect_form("brethren", "brothers");
  expect_form("speaketh", "speakes");
  /* Unchanged: modern words, -eth words that are not verbs, ordinals, short
   * words, prefixes of table entries and the length limit. */
  expect_form("you", "you");
  expect_form("teeth", "teeth");
  expect_form("beneath", "beneath");
  expect_form("twentieth", "twentieth");
  expect_form("seth", "seth");
  expect_form("th", "th");
  expect_form("art", "art");
  char buf[SC_WORDFORM_MAX];
  size_t n = 0;
  CHECK(sc_modern_form("thoughts", 3, buf, &n)[0] == 't' && n == 3);  /* "tho" is not in the table */
  CHECK(sc_modern_form("thou!", 4, buf, &n) && n == 3);               /* length is honoured */
  char longword[SC_WORDFORM_MAX + 8];
  memset(longword, 'a', sizeof longword);
  memcpy(longword + sizeof longword - 3, "eth", 3);
  CHECK(sc_modern_form(longword, sizeof longword, buf, &n) == longword && n == sizeof longword);
}

static void test_stems(void) {
  struct sb_stemmer *st = sb_stemmer_new("english", "UTF_8");
  CHECK(st != NULL);
  if (!st) return;
  expect_same_stem(st, "speaketh", "speaks");
  expect_same_stem(st, "knoweth", "knows");
  expect_same_stem(st, "maketh", "makes");
  expect_same_stem(st, "loveth", "loves");
  expect_same_stem(st, "endureth", "endures");
  sb_stemmer_delete(st);
}

/* Old and modern wording of one sentence: every word shared once mapped,
 * no shingle shared (copy detection sees the original words). */
static void test_pair(void) {
  sc_pair p;
  if (!fixture_compare("Thou hast seen that he cometh unto thee with thy brother.",
                       "You have seen that he comes to you with your brother.", &p))
    return;
  CHECK_MSG(p.words > 0.999, "shared words %.3f, expected 1", p.words);
  CHECK_MSG(p.chars > 0.999, "character n-gram cosine %.3f, expected 1", p.chars);
  /* Mapped, the two texts would be one text (Jaccard 1); the 5-word
   * shingles of the original words have nothing in common. */
  CHECK_MSG(p.shared_shingles == 0 && p.jaccard == 0, "shared shingles %u, expected 0", p.shared_shingles);
  /* Archaic words with one modern equivalent ("slew" -> "killed" and
   * "killed" share the stem "kill"). */
  if (!fixture_compare("He smote the Philistines and slew them, and his brethren hearkened.",
                       "He struck the Philistines and killed them, and his brothers listened.", &p))
    return;
  CHECK_MSG(p.words > 0.999, "shared words %.3f, expected 1", p.words);
  CHECK_MSG(p.cosine > 0.999, "TF-IDF cosine %.3f, expected 1", p.cosine);
}

/* Shared words count content words by stem: inflections are one word. */
static void test_inflections(void) {
  sc_pair p;
  if (!fixture_compare("The merchant sells grain to the villages.", "The merchants selling grain to a village.", &p))
    return;
  /* {the, merchant, sell, grain, to, villag} and the same plus "a": 6 of 7
   * (by surface form it would be the, grain, to: 3 of 7). */
  CHECK_NEAR(p.words, 6.0 / 7.0, 1e-9);
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  test_forms();
  test_stems();
  test_pair();
  test_inflections();
  return sc_test_done("test_wordforms");
}
