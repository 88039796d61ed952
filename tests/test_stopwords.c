/*
 * test_stopwords.c: the stop-word list is strictly sorted (bsearch depends
 * on it), every entry is found, and non-entries are not.
 */
#include "sc_test.h"
#include "stopwords.h"

/* Defined in stopwords.c for this test. */
const char *const *sc__stopword_list(size_t *n);

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  size_t n = 0;
  const char *const *list = sc__stopword_list(&n);
  CHECK(n > 150);
  for (size_t i = 0; i < n; i++) {
    const size_t len = strlen(list[i]);
    CHECK_MSG(len > 0 && len < 16, "'%s' cannot be looked up (length %zu)", list[i], len);
    CHECK_MSG(sc_is_stopword(list[i], len), "'%s' not found", list[i]);
    if (i) CHECK_MSG(strcmp(list[i - 1], list[i]) < 0, "not sorted: '%s' before '%s'", list[i - 1], list[i]);
    for (size_t k = 0; k < len; k++)
      CHECK_MSG((list[i][k] >= 'a' && list[i][k] <= 'z') || list[i][k] == '\'', "'%s' is not normalized", list[i]);
  }
  /* Apostrophe forms match what normalization produces. */
  CHECK(sc_is_stopword("don't", 5));
  CHECK(sc_is_stopword("it's", 4));
  /* Length is honoured: prefixes, extensions, unterminated input. */
  CHECK(sc_is_stopword("the", 3));
  CHECK(!sc_is_stopword("the", 2));
  CHECK(sc_is_stopword("theirs!", 6));
  CHECK(!sc_is_stopword("thee", 4));
  CHECK(!sc_is_stopword("", 0));
  CHECK(!sc_is_stopword("The", 3));  /* input is normalized (lower case) */
  CHECK(!sc_is_stopword("ukraine", 7));
  CHECK(!sc_is_stopword("negotiation", 11));
  CHECK(!sc_is_stopword("yourselvesxxxxxxxxxxxx", 22));
  return sc_test_done("test_stopwords");
}
