/*
 * stopwords.c: the Snowball project's English stop-word list (the list that
 * ships with the English stemmer, BSD licence), plus the contracted forms
 * written with the apostrophe that normalization produces. Sorted for
 * bsearch; a test checks the order.
 */
#include "stopwords.h"

#include <stdlib.h>
#include <string.h>

static const char *const stopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and",
    "any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being",
    "below", "between", "both", "but", "by", "can't", "cannot", "could", "couldn't",
    "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during",
    "each", "few", "for", "from", "further", "had", "hadn't", "has", "hasn't",
    "have", "haven't", "having", "he", "he'd", "he'll", "he's", "her", "here",
    "here's", "hers", "herself", "him", "himself", "his", "how", "how's", "i",
    "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's",
    "its", "itself", "let's", "me", "more", "most", "mustn't", "my", "myself",
    "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "ought",
    "our", "ours", "ourselves", "out", "over", "own", "same", "shan't", "she",
    "she'd", "she'll", "she's", "should", "shouldn't", "so", "some", "such",
    "than", "that", "that's", "the", "their", "theirs", "them", "themselves",
    "then", "there", "there's", "these", "they", "they'd", "they'll", "they're",
    "they've", "this", "those", "through", "to", "too", "under", "until", "up",
    "very", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were",
    "weren't", "what", "what's", "when", "when's", "where", "where's", "which",
    "while", "who", "who's", "whom", "why", "why's", "will", "with", "won't",
    "would", "wouldn't", "you", "you'd", "you'll", "you're", "you've", "your",
    "yours", "yourself", "yourselves",
};

static int cmp_word(const void *key, const void *elem) {
  return strcmp((const char *)key, *(const char *const *)elem);
}

int sc_is_stopword(const char *w, size_t n) {
  char buf[16];
  if (n == 0 || n >= sizeof buf) return 0;
  memcpy(buf, w, n);
  buf[n] = '\0';
  return bsearch(buf, stopwords, sizeof stopwords / sizeof *stopwords, sizeof *stopwords,
                 cmp_word) != NULL;
}

/* For the unit test: the list and its length. */
const char *const *sc__stopword_list(size_t *n);
const char *const *sc__stopword_list(size_t *n) {
  *n = sizeof stopwords / sizeof *stopwords;
  return stopwords;
}
