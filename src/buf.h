/* buf: a growable byte buffer with a maximum size.
 *
 * Each buffer is created with the most it may ever hold; an append that
 * would pass it fails with FG_ELIMIT and leaves the buffer as it was, so
 * a hostile input cannot grow it without bound. The bytes are always
 * followed by a NUL that is not counted in len. Appends may move data:
 * pointers into it are invalidated by every append. */
#ifndef FG_BUF_H
#define FG_BUF_H

#include <stddef.h>

typedef struct fg_buf {
    char *data; /* NULL until the first append */
    size_t len;
    size_t cap;
    size_t max;
} fg_buf;

void fg_buf_init(fg_buf *b, size_t max);
/* Frees the bytes; the buffer may be reused after fg_buf_init. */
void fg_buf_clear(fg_buf *b);
/* Empties the buffer but keeps its memory. */
void fg_buf_reset(fg_buf *b);
/* Return 0, FG_ELIMIT or FG_ENOMEM. */
int fg_buf_add(fg_buf *b, const void *data, size_t len);
/* One byte: inline, for writers that append byte by byte (Raptor's
 * escaping). */
static inline int fg_buf_addc(fg_buf *b, char c)
{
    if (b->len + 2 <= b->cap && b->len < b->max) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return 0;
    }
    return fg_buf_add(b, &c, 1);
}
int fg_buf_adds(fg_buf *b, const char *s);
int fg_buf_printf(fg_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the bytes to the caller (free with fg_free) and empties b. */
char *fg_buf_steal(fg_buf *b, size_t *len_out);

#endif
