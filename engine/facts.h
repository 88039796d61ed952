/*
 * facts.h: the names and numbers of a text, the facts a rewrite keeps and a
 * text on the same topic does not share: two reports of one event name the
 * same people and figures; two items of a list ("the fifth captain ... was
 * Maharai", "the twelfth captain ... was Heldai") differ in exactly these.
 *
 * A fact is a number (digits, or an English number word: "forty",
 * "fifth") or a name (a word written with a capital letter in the original
 * text that does not open its sentence, is not a stop word and is not in a
 * run of three words or more in capitals, which is shouting: "THIS
 * SOFTWARE IS PROVIDED"). A list item's marker ("1.", "b)") is neither,
 * and the word after it opens the sentence. Facts are compared as keyed
 * hashes of their normalized form; the capitalized words that open
 * sentences are kept apart, so that a name one text writes mid-sentence is
 * not missing from another that starts a sentence with it.
 */
#ifndef SC_FACTS_H
#define SC_FACTS_H

#include "common/sc_internal.h"
#include "normalize.h"
#include "tokenize.h"

/** Appends the hashes of the facts among @p n_words words of @p nt (from
 *  @p original, the text @p nt was normalized from) to @p out, unsorted and
 *  with repeats, and when @p where is not NULL each fact's span in @p nt
 *  to it (one per hash). @p sents gives the sentences (their first words
 *  are not names). When @p openers is not NULL it receives, likewise, the
 *  capitalized words that would be names but open a sentence or a
 *  quotation. @return SC_OK or SC_E_NOMEM. */
sc_status sc_facts(const char *original, const sc_normtext *nt, const sc_span *words, size_t n_words,
                   const sc_sentence *sents, size_t n_sents, const uint8_t *secret, sc_u64_vec *out,
                   sc_span_vec *where, sc_u64_vec *openers);

/* A text's facts and where another text's facts are looked for in it:
 * its facts and the capitalized words that open its sentences or
 * quotations (sc_facts' openers), each sorted and distinct. A name that
 * opens a sentence is capitalized by its position and so counts as no name
 * there, while the other text may name it mid-sentence: "Samlah died"
 * names Samlah as much as "when Samlah was dead" does. */
typedef struct sc_fact_sets {
  const uint64_t *facts, *mentions;
  size_t n_facts, n_mentions;
} sc_fact_sets;

/** Agreement of two texts' facts: the share of the smaller set found among
 *  the other's mentions, smoothed as (found + 1) / (smaller + 1); of two
 *  sets of one size the better share. 1 when either text has no facts, so
 *  that a summary that names fewer people is not penalized for those it
 *  leaves out, only for names of its own. */
double sc_facts_agreement(const sc_fact_sets *a, const sc_fact_sets *b);

#endif
