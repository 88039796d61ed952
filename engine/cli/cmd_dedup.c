/*
 * cmd_dedup.c: `simcheck dedup` and `simcheck cluster`: near-duplicate
 * clusters of large corpora through the library's sc_dedup (LSH candidates
 * verified by exact shingle Jaccard). dedup writes the kept documents and
 * why each other one was dropped; cluster lists the clusters.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "output.h"
#include "stream.h"

static const char dedup_help[] =
    "Usage: simcheck dedup [OPTIONS] PATH...|FILE.jsonl\n"
    "\n"
    "Removes exact and near-duplicate documents: documents whose word-shingle\n"
    "Jaccard is at least the threshold (directly or through a chain) form a\n"
    "cluster, one document of each cluster is kept. Candidates come from MinHash\n"
    "LSH banding (a pair at the threshold is found with probability >= 0.95) and\n"
    "every one is verified by exact Jaccard, so no false pair is reported.\n"
    "Memory grows with the number of documents, not with the text.\n"
    "\n"
    "Inputs: JSONL files (*.jsonl, *.ndjson, or any file with --jsonl), one JSON\n"
    "object per line; directories and text files; - for standard input.\n"
    "\n"
    "Options:\n"
    "  -o FILE            write the kept documents there (default, or -: standard\n"
    "                     output): JSONL records as their original line, files\n"
    "                     as {\"id\": PATH, \"text\": TEXT}\n"
    "  --removed FILE     CSV of the removed documents: id,cluster,representative,\n"
    "                     similarity (not the file of -o)\n"
    "  --threshold T      Jaccard that makes two documents duplicates, below 1\n"
    "                     and at least 0.0232 (the lowest 128 permutations\n"
    "                     serve; lower with more --num-perm) (default 0.8)\n"
    "  --keep first|longest  which document of a cluster to keep (default first)\n";

static const char dedup_help_tail[] =
    "\n"
    "A summary goes to stderr at the end. Files are written under a temporary\n"
    "name and renamed when complete. dedup reads its inputs twice (standard\n"
    "input, pipes and FIFOs from a copy made once). Exit status: 0 success,\n"
    "1 usage error, 2 no input could be read, an output could not be written,\n"
    "or (dedup) an input changed between the two readings.\n"
    "\n";

static const char cluster_help[] =
    "Usage: simcheck cluster [OPTIONS] PATH...|FILE.jsonl\n"
    "\n"
    "Groups near-duplicate documents (word-shingle Jaccard at least the\n"
    "threshold, directly or through a chain) with MinHash LSH candidates\n"
    "verified by exact Jaccard, and lists the clusters of two or more.\n"
    "\n"
    "Options:\n"
    "  --format F         table (default), csv, json or html; CSV has one row\n"
    "                     per clustered document: id,cluster,size,representative;\n"
    "                     html is one self-contained page\n"
    "  --threshold T      Jaccard that links two documents, below 1 and at least\n"
    "                     0.0232 (the lowest 128 permutations serve; lower with\n"
    "                     more --num-perm) (default 0.8)\n"
    "  --keep first|longest  the representative named per cluster (default first)\n";

static const char cluster_help_tail[] =
    "\n"
    "At a terminal the table lists the first 50 clusters and counts the rest;\n"
    "redirected, or in the other formats, every cluster.\n"
    "\n"
    "Exit status: 0 success, 1 usage error, 2 no input could be read or an output\n"
    "could not be written.\n"
    "\n";

typedef struct scale_args {
  common_opts co;
  sc_dedup_options dopt;
  stream_opts so;
  const char *out_path, *removed_path;
  sc_format format;
  char **paths;
  int npaths;
} scale_args;

/* Whether two output paths name one file, so that the second would
 * overwrite the first: standard output ("-") twice, or one regular file
 * (or one to be made) by one or two names. A device such as /dev/null
 * may take both. */
static int same_output(const char *a, const char *b) {
  struct stat sa, sb;
  const int a_exists = stat(a, &sa) == 0;
  if (strcmp(a, b) == 0) return strcmp(a, "-") == 0 || !a_exists || S_ISREG(sa.st_mode);
  return a_exists && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino && S_ISREG(sa.st_mode);
}

