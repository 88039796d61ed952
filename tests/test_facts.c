/*
 * test_facts.c: names and numbers are found where a reader would find them
 * (not at a sentence's start or after a list item's marker, not in a
 * title-case heading or a run of words in capitals, not stop words,
 * possessives joined to their name, digits and number words), their
 * agreement follows its formula, through the public API a list item
 * scores lower as a rewrite of a sibling with other names than as one of
 * its own rewording, and the facts one side lacks are listed where they
 * first occur.
 */
#include "corpus.h"
#include "facts.h"
#include "keys.h"
#include "numbers.h"
#include "corpus_fixture.h"
#include "sc_test.h"
#include "shingle.h"
#include "simcheck.h"

int sc__numbers_sorted(void);

static sc_keys keys;

/* Facts of @p text (or, with @p openers, its sentence openers) as sorted
 * distinct hashes in @p out (cap entries); returns their number. */
static size_t facts_or_openers(const char *text, uint64_t *out, size_t cap, int openers) {
  sc_normtext nt;
  sc_span_vec words = {0};
  sc_sentence_vec sents = {0};
  sc_u64_vec facts = {0}, opening = {0};
  CHECK(sc_normalize(text, strlen(text), &nt) == SC_OK);
  CHECK(sc_tokenize(&nt, &words, &sents) == SC_OK);
  CHECK(sc_facts(text, &nt, words.items, words.len, sents.items, sents.len, keys.token, &facts, NULL, &opening) ==
        SC_OK);
  sc_u64_vec f = openers ? opening : facts;
  SC_VEC_FREE(openers ? &facts : &opening);
  uint64_t *tmp = calloc(f.len + 1, sizeof(uint64_t));
  size_t n = sc_u64_sort_unique(f.items, f.len, tmp);
  CHECK(n <= cap);
  for (size_t i = 0; i < n && i < cap; i++) out[i] = f.items[i];
  free(tmp);
  SC_VEC_FREE(&f);
  SC_VEC_FREE(&words);
  SC_VEC_FREE(&sents);
  sc_normtext_free(&nt);
  return n;
}

static size_t facts_of(const char *text, uint64_t *out, size_t cap) { return facts_or_openers(text, out, cap, 0); }

/* Whether the facts (or the openers) of @p text are exactly the words
 * listed in @p expected (space separated, normalized). */
static void expect_words(const char *text, const char *expected, int openers) {
  uint64_t got[64], want[64], tmp[64];
  const size_t n = facts_or_openers(text, got, 64, openers);
  size_t m = 0;
  char buf[256];
  snprintf(buf, sizeof buf, "%s", expected);
  for (char *w = strtok(buf, " "); w && m < 64; w = strtok(NULL, " ")) want[m++] = sc_hash_word(w, strlen(w), keys.token);
  m = sc_u64_sort_unique(want, m, tmp);
  int same = n == m;
  for (size_t i = 0; same && i < n; i++) same = got[i] == want[i];
  CHECK_MSG(same, "%s of \"%s\": %zu found, expected {%s}", openers ? "openers" : "facts", text, n, expected);
}

static void expect_facts(const char *text, const char *expected) { expect_words(text, expected, 0); }

