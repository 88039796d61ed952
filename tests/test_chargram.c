/*
 * test_chargram.c: character n-grams against a direct enumeration (every
 * n = 3..5 at every character start), the
 * text they are taken from (punctuation folded), and the n-gram df table
 * against brute-force counting.
 */
#include <xxhash.h>

#include "chargram.h"
#include "normalize.h"
#include "sc_test.h"
#include "tokenize.h"


/* Reference: n-grams in text order, i then n. */
static size_t ref_grams(const char *t, size_t len, uint64_t *out) {
  size_t m = 0;
  for (size_t i = 0; i + SC_GRAM_MIN <= len; i++) {
    if (((unsigned char)t[i] & 0xC0) == 0x80) continue;
    for (size_t n = SC_GRAM_MIN; n <= SC_GRAM_MAX && i + n <= len; n++) {
      char buf[SC_GRAM_MAX];
      memcpy(buf, t + i, n);
      const uint64_t h = XXH3_64bits(buf, n);
      out[m++] = h ? h : 1;
    }
  }
  return m;
}

static void check_grams(const char *t, size_t len, size_t want_count) {
  sc_u64_vec v = {0};
  uint64_t ref[1024];
  CHECK(sc_chargrams(t, len, &v) == SC_OK);
  const size_t m = ref_grams(t, len, ref);
  CHECK_MSG(v.len == want_count, "\"%.*s\": %zu n-grams, want %zu", (int)len, t, v.len, want_count);
  CHECK_MSG(v.len == m && (m == 0 || memcmp(v.items, ref, m * sizeof *ref) == 0), "\"%.*s\"", (int)len, t);
  SC_VEC_FREE(&v);
}

