/*
 * args.h: command-line parsing shared by the simcheck commands: long
 * options as "--name value" or "--name=value", "--" ends options, and
 * numbers are checked in full ("12x" is an error, not 12).
 */
#ifndef SC_CLI_ARGS_H
#define SC_CLI_ARGS_H

#include <stddef.h>

#include "simcheck.h"

enum { EXIT_USAGE = 1, EXIT_INPUT = 2 };

typedef struct cli_args {
  int argc;
  char **argv;
  int i;                       /* next argument                             */
  const char *cmd;             /* command name, for messages                */
} cli_args;

/* The next argument as an option name ("--top") with its value split off
 * ("--top=3") into *inline_value; NULL when the next one is not an option. */
int args_next_option(cli_args *a, const char **name, const char **inline_value);

/* The value of option @p name: the inline one or the next argument. Prints
 * a usage error and returns NULL if missing. */
const char *args_value(cli_args *a, const char *name, const char *inline_value);

/* A flag (an option without a value): 1, or 0 with a usage error printed
 * when it was given one ("--jsonl=1"). */
int args_flag(const cli_args *a, const char *name, const char *inline_value);

/* Parse helpers: print "simcheck CMD: --name: ..." and return 0 on error. */
int args_uint(const cli_args *a, const char *name, const char *v, unsigned long lo, unsigned long hi,
              unsigned long *out);
int args_unit(const cli_args *a, const char *name, const char *v, double *out);

/* Prints "simcheck CMD: " + message + hint to stderr. */
void usage_error(const cli_args *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
