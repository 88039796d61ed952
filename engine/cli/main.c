/*
 * main.c: the simcheck command-line tool: dispatches to a command. Uses only
 * the public API in simcheck.h.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"

static const char main_help[] =
    "Usage: simcheck COMMAND [OPTIONS] PATH...\n"
    "\n"
    "Finds documents that say the same thing, and how: exact copy, near-duplicate,\n"
    "one containing the other, a rewrite (paraphrase, summary), shared passages,\n"
    "or only the same topic.\n"
    "\n"
    "Commands:\n"
    "  matrix PATH...   score every pair of documents (table, CSV, JSON or HTML)\n"
    "  compare A B      one pair in detail: figures, reasons, aligned sentences\n"
    "  cluster PATH...  near-duplicate clusters of a large corpus (LSH, verified)\n"
    "  dedup PATH...    keep one document per near-duplicate cluster\n"
    "\n"
    "Run 'simcheck COMMAND --help' for a command's options.\n"
    "  --version        print the version\n"
    "  --help           this help\n";

/* A standard stream closed by the caller (`>&-`) would hand its number to
 * the next file opened, and a report would go into the shingle store.
 * Each is reopened on /dev/null the wrong way round (input write-only,
 * outputs read-only), so that using it fails as a closed one would. */
static void hold_standard_fds(void) {
  for (int fd = 0; fd <= 2; fd++)
    if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
      const int got = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
      if (got >= 0 && got != fd) close(got);  /* a lower one was free: cannot be */
    }
}

/* Output to standard output that failed at its end (a full disk, a closed
 * pipe) fails the run, whichever command wrote it. */
static int finish_stdout(int rc) {
  if (fflush(stdout) == 0 && !ferror(stdout)) return rc;
  if (rc == 0) fprintf(stderr, "simcheck: cannot write to standard output: %s\n", strerror(errno));
  return rc ? rc : EXIT_INPUT;
}

static int run(int argc, char **argv) {
  if (argc < 2) {
    fputs(main_help, stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    fputs(main_help, stdout);
    return 0;
  }
  if (strcmp(cmd, "--version") == 0) {
    if (sc_version_number() != SC_VERSION_NUMBER) {
      fprintf(stderr, "simcheck: header version %s does not match the library\n", SC_VERSION_STRING);
      return EXIT_USAGE;
    }
    printf("simcheck %s\n", SC_VERSION_STRING);
    return 0;
  }
  if (strcmp(cmd, "matrix") == 0) return cmd_matrix(argc - 1, argv + 1);
  if (strcmp(cmd, "compare") == 0) return cmd_compare(argc - 1, argv + 1);
  if (strcmp(cmd, "cluster") == 0) return cmd_cluster(argc - 1, argv + 1);
  if (strcmp(cmd, "dedup") == 0) return cmd_dedup(argc - 1, argv + 1);
  fprintf(stderr, "simcheck: unknown command '%s'\nTry 'simcheck --help'.\n", cmd);
  return EXIT_USAGE;
}

int main(int argc, char **argv) {
  hold_standard_fds();
  /* A write past the file size limit fails (EFBIG) and is reported, with
   * its temporary file removed, instead of ending the process. */
  signal(SIGXFSZ, SIG_IGN);
  return finish_stdout(run(argc, argv));
}
