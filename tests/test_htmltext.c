/*
 * test_htmltext.c: reading HTML (htmltext.h): which texts are taken for
 * HTML, the visible text of hand-made pages (tags, comments, raw elements,
 * character references, blocks against inline elements), the offset map
 * into the markup, and normalization through it.
 */
#include "htmltext.h"
#include "sc_test.h"

#define CHECK_VISIBLE(html, want) check_visible_(__LINE__, html, want)

/* The visible text of @p html is @p want, and the map's invariants hold:
 * offsets within the source and never decreasing, the sentinel the source
 * length, and every byte copied as it is (not from a reference or a tag)
 * found at its offset. */
static void check_visible_(int line, const char *html, const char *want) {
  char *text;
  uint32_t *map;
  size_t n;
  const size_t len = strlen(html);
  CHECK_MSG(sc_html_visible(html, len, &text, &map, &n) == SC_OK, "line %d: status", line);
  CHECK_MSG(sc_test_mem_eq_(text, n, want, strlen(want)), "line %d: visible text differs", line);
  if (!sc_test_mem_eq_(text, n, want, strlen(want))) {
    sc_test_dump_("got", text, n);
    sc_test_dump_("want", want, strlen(want));
  }
  CHECK_MSG(map[n] == len, "line %d: sentinel %u, want %zu", line, map[n], len);
  size_t bad = 0;
  for (size_t i = 0; i < n; i++) {
    bad += map[i] >= len || (i && map[i] < map[i - 1]);
    const char at = html[map[i]];
    const int space = at == ' ' || (at >= '\t' && at <= '\r');
    bad += at != '&' && at != '<' && !(space && text[i] == ' ') && at != text[i];  /* copied bytes sit at their offset */
  }
  CHECK_MSG(bad == 0, "line %d: %zu map entries wrong", line, bad);
  sc__free(text);
  sc__free(map);
}

static void test_detection(void) {
  CHECK(sc_looks_like_html("<!DOCTYPE html><html><body>x</body></html>", 42));
  CHECK(sc_looks_like_html("\xEF\xBB\xBF  \n<HTML>", 11));
  CHECK(sc_looks_like_html("<meta charset=utf-8>\n<p>Para", 28));
  CHECK(sc_looks_like_html("<div class=x>text</div>", 23));
  CHECK(!sc_looks_like_html("Use <p> for paragraphs.", 23));       /* mentions a tag, starts with text */
  CHECK(!sc_looks_like_html("<3 the harbour", 14));
  CHECK(!sc_looks_like_html("<note>plain XML</note>", 22));
  CHECK(!sc_looks_like_html("", 0));
  CHECK(!sc_looks_like_html("   ", 3));
}

