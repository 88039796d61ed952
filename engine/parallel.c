/*
 * parallel.c: parallel-for over pthreads (see parallel.h).
 */
#include "parallel.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

typedef struct job {
  size_t n, chunk;
  atomic_size_t next;
  atomic_int status;
  sc_parallel_fn fn;
  void *user;
} job;

typedef struct worker_arg {
  job *j;
  unsigned id;
} worker_arg;

static void *run_worker(void *p) {
  const worker_arg *wa = p;
  job *j = wa->j;
  for (;;) {
    if (atomic_load(&j->status) != SC_OK) break;
    const size_t begin = atomic_fetch_add(&j->next, j->chunk);
    if (begin >= j->n) break;
    const size_t end = begin + j->chunk < j->n ? begin + j->chunk : j->n;
    const sc_status st = j->fn(j->user, begin, end, wa->id);
    if (st != SC_OK) {
      int expected = SC_OK;
      atomic_compare_exchange_strong(&j->status, &expected, (int)st);
    }
  }
  return NULL;
}

unsigned sc_cpu_count(void) {
  const long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned)n : 1;
}

unsigned sc_threads_for(unsigned requested, size_t items) {
  unsigned t = requested ? requested : sc_cpu_count();
  if (items < t) t = items ? (unsigned)items : 1;
  return t;
}

sc_status sc_parallel_for(size_t n, size_t chunk, unsigned threads, sc_parallel_fn fn, void *user) {
  if (n == 0) return SC_OK;
  if (chunk == 0) chunk = 1;
  job j = {.n = n, .chunk = chunk, .fn = fn, .user = user};
  atomic_init(&j.next, 0);
  atomic_init(&j.status, SC_OK);
  if (threads <= 1) {
    worker_arg wa = {&j, 0};
    run_worker(&wa);
    return (sc_status)atomic_load(&j.status);
  }
  pthread_t tid[256];
  worker_arg args[256];
  if (threads > 256) threads = 256;
  unsigned started = 0;
  for (unsigned t = 1; t < threads; t++) {
    args[t] = (worker_arg){&j, t};
    if (pthread_create(&tid[t], NULL, run_worker, &args[t]) != 0) break;
    started = t;
  }
  args[0] = (worker_arg){&j, 0};
  run_worker(&args[0]);  /* the caller works too */
  for (unsigned t = 1; t <= started; t++) pthread_join(tid[t], NULL);
  return (sc_status)atomic_load(&j.status);
}
