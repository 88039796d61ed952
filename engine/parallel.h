/*
 * parallel.h: a minimal parallel-for over pthreads. Work items are handed
 * out in chunks through an atomic counter, so uneven items (long and short
 * documents) balance across threads; each worker gets its own index for
 * per-thread scratch space.
 */
#ifndef SC_PARALLEL_H
#define SC_PARALLEL_H

#include "common/sc_internal.h"

/* Processes items [begin, end) on worker @p worker; returns SC_OK or an error
 * that stops the loop. */
typedef sc_status (*sc_parallel_fn)(void *user, size_t begin, size_t end, unsigned worker);

/** @return the number of online cores (at least 1). */
unsigned sc_cpu_count(void);

/** Resolves a requested thread count: 0 means one per core; never more
 *  threads than @p items. */
unsigned sc_threads_for(unsigned requested, size_t items);

/** Runs @p fn over [0, n) in chunks of @p chunk on @p threads workers
 *  (threads from sc_threads_for). With one worker, runs on the caller's
 *  thread.
 *  @return SC_OK or the first error any worker returned. */
sc_status sc_parallel_for(size_t n, size_t chunk, unsigned threads, sc_parallel_fn fn, void *user);

#endif