/* @return -1 to go on, or the exit status. */
static int parse_scale(int argc, char **argv, const char *cmd, scale_args *s) {
  cli_args a = {argc, argv, 1, cmd};
  const int dedup = strcmp(cmd, "dedup") == 0;
  sc_options_init(&s->co.opt);
  sc_dedup_options_init(&s->dopt);
  input_format_init(&s->so.format);
  s->so.cmd = cmd;
  s->format = SC_FORMAT_TABLE;
  s->paths = argv + 1;
  while (a.i < a.argc) {
    const char *name, *iv, *v;
    int taken;
    if (strcmp(a.argv[a.i], "--") == 0) {
      for (a.i++; a.i < a.argc;) s->paths[s->npaths++] = a.argv[a.i++];
      break;
    }
    if (!args_next_option(&a, &name, &iv)) {
      s->paths[s->npaths++] = a.argv[a.i++];
      continue;
    }
    const int r = parse_common_option(&a, name, iv, &s->co);
    if (common_option_exit(r) >= 0) return common_option_exit(r);
    if (r == OPT_TAKEN) continue;
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
      if (!args_flag(&a, name, iv)) return EXIT_USAGE;
      fputs(dedup ? dedup_help : cluster_help, stdout);
      fputs(input_options_help, stdout);
      fputs(dedup ? dedup_help_tail : cluster_help_tail, stdout);
      fputs(common_options_help, stdout);
      return 0;
    } else if (strcmp(name, "--threshold") == 0) {
      if (!(v = args_value(&a, name, iv)) || !args_unit(&a, name, v, &s->dopt.threshold)) return EXIT_USAGE;
      if (s->dopt.threshold <= 0 || s->dopt.threshold >= 1) {
        usage_error(&a, "--threshold: '%s' must be above 0 and below 1", v);
        return EXIT_USAGE;
      }
    } else if (strcmp(name, "--keep") == 0) {
      if (!(v = args_value(&a, name, iv))) return EXIT_USAGE;
      if (strcmp(v, "first") == 0) s->dopt.keep_longest = 0;
      else if (strcmp(v, "longest") == 0) s->dopt.keep_longest = 1;
      else {
        usage_error(&a, "--keep: '%s' is not one of first, longest", v);
        return EXIT_USAGE;
      }
    } else if ((taken = parse_input_option(&a, name, iv, &s->so.format)) != 0) {
      if (taken < 0) return EXIT_USAGE;
    } else if (dedup && strcmp(name, "-o") == 0) {
      if (!(s->out_path = args_value(&a, name, iv))) return EXIT_USAGE;
    } else if (dedup && strcmp(name, "--removed") == 0) {
      if (!(s->removed_path = args_value(&a, name, iv))) return EXIT_USAGE;
    } else if (!dedup && strcmp(name, "--format") == 0) {
      if (!(v = args_value(&a, name, iv))) return EXIT_USAGE;
      if (strcmp(v, "table") == 0) s->format = SC_FORMAT_TABLE;
      else if (strcmp(v, "csv") == 0) s->format = SC_FORMAT_CSV;
      else if (strcmp(v, "json") == 0) s->format = SC_FORMAT_JSON;
      else if (strcmp(v, "html") == 0) s->format = SC_FORMAT_HTML;
      else {
        usage_error(&a, "--format: '%s' is not one of table, csv, json, html", v);
        return EXIT_USAGE;
      }
    } else {
      usage_error(&a, "unknown option '%s'", name);
      return EXIT_USAGE;
    }
  }
  if (s->npaths == 0) {
    usage_error(&a, "no PATH given");
    return EXIT_USAGE;
  }
  const double lowest = sc_dedup_min_threshold(s->co.opt.num_perm);
  if (s->dopt.threshold < lowest) {
    usage_error(&a, "--threshold: %g is below %.4f, the lowest %u permutations find with probability 0.95 "
                "(more with --num-perm)",
                s->dopt.threshold, lowest + 0.00005, (unsigned)s->co.opt.num_perm);
    return EXIT_USAGE;
  }
  if (s->removed_path && same_output(s->out_path ? s->out_path : "-", s->removed_path)) {
    usage_error(&a, "--removed: '%s' is where the kept documents go too (-o%s)", s->removed_path,
                s->out_path ? "" : ", standard output by default");
    return EXIT_USAGE;
  }
  s->so.quiet = s->co.quiet;
  s->dopt.threads = s->co.threads;
  return -1;
}