static void test_extraction(void) {
  CHECK(sc__numbers_sorted());
  expect_facts("Then Moses spoke to Aaron.", "moses aaron");
  expect_facts("Samuel answered. He called Eli.", "eli");  /* sentence openers are not names */
  expect_facts("And I said to the People of Israel's tribes.", "people israel");
  expect_facts("He paid 66 dollars for forty-two sheep in the fifth year.", "66 42 5th");
  expect_facts("Military Aid to Ukraine Could Be Adjusted\n\nThe aid went to Kyiv.", "kyiv");
  expect_facts("the lord is good", "");
  /* Title case without final punctuation is a heading; with it, a list of names. */
  expect_facts("Key Takeaways From Hegseth Statements\n\nHe spoke.", "");
  expect_facts("The sons of Shem: Elam, Asshur, Arphaxad, Lud and Aram.", "shem elam asshur arphaxad lud aram");
  /* A text cut mid-sentence (a verse) ends in ; or , and is no heading. */
  expect_facts("In the fifth year of King Rehoboam, Shishak king of Egypt came up against Jerusalem;",
               "5th king rehoboam shishak egypt jerusalem");
  expect_facts("And Elam, Asshur and Aram came to Lud,", "elam asshur aram lud");
  expect_facts("In the Fifth Year of King Rehoboam Shishak Came Up", "5th");
  expect_facts("He said, “Go to Elam, Asshur and Lud.”", "elam asshur lud");  /* a quotation opens */
  expect_facts("He said, \"Go to Elam.\"", "elam");
  expect_facts("It was a good day for Zoë and Ólafur, not for “Them”.", "zoë ólafur");
  /* Three words or more in capitals are shouted; one alone still names. */
  expect_facts("THIS SOFTWARE IS PROVIDED BY THE REGENTS AS IS.", "");
  expect_facts("Then the LORD spoke to NATO and the UN.", "lord nato un");
  expect_facts("See the NOTICE FILE for Apache.", "notice file apache");
  expect_facts("He wrote HOLINESS TO THE LORD on it. The LORD saw it.", "lord");
  /* A list item's marker is no figure, and the word after it opens. */
  expect_facts("1. Redistributions must keep the notice of Berkeley.", "berkeley");
  expect_facts("2) Neither the name of Berkeley nor Stanford may be used.", "berkeley stanford");
  expect_facts("b. Licensees must comply.", "");
  expect_facts("66 men came to Jericho.", "66 jericho");
  /* A label of one or two words ending in a colon: the word after it opens
   * and the label's number is a step's; a colon further on lists names. */
  expect_facts("Step 1: Water the plant in May.", "may");
  expect_facts("Step 2: Spread 3 sheets of the Times.", "3 times");
  expect_facts("Note: Paris is closed.", "");
  expect_facts("Dr Watson: Holmes left.", "watson");
  expect_facts("Read John 3:16 to Mary.", "john 3 16 mary");
}

/* sc_read_number at the first word of @p text reads @p want_words words
 * as @p want. */
static void expect_number(const char *text, size_t want_words, const char *want) {
  sc_normtext nt;
  sc_span_vec words = {0};
  sc_sentence_vec sents = {0};
  CHECK(sc_normalize(text, strlen(text), &nt) == SC_OK);
  CHECK(sc_tokenize(&nt, &words, &sents) == SC_OK);
  char out[SC_NUMBER_MAX] = "untouched";
  const size_t got = sc_read_number(nt.text, words.items, 0, words.len, out);
  CHECK_MSG(got == want_words && strcmp(out, want) == 0, "\"%s\": read %zu words as \"%s\", want %zu as \"%s\"",
            text, got, out, want_words, want);
  SC_VEC_FREE(&words);
  SC_VEC_FREE(&sents);
  sc_normtext_free(&nt);
}

/* Values worked out by hand; a run stops where English would start a new
 * number, and a word that is no number is left alone. */
static void test_numbers(void) {
  expect_number("seventy thousand men", 2, "70000");
  expect_number("70,000 men", 1, "70000");
  expect_number("threescore and ten thousand men", 4, "70000");
  expect_number("forty and six thousand and five hundred.", 7, "46500");
  expect_number("46,500", 1, "46500");
  expect_number("two hundred and fifty", 4, "250");
  expect_number("one hundred twenty-three", 4, "123");
  expect_number("six thousand three hundred", 4, "6300");
  expect_number("sixscore thousand", 2, "120000");
  expect_number("Fifth", 1, "5th");
  expect_number("5th", 1, "5th");
  expect_number("twenty-fifth day", 2, "25th");
  expect_number("one two three", 1, "1");            /* counting: three numbers */
  expect_number("twenty and thirty", 1, "20");
  expect_number("fifty and the men", 1, "50");       /* "and" joins only numbers */
  expect_number("ten hundred", 2, "1000");
  expect_number("thousand thousand", 1, "1000");
  expect_number("5 million people", 2, "5000000");
  expect_number("1.5 million", 2, "1500000");
  expect_number("1.5 litres", 1, "1.5");
  expect_number("1,000.5 million", 2, "1000500000");  /* commas dropped before the fraction */
  expect_number("the 1990s", 0, "untouched");
  expect_number("1990s", 1, "1990s");
  expect_number("1990's", 1, "1990s");
  expect_number("1990\u2019s", 1, "1990s");
  expect_number("3's", 1, "3s");
  expect_number("99999999999999999999999", 1, "99999999999999999999999");  /* too large: as written */
  expect_number("men", 0, "untouched");
  expect_facts("He was seventy. Two men came.", "70 2");  /* a sentence ends the run */
  /* The same figure written three ways gives the same fact. */
  uint64_t a[8], b[8], c[8];
  const size_t na = facts_of("Of them were forty and six thousand and five hundred.", a, 8);
  const size_t nb = facts_of("Of them were 46,500.", b, 8);
  const size_t nc = facts_of("Of them were forty-six thousand five hundred.", c, 8);
  CHECK(na == 1 && nb == 1 && nc == 1 && a[0] == b[0] && b[0] == c[0]);
}

