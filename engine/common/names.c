/*
 * names.c: the text tables behind sc_status, sc_verdict and sc_metric,
 * generated from the X-macros in simcheck.h so that enum and strings cannot
 * drift apart.
 */
#include <string.h>

#include "sc_internal.h"

const char *sc_strerror(sc_status s) {
  switch (s) {
#define SC_STATUS_CASE_(name, value, text) case SC_##name: return text;
    SC_STATUS_MAP(SC_STATUS_CASE_)
#undef SC_STATUS_CASE_
  }
  return "unknown status";
}

unsigned sc_version_number(void) { return SC_VERSION_NUMBER; }

const char *sc_verdict_name(sc_verdict v) {
  switch (v) {
#define SC_VERDICT_CASE_(name, value, text) case SC_VERDICT_##name: return text;
    SC_VERDICT_MAP(SC_VERDICT_CASE_)
#undef SC_VERDICT_CASE_
  }
  return "unknown";
}

static const char *const metric_names[SC_METRIC_COUNT] = {
#define SC_METRIC_NAME_(name, text, help) text,
    SC_METRIC_MAP(SC_METRIC_NAME_)
#undef SC_METRIC_NAME_
};

static const char *const metric_helps[SC_METRIC_COUNT] = {
#define SC_METRIC_HELP_(name, text, help) help,
    SC_METRIC_MAP(SC_METRIC_HELP_)
#undef SC_METRIC_HELP_
};

const char *sc_metric_name(sc_metric m) {
  return (unsigned)m < SC_METRIC_COUNT ? metric_names[m] : "unknown";
}

const char *sc_metric_help(sc_metric m) {
  return (unsigned)m < SC_METRIC_COUNT ? metric_helps[m] : "unknown";
}

sc_status sc_metric_from_name(const char *name, sc_metric *out) {
  SC_CHECK(!name || !out, SC_E_INVALID_ARG);
  for (unsigned m = 0; m < SC_METRIC_COUNT; m++) {
    if (strcmp(name, metric_names[m]) == 0) {
      *out = (sc_metric)m;
      return SC_OK;
    }
  }
  return SC_E_INVALID_ARG;
}

double sc_pair_metric(const sc_pair *p, sc_metric m) {
  if (!p) return 0;
  switch (m) {
    case SC_METRIC_SCORE: return p->score;
    case SC_METRIC_JACCARD: return p->jaccard;
    case SC_METRIC_CONTAINMENT_AB: return p->containment_ab;
    case SC_METRIC_CONTAINMENT_BA: return p->containment_ba;
    case SC_METRIC_MINHASH: return p->minhash;
    case SC_METRIC_SIMHASH: return p->simhash;
    case SC_METRIC_COSINE: return p->cosine;
    case SC_METRIC_CHARS: return p->chars;
    case SC_METRIC_WORDS: return p->words;
    case SC_METRIC_FACTS: return p->facts;
    case SC_METRIC_REWRITE: return p->rewrite;
    case SC_METRIC_COUNT: break;
  }
  return 0.0;
}
