/*
 * cluster.c: union-find and clusters from scored pairs (see cluster.h and
 * sc_cluster_pairs in simcheck.h).
 */
#include "cluster.h"

#include <string.h>

sc_status sc_uf_init(sc_uf *u, size_t n) {
  memset(u, 0, sizeof(*u));
  SC_CHECK(n >= UINT32_MAX, SC_E_TOO_LARGE);
  u->parent = sc__mallocarray(n ? n : 1, sizeof(uint32_t));
  u->size = sc__mallocarray(n ? n : 1, sizeof(uint32_t));
  if (!u->parent || !u->size) {
    sc_uf_free(u);
    return SC_E_NOMEM;
  }
  for (size_t i = 0; i < n; i++) {
    u->parent[i] = (uint32_t)i;
    u->size[i] = 1;
  }
  u->n = n;
  return SC_OK;
}

uint32_t sc_uf_find(sc_uf *u, uint32_t x) {
  assert(x < u->n);
  while (u->parent[x] != x) {
    u->parent[x] = u->parent[u->parent[x]];  /* path halving */
    x = u->parent[x];
  }
  return x;
}

int sc_uf_union(sc_uf *u, uint32_t x, uint32_t y) {
  x = sc_uf_find(u, x);
  y = sc_uf_find(u, y);
  if (x == y) return 0;
  if (u->size[x] < u->size[y]) {
    const uint32_t t = x;
    x = y;
    y = t;
  }
  u->parent[y] = x;
  u->size[x] += u->size[y];
  return 1;
}

void sc_uf_free(sc_uf *u) {
  if (!u) return;
  sc__free(u->parent);
  sc__free(u->size);
  memset(u, 0, sizeof(*u));
}

sc_status sc_cluster_pairs(size_t n_docs, const sc_pair *pairs, size_t n_pairs, sc_verdict min_verdict,
                           double min_score, uint32_t *cluster_of) {
  SC_CHECK(!cluster_of || (!pairs && n_pairs), SC_E_INVALID_ARG);
  sc_uf u;
  SC_TRY(sc_uf_init(&u, n_docs));
  for (size_t i = 0; i < n_pairs; i++) {
    const sc_pair *p = &pairs[i];
    if (p->a >= n_docs || p->b >= n_docs) {
      sc_uf_free(&u);
      return SC_E_INVALID_ARG;
    }
    if (p->verdict >= min_verdict && p->score >= min_score) sc_uf_union(&u, p->a, p->b);
  }
  /* Name each cluster by its smallest member: deterministic whatever the
   * order of the pairs. */
  for (size_t i = 0; i < n_docs; i++) cluster_of[i] = UINT32_MAX;
  for (size_t i = 0; i < n_docs; i++) {
    const uint32_t r = sc_uf_find(&u, (uint32_t)i);
    if (cluster_of[r] == UINT32_MAX) cluster_of[r] = (uint32_t)i;
  }
  for (size_t i = 0; i < n_docs; i++) cluster_of[i] = cluster_of[sc_uf_find(&u, (uint32_t)i)];
  sc_uf_free(&u);
  return SC_OK;
}
