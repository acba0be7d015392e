/* alloc: see alloc.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "factgraph.h"

#ifdef FG_FAULT_INJECTION
/* Tests only: one process, one thread (tests/fault_walk.c). */
static unsigned long alloc_calls, alloc_fail_at, read_calls, read_fail_at;

void fg_fault_alloc_at(unsigned long n)
{
    alloc_calls = 0;
    alloc_fail_at = n;
}

unsigned long fg_fault_alloc_count(void) { return alloc_calls; }

void fg_fault_read_at(unsigned long n)
{
    read_calls = 0;
    read_fail_at = n;
}

unsigned long fg_fault_read_count(void) { return read_calls; }

int fg_fault_read(void)
{
    return ++read_calls == read_fail_at;
}

#define FAULT() (++alloc_calls == alloc_fail_at)
#else
#define FAULT() 0
#endif

#ifndef FG_UNIT_TEST
void *fg_malloc(size_t size)
{
    return FAULT() ? NULL : malloc(size ? size : 1);
}
void *fg_calloc(size_t count, size_t size)
{
    return FAULT() ? NULL : calloc(count ? count : 1, size ? size : 1);
}
void *fg_realloc(void *ptr, size_t size)
{
    return FAULT() ? NULL : realloc(ptr, size ? size : 1);
}
void fg_free(void *ptr) { free(ptr); }
#endif

char *fg_strndup(const char *s, size_t n)
{
    char *copy = fg_malloc(n + 1);
    if (copy == NULL)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

char *fg_strdup(const char *s) { return fg_strndup(s, strlen(s)); }

int fg_grow(void **ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return FG_ENOMEM;
        n *= 2;
    }
    if (n > SIZE_MAX / elem)
        return FG_ENOMEM;
    void *p = fg_realloc(*ptr, n * elem);
    if (p == NULL)
        return FG_ENOMEM;
    *ptr = p;
    *cap = n;
    return 0;
}
