/* Helpers shared by the unit tests. */
#ifndef FG_TESTUTIL_H
#define FG_TESTUTIL_H

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "factgraph.h"
#include "tokenise.h"

/* The source tree, from the test environment (make check sets it). */
static inline const char *srcdir(void)
{
    const char *s = getenv("top_srcdir");
    return s && s[0] ? s : ".";
}

/* A path under the source tree, in a static buffer. */
static inline const char *src_path(const char *rel)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/%s", srcdir(), rel);
    return buf;
}

/* Loads the project's tokeniser into *tk; on failure prints why and
 * returns -1. */
static inline int load_tokeniser(fg_tokeniser **tk)
{
    fg_diag_list *diags;
    if (fg_diag_list_new(&diags) < 0)
        return -1;
    int rc = fg_tokeniser_load(tk, src_path("rules/tokeniser"), NULL, diags);
    for (size_t i = 0; rc < 0 && i < fg_diag_list_count(diags); i++)
        fg_diag_write(fg_diag_list_get(diags, i), stderr);
    fg_diag_list_free(diags);
    return rc < 0 ? -1 : 0;
}

/* A sink (fg_sink) that keeps a copy of a document's RDF (to be freed
 * with test_free) and the number of its matches. */
typedef struct rdf_seen {
    char *bytes;
    size_t len;
    size_t matches;
} rdf_seen;

static inline int keep_rdf(void *ctx, fg_analysis *a)
{
    rdf_seen *r = ctx;
    const char *bytes;
    size_t len;
    assert_int_equal(fg_analysis_rdf(a, &bytes, &len), 0);
    r->bytes = test_malloc(len + 1);
    memcpy(r->bytes, bytes, len + 1);
    r->len = len;
    r->matches = fg_analysis_match_count(a);
    return 0;
}

#endif
