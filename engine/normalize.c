/*
 * normalize.c: NFKC + case folding through utf8proc, with an offset map.
 *
 * utf8proc normalizes whole strings and forgets where each output character
 * came from; we need byte offsets into the original for passages and
 * sentences. So we decompose one code point at a time (compatibility
 * decomposition + case fold + drop ignorables) and compose each "starter
 * group" (a starter and the combining marks that follow it) on its own; every
 * output byte of a group maps to the source offset of the group's first code
 * point. Composition across groups only happens for conjoining Hangul jamo,
 * which real text carries precomposed.
 *
 * ASCII bytes followed by ASCII take a fast path (lower-case, fold
 * whitespace) without touching utf8proc: that is most English text.
 */
#include "normalize.h"

#include <string.h>
#include <utf8proc.h>

enum { GROUP_MAX = 64 };  /* code points in one starter group; longer runs of
                             combining marks (Zalgo text) are split        */

typedef struct writer {
  sc_normtext *t;
  size_t cap;
  int want_src;           /* keep the offset map (t->src)                 */
  int pending_space;      /* 0 none, 1 ' ', 2 '\n', 3 "\n\n"              */
  uint32_t space_src;     /* source offset of the pending whitespace run  */
} writer;

static int reserve(writer *w, size_t extra) {
  if (w->t->len + extra + 1 <= w->cap) return 1;
  size_t cap = w->cap * 2;
  while (cap < w->t->len + extra + 1) cap *= 2;
  char *text = sc__realloc(w->t->text, cap);
  if (!text) return 0;
  w->t->text = text;
  if (w->want_src) {
    uint32_t *src = sc__reallocarray(w->t->src, cap, sizeof(uint32_t));
    if (!src) return 0;
    w->t->src = src;
  }
  w->cap = cap;
  return 1;
}

static void put_byte(writer *w, char c, uint32_t src) {
  w->t->text[w->t->len] = c;
  if (w->want_src) w->t->src[w->t->len] = src;
  w->t->len++;
}

/* Whitespace is not written at once: a run collapses into one separator
 * whose kind depends on the line breaks it held. */
static void note_space(writer *w, int kind, uint32_t src) {
  if (w->pending_space == 0) w->space_src = src;
  if (kind == 2 && w->pending_space >= 2) kind = 3;  /* second line break */
  if (kind > w->pending_space) w->pending_space = kind;
}

static int flush_space(writer *w) {
  if (w->pending_space == 0) return 1;
  const int kind = w->pending_space;
  w->pending_space = 0;
  if (w->t->len == 0) return 1;  /* no leading whitespace */
  if (!reserve(w, 2)) return 0;
  if (kind == 1) {
    put_byte(w, ' ', w->space_src);
  } else {
    put_byte(w, '\n', w->space_src);
    if (kind == 3) put_byte(w, '\n', w->space_src);
  }
  return 1;
}

/* Folds typographic variants that NFKC keeps apart. Returns the code point
 * to emit, -1 for whitespace of kind *space, or -2 to drop. */
static int32_t fold_cp(int32_t cp, int *space) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x0060: case 0x00B4: case 0xFF07:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
    case 0x00BB: case 0x2033: case 0x301D: case 0x301E: case 0xFF02:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    case '\n': case 0x2028: case 0x2029: case 0x0085: case '\v': case '\f':
      *space = 2;
      return -1;
    default:
      break;
  }
  if (cp == '\r') {  /* a lone CR is a line break; CRLF is skipped at the CR */
    *space = 2;
    return -1;
  }
  const utf8proc_category_t cat = utf8proc_category(cp);
  if (cp == ' ' || cp == '\t' || cat == UTF8PROC_CATEGORY_ZS) {
    *space = 1;
    return -1;
  }
  if (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF) return -2;
  return cp;
}

static int emit_cp(writer *w, int32_t cp, uint32_t src) {
  int space = 0;
  const int32_t f = fold_cp(cp, &space);
  if (f == -2) return 1;
  if (f == -1) {
    note_space(w, space, src);
    return 1;
  }
  if (!flush_space(w) || !reserve(w, 4)) return 0;
  uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(f, buf);
  for (utf8proc_ssize_t i = 0; i < n; i++) put_byte(w, (char)buf[i], src);
  return 1;
}

