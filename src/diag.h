/* diag: building diagnostics about user data.
 *
 * The list owns copies of every string it is given. Library code appends
 * with fg_diag_add and never prints; cli prints with fg_diag_write. */
#ifndef FG_DIAG_H
#define FG_DIAG_H

#include <stdarg.h>

#include "factgraph.h"

/* Appends a diagnostic with a printf-style message. file may be NULL
 * ("-"). Returns 0 or FG_ENOMEM. */
int fg_diag_add(fg_diag_list *list, fg_severity severity, int code,
                const char *file, unsigned long line, unsigned long column,
                size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

/* The same with a va_list. */
int fg_diag_vadd(fg_diag_list *list, fg_severity severity, int code,
                 const char *file, unsigned long line, unsigned long column,
                 size_t offset, const char *fmt, va_list ap)
    __attribute__((format(printf, 8, 0)));

/* Line and column (1-based, the column in code points) of byte offset
 * in text; for diagnostics about a file whose bytes are at hand. */
void fg_diag_locate(const char *text, size_t len, size_t offset,
                    unsigned long *line_out, unsigned long *column_out);

#endif
