/*
 * test_normalize.c: sc_normalize: NFKC, case folding, typographic folding,
 * whitespace runs, invalid UTF-8 and the offset map, checked on hand-made
 * cases, against an obvious reference for ASCII input, and on random
 * Unicode text for the map's invariants and idempotence.
 */
#include "normalize.h"
#include "sc_test.h"

/* Normalizes @p s and checks the output text, the invalid count and the
 * offset map against @p src_want (len + 1 entries; NULL: do not check). */
#define CHECK_NORM(s, want, invalid_want, src_want) \
  check_norm_(__LINE__, s, sizeof(s) - 1, want, sizeof(want) - 1, invalid_want, src_want)

static void check_map_invariants(const char *s, size_t len, const sc_normtext *t, int line) {
  CHECK_MSG(t->src[t->len] == len, "line %d: sentinel src[%zu] = %u, want %zu", line, t->len,
            t->src[t->len], len);
  CHECK_MSG(t->text[t->len] == '\0', "line %d: output not NUL-terminated", line);
  for (size_t i = 0; i < t->len; i++) {
    CHECK_MSG(t->src[i] < len, "line %d: src[%zu] = %u out of the source", line, i, t->src[i]);
    if (i > 0) CHECK_MSG(t->src[i] >= t->src[i - 1], "line %d: src[%zu] decreases", line, i);
  }
  (void)s;
}

static void check_norm_(int line, const char *s, size_t len, const char *want, size_t want_len,
                        size_t invalid_want, const uint32_t *src_want) {
  sc_normtext t;
  const sc_status st = sc_normalize(s, len, &t);
  CHECK_MSG(st == SC_OK, "line %d: status %d", line, (int)st);
  if (st != SC_OK) return;
  CHECK_MSG(sc_test_mem_eq_(t.text, t.len, want, want_len), "line %d: text differs", line);
  if (!sc_test_mem_eq_(t.text, t.len, want, want_len)) {
    sc_test_dump_("got", t.text, t.len);
    sc_test_dump_("want", want, want_len);
  }
  CHECK_MSG(t.invalid == invalid_want, "line %d: invalid = %zu, want %zu", line, t.invalid, invalid_want);
  check_map_invariants(s, len, &t, line);
  if (src_want && t.len == want_len)
    for (size_t i = 0; i <= want_len; i++)
      CHECK_MSG(t.src[i] == src_want[i], "line %d: src[%zu] = %u, want %u", line, i, t.src[i], src_want[i]);
  sc_normtext_free(&t);
}

static void test_unicode(void) {
  /* NFKC: ligature, fullwidth, compatibility characters. */
  CHECK_NORM("\xEF\xAC\x81x", "fix", 0, ((const uint32_t[]){0, 0, 3, 4}));
  CHECK_NORM("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc", 0, ((const uint32_t[]){0, 3, 6, 9}));
  CHECK_NORM("\xE2\x91\xA0", "1", 0, NULL);                 /* circled digit one */
  CHECK_NORM("\xE2\x84\xAB", "\xC3\xA5", 0, NULL);          /* Angstrom sign -> a-ring */
  /* Composition: e + combining acute -> U+00E9; precomposed stays. */
  CHECK_NORM("e\xCC\x81", "\xC3\xA9", 0, ((const uint32_t[]){0, 0, 3}));
  CHECK_NORM("\xC3\xA9", "\xC3\xA9", 0, ((const uint32_t[]){0, 0, 2}));
  CHECK_NORM("caf\xC3\x89!", "caf\xC3\xA9!", 0, ((const uint32_t[]){0, 1, 2, 3, 3, 5, 6}));
  CHECK_NORM("cafe\xCC\x81 x", "caf\xC3\xA9 x", 0, ((const uint32_t[]){0, 1, 2, 3, 3, 6, 7, 8}));
  /* Hangul: NFKC keeps precomposed syllables precomposed. */
  CHECK_NORM("\xED\x95\x9C", "\xED\x95\x9C", 0, ((const uint32_t[]){0, 0, 0, 3}));
  /* Case folding. */
  CHECK_NORM("Stra\xC3\x9F" "e", "strasse", 0, ((const uint32_t[]){0, 1, 2, 3, 4, 4, 6, 7}));
  CHECK_NORM("\xCE\xA3\xCE\x91\xCE\xA3", "\xCF\x83\xCE\xB1\xCF\x83", 0, ((const uint32_t[]){0, 0, 2, 2, 4, 4, 6}));
  CHECK_NORM("HeLLo WORLD", "hello world", 0, NULL);
  /* Typographic folding: curly quotes, dashes, backtick. */
  CHECK_NORM("\xE2\x80\x9Cq\xE2\x80\x9D", "\"q\"", 0, ((const uint32_t[]){0, 3, 4, 7}));
  CHECK_NORM("it\xE2\x80\x99s \xE2\x80\x98x\xE2\x80\x99", "it's 'x'", 0, NULL);
  CHECK_NORM("a\xE2\x80\x93" "b\xE2\x80\x94" "c", "a-b-c", 0, ((const uint32_t[]){0, 1, 4, 5, 8, 9}));
  CHECK_NORM("`x`", "'x'", 0, NULL);
  /* Default-ignorable and format characters are dropped. */
  CHECK_NORM("co\xC2\xADop", "coop", 0, ((const uint32_t[]){0, 1, 4, 5, 6}));
  CHECK_NORM("\xEF\xBB\xBF" "abc", "abc", 0, ((const uint32_t[]){3, 4, 5, 6}));
  CHECK_NORM("a\xE2\x80\x8B" "b", "ab", 0, NULL);
}