typedef struct group {
  utf8proc_int32_t cp[GROUP_MAX];
  size_t n;
  uint32_t src;           /* source offset of the group's first code point */
} group;

static int flush_group(writer *w, group *g) {
  if (g->n == 0) return 1;
  utf8proc_ssize_t n = (utf8proc_ssize_t)g->n;
  if (n > 1) {
    n = utf8proc_normalize_utf32(g->cp, n, (utf8proc_option_t)(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
    if (n < 0) n = (utf8proc_ssize_t)g->n;  /* cannot fail on valid input */
  }
  for (utf8proc_ssize_t i = 0; i < n; i++)
    if (!emit_cp(w, g->cp[i], g->src)) return 0;
  g->n = 0;
  return 1;
}

static const utf8proc_option_t decompose_opts =
    (utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                        UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);

/* Decomposes one code point into the group, starting a new group at each
 * starter. */
static int push_cp(writer *w, group *g, int32_t cp, uint32_t src) {
  utf8proc_int32_t d[GROUP_MAX];
  int boundclass = UTF8PROC_BOUNDCLASS_START;
  utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, GROUP_MAX, decompose_opts, &boundclass);
  if (n < 0 || n > GROUP_MAX) {  /* cannot happen for valid code points */
    d[0] = 0xFFFD;
    n = 1;
  }
  for (utf8proc_ssize_t i = 0; i < n; i++) {
    /* Conjoining Hangul vowel and trailing jamo (U+1161-U+1175,
     * U+11A8-U+11C2) compose with the syllable before them although their
     * combining class is 0, so they stay in its group. */
    const int hangul_vt = (d[i] >= 0x1161 && d[i] <= 0x1175) || (d[i] >= 0x11A8 && d[i] <= 0x11C2);
    const int starter = utf8proc_get_property(d[i])->combining_class == 0 && !hangul_vt;
    if ((starter && g->n > 0) || g->n == GROUP_MAX) {
      if (!flush_group(w, g)) return 0;
    }
    if (g->n == 0) g->src = src;
    g->cp[g->n++] = d[i];
  }
  return 1;
}

/* Length of the maximal subpart of an ill-formed sequence at @p u (Unicode
 * 3.9, "best practice for U+FFFD substitution"): the longest prefix that
 * could start a well-formed sequence, at least one byte. Replacing that
 * prefix with one U+FFFD makes a truncated character one replacement. */
static size_t maximal_subpart(const uint8_t *u, size_t n) {
  const uint8_t b = u[0];
  size_t need;
  uint8_t lo = 0x80, hi = 0xBF;  /* allowed range of the second byte */
  if (b >= 0xC2 && b <= 0xDF) need = 2;
  else if (b >= 0xE0 && b <= 0xEF) {
    need = 3;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 4;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  size_t k = 1;
  while (k < need && k < n) {
    const uint8_t c = u[k];
    const int ok = k == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
    if (!ok) break;
    k++;
  }
  return k;
}

static inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

/* The ASCII fast path's map: 0 = needs the general path (line breaks, CR,
 * controls, backquote), 1 = space or tab, otherwise the byte to write
 * (letters lower-cased). */
static const uint8_t ascii_map[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
    48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
    64, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 91, 92, 93, 94, 95,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 0,
};

#if defined(__SSE2__)
#include <emmintrin.h>

/* Bytes at u[0..16) copy through as they are, lower-cased, when each is
 * printable and not a space, or is a space followed by such a byte (a
 * single space between two words, which normalization keeps): nothing to
 * fold, drop or collapse. Stores all 16 bytes, lower-cased, at out and
 * @return how many leading ones qualify (16: the whole block); the caller
 * keeps that many. u[16] must be readable and out must have room for 16.
 * The caller knows there is no pending whitespace and that a space at u[0]
 * is not leading. Most 16-byte blocks of English prose qualify whole. */
static inline unsigned ascii_block16(const uint8_t *u, char *out) {
  const __m128i b = _mm_loadu_si128((const __m128i *)(const void *)u);
  const __m128i next = _mm_loadu_si128((const __m128i *)(const void *)(u + 1));
  const __m128i lo = _mm_set1_epi8(0x20), hi = _mm_set1_epi8(0x7F), grave = _mm_set1_epi8('`');
  /* Bytes are ASCII (< 0x80): signed compares are safe. */
  const __m128i print_b = _mm_andnot_si128(_mm_cmpeq_epi8(b, grave),
                                           _mm_and_si128(_mm_cmpgt_epi8(b, lo), _mm_cmplt_epi8(b, hi)));
  const __m128i print_n = _mm_andnot_si128(_mm_cmpeq_epi8(next, grave),
                                           _mm_and_si128(_mm_cmpgt_epi8(next, lo), _mm_cmplt_epi8(next, hi)));
  const __m128i ok = _mm_or_si128(print_b, _mm_and_si128(_mm_cmpeq_epi8(b, lo), print_n));
  const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(b, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(b, _mm_set1_epi8('Z' + 1)));
  _mm_storeu_si128((__m128i *)(void *)out, _mm_add_epi8(b, _mm_and_si128(upper, lo)));
  const unsigned bad = ~(unsigned)_mm_movemask_epi8(ok) & 0xFFFFu;
  return bad ? (unsigned)__builtin_ctz(bad) : 16;
}
#endif

/* Copies the ASCII bytes [i, end) that need no Unicode processing, folding
 * spaces and tabs into the pending separator. State lives in locals so the
 * loop stays in registers. @return where it stopped. */
static inline size_t ascii_run_impl(writer *w, const uint8_t *u, size_t i, size_t end, const int want_src) {
  char *const text = w->t->text;
  uint32_t *const src = w->t->src;
  size_t n = w->t->len;
  int pending = w->pending_space;
  uint32_t space_src = w->space_src;
  for (; i < end; i++) {
#if defined(__SSE2__)
    /* Without the offset map, the bytes that need no folding go through 16
     * at a time as one store (the byte loop below gives the same bytes);
     * the first that does takes the byte loop. */
    if (!want_src && !pending && end - i > 16 && (n || u[i] != ' ')) {
      /* After a whole block the other conditions still hold (nothing is
       * pending, n > 0), so whole blocks follow in a tight loop: the
       * checks per block were a fifth of normalization's instructions. */
      unsigned plain;
      do {
        plain = ascii_block16(u + i, text + n);
        n += plain;
        i += plain;  /* u[i] (if plain < 16) is the byte that needs the loop below */
      } while (plain == 16 && end - i > 16);
      if (plain == 16) {
        i--;
        continue;
      }
    }
#endif
    const uint8_t m = ascii_map[u[i]];
    if (m > 1) {
      if (pending) {
        if (n) {  /* flush_space, inline */
          text[n] = pending == 1 ? ' ' : '\n';
          if (want_src) src[n] = space_src;
          n++;
          if (pending == 3) {
            text[n] = '\n';
            if (want_src) src[n] = space_src;
            n++;
          }
        }
        pending = 0;
      }
      text[n] = (char)m;
      if (want_src) src[n] = (uint32_t)i;
      n++;
      continue;
    }
    if (m == 0) break;
    if (!pending) {
      space_src = (uint32_t)i;
      pending = 1;
    }
  }
  w->t->len = n;
  w->pending_space = pending;
  w->space_src = space_src;
  return i;
}

static size_t ascii_run(writer *w, const uint8_t *u, size_t i, size_t end) {
  return w->want_src ? ascii_run_impl(w, u, i, end, 1) : ascii_run_impl(w, u, i, end, 0);
}

/* End of the run of ASCII bytes that starts at @p i: sixteen bytes at a
 * time where SSE2 is (one movemask of the high bits; eight at a time was
 * 3% of a 10^4-document cluster run), then eight: a word with no high bit
 * set is all ASCII. */
static size_t ascii_run_end(const uint8_t *u, size_t i, size_t len) {
#if defined(__SSE2__)
  while (len - i >= 16) {
    const unsigned high = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(u + i)));
    if (high) return i + (size_t)__builtin_ctz(high);
    i += 16;
  }
#endif
  while (len - i >= 8) {
    uint64_t x;
    memcpy(&x, u + i, 8);
    if (x & 0x8080808080808080ull) break;
    i += 8;
  }
  while (i < len && u[i] < 0x80) i++;
  return i;
}

