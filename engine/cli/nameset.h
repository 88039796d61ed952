/*
 * nameset.h: the document names seen so far, to catch JSONL ids that repeat
 * (two records named "a" make every report about "a" ambiguous). Names are
 * kept as 64-bit hashes: 8 bytes a document in streams of millions, at the
 * price of a false "repeat" once in about 10^10 such streams of 10^6 names.
 */
#ifndef SC_CLI_NAMESET_H
#define SC_CLI_NAMESET_H

#include <stddef.h>
#include <stdint.h>

typedef struct name_set {
  uint64_t *slots;   /* open addressing; 0 marks a free slot */
  size_t cap, n;
} name_set;

/* Adds @p name. @return 1 if it is new, 0 if it was seen, -1 out of memory. */
int name_set_add(name_set *s, const char *name);

/* Whether @p name was added. */
int name_set_has(const name_set *s, const char *name);

void name_set_free(name_set *s);

#endif
