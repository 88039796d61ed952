/*
 * sc_internal.h: what every engine module shares: allocation wrappers (all
 * heap traffic goes through them so tests can fail the Nth allocation),
 * error-forwarding macros and a growable array. Not installed.
 */
#ifndef SC_INTERNAL_H
#define SC_INTERNAL_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include "simcheck.h"

#ifndef SC_DEBUGLEVEL
#define SC_DEBUGLEVEL 0
#endif

#if SC_DEBUGLEVEL >= 2
#include <stdio.h>
#define SC_DEBUGLOG(l, ...)                                                   \
  do {                                                                        \
    if ((l) <= SC_DEBUGLEVEL) {                                               \
      fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                         \
      fprintf(stderr, __VA_ARGS__);                                           \
      fputc('\n', stderr);                                                    \
    }                                                                         \
  } while (0)
#else
#define SC_DEBUGLOG(l, ...) ((void)0)
#endif

/* Return @p err from the current function when @p cond holds. */
#define SC_CHECK(cond, err)                                                   \
  do {                                                                        \
    if (cond) {                                                               \
      SC_DEBUGLOG(2, "check failed: %s", #cond);                              \
      return (err);                                                           \
    }                                                                         \
  } while (0)

/* Forward a non-OK status from @p expr. */
#define SC_TRY(expr)                                                          \
  do {                                                                        \
    const sc_status sc_try_status_ = (expr);                                  \
    if (sc_try_status_ != SC_OK) {                                            \
      SC_DEBUGLOG(2, "%s -> %d", #expr, (int)sc_try_status_);                 \
      return sc_try_status_;                                                  \
    }                                                                         \
  } while (0)

void *sc__malloc(size_t size);
void *sc__calloc(size_t count, size_t size);
void *sc__realloc(void *p, size_t size);
void sc__free(void *p);
/* count * size with overflow check; NULL on overflow or failure. */
void *sc__mallocarray(size_t count, size_t size);
void *sc__reallocarray(void *p, size_t count, size_t size);
char *sc__strdup(const char *s);

/* Test hook: make the Nth allocation from now fail (0 disables). Per thread,
 * so concurrent tests do not interfere; not part of the public API. */
void sc__alloc_fail_after(unsigned long n);

/* Test hook: @p d verifies the pairs with a set of more than @p values
 * values by sorting both sets rather than through hash sets (default
 * 2^16; 0: every pair by sorting). Before sc_dedup_run. */
void sc__dedup_hash_set_max(sc_dedup *d, size_t values);

/* sc_read_jsonl mapping regular files @p window bytes at a time (at least
 * a page; sc_read_jsonl's is 4 MiB): for tests of lines across windows
 * and longer than one. */
sc_status sc__read_jsonl_window(const char *path, const char *id_field, const char *text_field,
                                sc_record_fn on_record, sc_read_skip_fn on_skip, void *user, uint64_t window);

/* Growable array of T: `SC_VEC(uint64_t) v = {0}; SC_VEC_PUSH(&v, x, fail);` */
#define SC_VEC(T)                                                             \
  struct {                                                                    \
    T *items;                                                                 \
    size_t len, cap;                                                          \
  }

/* Ensure room for @p extra more items in @p v; jumps to @p fail on OOM. */
#define SC_VEC_RESERVE(v, extra, fail)                                        \
  do {                                                                        \
    if ((v)->len + (extra) > (v)->cap) {                                      \
      size_t sc_cap_ = (v)->cap ? (v)->cap * 2 : 16;                          \
      while (sc_cap_ < (v)->len + (extra)) sc_cap_ *= 2;                      \
      void *sc_p_ = sc__reallocarray((v)->items, sc_cap_, sizeof(*(v)->items)); \
      if (!sc_p_) goto fail;                                                  \
      (v)->items = sc_p_;                                                     \
      (v)->cap = sc_cap_;                                                     \
    }                                                                         \
  } while (0)

#define SC_VEC_PUSH(v, x, fail)                                               \
  do {                                                                        \
    SC_VEC_RESERVE(v, 1, fail);                                               \
    (v)->items[(v)->len++] = (x);                                             \
  } while (0)

typedef SC_VEC(uint64_t) sc_u64_vec;

#define SC_VEC_FREE(v)                                                        \
  do {                                                                        \
    sc__free((v)->items);                                                     \
    (v)->items = NULL;                                                        \
    (v)->len = (v)->cap = 0;                                                  \
  } while (0)

#endif /* SC_INTERNAL_H */
