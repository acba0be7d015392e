/* utf8: decoding UTF-8, the one way every module reads text.
 *
 * Decoding is utf8proc's; this wrapper adds the ASCII fast path and the
 * repair convention of DESIGN.md: an invalid byte decodes as U+FFFD and
 * the caller advances by exactly one byte. */
#ifndef FG_UTF8_H
#define FG_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include <utf8proc.h>

#define FG_UTF8_REPLACEMENT 0xFFFD

/* Decodes the code point at s[*pos] (with *pos < len) and advances *pos
 * past it. Sets *valid to 0 when the bytes there are not valid UTF-8: the
 * result is then U+FFFD and *pos has moved by one byte. */
static inline int32_t fg_utf8_next(const char *s, size_t len, size_t *pos,
                                   int *valid)
{
    unsigned char c = (unsigned char)s[*pos];
    if (c < 0x80) {
        (*pos)++;
        *valid = 1;
        return c;
    }
    /* Two-byte sequences (umlauts, ß) without a call. */
    if (c >= 0xC2 && c <= 0xDF && *pos + 1 < len &&
        ((unsigned char)s[*pos + 1] & 0xC0) == 0x80) {
        int32_t cp = ((int32_t)(c & 0x1F) << 6) | (s[*pos + 1] & 0x3F);
        *pos += 2;
        *valid = 1;
        return cp;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + *pos,
                                          (utf8proc_ssize_t)(len - *pos), &cp);
    if (n < 1) {
        (*pos)++;
        *valid = 0;
        return FG_UTF8_REPLACEMENT;
    }
    *pos += (size_t)n;
    *valid = 1;
    return cp;
}

/* Decodes text already known to be valid (the repaired document text). */
static inline int32_t fg_utf8_decode(const char *s, size_t len, size_t *pos)
{
    int valid;
    return fg_utf8_next(s, len, pos, &valid);
}

/* The code point that ends just before byte pos of valid UTF-8, and its
 * start in *start_out; -1 at the start of the text. */
int32_t fg_utf8_prev(const char *s, size_t pos, size_t *start_out);

/* The number of code points in valid UTF-8 s[0..len). */
size_t fg_utf8_count(const char *s, size_t len);

#endif
