/* strmap: a hash map from byte strings to a 32-bit value.
 *
 * Used for word lists (abbreviations, clause words) and for the set of
 * document ids seen. Keys are copied into the map; lookups take a pointer
 * and a length so that a token's bytes can be looked up in place. Hashing
 * is XXH3 (libxxhash). Open addressing with linear probing; the table
 * doubles at 50% load. Not thread-safe while being written; safe to read
 * from many threads once built. */
#ifndef FG_STRMAP_H
#define FG_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct fg_strmap_slot fg_strmap_slot;

typedef struct fg_strmap {
    fg_strmap_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t n;
} fg_strmap;

void fg_strmap_init(fg_strmap *m);
void fg_strmap_clear(fg_strmap *m);
/* Sets key to value, or ORs value into an existing key's value when
 * merge is non-zero. Returns 0 or FG_ENOMEM. */
int fg_strmap_put(fg_strmap *m, const char *key, size_t len, uint32_t value,
                  int merge);
/* 1 and the value in *out when key is there, else 0. */
int fg_strmap_find(const fg_strmap *m, const char *key, size_t len,
                   uint32_t *out);

#endif
