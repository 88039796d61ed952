/*
 * tokenize.c: word and sentence segmentation (rules in tokenize.h).
 *
 * One forward pass over the normalized text. Sentence boundaries are decided
 * at separators between words, looking back at the punctuation just before
 * and forward at the next word, so that "U.S. officials" and "Dr. Smith" do
 * not end sentences while "... in 2014. The U.S. ..." does.
 */
#include "tokenize.h"

#include <string.h>
#include <utf8proc.h>

#include "wordhash.h"

static int is_word_cp(int32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return 1;
    default:
      return 0;
  }
}

/* Scripts written without spaces between words (Han ideographs, kana):
 * each character is a word of its own, as Unicode's word-boundary rules
 * and Lucene's StandardTokenizer treat Han and Hiragana, so that shingles
 * there are runs of characters rather than whole clauses. */
static int is_solo_cp(int32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||   /* Hiragana, Katakana            */
         (cp >= 0x31F0 && cp <= 0x31FF) ||   /* Katakana phonetic extensions  */
         (cp >= 0x3400 && cp <= 0x4DBF) ||   /* CJK extension A               */
         (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* CJK unified ideographs        */
         (cp >= 0xF900 && cp <= 0xFAFF) ||   /* CJK compatibility ideographs  */
         (cp >= 0x20000 && cp <= 0x3FFFF);   /* CJK extensions B and later    */
}

static inline int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Decodes the code point at text[i] (normalized text is valid UTF-8). */
static int32_t cp_at(const char *text, size_t len, size_t i, size_t *n) {
  const uint8_t b = (uint8_t)text[i];
  if (b < 0x80) {
    *n = 1;
    return b;
  }
  utf8proc_int32_t cp;
  const utf8proc_ssize_t k = utf8proc_iterate((const uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &cp);
  *n = k > 0 ? (size_t)k : 1;
  return k > 0 ? cp : 0xFFFD;
}

/* Abbreviations that a period does not end a sentence after (lower case,
 * sorted for bsearch). Single letters are handled apart (initials). */
static const char *const abbreviations[] = {
    "adm", "apr", "aug", "capt", "cf", "co", "col", "corp", "dec", "dept",
    "dr", "e.g", "eg", "etc", "feb", "fig", "gen", "gov", "i.e", "ie", "inc",
    "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "mr", "mrs", "ms",
    "mt", "no", "nov", "oct", "prof", "rep", "rev", "sen", "sep", "sept",
    "sgt", "sr", "st", "vol", "vs",
};

static int cmp_abbrev(const void *key, const void *elem) {
  return strcmp((const char *)key, *(const char *const *)elem);
}

static int is_abbreviation(const char *text, sc_span w) {
  const uint32_t n = w.end - w.start;
  if (n == 1) return 1;  /* an initial: "J. Smith", "U.S." */
  if (n > 5) return 0;
  char buf[8];
  memcpy(buf, text + w.start, n);
  buf[n] = '\0';
  return bsearch(buf, abbreviations, sizeof abbreviations / sizeof *abbreviations,
                 sizeof *abbreviations, cmp_abbrev) != NULL;
}

/* Does a numbered list marker ("12. " or "3) ") start at text[i]? */
static int list_number_at(const char *text, size_t len, size_t i) {
  size_t j = i;
  while (j < len && is_digit(text[j])) j++;
  return j > i && j - i <= 3 && j + 1 < len && (text[j] == '.' || text[j] == ')') && text[j + 1] == ' ';
}

/* Does the separator text[from, to) between two words end a sentence?
 * @p prev is the word before it; the next word starts at @p to. */
static int ends_sentence(const char *text, size_t len, uint32_t from, uint32_t to, sc_span prev) {
  int terminal = 0;      /* saw . ! ? */
  int period_only = 1;   /* every terminal mark was '.' */
  for (uint32_t i = from; i < to; i++) {
    const char c = text[i];
    /* U+3002 ideographic full stop: no space follows it */
    if ((uint8_t)c == 0xE3 && i + 2 < to && (uint8_t)text[i + 1] == 0x80 && (uint8_t)text[i + 2] == 0x82) return 1;
    if (c == '\n' && i + 1 < to && text[i + 1] == '\n') return 1;  /* paragraph */
    if (c == '\n') {
      /* A line break followed by a list marker starts a new item. */
      uint32_t j = i + 1;
      if (j < to && (text[j] == '-' || text[j] == '*') && j + 1 < to && text[j + 1] == ' ') return 1;
      if (j < to && (uint8_t)text[j] == 0xE2 && j + 2 < to && (uint8_t)text[j + 1] == 0x80 &&
          (uint8_t)text[j + 2] == 0xA2)
        return 1;  /* U+2022 bullet */
      if (j == to && list_number_at(text, len, to)) return 1;
      if (terminal) return 1;
    }
    if (c == '.' || c == '!' || c == '?') {
      terminal = 1;
      if (c != '.') period_only = 0;
    }
  }
  if (!terminal) return 0;
  /* Before a character of a script without spaces ("！" and "？" are '!'
   * and '?' after NFKC), the mark ends the sentence as it stands. */
  size_t n;
  if (to < len && (uint8_t)text[to] >= 0x80 && is_solo_cp(cp_at(text, len, to, &n))) return 1;
  /* The mark must be followed by whitespace (not "3.8" nor "a.b"). */
  int spaced = 0;
  for (uint32_t i = from; i < to; i++) {
    if (text[i] == ' ' || text[i] == '\n') {
      spaced = 1;
      break;
    }
  }
  if (!spaced) return 0;
  if (period_only && text[from] == '.' && is_abbreviation(text, prev)) return 0;
  return 1;
}

/* ASCII letters and digits: one load instead of two range tests, which
 * mispredicted on every word boundary. */
static const uint8_t ascii_word_map[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
};

static inline int ascii_word(uint8_t b) { return ascii_word_map[b & 0x7F]; }

/* Is the character at text[i] a word character? *n receives its length,
 * *solo whether it is a word by itself (is_solo_cp). */
static inline int word_char_at(const char *text, size_t len, size_t i, size_t *n, int *solo) {
  const uint8_t b = (uint8_t)text[i];
  *solo = 0;
  if (b < 0x80) {
    *n = 1;
    return ascii_word(b);
  }
  const int32_t cp = cp_at(text, len, i, n);
  *solo = is_solo_cp(cp);
  return is_word_cp(cp);
}

/* Does the character at text[i] continue a word (a word character that is
 * not a word by itself)? */
static inline int joins_word_at(const char *text, size_t len, size_t i, size_t *n) {
  int solo;
  return word_char_at(text, len, i, n, &solo) && !solo;
}

/* Finds the next word at or after *pos: on return 1, [*start, *pos) is the
 * word. One definition for sc_tokenize and sc_word_hashes, so that both
 * split every text the same way. */
static inline int next_word(const char *text, size_t len, size_t *pos, size_t *start) {
  size_t i = *pos, n;
  int solo;
  for (;;) {  /* skip separators; ASCII inline */
    if (i >= len) {
      *pos = i;
      return 0;
    }
    const uint8_t b = (uint8_t)text[i];
    if (b < 0x80) {
      if (ascii_word(b)) break;
      i++;
      continue;
    }
    if (word_char_at(text, len, i, &n, &solo)) break;
    i += n;
  }
  *start = i;
  word_char_at(text, len, i, &n, &solo);
  i += n;
  while (!solo && i < len) {
    const uint8_t b = (uint8_t)text[i];
    if (b < 0x80 && ascii_word(b)) {  /* the common case, inline */
      i++;
      continue;
    }
    if (b >= 0x80 && joins_word_at(text, len, i, &n)) {
      i += n;
      continue;
    }
    /* Inner apostrophe or digit group separator: keep if a word character
     * (a digit, for '.' and ',') follows. */
    size_t m;
    if (i + 1 < len && ((b == '\'' && joins_word_at(text, len, i + 1, &m)) ||
                        ((b == '.' || b == ',') && is_digit(text[i - 1]) && is_digit(text[i + 1])))) {
      i += 1;
      continue;
    }
    break;
  }
  *pos = i;
  return 1;
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* Byte classes of 64 bytes of ASCII text, one bit per byte. */
typedef struct class_masks {
  uint64_t high;     /* bytes >= 0x80 (the other masks are then unusable)  */
  uint64_t word;     /* letters and digits                                 */
  uint64_t digit;
  uint64_t apos;     /* '\''                                               */
  uint64_t sep;      /* '.' and ','                                        */
} class_masks;

static inline __m128i in_range(__m128i x, char lo, char hi) {  /* lo <= x <= hi; x < 0x80 */
  return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8((char)(lo - 1))), _mm_cmplt_epi8(x, _mm_set1_epi8((char)(hi + 1))));
}

static inline uint64_t bits16(__m128i m, int k) { return (uint64_t)(uint32_t)_mm_movemask_epi8(m) << (16 * k); }

static inline void classify64(const char *p, class_masks *m) {
  m->high = m->word = m->digit = m->apos = m->sep = 0;
  for (int k = 0; k < 4; k++) {
    const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
    m->high |= bits16(x, k);
    const __m128i digit = in_range(x, '0', '9');
    const __m128i alpha = _mm_or_si128(in_range(x, 'a', 'z'), in_range(x, 'A', 'Z'));
    m->word |= bits16(_mm_or_si128(digit, alpha), k);
    m->digit |= bits16(digit, k);
    m->apos |= bits16(_mm_cmpeq_epi8(x, _mm_set1_epi8('\'')), k);
    m->sep |= bits16(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('.')), _mm_cmpeq_epi8(x, _mm_set1_epi8(','))), k);
  }
}

