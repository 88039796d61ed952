/*
 * inputs.h: loading the command line's paths into a corpus, with a warning
 * on stderr for every file skipped and why.
 */
#ifndef SC_CLI_INPUTS_H
#define SC_CLI_INPUTS_H

#include <stdio.h>

#include "args.h"
#include "nameset.h"
#include "simcheck.h"

/* How input files are read: whole files, or JSONL records (one document per
 * line, named by its id). */
typedef struct input_format {
  int jsonl;                    /* 1: every input is JSONL; 0: by extension */
  const char *id_field, *text_field;
} input_format;

/* Defaults: JSONL by extension (.jsonl, .ndjson), fields "id" and "text". */
void input_format_init(input_format *f);

/* Handles --jsonl, --id-field F and --text-field F: 1 if taken, -1 on a
 * usage error (printed), 0 if @p name is another option. */
int parse_input_option(cli_args *a, const char *name, const char *inline_value, input_format *f);

/* Whether @p path is read as JSONL under @p f. */
int reads_as_jsonl(const input_format *f, const char *path);

/* The files read so far, by device and inode: a file given twice, or by
 * name and inside a directory given too, is read once (two documents of
 * one name would make every report about it ambiguous). */
typedef name_set file_set;

/* Adds the file open on @p fd; nothing if it is not a regular file.
 * @return 1 if new or not a file, 0 if seen, -1 out of memory. */
int file_set_add_fd(file_set *s, int fd);

/* Whether @p path names a regular file of @p s (by any name). */
int file_set_has(const file_set *s, const char *path);

/* Reads input @p path: as JSON Lines if reads_as_jsonl says so and it is
 * not a directory; else through sc_read_path, each file found read as JSON
 * Lines by the same rule (a folder of .jsonl shards, or any folder with
 * --jsonl). Plain files go to @p on_doc, records to @p on_record, skips to
 * @p on_skip (may be NULL); a file already in @p files (may be NULL) is
 * skipped. @return as sc_read_path / sc_read_jsonl. */
sc_status read_input(const input_format *f, file_set *files, const char *path, sc_read_doc_fn on_doc,
                     sc_record_fn on_record, sc_read_skip_fn on_skip, void *user);

/* The name JSONL record @p id at @p where goes by: its id, or where it is
 * when the id was seen before in @p seen (warned about on stderr, after
 * @p prefix, unless @p quiet). NULL when out of memory. */
const char *record_name(name_set *seen, const char *id, const char *where, const char *prefix, int quiet);

/* Prints how a warning names a document: a JSONL record as "FILE:LINE
 * (id ID)" (@p where, or NULL for a file), a file by its name. */
void print_doc_label(FILE *out, const char *name, const char *where);

/* Warns that input @p path (read as JSON Lines if @p jsonl) gave neither a
 * document nor a skip to report. */
void warn_nothing_read(int jsonl, const char *path);

/* Help lines for the three options above. */
extern const char input_options_help[];

typedef struct input_stats {
  size_t read;        /* documents added                          */
  size_t skipped;     /* files or documents skipped               */
} input_stats;

/* Reads every path (JSONL records where @p format says so; NULL: whole
 * files only), analyses the texts on @p threads threads and adds them to
 * @p c. Warnings go to stderr unless @p quiet.
 * @return SC_OK (even if nothing was usable: check stats->read) or a fatal
 * status (out of memory). */
sc_status load_inputs(sc_corpus *c, char *const *paths, int npaths, const input_format *format, unsigned threads,
                      int quiet, input_stats *stats);

/* Reads a --key-file into @p key. Prints the error and returns 0 on failure. */
int load_key_file(const char *path, uint8_t key[SC_KEY_BYTES]);

#endif
