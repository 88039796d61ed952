/*
 * numbers.c: English numbers read as values (see numbers.h).
 *
 * Number words combine as in "three hundred and twenty-five thousand":
 * units, teens and tens add into a group, "hundred" multiplies the group,
 * "thousand", "million" and "billion" close it into the total. Each word
 * has a kind, and a word may follow only the kinds that English puts
 * before it, so that a list ("one, two, three" or "twenty and thirty")
 * stays several numbers. Old forms count too: "threescore and ten" is 70, the
 * King James Bible's "forty and six thousand and five hundred" 46500.
 */
#include "numbers.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum kind { UNIT, TEEN, TENS, SCORE, HUNDRED, SCALE } kind;

typedef struct number_word {
  const char *w;
  uint32_t value;
  kind kind;
  int ordinal;
} number_word;

/* Sorted, for bsearch; a test checks the order. */
static const number_word number_words[] = {
    {"billion", 1000000000, SCALE, 0}, {"eight", 8, UNIT, 0},       {"eighteen", 18, TEEN, 0},
    {"eighteenth", 18, TEEN, 1},       {"eighth", 8, UNIT, 1},      {"eightieth", 80, TENS, 1},
    {"eighty", 80, TENS, 0},           {"eleven", 11, TEEN, 0},     {"eleventh", 11, TEEN, 1},
    {"fifteen", 15, TEEN, 0},          {"fifteenth", 15, TEEN, 1},  {"fifth", 5, UNIT, 1},
    {"fiftieth", 50, TENS, 1},         {"fifty", 50, TENS, 0},      {"first", 1, UNIT, 1},
    {"five", 5, UNIT, 0},              {"fortieth", 40, TENS, 1},   {"forty", 40, TENS, 0},
    {"four", 4, UNIT, 0},              {"fourscore", 80, SCORE, 0},  {"fourteen", 14, TEEN, 0},
    {"fourteenth", 14, TEEN, 1},       {"fourth", 4, UNIT, 1},      {"hundred", 100, HUNDRED, 0},
    {"hundredth", 100, HUNDRED, 1},    {"million", 1000000, SCALE, 0}, {"nine", 9, UNIT, 0},
    {"nineteen", 19, TEEN, 0},         {"nineteenth", 19, TEEN, 1}, {"ninetieth", 90, TENS, 1},
    {"ninety", 90, TENS, 0},           {"ninth", 9, UNIT, 1},       {"one", 1, UNIT, 0},
    {"second", 2, UNIT, 1},            {"seven", 7, UNIT, 0},       {"seventeen", 17, TEEN, 0},
    {"seventeenth", 17, TEEN, 1},      {"seventh", 7, UNIT, 1},     {"seventieth", 70, TENS, 1},
    {"seventy", 70, TENS, 0},          {"six", 6, UNIT, 0},         {"sixscore", 120, SCORE, 0},
    {"sixteen", 16, TEEN, 0},          {"sixteenth", 16, TEEN, 1},  {"sixth", 6, UNIT, 1},
    {"sixtieth", 60, TENS, 1},         {"sixty", 60, TENS, 0},      {"ten", 10, TEEN, 0},
    {"tenth", 10, TEEN, 1},            {"third", 3, UNIT, 1},       {"thirteen", 13, TEEN, 0},
    {"thirteenth", 13, TEEN, 1},       {"thirtieth", 30, TENS, 1},  {"thirty", 30, TENS, 0},
    {"thousand", 1000, SCALE, 0},      {"thousandth", 1000, SCALE, 1}, {"three", 3, UNIT, 0},
    {"threescore", 60, SCORE, 0},             {"twelfth", 12, TEEN, 1},    {"twelve", 12, TEEN, 0},
    {"twentieth", 20, TENS, 1},        {"twenty", 20, TENS, 0},     {"two", 2, UNIT, 0},
};

typedef struct word_key {
  const char *w;
  size_t n;
} word_key;

static int cmp_number_word(const void *k, const void *e) {
  const word_key *x = k;
  const char *s = ((const number_word *)e)->w;
  const int c = strncmp(x->w, s, x->n);
  if (c) return c;
  return s[x->n] ? -1 : 0;
}

static const number_word *find_word(const char *w, size_t n) {
  const word_key k = {w, n};
  return bsearch(&k, number_words, sizeof number_words / sizeof number_words[0], sizeof number_words[0],
                 cmp_number_word);
}

int sc_is_number_word(const char *w, size_t n) { return find_word(w, n) != NULL; }

int sc__numbers_sorted(void);
int sc__numbers_sorted(void) {
  for (size_t i = 1; i < sizeof number_words / sizeof number_words[0]; i++)
    if (strcmp(number_words[i - 1].w, number_words[i].w) >= 0) return 0;
  return 1;
}

/* Whether a word of kind @p next may continue a run whose last word was of
 * kind @p last, @p group being the value gathered since the last scale
 * word; @p joined when "and" stands between them. */