/* Hashes the words of one 64-byte block at text[pos] into out[n...], given
 * the bits of the bytes that start a word (@p starts) and of those just
 * after one (@p ends). A word still open from the previous block (*inside,
 * from *start) is closed by the first end; a word still open at the block
 * end is left in *start and *inside. Starts and ends then alternate, so
 * each end takes the next start: one loop branch per word, where walking
 * every edge with an inside/outside flag mispredicted. The hash stores go
 * through a local index and the key halves are held in registers: stores
 * to out->items could alias out->len and the secret's bytes.
 * @return the new count. */
static inline size_t block_words(const char *text, size_t len, size_t pos, uint64_t starts, uint64_t ends,
                                 const uint8_t *secret, size_t *start, int *inside, uint64_t *out, size_t n) {
  const uint64_t k0 = sc__load_le64(secret), k1 = sc__load_le64(secret + 8);
  if (*inside && ends) {
    const size_t at = pos + (size_t)__builtin_ctzll(ends);
    ends &= ends - 1;
    out[n++] = *start + SC_WORD_SHORT <= len ? sc_word_hash_overread_k(text + *start, at - *start, secret, k0, k1)
                                             : sc_word_hash(text + *start, at - *start, secret);
    *inside = 0;
  }
  while (ends) {
    const size_t s = pos + (size_t)__builtin_ctzll(starts), at = pos + (size_t)__builtin_ctzll(ends);
    starts &= starts - 1;
    ends &= ends - 1;
    out[n++] = s + SC_WORD_SHORT <= len ? sc_word_hash_overread_k(text + s, at - s, secret, k0, k1)
                                        : sc_word_hash(text + s, at - s, secret);
  }
  if (starts) {  /* one word runs into the next block */
    *start = pos + (size_t)__builtin_ctzll(starts);
    *inside = 1;
  }
  return n;
}

