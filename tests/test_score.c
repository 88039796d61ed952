/*
 * test_score.c: the verdict decision list (sc_decide) on hand-made figures:
 * each verdict is reached, thresholds are inclusive, and a stronger verdict
 * takes precedence over a weaker one; and the combined score (sc_combine).
 */
#include "sc_test.h"
#include "score.h"

static sc_pair figures(double jaccard, double c_ab, double c_ba, double rewrite, uint32_t shared,
                       double cosine) {
  sc_pair p;
  memset(&p, 0, sizeof p);
  p.jaccard = jaccard;
  p.containment_ab = c_ab;
  p.containment_ba = c_ba;
  p.rewrite = rewrite;
  p.shared_shingles = shared;
  p.cosine = cosine;
  p.minhash = jaccard;
  p.simhash = 0.5;
  return p;
}

#define CHECK_VERDICT(p, same, th, want)                                       \
  do {                                                                         \
    const sc_pair p_ = (p);                                                    \
    const sc_verdict v_ = sc_decide(&p_, (same), (th));                        \
    CHECK_MSG(v_ == (want), "got %s, want %s", sc_verdict_name(v_), sc_verdict_name(want)); \
  } while (0)

static void test_decide(void) {
  sc_options o;
  sc_options_init(&o);
  const sc_thresholds *th = &o.th;  /* 0.5, 0.6, 0.44, 8, 0.1 */

  /* Each verdict reached, just at its (inclusive) threshold. */
  CHECK_VERDICT(figures(0, 0, 0, 0, 0, 0), 1, th, SC_VERDICT_DUPLICATE);
  CHECK_VERDICT(figures(0.5, 0.5, 0.5, 0, 10, 0.9), 0, th, SC_VERDICT_NEAR_DUPLICATE);
  CHECK_VERDICT(figures(0.3, 0.6, 0.3, 0, 10, 0.9), 0, th, SC_VERDICT_CONTAINS);
  CHECK_VERDICT(figures(0.3, 0.3, 0.6, 0, 10, 0.9), 0, th, SC_VERDICT_CONTAINS);
  CHECK_VERDICT(figures(0, 0, 0, 0.44, 0, 0.9), 0, th, SC_VERDICT_REWRITE);
  CHECK_VERDICT(figures(0.01, 0.02, 0.02, 0.1, 8, 0.05), 0, th, SC_VERDICT_OVERLAP);
  CHECK_VERDICT(figures(0, 0, 0, 0.2, 7, 0.1), 0, th, SC_VERDICT_RELATED);
  CHECK_VERDICT(figures(0, 0, 0, 0.43, 7, 0.099), 0, th, SC_VERDICT_UNRELATED);

  /* Just below each threshold falls through to the next rule. */
  CHECK_VERDICT(figures(0.4999, 0.59, 0.59, 0.5, 10, 0.9), 0, th, SC_VERDICT_REWRITE);
  CHECK_VERDICT(figures(0.2, 0.5999, 0.1, 0.4399, 10, 0.9), 0, th, SC_VERDICT_OVERLAP);
  CHECK_VERDICT(figures(0, 0, 0, 0.4399, 7, 0.5), 0, th, SC_VERDICT_RELATED);

  /* Precedence: everything maxed out still follows the order. */
  CHECK_VERDICT(figures(1, 1, 1, 1, 1000, 1), 1, th, SC_VERDICT_DUPLICATE);
  CHECK_VERDICT(figures(1, 1, 1, 1, 1000, 1), 0, th, SC_VERDICT_NEAR_DUPLICATE);
  CHECK_VERDICT(figures(0.49, 1, 1, 1, 1000, 1), 0, th, SC_VERDICT_CONTAINS);
  CHECK_VERDICT(figures(0.49, 0.59, 0.59, 1, 1000, 1), 0, th, SC_VERDICT_REWRITE);
  CHECK_VERDICT(figures(0.49, 0.59, 0.59, 0.43, 1000, 1), 0, th, SC_VERDICT_OVERLAP);
  CHECK_VERDICT(figures(0.49, 0.59, 0.59, 0.43, 7, 1), 0, th, SC_VERDICT_RELATED);

  /* Thresholds come from the argument, not from the defaults. */
  sc_thresholds t2 = *th;
  t2.near_duplicate = 0.9;
  t2.contains = 0.95;
  t2.rewrite = 0.99;
  t2.overlap_shingles = 100;
  t2.related = 0.95;
  CHECK_VERDICT(figures(0.8, 0.9, 0.9, 0.9, 99, 0.9), 0, &t2, SC_VERDICT_UNRELATED);
  CHECK_VERDICT(figures(0.9, 0.9, 0.9, 0.9, 99, 0.9), 0, &t2, SC_VERDICT_NEAR_DUPLICATE);
  CHECK_VERDICT(figures(0.8, 0.9, 0.9, 0.9, 100, 0.9), 0, &t2, SC_VERDICT_OVERLAP);
  t2.overlap_shingles = 0;  /* zero shared shingles pass a zero threshold */
  CHECK_VERDICT(figures(0, 0, 0, 0, 0, 0), 0, &t2, SC_VERDICT_OVERLAP);
}

static void test_combine(void) {
  sc_pair p = figures(0.2, 0.7, 0.1, 0.4, 10, 0.9);
  CHECK_NEAR(sc_combine(&p, 1), 1.0, 0);
  CHECK_NEAR(sc_combine(&p, 0), 0.7, 0);   /* containment of the smaller side */
  p = figures(0.2, 0.1, 0.3, 0.65, 10, 0.9);
  CHECK_NEAR(sc_combine(&p, 0), 0.65, 0);  /* rewrite */
  p = figures(0.8, 0.85, 0.9, 0.1, 10, 0.9);
  CHECK_NEAR(sc_combine(&p, 0), 0.9, 0);
  p = figures(0, 0, 0, 0, 0, 0.9);
  CHECK_NEAR(sc_combine(&p, 0), 0.0, 0);   /* topic alone is not shared content */
  /* Random figures: score in [0,1], never below any of its parts. */
  for (int i = 0; i < 10000; i++) {
    p = figures(sc_test_unit(), sc_test_unit(), sc_test_unit(), sc_test_unit(), 0, sc_test_unit());
    const double s = sc_combine(&p, 0);
    CHECK(s >= 0 && s <= 1);
    CHECK(s >= p.jaccard && s >= p.containment_ab && s >= p.containment_ba && s >= p.rewrite);
  }
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 3);
  test_decide();
  test_combine();
  return sc_test_done("test_score");
}