/* With @p reuse, out->text (out->cap bytes) is kept if it has room. */
static sc_status normalize(const char *s, size_t len, int want_src, int reuse, sc_normtext *out) {
  if (!reuse) memset(out, 0, sizeof(*out));
  if (len >= UINT32_MAX) {
    sc_normtext_free(out);
    return SC_E_TOO_LARGE;
  }
  char *keep = NULL;
  size_t keep_cap = 0;
  if (reuse && out->text && out->cap >= len + 16 && !want_src) {
    keep = out->text;
    keep_cap = out->cap;
  } else if (reuse) {
    sc_normtext_free(out);
  }
  memset(out, 0, sizeof(*out));
  writer w = {.t = out, .cap = keep ? keep_cap : len + 16, .want_src = want_src};
  out->text = keep ? keep : sc__malloc(w.cap);
  if (want_src) out->src = sc__mallocarray(w.cap, sizeof(uint32_t));
  group g = {.n = 0};
  if (!out->text || (want_src && !out->src)) goto nomem;

  const uint8_t *u = (const uint8_t *)s;
  size_t i = 0;
  size_t run_end = 0;  /* end of the current ASCII run, found once per run */
  while (i < len) {
    const uint8_t b = u[i];
    if (b < 0x80) {
      /* A run of ASCII bytes; its last byte goes the general way when a
       * non-ASCII byte follows (it may take a combining mark). Output of
       * the fast part is at most its length plus two separator bytes. */
      if (run_end <= i) run_end = ascii_run_end(u, i, len);
      const size_t end = run_end < len ? run_end - 1 : run_end;
      if (end > i) {
        if (g.n && !flush_group(&w, &g)) goto nomem;
        if (!reserve(&w, end - i + 2)) goto nomem;
        const size_t stop = ascii_run(&w, u, i, end);
        if (stop > i) {
          i = stop;
          continue;
        }
      }
      if (b == '\r' && i + 1 < len && u[i + 1] == '\n') {  /* CRLF: one line break */
        i++;
        continue;
      }
      if (i + 1 == len || u[i + 1] < 0x80) {  /* no combining mark can follow */
        if (g.n && !flush_group(&w, &g)) goto nomem;
        if (!emit_cp(&w, b, (uint32_t)i)) goto nomem;
        i++;
        continue;
      }
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n < 0) {  /* invalid sequence: one U+FFFD for its maximal subpart */
      cp = 0xFFFD;
      n = (utf8proc_ssize_t)maximal_subpart(u + i, len - i);
      out->invalid++;
    }
    if (!push_cp(&w, &g, cp, (uint32_t)i)) goto nomem;
    i += (size_t)n;
  }
  if (!flush_group(&w, &g)) goto nomem;
  w.pending_space = 0;  /* drop trailing whitespace */
  out->cap = w.cap;
  out->text[out->len] = '\0';
  if (want_src) out->src[out->len] = (uint32_t)len;
  return SC_OK;
nomem:
  sc_normtext_free(out);
  return SC_E_NOMEM;
}

sc_status sc_normalize(const char *s, size_t len, sc_normtext *out) { return normalize(s, len, 1, 0, out); }

sc_status sc_normalize_text(const char *s, size_t len, sc_normtext *out) { return normalize(s, len, 0, 0, out); }

sc_status sc_normalize_text_reuse(const char *s, size_t len, sc_normtext *out) {
  return normalize(s, len, 0, 1, out);
}

void sc_normtext_free(sc_normtext *t) {
  if (!t) return;
  sc__free(t->text);
  sc__free(t->src);
  memset(t, 0, sizeof(*t));
}

size_t sc_src_end(const sc_normtext *t, const char *original, size_t i) {
  const size_t next = t->src[i];
  if (i == 0) return next;
  /* The character's own bytes are never '<' or ASCII whitespace (those
   * are characters of their own, kept or folded): the first such byte
   * after its start is where markup or dropped whitespace begins. */
  size_t end = t->src[i - 1] + 1;
  while (end < next && original[end] != '<' && !(original[end] == ' ' || (original[end] >= '\t' && original[end] <= '\r')))
    end++;
  return end;
}
