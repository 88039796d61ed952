/*
 * copies.c: groups of copies and near-copies (see copies.h).
 */
#include "copies.h"

#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "lsh.h"
#include "shingle.h"

/* A document's digest and id, sorted to find repeated texts. */
typedef struct digest_ref {
  const uint8_t *digest;
  uint32_t id;
} digest_ref;

static int cmp_digest_ref(const void *a, const void *b) {
  const digest_ref *x = a, *y = b;
  const int c = memcmp(x->digest, y->digest, 32);
  if (c) return c;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Links documents of one normalized text (short texts have no shingle to
 * find them by). */
static sc_status link_same_text(sc_doc *const *docs, size_t n, sc_uf *uf) {
  digest_ref *refs = sc__mallocarray(n, sizeof(digest_ref));
  SC_CHECK(!refs, SC_E_NOMEM);
  for (size_t i = 0; i < n; i++) refs[i] = (digest_ref){docs[i]->digest, (uint32_t)i};
  qsort(refs, n, sizeof *refs, cmp_digest_ref);
  for (size_t i = 1; i < n; i++)
    if (memcmp(refs[i - 1].digest, refs[i].digest, 32) == 0) sc_uf_union(uf, refs[i - 1].id, refs[i].id);
  sc__free(refs);
  return SC_OK;
}

static int cmp_u64(const void *a, const void *b) {
  const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* Links LSH candidates whose exact shingle Jaccard reaches @p threshold. */
static sc_status link_near_copies(sc_doc *const *docs, size_t n, uint32_t num_perm, double threshold, sc_uf *uf) {
  sc_lsh_params p;
  /* A threshold no banding reaches (very low, or num_perm too small):
   * copies are then grouped by digest only. */
  if (sc_lsh_params_choose(num_perm, threshold, &p) != SC_OK) return SC_OK;
  uint64_t *keys = sc__mallocarray(n * p.bands, sizeof(uint64_t));
  sc_band_entry *e = sc__mallocarray(n, sizeof(sc_band_entry));
  sc_u64_vec pairs = {0};
  sc_status st = keys && e ? SC_OK : SC_E_NOMEM;
  for (size_t i = 0; i < n && st == SC_OK; i++) sc_lsh_band_keys(&p, docs[i]->sig, keys + i * p.bands);
  for (uint32_t band = 0; band < p.bands && st == SC_OK; band++) {
    size_t m = 0;
    for (size_t i = 0; i < n; i++)  /* a text without shingles has an empty signature: no evidence */
      if (docs[i]->n_shingles) e[m++] = (sc_band_entry){keys[i * p.bands + band], (uint32_t)i};
    st = sc_lsh_band_candidates(e, m, &pairs);
  }
  if (st == SC_OK && pairs.len) qsort(pairs.items, pairs.len, sizeof(uint64_t), cmp_u64);
  for (size_t k = 0; k < pairs.len && st == SC_OK; k++) {
    if (k && pairs.items[k] == pairs.items[k - 1]) continue;
    const sc_doc *a = docs[pairs.items[k] >> 32], *b = docs[(uint32_t)pairs.items[k]];
    const size_t shared = sc_u64_intersect_count(a->shingles, a->n_shingles, b->shingles, b->n_shingles);
    const size_t uni = a->n_shingles + b->n_shingles - shared;
    if ((double)shared >= threshold * (double)uni)
      sc_uf_union(uf, (uint32_t)(pairs.items[k] >> 32), (uint32_t)pairs.items[k]);
  }
  SC_VEC_FREE(&pairs);
  sc__free(e);
  sc__free(keys);
  return st;
}

sc_status sc_copy_groups(sc_doc *const *docs, size_t n, uint32_t num_perm, double threshold, uint32_t *group,
                         size_t *n_groups) {
  *n_groups = 0;
  if (n == 0) return SC_OK;
  sc_uf uf;
  SC_TRY(sc_uf_init(&uf, n));
  sc_status st = link_same_text(docs, n, &uf);
  if (st == SC_OK) st = link_near_copies(docs, n, num_perm, threshold, &uf);
  for (size_t i = 0; i < n && st == SC_OK; i++) group[i] = sc_uf_find(&uf, (uint32_t)i);
  sc_uf_free(&uf);
  if (st != SC_OK) return st;
  /* Each group by its first document: a root maps to the first member seen. */
  uint32_t *first = sc__mallocarray(n, sizeof(uint32_t));
  SC_CHECK(!first, SC_E_NOMEM);
  for (size_t i = 0; i < n; i++) first[i] = UINT32_MAX;
  for (size_t i = 0; i < n; i++) {
    if (first[group[i]] == UINT32_MAX) {
      first[group[i]] = (uint32_t)i;
      ++*n_groups;
    }
    group[i] = first[group[i]];
  }
  sc__free(first);
  return SC_OK;
}
