/* utf8: see utf8.h. */
#include "config.h"

#include "utf8.h"

int32_t fg_utf8_prev(const char *s, size_t pos, size_t *start_out)
{
    if (pos == 0)
        return -1;
    size_t start = pos - 1;
    while (start > 0 && pos - start < 4 &&
           ((unsigned char)s[start] & 0xC0) == 0x80)
        start--;
    size_t p = start;
    int32_t cp = fg_utf8_decode(s, pos, &p);
    if (start_out)
        *start_out = start;
    return cp;
}

size_t fg_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}
