/*
 * test_background.c: the shipped background document frequencies: the
 * table is strictly sorted (bsearch depends on it), every entry is found
 * with its own df, counts are within range, and stems that are not in the
 * table get 0.
 */
#include "background.h"
#include "sc_test.h"

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  CHECK(sc_background_docs > 1000);
  CHECK(sc_background_count > 1000);
  size_t unsorted = 0, missing = 0, out_of_range = 0;
  for (size_t i = 0; i < sc_background_count; i++) {
    const sc_background_entry *e = &sc_background_terms[i];
    if (i && strcmp(sc_background_terms[i - 1].stem, e->stem) >= 0 && ++unsorted <= 3)
      fprintf(stderr, "    not sorted: '%s' before '%s'\n", sc_background_terms[i - 1].stem, e->stem);
    if (sc_background_df(e->stem) != e->df) missing++;
    if (e->df == 0 || e->df > sc_background_docs) out_of_range++;
  }
  CHECK_EQ_INT(unsorted, 0);
  CHECK_EQ_INT(missing, 0);
  CHECK_EQ_INT(out_of_range, 0);
  /* Stems as the English stemmer writes them (not the surface words). */
  CHECK(sc_background_df("said") > 100);
  CHECK(sc_background_df("negoti") > 0);
  CHECK(sc_background_df("said") > sc_background_df("ukrain"));
  CHECK_EQ_INT(sc_background_df("zorbatkwelp"), 0);
  CHECK_EQ_INT(sc_background_df(""), 0);
  CHECK_EQ_INT(sc_background_df("Said"), 0);
  /* The table is counted on text read as the engine reads it: words that
   * engine/wordforms.c rewrites ("smote" -> "struck") are not in it, or it
   * is stale (scripts/make-background.sh regenerates it). */
  CHECK_EQ_INT(sc_background_df("smote"), 0);
  CHECK_EQ_INT(sc_background_df("brethren"), 0);
  CHECK_EQ_INT(sc_background_df("hearken"), 0);
  CHECK_EQ_INT(sc_background_df("thou"), 0);
  CHECK(sc_background_df("struck") > 0);
  return sc_test_done("test_background");
}
