/*
 * topk.c: bounded best-K selection (see topk.h).
 */
#include "topk.h"

#include <stdlib.h>

static void swap(sc_scored *x, sc_scored *y) {
  const sc_scored t = *x;
  *x = *y;
  *y = t;
}

void sc_topk_insert(sc_scored *heap, uint32_t *len, size_t cap, sc_scored s) {
  size_t i = *len;
  if (i < cap) {  /* room left: append and sift up */
    heap[(*len)++] = s;
    for (; i > 0 && sc_topk_worse(heap[i], heap[(i - 1) / 2]); i = (i - 1) / 2) swap(&heap[i], &heap[(i - 1) / 2]);
    return;
  }
  heap[0] = s;  /* replace the worst kept and sift down */
  for (i = 0;;) {
    size_t m = i;
    const size_t l = 2 * i + 1, r = l + 1;
    if (l < cap && sc_topk_worse(heap[l], heap[m])) m = l;
    if (r < cap && sc_topk_worse(heap[r], heap[m])) m = r;
    if (m == i) break;
    swap(&heap[i], &heap[m]);
    i = m;
  }
}

static int cmp_best_first(const void *x, const void *y) {
  const sc_scored *p = x, *q = y;
  return sc_topk_worse(*q, *p) ? -1 : sc_topk_worse(*p, *q) ? 1 : 0;
}

void sc_topk_sort(sc_scored *heap, size_t n) {
  if (n > 1) qsort(heap, n, sizeof(sc_scored), cmp_best_first);
}
