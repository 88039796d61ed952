/*
 * cluster.h: union-find (disjoint sets) over document ids, with union by
 * size and path halving: near-constant amortized time per operation
 * (inverse Ackermann), so clustering 10^8 edges stays linear.
 */
#ifndef SC_CLUSTER_H
#define SC_CLUSTER_H

#include "common/sc_internal.h"

typedef struct sc_uf {
  uint32_t *parent;
  uint32_t *size;
  size_t n;
} sc_uf;

sc_status sc_uf_init(sc_uf *u, size_t n);
uint32_t sc_uf_find(sc_uf *u, uint32_t x);
/** Joins the sets of @p x and @p y. @return 1 if they were apart. */
int sc_uf_union(sc_uf *u, uint32_t x, uint32_t y);
void sc_uf_free(sc_uf *u);

#endif
