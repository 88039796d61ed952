/*
 * set_store.c: shingle sets in an unlinked temporary file (see set_store.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "set_store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The write buffer holds STORE_BUFFER values (1 MiB): every page of it is
 * faulted in once, and 16 MiB of it were 4K page faults, half of a
 * 10^4-document run's, for no fewer writes worth having. */
enum { STORE_BUFFER = 1 << 18 };

sc_status sc_set_store_open(sc_set_store *s, const char *dir) {
  memset(s, 0, sizeof(*s));
  s->fd = -1;
  if (!dir) dir = getenv("TMPDIR");
  if (!dir || !*dir) dir = "/tmp";
  s->wbuf = sc__mallocarray(STORE_BUFFER, sizeof(uint32_t));
  const size_t n = strlen(dir) + 32;
  char *path = sc__malloc(n);
  if (!s->wbuf || !path) {
    sc__free(path);
    sc_set_store_close(s);
    return SC_E_NOMEM;
  }
  snprintf(path, n, "%s/simcheck-store-XXXXXX", dir);
  s->fd = mkstemp(path);
  if (s->fd >= 0) unlink(path);  /* gone from the tree; freed at close, even on a crash */
  sc__free(path);
  return s->fd >= 0 ? SC_OK : SC_E_IO;
}

sc_status sc_set_store_flush(sc_set_store *s) {
  const char *p = (const char *)s->wbuf;
  size_t left = s->wlen * sizeof(uint32_t);
  while (left) {
    const ssize_t w = write(s->fd, p, left);
    if (w < 0 && errno == EINTR) continue;
    SC_CHECK(w <= 0, SC_E_IO);
    p += w;
    left -= (size_t)w;
  }
  s->wlen = 0;
  return SC_OK;
}

sc_status sc_set_store_append(sc_set_store *s, const uint32_t *set, size_t n, uint64_t *offset) {
  *offset = s->items;
  for (size_t done = 0; done < n;) {
    if (s->wlen == STORE_BUFFER) SC_TRY(sc_set_store_flush(s));
    const size_t m = n - done < STORE_BUFFER - s->wlen ? n - done : STORE_BUFFER - s->wlen;
    memcpy(s->wbuf + s->wlen, set + done, m * sizeof(uint32_t));
    s->wlen += m;
    done += m;
  }
  s->items += n;
  return SC_OK;
}

sc_status sc_u32_reserve(uint32_t **buf, size_t *cap, size_t n) {
  if (n <= *cap) return SC_OK;
  uint32_t *b = sc__reallocarray(*buf, n, sizeof(uint32_t));
  SC_CHECK(!b, SC_E_NOMEM);
  *buf = b;
  *cap = n;
  return SC_OK;
}

sc_status sc_set_store_read(const sc_set_store *s, uint64_t offset, size_t n, uint32_t **buf, size_t *cap) {
  SC_TRY(sc_u32_reserve(buf, cap, n));
  char *p = (char *)*buf;
  size_t left = n * sizeof(uint32_t);
  off_t off = (off_t)(offset * sizeof(uint32_t));
  while (left) {
    const ssize_t r = pread(s->fd, p, left, off);
    if (r < 0 && errno == EINTR) continue;
    SC_CHECK(r <= 0, SC_E_IO);
    p += r;
    left -= (size_t)r;
    off += r;
  }
  return SC_OK;
}

void sc_set_store_close(sc_set_store *s) {
  if (s->fd >= 0) close(s->fd);
  s->fd = -1;
  sc__free(s->wbuf);
  s->wbuf = NULL;
  s->wlen = 0;
}
