/*
 * test_tokenize.c: word and sentence segmentation on hand-checked inputs
 * (through sc_normalize, as the engine uses it), plus invariants on random
 * text.
 */
#include <utf8proc.h>

#include "normalize.h"
#include "sc_test.h"
#include "tokenize.h"

typedef struct toks {
  sc_normtext nt;
  sc_span_vec words;
  sc_sentence_vec sents;
} toks;

static void tok(const char *s, toks *t) {
  memset(t, 0, sizeof *t);
  CHECK(sc_normalize(s, strlen(s), &t->nt) == SC_OK);
  CHECK(sc_tokenize(&t->nt, &t->words, &t->sents) == SC_OK);
}

static void tok_free(toks *t) {
  sc_normtext_free(&t->nt);
  SC_VEC_FREE(&t->words);
  SC_VEC_FREE(&t->sents);
}

/* Joins the words with '|' ("ukraine's|war"). */
static void joined_words(const toks *t, char *buf, size_t cap) {
  size_t n = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < t->words.len; i++) {
    const sc_span w = t->words.items[i];
    const size_t wl = w.end - w.start;
    if (n + wl + 2 >= cap) break;
    if (i) buf[n++] = '|';
    memcpy(buf + n, t->nt.text + w.start, wl);
    n += wl;
    buf[n] = '\0';
  }
}

/* Joins the sentences' text with '|'. */
static void joined_sentences(const toks *t, char *buf, size_t cap) {
  size_t n = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < t->sents.len; i++) {
    const sc_sentence s = t->sents.items[i];
    const size_t sl = s.end - s.start;
    if (n + sl + 2 >= cap) break;
    if (i) buf[n++] = '|';
    memcpy(buf + n, t->nt.text + s.start, sl);
    n += sl;
    buf[n] = '\0';
  }
}

#define CHECK_WORDS(text, want)                                                \
  do {                                                                         \
    toks t_;                                                                   \
    char b_[1024];                                                             \
    tok(text, &t_);                                                            \
    joined_words(&t_, b_, sizeof b_);                                          \
    CHECK_STR(b_, want);                                                       \
    tok_free(&t_);                                                             \
  } while (0)

#define CHECK_SENTENCES(text, want)                                            \
  do {                                                                         \
    toks t_;                                                                   \
    char b_[1024];                                                             \
    tok(text, &t_);                                                            \
    joined_sentences(&t_, b_, sizeof b_);                                      \
    CHECK_STR(b_, want);                                                       \
    tok_free(&t_);                                                             \
  } while (0)

static void test_words(void) {
  CHECK_WORDS("", "");
  CHECK_WORDS("  ...  ", "");
  CHECK_WORDS("Hello, world!", "hello|world");
  CHECK_WORDS("Ukraine's war", "ukraine's|war");
  CHECK_WORDS("Ukraine\xE2\x80\x99s war", "ukraine's|war");       /* curly apostrophe */
  CHECK_WORDS("the students' books", "the|students|books");
  CHECK_WORDS("'quoted'", "quoted");
  CHECK_WORDS("grew 3.8 percent", "grew|3.8|percent");
  CHECK_WORDS("300,000 troops", "300,000|troops");
  CHECK_WORDS("in 2014. Then", "in|2014|then");
  CHECK_WORDS("3.8.", "3.8");
  CHECK_WORDS("a,b a.b", "a|b|a|b");                                 /* only between digits */
  CHECK_WORDS("1,a", "1|a");
  CHECK_WORDS("well-known co-operation", "well|known|co|operation");
  CHECK_WORDS("e-mail\xE2\x80\x94" "and", "e|mail|and");
  CHECK_WORDS("caf\xC3\xA9 na\xC3\xAFve", "caf\xC3\xA9|na\xC3\xAFve");
  /* Han and kana: a word per character; Hangul keeps its spaced words. */
  CHECK_WORDS("\xE6\x97\xA5\xE6\x9C\xAC" " x", "\xE6\x97\xA5|\xE6\x9C\xAC|x");
  CHECK_WORDS("AI模型很好", "ai|模|型|很|好");
  CHECK_WORDS("東京タワーに行く", "東|京|タ|ワ|ー|に|行|く");
  CHECK_WORDS("abc'中 x'y", "abc|中|x'y");
  CHECK_WORDS("3.8中", "3.8|中");
  CHECK_WORDS("안녕하세요 세계", "안녕하세요|세계");
  CHECK_WORDS("#tag @user $5 50%", "tag|user|5|50");
}

