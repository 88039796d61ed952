/*
 * spool.c: see spool.h.
 */
#define _POSIX_C_SOURCE 200809L
#include "spool.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "simcheck.h"

static int needs_copy(const char *path) {
  struct stat sb;
  if (strcmp(path, "-") == 0) return 1;
  return stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode);
}

/* Copies @p in to a new unlinked temporary file. @return its fd, or -1
 * with errno set. */
static int copy_to_temp(int in) {
  const char *dir = getenv("TMPDIR");
  char name[4096];
  snprintf(name, sizeof name, "%s/simcheck-spool-XXXXXX", dir && *dir ? dir : "/tmp");
  const int fd = mkstemp(name);
  if (fd < 0) return -1;
  unlink(name);
  char buf[1 << 16];
  size_t total = 0;
  for (;;) {
    const ssize_t r = read(in, buf, sizeof buf);
    if (r == 0) return fd;
    if (r < 0 && errno == EINTR) continue;
    if (r < 0 || write(fd, buf, (size_t)r) != r) break;
    total += (size_t)r;
    /* The reader stops there too: at a NUL (binary) or past the longest
     * document (too large), so /dev/zero or an endless pipe ends here. */
    if (memchr(buf, '\0', (size_t)r) || total > SC_DOC_MAX_BYTES) return fd;
  }
  const int why = errno;
  close(fd);
  errno = why;
  return -1;
}

int spool_inputs(spool *s, char *const *paths, int npaths, const char *cmd) {
  s->items = NULL;
  s->n = 0;
  for (int i = 0; i < npaths; i++) {
    if (!needs_copy(paths[i]) || spool_path(s, paths[i]) != paths[i]) continue;
    spooled *grown = realloc(s->items, (size_t)(s->n + 1) * sizeof *grown);
    if (!grown) {
      fprintf(stderr, "simcheck %s: out of memory\n", cmd);
      return 0;
    }
    s->items = grown;
    const int stdin_ = strcmp(paths[i], "-") == 0;
    const int in = stdin_ ? STDIN_FILENO : open(paths[i], O_RDONLY);
    const int fd = in < 0 ? -1 : copy_to_temp(in);
    const int why = errno;
    if (in >= 0 && !stdin_) close(in);
    if (fd < 0) {
      fprintf(stderr, "simcheck %s: %s: cannot keep a copy to read it twice: %s\n", cmd,
              stdin_ ? "standard input" : paths[i], strerror(why));
      return 0;
    }
    spooled *sp = &s->items[s->n++];
    sp->original = paths[i];
    sp->fd = fd;
    snprintf(sp->path, sizeof sp->path, "/dev/fd/%d", fd);
  }
  return 1;
}

const char *spool_path(const spool *s, const char *path) {
  for (int i = 0; i < s->n; i++)
    if (strcmp(s->items[i].original, path) == 0) return s->items[i].path;
  return path;
}

char *spool_display(const spool *s, const char *name) {
  for (int i = 0; i < s->n; i++) {
    const size_t pl = strlen(s->items[i].path);
    if (strncmp(name, s->items[i].path, pl) != 0 || (name[pl] != '\0' && name[pl] != ':')) continue;
    const char *orig = s->items[i].original;
    char *shown = malloc(strlen(orig) + strlen(name + pl) + 1);
    if (shown) {
      strcpy(shown, orig);
      strcat(shown, name + pl);
    }
    return shown;
  }
  return strdup(name);
}

void spool_free(spool *s) {
  for (int i = 0; i < s->n; i++) close(s->items[i].fd);
  free(s->items);
  s->items = NULL;
  s->n = 0;
}
