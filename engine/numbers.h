/*
 * numbers.h: an English number read as its value, so that two texts that
 * write one figure differently agree on it: "seventy thousand", "70,000"
 * and "threescore and ten thousand" are all 70000; "fifth" and "5th" are
 * both the ordinal 5. facts.c compares numbers through this canonical
 * form.
 */
#ifndef SC_NUMBERS_H
#define SC_NUMBERS_H

#include <stddef.h>

#include "tokenize.h"

/* Longest canonical form: 20 digits, "th", NUL. */
#define SC_NUMBER_MAX 24

/** Whether the @p n bytes at @p w are an English number word ("forty",
 *  "fifth", "threescore"), normalized (lower case). */
int sc_is_number_word(const char *w, size_t n);

/** Reads the number that starts at @p words[k] of normalized @p text: a
 *  figure ("46,500", "1.5", "5th"), optionally scaled ("5 million"), or a
 *  run of number words, "and" between them as English joins them ("two
 *  hundred and fifty", "forty and six thousand"). A run ends where the
 *  next word could not continue the figure ("one two" are two numbers).
 *  Writes the canonical form (decimal digits, "th" after an ordinal; a
 *  figure with a fraction, or digits with letters, "1990s", as written) to
 *  @p out.
 *  @return the number of words read, 0 when @p words[k] starts no number
 *  (then @p out is untouched). */
size_t sc_read_number(const char *text, const sc_span *words, size_t k, size_t n_words, char out[SC_NUMBER_MAX]);

#endif
