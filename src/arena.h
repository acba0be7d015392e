/* arena: a bump allocator for per-document data.
 *
 * Everything derived from one document (tokens, normalised forms, shapes)
 * is allocated here and released at once by fg_arena_reset, which keeps
 * the first block for the next document so that a worker's memory stays
 * flat. Allocations are aligned for any type. A pointer from the arena
 * stays valid until the next reset or clear. */
#ifndef FG_ARENA_H
#define FG_ARENA_H

#include <stdalign.h>
#include <stddef.h>

typedef struct fg_arena_block fg_arena_block;

typedef struct fg_arena {
    fg_arena_block *head; /* the block being filled; older ones follow */
    size_t block_size;
    size_t used;          /* bytes handed out, for statistics */
    unsigned char *pos, *end; /* the free part of head */
} fg_arena;

void fg_arena_init(fg_arena *a, size_t block_size);
/* Frees every block. */
void fg_arena_clear(fg_arena *a);
/* Frees every block but the first, and empties that one. */
void fg_arena_reset(fg_arena *a);
/* The slow path of fg_arena_alloc: a new block. */
void *fg_arena_alloc_block(fg_arena *a, size_t size);

#define FG_ARENA_ALIGN (alignof(max_align_t))

/* size bytes aligned for any type; NULL when out of memory. */
static inline void *fg_arena_alloc(fg_arena *a, size_t size)
{
    size_t rounded = (size + FG_ARENA_ALIGN - 1) & ~(FG_ARENA_ALIGN - 1);
    if (rounded >= size && a->pos && (size_t)(a->end - a->pos) >= rounded) {
        void *p = a->pos;
        a->pos += rounded;
        a->used += rounded;
        return p;
    }
    return fg_arena_alloc_block(a, size);
}
/* A NUL-terminated copy of s[0..len). */
char *fg_arena_strndup(fg_arena *a, const char *s, size_t len);
/* size bytes with no alignment: for strings that are many and short
 * (the 40,000 keys of a lexicon), where rounding each up to
 * FG_ARENA_ALIGN bytes would waste a third of the memory. They are taken
 * from the top of the head block's free part, so that aligned
 * allocations stay aligned. NULL when out of memory. */
void *fg_arena_alloc_packed(fg_arena *a, size_t size);
/* fg_arena_strndup with no alignment. */
char *fg_arena_strndup_packed(fg_arena *a, const char *s, size_t len);

#endif
