/*
 * output.h: files the tool writes (dedup's kept documents and removed list)
 * go under a temporary name, PATH.tmp.PID, renamed when complete, so that
 * readers never see half a file; the temporary file is removed when the
 * write fails and when the run is interrupted (SIGINT, SIGTERM, SIGHUP).
 * A file replaced keeps its permissions.
 */
#ifndef SC_CLI_OUTPUT_H
#define SC_CLI_OUTPUT_H

#include <stdio.h>

typedef struct output {
  FILE *f;
  char *tmp;                    /* the temporary name, or NULL: in place    */
  const char *path;
} output;

/* Opens @p path ("-": standard output). A regular file, or a new one, is
 * written under its temporary name; anything else (a symbolic link such as
 * /dev/stdout, a pipe, /dev/null) in place: renaming over it would replace
 * the link or the device with a plain file. @return 1, or 0 with errno. */
int output_open(output *o, const char *path);

/* Flushes, syncs and closes @p o, and renames it into place; on any failure
 * removes the temporary file. @return 1, or 0 with errno. */
int output_commit(output *o);

/* output_commit in two steps, for outputs that land together: close (the
 * step where a full disk shows; on failure the temporary file is removed),
 * then rename. @return 1, or 0 with errno. */
int output_close(output *o);
int output_rename(output *o);

/* Gives @p o up after a failed write, or after output_close when another
 * output failed: closes it if open and removes the temporary file. errno
 * is kept for the message. */
void output_discard(output *o);

#endif
