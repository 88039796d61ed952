/*
 * read.c: walking input paths: files, directories (recursive, sorted by byte
 * order of names, hidden entries skipped) and standard input. A file that
 * cannot be used is reported through the skip callback and the walk goes on:
 * one bad document never stops the others.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/sc_internal.h"

enum { MAX_DEPTH = 64 };  /* directory nesting; also stops symlink loops */

typedef struct walk {
  sc_read_doc_fn on_doc;
  sc_read_skip_fn on_skip;
  void *user;
  dev_t dev[MAX_DEPTH];  /* directories on the current path, to detect loops */
  ino_t ino[MAX_DEPTH];
  int depth;
} walk;

static void skip(const walk *w, const char *path, sc_status why, const char *detail) {
  if (w->on_skip) w->on_skip(w->user, path, why, detail);
}

static sc_status deliver(const walk *w, const char *path, const char *data, size_t len) {
  const char *nul = len ? memchr(data, '\0', len) : NULL;
  if (nul) {
    char detail[64];
    snprintf(detail, sizeof detail, "NUL byte at offset %zu", (size_t)(nul - data));
    skip(w, path, SC_E_BINARY, detail);
    return SC_OK;
  }
  return w->on_doc(w->user, path, data, len);
}

/* Reads all of @p fd into a heap buffer (for stdin and files mmap refuses),
 * stopping at the first NUL byte (the text is binary, and /dev/zero never
 * ends) or past SC_DOC_MAX_BYTES (SC_E_TOO_LARGE). */
static sc_status slurp(int fd, char **out, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *buf = sc__malloc(cap);
  SC_CHECK(!buf, SC_E_NOMEM);
  for (;;) {
    if (n == cap) {
      char *b = sc__realloc(buf, cap * 2);
      if (!b) {
        sc__free(buf);
        return SC_E_NOMEM;
      }
      buf = b;
      cap *= 2;
    }
    const ssize_t r = read(fd, buf + n, cap - n);
    if (r == 0) break;
    if (r < 0) {
      if (errno == EINTR) continue;
      sc__free(buf);
      return SC_E_IO;
    }
    const int nul = memchr(buf + n, '\0', (size_t)r) != NULL;
    n += (size_t)r;
    if (nul) break;
    if (n > SC_DOC_MAX_BYTES) {
      sc__free(buf);
      return SC_E_TOO_LARGE;
    }
  }
  *out = buf;
  *len = n;
  return SC_OK;
}

/* Reports a stream slurp could not read (SC_E_IO, errno set) or that was
 * too large; @return whether @p st was one of those. */
static int skipped_stream(const walk *w, const char *path, sc_status st) {
  if (st != SC_E_IO && st != SC_E_TOO_LARGE) return 0;
  skip(w, path, st, st == SC_E_IO ? strerror(errno) : "over 4 GiB");
  return 1;
}

static sc_status read_file(const walk *w, const char *path, const struct stat *sb) {
  const int fd = open(path, O_RDONLY);
  if (fd < 0) {
    skip(w, path, SC_E_IO, strerror(errno));
    return SC_OK;
  }
  sc_status st;
  const size_t size = (size_t)sb->st_size;
  void *map = size ? mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  if (map != MAP_FAILED) {
    st = deliver(w, path, map, size);
    munmap(map, size);
  } else {
    char *buf = NULL;
    size_t len = 0;
    st = slurp(fd, &buf, &len);
    if (skipped_stream(w, path, st)) {
      st = SC_OK;
    } else if (st == SC_OK) {
      st = deliver(w, path, buf ? buf : "", len);
    }
    sc__free(buf);
  }
  close(fd);
  return st;
}

/* A directory may hold a file IGNORE_FILE listing names to skip in it, one
 * glob pattern a line ('#' starts a comment), e.g. a README beside the
 * documents. It applies to that directory only. */
#define IGNORE_FILE ".simcheckignore"

static sc_status load_ignore(const char *dir, char **patterns) {
  *patterns = NULL;
  const size_t dlen = strlen(dir);
  char *path = sc__malloc(dlen + sizeof(IGNORE_FILE) + 1);
  SC_CHECK(!path, SC_E_NOMEM);
  memcpy(path, dir, dlen);
  path[dlen] = '/';
  memcpy(path + dlen + 1, IGNORE_FILE, sizeof(IGNORE_FILE));
  const int fd = open(path, O_RDONLY);
  sc__free(path);
  if (fd < 0) return SC_OK;
  char *buf = NULL;
  size_t len = 0;
  const sc_status st = slurp(fd, &buf, &len);
  close(fd);
  if (st == SC_E_IO) return SC_OK;  /* unreadable ignore file: ignore nothing */
  SC_TRY(st);
  char *text = sc__realloc(buf, len + 1);
  if (!text) {
    sc__free(buf);
    return SC_E_NOMEM;
  }
  text[len] = '\0';
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\r') text[i] = '\n';
  *patterns = text;
  return SC_OK;
}