static void test_whitespace(void) {
  CHECK_NORM("", "", 0, ((const uint32_t[]){0}));
  CHECK_NORM("   \t\n  ", "", 0, ((const uint32_t[]){7}));
  CHECK_NORM("a  \t b", "a b", 0, ((const uint32_t[]){0, 1, 5, 6}));
  CHECK_NORM("  hi  ", "hi", 0, ((const uint32_t[]){2, 3, 6}));
  CHECK_NORM("a \n b", "a\nb", 0, ((const uint32_t[]){0, 1, 4, 5}));
  CHECK_NORM("a\n\nb", "a\n\nb", 0, ((const uint32_t[]){0, 1, 1, 3, 4}));
  CHECK_NORM("a \n \n\n b", "a\n\nb", 0, ((const uint32_t[]){0, 1, 1, 7, 8}));
  CHECK_NORM("x\r\n\r\ny", "x\n\ny", 0, ((const uint32_t[]){0, 2, 2, 5, 6}));  /* CR dropped: the run starts at the LF */
  CHECK_NORM("x\r\ny", "x\ny", 0, ((const uint32_t[]){0, 2, 3, 4}));
  CHECK_NORM("\n\nx\n\n", "x", 0, ((const uint32_t[]){2, 5}));
  CHECK_NORM("a\xC2\xA0" "b", "a b", 0, ((const uint32_t[]){0, 1, 3, 4}));        /* NBSP */
  CHECK_NORM("a\xE3\x80\x80" "b", "a b", 0, NULL);                                 /* ideographic space */
  CHECK_NORM("a\xE2\x80\xA8" "b", "a\nb", 0, NULL);                                /* line separator */
  /* A lone CR (classic Mac line end) is a line break, not nothing. */
  CHECK_NORM("one\rtwo", "one\ntwo", 0, ((const uint32_t[]){0, 1, 2, 3, 4, 5, 6, 7}));
}

