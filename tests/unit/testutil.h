/* Helpers shared by the unit tests. */
#ifndef FG_TESTUTIL_H
#define FG_TESTUTIL_H

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

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

#endif
