/*
 * spool.h: inputs that cannot be read twice (standard input, pipes, FIFOs,
 * character devices), copied once to a temporary file so that dedup's
 * second pass, which writes the kept documents, reads what the first read.
 * Each file is unlinked as soon as it is made and read back through
 * /dev/fd/N: no copy of the user's data is left behind however the process
 * ends.
 */
#ifndef SC_CLI_SPOOL_H
#define SC_CLI_SPOOL_H

#include <stddef.h>

typedef struct spooled {
  const char *original;         /* the path as given ("-": standard input)  */
  char path[32];                /* /dev/fd/N                                */
  int fd;
} spooled;

typedef struct spool {
  spooled *items;
  int n;
} spool;

/* Copies every path of @p paths that is "-" or neither a regular file nor
 * a directory (a path given twice, once). Like a read, a copy stops after a
 * NUL byte (the text is binary: /dev/zero never ends) or past 4 GiB.
 * @return 1, or 0 with the reason printed on stderr after "simcheck CMD: ". */
int spool_inputs(spool *s, char *const *paths, int npaths, const char *cmd);

/* Where to read @p path from: its copy, or itself. */
const char *spool_path(const spool *s, const char *path);

/* @p name (a path or FILE:LINE below a copy) as the user wrote it, for
 * messages and output. @return a malloc'd string, NULL when out of memory. */
char *spool_display(const spool *s, const char *name);

void spool_free(spool *s);

#endif
