/*
 * score.c: pair figures, combined score and verdict.
 *
 * The combined score answers "how much of the content do the two share?" on
 * one scale for every kind of relation: resemblance (Jaccard) for copies,
 * containment of the smaller side for syndication and quotation, and the
 * rewrite score (sentence coverage) for paraphrase and summary. It depends
 * only on the pair and corpus statistics (IDF), never on a document's other
 * partners.
 */
#include "score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "minhash.h"
#include "sentalign.h"
#include "shingle.h"
#include "simhash.h"
#include "tfidf.h"

static double max2(double x, double y) { return x > y ? x : y; }

/* The shorter side's figure (a summary is covered by its source, not the
 * reverse); with equal content the better, so that argument order never
 * changes the score. */
static double short_side(double mass_a, double mass_b, double ab, double ba) {
  if (mass_a < mass_b) return ab;
  if (mass_b < mass_a) return ba;
  return ab > ba ? ab : ba;
}

/* Rewrite score, from two kinds of evidence weighed by how much structure
 * the shorter text has:
 *  - sentence coverage: the share of the shorter side's content matched
 *    sentence by sentence, times the square root of the share of that
 *    matched in order (each counterpart used once), and capped by what
 *    whole-text cosine supports, so that many weak topical matches, or
 *    repeated sentences all claiming one counterpart, do not add up to a
 *    rewrite;
 *  - whole-text lexical similarity: the mean of character n-gram cosine and
 *    shared distinct words (moving to word cosine as the sizes part).
 * With one sentence on the shorter side alignment has nothing to align and
 * the whole-text view decides; its weight falls as 1/sentences. Names and
 * numbers of the shorter side missing from the other (facts.h) take off up
 * to a fifth: lists and formulaic passages share their wording and differ
 * in exactly these.
 * Measured on the development rewrites (bench/RESULTS.md section 5): the
 * whole-text view took verse pair F1 from 0.877 to 0.940; the order term
 * took the chapter task's F1 at the default threshold from 0.925 to 0.951
 * and widened the sample corpus's gap between its rewrite (000/001) and its
 * shared quotation (002/004); facts took verse F1 from 0.943 to 0.946 and
 * chapter F1 from 0.960 to 0.962, and that gap further (0.306 to 0.277). */
/* One direction's sentence evidence: coverage times the square root of the
 * share of it kept in order, scaled by whole-text cosine; *order gets that
 * share. */
static double aligned_one_way(double covered, double ordered, double cosine, double *order) {
  *order = covered > 0 ? ordered / covered : 1;
  if (*order > 1) *order = 1;
  return covered * sqrt(*order) * (0.5 + 0.5 * sqrt(cosine));
}

