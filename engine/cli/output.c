/*
 * output.c: see output.h.
 */
#define _POSIX_C_SOURCE 200809L
#include "output.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary file being written, for the signal handler: the tool's one
 * mutable static, since a handler can reach nothing else. One output is
 * written at a time. */
static char *volatile pending;

static void remove_pending(int sig) {
  char *p = pending;
  if (p) unlink(p);
  signal(sig, SIG_DFL);
  raise(sig);  /* end as the signal would have: the caller sees it */
}

static void watch_signals(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction old;
    if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN) continue;  /* nohup keeps its say */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_pending;
    sigemptyset(&sa.sa_mask);
    sigaction(sigs[i], &sa, NULL);
  }
}

int output_open(output *o, const char *path) {
  struct stat sb;
  o->tmp = NULL;
  o->path = path;
  if (strcmp(path, "-") == 0) {
    o->f = stdout;
    return 1;
  }
  if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) return (o->f = fopen(path, "w")) != NULL;  /* links too */
  const size_t n = strlen(path) + 32;
  if (!(o->tmp = malloc(n))) return 0;
  snprintf(o->tmp, n, "%s.tmp.%ld", path, (long)getpid());
  watch_signals();
  pending = o->tmp;
  if (!(o->f = fopen(o->tmp, "w"))) {
    const int why = errno;
    pending = NULL;
    free(o->tmp);
    o->tmp = NULL;
    errno = why;
    return 0;
  }
  return 1;
}

int output_commit(output *o) {
  if (!o->tmp) {  /* written in place */
    const int ok = fflush(o->f) == 0 && !ferror(o->f);
    return (o->f == stdout ? 1 : fclose(o->f) == 0) && ok;
  }
  const int ok = fflush(o->f) == 0 && !ferror(o->f) && fsync(fileno(o->f)) == 0;
  const int closed = fclose(o->f) == 0;
  const int renamed = ok && closed && rename(o->tmp, o->path) == 0;
  const int why = errno;
  if (!renamed) unlink(o->tmp);
  pending = NULL;
  free(o->tmp);
  o->tmp = NULL;
  errno = why;
  return renamed;
}

void output_discard(output *o) {
  const int why = errno;  /* the write's error, for the message */
  if (o->f != stdout) fclose(o->f);
  if (o->tmp) unlink(o->tmp);
  pending = NULL;
  free(o->tmp);
  o->tmp = NULL;
  errno = why;
}