static void test_invalid(void) {
  CHECK_NORM("a\xff b", "a\xEF\xBF\xBD b", 1, ((const uint32_t[]){0, 1, 1, 1, 2, 3, 4}));
  CHECK_NORM("\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD", 2, ((const uint32_t[]){0, 0, 0, 1, 1, 1, 2}));
  /* Overlong forms, surrogates and values past U+10FFFF: every byte is a
   * maximal invalid subpart (Unicode 15, section 3.9). */
  CHECK_NORM("\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2, NULL);
  CHECK_NORM("\xE0\x80\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3, NULL);
  CHECK_NORM("\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3, NULL);
  CHECK_NORM("\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4, NULL);
  /* A truncated sequence is one maximal subpart: one U+FFFD, counted once. */
  CHECK_NORM("ab\xE2\x82", "ab\xEF\xBF\xBD", 1, ((const uint32_t[]){0, 1, 2, 2, 2, 4}));
  CHECK_NORM("\xF0\x9F\x98 x", "\xEF\xBF\xBD x", 1, ((const uint32_t[]){0, 0, 0, 3, 4, 5}));
  CHECK_NORM("\xC3", "\xEF\xBF\xBD", 1, NULL);
  /* NUL and other controls are dropped. */
  CHECK_NORM("a\0b\x01" "c", "abc", 0, ((const uint32_t[]){0, 2, 4, 5}));
}

/* Reference normalizer for ASCII input without lone CRs: lower-case,
 * backtick to quote, controls dropped, whitespace runs folded. */
static size_t ref_ascii(const char *s, size_t len, char *out, uint32_t *src) {
  size_t n = 0;
  int pending = 0;  /* 0, 1 ' ', 2 '\n', 3 "\n\n" */
  uint32_t psrc = 0;
  for (size_t i = 0; i < len; i++) {
    const unsigned char c = (unsigned char)s[i];
    int kind = 0;
    if (c == ' ' || c == '\t') kind = 1;
    else if (c == '\n' || c == '\v' || c == '\f') kind = 2;
    if (kind) {
      if (pending == 0) psrc = (uint32_t)i;
      if (kind == 2 && pending >= 2) kind = 3;
      if (kind > pending) pending = kind;
      continue;
    }
    if (c < 0x20 || c == 0x7F) continue;
    if (pending && n > 0) {
      out[n] = pending == 1 ? ' ' : '\n';
      src[n++] = psrc;
      if (pending == 3) {
        out[n] = '\n';
        src[n++] = psrc;
      }
    }
    pending = 0;
    out[n] = c == '`' ? '\'' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
    src[n++] = (uint32_t)i;
  }
  src[n] = (uint32_t)len;
  return n;
}

static void test_ascii_reference(void) {
  static const char *const pieces[] = {"a", "B", "z", "Q", "7", ".", ",", "'", "`", "-", "\"", " ",
                                       "  ", "\t", "\n", "\n\n", "\r\n", "\x01", "\x7f", "\v", "~"};
  char s[512], want[1024];
  uint32_t want_src[1024];
  for (int iter = 0; iter < 3000; iter++) {
    size_t len = 0;
    const size_t npieces = sc_test_below(120);
    for (size_t p = 0; p < npieces; p++) {
      const char *piece = pieces[sc_test_below(sizeof pieces / sizeof *pieces)];
      const size_t pl = strlen(piece);
      memcpy(s + len, piece, pl);
      len += pl;
    }
    const size_t wn = ref_ascii(s, len, want, want_src);
    sc_normtext t;
    CHECK(sc_normalize(s, len, &t) == SC_OK);
    CHECK_MSG(sc_test_mem_eq_(t.text, t.len, want, wn), "iteration %d", iter);
    if (!sc_test_mem_eq_(t.text, t.len, want, wn)) {
      sc_test_dump_("in", s, len);
      sc_test_dump_("got", t.text, t.len);
      sc_test_dump_("want", want, wn);
    } else {
      int same = 1;
      for (size_t i = 0; i <= wn; i++) same &= t.src[i] == want_src[i];
      CHECK_MSG(same, "iteration %d: offset map differs from the reference", iter);
    }
    CHECK(t.invalid == 0);
    sc_normtext_free(&t);
  }
}

/* Decodes one code point of valid UTF-8; 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n) {
  if (s[0] < 0x80) return 1;
  size_t k = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : 0;
  if (k == 0 || k > n) return 0;
  for (size_t i = 1; i < k; i++)
    if ((s[i] & 0xC0) != 0x80) return 0;
  return k;
}

static int valid_utf8(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    const size_t k = utf8_len((const unsigned char *)s + i, n - i);
    if (k == 0) return 0;
    i += k;
  }
  return 1;
}

static void test_unicode_random(void) {
  static const char *const pool[] = {
      "a", "Z", "e", " ", "\n", "\n\n", ".", "'", "\xCC\x81", /* combining acute */
      "\xC3\xA9", "\xC3\x89", "\xC3\x9F", "\xCE\xA3", "\xEF\xAC\x81", "\xEF\xBC\xA1", "\xE2\x80\x9C",
      "\xE2\x80\x94", "\xC2\xA0", "\xC2\xAD", "\xE6\x97\xA5", "\xF0\x9F\x98\x80", "\xE2\x84\xAB",
      "\xE2\x91\xA0", "\xCC\xA3", /* combining dot below */ "\xC5\x8C", "\xE1\xBA\xA0",
  };
  char s[1024];
  for (int iter = 0; iter < 2000; iter++) {
    size_t len = 0;
    const size_t npieces = sc_test_below(100);
    for (size_t p = 0; p < npieces; p++) {
      const char *piece = pool[sc_test_below(sizeof pool / sizeof *pool)];
      const size_t pl = strlen(piece);
      memcpy(s + len, piece, pl);
      len += pl;
    }
    sc_normtext t, t2;
    CHECK(sc_normalize(s, len, &t) == SC_OK);
    check_map_invariants(s, len, &t, __LINE__);
    CHECK_MSG(valid_utf8(t.text, t.len), "iteration %d: output is not valid UTF-8", iter);
    int at_start = 1;
    for (size_t i = 0; i < t.len; i++) at_start &= ((unsigned char)s[t.src[i]] & 0xC0) != 0x80;
    CHECK_MSG(at_start, "iteration %d: an offset points inside a source code point", iter);
    if (t.len) {
      CHECK(t.text[0] != ' ' && t.text[0] != '\n');
      CHECK(t.text[t.len - 1] != ' ' && t.text[t.len - 1] != '\n');
    }
    CHECK_MSG(strstr(t.text, "  ") == NULL && strstr(t.text, "\n\n\n") == NULL, "iteration %d", iter);
    /* Idempotence: normalized text is a fixed point. */
    CHECK(sc_normalize(t.text, t.len, &t2) == SC_OK);
    CHECK_MSG(sc_test_mem_eq_(t.text, t.len, t2.text, t2.len), "iteration %d: not idempotent", iter);
    if (!sc_test_mem_eq_(t.text, t.len, t2.text, t2.len)) {
      sc_test_dump_("in", s, len);
      sc_test_dump_("once", t.text, t.len);
      sc_test_dump_("twice", t2.text, t2.len);
    }
    sc_normtext_free(&t);
    sc_normtext_free(&t2);
  }
  /* Random bytes: never crashes, output valid UTF-8, map well formed. */
  for (int iter = 0; iter < 2000; iter++) {
    const size_t len = sc_test_below(300);
    for (size_t i = 0; i < len; i++) s[i] = (char)sc_test_rand();
    sc_normtext t;
    CHECK(sc_normalize(s, len, &t) == SC_OK);
    check_map_invariants(s, len, &t, __LINE__);
    CHECK_MSG(valid_utf8(t.text, t.len), "random bytes %d: output is not valid UTF-8", iter);
    CHECK(memchr(t.text, '\0', t.len) == NULL);
    sc_normtext_free(&t);
  }
  /* A long run of combining marks (split into groups) keeps the map sane. */
  size_t len = 0;
  s[len++] = 'a';
  for (int i = 0; i < 150; i++) {
    s[len++] = '\xCC';
    s[len++] = '\x81';
  }
  s[len++] = 'b';
  sc_normtext t;
  CHECK(sc_normalize(s, len, &t) == SC_OK);
  check_map_invariants(s, len, &t, __LINE__);
  CHECK(valid_utf8(t.text, t.len));
  CHECK(t.len >= 2 && t.text[t.len - 1] == 'b' && t.src[t.len - 1] == len - 1);
  sc_normtext_free(&t);
}

static void test_oom(void) {
  /* Every allocation failure is reported, and leaves nothing behind. */
  static const char text[] = "Stra\xC3\x9F" "e caf\xC3\xA9 \xEF\xAC\x81 and a longer tail of words to grow "
                             "the buffers past their first size, again and again and again.";
  int ok = 0;
  for (unsigned long n = 1; n < 100 && !ok; n++) {
    sc_normtext t;
    sc__alloc_fail_after(n);
    const sc_status st = sc_normalize(text, sizeof text - 1, &t);
    sc__alloc_fail_after(0);
    CHECK_MSG(st == SC_OK || st == SC_E_NOMEM, "n=%lu: status %d", n, (int)st);
    if (st == SC_OK) {
      ok = 1;
      CHECK(t.len > 0);
      sc_normtext_free(&t);
    } else {
      CHECK(t.text == NULL && t.src == NULL);
    }
  }
  CHECK(ok);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 20250214);
  test_unicode();
  test_whitespace();
  test_invalid();
  test_ascii_reference();
  test_unicode_random();
  test_oom();
  return sc_test_done("test_normalize");
}
