/* arena: a bump allocator for per-document data.
 *
 * Everything derived from one document (tokens, normalised forms, shapes)
 * is allocated here and released at once by fg_arena_reset, which keeps
 * the first block for the next document so that a worker's memory stays
 * flat. Allocations are aligned for any type. A pointer from the arena
 * stays valid until the next reset or clear. */
#ifndef FG_ARENA_H
#define FG_ARENA_H

#include <stddef.h>

typedef struct fg_arena_block fg_arena_block;

typedef struct fg_arena {
    fg_arena_block *head; /* the block being filled; older ones follow */
    size_t block_size;
    size_t used;          /* bytes handed out, for statistics */
} fg_arena;

void fg_arena_init(fg_arena *a, size_t block_size);
/* Frees every block. */
void fg_arena_clear(fg_arena *a);
/* Frees every block but the first, and empties that one. */
void fg_arena_reset(fg_arena *a);
/* NULL when out of memory. */
void *fg_arena_alloc(fg_arena *a, size_t size);
/* A NUL-terminated copy of s[0..len). */
char *fg_arena_strndup(fg_arena *a, const char *s, size_t len);

#endif
