/*
 * corpus_fixture.h: building small corpora in tests (header-only, after
 * sc_test.h): a corpus with default options, texts added with a check on
 * each, and the figures of one pair of texts compared alone.
 */
#ifndef SC_CORPUS_FIXTURE_H
#define SC_CORPUS_FIXTURE_H

#include "sc_test.h"
#include "simcheck.h"

/* A corpus with default options (NULL if creation failed: checked). */
static inline sc_corpus *fixture_corpus(void) {
  sc_options o;
  sc_options_init(&o);
  sc_corpus *c = NULL;
  CHECK(sc_corpus_create(&o, &c) == SC_OK);
  return c;
}

/* Adds @p len bytes of @p text; @return its id (UINT32_MAX on failure: checked). */
static inline uint32_t fixture_add(sc_corpus *c, const char *name, const char *text, size_t len) {
  uint32_t id = UINT32_MAX;
  const sc_status st = sc_corpus_add(c, name, text, len, &id);
  CHECK_MSG(st == SC_OK, "adding %s: %s", name ? name : "(unnamed)", sc_strerror(st));
  return id;
}

static inline uint32_t fixture_add_str(sc_corpus *c, const char *name, const char *text) {
  return fixture_add(c, name, text, strlen(text));
}

/* The pair a/b of a corpus of just these two texts; 0 if it could not be
 * built (checked). */
static inline int fixture_compare(const char *a, const char *b, sc_pair *out) {
  sc_corpus *c = fixture_corpus();
  if (!c) return 0;
  const uint32_t ia = fixture_add_str(c, "a", a), ib = fixture_add_str(c, "b", b);
  const int ok = sc_corpus_build(c) == SC_OK && sc_corpus_compare(c, ia, ib, out) == SC_OK;
  CHECK(ok);
  sc_corpus_free(c);
  return ok;
}

#endif
