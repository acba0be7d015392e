/* What may lie between two tokens, for the tests that check the
 * tokeniser's invariants: Unicode spaces, line and paragraph separators,
 * TAB, LF, VT, FF, CR, NEL, zero-width space and ZWNBSP. */
#ifndef FG_TEST_WHITESPACE_H
#define FG_TEST_WHITESPACE_H

#include <stddef.h>

#include <utf8proc.h>

/* Whether s[from..to) is whitespace only. */
static inline int fg_test_is_whitespace(const char *s, size_t from, size_t to)
{
    size_t pos = from;
    while (pos < to) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(
            (const utf8proc_uint8_t *)s + pos, (utf8proc_ssize_t)(to - pos),
            &cp);
        if (n < 1)
            return 0;
        pos += (size_t)n;
        utf8proc_category_t cat = utf8proc_category(cp);
        int ok = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
                 cp == '\v' || cp == '\f' || cp == 0x85 || cp == 0x200B ||
                 cp == 0xFEFF || cat == UTF8PROC_CATEGORY_ZS ||
                 cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
        if (!ok)
            return 0;
    }
    return 1;
}

#endif