/* sc_word_hashes 64 bytes at a time: in a block of ASCII text (and an
 * ASCII byte after it) the words are the maximal runs of "word bytes",
 * where a word byte is a letter or digit, an apostrophe between two letters
 * or digits, or '.' or ',' between two digits: next_word's rules, which
 * for ASCII look only one byte either side. Runs are walked by their
 * boundary bits, without a branch per byte (the byte loop's mispredicted
 * word ends were its main cost). A block with a byte >= 0x80 goes to
 * next_word instead, from the start of the word in progress, until past
 * the block; the vector loop resumes where a word has just ended. */
static sc_status word_hashes_blocks(const char *text, size_t len, const uint8_t *secret, sc_u64_vec *out) {
  uint64_t prev_word = 0, prev_digit = 0, prev_tok = 0;  /* bit 0: the byte before the block */
  size_t start = 0;
  int inside = 0;
  size_t pos = 0;
  while (pos < len) {
    class_masks m;
    if (len - pos >= 64) {
      classify64(text + pos, &m);
    } else {
      char tail[64] = {0};  /* NUL is no class */
      memcpy(tail, text + pos, len - pos);
      classify64(tail, &m);
    }
    const uint8_t after = pos + 64 < len ? (uint8_t)text[pos + 64] : 0;
    if (m.high || after >= 0x80) {
      size_t p = inside ? start : pos, ws;
      const size_t limit = len - pos > 65 ? pos + 65 : len;
      inside = 0;
      while (p < limit && next_word(text, len, &p, &ws)) {
        if (out->len == out->cap) SC_VEC_RESERVE(out, out->cap ? out->cap : 256, nomem);
        out->items[out->len++] = sc_word_hash(text + ws, p - ws, secret);
      }
      pos = p;  /* just after a word, or the end */
      prev_word = prev_digit = prev_tok = 0;  /* text[pos] is in no word: nothing joins it */
      continue;
    }
    const uint64_t next_word_bit = ascii_word(after), next_digit_bit = is_digit((char)after);
    const uint64_t word_before = (m.word << 1) | prev_word, word_after = (m.word >> 1) | (next_word_bit << 63);
    const uint64_t digit_before = (m.digit << 1) | prev_digit, digit_after = (m.digit >> 1) | (next_digit_bit << 63);
    const uint64_t tok = m.word | (m.apos & word_before & word_after) | (m.sep & digit_before & digit_after);
    const uint64_t tok_before = (tok << 1) | prev_tok;
    SC_VEC_RESERVE(out, 33, nomem);  /* at most 32 words end here */
    out->len = block_words(text, len, pos, tok & ~tok_before, ~tok & tok_before, secret, &start, &inside,
                           out->items, out->len);
    prev_word = m.word >> 63;
    prev_digit = m.digit >> 63;
    prev_tok = tok >> 63;
    pos += 64;
  }
  if (inside) out->items[out->len++] = sc_word_hash(text + start, len - start, secret);
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}
#endif

