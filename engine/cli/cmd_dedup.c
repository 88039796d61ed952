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
    "                     as {\"id\": PATH, \"text\": TEXT}; never an input\n"
    "  --removed FILE     CSV of the removed documents: id,cluster,representative,\n"
    "                     similarity (neither an input nor the file of -o)\n"
    "  --threshold T      Jaccard that makes two documents duplicates, below 1\n"
    "                     and at least 0.0232 (the lowest 128 permutations\n"
    "                     serve; lower with more --num-perm) (default 0.8)\n"
    "  --keep first|longest  which document of a cluster to keep (default first)\n";

static const char dedup_help_tail[] =
    "\n"
    "A summary goes to stderr at the end. Both outputs are written under\n"
    "temporary names and renamed when both are complete. dedup reads its\n"
    "inputs twice (standard input, pipes and FIFOs from a copy made once).\n"
    "Exit status: 0 success, 1 usage error (also an output that names an\n"
    "input), 2 no input could be read, an output could not be written, or\n"
    "an input changed between the two readings.\n"
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

/* What an output path will write to: a file by device and inode, or for a
 * file not made yet its folder's plus its name. Standard output ("-") is
 * what descriptor 1 is open on. @return 0 if not even the folder exists
 * (the write will fail and say so). */
typedef struct output_target {
  struct stat sb;
  const char *new_name;         /* the name in the folder sb is, or NULL    */
} output_target;

static int output_target_of(const char *path, output_target *t) {
  t->new_name = NULL;
  if (strcmp(path, "-") == 0) return fstat(STDOUT_FILENO, &t->sb) == 0;
  if (stat(path, &t->sb) == 0) return 1;
  const char *slash = strrchr(path, '/');
  t->new_name = slash ? slash + 1 : path;
  if (!slash) return stat(".", &t->sb) == 0;
  char *folder = strndup(path, (size_t)(slash - path) + 1);  /* keeps the slash: "/x" is in "/" */
  const int found = folder && stat(folder, &t->sb) == 0;
  free(folder);
  return found;
}

/* Whether two output paths write to one file, so that the second would
 * overwrite (or, on a pipe, interleave with) the first: by any names,
 * ./x and x, /dev/stdout and -. A character device such as /dev/null or a
 * terminal may take both. */
static int same_output(const char *a, const char *b) {
  output_target x, y;
  if (!output_target_of(a, &x) || !output_target_of(b, &y)) return 0;
  if (x.sb.st_dev != y.sb.st_dev || x.sb.st_ino != y.sb.st_ino) return 0;
  if (x.new_name || y.new_name) return x.new_name && y.new_name && strcmp(x.new_name, y.new_name) == 0;
  return !S_ISCHR(x.sb.st_mode);
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
      print_common_help(&s->co);
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

static int write_removed(const sc_dedup *d, FILE *f) {
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
  return fflush(f) == 0 && !ferror(f);
}

/* An output that is one of the files read: writing it would replace the
 * corpus (or part of it) with dedup's output. */
static int overwrites_input(const stream_result *res, const char *path, const char *option) {
  if (!path || !file_set_has(&res->files, path)) return 0;
  fprintf(stderr, "simcheck dedup: %s: '%s' is one of the inputs; dedup does not overwrite what it reads\n", option,
          path);
  return 1;
}

static void cannot_write(const char *path, const char *what) {
  if (strcmp(path, "-") == 0)
    fprintf(stderr, "simcheck dedup: cannot write %s to standard output: %s\n", what, strerror(errno));
  else
    fprintf(stderr, "simcheck dedup: %s: cannot write %s: %s\n", path, what, strerror(errno));
}

static void changed_inputs(void) {
  fputs("simcheck dedup: the inputs changed while they were read: a document is not where the first pass found "
        "it; the kept documents are not written\n",
        stderr);
}

/* Writes the kept documents (-o, default standard output) and the removed
 * list (--removed): both under temporary names, renamed into place only
 * when both are complete, so that a failure leaves neither half-written
 * nor one without the other. @return 0 or the exit status. */
static int write_outputs(const sc_dedup *d, const scale_args *s, const stream_result *res) {
  const char *kept_path = s->out_path ? s->out_path : "-";
  output kept, removed;
  if (s->removed_path && !output_open(&removed, s->removed_path)) {
    cannot_write(s->removed_path, "the removed list");
    return EXIT_INPUT;
  }
  if (!output_open(&kept, kept_path)) {
    cannot_write(kept_path, "the kept documents");
    if (s->removed_path) output_discard(&removed);
    return EXIT_INPUT;
  }
  const sc_status wst = stream_write_kept(d, s->paths, s->npaths, &s->so, res, kept.f);
  int ok = wst == SC_OK && output_close(&kept);
  if (!ok) {
    if (wst == SC_E_STATE) changed_inputs();
    else if (wst == SC_E_NOMEM) fprintf(stderr, "simcheck dedup: %s\n", sc_strerror(wst));
    else cannot_write(kept_path, "the kept documents");
  } else if (s->removed_path && !(ok = write_removed(d, removed.f) && output_close(&removed))) {
    cannot_write(s->removed_path, "the removed list");
  }
  /* Renames cannot run out of room: once both are closed, both land. */
  if (ok && !(ok = output_rename(&kept))) cannot_write(kept_path, "the kept documents");
  if (ok && s->removed_path && !(ok = output_rename(&removed))) cannot_write(s->removed_path, "the removed list");
  if (!ok) {
    output_discard(&kept);
    if (s->removed_path) output_discard(&removed);
  }
  return ok ? 0 : EXIT_INPUT;
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
  /* Known once the inputs are read (files inside folders too); checked
   * before the clustering rather than after it. */
  if (dedup && (overwrites_input(&res, s.out_path, "-o") || overwrites_input(&res, s.removed_path, "--removed"))) {
    rc = EXIT_USAGE;
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
    rc = write_outputs(d, &s, &res);
  } else {
    const sc_report_options ro = {s.format, SC_METRIC_SCORE, terminal_width(), NULL, terminal_rows()};
    if (sc_report_clusters(stdout, d, &ro) != SC_OK) {
      fprintf(stderr, "simcheck cluster: cannot write the clusters to standard output\n");
      rc = EXIT_INPUT;
    }
  }
  if (!s.co.quiet && rc == 0) {  /* after a failure, "N kept" would not be true */
    sc_dedup_stats ds;
    sc_dedup_get_stats(d, &ds);
    fprintf(stderr,
            "simcheck %s: %zu document%s read, %zu skipped; %zu cluster%s; %zu removed (%zu exact cop%s), "
            "%zu kept; %zu candidate pair%s (LSH %u bands x %u rows), %zu verified; %.2f s\n",
            cmd, ds.documents, plural(ds.documents), res.skipped, ds.clusters, plural(ds.clusters), ds.removed,
            ds.exact_duplicates, ds.exact_duplicates == 1 ? "y" : "ies", ds.documents - ds.removed, ds.candidates,
            plural(ds.candidates), ds.bands, ds.rows, ds.verified, seconds_since(&t0));
  }
done:
  stream_result_free(&res);
  sc_dedup_free(d);
  spool_free(&copies);
  return rc;
}

int cmd_dedup(int argc, char **argv) { return run_scale(argc, argv, "dedup"); }
int cmd_cluster(int argc, char **argv) { return run_scale(argc, argv, "cluster"); }
