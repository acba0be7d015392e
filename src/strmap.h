/* strmap: a hash map from byte strings to a 32-bit value.
 *
 * Used for word lists (abbreviations, clause words), the lexicon's forms
 * and for the set of document ids seen. Keys are copied into the map
 * (each into its own allocation, or into an arena the caller names with
 * fg_strmap_init_in, which saves a malloc and a free per key when a map
 * has tens of thousands); lookups take a pointer and a length so that a
 * token's bytes can be looked up in place; a key is shorter than 4 GiB.
 * Hashing is XXH3 (libxxhash). Open addressing with linear probing; a
 * table grows at 75% load (two-fold, or from 4,096 slots four-fold). Not
 * thread-safe while being written; safe to read from many threads once
 * built. */
#ifndef FG_STRMAP_H
#define FG_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "image.h"

typedef struct fg_strmap_slot fg_strmap_slot;

typedef struct fg_strmap {
    fg_strmap_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t n;
    fg_arena *keys; /* where keys are copied, or NULL: one malloc each */
} fg_strmap;

void fg_strmap_init(fg_strmap *m);
/* Like fg_strmap_init, but keys are copied into keys, which must outlive
 * the map's use. fg_strmap_clear leaves them there, and the map keeps
 * using that arena. */
void fg_strmap_init_in(fg_strmap *m, fg_arena *keys);
void fg_strmap_clear(fg_strmap *m);
/* Makes room for n keys in all without growing again. Returns 0 or
 * FG_ENOMEM. */
int fg_strmap_reserve(fg_strmap *m, size_t n);
/* Sets key to value, or ORs value into an existing key's value when
 * merge is non-zero. Returns 0 or FG_ENOMEM (also for a key of 4 GiB). */
int fg_strmap_put(fg_strmap *m, const char *key, size_t len, uint32_t value,
                  int merge);
/* Adds key with value unless it is there; *out is then the key's value
 * (value when it was added, else the value it had, which stays). One
 * lookup where fg_strmap_find and fg_strmap_put would take two. Returns 1
 * when the key was there, 0 when it was added, or FG_ENOMEM. */
int fg_strmap_add(fg_strmap *m, const char *key, size_t len, uint32_t value,
                  uint32_t *out);
/* 1 and the value in *out when key is there, else 0. */
int fg_strmap_find(const fg_strmap *m, const char *key, size_t len,
                   uint32_t *out);

/* Copies m's table and keys into the image w, for the copy of m at
 * handle at (image.h); the copy takes no more keys (it has no arena). */
void fg_strmap_save(const fg_strmap *m, fg_image_writer *w, uint64_t at);

#endif
