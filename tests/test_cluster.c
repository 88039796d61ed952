/*
 * test_cluster.c (property): union-find (cluster.h) and sc_cluster_pairs
 * against a naive transitive closure on seeded random graphs.
 *
 *  - sc_uf_*: random unions checked against a label array relabelled on
 *    every merge: union returns 1 exactly when the two were apart, find
 *    agrees with the labels, the root's size is its set's size.
 *  - sc_cluster_pairs: graphs of 0..1500 documents at several densities
 *    (including self-loops, repeated and reversed pairs) with random
 *    verdicts and scores; the kept edges (verdict >= min_verdict and score
 *    >= min_score) are closed by BFS; cluster_of[i] must be the smallest
 *    member of i's BFS component, whatever the order of the pairs.
 *  - Errors: an id >= n_docs gives SC_E_INVALID_ARG; so do a NULL output
 *    and NULL pairs with a non-zero count.
 */
#include "cluster.h"
#include "sc_test.h"

static void test_union_find(void) {
  static const size_t sizes[] = {1, 2, 3, 17, 100, 2000};
  for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
    const size_t n = sizes[s];
    sc_uf u;
    CHECK_EQ_INT(sc_uf_init(&u, n), SC_OK);
    uint32_t *label = malloc(n * sizeof *label);
    for (size_t i = 0; i < n; i++) label[i] = (uint32_t)i;
    const size_t ops = 3 * n;
    for (size_t op = 0; op < ops; op++) {
      const uint32_t x = (uint32_t)sc_test_below(n), y = (uint32_t)sc_test_below(n);
      const int apart = label[x] != label[y];
      const int got = sc_uf_union(&u, x, y);
      CHECK_MSG(got == apart, "n=%zu op %zu: union(%u,%u) returned %d, want %d", n, op, x, y, got, apart);
      if (apart) {
        const uint32_t from = label[y], to = label[x];
        for (size_t i = 0; i < n; i++)
          if (label[i] == from) label[i] = to;
      }
      if (op % 16 == 0 || op + 1 == ops) {  /* full comparison now and then, O(n) */
        /* Same partition: label -> root and root -> label are both functions. */
        uint32_t *root_of = malloc(n * sizeof *root_of), *label_of = malloc(n * sizeof *label_of);
        uint32_t *count = calloc(n, sizeof *count);
        for (size_t i = 0; i < n; i++) root_of[i] = label_of[i] = UINT32_MAX;
        size_t bad = 0;
        for (size_t i = 0; i < n; i++) {
          const uint32_t r = sc_uf_find(&u, (uint32_t)i), l = label[i];
          count[l]++;
          if (root_of[l] == UINT32_MAX) root_of[l] = r;
          if (label_of[r] == UINT32_MAX) label_of[r] = l;
          bad += root_of[l] != r || label_of[r] != l;
        }
        CHECK_MSG(bad == 0, "n=%zu op %zu: find disagrees with the naive labels (%zu documents)", n, op, bad);
        for (size_t l = 0; l < n; l++) {
          if (!count[l]) continue;
          const uint32_t r = root_of[l];
          CHECK_MSG(u.size[r] == count[l], "n=%zu op %zu: root %u size %u, set has %u", n, op, r, u.size[r],
                    count[l]);
          CHECK_MSG(u.parent[r] == r, "n=%zu: root %u is not its own parent", n, r);
        }
        free(root_of);
        free(label_of);
        free(count);
      }
    }
    free(label);
    sc_uf_free(&u);
    CHECK(u.parent == NULL && u.size == NULL && u.n == 0);
  }
  sc_uf u;
  CHECK_EQ_INT(sc_uf_init(&u, 0), SC_OK);
  sc_uf_free(&u);
  sc_uf_free(NULL);
}

/* Naive closure: BFS over an adjacency matrix of the kept edges; writes the
 * smallest member of each component. */
