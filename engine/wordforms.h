/*
 * wordforms.h: Early Modern English word forms in their modern spelling
 * ("thou" -> "you", "hath" -> "has", "speaketh" -> "speakes"), for the
 * rewrite views only (content terms, shared words, character n-grams).
 * Rewrites of old into modern English change these forms on almost every
 * line, and neither stemming nor character n-grams bridge them. Shingles,
 * digests and passages never see the mapping: a copy is a copy of the
 * original words.
 */
#ifndef SC_WORDFORMS_H
#define SC_WORDFORMS_H

#include <stddef.h>

/* Longest word the -eth rule rewrites; longer words are left as they are. */
#define SC_WORDFORM_MAX 64

/** The modern form of the normalized (case-folded) word @p w of @p n bytes:
 *  @p w itself when there is none, a static string, or @p buf (of
 *  SC_WORDFORM_MAX bytes) for a rule-made form. *@p out_len receives its
 *  length. */
const char *sc_modern_form(const char *w, size_t n, char buf[SC_WORDFORM_MAX], size_t *out_len);

#endif
