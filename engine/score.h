/*
 * score.h: the figures of one pair, the combined score and the verdict.
 */
#ifndef SC_SCORE_H
#define SC_SCORE_H

#include "doc.h"

/* A rewrite much shorter than its partner is a summary when its sentences'
 * counterparts span at least this share of the partner (sc_pair.extent),
 * or when they lie in one part of it but it has under SC_WITHIN_COMPRESSION
 * of that part's words (sc_pair.compression: a summary of the part, such as
 * a news story's lead); otherwise a passage rewritten within the partner. */
#define SC_WITHIN_EXTENT 0.5
#define SC_WITHIN_COMPRESSION 0.6

/** Scores @p a against @p b into @p out (ids set by the caller).
 *  @p chars is their character n-gram cosine if already known (from the
 *  n-gram posting lists), or negative to compute it here. The word cosine
 *  is always merged here in double: the candidate search's float blocks
 *  sum in another order, and a pair's figures must not depend on the path
 *  that found it (matrix and compare print the same).
 *  @return SC_OK or SC_E_NOMEM. */
sc_status sc_score_pair(const sc_doc *a, const sc_doc *b, const sc_options *o, double chars, sc_pair *out);

/** Decides the verdict from the figures in @p p (exposed for tests of the
 *  decision list). @p same_digest: the normalized texts are identical. */
sc_verdict sc_decide(const sc_pair *p, int same_digest, const sc_thresholds *th);

/** Combined score in [0,1] from the figures in @p p. */
double sc_combine(const sc_pair *p, int same_digest);

#endif
