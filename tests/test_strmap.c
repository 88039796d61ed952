/*
 * test_strmap.c: string interning against a brute-force list: dense ids in
 * insertion order, lookups, keys with any bytes, growth, and the "map
 * unchanged" promise when an allocation fails; sorting into key order.
 */
#include "sc_test.h"
#include "strmap.h"

enum { N = 20000 };

static size_t make_key(size_t i, char *buf) {
  /* Varied lengths, shared prefixes, embedded NULs and high bytes. */
  const size_t len = (size_t)snprintf(buf, 64, "k%zu", i * 2654435761u % 1000003u);
  if (i % 5 == 0) {
    buf[len] = '\0';
    buf[len + 1] = (char)0xE9;
    return len + 2;
  }
  return len;
}

static void test_against_list(void) {
  sc_strmap m = {0};
  uint32_t id;
  CHECK(!sc_strmap_find(&m, "x", 1, &id));  /* empty map */
  char (*keys)[64] = malloc(N * sizeof *keys);
  size_t *lens = malloc(N * sizeof *lens);
  size_t distinct = 0;
  for (size_t i = 0; i < N; i++) {
    char k[64];
    const size_t len = make_key(sc_test_below(N / 2) * 7919, k);
    /* Brute force: linear search of what was interned so far. */
    size_t want = distinct;
    for (size_t j = 0; j < distinct && want == distinct; j++)
      if (lens[j] == len && memcmp(keys[j], k, len) == 0) want = j;
    int added = -1;
    CHECK(sc_strmap_intern(&m, k, len, &id, &added) == SC_OK);
    CHECK_MSG(id == want, "key %zu: id %u, want %zu", i, id, want);
    CHECK_MSG(added == (want == distinct), "key %zu: added %d", i, added);
    if (want == distinct) {
      memcpy(keys[distinct], k, len);
      lens[distinct++] = len;
    }
  }
  CHECK_EQ_INT(m.n, distinct);
  CHECK(distinct > 1000);
  for (size_t j = 0; j < distinct; j++) {
    size_t len = 0;
    const char *k = sc_strmap_key(&m, (uint32_t)j, &len);
    CHECK_MSG(len == lens[j] && memcmp(k, keys[j], len) == 0 && k[len] == '\0', "id %zu", j);
    CHECK(sc_strmap_find(&m, keys[j], lens[j], &id) && id == j);
  }
  /* Absent keys: prefixes and extensions of present ones. */
  CHECK(!sc_strmap_find(&m, keys[0], lens[0] - 1, &id));
  char longer[80];
  memcpy(longer, keys[0], lens[0]);
  longer[lens[0]] = 'z';
  CHECK(!sc_strmap_find(&m, longer, lens[0] + 1, &id));
  /* The empty key is a key like any other. */
  CHECK(sc_strmap_intern(&m, "", 0, &id, NULL) == SC_OK);
  CHECK_EQ_INT(id, distinct);
  uint32_t id2;
  CHECK(sc_strmap_find(&m, "", 0, &id2) && id2 == id);
  sc_strmap_free(&m);
  CHECK(m.n == 0 && m.slots == NULL);
  sc_strmap_free(&m);  /* twice is harmless */
  free(keys);
  free(lens);
}

static void test_oom(void) {
  /* A failed intern leaves the map as it was; the next one succeeds. */
  sc_strmap m = {0};
  size_t failures = 0;
  for (size_t i = 0; i < 3000; i++) {
    char k[64];
    const size_t len = make_key(i, k);
    const size_t before = m.n;
    uint32_t id;
    sc__alloc_fail_after(1 + i % 3);
    const sc_status st = sc_strmap_intern(&m, k, len, &id, NULL);
    sc__alloc_fail_after(0);
    if (st != SC_OK) {
      failures++;
      CHECK_MSG(st == SC_E_NOMEM, "status %d", (int)st);
      CHECK_MSG(m.n == before, "key %zu: map grew on failure", i);
      CHECK(!sc_strmap_find(&m, k, len, &id));
      CHECK(sc_strmap_intern(&m, k, len, &id, NULL) == SC_OK);
    }
    CHECK_MSG(id == before, "key %zu: id %u", i, id);
  }
  CHECK(failures > 0);  /* growth points were hit */
  for (size_t i = 0; i < 3000; i++) {
    char k[64];
    const size_t len = make_key(i, k);
    uint32_t id;
    CHECK_MSG(sc_strmap_find(&m, k, len, &id) && id == i, "key %zu lost", i);
  }
  sc_strmap_free(&m);
}

/* Byte order, a prefix before its extensions (NUL and high bytes are bytes
 * like any other), brute force over the pairs. */
static int key_before(const char *a, size_t la, const char *b, size_t lb) {
  const int c = memcmp(a, b, la < lb ? la : lb);
  return c < 0 || (c == 0 && la < lb);
}

static void test_sort(void) {
  sc_strmap m = {0};
  char (*keys)[64] = malloc(3000 * sizeof *keys);
  size_t lens[3000];
  uint32_t id;
  for (size_t i = 0; i < 3000; i++) {
    lens[i] = make_key(i, keys[i]);
    CHECK(sc_strmap_intern(&m, keys[i], lens[i], &id, NULL) == SC_OK && id == i);
  }
  CHECK(sc_strmap_intern(&m, "", 0, &id, NULL) == SC_OK);  /* sorts first */
  CHECK(sc_strmap_intern(&m, "k1", 2, &id, NULL) == SC_OK);
  CHECK(sc_strmap_intern(&m, "k1\xe9", 3, &id, NULL) == SC_OK);
  const size_t n = m.n;
  uint32_t *map = malloc(n * sizeof *map);
  /* A failed sort leaves the ids as they were. */
  sc__alloc_fail_after(2);
  CHECK(sc_strmap_sort(&m, map) == SC_E_NOMEM);
  sc__alloc_fail_after(0);
  CHECK(m.n == n && sc_strmap_find(&m, keys[7], lens[7], &id) && id == 7);
  CHECK(sc_strmap_sort(&m, map) == SC_OK);
  CHECK_EQ_INT(m.n, n);
  CHECK(sc_strmap_find(&m, "", 0, &id) && id == 0);
  size_t bad = 0;
  for (size_t i = 0; i < 3000; i++) {
    /* The new id is the number of keys before it. */
    size_t before = 0;
    for (size_t j = 0; j < 3000; j++) before += key_before(keys[j], lens[j], keys[i], lens[i]);
    before += 1 + key_before("k1", 2, keys[i], lens[i]) + key_before("k1\xe9", 3, keys[i], lens[i]);
    bad += map[i] != before || !sc_strmap_find(&m, keys[i], lens[i], &id) || id != map[i];
  }
  CHECK_MSG(bad == 0, "%zu of 3000 keys misplaced", bad);
  for (uint32_t k = 1; k < n; k++) {
    size_t la, lb;
    const char *a = sc_strmap_key(&m, k - 1, &la), *b = sc_strmap_key(&m, k, &lb);
    CHECK_MSG(key_before(a, la, b, lb), "ids %u and %u out of order", k - 1, k);
  }
  /* Interning goes on after the sorted ids. */
  CHECK(sc_strmap_intern(&m, "new", 3, &id, NULL) == SC_OK && id == n);
  sc_strmap_free(&m);
  free(map);
  free(keys);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 5);
  test_against_list();
  test_oom();
  test_sort();
  return sc_test_done("test_strmap");
}
