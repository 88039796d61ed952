/*
 * set_verify.c: exact Jaccard of stored set pairs (see set_verify.h).
 */
#include "set_verify.h"

#include "parallel.h"
#include "shingle.h"

/* One worker's scratch for verifying pairs (a, b): a's set as a hash set,
 * kept while pairs share their first document (they are sorted by it as a
 * rule), b's set as read, and the set of b's values not in a. */
typedef struct verifier {
  uint32_t doc;                 /* whose set is in `a`, or UINT32_MAX       */
  sc_u32set a, misses;
  uint32_t *buf, *buf2, *tmp;   /* sets as stored: unsorted, with repeats;
                                   buf2 and tmp for sorting large ones      */
  size_t cap, cap2, cap_tmp;
} verifier;

/* Reads document @p i's stored set into *@p buf (capacity *@p cap). */
static sc_status read_set(const sc_stored_sets *s, uint32_t i, uint32_t **buf, size_t *cap) {
  return sc_set_store_read(s->store, s->offset[i], s->len[i], buf, cap);
}

/* Jaccard of two sets by sorting both: for sets of more than
 * s->max_hashed values, which hash sets (up to 48 bytes per value and
 * side, against 8 here) would make take gigabytes for a document of
 * 10^8 bytes. */
static sc_status jaccard_sorted(const sc_stored_sets *s, uint32_t a, uint32_t b, verifier *v, double *jac) {
  const size_t la = s->len[a], lb = s->len[b];
  SC_TRY(read_set(s, a, &v->buf, &v->cap));
  SC_TRY(read_set(s, b, &v->buf2, &v->cap2));
  SC_TRY(sc_u32_reserve(&v->tmp, &v->cap_tmp, la > lb ? la : lb));
  const size_t na = sc_u32_sort_unique(v->buf, la, v->tmp), nb = sc_u32_sort_unique(v->buf2, lb, v->tmp);
  const size_t c = sc_u32_intersect_count(v->buf, na, v->buf2, nb), u = na + nb - c;
  *jac = u ? (double)c / (double)u : 1.0;
  return SC_OK;
}

/* Exact Jaccard of the distinct values of documents @p a and @p b. */
static sc_status jaccard_pair(const sc_stored_sets *s, uint32_t a, uint32_t b, verifier *v, double *jac) {
  if (s->len[a] > s->max_hashed || s->len[b] > s->max_hashed) return jaccard_sorted(s, a, b, v, jac);
  if (v->doc != a) {
    v->doc = UINT32_MAX;
    SC_TRY(read_set(s, a, &v->buf, &v->cap));
    SC_TRY(sc_u32set_fill(&v->a, v->buf, s->len[a]));
    v->doc = a;
  }
  SC_TRY(read_set(s, b, &v->buf, &v->cap));
  size_t c, nb;
  SC_TRY(sc_u32set_common(&v->a, &v->misses, v->buf, s->len[b], &c, &nb));
  const size_t u = v->a.n + nb - c;
  *jac = u ? (double)c / (double)u : 1.0;
  return SC_OK;
}

typedef struct verify_job {
  const sc_stored_sets *s;
  const uint64_t *pairs;        /* (a << 32 | b), sorted by a as a rule     */
  double *jac;                  /* out, per pair                            */
  verifier *v;                  /* per worker                               */
} verify_job;

static sc_status verify_range(void *user, size_t begin, size_t end, unsigned w) {
  verify_job *j = user;
  for (size_t i = begin; i < end; i++)
    SC_TRY(jaccard_pair(j->s, (uint32_t)(j->pairs[i] >> 32), (uint32_t)j->pairs[i], &j->v[w], &j->jac[i]));
  return SC_OK;
}

/* Exact Jaccard of @p n pairs, on worker threads with their own buffers,
 * VERIFY_CHUNK pairs at a time: chunks of 256 could leave one of two
 * workers idle for a chunk (about 2 ms) at the end of the 1768 pairs of a
 * 10^4-document run; smaller ones end within a fraction of that, for a
 * few more fills of the first document's set at chunk starts. */
enum { VERIFY_CHUNK = 64 };

sc_status sc_verify_pairs(const sc_stored_sets *s, unsigned threads, const uint64_t *pairs, size_t n, double *jac) {
  const unsigned t = sc_threads_for(threads, n);
  verify_job j = {s, pairs, jac, sc__calloc(t, sizeof(verifier))};
  SC_CHECK(!j.v, SC_E_NOMEM);
  for (unsigned w = 0; w < t; w++) j.v[w].doc = UINT32_MAX;
  const sc_status st = sc_parallel_for(n, VERIFY_CHUNK, t, verify_range, &j);
  for (unsigned w = 0; w < t; w++) {
    sc_u32set_free(&j.v[w].a);
    sc_u32set_free(&j.v[w].misses);
    sc__free(j.v[w].buf);
    sc__free(j.v[w].buf2);
    sc__free(j.v[w].tmp);
  }
  sc__free(j.v);
  return st;
}

