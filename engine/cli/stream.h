/*
 * stream.h: feeding large inputs to a deduplicator in batches: JSONL files
 * (records), directories and files (documents) and standard input, read in
 * the order given. Remembers which records were used so that a second pass
 * can write the kept ones.
 */
#ifndef SC_CLI_STREAM_H
#define SC_CLI_STREAM_H

#include <stdio.h>

#include "inputs.h"
#include "simcheck.h"

typedef struct stream_opts {
  input_format format;          /* JSONL or whole files                     */
  int quiet;
  const char *cmd;              /* for messages                             */
  const char *stdin_spool;      /* file holding standard input, or NULL     */
} stream_opts;

typedef struct stream_result {
  size_t records;               /* records or files read                    */
  size_t skipped;               /* reported and skipped                     */
  size_t bytes;                 /* text bytes read                          */
  unsigned char *used;          /* per record: 1 if it became a document    */
} stream_result;

/* Reads all @p paths into @p d. Warnings go to stderr unless quiet; a
 * progress line too when stderr is a terminal.
 * @return SC_OK or a fatal status (out of memory, store I/O). */
sc_status stream_into(sc_dedup *d, char *const *paths, int npaths, const stream_opts *so, stream_result *out);

/* Second pass: writes to @p out every record whose document was kept (the
 * representative of its cluster): JSONL records as their original line,
 * files as {"id": PATH, "text": TEXT}.
 * @return SC_OK, SC_E_IO (a write failed), SC_E_NOMEM. */
sc_status stream_write_kept(const sc_dedup *d, char *const *paths, int npaths, const stream_opts *so,
                            const stream_result *first, FILE *out);

/* Copies standard input to a new temporary file whose path is written to
 * @p path (the caller unlinks it), so that it can be read twice.
 * @return 1, or 0 on failure. */
int stream_spool_stdin(char *path, size_t cap);

#endif
