/*
 * topk.h: keeping the best scored items of a stream: a min-heap of at most
 * cap entries whose top is the worst kept, so an offer costs O(log cap) and
 * a rejected one O(1). Ties go to the lower ids, so what is kept never
 * depends on the order of the offers (or on thread counts upstream).
 */
#ifndef SC_TOPK_H
#define SC_TOPK_H

#include <stddef.h>
#include <stdint.h>

typedef struct sc_scored {
  float score;
  uint32_t a, b;       /* ids: a pair, or (document, unused)               */
} sc_scored;

/* Whether x ranks below y: lower score, or the same score and higher ids. */
static inline int sc_topk_worse(sc_scored x, sc_scored y) {
  if (x.score != y.score) return x.score < y.score;
  if (x.a != y.a) return x.a > y.a;
  return x.b > y.b;
}

/* Inserts @p s into a heap known to take it (see sc_topk_offer). */
void sc_topk_insert(sc_scored *heap, uint32_t *len, size_t cap, sc_scored s);

/** Offers @p s to the heap @p heap of *@p len entries (at most @p cap). The
 *  common case, a full heap whose worst beats @p s, returns inline. */
static inline void sc_topk_offer(sc_scored *heap, uint32_t *len, size_t cap, sc_scored s) {
  if (*len >= cap && (cap == 0 || !sc_topk_worse(heap[0], s))) return;
  sc_topk_insert(heap, len, cap, s);
}

/** Sorts @p n kept entries best first. */
void sc_topk_sort(sc_scored *heap, size_t n);

#endif
