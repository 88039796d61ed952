/*
 * copies.h: groups of copies and near-copies among a corpus's documents,
 * for the corpus statistics: a term's document frequency counts a group
 * once, so that a text syndicated ten times does not make its own words
 * common and lower every other pair's scores.
 *
 * Members of a group have the same normalized text (digest) or are linked,
 * directly or through a chain, by word-shingle Jaccard at least the
 * near-duplicate threshold; links come from MinHash LSH candidates (a pair
 * at the threshold is found with probability >= 0.95, lsh.h) verified by
 * exact Jaccard.
 */
#ifndef SC_COPIES_H
#define SC_COPIES_H

#include "doc.h"

/** Writes each document's group to @p group (n entries; a group is named
 *  by its first document) and the number of groups to *@p n_groups.
 *  Where no LSH setting for @p num_perm registers reaches @p threshold,
 *  only documents of one normalized text are grouped.
 *  @return SC_OK or SC_E_NOMEM. */
sc_status sc_copy_groups(sc_doc *const *docs, size_t n, uint32_t num_perm, double threshold, uint32_t *group,
                         size_t *n_groups);

#endif
