/*
 * htmltext.c: the visible text of HTML (see htmltext.h).
 */
#include "htmltext.h"

#include <stdlib.h>
#include <string.h>

/* ASCII lower case, for tag and entity names. */
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

/* Does s[0, len) start with @p word (lower case), in any case? */
static int starts_with_ci(const char *s, size_t len, const char *word) {
  const size_t n = strlen(word);
  if (len < n) return 0;
  for (size_t i = 0; i < n; i++)
    if (lower(s[i]) != word[i]) return 0;
  return 1;
}

int sc_looks_like_html(const char *s, size_t len) {
  size_t i = 0;
  if (len >= 3 && (uint8_t)s[0] == 0xEF && (uint8_t)s[1] == 0xBB && (uint8_t)s[2] == 0xBF) i = 3;
  while (i < len && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) i++;
  if (i >= len || s[i] != '<') return 0;
  static const char *const marks[] = {"<html", "<body", "<head", "<!doctype html", "<p>", "<p ", "<div", "<br"};
  const size_t end = len - i > 4096 ? i + 4096 : len;
  for (size_t k = i; k < end; k++) {
    if (s[k] != '<') continue;
    for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
      if (starts_with_ci(s + k, end - k, marks[m])) return 1;
  }
  return 0;
}

/* Output under construction: bytes and, per byte, its source offset. */
typedef struct visible {
  char *text;
  uint32_t *map;
  size_t len;
} visible;

static void put(visible *v, const char *bytes, size_t n, size_t src) {
  memcpy(v->text + v->len, bytes, n);
  for (size_t i = 0; i < n; i++) v->map[v->len + i] = (uint32_t)src;
  v->len += n;
}

