/*
 * test_parallel.c: sc_parallel_for visits every index exactly once for any
 * thread count and chunk size, gives each worker its own index, and
 * returns the first error; sc_threads_for resolves thread counts.
 */
#include <stdatomic.h>

#include "parallel.h"
#include "sc_test.h"

typedef struct visit {
  atomic_uint *count;     /* visits per index                         */
  unsigned threads;
  atomic_int bad_worker;  /* a worker index >= threads was seen         */
  size_t fail_at;         /* index whose chunk fails, or SIZE_MAX       */
} visit;

static sc_status visit_fn(void *user, size_t begin, size_t end, unsigned worker) {
  visit *v = user;
  if (worker >= v->threads) atomic_store(&v->bad_worker, 1);
  for (size_t i = begin; i < end; i++) {
    atomic_fetch_add(&v->count[i], 1);
    if (i == v->fail_at) return SC_E_IO;
  }
  return SC_OK;
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 11);
  CHECK(sc_cpu_count() >= 1);
  CHECK_EQ_INT(sc_threads_for(4, 100), 4);
  CHECK_EQ_INT(sc_threads_for(4, 2), 2);
  CHECK_EQ_INT(sc_threads_for(4, 0), 1);
  CHECK_EQ_INT(sc_threads_for(0, 1000000), sc_cpu_count());
  CHECK_EQ_INT(sc_threads_for(1, 1000), 1);

  enum { MAXN = 5000 };
  atomic_uint *count = malloc(MAXN * sizeof *count);
  for (int iter = 0; iter < 200; iter++) {
    const size_t n = iter == 0 ? 0 : sc_test_below(MAXN);
    const size_t chunk = sc_test_below(70);  /* 0 is taken as 1 */
    const unsigned threads = 1 + (unsigned)sc_test_below(6);
    for (size_t i = 0; i < MAXN; i++) atomic_init(&count[i], 0);
    visit v = {count, threads, 0, SIZE_MAX};
    atomic_init(&v.bad_worker, 0);
    CHECK(sc_parallel_for(n, chunk, threads, visit_fn, &v) == SC_OK);
    size_t wrong = 0;
    for (size_t i = 0; i < MAXN; i++) wrong += atomic_load(&count[i]) != (i < n ? 1u : 0u);
    CHECK_MSG(wrong == 0, "n=%zu chunk=%zu threads=%u: %zu indices visited wrongly", n, chunk, threads, wrong);
    CHECK(atomic_load(&v.bad_worker) == 0);

    /* An error stops the loop and comes back. */
    if (n > 0) {
      for (size_t i = 0; i < MAXN; i++) atomic_init(&count[i], 0);
      v.fail_at = sc_test_below(n);
      CHECK(sc_parallel_for(n, chunk, threads, visit_fn, &v) == SC_E_IO);
      size_t twice = 0;
      for (size_t i = 0; i < n; i++) twice += atomic_load(&count[i]) > 1;
      CHECK_EQ_INT(twice, 0);
    }
  }
  free(count);
  return sc_test_done("test_parallel");
}
