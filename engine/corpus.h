/*
 * corpus.h: the corpus handle's layout, shared by the facade modules
 * (corpus.c: documents and statistics; pairs.c: scoring). Not installed.
 */
#ifndef SC_CORPUS_H
#define SC_CORPUS_H

#include "doc.h"
#include "keys.h"
#include "strmap.h"

struct sc_corpus {
  sc_options opt;               /* copied at create                       */
  sc_keys keys;                 /* derived from opt.key; wiped at free    */
  SC_VEC(sc_doc *) docs;
  sc_strmap vocab;              /* global content terms (stems)           */
  size_t vocab_sorted;          /* terms when the ids were last put in the
                                   stems' byte order (canonical_term_ids)  */
  uint32_t *df;                 /* documents per term, after build        */
  float *idf;                   /* per term, after build                  */
  uint64_t *term_hash;          /* SimHash feature hash per term          */
  sc_gramdf gram_df;            /* character n-gram document frequencies  */
  int built;                    /* statistics match the documents         */
};

#endif
