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
  int verdicts;                /* set by the caller: the command gives verdicts
                                  and takes their thresholds                */
} common_opts;

/* What parse_common_option did with an option. */
enum {
  OPT_NOT_COMMON = 0,  /* not a common option: the command handles it      */
  OPT_TAKEN = 1,       /* handled, go on                                    */
  OPT_EXIT_OK = 2,     /* handled and answered (--version): exit 0          */
  OPT_USAGE = -1,      /* usage error, already printed: exit 1              */
  OPT_INPUT = -2       /* unreadable input (key file), printed: exit 2      */
};

/* Handles an option every command takes (see the enum above). */
int parse_common_option(cli_args *a, const char *name, const char *inline_value, common_opts *co);

/* Exit status for a parse_common_option result that ends the command, or
 * -1 to go on. */
int common_option_exit(int r);

/* Prints the help of the common options (the verdict thresholds only where
 * co->verdicts), for each command's --help. */
void print_common_help(const common_opts *co);

/* Columns for text output: $COLUMNS when set (40-1000), else the terminal's on
 * stdout, or 100 when it is not one. */
unsigned terminal_width(void);

/* Rows a table lists (sc_report_options.max_rows): 50 when stdout is a
 * terminal, a reader's few screens; 0 (every row) for a file or a pipe. */
size_t terminal_rows(void);

/* "s" after a count other than one: "1 cluster", "3 clusters". */
static inline const char *plural(size_t n) { return n == 1 ? "" : "s"; }

int cmd_matrix(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_dedup(int argc, char **argv);
int cmd_cluster(int argc, char **argv);

#endif
