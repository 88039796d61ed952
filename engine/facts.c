/*
 * facts.c: names and numbers (see facts.h).
 */
#include "facts.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "numbers.h"
#include "shingle.h"
#include "stopwords.h"

static int is_number(const char *w, size_t n) { return (w[0] >= '0' && w[0] <= '9') || sc_is_number_word(w, n); }

/* Whether the original text's character at @p off is an upper-case letter. */
static int capitalized(const char *original, size_t len, size_t off) {
  const unsigned char c = (unsigned char)original[off];
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_int32_t cp;
  if (utf8proc_iterate((const utf8proc_uint8_t *)original + off, (utf8proc_ssize_t)(len - off), &cp) < 0) return 0;
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

/* The word's normalized form without a possessive "'s" ("Jacob's" names
 * Jacob); *n receives its length. */
static const char *fact_form(const sc_normtext *nt, sc_span w, size_t *n) {
  const char *s = nt->text + w.start;
  *n = w.end - w.start;
  if (*n >= 2 && s[*n - 2] == '\'' && s[*n - 1] == 's') *n -= 2;
  return s;
}

/* A capitalized word that may be a name: not a stop word, two letters or
 * more. */
static int capitalized_word(const char *original, size_t len, const sc_normtext *nt, sc_span w) {
  size_t n;
  const char *s = fact_form(nt, w, &n);
  return n >= 2 && !sc_is_stopword(s, n) && !is_number(s, n) && capitalized(original, len, nt->src[w.start]);
}

/* Whether the word is written in capitals: two letters or more, none of
 * them lower case ("LORD", "NATO", "SOFTWARE"). */
static int all_capitals(const char *original, const sc_normtext *nt, sc_span w) {
  const size_t end = sc_src_end(nt, original, w.end);
  size_t letters = 0;
  for (size_t off = nt->src[w.start]; off < end;) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)original + off, (utf8proc_ssize_t)(end - off), &cp);
    if (n <= 0) return 0;
    off += (size_t)n;
    const utf8proc_category_t cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_LL) return 0;
    letters += cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
  }
  return letters >= 2;
}

/* Three words or more in capitals in a row are shouted, not names (a
 * licence's "THIS SOFTWARE IS PROVIDED ... AS IS", a banner): one alone
 * still names ("the LORD", "NATO"). */
#define SC_SHOUTED_RUN 3

/* Whether the sentence's first word is a list item's marker ("1.", "2)",
 * "b."): then the word after it opens the sentence, and the marker is no
 * fact (a licence's clause numbers are not figures it shares with another
 * numbered text). */
static int list_marker(const sc_normtext *nt, const sc_span *words, uint32_t k, uint32_t last) {
  if (k + 1 >= last) return 0;  /* a marker is followed by its item */
  const sc_span w = words[k];
  if (w.end >= nt->len || (nt->text[w.end] != '.' && nt->text[w.end] != ')')) return 0;
  const size_t n = w.end - w.start;
  const char *s = nt->text + w.start;
  if (n == 1 && s[0] >= 'a' && s[0] <= 'z') return 1;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return n <= 3;
}

/* A sentence's label of one or two words ending in a colon ("Note: ...",
 * "Step 1: Water the plant"): the word after it opens the sentence, as
 * after a list marker, and a number in the label numbers a step, as a
 * marker does. Returns the index of the word after the label, or 0 where
 * there is none. A colon further on introduces a list ("The sons of Shem:
 * Elam, Asshur ..."), whose names stay facts; one not followed by a space
 * is no label ("John 3:16"). */
static uint32_t after_label(const sc_normtext *nt, const sc_span *words, uint32_t opener, uint32_t last) {
  for (uint32_t k = opener; k < opener + 2 && k + 1 < last; k++) {
    const uint32_t end = words[k].end;
    if (end + 1 < nt->len && nt->text[end] == ':' && (nt->text[end + 1] == ' ' || nt->text[end + 1] == '\n'))
      return k + 1;
  }
  return 0;
}

/* Whether the sentence ends in . ! ? : ; or , (closing quotes and brackets
 * aside): a heading ends in none of them, while a text cut mid-sentence (a
 * verse, a clause of a list) ends in the last two. */
static int punctuated(const sc_normtext *nt, sc_sentence se) {
  for (uint32_t i = se.end; i > se.start; i--) {
    const char c = nt->text[i - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',') return 1;
    if (i >= se.start + 3 && memcmp(nt->text + i - 3, "\xE2\x80", 2) == 0 &&
        (nt->text[i - 1] == '\x9D' || nt->text[i - 1] == '\x99')) {  /* closing ” or ’ */
      i -= 2;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80) return 0;
  }
  return 0;
}

