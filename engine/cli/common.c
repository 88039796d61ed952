/*
 * common.c: options shared by every command.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "commands.h"
#include "inputs.h"

static const char analysis_help[] =
    "Analysis options:\n"
    "  --shingle K        words per shingle, 1-16 (default 5)\n"
    "  --num-perm K       MinHash registers, 8-4096 (default 128)\n"
    "  --key-file F       secret 32-byte key (raw, or 64 hex digits) for every hash\n"
    "                     seed; without it a fixed public key makes output\n"
    "                     reproducible\n"
    "  --html auto|yes|no read texts as HTML (tags, comments, scripts and styles\n"
    "                     dropped, entities decoded): auto (default) when a text\n"
    "                     starts like an HTML document\n";

static const char verdict_help[] =
    "Verdict thresholds (defaults calibrated on sample and development data):\n"
    "  --near-duplicate J shingle Jaccard for near-duplicate (default 0.5)\n"
    "  --contains C       share of one side's shingles in the other (default 0.6)\n"
    "  --rewrite R        rewrite score (sentence alignment) for rewrite\n"
    "                     (default 0.44)\n"
    "  --overlap N        shared shingles for overlap (default 8)\n"
    "  --related S        TF-IDF cosine for related (default 0.1)\n";

static const char other_help[] =
    "Other:\n"
    "  --threads N        worker threads (default: one per core)\n"
    "  -q, --quiet        no warnings, and no progress line at a terminal\n"
    "  --version          print the version\n"
    "  -h, --help         this help\n"
    "  --                 ends the options: what follows are paths, even\n"
    "                     those that start with '-'\n";

void print_common_help(const common_opts *co) {
  fputs(analysis_help, stdout);
  if (co->verdicts) fputs(verdict_help, stdout);
  fputs(other_help, stdout);
}

int parse_common_option(cli_args *a, const char *name, const char *iv, common_opts *co) {
  unsigned long u;
  const char *v;
#define VALUE()                                          \
  do {                                                   \
    if (!(v = args_value(a, name, iv))) return OPT_USAGE; \
  } while (0)
  if (strcmp(name, "--version") == 0) {
    if (!args_flag(a, name, iv)) return OPT_USAGE;
    printf("simcheck %s\n", SC_VERSION_STRING);
    return OPT_EXIT_OK;
  }
  if (strcmp(name, "--shingle") == 0) {
    VALUE();
    if (!args_uint(a, name, v, 1, 16, &u)) return OPT_USAGE;
    co->opt.shingle_k = (uint32_t)u;
  } else if (strcmp(name, "--num-perm") == 0) {
    VALUE();
    if (!args_uint(a, name, v, 8, 4096, &u)) return OPT_USAGE;
    co->opt.num_perm = (uint32_t)u;
  } else if (strcmp(name, "--html") == 0) {
    VALUE();
    if (strcmp(v, "auto") == 0) co->opt.html = SC_HTML_AUTO;
    else if (strcmp(v, "yes") == 0) co->opt.html = SC_HTML_ALWAYS;
    else if (strcmp(v, "no") == 0) co->opt.html = SC_HTML_NEVER;
    else {
      usage_error(a, "--html: '%s' is not auto, yes or no", v);
      return OPT_USAGE;
    }
  } else if (strcmp(name, "--threads") == 0) {
    VALUE();
    if (!args_uint(a, name, v, 1, 256, &u)) return OPT_USAGE;
    co->threads = (unsigned)u;
  } else if (strcmp(name, "--key-file") == 0) {
    VALUE();
    if (!load_key_file(v, co->opt.key)) return OPT_INPUT;
  } else if (co->verdicts && strcmp(name, "--near-duplicate") == 0) {  /* elsewhere: the command's "unknown option" */
    VALUE();
    if (!args_unit(a, name, v, &co->opt.th.near_duplicate)) return OPT_USAGE;
  } else if (co->verdicts && strcmp(name, "--contains") == 0) {
    VALUE();
    if (!args_unit(a, name, v, &co->opt.th.contains)) return OPT_USAGE;
  } else if (co->verdicts && strcmp(name, "--rewrite") == 0) {
    VALUE();
    if (!args_unit(a, name, v, &co->opt.th.rewrite)) return OPT_USAGE;
  } else if (co->verdicts && strcmp(name, "--overlap") == 0) {
    VALUE();
    if (!args_uint(a, name, v, 1, 1000000, &u)) return OPT_USAGE;
    co->opt.th.overlap_shingles = (uint32_t)u;
  } else if (co->verdicts && strcmp(name, "--related") == 0) {
    VALUE();
    if (!args_unit(a, name, v, &co->opt.th.related)) return OPT_USAGE;
  } else if (strcmp(name, "-q") == 0 || strcmp(name, "--quiet") == 0) {
    if (!args_flag(a, name, iv)) return OPT_USAGE;
    co->quiet = 1;
  } else {
    return OPT_NOT_COMMON;
  }
#undef VALUE
  return OPT_TAKEN;
}

int common_option_exit(int r) {
  switch (r) {
    case OPT_EXIT_OK: return 0;
    case OPT_USAGE: return EXIT_USAGE;
    case OPT_INPUT: return EXIT_INPUT;
    default: return -1;
  }
}

size_t terminal_rows(void) { return isatty(STDOUT_FILENO) ? 50 : 0; }

unsigned terminal_width(void) {
  /* COLUMNS, when exported, wins (as for ls): the user's word for a pager
   * or a file. */
  const char *env = getenv("COLUMNS");
  char *end;
  const long cols = env ? strtol(env, &end, 10) : 0;
  if (env && *env && *end == '\0' && cols >= 40 && cols <= 1000) return (unsigned)cols;
  struct winsize ws;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) return ws.ws_col;
  return 100;
}
