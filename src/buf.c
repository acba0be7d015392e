/* buf: see buf.h. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "factgraph.h"

void fg_buf_init(fg_buf *b, size_t max)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max;
}

void fg_buf_clear(fg_buf *b)
{
    fg_free(b->data);
    fg_buf_init(b, b->max);
}

void fg_buf_reset(fg_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

/* Makes room for extra more bytes plus the NUL. */
static int reserve(fg_buf *b, size_t extra)
{
    if (extra > b->max || b->len > b->max - extra)
        return FG_ELIMIT;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    if (cap > b->max + 1)
        cap = b->max + 1;
    char *p = fg_realloc(b->data, cap);
    if (p == NULL)
        return FG_ENOMEM;
    b->data = p;
    b->cap = cap;
    return 0;
}

int fg_buf_add(fg_buf *b, const void *data, size_t len)
{
    int rc = reserve(b, len);
    if (rc < 0)
        return rc;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

int fg_buf_adds(fg_buf *b, const char *s) { return fg_buf_add(b, s, strlen(s)); }

int fg_buf_printf(fg_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return FG_EINVAL;
    int rc = reserve(b, (size_t)n);
    if (rc < 0)
        return rc;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

char *fg_buf_steal(fg_buf *b, size_t *len_out)
{
    char *data = b->data;
    if (len_out)
        *len_out = b->len;
    fg_buf_init(b, b->max);
    return data;
}