static double rewrite_score(const sc_alignment *al, sc_pair *p, const sc_doc *a, const sc_doc *b) {
  const double covered = short_side(a->mass, b->mass, al->coverage_ab, al->coverage_ba);
  const double ordered = short_side(a->mass, b->mass, al->ordered_ab, al->ordered_ba);
  double aligned = aligned_one_way(covered, ordered, p->cosine, &p->order);
  /* Two texts of about the same size are rewrites of each other both ways,
   * and which is the "shorter" is then an accident of wording; where the
   * longer side is the better aligned (one text splits into several
   * sentences what the other says in one), its evidence counts in
   * proportion to the square of the length ratio: fully for equal sizes,
   * little for a summary. Chapter pair F1 0.962 -> 0.972, verse F1
   * 0.9486 -> 0.9491, the sample corpus unchanged (bench/RESULTS.md
   * section 5). */
  const double ratio = a->mass < b->mass ? a->mass / b->mass : (a->mass > 0 ? b->mass / a->mass : 1);
  double long_order;
  const double long_aligned = a->mass < b->mass ? aligned_one_way(al->coverage_ba, al->ordered_ba, p->cosine, &long_order)
                                                : aligned_one_way(al->coverage_ab, al->ordered_ab, p->cosine, &long_order);
  if (long_aligned > aligned) aligned += ratio * ratio * (long_aligned - aligned);
  if (aligned > 1) aligned = 1;
  const size_t short_sentences = a->n_sent < b->n_sent ? a->n_sent : b->n_sent;
  const double w = short_sentences ? 1.0 / (double)short_sentences : 1.0;
  /* Shared distinct words over the larger vocabulary measure resemblance,
   * the stronger figure for texts of one size (verses); for a much shorter
   * text they mostly measure the size gap, and a one-line summary lost to
   * any shorter text on its topic. The word TF-IDF cosine is normalized by
   * length; where it is the higher, the lexical view moves to it by the
   * square of the size gap. Chosen among seven forms on one sample of
   * Debian package synopses against their descriptions, then on a second
   * sample: P@1 0.764 -> 0.828, best F1 0.676 -> 0.744; verse best F1
   * 0.9523 -> 0.9509 (bench/RESULTS.md section 5). */
  const double gap = 1 - ratio;
  const double words = p->words + gap * gap * max2(0, p->cosine - p->words);
  const double lexical = 0.5 * (p->chars + words);
  return (w * lexical + (1 - w) * aligned) * (0.8 + 0.2 * p->facts);
}

double sc_combine(const sc_pair *p, int same_digest) {
  if (same_digest) return 1.0;
  const double contained = max2(p->containment_ab, p->containment_ba);
  double s = max2(p->jaccard, max2(contained, p->rewrite));
  return s > 1 ? 1 : s;
}

sc_verdict sc_decide(const sc_pair *p, int same_digest, const sc_thresholds *th) {
  if (same_digest) return SC_VERDICT_DUPLICATE;
  if (p->jaccard >= th->near_duplicate) return SC_VERDICT_NEAR_DUPLICATE;
  if (max2(p->containment_ab, p->containment_ba) >= th->contains) return SC_VERDICT_CONTAINS;
  if (p->rewrite >= th->rewrite) return SC_VERDICT_REWRITE;
  if (p->shared_shingles >= th->overlap_shingles) return SC_VERDICT_OVERLAP;
  if (p->cosine >= th->related) return SC_VERDICT_RELATED;
  return SC_VERDICT_UNRELATED;
}

/* A match's weight in matched_extent: the alignment's ramp from
 * SC_ALIGN_LOW to SC_ALIGN_HIGH cosine, times the sentence's information. */
static double match_weight(const sc_doc *d, const sc_sentence_match *m) {
  double r = (m->similarity - SC_ALIGN_LOW) / (SC_ALIGN_HIGH - SC_ALIGN_LOW);
  r = r < 0 ? 0 : (r > 1 ? 1 : r);
  return r * (double)d->sent_mass[m->sentence];
}

static int cmp_match_first(const void *x, const void *y) {
  const sc_sentence_match *a = x, *b = y;
  return (a->first > b->first) - (a->first < b->first);
}

/* The share of @p longer's sentences that hold the middle 80% (by weight)
 * of the counterparts @p m (one per sentence of @p shorter, reordered here)
 * finds there. A summary draws on the whole of its source; a passage
 * rewritten inside a longer text on one part of it. *compression receives
 * the shorter side's words over those of that part: a passage rewritten
 * keeps about its length, a summary of a source's lead (news put the
 * essentials first) draws on one part too but condenses it. 1 and 1 when
 * nothing matches. */
