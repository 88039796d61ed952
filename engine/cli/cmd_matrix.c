/*
 * cmd_matrix.c: `simcheck matrix PATH...`: every pair of documents scored,
 * as a terminal grid and pair list, CSV, JSON or an HTML page.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "inputs.h"

static const char matrix_help[] =
    "Usage: simcheck matrix [OPTIONS] PATH...\n"
    "\n"
    "Compares every pair of documents and says how they relate: duplicate,\n"
    "near-duplicate, contains (syndication, quotation), rewrite (paraphrase,\n"
    "summary), overlap (shared passages), related (same topic) or unrelated.\n"
    "PATH is a file, a directory (read recursively, hidden files skipped), a\n"
    "JSONL file (one document per record) or - for standard input. Binary and\n"
    "unreadable files, and malformed JSONL lines, are skipped with a warning.\n"
    "\n"
    "Output options:\n"
    "  --format F         table (default), csv, json or html\n"
    "  --metric M         what the table grid shows: score (default), jaccard,\n"
    "                     containment_ab, containment_ba, minhash, simhash,\n"
    "                     cosine, chars, words, facts or rewrite\n"
    "  --top K            keep each document's K best partners among its\n"
    "                     candidates, its K closest by word and by character\n"
    "                     TF-IDF cosine (a pair close by neither is missed);\n"
    "                     default: every pair up to 2000 documents, 10 beyond\n"
    "  --min-score S      drop pairs scoring below S (0-1)\n"
    "\n"
    "The table counts the pairs by verdict; at a terminal it lists the first 50\n"
    "documents and the 50 best pairs and counts the rest, redirected every row.\n"
    "CSV has one row per pair: a,b,score,verdict, then jaccard, containment_ab,\n"
    "containment_ba, minhash, simhash, cosine, chars, words, facts, rewrite,\n"
    "then note: for a rewrite with a much shorter side, \"a summarizes b\" or\n"
    "\"a within b\" (a rewritten within a part of b), or the same with b first.\n"
    "JSON adds the documents, the parameters and, per pair, sentence coverage,\n"
    "order and shared shingles.\n"
    "HTML is one self-contained page (no network) to open in a browser: a\n"
    "heatmap of the scores (click a cell to open the pair), the clusters of\n"
    "documents linked by overlap or stronger, and for the 200 best pairs the\n"
    "two texts side by side with their shared passages highlighted.\n"
    "\n"
    "Input options:\n";

static const char matrix_help_tail[] =
    "\n"
    "Exit status: 0 success, 1 usage error, 2 no input could be read or an output\n"
    "could not be written.\n"
    "\n";

/* Beyond this many documents all pairs would not fit a report (or memory):
 * without --top, each document's best partners are listed instead. */
enum { ALL_PAIRS_MAX_DOCS = 2000, LARGE_CORPUS_TOP = 10 };

static void large_corpus_top(const sc_corpus *c, sc_pairs_options *po, int top_given, int quiet) {
  const size_t n = sc_corpus_size(c);
  if (top_given || n <= ALL_PAIRS_MAX_DOCS) return;
  po->top_k = LARGE_CORPUS_TOP;
  if (!quiet)
    fprintf(stderr, "simcheck matrix: %zu documents: listing each one's %d best partners (--top K to choose)\n", n,
            LARGE_CORPUS_TOP);
}

/* The pair-scoring progress line on a terminal's stderr, redrawn when the
 * percentage changes. */
typedef struct progress_line {
  int last;                    /* percentage shown, -1 before the first   */
} progress_line;

static void show_progress(void *user, size_t done, size_t total) {
  progress_line *pl = user;
  const int pct = total ? (int)(done * 100 / total) : 100;
  if (pct == pl->last) return;
  pl->last = pct;
  fprintf(stderr, "\r\033[Ksimcheck matrix: scoring pairs %d%% (%zu of %zu)", pct, done, total);
}

/* A stage without a count (the corpus statistics, the candidate search),
 * on the same terminal line, so that a long run is never silent. */
static void show_stage(int progress, const char *what, size_t n) {
  if (progress) fprintf(stderr, "\r\033[Ksimcheck matrix: %s %zu documents...", what, n);
}