/* A text's mentions as doc.c keeps them: its facts and openers, sorted
 * and distinct, in @p out (16 entries); @return their number. */
static size_t mentions_of(const uint64_t *facts, size_t n, const uint64_t *open, size_t n_open, uint64_t *out) {
  uint64_t tmp[16];
  CHECK(n + n_open <= 16);
  memcpy(out, facts, n * sizeof *out);
  memcpy(out + n, open, n_open * sizeof *out);
  return sc_u64_sort_unique(out, n + n_open, tmp);
}

static double agreement(const uint64_t *a, size_t na, const uint64_t *a_open, size_t na_open, const uint64_t *b,
                        size_t nb, const uint64_t *b_open, size_t nb_open) {
  uint64_t ma[16], mb[16];
  const sc_fact_sets x = {a, ma, na, mentions_of(a, na, a_open, na_open, ma)};
  const sc_fact_sets y = {b, mb, nb, mentions_of(b, nb, b_open, nb_open, mb)};
  return sc_facts_agreement(&x, &y);
}

static void test_agreement(void) {
  const uint64_t a[] = {1, 2, 3, 4}, b[] = {2, 3, 9}, none[] = {0};
  CHECK_NEAR(agreement(a, 4, none, 0, b, 3, none, 0), 3.0 / 4.0, 1e-12);  /* (2 found + 1) / (3 + 1) */
  CHECK_NEAR(agreement(b, 3, none, 0, a, 4, none, 0), 3.0 / 4.0, 1e-12);
  CHECK_NEAR(agreement(a, 4, none, 0, none, 0, none, 0), 1.0, 1e-12);
  CHECK_NEAR(agreement(a, 4, none, 0, a, 4, none, 0), 1.0, 1e-12);
  CHECK_NEAR(agreement(a, 1, none, 0, b + 2, 1, none, 0), 0.5, 1e-12);    /* one name each, different */
  /* b's 9 among a's openers: the smaller side's facts all found. */
  const uint64_t opens9[] = {9};
  CHECK_NEAR(agreement(a, 4, opens9, 1, b, 3, none, 0), 1.0, 1e-12);
  CHECK_NEAR(agreement(b, 3, none, 0, a, 4, opens9, 1), 1.0, 1e-12);
  /* Only the other side's openers count: b's own opener 9 finds nothing. */
  CHECK_NEAR(agreement(a, 4, none, 0, b, 3, opens9, 1), 3.0 / 4.0, 1e-12);
  /* Sets of one size: the better share. KJV 1 Chr 1:48 names Samlah (1),
   * Shaul (2), Rehoboth (3); WEB opens with Samlah and names Shaul,
   * Rehoboth and the River (4). */
  const uint64_t kjv[] = {1, 2, 3}, web[] = {2, 3, 4}, web_open[] = {1};
  CHECK_NEAR(agreement(kjv, 3, none, 0, web, 3, web_open, 1), 1.0, 1e-12);
  CHECK_NEAR(agreement(web, 3, web_open, 1, kjv, 3, none, 0), 1.0, 1e-12);
  CHECK_NEAR(agreement(kjv, 3, none, 0, web, 3, none, 0), 3.0 / 4.0, 1e-12);
}

/* Capitalized words that open a sentence or a quotation are no names but
 * are kept apart, so that the other text's names can be found among them. */
static void test_openers(void) {
  expect_words("Samlah died, and Shaul reigned.", "shaul", 0);
  expect_words("Samlah died, and Shaul reigned.", "samlah", 1);
  expect_words("And when Samlah was dead, Shaul reigned.", "", 1);  /* "And" is a stop word */
  expect_words("Samuel answered. He called Eli. Eli's son said, \"Go home.\"", "samuel eli go", 1);
  expect_words("1. Redistributions must keep it. 70 men came.", "redistributions", 1);  /* not the number */
  expect_words("THIS SOFTWARE IS PROVIDED AS IS.", "", 1);                              /* shouted */
  expect_words("Step 1: Water the plant in May.", "step water", 1);                    /* a label opens */
}

