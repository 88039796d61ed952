/*
 * test_header.c: header hygiene. simcheck.h is included first (it must be
 * self-contained) and twice (include guards); this file is compiled as C11
 * and, through test_header_cxx.cpp, as C++ (extern "C", no C-only syntax).
 * The program checks that the header matches the library it links and that
 * the pinned enum values hold.
 */
#include "simcheck.h"
#include "simcheck.h"

#include <stdio.h>
#include <string.h>

#ifndef SIMCHECK_H
#error "include guard macro SIMCHECK_H missing"
#endif
#if !defined(SC_VERSION_MAJOR) || !defined(SC_VERSION_NUMBER) || !defined(SC_VERSION_STRING)
#error "simcheck.h does not bring in the version macros"
#endif

static int failures;

static void expect(int ok, const char *what, int line) {
  if (!ok) {
    fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, line, what);
    failures++;
  }
}
#define EXPECT(c) expect((c) ? 1 : 0, #c, __LINE__)

int main(void) {
  EXPECT(sc_version_number() == SC_VERSION_NUMBER);
  EXPECT(SC_VERSION_NUMBER == SC_VERSION_MAJOR * 10000 + SC_VERSION_MINOR * 100 + SC_VERSION_PATCH);
  EXPECT(SC_OK == 0 && SC_E_NOMEM == 2 && SC_E_TOO_LARGE == 12);
  EXPECT(SC_VERDICT_UNRELATED == 0 && SC_VERDICT_DUPLICATE == 6);
  EXPECT(SC_METRIC_COUNT > SC_METRIC_REWRITE && SC_METRIC_SCORE == 0);
  EXPECT(sc_key_bytes() == SC_KEY_BYTES);
  EXPECT(strcmp(sc_strerror(SC_OK), "success") == 0);
  /* Every public function links (an extern "C" slip shows here in C++). */
  sc_options o;
  sc_options_init(&o);
  sc_corpus *c = NULL;
  EXPECT(sc_corpus_create(&o, &c) == SC_OK);
  static const char text[] = "Header hygiene test text with a few words in it.";
  uint32_t id = 0;
  EXPECT(sc_corpus_add(c, "a", text, sizeof text - 1, &id) == SC_OK);
  EXPECT(sc_corpus_add(c, "b", text, sizeof text - 1, &id) == SC_OK && id == 1);
  sc_text t = {"c", text, 10};
  EXPECT(sc_corpus_add_batch(c, &t, 1, 1, NULL) == SC_OK);
  EXPECT(sc_corpus_build(c) == SC_OK);
  sc_pair p;
  EXPECT(sc_corpus_compare(c, 0, 1, &p) == SC_OK && p.verdict == SC_VERDICT_DUPLICATE);
  EXPECT(sc_pair_metric(&p, SC_METRIC_SCORE) == 1.0);
  sc_pair *pairs = NULL;
  size_t n = 0;
  EXPECT(sc_corpus_pairs(c, NULL, &pairs, &n) == SC_OK && n == 3);
  float m[9];
  EXPECT(sc_corpus_cosine_matrix(c, m) == SC_OK);
  sc_doc_info d;
  EXPECT(sc_corpus_doc_info(c, 0, &d) == SC_OK && strcmp(d.name, "a") == 0);
  sc_options got;
  EXPECT(sc_corpus_get_options(c, &got, NULL) == SC_OK);
  EXPECT(sc_corpus_size(c) == 3);
  sc_metric met;
  EXPECT(sc_metric_from_name("cosine", &met) == SC_OK && met == SC_METRIC_COSINE);
  EXPECT(strcmp(sc_metric_name(SC_METRIC_COSINE), "cosine") == 0 && sc_metric_help(met) != NULL);
  EXPECT(strcmp(sc_verdict_name(SC_VERDICT_REWRITE), "rewrite") == 0);
  uint8_t key[SC_KEY_BYTES];
  EXPECT(sc_key_parse("0123456789abcdef0123456789abcdef", 32, key) == SC_OK);
  EXPECT(sc_options_check(&o) == SC_OK);
  sc_report_options ro = {SC_FORMAT_CSV, SC_METRIC_SCORE, 80, NULL, 0};
  FILE *f = tmpfile();
  EXPECT(f != NULL && sc_report_pairs(f, c, pairs, n, &ro) == SC_OK);
  /* Every format refuses a pair naming an unknown document; the table read
   * past its labels before. And an unknown metric. */
  sc_pair stray = pairs[0];
  stray.b = 3;
  for (int fmt = SC_FORMAT_TABLE; fmt <= SC_FORMAT_HTML; fmt++) {
    ro.format = (sc_format)fmt;
    EXPECT(f != NULL && sc_report_pairs(f, c, &stray, 1, &ro) == SC_E_INVALID_ARG);
  }
  ro.format = SC_FORMAT_TABLE;
  ro.metric = (sc_metric)99;
  EXPECT(f != NULL && sc_report_pairs(f, c, pairs, n, &ro) == SC_E_INVALID_ARG);
  ro.metric = SC_METRIC_SCORE;
  /* The small writers and sc_pair_metric take NULL quietly. */
  sc_report_json_string(NULL, "x", 1);
  sc_report_json_string(f, NULL, 1);
  sc_report_csv_field(f, NULL);
  sc_report_csv_field(NULL, "x");
  sc_report_terminal_text(NULL, "x");
  EXPECT(sc_pair_metric(NULL, SC_METRIC_SCORE) == 0);
  if (f) fclose(f);
  EXPECT(sc_read_path("/nonexistent/simcheck/path", NULL, NULL, NULL) == SC_E_INVALID_ARG);
  const char *doc_text = NULL;
  size_t doc_len = 0;
  EXPECT(sc_corpus_doc_text(c, 0, &doc_text, &doc_len) == SC_OK && doc_len == sizeof text - 1);
  sc_sentence_pair *sp = NULL;
  size_t nsp = 0;
  EXPECT(sc_corpus_align(c, 0, 1, 0.0, &sp, &nsp) == SC_OK && nsp == 1);
  sc_passage *ps = NULL;
  size_t nps = 0;
  EXPECT(sc_corpus_passages(c, 0, 1, 0, &ps, &nps) == SC_OK);
  const sc_pair_detail detail = {ps, nps, sp, nsp, 0, 80};
  f = tmpfile();
  EXPECT(f != NULL && sc_report_compare(f, c, &p, &detail, SC_FORMAT_JSON) == SC_OK);
  if (f) fclose(f);
  sc_passages_free(ps);
  sc_sentence_pairs_free(sp);
  sc_pairs_free(pairs);
  sc_corpus_free(c);
  printf("test_header: %s\n", failures ? "FAILED" : "ok");
  return failures ? 1 : 0;
}