sc_status sc_word_hashes(const char *text, size_t len, const uint8_t *secret, sc_u64_vec *out) {
#if defined(__SSE2__)
  return word_hashes_blocks(text, len, secret, out);
#else
  size_t pos = 0, start;
  while (next_word(text, len, &pos, &start)) {
    if (out->len == out->cap) SC_VEC_RESERVE(out, out->cap ? out->cap : 256, nomem);
    out->items[out->len++] = sc_word_hash(text + start, pos - start, secret);
  }
  return SC_OK;
nomem:
  return SC_E_NOMEM;
#endif
}

sc_status sc_tokenize(const sc_normtext *t, sc_span_vec *words, sc_sentence_vec *sentences) {
  const char *text = t->text;
  const size_t len = t->len;
  const size_t first_word = words->len;
  size_t pos = 0, start;
  while (next_word(text, len, &pos, &start)) {
    const sc_span w = {(uint32_t)start, (uint32_t)pos};
    SC_VEC_PUSH(words, w, nomem);
  }
  if (!sentences) return SC_OK;

  /* Sentences: group words; boundaries at separators that end a sentence. */
  size_t s_first = first_word;
  for (size_t k = first_word; k < words->len; k++) {
    const int last = k + 1 == words->len;
    if (!last && !ends_sentence(text, len, words->items[k].end, words->items[k + 1].start, words->items[k]))
      continue;
    /* Sentence text runs to the end of the terminal punctuation. */
    uint32_t end = words->items[k].end;
    const uint32_t limit = last ? (uint32_t)len : words->items[k + 1].start;
    while (end < limit && text[end] != ' ' && text[end] != '\n') end++;
    const sc_sentence s = {(uint32_t)(s_first - first_word), (uint32_t)(k + 1 - first_word),
                           words->items[s_first].start, end};
    SC_VEC_PUSH(sentences, s, nomem);
    s_first = k + 1;
  }
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}
