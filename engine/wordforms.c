/*
 * wordforms.c: Early Modern English forms (see wordforms.h).
 *
 * Two parts: a table of pronouns, auxiliaries, irregular forms and a few
 * archaic words with one modern equivalent ("smote" -> "struck", "slain"
 * -> "killed", "hearken" -> "listen"), and one rule for the third person
 * in -eth ("cometh" -> "comes"). The rule writes -es, which is right after
 * a silent e ("maketh" -> "makes") and becomes right after stemming
 * otherwise ("speakes" and "speaks" share the stem "speak"). Words that
 * only look like such forms are listed as exceptions.
 * Left out on purpose: forms that are also common modern words ("art",
 * "brake", "gat"; "slew" is in, the noun "a slew of" being rare), and -est
 * (second person "knowest" cannot be told from superlatives such as
 * "greatest" without a dictionary).
 */
#include "wordforms.h"

#include <stdlib.h>
#include <string.h>

typedef struct wordform {
  const char *old, *modern;
} wordform;

/* Sorted by old form, for bsearch; a test checks the order. */
static const wordform table[] = {
    {"aught", "anything"},  {"brethren", "brothers"},{"canst", "can"},       {"comest", "come"},
    {"couldest", "could"},  {"didst", "did"},       {"digged", "dug"},      {"doest", "do"},
    {"dost", "do"},         {"doth", "does"},       {"durst", "dared"},     {"ere", "before"},
    {"givest", "give"},     {"goest", "go"},        {"hadst", "had"},       {"hast", "have"},
    {"hath", "has"},        {"hearest", "hear"},    {"hearken", "listen"},  {"hearkened", "listened"},
    {"hearkeneth", "listens"},{"hither", "here"},     {"knowest", "know"},    {"makest", "make"},
    {"mayest", "may"},      {"mightest", "might"},  {"naught", "nothing"},  {"nay", "no"},
    {"oft", "often"},       {"peradventure", "perhaps"},{"raiment", "clothing"},{"saith", "says"},
    {"sayest", "say"},      {"seest", "see"},       {"shalt", "shall"},     {"shew", "show"},
    {"shewed", "showed"},   {"shewn", "shown"},     {"shouldest", "should"},{"slain", "killed"},
    {"slay", "kill"},       {"slayeth", "kills"},   {"slew", "killed"},     {"smite", "strike"},
    {"smitest", "strike"},  {"smiteth", "strikes"}, {"smitten", "struck"},  {"smote", "struck"},
    {"spake", "spoke"},     {"sware", "swore"},     {"takest", "take"},     {"thee", "you"},
    {"thine", "your"},      {"thither", "there"},   {"thou", "you"},        {"thy", "your"},
    {"thyself", "yourself"},{"unto", "to"},         {"wast", "were"},       {"wert", "were"},
    {"whither", "where"},   {"wilt", "will"},       {"wist", "knew"},       {"wouldest", "would"},
    {"wroth", "angry"},     {"ye", "you"},          {"yea", "yes"},
};

/* Words ending in -eth that are not verb forms. */
static const char *const not_verbs[] = {
    "beneath", "elisabeth", "elizabeth", "gareth", "japheth", "kenneth", "macbeth", "nazareth", "teeth",
};

typedef struct key {
  const char *w;
  size_t n;
} key;

static int cmp_key(const char *w, size_t n, const char *s) {
  const int c = strncmp(w, s, n);
  if (c) return c;
  return s[n] ? -1 : 0;
}

static int cmp_form(const void *k, const void *e) {
  const key *x = k;
  return cmp_key(x->w, x->n, ((const wordform *)e)->old);
}

static int cmp_word(const void *k, const void *e) {
  const key *x = k;
  return cmp_key(x->w, x->n, *(const char *const *)e);
}

static int ordinal_tieth(const char *w, size_t n) {  /* "twentieth" */
  return n >= 6 && memcmp(w + n - 5, "tieth", 5) == 0;
}

const char *sc_modern_form(const char *w, size_t n, char buf[SC_WORDFORM_MAX], size_t *out_len) {
  const key k = {w, n};
  const wordform *f = bsearch(&k, table, sizeof table / sizeof table[0], sizeof table[0], cmp_form);
  if (f) {
    *out_len = strlen(f->modern);
    return f->modern;
  }
  *out_len = n;
  if (n < 5 || n > SC_WORDFORM_MAX || memcmp(w + n - 3, "eth", 3) != 0 || ordinal_tieth(w, n)) return w;
  if (bsearch(&k, not_verbs, sizeof not_verbs / sizeof not_verbs[0], sizeof not_verbs[0], cmp_word)) return w;
  memcpy(buf, w, n - 3);
  buf[n - 3] = 'e';
  buf[n - 2] = 's';
  *out_len = n - 1;
  return buf;
}

int sc__wordforms_sorted(void);
int sc__wordforms_sorted(void) {
  for (size_t i = 1; i < sizeof table / sizeof table[0]; i++)
    if (strcmp(table[i - 1].old, table[i].old) >= 0) return 0;
  for (size_t i = 1; i < sizeof not_verbs / sizeof not_verbs[0]; i++)
    if (strcmp(not_verbs[i - 1], not_verbs[i]) >= 0) return 0;
  return 1;
}
