/*
 * output.c: see output.h.
 */
#define _POSIX_C_SOURCE 200809L
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary files being written, for the signal handler: the tool's
 * one mutable static, since a handler can reach nothing else. dedup writes
 * two outputs at once (kept documents and the removed list). */
#define MAX_PENDING 2
static char *volatile pending[MAX_PENDING];

static void remove_pending(int sig) {
  for (int i = 0; i < MAX_PENDING; i++) {
    char *p = pending[i];
    if (p) unlink(p);
  }
  signal(sig, SIG_DFL);
  raise(sig);  /* end as the signal would have: the caller sees it */
}

static void set_pending(const char *old, char *now) {
  for (int i = 0; i < MAX_PENDING; i++)
    if (pending[i] == old) {
      pending[i] = now;
      return;
    }
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
  set_pending(NULL, o->tmp);
  /* A file replaced keeps its permissions (a private 0600 file stays
   * private), exactly, past the umask; a new one gets the umask's. */
  const int replacing = lstat(path, &sb) == 0;
  const mode_t mode = replacing ? sb.st_mode & 07777 : 0666;
  const int fd = open(o->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, replacing ? mode & 0700 : mode);
  if (fd >= 0 && replacing) fchmod(fd, mode);
  if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
    const int why = errno;
    if (fd >= 0) {
      close(fd);
      unlink(o->tmp);
    }
    set_pending(o->tmp, NULL);
    free(o->tmp);
    o->tmp = NULL;
    errno = why;
    return 0;
  }
  return 1;
}

/* Forgets the temporary name, removing the file unless it was renamed. */
static void drop_tmp(output *o, int renamed) {
  const int why = errno;
  if (o->tmp && !renamed) unlink(o->tmp);
  set_pending(o->tmp, NULL);
  free(o->tmp);
  o->tmp = NULL;
  errno = why;
}

int output_close(output *o) {
  FILE *f = o->f;
  o->f = NULL;
  if (!o->tmp) {  /* written in place */
    const int ok = fflush(f) == 0 && !ferror(f);
    return (f == stdout ? 1 : fclose(f) == 0) && ok;
  }
  const int ok = fflush(f) == 0 && !ferror(f) && fsync(fileno(f)) == 0;
  const int closed = fclose(f) == 0;
  if (!(ok && closed)) drop_tmp(o, 0);
  return ok && closed;
}

int output_rename(output *o) {
  if (!o->tmp) return 1;
  const int renamed = rename(o->tmp, o->path) == 0;
  drop_tmp(o, renamed);
  return renamed;
}

int output_commit(output *o) { return output_close(o) && output_rename(o); }

void output_discard(output *o) {
  const int why = errno;  /* the write's error, for the message */
  if (o->f && o->f != stdout) fclose(o->f);
  o->f = NULL;
  drop_tmp(o, 0);
  errno = why;
}