/* Whether the word at @p start opens a quotation ("He said, “Go ...”"),
 * and so a sentence of its own. */
static int opens_quote(const sc_normtext *nt, uint32_t start) {
  uint32_t i = start;
  while (i > 0 && nt->text[i - 1] == ' ') i--;
  if (i >= 1 && nt->text[i - 1] == '"') return 1;
  return i >= 3 && memcmp(nt->text + i - 3, "\xE2\x80", 2) == 0 &&
         (nt->text[i - 1] == '\x9C' || nt->text[i - 1] == '\x98');  /* “ or ‘ */
}

sc_status sc_facts(const char *original, const sc_normtext *nt, const sc_span *words, size_t n_words,
                   const sc_sentence *sents, size_t n_sents, const uint8_t *secret, sc_u64_vec *out,
                   sc_span_vec *where, sc_u64_vec *openers) {
  const size_t len = nt->src[nt->len];
  for (size_t s = 0; s < n_sents; s++) {
    const uint32_t first = sents[s].first, last = sents[s].last < n_words ? sents[s].last : (uint32_t)n_words;
    /* A heading in title case ("Military Aid to Ukraine Could Be Adjusted")
     * capitalizes most of its words: they name nothing. A sentence that
     * ends in punctuation is not a heading, however many names it lists. */
    size_t content = 0, capital = 0;
    for (uint32_t k = first + 1; k < last; k++) {
      size_t n;
      const char *w = fact_form(nt, words[k], &n);
      if (n < 2 || sc_is_stopword(w, n) || is_number(w, n)) continue;
      content++;
      capital += (size_t)capitalized(original, len, nt->src[words[k].start]);
    }
    const int heading = capital >= 2 && 2 * capital > content && !punctuated(nt, sents[s]);
    const uint32_t opener = list_marker(nt, words, first, last) ? first + 1 : first;
    const uint32_t label_end = after_label(nt, words, opener, last);
    uint32_t run_start = first, run_end = first;  /* k's run of words in capitals */
    for (uint32_t k = opener; k < last; k++) {
      size_t n;
      const char *w = fact_form(nt, words[k], &n);
      if (n == 0) continue;
      if (k >= run_end) {
        run_start = run_end = k;
        while (run_end < last && all_capitals(original, nt, words[run_end])) run_end++;
        if (run_end == k) run_end = k + 1;  /* not in capitals: a run of one */
      }
      const int shouted = run_end - run_start >= SC_SHOUTED_RUN;
      char figure[SC_NUMBER_MAX];
      const size_t spanned = sc_read_number(nt->text, words, k, last, figure);
      if (spanned && k < label_end) {  /* a step's number */
        k += (uint32_t)spanned - 1;
      } else if (spanned) {  /* by value: "seventy thousand" is "70,000" */
        SC_VEC_PUSH(out, sc_hash_word(figure, strlen(figure), secret), nomem);
        if (where) SC_VEC_PUSH(where, ((sc_span){words[k].start, words[k + spanned - 1].end}), nomem);
        k += (uint32_t)spanned - 1;
      } else if (!heading && !shouted && capitalized_word(original, len, nt, words[k])) {
        if (k > opener && k != label_end && !opens_quote(nt, words[k].start)) {
          SC_VEC_PUSH(out, sc_hash_word(w, n, secret), nomem);
          if (where) SC_VEC_PUSH(where, ((sc_span){words[k].start, words[k].start + (uint32_t)n}), nomem);
        } else if (openers) {
          SC_VEC_PUSH(openers, sc_hash_word(w, n, secret), nomem);
        }
      }
    }
  }
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}

/* (found + 1) / (n + 1) for @p x's facts among @p y's mentions. */
static double share_found(const sc_fact_sets *x, const sc_fact_sets *y) {
  const size_t found = sc_u64_intersect_count(x->facts, x->n_facts, y->mentions, y->n_mentions);
  return (double)(found + 1) / (double)(x->n_facts + 1);
}

double sc_facts_agreement(const sc_fact_sets *a, const sc_fact_sets *b) {
  if (a->n_facts < b->n_facts) return share_found(a, b);
  if (b->n_facts < a->n_facts) return share_found(b, a);
  const double ab = share_found(a, b), ba = share_found(b, a);
  return ab > ba ? ab : ba;
}