static double matched_extent(const sc_doc *shorter, const sc_doc *longer, sc_sentence_match *m,
                             double *compression) {
  *compression = 1;
  size_t n = 0;
  double total = 0;
  for (size_t i = 0; i < shorter->n_sent; i++) {
    const double w = match_weight(shorter, &m[i]);
    if (w > 0) m[n++] = m[i], total += w;
  }
  if (n == 0 || longer->n_sent == 0) return 1;
  qsort(m, n, sizeof *m, cmp_match_first);
  size_t lo = 0, hi = n - 1;
  double seen = 0;
  for (size_t i = 0; i < n; i++) {
    const double before = seen;
    seen += match_weight(shorter, &m[i]);
    if (before <= 0.1 * total) lo = i;
    if (before < 0.9 * total) hi = i;
  }
  const uint32_t first = m[lo].first, end = m[hi].first + m[hi].span;
  size_t words = 0;
  for (uint32_t s = first; s < end; s++) words += longer->sent[s].words;
  if (words) *compression = (double)shorter->words / (double)words;
  return (double)(end - first) / (double)longer->n_sent;
}

sc_status sc_score_pair(const sc_doc *a, const sc_doc *b, const sc_options *o, double chars, sc_pair *out) {
  const uint32_t ida = out->a, idb = out->b;
  memset(out, 0, sizeof(*out));
  out->a = ida;
  out->b = idb;
  const size_t shared = sc_u64_intersect_count(a->shingles, a->n_shingles, b->shingles, b->n_shingles);
  const size_t uni = a->n_shingles + b->n_shingles - shared;
  out->shared_shingles = (uint32_t)shared;
  out->jaccard = uni ? (double)shared / (double)uni : 0;
  out->containment_ab = a->n_shingles ? (double)shared / (double)a->n_shingles : 0;
  out->containment_ba = b->n_shingles ? (double)shared / (double)b->n_shingles : 0;
  out->minhash = sc_minhash_estimate(a->sig, b->sig, o->num_perm);
  out->simhash = 1.0 - sc_hamming64(a->simhash, b->simhash) / 64.0;
  const double cosine = sc_cosine_sparse(a, b);
  out->cosine = cosine > 1 ? 1 : cosine;
  out->chars = chars >= 0 ? chars : sc_cosine_chars(a, b);
  const size_t common = sc_u64_intersect_count(a->word_set, a->n_word_set, b->word_set, b->n_word_set);
  const size_t larger = a->n_word_set > b->n_word_set ? a->n_word_set : b->n_word_set;
  out->words = larger ? (double)common / (double)larger : 0;
  const sc_fact_sets fa = sc_doc_facts(a), fb = sc_doc_facts(b);
  out->facts = sc_facts_agreement(&fa, &fb);

  /* A much shorter side may be a summary or a passage rewritten within the
   * other: keep its sentences' counterparts from the one alignment. */
  const sc_doc *shorter = a->words < b->words ? a : b, *longer = shorter == a ? b : a;
  const int much_shorter = shorter->words * 10 < longer->words * 6;
  sc_sentence_match *m = much_shorter && shorter->n_sent ? sc__mallocarray(shorter->n_sent, sizeof *m) : NULL;
  SC_CHECK(much_shorter && shorter->n_sent && !m, SC_E_NOMEM);
  sc_alignment al;
  const sc_status st = sc_align_sentences(a, b, &al, shorter == a ? m : NULL, shorter == b ? m : NULL);
  if (st != SC_OK) {
    sc__free(m);
    return st;
  }
  out->coverage_ab = al.coverage_ab;
  out->coverage_ba = al.coverage_ba;
  out->rewrite = rewrite_score(&al, out, a, b);

  const int same = memcmp(a->digest, b->digest, sizeof a->digest) == 0;
  out->score = sc_combine(out, same);
  out->verdict = sc_decide(out, same, &o->th);
  out->extent = out->compression = 1;
  if (out->verdict == SC_VERDICT_REWRITE && much_shorter) {
    out->extent = m ? matched_extent(shorter, longer, m, &out->compression) : 1;
    out->within = out->extent < SC_WITHIN_EXTENT && out->compression >= SC_WITHIN_COMPRESSION;
    out->summary = !out->within;
  }
  sc__free(m);
  return SC_OK;
}
