/*
 * set_store.h: documents' shingle sets spilled to an unlinked temporary
 * file, for deduplication at scale (dedup.c).
 *
 * Sets are appended as they come (32-bit values, unsorted, with repeats)
 * through a write buffer and read back with pread only when a candidate
 * pair needs them, so the page cache, not the process, holds them. The
 * file is unlinked as soon as it is made: it disappears at close, even
 * after a crash.
 */
#ifndef SC_SET_STORE_H
#define SC_SET_STORE_H

#include "common/sc_internal.h"

typedef struct sc_set_store {
  int fd;                       /* -1 when closed                          */
  uint32_t *wbuf;               /* write buffer                            */
  size_t wlen;
  uint64_t items;               /* values appended so far                  */
} sc_set_store;

/** Makes the file in @p dir (NULL: $TMPDIR, else /tmp).
 *  @return SC_OK, SC_E_NOMEM, SC_E_IO. */
sc_status sc_set_store_open(sc_set_store *s, const char *dir);

/** Appends @p n values; *@p offset receives where they start (in values).
 *  @return SC_OK or SC_E_IO. */
sc_status sc_set_store_append(sc_set_store *s, const uint32_t *set, size_t n, uint64_t *offset);

/** Writes out the buffer: call before reading what was appended last.
 *  @return SC_OK or SC_E_IO. */
sc_status sc_set_store_flush(sc_set_store *s);

/** Reads @p n values from @p offset into *@p buf, grown as needed
 *  (capacity *@p cap). Safe from several threads at once.
 *  @return SC_OK, SC_E_NOMEM, SC_E_IO. */
sc_status sc_set_store_read(const sc_set_store *s, uint64_t offset, size_t n, uint32_t **buf, size_t *cap);

void sc_set_store_close(sc_set_store *s);

/** Room for @p n values in *@p buf (capacity *@p cap).
 *  @return SC_OK or SC_E_NOMEM. */
sc_status sc_u32_reserve(uint32_t **buf, size_t *cap, size_t n);

#endif
