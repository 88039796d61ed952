/*
 * commands.h: the simcheck commands and the options they share.
 */
#ifndef SC_CLI_COMMANDS_H
#define SC_CLI_COMMANDS_H

#include "args.h"

typedef struct common_opts {
  sc_options opt;              /* library options (shingles, MinHash, key, thresholds) */
  unsigned threads;            /* 0: one per core                        */
  int quiet;
} common_opts;

/* Handles an option every command takes. @return 1 if handled, 0 if not a
 * common option, -1 on a usage error (already printed). */
int parse_common_option(cli_args *a, const char *name, const char *inline_value, common_opts *co);

/* Help text of the common options, for each command's --help. */
extern const char common_options_help[];

int cmd_matrix(int argc, char **argv);
int cmd_compare(int argc, char **argv);

#endif