static double seconds_since(const struct timespec *t0) {
  struct timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static int write_removed(const sc_dedup *d, const char *path) {
  output o;
  if (!output_open(&o, path)) {
    fprintf(stderr, "simcheck dedup: %s: cannot write\n", path);
    return 0;
  }
  FILE *f = o.f;
  const size_t n = sc_dedup_size(d);
  fputs("id,cluster,representative,similarity\n", f);
  for (uint32_t i = 0; i < n; i++) {
    sc_dedup_doc info, rep;
    if (sc_dedup_doc_info(d, i, &info) != SC_OK || info.representative == i) continue;
    sc_dedup_doc_info(d, info.representative, &rep);
    sc_report_csv_field(f, info.name);
    fprintf(f, ",%u,", info.cluster);
    sc_report_csv_field(f, rep.name);
    fprintf(f, ",%.4f\n", info.similarity);
  }
  if (!output_commit(&o)) {
    fprintf(stderr, "simcheck dedup: %s: cannot write\n", path);
    return 0;
  }
  return 1;
}

static void changed_inputs(void) {
  fputs("simcheck dedup: the inputs changed while they were read: a document is not where the first pass found "
        "it; the kept documents are not written\n",
        stderr);
}

static int run_scale(int argc, char **argv, const char *cmd) {
  scale_args s;
  memset(&s, 0, sizeof s);
  const int early = parse_scale(argc, argv, cmd, &s);
  if (early >= 0) return early;
  const int dedup = strcmp(cmd, "dedup") == 0;
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);

  /* dedup reads its inputs twice (sketch, then write the kept ones): keep a
   * copy of those that cannot be read again. */
  spool copies = {0};
  if (dedup) {
    if (!spool_inputs(&copies, s.paths, s.npaths, cmd)) {
      spool_free(&copies);
      return EXIT_INPUT;
    }
    s.so.spool = &copies;
  }

  sc_dedup *d = NULL;
  int rc = EXIT_INPUT;
  sc_status st = sc_dedup_create(&s.co.opt, &s.dopt, &d);
  stream_result res = {0};
  if (st != SC_OK) {
    fprintf(stderr, "simcheck %s: %s\n", cmd, sc_strerror(st));
    goto done;
  }
  if ((st = stream_into(d, s.paths, s.npaths, &s.so, &res)) != SC_OK) {
    fprintf(stderr, "simcheck %s: %s\n", cmd, sc_strerror(st));
    goto done;
  }
  if (sc_dedup_size(d) == 0) {
    fprintf(stderr, "simcheck %s: no document could be read\n", cmd);
    goto done;
  }
  if (!s.co.quiet && isatty(STDERR_FILENO))
    fprintf(stderr, "simcheck %s: %zu documents read, finding clusters...", cmd, sc_dedup_size(d));
  st = sc_dedup_run(d);
  if (!s.co.quiet && isatty(STDERR_FILENO)) fputs("\r\033[K", stderr);
  if (st != SC_OK) {
    fprintf(stderr, "simcheck %s: %s\n", cmd, sc_strerror(st));
    goto done;
  }
  rc = 0;
  if (dedup) {
    if (s.out_path) {
      output o;
      int written = output_open(&o, s.out_path);
      sc_status wst = SC_OK;
      if (written && (wst = stream_write_kept(d, s.paths, s.npaths, &s.so, &res, o.f)) != SC_OK) {
        output_discard(&o);
        written = 0;
      } else if (written) {
        written = output_commit(&o);
      }
      if (wst == SC_E_STATE) {
        changed_inputs();
        rc = EXIT_INPUT;
      } else if (!written) {
        fprintf(stderr, "simcheck dedup: %s: cannot write the kept documents: %s\n", s.out_path, strerror(errno));
        rc = EXIT_INPUT;
      }
    } else {
      const sc_status wst = stream_write_kept(d, s.paths, s.npaths, &s.so, &res, stdout);
      if (wst == SC_E_STATE) changed_inputs();
      else if (wst != SC_OK) fprintf(stderr, "simcheck dedup: cannot write the kept documents to standard output\n");
      if (wst != SC_OK) rc = EXIT_INPUT;
    }
    /* No list of what was removed beside kept documents that were not written. */
    if (rc == 0 && s.removed_path && !write_removed(d, s.removed_path)) rc = EXIT_INPUT;
  } else {
    const sc_report_options ro = {s.format, SC_METRIC_SCORE, 0, NULL, terminal_rows()};
    if (sc_report_clusters(stdout, d, &ro) != SC_OK) {
      fprintf(stderr, "simcheck cluster: cannot write the clusters to standard output\n");
      rc = EXIT_INPUT;
    }
  }
  if (!s.co.quiet) {
    sc_dedup_stats ds;
    sc_dedup_get_stats(d, &ds);
    fprintf(stderr,
            "simcheck %s: %zu documents read, %zu skipped; %zu clusters; %zu removed (%zu exact copies), "
            "%zu kept; %zu candidate pairs (LSH %u bands x %u rows), %zu verified; %.2f s\n",
            cmd, ds.documents, res.skipped, ds.clusters, ds.removed, ds.exact_duplicates, ds.documents - ds.removed,
            ds.candidates, ds.bands, ds.rows, ds.verified, seconds_since(&t0));
  }
done:
  free(res.used);
  sc_dedup_free(d);
  spool_free(&copies);
  return rc;
}

int cmd_dedup(int argc, char **argv) { return run_scale(argc, argv, "dedup"); }
int cmd_cluster(int argc, char **argv) { return run_scale(argc, argv, "cluster"); }
