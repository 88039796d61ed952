/*
 * args.c: command-line parsing helpers (see args.h).
 */
#include "args.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void usage_error(const cli_args *a, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "simcheck %s: ", a->cmd);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nTry 'simcheck %s --help'.\n", a->cmd);
}

int args_next_option(cli_args *a, const char **name, const char **inline_value) {
  if (a->i >= a->argc) return 0;
  const char *s = a->argv[a->i];
  if (s[0] != '-' || s[1] == '\0') return 0;  /* "-" is stdin, a path */
  a->i++;
  *inline_value = NULL;
  *name = s;
  const char *eq = strchr(s, '=');
  if (eq && s[1] == '-') {
    /* Split "--top=3" in place: argv strings are writable. */
    a->argv[a->i - 1][eq - s] = '\0';
    *inline_value = eq + 1;
  }
  return 1;
}

const char *args_value(cli_args *a, const char *name, const char *inline_value) {
  if (inline_value) return inline_value;
  if (a->i >= a->argc) {
    usage_error(a, "%s needs a value", name);
    return NULL;
  }
  return a->argv[a->i++];
}

int args_flag(const cli_args *a, const char *name, const char *inline_value) {
  if (!inline_value) return 1;
  usage_error(a, "%s takes no value", name);
  return 0;
}

int args_uint(const cli_args *a, const char *name, const char *v, unsigned long lo, unsigned long hi,
              unsigned long *out) {
  char *end;
  errno = 0;
  const unsigned long x = strtoul(v, &end, 10);
  /* strtoul would take " 5", "+5" and "-1" (as a huge number): digits only. */
  if (errno || !isdigit((unsigned char)v[0]) || *end || x < lo || x > hi) {
    usage_error(a, "%s: '%s' is not a whole number from %lu to %lu", name, v, lo, hi);
    return 0;
  }
  *out = x;
  return 1;
}

int args_unit(const cli_args *a, const char *name, const char *v, double *out) {
  char *end;
  errno = 0;
  const double x = strtod(v, &end);
  /* Underflow ("1e-400") is a number near 0, not an error; a leading space
   * is no number. */
  const int range_error = errno == ERANGE && !(x > -1.0 && x < 1.0);
  if (range_error || end == v || *end || isspace((unsigned char)v[0]) || !(x >= 0.0 && x <= 1.0)) {
    usage_error(a, "%s: '%s' is not a number from 0 to 1", name, v);
    return 0;
  }
  *out = x;
  return 1;
}