static void closure(size_t n, const sc_pair *pairs, size_t m, sc_verdict min_verdict, double min_score,
                    uint32_t *out) {
  uint8_t *adj = calloc(n ? n * n : 1, 1);
  for (size_t k = 0; k < m; k++)
    if (pairs[k].verdict >= min_verdict && pairs[k].score >= min_score) {
      adj[(size_t)pairs[k].a * n + pairs[k].b] = 1;
      adj[(size_t)pairs[k].b * n + pairs[k].a] = 1;
    }
  uint32_t *queue = malloc((n ? n : 1) * sizeof *queue);
  for (size_t i = 0; i < n; i++) out[i] = UINT32_MAX;
  for (size_t s = 0; s < n; s++) {  /* in id order: s is its component's minimum */
    if (out[s] != UINT32_MAX) continue;
    size_t head = 0, tail = 0;
    queue[tail++] = (uint32_t)s;
    out[s] = (uint32_t)s;
    while (head < tail) {
      const uint32_t v = queue[head++];
      for (size_t w = 0; w < n; w++)
        if (adj[(size_t)v * n + w] && out[w] == UINT32_MAX) {
          out[w] = (uint32_t)s;
          queue[tail++] = (uint32_t)w;
        }
    }
  }
  free(queue);
  free(adj);
}

static void random_graph(size_t n, size_t m, sc_pair *pairs) {
  for (size_t k = 0; k < m; k++) {
    memset(&pairs[k], 0, sizeof pairs[k]);
    pairs[k].a = (uint32_t)sc_test_below(n);
    /* Mostly local edges (long chains), some anywhere, a few self-loops. */
    const size_t kind = sc_test_below(10);
    if (kind < 6) pairs[k].b = (uint32_t)((pairs[k].a + 1 + sc_test_below(3)) % n);
    else if (kind < 9) pairs[k].b = (uint32_t)sc_test_below(n);
    else pairs[k].b = pairs[k].a;
    if (sc_test_below(2)) {  /* either order */
      const uint32_t t = pairs[k].a;
      pairs[k].a = pairs[k].b;
      pairs[k].b = t;
    }
    pairs[k].verdict = (sc_verdict)sc_test_below(SC_VERDICT_DUPLICATE + 1);
    pairs[k].score = (double)sc_test_below(101) / 100.0;  /* hits filters exactly */
  }
}

static void test_cluster_pairs(void) {
  static const size_t sizes[] = {1, 2, 5, 30, 200, 1500};
  static const double densities[] = {0.0, 0.2, 0.5, 1.0, 3.0};  /* edges per document */
  size_t graphs = 0;
  for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
    for (size_t dd = 0; dd < sizeof densities / sizeof densities[0]; dd++) {
      const size_t n = sizes[s];
      const size_t m = (size_t)(densities[dd] * (double)n) + (n > 1 && densities[dd] > 0 ? 1 : 0);
      sc_pair *pairs = malloc((m ? m : 1) * sizeof *pairs);
      random_graph(n, m, pairs);
      uint32_t *want = malloc(n * sizeof *want), *got = malloc(n * sizeof *got), *got2 = malloc(n * sizeof *got2);
      const sc_verdict min_v = (sc_verdict)sc_test_below(SC_VERDICT_DUPLICATE + 1);
      const double min_s = sc_test_below(3) == 0 ? 0.0 : (double)sc_test_below(101) / 100.0;
      closure(n, pairs, m, min_v, min_s, want);
      CHECK_EQ_INT(sc_cluster_pairs(n, pairs, m, min_v, min_s, got), SC_OK);
      size_t bad = 0, first_bad = 0;
      for (size_t i = 0; i < n; i++)
        if (got[i] != want[i] && bad++ == 0) first_bad = i;
      CHECK_MSG(bad == 0, "n=%zu m=%zu min_verdict=%d min_score=%.2f: %zu documents differ, first %zu: %u vs %u", n,
                m, (int)min_v, min_s, bad, first_bad, bad ? got[first_bad] : 0, bad ? want[first_bad] : 0);
      /* No filter: every edge counts. */
      closure(n, pairs, m, SC_VERDICT_UNRELATED, 0.0, want);
      CHECK_EQ_INT(sc_cluster_pairs(n, pairs, m, SC_VERDICT_UNRELATED, 0.0, got), SC_OK);
      CHECK_MSG(memcmp(got, want, n * sizeof *got) == 0, "n=%zu m=%zu unfiltered: clusters differ", n, m);
      for (size_t i = 0; i < n; i++) {
        CHECK_MSG(got[i] <= i && got[got[i]] == got[i], "n=%zu: cluster_of[%zu]=%u is not its smallest member", n,
                  i, got[i]);
      }
      /* Shuffled pairs: the same cluster_of. */
      for (size_t k = m; k > 1; k--) {
        const size_t j = sc_test_below(k);
        const sc_pair t = pairs[k - 1];
        pairs[k - 1] = pairs[j];
        pairs[j] = t;
      }
      CHECK_EQ_INT(sc_cluster_pairs(n, pairs, m, SC_VERDICT_UNRELATED, 0.0, got2), SC_OK);
      CHECK_MSG(memcmp(got, got2, n * sizeof *got) == 0, "n=%zu m=%zu: shuffled pairs change the clusters", n, m);
      free(pairs);
      free(want);
      free(got);
      free(got2);
      graphs++;
    }
  printf("  %zu random graphs\n", graphs);
}

