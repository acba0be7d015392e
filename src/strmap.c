/* strmap: see strmap.h. */
#include "config.h"

#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "alloc.h"
#include "factgraph.h"
#include "strmap.h"

struct fg_strmap_slot {
    char *key; /* NULL: empty */
    size_t len;
    uint64_t hash;
    uint32_t value;
};

void fg_strmap_init(fg_strmap *m)
{
    m->slots = NULL;
    m->cap = 0;
    m->n = 0;
}

void fg_strmap_clear(fg_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        fg_free(m->slots[i].key);
    fg_free(m->slots);
    fg_strmap_init(m);
}

static fg_strmap_slot *probe(fg_strmap_slot *slots, size_t cap,
                             const char *key, size_t len, uint64_t hash)
{
    size_t i = (size_t)hash & (cap - 1);
    for (;;) {
        fg_strmap_slot *s = &slots[i];
        if (s->key == NULL ||
            (s->hash == hash && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
        i = (i + 1) & (cap - 1);
    }
}

static int rehash(fg_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    fg_strmap_slot *slots = fg_calloc(cap, sizeof *slots);
    if (slots == NULL)
        return FG_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        fg_strmap_slot *old = &m->slots[i];
        if (old->key)
            *probe(slots, cap, old->key, old->len, old->hash) = *old;
    }
    fg_free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

int fg_strmap_put(fg_strmap *m, const char *key, size_t len, uint32_t value,
                  int merge)
{
    if ((m->n + 1) * 2 > m->cap && rehash(m) < 0)
        return FG_ENOMEM;
    uint64_t hash = XXH3_64bits(key, len);
    fg_strmap_slot *s = probe(m->slots, m->cap, key, len, hash);
    if (s->key) {
        s->value = merge ? (s->value | value) : value;
        return 0;
    }
    s->key = fg_strndup(key, len);
    if (s->key == NULL)
        return FG_ENOMEM;
    s->len = len;
    s->hash = hash;
    s->value = value;
    m->n++;
    return 0;
}

int fg_strmap_find(const fg_strmap *m, const char *key, size_t len,
                   uint32_t *out)
{
    if (m->cap == 0)
        return 0;
    uint64_t hash = XXH3_64bits(key, len);
    const fg_strmap_slot *s = probe(m->slots, m->cap, key, len, hash);
    if (s->key == NULL)
        return 0;
    if (out)
        *out = s->value;
    return 1;
}
