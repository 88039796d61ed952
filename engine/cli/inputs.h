/*
 * inputs.h: loading the command line's paths into a corpus, with a warning
 * on stderr for every file skipped and why.
 */
#ifndef SC_CLI_INPUTS_H
#define SC_CLI_INPUTS_H

#include "simcheck.h"

typedef struct input_stats {
  size_t read;        /* documents added                          */
  size_t skipped;     /* files or documents skipped               */
} input_stats;

/* Reads every path, analyses the texts on @p threads threads and adds them
 * to @p c. Warnings go to stderr unless @p quiet.
 * @return SC_OK (even if nothing was usable: check stats->read) or a fatal
 * status (out of memory). */
sc_status load_inputs(sc_corpus *c, char *const *paths, int npaths, unsigned threads, int quiet,
                      input_stats *stats);

/* Reads a --key-file into @p key. Prints the error and returns 0 on failure. */
int load_key_file(const char *path, uint8_t key[SC_KEY_BYTES]);

#endif
