/*
 * cmd_compare.c: `simcheck compare A B`: one pair in detail: every figure,
 * the verdict with its reasons and the aligned sentences.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "inputs.h"

static const char compare_help[] =
    "Usage: simcheck compare [OPTIONS] A B\n"
    "\n"
    "Compares two documents in detail: every figure, the verdict with the reasons\n"
    "that decided it, the names and numbers each has that the other lacks (what\n"
    "lowers `facts`), the passages they share (every shared run of 8 or more\n"
    "words, side by side, highlighted on a terminal) and each sentence of the\n"
    "shorter document aligned with its best counterpart (one to three\n"
    "consecutive sentences) in the other, with byte offsets into the original\n"
    "files. A or B may be - for standard input.\n"
    "\n"
    "Output options:\n"
    "  --format F         text (default), json or html (one self-contained page:\n"
    "                     the texts side by side, shared passages highlighted)\n"
    "  --min-similarity S list aligned sentences at or above S (default 0.15)\n"
    "\n"
    "Exit status: 0 success, 1 usage error, 2 an input could not be read.\n"
    "\n";

int cmd_compare(int argc, char **argv) {
  cli_args a = {argc, argv, 1, "compare"};
  common_opts co = {0};
  co.verdicts = 1;
  sc_options_init(&co.opt);
  sc_format format = SC_FORMAT_TABLE;
  double min_sim = 0.15;
  char *paths[2];
  int npaths = 0;
  while (a.i < a.argc) {
    const char *name, *iv, *v;
    const int after_dashes = strcmp(a.argv[a.i], "--") == 0;
    if (after_dashes) a.i++;  /* "--" ends the options: the rest are paths */
    while (after_dashes && a.i < a.argc && npaths < 2) paths[npaths++] = a.argv[a.i++];
    if (after_dashes && a.i < a.argc) {
      usage_error(&a, "more than two documents given");
      return EXIT_USAGE;
    }
    if (after_dashes) break;
    if (!args_next_option(&a, &name, &iv)) {
      if (npaths == 2) {
        usage_error(&a, "more than two documents given");
        return EXIT_USAGE;
      }
      paths[npaths++] = a.argv[a.i++];
      continue;
    }
    const int r = parse_common_option(&a, name, iv, &co);
    if (common_option_exit(r) >= 0) return common_option_exit(r);
    if (r == OPT_TAKEN) continue;
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
      if (!args_flag(&a, name, iv)) return EXIT_USAGE;
      fputs(compare_help, stdout);
      print_common_help(&co);
      return 0;
    } else if (strcmp(name, "--format") == 0) {
      if (!(v = args_value(&a, name, iv))) return EXIT_USAGE;
      if (strcmp(v, "text") == 0) format = SC_FORMAT_TABLE;
      else if (strcmp(v, "json") == 0) format = SC_FORMAT_JSON;
      else if (strcmp(v, "html") == 0) format = SC_FORMAT_HTML;
      else {
        usage_error(&a, "--format: '%s' is not one of text, json, html", v);
        return EXIT_USAGE;
      }
    } else if (strcmp(name, "--min-similarity") == 0) {
      if (!(v = args_value(&a, name, iv)) || !args_unit(&a, name, v, &min_sim)) return EXIT_USAGE;
    } else {
      usage_error(&a, "unknown option '%s'", name);
      return EXIT_USAGE;
    }
  }
  if (npaths != 2) {
    usage_error(&a, "compare takes two documents, A and B");
    return EXIT_USAGE;
  }
  if (strcmp(paths[0], "-") == 0 && strcmp(paths[1], "-") == 0) {
    usage_error(&a, "standard input (-) can be only one of A and B");
    return EXIT_USAGE;
  }

  sc_corpus *c = NULL;
  sc_status st = sc_corpus_create(&co.opt, &c);
  if (st != SC_OK) {
    fprintf(stderr, "simcheck compare: %s\n", sc_strerror(st));
    return EXIT_INPUT;
  }
  int rc = EXIT_INPUT;
  sc_sentence_pair *sp = NULL;
  sc_passage *pass = NULL;
  size_t nsp = 0, npass = 0;
  for (int i = 0; i < 2; i++) {
    input_stats in;
    const size_t before = sc_corpus_size(c);
    if ((st = load_inputs(c, paths + i, 1, NULL, co.threads, co.quiet, &in)) != SC_OK) {
      fprintf(stderr, "simcheck compare: %s\n", sc_strerror(st));
      goto done;
    }
    if (sc_corpus_size(c) == before) {
      fprintf(stderr, "simcheck compare: %s: no document could be read\n", paths[i]);
      goto done;
    }
    if (sc_corpus_size(c) != before + 1) {  /* a directory or JSON Lines: a usage error */
      usage_error(&a, "%s: holds %zu documents; A and B are one each ('simcheck matrix' compares them all)",
                  paths[i], sc_corpus_size(c) - before);
      rc = EXIT_USAGE;
      goto done;
    }
  }
  sc_pair p;
  if ((st = sc_corpus_build(c)) != SC_OK || (st = sc_corpus_compare(c, 0, 1, &p)) != SC_OK) {
    fprintf(stderr, "simcheck compare: %s\n", sc_strerror(st));
    goto done;
  }
  /* Align from the side with fewer words: a summary's points are found in
   * its source, not the reverse. Offsets stay with their own document. */
  sc_doc_info da, db;
  sc_corpus_doc_info(c, 0, &da);
  sc_corpus_doc_info(c, 1, &db);
  const int swap = db.words < da.words;
  if ((st = sc_corpus_align(c, swap ? 1 : 0, swap ? 0 : 1, min_sim, &sp, &nsp)) != SC_OK) {
    fprintf(stderr, "simcheck compare: %s\n", sc_strerror(st));
    goto done;
  }
  if (swap) {
    for (size_t i = 0; i < nsp; i++) {
      const size_t o = sp[i].a_offset, l = sp[i].a_length;
      sp[i].a_offset = sp[i].b_offset;
      sp[i].a_length = sp[i].b_length;
      sp[i].b_offset = o;
      sp[i].b_length = l;
    }
  }
  if ((st = sc_corpus_passages(c, 0, 1, 0, &pass, &npass)) != SC_OK) {
    fprintf(stderr, "simcheck compare: %s\n", sc_strerror(st));
    goto done;
  }
  const sc_pair_detail detail = {pass, npass, sp, nsp, isatty(STDOUT_FILENO), terminal_width()};
  rc = 0;
  if (sc_report_compare(stdout, c, &p, &detail, format) != SC_OK) {
    fprintf(stderr, "simcheck compare: cannot write to standard output\n");
    rc = EXIT_INPUT;
  }
done:
  sc_passages_free(pass);
  sc_sentence_pairs_free(sp);
  sc_corpus_free(c);
  return rc;
}