/* Items of one list share their wording and differ in names and numbers. */
static void test_list_items(void) {
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  const char *item = "The fifth captain for the fifth month was Shamhuth the Izrahite, and his division had 24000.";
  const char *sibling = "The sixth captain for the sixth month was Ira the Tekoite, and his division had 24000.";
  const char *reworded = "The fifth commander, for the fifth month, was Shamhuth the Izrahite; his division was 24000.";
  const uint32_t i = fixture_add_str(c, "item", item), s = fixture_add_str(c, "sibling", sibling),
                 r = fixture_add_str(c, "reworded", reworded);
  CHECK(sc_corpus_build(c) == SC_OK);
  sc_pair ps, pr;
  CHECK(sc_corpus_compare(c, i, s, &ps) == SC_OK);
  CHECK(sc_corpus_compare(c, i, r, &pr) == SC_OK);
  /* item: {fifth, shamhuth, izrahite, 24000}; sibling: {sixth, ira, tekoite, 24000}. */
  CHECK_NEAR(ps.facts, 2.0 / 5.0, 1e-9);
  CHECK_NEAR(pr.facts, 1.0, 1e-9);
  CHECK_MSG(pr.rewrite > ps.rewrite, "reworded %.3f, sibling %.3f", pr.rewrite, ps.rewrite);
  sc_corpus_free(c);
}

/* sc_corpus_missing_facts: against a text with no facts every distinct
 * fact of a is listed once, at its first occurrence, in text order; against
 * itself none; figures that agree by value are not missing. */
static void test_missing_facts(void) {
  static const char a[] = "The crew met Shem at Paris in 1990. Shem paid 5 coins; later Ham paid five coins in Paris.";
  static const char b[] = "the crew met nobody at all and paid nothing.";
  static const char c5[] = "The crew met Shem at Rome. Ham paid five coins, and Japheth paid 7.";
  sc_corpus *c = fixture_corpus();
  if (!c) return;
  const uint32_t ia = fixture_add_str(c, "a", a), ib = fixture_add_str(c, "b", b), ic = fixture_add_str(c, "c", c5);
  CHECK(sc_corpus_build(c) == SC_OK);
  sc_missing_fact *mf = NULL;
  size_t n = 0;
  CHECK(sc_corpus_missing_facts(c, ia, ib, &mf, &n) == SC_OK);
  /* "The" and the second "Shem" open sentences; "five" is the 5 before
   * it; the second "Paris" repeats the first */
  const char *want[] = {"Shem", "Paris", "1990", "5", "Ham"};
  CHECK_EQ_INT(n, 5);
  CHECK_EQ_INT(c->docs.items[ia]->n_facts, 5);
  for (size_t i = 0; i < n && i < 5; i++) {
    CHECK_EQ_INT(mf[i].in_b, 0);
    CHECK_MSG(mf[i].length == strlen(want[i]) && memcmp(a + mf[i].offset, want[i], mf[i].length) == 0,
              "missing fact %zu: \"%.*s\", want \"%s\"", i, (int)mf[i].length, a + mf[i].offset, want[i]);
  }
  sc_missing_facts_free(mf);
  CHECK(sc_corpus_missing_facts(c, ia, ia, &mf, &n) == SC_OK);
  CHECK_EQ_INT(n, 0);
  CHECK(mf == NULL);
  /* a against c: c lacks Paris and 1990, not Ham (Ham opens a sentence
   * in c, so there it is no name, but c has it); a lacks Rome, Japheth
   * and 7 */
  CHECK(sc_corpus_missing_facts(c, ia, ic, &mf, &n) == SC_OK);
  const char *want_ac[] = {"Paris", "1990", "Rome", "Japheth", "7"};
  CHECK_EQ_INT(n, 5);
  for (size_t i = 0; i < n && i < 5; i++) {
    const char *text = mf[i].in_b ? c5 : a;
    CHECK_EQ_INT(mf[i].in_b, i >= 2);
    CHECK_MSG(mf[i].length == strlen(want_ac[i]) && memcmp(text + mf[i].offset, want_ac[i], mf[i].length) == 0,
              "a/c missing fact %zu: \"%.*s\", want \"%s\"", i, (int)mf[i].length, text + mf[i].offset,
              want_ac[i]);
  }
  sc_missing_facts_free(mf);
  CHECK(sc_corpus_missing_facts(c, ia, 3, &mf, &n) == SC_E_INVALID_ARG);
  CHECK(sc_corpus_missing_facts(NULL, ia, ib, &mf, &n) == SC_E_INVALID_ARG);
  sc_missing_facts_free(NULL);
  sc_corpus_free(c);
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  uint8_t master[SC_KEY_BYTES];
  CHECK(sc_keys_default(master) == SC_OK);
  CHECK(sc_keys_derive(master, &keys) == SC_OK);
  test_extraction();
  test_numbers();
  test_agreement();
  test_openers();
  test_list_items();
  test_missing_facts();
  sc_keys_wipe(&keys);
  return sc_test_done("test_facts");
}
