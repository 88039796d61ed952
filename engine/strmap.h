/*
 * strmap.h: string interning. Maps byte strings to dense ids 0, 1, 2, ... in
 * insertion order; keys are copied into an arena owned by the map.
 * Open addressing with linear probing over a power-of-two table kept at most
 * half full, so a lookup touches about 1.5 slots on average.
 * Thread-safety: single-owner.
 */
#ifndef SC_STRMAP_H
#define SC_STRMAP_H

#include "common/sc_internal.h"

typedef struct sc_strmap {
  uint32_t *slots;       /* id + 1 per slot, 0 = empty                    */
  uint64_t *hashes;      /* hash of key per id (rehash without rehashing) */
  uint32_t *offsets;     /* arena offset per id; offsets[n] = arena_len   */
  char *arena;           /* keys back to back, each NUL-terminated        */
  size_t n, mask;        /* ids in use; slot count - 1                    */
  size_t arena_len, arena_cap, id_cap;
} sc_strmap;

/** Looks @p key up and adds it if absent. *out_id receives its id; *added
 *  (may be NULL) is 1 if it was new.
 *  @return SC_OK, SC_E_NOMEM (map unchanged), SC_E_TOO_LARGE (arena >4 GiB). */
sc_status sc_strmap_intern(sc_strmap *m, const char *key, size_t len, uint32_t *out_id, int *added);

/** Finds @p key. @return 1 and *out_id if present, 0 otherwise. */
int sc_strmap_find(const sc_strmap *m, const char *key, size_t len, uint32_t *out_id);

/** @return the NUL-terminated key of @p id; valid until the next intern. */
const char *sc_strmap_key(const sc_strmap *m, uint32_t id, size_t *len);

/** Renumbers the ids in the byte order of their keys (shorter first where
 *  one is a prefix of the other), so that ids depend on the set of keys
 *  only, never on the order they came in. @p old_to_new (m->n entries)
 *  receives each old id's new one.
 *  @return SC_OK, SC_E_NOMEM (map unchanged). */
sc_status sc_strmap_sort(sc_strmap *m, uint32_t *old_to_new);

void sc_strmap_free(sc_strmap *m);

#endif