static void test_grams(void) {
  check_grams("", 0, 0);
  check_grams("ab", 2, 0);
  check_grams("abc", 3, 1);
  check_grams("abcd", 4, 3);          /* abc abcd bcd */
  check_grams("abcdef", 6, 4 + 3 + 2);
  check_grams("a\xC3\xA9" "b", 4, 3);  /* only at character starts */
  check_grams("\xE6\x97\xA5\xE6\x9C\xAC", 6, 3 + 1);
  sc_u64_vec a = {0};
  /* Appends to what the vector holds. */
  CHECK(sc_chargrams("abcd", 4, &a) == SC_OK);
  CHECK(sc_chargrams("abcd", 4, &a) == SC_OK);
  CHECK(a.len == 6 && memcmp(a.items, a.items + 3, 3 * sizeof *a.items) == 0);
  SC_VEC_FREE(&a);
  /* Random text against the reference. */
  static const char *const pieces[] = {"a", "b", "c", " ", "\n", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80"};
  char t[600];
  for (int iter = 0; iter < 300; iter++) {
    size_t len = 0;
    const size_t n = sc_test_below(120);
    for (size_t i = 0; i < n; i++) {
      const char *p = pieces[sc_test_below(8)];
      memcpy(t + len, p, strlen(p));
      len += strlen(p);
    }
    uint64_t ref[3 * 600];
    sc_u64_vec v = {0};
    CHECK(sc_chargrams(t, len, &v) == SC_OK);
    const size_t m = ref_grams(t, len, ref);
    CHECK_MSG(v.len == m && (m == 0 || memcmp(v.items, ref, m * sizeof *ref) == 0), "iteration %d", iter);
    for (size_t i = 0; i < v.len; i++) CHECK(v.items[i] != 0);
    SC_VEC_FREE(&v);
  }
}

/* The character view's text of @p in, normalized and tokenized first as
 * analysis does, into @p out (256 bytes); @return its length. */
static size_t gram_text(const char *in, char *out) {
  sc_normtext nt;
  sc_span_vec words = {0};
  CHECK(sc_normalize(in, strlen(in), &nt) == SC_OK);
  CHECK(sc_tokenize(&nt, &words, NULL) == SC_OK);
  CHECK(nt.len < 256);
  const size_t n = sc_chargram_text(nt.text, words.items, words.len, out);
  CHECK(n <= nt.len);
  SC_VEC_FREE(&words);
  sc_normtext_free(&nt);
  return n;
}

static void check_text(const char *in, const char *want) {
  char out[256];
  const size_t n = gram_text(in, out);
  CHECK_MSG(n == strlen(want) && memcmp(out, want, n) == 0, "\"%s\" -> \"%.*s\", want \"%s\"", in, (int)n, out, want);
}

/* What the character view reads: punctuation, symbols and spaces fold to
 * one space between words, none at the ends; an apostrophe inside a word
 * stays, and so do the marks tokenize.h keeps inside numbers; words written
 * without spaces between them stay together. Expectations written by hand. */
static void test_gram_text(void) {
  check_text("", "");
  check_text("...", "");
  check_text("abc", "abc");
  check_text("thirty-six", "thirty six");
  check_text("their horses, seven hundred: their mules;", "their horses seven hundred their mules");
  check_text("  (one)  \n\n two.", "one two");
  check_text("don't stop, yahweh's word", "don't stop yahweh's word");
  check_text("rams' skins", "rams skins");          /* a plural's apostrophe ends the word */
  check_text("'quoted' and 'o", "quoted and o");
  check_text("a''b a'-b", "a b a b");
  check_text("50% of $5 + 1", "50 of 5 1");
  check_text("46,500 men, 3.8 miles.", "46,500 men 3.8 miles");  /* marks inside numbers stay */
  check_text("caf\xC3\xA9's", "caf\xC3\xA9's");          /* a letter outside ASCII is a letter */
  check_text("\xC2\xABoui\xC2\xBB \xC2\xBFqu\xC3\xA9?", "oui qu\xC3\xA9");  /* << >> and the inverted ? */
  check_text("\xE6\x97\xA5\xE6\x9C\xAC\xE3\x80\x82\xE8\xAA\x9E", "\xE6\x97\xA5\xE6\x9C\xAC \xE8\xAA\x9E");  /* CJK full stop */
  /* A line break reads as a space. */
  {
    char x[256], y[256];
    const size_t nx = gram_text("one\ntwo\n\nx", x), ny = gram_text("one two  x", y);
    sc_u64_vec a = {0}, b = {0};
    CHECK(sc_chargrams(x, nx, &a) == SC_OK);
    CHECK(sc_chargrams(y, ny, &b) == SC_OK);
    CHECK(a.len == b.len && a.len > 0 && memcmp(a.items, b.items, a.len * sizeof *a.items) == 0);
    SC_VEC_FREE(&a);
    SC_VEC_FREE(&b);
  }
  /* Texts differing only in punctuation get the same n-grams. */
  char a[256], b[256];
  const size_t na = gram_text("Their horses, seven: hundred;", a);
  const size_t nb = gram_text("Their horses seven hundred", b);
  sc_u64_vec ga = {0}, gb = {0};
  CHECK(sc_chargrams(a, na, &ga) == SC_OK && sc_chargrams(b, nb, &gb) == SC_OK);
  CHECK(ga.len == gb.len && ga.len > 0 && memcmp(ga.items, gb.items, ga.len * sizeof *ga.items) == 0);
  SC_VEC_FREE(&ga);
  SC_VEC_FREE(&gb);
}

static void test_df(void) {
  enum { DOCS = 200, PER_DOC = 300, RANGE = 6000 };
  uint32_t *brute = calloc(RANGE + 1, sizeof *brute);
  sc_gramdf t = {0};
  CHECK_EQ_INT(sc_gramdf_get(&t, 42), 0);  /* empty table */
  uint64_t doc[PER_DOC];
  for (int d = 0; d < DOCS; d++) {
    /* Distinct nonzero hashes per document, spread over the 64-bit range. */
    size_t n = 0;
    while (n < PER_DOC) {
      const uint64_t id = 1 + sc_test_below(RANGE);
      int dup = 0;
      for (size_t k = 0; k < n && !dup; k++) dup = doc[k] == id * 0x9E3779B97F4A7C15ull;
      if (!dup) doc[n++] = id * 0x9E3779B97F4A7C15ull;
    }
    CHECK(sc_gramdf_add(&t, doc, n) == SC_OK);
    for (size_t k = 0; k < n; k++) brute[doc[k] * 0xF1DE83E19937733Dull]++;  /* inverse of the multiplier */
  }
  size_t wrong = 0, distinct = 0;
  for (uint64_t id = 1; id <= RANGE; id++) {
    distinct += brute[id] > 0;
    wrong += sc_gramdf_get(&t, id * 0x9E3779B97F4A7C15ull) != brute[id];
  }
  CHECK_EQ_INT(wrong, 0);
  CHECK_EQ_INT(t.n, distinct);
  CHECK(distinct > 2048);  /* the table grew past its first size */
  sc_gramdf_free(&t);
  sc_gramdf_free(&t);
  free(brute);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 8);
  test_grams();
  test_gram_text();
  test_df();
  return sc_test_done("test_chargram");
}