/* Does @p name match a line of the ignore file text @p patterns? */
static int ignored(const char *patterns, const char *name) {
  for (const char *line = patterns; line && *line;) {
    const char *nl = strchr(line, '\n');
    const size_t n = nl ? (size_t)(nl - line) : strlen(line);
    if (n > 0 && n < 256 && line[0] != '#') {
      char pat[256];
      memcpy(pat, line, n);
      pat[n] = '\0';
      if (fnmatch(pat, name, 0) == 0) return 1;
    }
    line = nl ? nl + 1 : line + n;
  }
  return 0;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static sc_status walk_path(walk *w, const char *path, int top);

static sc_status read_dir(walk *w, const char *path, const struct stat *sb) {
  for (int i = 0; i < w->depth; i++) {
    if (w->dev[i] == sb->st_dev && w->ino[i] == sb->st_ino) {
      skip(w, path, SC_E_IO, "directory loop (symbolic link to a parent)");
      return SC_OK;
    }
  }
  if (w->depth == MAX_DEPTH) {
    skip(w, path, SC_E_IO, "directories nested too deep");
    return SC_OK;
  }
  DIR *dir = opendir(path);
  if (!dir) {
    skip(w, path, SC_E_IO, strerror(errno));
    return SC_OK;
  }
  SC_VEC(char *) names = {0};
  char *patterns = NULL;
  sc_status st = load_ignore(path, &patterns);
  if (st != SC_OK) goto done;
  st = SC_E_NOMEM;
  for (struct dirent *e; (e = readdir(dir)) != NULL;) {
    if (e->d_name[0] == '.') continue;  /* hidden, "." and ".." */
    if (patterns && ignored(patterns, e->d_name)) continue;
    char *name = sc__strdup(e->d_name);
    if (!name) goto done;
    SC_VEC_PUSH(&names, name, done_free_name);
    continue;
  done_free_name:
    sc__free(name);
    goto done;
  }
  if (names.len) qsort(names.items, names.len, sizeof(char *), cmp_names);
  w->dev[w->depth] = sb->st_dev;
  w->ino[w->depth] = sb->st_ino;
  w->depth++;
  const size_t plen = strlen(path);
  const int slash = plen > 0 && path[plen - 1] == '/';
  st = SC_OK;
  for (size_t i = 0; i < names.len && st == SC_OK; i++) {
    const size_t nlen = strlen(names.items[i]);
    char *child = sc__malloc(plen + nlen + 2);
    if (!child) {
      st = SC_E_NOMEM;
      break;
    }
    memcpy(child, path, plen);
    size_t k = plen;
    if (!slash) child[k++] = '/';
    memcpy(child + k, names.items[i], nlen + 1);
    st = walk_path(w, child, 0);
    sc__free(child);
  }
  w->depth--;
done:
  sc__free(patterns);
  for (size_t i = 0; i < names.len; i++) sc__free(names.items[i]);
  SC_VEC_FREE(&names);
  closedir(dir);
  return st;
}

static sc_status walk_path(walk *w, const char *path, int top) {
  struct stat sb;
  if (stat(path, &sb) != 0) {
    const int err = errno;
    struct stat lsb;
    if (err == ENOENT && lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
      skip(w, path, SC_E_IO, "dangling symbolic link");
    else
      skip(w, path, SC_E_IO, strerror(err));
    return top ? SC_E_IO : SC_OK;
  }
  if (S_ISDIR(sb.st_mode)) return read_dir(w, path, &sb);
  if (!S_ISREG(sb.st_mode) && !top) {
    skip(w, path, SC_E_IO, "not a regular file");
    return SC_OK;
  }
  return read_file(w, path, &sb);  /* a named pipe given by name is read */
}

sc_status sc_read_path(const char *path, sc_read_doc_fn on_doc, sc_read_skip_fn on_skip, void *user) {
  SC_CHECK(!path || !on_doc, SC_E_INVALID_ARG);
  walk w = {.on_doc = on_doc, .on_skip = on_skip, .user = user};
  if (strcmp(path, "-") == 0) {
    char *buf = NULL;
    size_t len = 0;
    const sc_status st = slurp(STDIN_FILENO, &buf, &len);
    if (skipped_stream(&w, path, st)) return st;
    SC_TRY(st);
    const sc_status r = deliver(&w, path, buf, len);
    sc__free(buf);
    return r;
  }
  return walk_path(&w, path, 1);
}