/* Writes code point @p cp as UTF-8 into @p buf; @return its length. */
static size_t utf8_encode(uint32_t cp, char buf[4]) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    buf[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    buf[0] = (char)(0xC0 | cp >> 6);
    buf[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    buf[0] = (char)(0xE0 | cp >> 12);
    buf[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    buf[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  buf[0] = (char)(0xF0 | cp >> 18);
  buf[1] = (char)(0x80 | (cp >> 12 & 0x3F));
  buf[2] = (char)(0x80 | (cp >> 6 & 0x3F));
  buf[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* The Latin-1 entities name U+00A0..U+00FF in code point order. */
static const char *const latin1[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

static const struct {
  const char *name;
  uint32_t cp;
} other_entities[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"hellip", 0x2026}, {"bull", 0x2022},
    {"trade", 0x2122},  {"euro", 0x20AC},   {"dagger", 0x2020}, {"Dagger", 0x2021}, {"permil", 0x2030},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"thinsp", 0x2009}, {"ensp", 0x2002},   {"emsp", 0x2003},
    {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},    {"OElig", 0x152},
    {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},  {"Yuml", 0x178},    {"fnof", 0x192},
    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"minus", 0x2212},  {"prime", 0x2032},  {"Prime", 0x2033}};

/* Code point of the named entity s[0, n) (case matters: "Eacute" is not
 * "eacute"), or 0. */
static uint32_t named_entity(const char *s, size_t n) {
  for (size_t i = 0; i < 96; i++)
    if (strlen(latin1[i]) == n && memcmp(latin1[i], s, n) == 0) return 0xA0 + (uint32_t)i;
  for (size_t i = 0; i < sizeof other_entities / sizeof *other_entities; i++)
    if (strlen(other_entities[i].name) == n && memcmp(other_entities[i].name, s, n) == 0) return other_entities[i].cp;
  return 0;
}

/* A character reference at s[i] ('&'): its code point and length, or 0 if
 * it is not one (a literal '&'). */
static size_t char_ref(const char *s, size_t len, size_t i, uint32_t *cp) {
  size_t j = i + 1;
  if (j < len && s[j] == '#') {
    const int hex = j + 1 < len && lower(s[j + 1]) == 'x';
    j += hex ? 2 : 1;
    uint32_t v = 0;
    const size_t first = j;
    for (; j < len && j - first < 8; j++) {
      const char c = lower(s[j]);
      if (c >= '0' && c <= '9') v = v * (hex ? 16 : 10) + (uint32_t)(c - '0');
      else if (hex && c >= 'a' && c <= 'f') v = v * 16 + (uint32_t)(c - 'a' + 10);
      else break;
    }
    if (j == first) return 0;
    *cp = v;
    return (j < len && s[j] == ';' ? j + 1 : j) - i;
  }
  while (j < len && j - i <= 8 && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9')))
    j++;
  if (j >= len || s[j] != ';') return 0;  /* named references need their ';' here */
  *cp = named_entity(s + i + 1, j - i - 1);
  return *cp ? j + 1 - i : 0;
}

/* Elements that start a new block of text: a line break in their place. */
static int is_block(const char *name, size_t n) {
  static const char *const blocks[] = {
      "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
      "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
      "ol", "p", "pre", "section", "table", "td", "th", "title", "tr", "ul"};
  for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++)
    if (strlen(blocks[i]) == n && memcmp(blocks[i], name, n) == 0) return 1;
  return 0;
}

/* Elements whose content is not text to read. */
static int is_raw(const char *name, size_t n) {
  return (n == 6 && (memcmp(name, "script", 6) == 0)) || (n == 5 && memcmp(name, "style", 5) == 0) ||
         (n == 8 && (memcmp(name, "template", 8) == 0 || memcmp(name, "noscript", 8) == 0));
}

/* End of the tag starting at s[i] ('<'): the offset after its '>' (quoted
 * attribute values may hold '>'), or len. */
static size_t tag_end(const char *s, size_t len, size_t i) {
  char quote = 0;
  for (size_t j = i + 1; j < len; j++) {
    if (quote) {
      if (s[j] == quote) quote = 0;
    } else if (s[j] == '"' || s[j] == '\'') {
      quote = s[j];
    } else if (s[j] == '>') {
      return j + 1;
    }
  }
  return len;
}

/* Offset of the end tag "</name" at or after @p from, case-insensitive, or
 * len. */
static size_t find_end_tag(const char *s, size_t len, size_t from, const char *name, size_t n) {
  for (size_t j = from; j + 2 + n <= len; j++) {
    if (s[j] != '<' || s[j + 1] != '/') continue;
    size_t k = 0;
    while (k < n && lower(s[j + 2 + k]) == name[k]) k++;
    if (k == n) return j;
  }
  return len;
}

/* Skips a comment, declaration, processing instruction or CDATA section
 * at s[i] ('<' followed by '!' or '?'); @return the offset after it. */
static size_t skip_special(const char *s, size_t len, size_t i) {
  const char *close = NULL;
  if (starts_with_ci(s + i, len - i, "<!--")) close = "-->";
  else if (starts_with_ci(s + i, len - i, "<![cdata[")) close = "]]>";
  if (!close) return tag_end(s, len, i);
  const size_t n = strlen(close);
  for (size_t j = i + 4; j + n <= len; j++)
    if (memcmp(s + j, close, n) == 0) return j + n;
  return len;
}

sc_status sc_html_visible(const char *s, size_t len, char **out, uint32_t **map, size_t *out_len) {
  *out = NULL;
  *map = NULL;
  *out_len = 0;
  SC_CHECK(len > SC_DOC_MAX_BYTES, SC_E_TOO_LARGE);
  /* Output never outgrows the input: a reference is at least as long as
   * its UTF-8 ("&#1;" 4 bytes, U+0001 1), a tag at least as long as the
   * line break written for it. */
  visible v = {sc__malloc(len + 1), sc__mallocarray(len + 1, sizeof(uint32_t)), 0};
  if (!v.text || !v.map) {
    sc__free(v.text);
    sc__free(v.map);
    return SC_E_NOMEM;
  }
  size_t i = 0;
  while (i < len) {
    const char c = s[i];
    if (c == '&') {
      uint32_t cp;
      const size_t n = char_ref(s, len, i, &cp);
      if (n) {
        char buf[4];
        put(&v, buf, utf8_encode(cp, buf), i);
        i += n;
        continue;
      }
    } else if (c == '<' && i + 1 < len) {
      const char d = s[i + 1];
      if (d == '!' || d == '?') {
        i = skip_special(s, len, i);
        continue;
      }
      const int closing = d == '/';
      size_t k = i + 1 + (size_t)closing, name_len = 0;
      char name[16];
      while (k < len && name_len < sizeof name &&
             ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9')))
        name[name_len++] = lower(s[k++]);
      const int letter_first = name_len > 0 && !(name[0] >= '0' && name[0] <= '9');
      if (letter_first) {  /* a tag; '<' before anything else is text ("a < b") */
        const size_t end = tag_end(s, len, i);
        if (is_block(name, name_len)) {
          const int br = name_len == 2 && memcmp(name, "br", 2) == 0;
          while (v.len && v.text[v.len - 1] == ' ') v.len--;
          const int breaks = v.len == 0 ? 0 : v.text[v.len - 1] != '\n' ? 2 : v.len > 1 && v.text[v.len - 2] != '\n';
          if (breaks) put(&v, "\n\n", br ? 1 : (size_t)breaks, i);
        }
        i = end;
        if (!closing && is_raw(name, name_len) && s[end - 1] == '>' && !(end >= 2 && s[end - 2] == '/')) {
          const size_t close = find_end_tag(s, len, end, name, name_len);
          i = close < len ? tag_end(s, len, close) : len;
        }
        continue;
      }
    }
    if (c == ' ' || (c >= '\t' && c <= '\r')) {  /* white space collapses, as a browser shows it */
      if (v.len && v.text[v.len - 1] != ' ' && v.text[v.len - 1] != '\n') put(&v, " ", 1, i);
      i++;
      continue;
    }
    put(&v, &s[i], 1, i);
    i++;
  }
  v.text[v.len] = '\0';
  v.map[v.len] = (uint32_t)len;
  *out = v.text;
  *map = v.map;
  *out_len = v.len;
  return SC_OK;
}

/* How a document is normalized: with the offset map, without it, or
 * without it into the output's kept buffer (normalize.h). */
typedef enum { WITH_MAP, TEXT_ONLY, TEXT_REUSE } norm_kind;

static sc_status normalize_as(norm_kind kind, const char *s, size_t len, sc_normtext *out) {
  switch (kind) {
    case WITH_MAP: return sc_normalize(s, len, out);
    case TEXT_ONLY: return sc_normalize_text(s, len, out);
    default: return sc_normalize_text_reuse(s, len, out);
  }
}

/* Normalizes @p s, through its visible text when @p mode reads it as HTML,
 * with the offset map composed back into the markup. */
static sc_status normalize_document(const char *s, size_t len, sc_html_mode mode, norm_kind kind, sc_normtext *out,
                                    int *was_html) {
  const int html = mode == SC_HTML_ALWAYS || (mode == SC_HTML_AUTO && sc_looks_like_html(s, len));
  if (was_html) *was_html = html;
  if (!html) return normalize_as(kind, s, len, out);
  char *text;
  uint32_t *map;
  size_t n;
  sc_status st = sc_html_visible(s, len, &text, &map, &n);
  if (st != SC_OK) {
    if (kind == TEXT_REUSE) sc_normtext_free(out);  /* as sc_normalize_text_reuse does on failure */
    return st;
  }
  st = normalize_as(kind, text, n, out);
  if (st == SC_OK && out->src)  /* offsets into the visible text -> into the markup */
    for (size_t i = 0; i <= out->len; i++) out->src[i] = map[out->src[i]];
  sc__free(text);
  sc__free(map);
  return st;
}

sc_status sc_normalize_document_reuse(const char *s, size_t len, sc_html_mode mode, sc_normtext *out) {
  return normalize_document(s, len, mode, TEXT_REUSE, out, NULL);
}

sc_status sc_normalize_document(const char *s, size_t len, sc_html_mode mode, int with_map, sc_normtext *out,
                                int *was_html) {
  return normalize_document(s, len, mode, with_map ? WITH_MAP : TEXT_ONLY, out, was_html);
}
