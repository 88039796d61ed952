/*
 * shingle.h: word k-shingles hashed to 64 bits, and sorted hash sets.
 *
 * Each word is hashed under the keyed token secret and a shingle's hash
 * combines its k word hashes under the shingle secret (engine/wordhash.h:
 * a branch-free mix for words up to 16 bytes, a rotate-xor that slides
 * from one shingle to the next), so one pass hashes each word once. A text
 * with fewer than k words yields one shingle of all its words, so short
 * texts still compare.
 */
#ifndef SC_SHINGLE_H
#define SC_SHINGLE_H

#include "common/sc_internal.h"
#include "keys.h"
#include "tokenize.h"

enum { SC_SHINGLE_K_MAX = 16 };

/** Appends the k-shingle hashes of @p words (spans into @p text) to @p out,
 *  in text order (with repeats).
 *  @pre 1 <= k <= SC_SHINGLE_K_MAX.
 *  @return SC_OK or SC_E_NOMEM. */
sc_status sc_shingle_words(const char *text, const sc_span *words, size_t n, uint32_t k,
                           const sc_keys *keys, sc_u64_vec *out);

/** Turns the @p n word hashes at @p h into their k-shingle hashes, in place
 *  and in text order: max(n - k + 1, 1) of them when n > 0 (a text shorter
 *  than k is one shingle of all its words), 0 when n = 0.
 *  @pre 1 <= k <= SC_SHINGLE_K_MAX.
 *  @return the number of shingles. */
size_t sc_shingle_in_place(uint64_t *h, size_t n, uint32_t k, const sc_keys *keys);

/** The sketch of deduplication in one pass over the @p n word hashes at
 *  @p h (sc_shingle_in_place's shingles, without writing them back): each
 *  shingle hash is added to the MinHash registers @p sig (@p num_perm of
 *  them, initialized by the caller) and its high 32 bits are stored in
 *  text order at @p high (room for n). Three passes over the shingles (in
 *  place, MinHash, high halves) became one.
 *  @pre 1 <= k <= SC_SHINGLE_K_MAX.
 *  @return the number of shingles, as sc_shingle_in_place. */
size_t sc_shingle_sketch(const uint64_t *h, size_t n, uint32_t k, const sc_keys *keys, uint32_t *sig,
                         uint32_t num_perm, uint32_t *high);

/** Hash of one word under the token secret (also used for term hashes). */
uint64_t sc_hash_word(const char *w, size_t n, const uint8_t *secret);

/** Sorts @p v ascending in place; @p tmp must hold n elements. */
void sc_u64_sort(uint64_t *v, size_t n, uint64_t *tmp);

/** Sorts @p v ascending and removes repeats in place.
 *  @return the new length. @p tmp must hold n elements (radix sort buffer). */
size_t sc_u64_sort_unique(uint64_t *v, size_t n, uint64_t *tmp);

/** Same for 32-bit values. */
size_t sc_u32_sort_unique(uint32_t *v, size_t n, uint32_t *tmp);

/** @return |A n B| of two sorted, repeat-free sets. */
size_t sc_u64_intersect_count(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/** The same for sorted distinct 32-bit values. */
size_t sc_u32_intersect_count(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);

/* A set of 32-bit values by open addressing (linear probing, at most a
 * quarter full), for the Jaccard of two unsorted multisets: deduplication's stored
 * sets, verified in pairs. Filling one set and probing it with the other
 * cost a third of sorting both (a byte radix sort per set and side was 10%
 * of a 10^4-document cluster run). Slots carry a generation, so emptying
 * the set is one increment, not a pass over the slots, and a mark of the
 * last probing pass that found them, so that a value of the other multiset
 * is counted once however often it repeats. Zero-initialize; free with
 * sc_u32set_free. Thread-safety: single-owner. */
typedef struct sc_u32set {
  uint64_t *slot;               /* gen << 32 | value; another gen: empty    */
  uint32_t *mark;               /* per slot: the last pass that found it    */
  size_t cap;                   /* slots: 0 or a power of two >= 16         */
  unsigned shift;               /* 64 - log2(cap): home slot from the hash  */
  uint32_t gen;                 /* the current generation, from 1           */
  uint32_t pass;                /* the current probing pass, from 1         */
  size_t n;                     /* distinct values held                     */
} sc_u32set;

/** Empties @p s and inserts the @p n values at @p v (repeats allowed):
 *  s->n becomes the number of distinct ones.
 *  @return SC_OK or SC_E_NOMEM (@p s is then empty). */
sc_status sc_u32set_fill(sc_u32set *s, const uint32_t *v, size_t n);

/** Probes @p a with the @p n values at @p v (repeats allowed): *common
 *  receives how many distinct ones are in @p a, *distinct how many
 *  distinct ones there are. @p misses is scratch for the values not in
 *  @p a (emptied first): near-duplicates, the pairs that get verified,
 *  share most values, so most take one probe of @p a and no other.
 *  @return SC_OK or SC_E_NOMEM. */
sc_status sc_u32set_common(sc_u32set *a, sc_u32set *misses, const uint32_t *v, size_t n, size_t *common,
                           size_t *distinct);

void sc_u32set_free(sc_u32set *s);

#endif
