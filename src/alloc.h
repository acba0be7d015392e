/* alloc: the one place where factgraph's own memory comes from.
 *
 * Every allocation of the library goes through these functions so that
 * unit tests can map them to cmocka's leak-checking allocator (build with
 * FG_UNIT_TEST) and later failure-injection tests can fail the Nth call.
 * Memory from a third-party library is released with that library's own
 * function, never with fg_free. */
#ifndef FG_ALLOC_H
#define FG_ALLOC_H

#include <stddef.h>

#ifdef FG_UNIT_TEST
#include <stdarg.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#define fg_malloc(n) test_malloc(n)
#define fg_calloc(n, m) test_calloc((n), (m))
#define fg_realloc(p, n) test_realloc((p), (n))
#define fg_free(p) test_free(p)
#else
void *fg_malloc(size_t size);
void *fg_calloc(size_t count, size_t size);
void *fg_realloc(void *ptr, size_t size);
void fg_free(void *ptr);
#endif

#ifdef FG_FAULT_INJECTION
/* Failure injection, in a test build only (tests/fault_walk.c): from now
 * on, the n-th allocation through these functions fails (0: none), and
 * the n-th read of an input file fails with EIO; the counts are of the
 * calls since. Not thread-safe: one thread. */
void fg_fault_alloc_at(unsigned long n);
unsigned long fg_fault_alloc_count(void);
void fg_fault_read_at(unsigned long n);
unsigned long fg_fault_read_count(void);
/* For the readers: 1 when this read is to fail. */
int fg_fault_read(void);
#endif

/* Copies of strings; NULL when out of memory. */
char *fg_strdup(const char *s);
char *fg_strndup(const char *s, size_t n);

/* realloc for arrays: grows *ptr to hold at least need elements of size
 * elem, doubling from *cap. Returns 0, or FG_ENOMEM leaving *ptr and *cap
 * untouched; on success *ptr may have moved. */
int fg_grow(void **ptr, size_t *cap, size_t need, size_t elem);

#endif