static int continues(kind last, kind next, uint64_t group, int joined) {
  switch (next) {
    case UNIT: return last == TENS || last == SCORE || ((last == HUNDRED || last == SCALE) && group % 100 == 0);
    case TEEN: return last == SCORE || ((last == HUNDRED || last == SCALE) && group % 100 == 0);
    case TENS:
    case SCORE: return (last == HUNDRED || last == SCALE) && group % 100 == 0;
    case HUNDRED: return !joined && (last == UNIT || last == TEEN || last == TENS) && group < 100;
    case SCALE: return !joined && last != SCALE;
  }
  return 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* A figure of digits with thousands commas, a fraction or an ordinal
 * suffix ("46,500", "1.5", "5th"): its integer value in *value, or
 * *fraction when it has one, and *ordinal. 0 if @p w is not a figure. */
static int read_figure(const char *w, size_t n, uint64_t *value, int *fraction, int *ordinal) {
  uint64_t v = 0;
  size_t i = 0;
  *fraction = *ordinal = 0;
  for (; i < n; i++) {
    if (is_digit(w[i])) {
      if (v > (UINT64_MAX - 9) / 10) return 0;
      v = v * 10 + (uint64_t)(w[i] - '0');
    } else if (w[i] == ',' && i > 0 && i + 1 < n && is_digit(w[i + 1])) {
      continue;
    } else if (w[i] == '.' && i > 0 && i + 1 < n && is_digit(w[i + 1])) {
      *fraction = 1;
      return 1;
    } else {
      break;
    }
  }
  if (i == 0) return 0;
  const size_t rest = n - i;
  if (rest == 2 && (memcmp(w + i, "st", 2) == 0 || memcmp(w + i, "nd", 2) == 0 || memcmp(w + i, "rd", 2) == 0 ||
                    memcmp(w + i, "th", 2) == 0))
    *ordinal = 1;
  else if (rest != 0)
    return 0;
  *value = v;
  return 1;
}

static void write_value(uint64_t v, int ordinal, char out[SC_NUMBER_MAX]) {
  snprintf(out, SC_NUMBER_MAX, "%llu%s", (unsigned long long)v, ordinal ? "th" : "");
}

/* The word as written (truncated to fit): figures this file does not read. */
static void write_as_written(const char *w, size_t n, char out[SC_NUMBER_MAX]) {
  snprintf(out, SC_NUMBER_MAX, "%.*s", (int)(n < SC_NUMBER_MAX - 1 ? n : SC_NUMBER_MAX - 1), w);
}

/* A figure with a fraction ("1,000.5") as a double, thousands commas
 * dropped (strtod would stop at the first comma). */
static double fraction_value(const char *w, size_t n) {
  char digits[64];
  size_t m = 0;
  for (size_t i = 0; i < n && m + 1 < sizeof digits; i++)
    if (w[i] != ',') digits[m++] = w[i];
  digits[m] = '\0';
  return strtod(digits, NULL);
}

size_t sc_read_number(const char *text, const sc_span *words, size_t k, size_t n_words, char out[SC_NUMBER_MAX]) {
  const char *w = text + words[k].start;
  const size_t n = words[k].end - words[k].start;
  uint64_t v;
  int fraction, ordinal;
  if (n > 0 && is_digit(w[0])) {
    if (!read_figure(w, n, &v, &fraction, &ordinal)) {  /* "1990s", "3am" */
      write_as_written(w, n, out);
      /* "1990's" is mostly the decade, written the older way */
      const size_t m = strlen(out);
      if (m >= 3 && out[m - 2] == '\'' && out[m - 1] == 's' && is_digit(out[m - 3])) memcpy(out + m - 2, "s", 2);
      return 1;
    }
    const number_word *scale = k + 1 < n_words && !ordinal
                                   ? find_word(text + words[k + 1].start, words[k + 1].end - words[k + 1].start)
                                   : NULL;
    if (scale && scale->kind != SCALE) scale = NULL;
    if (fraction) {  /* "1.5" as written; "1.5 million" as its value */
      const double d = fraction_value(w, n) * (scale ? scale->value : 1);
      if (scale && d < 1e19 && d == (double)(uint64_t)d) {
        write_value((uint64_t)d, scale->ordinal, out);
        return 2;
      }
      write_as_written(w, n, out);
      return 1;
    }
    if (scale && v <= UINT64_MAX / scale->value) {
      write_value(v * scale->value, scale->ordinal, out);
      return 2;
    }
    write_value(v, ordinal, out);
    return 1;
  }
  const number_word *nw = find_word(w, n);
  if (!nw) return 0;
  uint64_t total = 0, group = 0;
  size_t used = 0, i = k;
  kind last = UNIT;
  for (;;) {
    if (nw->kind == HUNDRED) group = (group ? group : 1) * nw->value;
    else if (nw->kind == SCALE) total += (group ? group : 1) * nw->value, group = 0;
    else group += nw->value;
    last = nw->kind;
    used = i + 1 - k;
    ordinal = nw->ordinal;
    if (ordinal || i + 1 >= n_words) break;
    /* The next word, past an "and" that joins two parts of one figure. */
    size_t j = i + 1;
    int joined = 0;
    if (words[j].end - words[j].start == 3 && memcmp(text + words[j].start, "and", 3) == 0 && j + 1 < n_words) {
      joined = 1;
      j++;
    }
    const number_word *next = find_word(text + words[j].start, words[j].end - words[j].start);
    if (!next || !continues(last, next->kind, group, joined) || total > UINT32_MAX) break;
    nw = next;
    i = j;
  }
  write_value(total + group, ordinal, out);
  return used;
}
