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
#include "spool.h"

typedef struct stream_opts {
  input_format format;          /* JSONL or whole files                     */
  int quiet;
  const char *cmd;              /* for messages                             */
  const spool *spool;           /* copies of inputs read twice, or NULL     */
} stream_opts;

typedef struct stream_result {
  size_t records;               /* records or files read                    */
  size_t skipped;               /* reported and skipped                     */
  size_t bytes;                 /* text bytes read                          */
  unsigned char *used;          /* per record: 1 if it became a document    */
  file_set files;               /* the regular files read, to keep outputs
                                   off them                                 */
} stream_result;

void stream_result_free(stream_result *r);

/* Reads all @p paths into @p d. Warnings go to stderr unless quiet; a
 * progress line too when stderr is a terminal.
 * @return SC_OK or a fatal status (out of memory, store I/O). */
sc_status stream_into(sc_dedup *d, char *const *paths, int npaths, const stream_opts *so, stream_result *out);

/* Second pass: writes to @p out every record whose document was kept (the
 * representative of its cluster): JSONL records as their original line,
 * files as {"id": PATH, "text": TEXT}. Inputs that cannot be read twice
 * must come through so->spool; the file behind @p out, if it lies among
 * the inputs (dedup DIR -o DIR/kept.jsonl), is not read.
 * @return SC_OK, SC_E_IO (a write failed), SC_E_NOMEM, SC_E_STATE (the
 * inputs are not what the first pass read: a document's name differs). */
sc_status stream_write_kept(const sc_dedup *d, char *const *paths, int npaths, const stream_opts *so,
                            const stream_result *first, FILE *out);

#endif