static void test_sentences(void) {
  CHECK_SENTENCES("One. Two! Three? Four", "one.|two!|three?|four");
  CHECK_SENTENCES("Mr. Smith went.", "mr. smith went.");
  CHECK_SENTENCES("Dr. Jones and Prof. Lee met. They talked.", "dr. jones and prof. lee met.|they talked.");
  CHECK_SENTENCES("U.S. officials said. Then they left.", "u.s. officials said.|then they left.");
  CHECK_SENTENCES("J. R. Smith spoke.", "j. r. smith spoke.");
  CHECK_SENTENCES("It began in 2014. The U.S. joined.", "it began in 2014.|the u.s. joined.");
  CHECK_SENTENCES("GDP grew 3.8 percent. Then more.", "gdp grew 3.8 percent.|then more.");
  CHECK_SENTENCES("He said \"stop.\" Then more.", "he said \"stop.\"|then more.");
  CHECK_SENTENCES("He said \"Stop!\" Then more.", "he said \"stop!\"|then more.");
  CHECK_SENTENCES("(See above.) Next one.", "see above.)|next one.");
  CHECK_SENTENCES("Wait... what?! Yes.", "wait...|what?!|yes.");
  /* Lists: each item is a sentence. */
  CHECK_SENTENCES("Title\n- one item\n- two item", "title|one item|two item");
  CHECK_SENTENCES("Title\n* one item\n* two item", "title|one item|two item");
  CHECK_SENTENCES("Title\n\xE2\x80\xA2 one item\n\xE2\x80\xA2 two item",
                  "title|one item|two item");
  CHECK_SENTENCES("Steps\n1. Mix flour\n2. Bake it", "steps|1. mix flour|2. bake it");
  /* Paragraphs and line breaks. */
  CHECK_SENTENCES("First para\n\nSecond para", "first para|second para");
  CHECK_SENTENCES("line one\nline two", "line one\nline two");          /* soft wrap */
  CHECK_SENTENCES("Done.\nNext line", "done.|next line");
  CHECK_SENTENCES("Heading\n\n\n   Body text here.", "heading|body text here.");
  /* Chinese: the ideographic full stop, and '!' '?' (NFKC of the
   * full-width marks) before the next character, with no space. */
  CHECK_SENTENCES("今天很好。我们走吧！你呢？好", "今天很好。|我们走吧!|你呢?|好");
  CHECK_SENTENCES("他说：“好。”然后走了。", "他说:\"好。\"|然后走了。");
  /* Sentences without words are dropped. */
  CHECK_SENTENCES("... !!! One.", "one.");
}

/* Is word @p w one Han or kana character (which may touch its neighbours)? */
static int is_han_or_kana(const toks *t, sc_span w) {
  utf8proc_int32_t cp;
  const utf8proc_ssize_t n = utf8proc_iterate((const uint8_t *)t->nt.text + w.start, w.end - w.start, &cp);
  return n == (utf8proc_ssize_t)(w.end - w.start) &&
         ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
          (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF));
}

/* Sentence and word spans agree: tokens [first, last) lie inside [start, end),
 * sentences tile the words in order. */
static void check_structure(const toks *t, int iter) {
  uint32_t next = 0;
  for (size_t i = 0; i < t->sents.len; i++) {
    const sc_sentence s = t->sents.items[i];
    CHECK_MSG(s.first == next && s.last > s.first, "iteration %d sentence %zu", iter, i);
    CHECK_MSG(s.last <= t->words.len, "iteration %d sentence %zu", iter, i);
    if (s.last > t->words.len || s.last <= s.first) return;
    CHECK_MSG(s.start == t->words.items[s.first].start, "iteration %d sentence %zu", iter, i);
    CHECK_MSG(s.end >= t->words.items[s.last - 1].end && s.end <= t->nt.len, "iteration %d", iter);
    if (i + 1 < t->sents.len) CHECK_MSG(s.end <= t->sents.items[i + 1].start, "iteration %d", iter);
    next = s.last;
  }
  CHECK_MSG(next == t->words.len, "iteration %d: sentences cover %u of %zu words", iter, next, t->words.len);
  for (size_t i = 0; i < t->words.len; i++) {
    const sc_span w = t->words.items[i];
    CHECK_MSG(w.start < w.end && w.end <= t->nt.len, "iteration %d word %zu", iter, i);
    if (i)
      CHECK_MSG(t->words.items[i - 1].end < w.start || (t->words.items[i - 1].end == w.start &&
                                                         (is_han_or_kana(t, t->words.items[i - 1]) || is_han_or_kana(t, w))),
                "iteration %d: words %zu and %zu touch", iter, i - 1, i);
    const char c = t->nt.text[w.start];
    CHECK_MSG(c != ' ' && c != '\n' && c != '.' && c != ',' && c != '\'' && c != '-', "iteration %d", iter);
  }
}

