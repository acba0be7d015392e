/* strmap: see strmap.h. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "alloc.h"
#include "factgraph.h"
#include "strmap.h"

#define MIN_CAP 64
/* The most keys a table of cap slots takes: 3/4. Linear probing over
 * 16-byte slots with stored hashes stays short at that load (a miss
 * reads 8.5 slots on average at the most, two or three cache lines), and
 * the tables are half the size of tables kept half empty: the lexicon's
 * 33,000 forms fit in 1 MiB instead of 2 MiB, whose every page is a
 * fault at start-up. */
#define MAX_LOAD(cap) ((cap) / 4 * 3)
/* From this many slots (64 KiB) a full table grows four-fold, not
 * two-fold: each growth allocates a table and frees the old one, glibc
 * returns such blocks to the system, and the next table's pages are
 * fresh page faults (2-4 us each on the virtual machines measured).
 * Fewer, larger steps fault in less: 270 fewer faults, about 1 ms, in
 * loading the lexicons. */
#define BIG_CAP 4096
#define LEN_BYTES 4 /* a key's length, in front of its bytes */
/* Tables are placed by 32 bits of hash. */
#define MAX_CAP ((size_t)1 << 31)

/* 16 bytes, so that the 65,536 slots of a lexicon's forms take 1 MiB and
 * fewer pages to fault in: the key's length is stored in front of its
 * bytes, and of its hash the low 32 bits, which place it and turn away
 * almost every other key without reading it. */
struct fg_strmap_slot {
    char *key; /* NULL: empty; else its length (LEN_BYTES), its bytes */
    uint32_t hash;
    uint32_t value;
};

static uint32_t key_len(const char *key)
{
    uint32_t n;
    memcpy(&n, key, LEN_BYTES);
    return n;
}

void fg_strmap_init(fg_strmap *m) { fg_strmap_init_in(m, NULL); }

void fg_strmap_init_in(fg_strmap *m, fg_arena *keys)
{
    m->slots = NULL;
    m->cap = 0;
    m->n = 0;
    m->keys = keys;
}

void fg_strmap_clear(fg_strmap *m)
{
    if (m->keys == NULL)
        for (size_t i = 0; i < m->cap; i++)
            fg_free(m->slots[i].key);
    fg_free(m->slots);
    fg_strmap_init_in(m, m->keys);
}

/* The slot of key, or the empty slot where it would go. len fits in 32
 * bits (longer keys are never stored). */
static fg_strmap_slot *probe(fg_strmap_slot *slots, size_t cap,
                             const char *key, size_t len, uint32_t hash)
{
    size_t i = hash & (cap - 1);
    for (;;) {
        fg_strmap_slot *s = &slots[i];
        if (s->key == NULL ||
            (s->hash == hash && key_len(s->key) == len &&
             memcmp(s->key + LEN_BYTES, key, len) == 0))
            return s;
        i = (i + 1) & (cap - 1);
    }
}

/* Moves the keys into a table of cap slots (a power of two that holds
 * them at most MAX_LOAD). */
static int rehash(fg_strmap *m, size_t cap)
{
    fg_strmap_slot *slots = fg_calloc(cap, sizeof *slots);
    if (slots == NULL)
        return FG_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        fg_strmap_slot *old = &m->slots[i];
        if (old->key)
            *probe(slots, cap, old->key + LEN_BYTES, key_len(old->key),
                   old->hash) = *old;
    }
    fg_free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

int fg_strmap_reserve(fg_strmap *m, size_t n)
{
    size_t cap = m->cap ? m->cap : MIN_CAP;
    while (MAX_LOAD(cap) < n) {
        if (cap >= MAX_CAP)
            return FG_ENOMEM;
        cap *= 2;
    }
    return cap == m->cap ? 0 : rehash(m, cap);
}

/* The slot of key, empty when it is not there; grows the table first so
 * that one more key fits. NULL when out of memory (or len is 4 GiB or
 * more, which a slot cannot hold). */
static fg_strmap_slot *slot_for(fg_strmap *m, const char *key, size_t len)
{
    if (len > UINT32_MAX - LEN_BYTES)
        return NULL;
    if (m->n + 1 > MAX_LOAD(m->cap)) {
        size_t cap = m->cap >= BIG_CAP ? m->cap * 4
                     : m->cap          ? m->cap * 2
                                       : MIN_CAP;
        if (cap > MAX_CAP || rehash(m, cap) < 0)
            return NULL;
    }
    uint32_t hash = (uint32_t)XXH3_64bits(key, len);
    fg_strmap_slot *s = probe(m->slots, m->cap, key, len, hash);
    s->hash = hash; /* the same hash when the key is there */
    return s;
}

/* Fills the empty slot s with a copy of key. */
static int fill(fg_strmap *m, fg_strmap_slot *s, const char *key, size_t len,
                uint32_t value)
{
    size_t size = LEN_BYTES + len;
    char *copy = m->keys ? fg_arena_alloc_packed(m->keys, size)
                         : fg_malloc(size);
    if (copy == NULL)
        return FG_ENOMEM;
    uint32_t n = (uint32_t)len;
    memcpy(copy, &n, LEN_BYTES);
    memcpy(copy + LEN_BYTES, key, len);
    s->key = copy;
    s->value = value;
    m->n++;
    return 0;
}

int fg_strmap_put(fg_strmap *m, const char *key, size_t len, uint32_t value,
                  int merge)
{
    fg_strmap_slot *s = slot_for(m, key, len);
    if (s == NULL)
        return FG_ENOMEM;
    if (s->key) {
        s->value = merge ? (s->value | value) : value;
        return 0;
    }
    return fill(m, s, key, len, value);
}

int fg_strmap_add(fg_strmap *m, const char *key, size_t len, uint32_t value,
                  uint32_t *out)
{
    fg_strmap_slot *s = slot_for(m, key, len);
    if (s == NULL)
        return FG_ENOMEM;
    if (s->key) {
        *out = s->value;
        return 1;
    }
    *out = value;
    return fill(m, s, key, len, value);
}

int fg_strmap_find(const fg_strmap *m, const char *key, size_t len,
                   uint32_t *out)
{
    if (m->cap == 0 || len > UINT32_MAX - LEN_BYTES)
        return 0;
    uint32_t hash = (uint32_t)XXH3_64bits(key, len);
    const fg_strmap_slot *s = probe(m->slots, m->cap, key, len, hash);
    if (s->key == NULL)
        return 0;
    if (out)
        *out = s->value;
    return 1;
}

void fg_strmap_save(const fg_strmap *m, fg_image_writer *w, uint64_t at)
{
    int fresh;
    uint64_t slots = FG_IMAGE_COPY(w, m->slots, m->cap, &fresh);
    fg_image_link(w, FG_IMAGE_FIELD(at, fg_strmap, slots), slots, 0);
    for (size_t i = 0; fresh && i < m->cap; i++) {
        const char *key = m->slots[i].key;
        uint64_t k = key ? fg_image_add(w, key, key, LEN_BYTES + key_len(key),
                                        1, FG_IMAGE_READ, NULL)
                         : 0;
        fg_image_link(w, slots + i * sizeof *m->slots +
                             offsetof(fg_strmap_slot, key),
                      k, 0);
    }
    fg_arena *none = NULL;
    fg_image_set(w, FG_IMAGE_FIELD(at, fg_strmap, keys), &none, sizeof none);
}