static void test_filters_by_hand(void) {
  /* 0-1 near-duplicate 0.9, 1-2 related 0.2, 3-4 duplicate 1.0, 2-5 contains 0.5 */
  sc_pair p[4];
  memset(p, 0, sizeof p);
  p[0].a = 0, p[0].b = 1, p[0].verdict = SC_VERDICT_NEAR_DUPLICATE, p[0].score = 0.9;
  p[1].a = 2, p[1].b = 1, p[1].verdict = SC_VERDICT_RELATED, p[1].score = 0.2;
  p[2].a = 4, p[2].b = 3, p[2].verdict = SC_VERDICT_DUPLICATE, p[2].score = 1.0;
  p[3].a = 5, p[3].b = 2, p[3].verdict = SC_VERDICT_CONTAINS, p[3].score = 0.5;
  uint32_t c[7];
  CHECK_EQ_INT(sc_cluster_pairs(7, p, 4, SC_VERDICT_UNRELATED, 0.0, c), SC_OK);
  const uint32_t all[7] = {0, 0, 0, 3, 3, 0, 6};
  CHECK(memcmp(c, all, sizeof c) == 0);
  CHECK_EQ_INT(sc_cluster_pairs(7, p, 4, SC_VERDICT_OVERLAP, 0.0, c), SC_OK);
  const uint32_t overlap[7] = {0, 0, 2, 3, 3, 2, 6};
  CHECK(memcmp(c, overlap, sizeof c) == 0);
  CHECK_EQ_INT(sc_cluster_pairs(7, p, 4, SC_VERDICT_UNRELATED, 0.5, c), SC_OK);  /* score 0.5 kept */
  CHECK(memcmp(c, overlap, sizeof c) == 0);
  CHECK_EQ_INT(sc_cluster_pairs(7, p, 4, SC_VERDICT_NEAR_DUPLICATE, 0.95, c), SC_OK);
  const uint32_t strict[7] = {0, 1, 2, 3, 3, 5, 6};
  CHECK(memcmp(c, strict, sizeof c) == 0);
  CHECK_EQ_INT(sc_cluster_pairs(7, NULL, 0, SC_VERDICT_UNRELATED, 0.0, c), SC_OK);
  for (uint32_t i = 0; i < 7; i++) CHECK_EQ_INT(c[i], i);
  CHECK_EQ_INT(sc_cluster_pairs(0, NULL, 0, SC_VERDICT_UNRELATED, 0.0, c), SC_OK);

  /* Errors. */
  CHECK_EQ_INT(sc_cluster_pairs(5, p, 4, SC_VERDICT_UNRELATED, 0.0, c), SC_E_INVALID_ARG);  /* id 5 */
  p[3].a = 2, p[3].b = 7;
  CHECK_EQ_INT(sc_cluster_pairs(7, p, 4, SC_VERDICT_UNRELATED, 0.0, c), SC_E_INVALID_ARG);  /* id 7 = n */
  /* Out of range even when the filter would drop the pair. */
  p[3].verdict = SC_VERDICT_UNRELATED, p[3].score = 0.0;
  CHECK_EQ_INT(sc_cluster_pairs(7, p, 4, SC_VERDICT_DUPLICATE, 1.0, c), SC_E_INVALID_ARG);
  p[3].a = UINT32_MAX, p[3].b = 0;
  CHECK_EQ_INT(sc_cluster_pairs(7, p, 4, SC_VERDICT_UNRELATED, 0.0, c), SC_E_INVALID_ARG);
  CHECK_EQ_INT(sc_cluster_pairs(7, p, 3, SC_VERDICT_UNRELATED, 0.0, NULL), SC_E_INVALID_ARG);
  CHECK_EQ_INT(sc_cluster_pairs(7, NULL, 3, SC_VERDICT_UNRELATED, 0.0, c), SC_E_INVALID_ARG);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 20240612);
  test_union_find();
  test_cluster_pairs();
  test_filters_by_hand();
  return sc_test_done("test_cluster");
}