static void test_random(void) {
  static const char *const pieces[] = {"word", "Mr", "U", "S", "3", "8", "2014", ".", ". ", "! ", "? ",
                                       ",", "'", "\"", " ", " ", " ", "\n", "\n\n", "\n- ", "\n1. ",
                                       "-", "caf\xC3\xA9", "\xE2\x80\x9D", "中", "文", "。", "タ", "！"};
  char s[1024];
  for (int iter = 0; iter < 3000; iter++) {
    size_t len = 0;
    const size_t n = sc_test_below(80);
    for (size_t p = 0; p < n; p++) {
      const char *piece = pieces[sc_test_below(sizeof pieces / sizeof *pieces)];
      memcpy(s + len, piece, strlen(piece));
      len += strlen(piece);
    }
    s[len] = '\0';
    toks t;
    tok(s, &t);
    check_structure(&t, iter);
    /* Words alone give the same list as words with sentences. */
    sc_span_vec w2 = {0};
    CHECK(sc_tokenize(&t.nt, &w2, NULL) == SC_OK);
    CHECK(w2.len == t.words.len && (w2.len == 0 || memcmp(w2.items, t.words.items, w2.len * sizeof *w2.items) == 0));
    SC_VEC_FREE(&w2);
    tok_free(&t);
  }
}

static void test_append(void) {
  /* Tokenizing a second text appends; sentence token indices are relative
   * to the text's own first word. */
  toks a, b;
  tok("Alpha beta. Gamma.", &a);
  tok("Delta epsilon. Zeta eta theta.", &b);
  const size_t before = a.words.len, sents_before = a.sents.len;
  CHECK(sc_tokenize(&b.nt, &a.words, &a.sents) == SC_OK);
  CHECK_EQ_INT(a.words.len, before + 5);
  CHECK_EQ_INT(a.sents.len, sents_before + 2);
  if (a.sents.len == sents_before + 2) {
    CHECK_EQ_INT(a.sents.items[sents_before].first, 0);
    CHECK_EQ_INT(a.sents.items[sents_before].last, 2);
    CHECK_EQ_INT(a.sents.items[sents_before + 1].first, 2);
    CHECK_EQ_INT(a.sents.items[sents_before + 1].last, 5);
  }
  tok_free(&a);
  tok_free(&b);
}

static void test_source_offsets(void) {
  /* Spans map back to the original through the offset map. */
  const char *src = "  \xE2\x80\x9CHello\xE2\x80\x9D,  W\xC3\x96RLD!\n\nNext";
  toks t;
  tok(src, &t);
  CHECK_EQ_INT(t.words.len, 3);
  CHECK_EQ_INT(t.sents.len, 2);
  if (t.words.len == 3 && t.sents.len == 2) {
    CHECK_EQ_INT(t.nt.src[t.words.items[0].start], 5);   /* 'H' */
    CHECK_EQ_INT(t.nt.src[t.words.items[1].start], 16);  /* W */
    CHECK_EQ_INT(t.nt.src[t.words.items[1].end], 22);    /* ! */
    CHECK_EQ_INT(t.nt.src[t.sents.items[0].start], 5);   /* sentences start at a word */
    CHECK_EQ_INT(t.nt.src[t.sents.items[1].start], 25);  /* N */
    CHECK_EQ_INT(t.nt.src[t.sents.items[1].end], 29);    /* end of text */
  }
  tok_free(&t);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 7);
  test_words();
  test_sentences();
  test_random();
  test_append();
  test_source_offsets();
  return sc_test_done("test_tokenize");
}
