/* diag: see diag.h and factgraph.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "diag.h"

/* A list keeps going after this many diagnostics but stores no more, so
 * that a hostile input cannot fill memory with warnings. */
#define MAX_DIAGS 100000

struct fg_diag_list {
    fg_diag *items;
    size_t n, cap;
    size_t errors;
};

int fg_diag_list_new(fg_diag_list **out)
{
    *out = fg_calloc(1, sizeof **out);
    return *out ? 0 : FG_ENOMEM;
}

void fg_diag_list_clear(fg_diag_list *list)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < list->n; i++) {
        fg_free((char *)list->items[i].file);
        fg_free((char *)list->items[i].message);
    }
    list->n = 0;
    list->errors = 0;
}

void fg_diag_list_free(fg_diag_list *list)
{
    if (list == NULL)
        return;
    fg_diag_list_clear(list);
    fg_free(list->items);
    fg_free(list);
}

size_t fg_diag_list_count(const fg_diag_list *list) { return list->n; }

const fg_diag *fg_diag_list_get(const fg_diag_list *list, size_t i)
{
    return i < list->n ? &list->items[i] : NULL;
}

size_t fg_diag_list_errors(const fg_diag_list *list) { return list->errors; }

int fg_diag_add(fg_diag_list *list, fg_severity severity, int code,
                const char *file, unsigned long line, unsigned long column,
                size_t offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = fg_diag_vadd(list, severity, code, file, line, column, offset,
                          fmt, ap);
    va_end(ap);
    return rc;
}

int fg_diag_vadd(fg_diag_list *list, fg_severity severity, int code,
                 const char *file, unsigned long line, unsigned long column,
                 size_t offset, const char *fmt, va_list ap)
{
    if (severity == FG_ERROR)
        list->errors++;
    if (list->n >= MAX_DIAGS)
        return 0;
    if (fg_grow((void **)&list->items, &list->cap, list->n + 1,
                sizeof *list->items) < 0)
        return FG_ENOMEM;

    char *message = NULL;
    char *file_copy = fg_strdup(file ? file : "-");
    va_list ap2;
    va_copy(ap2, ap);
    int len = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (file_copy == NULL || len < 0)
        goto fail;
    message = fg_malloc((size_t)len + 1);
    if (message == NULL)
        goto fail;
    vsnprintf(message, (size_t)len + 1, fmt, ap);

    list->items[list->n++] = (fg_diag){
        .severity = severity,
        .code = code,
        .file = file_copy,
        .line = line,
        .column = column,
        .offset = offset,
        .message = message,
    };
    return 0;
fail:
    fg_free(file_copy);
    fg_free(message);
    return FG_ENOMEM;
}

void fg_diag_locate(const char *text, size_t len, size_t offset,
                    unsigned long *line_out, unsigned long *column_out)
{
    unsigned long line = 1, column = 1;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            line++;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            column++; /* count lead bytes only: code points */
        }
    }
    *line_out = line;
    *column_out = column;
}

int fg_diag_write(const fg_diag *d, FILE *stream)
{
    const char *sev = d->severity == FG_ERROR ? "error" : "warning";
    int rc;
    if (d->line && d->column)
        rc = fprintf(stream, "%s:%lu:%lu: %s: %s\n", d->file, d->line,
                     d->column, sev, d->message);
    else if (d->line)
        rc = fprintf(stream, "%s:%lu: %s: %s\n", d->file, d->line, sev,
                     d->message);
    else
        rc = fprintf(stream, "%s: %s: %s\n", d->file, sev, d->message);
    return rc < 0 ? FG_EIO : 0;
}
