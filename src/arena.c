/* arena: see arena.h. The free part of the head block is a->pos..a->end,
 * so that the common allocation is a pointer bump inlined at the caller. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"

struct fg_arena_block {
    fg_arena_block *next;
    size_t size; /* bytes in data */
    alignas(max_align_t) unsigned char data[];
};

void fg_arena_init(fg_arena *a, size_t block_size)
{
    memset(a, 0, sizeof *a);
    a->block_size = block_size;
}

void fg_arena_clear(fg_arena *a)
{
    fg_arena_block *b = a->head;
    while (b) {
        fg_arena_block *next = b->next;
        fg_free(b);
        b = next;
    }
    fg_arena_init(a, a->block_size);
}

void fg_arena_reset(fg_arena *a)
{
    /* Keep one block of the configured size; oversized blocks, made for a
     * single large allocation, go back to the system. */
    fg_arena_block *keep = NULL, *b = a->head;
    while (b) {
        fg_arena_block *next = b->next;
        if (keep == NULL && b->size == a->block_size)
            keep = b;
        else
            fg_free(b);
        b = next;
    }
    a->head = keep;
    a->used = 0;
    if (keep) {
        keep->next = NULL;
        a->pos = keep->data;
        a->end = keep->data + keep->size;
    } else {
        a->pos = a->end = NULL;
    }
}

void *fg_arena_alloc_block(fg_arena *a, size_t size)
{
    if (size > SIZE_MAX - FG_ARENA_ALIGN - sizeof(fg_arena_block))
        return NULL;
    size = (size + FG_ARENA_ALIGN - 1) & ~(FG_ARENA_ALIGN - 1);
    if (a->pos && (size_t)(a->end - a->pos) >= size) {
        void *p = a->pos;
        a->pos += size;
        a->used += size;
        return p;
    }
    size_t bsize = size > a->block_size ? size : a->block_size;
    fg_arena_block *nb = fg_malloc(sizeof *nb + bsize);
    if (nb == NULL)
        return NULL;
    nb->size = bsize;
    a->used += size;
    if (a->head && bsize > a->block_size &&
        (size_t)(a->end - a->pos) >= FG_ARENA_ALIGN) {
        /* A block for one large allocation goes behind the head, whose
         * free space stays in use. */
        nb->next = a->head->next;
        a->head->next = nb;
        return nb->data;
    }
    nb->next = a->head;
    a->head = nb;
    a->pos = nb->data + size;
    a->end = nb->data + bsize;
    return nb->data;
}

char *fg_arena_strndup(fg_arena *a, const char *s, size_t len)
{
    char *p = fg_arena_alloc(a, len + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void *fg_arena_alloc_packed(fg_arena *a, size_t size)
{
    if (a->pos && (size_t)(a->end - a->pos) >= size) {
        a->end -= size;
        a->used += size;
        return a->end;
    }
    return fg_arena_alloc_block(a, size);
}

char *fg_arena_strndup_packed(fg_arena *a, const char *s, size_t len)
{
    char *p = len < SIZE_MAX ? fg_arena_alloc_packed(a, len + 1) : NULL;
    if (p == NULL)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