static void test_visible(void) {
  /* Inline elements vanish without a space; blocks become breaks. */
  CHECK_VISIBLE("wo<b>rd</b> and <a href=\"x\">link</a>", "word and link");
  CHECK_VISIBLE("<p>One.</p><p>Two.</p>", "One.\n\nTwo.\n\n");
  CHECK_VISIBLE("line<br>next<BR/>last", "line\nnext\nlast");
  CHECK_VISIBLE("<h1>Title</h1>Body", "Title\n\nBody");
  CHECK_VISIBLE("<ul><li>a</li><li>b</li></ul>", "a\n\nb\n\n");
  /* Raw elements, comments, declarations. */
  CHECK_VISIBLE("a<script>if (x < 1) { y = \"</p>\"; }</script>b", "ab");
  CHECK_VISIBLE("a<style type=\"text/css\">p > b { }</style>b", "ab");
  CHECK_VISIBLE("a<SCRIPT>x</Script>b<noscript>n</noscript>c<template>t</template>d", "abcd");
  CHECK_VISIBLE("a<!-- <p>hidden</p> -->b<!DOCTYPE html>c<?xml version=\"1.0\"?>d", "abcd");
  CHECK_VISIBLE("a<![CDATA[ x > y ]]>b", "ab");
  CHECK_VISIBLE("a<script src=\"s.js\"/>b", "ab");
  /* Attribute values may hold '>'. */
  CHECK_VISIBLE("<img alt=\"a > b\" src='c>d'>after", "after");
  /* A '<' that opens no tag is text. */
  CHECK_VISIBLE("if a < b and 3<4", "if a < b and 3<4");
  /* Character references. */
  CHECK_VISIBLE("AT&amp;T &lt;tag&gt; &quot;q&quot; &apos;", "AT&T <tag> \"q\" '");
  CHECK_VISIBLE("caf&eacute; &Eacute;t&eacute; na&iuml;ve", "caf\xC3\xA9 \xC3\x89t\xC3\xA9 na\xC3\xAFve");
  CHECK_VISIBLE("a&nbsp;b", "a\xC2\xA0" "b");
  CHECK_VISIBLE("&#233;&#xE9;&#XE9;&#8212;&#x1F600;", "\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80");
  CHECK_VISIBLE("&mdash;&ndash;&ldquo;x&rdquo;&hellip;", "\xE2\x80\x94\xE2\x80\x93\xE2\x80\x9Cx\xE2\x80\x9D\xE2\x80\xA6");
  CHECK_VISIBLE("&#0; &#xD800; &#99999999;", "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
  CHECK_VISIBLE("AT&T, &foo; & &#; &amp", "AT&T, &foo; & &#; &amp");  /* not references: kept */
  /* White space as a browser shows it. */
  CHECK_VISIBLE("  <p>\n  One\n two\t three  </p>\n\n  <p> Four </p>", "One two three\n\nFour\n\n");
  CHECK_VISIBLE("a<br><br>b<div></div><div></div>c", "a\n\nb\n\nc");
  CHECK_VISIBLE("", "");
  CHECK_VISIBLE("<p", "");  /* cut off inside a tag */
}

/* Normalizing through the markup: the words of a page and of the same
 * text written plainly are the same, and each normalized byte's offset
 * points into the page at the markup or the letter that made it. */
static void test_normalize_document(void) {
  static const char page[] = "<html><body><h1>Caf&eacute; News</h1><p>The <b>pier</b> opened.</p></body></html>";
  static const char plain[] = "Caf\xC3\xA9 News\n\nThe pier opened.";
  sc_normtext a, b;
  int html = -1;
  CHECK(sc_normalize_document(page, sizeof page - 1, SC_HTML_AUTO, 1, &a, &html) == SC_OK);
  CHECK_EQ_INT(html, 1);
  CHECK(sc_normalize_document(plain, sizeof plain - 1, SC_HTML_AUTO, 1, &b, &html) == SC_OK);
  CHECK_EQ_INT(html, 0);
  CHECK(sc_test_mem_eq_(a.text, a.len, b.text, b.len));
  CHECK_EQ_INT(a.src[a.len], sizeof page - 1);
  const char *pier = strstr(a.text, "pier");
  CHECK(pier != NULL);
  if (pier) CHECK_EQ_INT(a.src[pier - a.text], (size_t)(strstr(page, "pier") - page));
  const char *e = strstr(a.text, "caf") + 3;  /* é came from "&eacute;" */
  CHECK_EQ_INT(a.src[e - a.text], (size_t)(strstr(page, "&eacute;") - page));
  sc_normtext_free(&a);
  sc_normtext_free(&b);
  /* Forced off, the markup is text; forced on, plain text passes through. */
  CHECK(sc_normalize_document(page, sizeof page - 1, SC_HTML_NEVER, 0, &a, &html) == SC_OK);
  CHECK(html == 0 && strstr(a.text, "<h1>") != NULL && a.src == NULL);
  sc_normtext_free(&a);
  CHECK(sc_normalize_document(plain, sizeof plain - 1, SC_HTML_ALWAYS, 0, &a, &html) == SC_OK);
  CHECK(html == 1 && strcmp(a.text, "caf\xC3\xA9 news the pier opened.") == 0);  /* a blank line is white space in HTML */
  sc_normtext_free(&a);
}

/* Random soup of markup characters: never out of bounds (the suite runs
 * under AddressSanitizer), output no longer than the input, the map's
 * invariants hold. */
static void test_random(void) {
  static const char alphabet[] = "<>&#;/!?-\"' =abpxXrSCRIPTstyle0123456789\n";
  char buf[200];
  size_t bad = 0;
  for (int iter = 0; iter < 20000; iter++) {
    const size_t len = sc_test_below(sizeof buf);
    for (size_t i = 0; i < len; i++) buf[i] = alphabet[sc_test_below(sizeof alphabet - 1)];
    char *text;
    uint32_t *map;
    size_t n;
    if (sc_html_visible(buf, len, &text, &map, &n) != SC_OK) {
      bad++;
      continue;
    }
    bad += n > len || map[n] != len || text[n] != '\0';
    for (size_t i = 0; i < n; i++) bad += map[i] >= len || (i && map[i] < map[i - 1]);
    sc__free(text);
    sc__free(map);
  }
  CHECK_MSG(bad == 0, "%zu invariant failures on random markup", bad);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 7);
  test_detection();
  test_visible();
  test_normalize_document();
  test_random();
  return sc_test_done("test_htmltext");
}
