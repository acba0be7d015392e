/* arena: see arena.h. */
#include "config.h"

#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"

struct fg_arena_block {
    fg_arena_block *next;
    size_t size; /* bytes in data */
    size_t pos;  /* first free byte */
    alignas(max_align_t) unsigned char data[];
};

#define ALIGN (alignof(max_align_t))

void fg_arena_init(fg_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size;
    a->used = 0;
}

void fg_arena_clear(fg_arena *a)
{
    fg_arena_block *b = a->head;
    while (b) {
        fg_arena_block *next = b->next;
        fg_free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
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
    if (keep) {
        keep->pos = 0;
        keep->next = NULL;
    }
    a->head = keep;
    a->used = 0;
}

void *fg_arena_alloc(fg_arena *a, size_t size)
{
    if (size > SIZE_MAX - ALIGN)
        return NULL;
    size = (size + ALIGN - 1) & ~(ALIGN - 1);
    fg_arena_block *b = a->head;
    if (b == NULL || b->size - b->pos < size) {
        size_t bsize = size > a->block_size ? size : a->block_size;
        if (bsize > SIZE_MAX - sizeof *b)
            return NULL;
        fg_arena_block *nb = fg_malloc(sizeof *nb + bsize);
        if (nb == NULL)
            return NULL;
        nb->size = bsize;
        nb->pos = 0;
        /* A block larger than usual goes behind the head so that the
         * head's free space is not wasted. */
        if (b && bsize > a->block_size && b->size - b->pos >= ALIGN) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->pos;
    b->pos += size;
    a->used += size;
    return p;
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
