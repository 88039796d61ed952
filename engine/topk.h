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

/** Offers @p s to the heap @p heap of *@p len entries (at most @p cap). */
void sc_topk_offer(sc_scored *heap, uint32_t *len, size_t cap, sc_scored s);

/** Sorts @p n kept entries best first. */
void sc_topk_sort(sc_scored *heap, size_t n);

#endif