int cmd_matrix(int argc, char **argv) {
  cli_args a = {argc, argv, 1, "matrix"};
  common_opts co = {0};
  co.verdicts = 1;
  sc_options_init(&co.opt);
  sc_report_options ro = {SC_FORMAT_TABLE, SC_METRIC_SCORE, 0, NULL, 0};
  sc_pairs_options po = {0, 0, 0.0, NULL, NULL};
  int top_given = 0;
  input_format format;
  input_format_init(&format);
  char **paths = argv + 1;
  int npaths = 0;

  while (a.i < a.argc) {
    const char *name, *iv;
    if (strcmp(a.argv[a.i], "--") == 0) {
      a.i++;
      while (a.i < a.argc) paths[npaths++] = a.argv[a.i++];
      break;
    }
    if (!args_next_option(&a, &name, &iv)) {
      paths[npaths++] = a.argv[a.i++];
      continue;
    }
    const int r = parse_common_option(&a, name, iv, &co);
    if (common_option_exit(r) >= 0) return common_option_exit(r);
    if (r == OPT_TAKEN) continue;
    const char *v;
    unsigned long u;
    int taken;
    if ((taken = parse_input_option(&a, name, iv, &format)) != 0) {
      if (taken < 0) return EXIT_USAGE;
    } else if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
      if (!args_flag(&a, name, iv)) return EXIT_USAGE;
      fputs(matrix_help, stdout);
      fputs(input_options_help, stdout);
      fputs(matrix_help_tail, stdout);
      print_common_help(&co);
      return 0;
    } else if (strcmp(name, "--format") == 0) {
      if (!(v = args_value(&a, name, iv))) return EXIT_USAGE;
      if (strcmp(v, "table") == 0) ro.format = SC_FORMAT_TABLE;
      else if (strcmp(v, "csv") == 0) ro.format = SC_FORMAT_CSV;
      else if (strcmp(v, "json") == 0) ro.format = SC_FORMAT_JSON;
      else if (strcmp(v, "html") == 0) ro.format = SC_FORMAT_HTML;
      else {
        usage_error(&a, "--format: '%s' is not one of table, csv, json, html", v);
        return EXIT_USAGE;
      }
    } else if (strcmp(name, "--metric") == 0) {
      if (!(v = args_value(&a, name, iv))) return EXIT_USAGE;
      if (sc_metric_from_name(v, &ro.metric) != SC_OK) {
        usage_error(&a, "--metric: '%s' is not a metric (see --help)", v);
        return EXIT_USAGE;
      }
    } else if (strcmp(name, "--top") == 0) {
      if (!(v = args_value(&a, name, iv)) || !args_uint(&a, name, v, 1, 1000000, &u)) return EXIT_USAGE;
      po.top_k = (uint32_t)u;
      top_given = 1;
    } else if (strcmp(name, "--min-score") == 0) {
      if (!(v = args_value(&a, name, iv)) || !args_unit(&a, name, v, &po.min_score)) return EXIT_USAGE;
    } else {
      usage_error(&a, "unknown option '%s'", name);
      return EXIT_USAGE;
    }
  }
  if (npaths == 0) {
    usage_error(&a, "no PATH given");
    return EXIT_USAGE;
  }
  po.threads = co.threads;
  progress_line pl = {-1};
  const int progress = !co.quiet && isatty(STDERR_FILENO);
  if (progress) {
    po.progress = show_progress;
    po.progress_user = &pl;
  }
  ro.pairs = &po;
  ro.width = terminal_width();
  ro.max_rows = terminal_rows();

  sc_corpus *c = NULL;
  sc_status st = sc_corpus_create(&co.opt, &c);
  if (st != SC_OK) {
    fprintf(stderr, "simcheck matrix: %s\n", sc_strerror(st));
    return st == SC_E_RANGE ? EXIT_USAGE : EXIT_INPUT;
  }
  input_stats in;
  st = load_inputs(c, paths, npaths, &format, co.threads, co.quiet, &in);
  if (st == SC_OK) large_corpus_top(c, &po, top_given, co.quiet);
  int rc = 0;
  sc_pair *pairs = NULL;
  size_t np = 0;
  if (st != SC_OK) {
    fprintf(stderr, "simcheck matrix: %s\n", sc_strerror(st));
    rc = EXIT_INPUT;
  } else if (in.read == 0) {
    fprintf(stderr, "simcheck matrix: no document could be read\n");
    rc = EXIT_INPUT;
  } else {
    show_stage(progress, "weighing the terms of", in.read);
    st = sc_corpus_build(c);
    if (st == SC_OK) {
      show_stage(progress, "finding candidate pairs among", in.read);
      st = sc_corpus_pairs(c, &po, &pairs, &np);
    }
    if (progress) fputs("\r\033[K", stderr);
    if (st != SC_OK) {
      fprintf(stderr, "simcheck matrix: %s\n", sc_strerror(st));
      rc = EXIT_INPUT;
    } else {
      if (in.read == 1 && !co.quiet) fprintf(stderr, "simcheck matrix: only one document: no pairs to compare\n");
      if (sc_report_pairs(stdout, c, pairs, np, &ro) != SC_OK) {
        fprintf(stderr, "simcheck matrix: cannot write the report to standard output\n");
        rc = EXIT_INPUT;
      }
    }
  }
  sc_pairs_free(pairs);
  sc_corpus_free(c);
  return rc;
}
