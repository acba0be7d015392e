/* cache: what loading reads (fg_digest), and the loaded lexicons and rule
 * pack kept in a cache file, so that the next start with the same data
 * maps them (image.h) instead of reading and compiling the XML again:
 * 5 ms instead of 150.
 *
 * A cache file is found by a key: a hash of this build of the library
 * (its GNU build id), the versions of PCRE2, utf8proc and libxml2, and
 * what the caller says the load depends on (the configured paths,
 * explaining or not; the working directory when a path is relative).
 * It holds the digest of the data, the list of every file and folder the
 * load read (the manifest: each file's XXH3, each folder's list of
 * entries) and the image. A file is used only when every file in its
 * manifest still has the same bytes and every folder the same entries,
 * and its checksums hold; otherwise the data is loaded from the XML and
 * the file written anew. Loads that reported anything (warnings
 * included) are not cached, so that the messages appear on every run.
 *
 * Files are written to a temporary name and renamed, so that concurrent
 * runs each see a whole file or none; the eight most recent are kept.
 * Nothing about the cache is an error for the caller: a directory that
 * cannot be created or written, a damaged file, or a failed mapping makes
 * a load from the XML (fg_cache_load's return says which). */
#ifndef FG_CACHE_H
#define FG_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include <xxhash.h>

#include "image.h"

typedef struct fg_manifest fg_manifest;

/* What loading read: every byte, in the order read (the data's digest,
 * which the RDF output names), and, when manifest is set, the files and
 * folders read. Either part may be NULL. */
typedef struct fg_digest {
    XXH3_state_t *state;
    fg_manifest *manifest;
} fg_digest;

void fg_digest_update(fg_digest *d, const void *bytes, size_t n);
/* Notes a file read, or a folder whose entries were listed (d may be
 * NULL). Running out of memory here spoils the manifest, not the load:
 * it is not cached. */
void fg_digest_note_file(fg_digest *d, const char *path);
void fg_digest_note_folder(fg_digest *d, const char *path);

int fg_manifest_new(fg_manifest **out);
void fg_manifest_free(fg_manifest *m);

typedef struct fg_cache fg_cache;

/* A cache in dir for a load that depends on the n strings parts (and on
 * the build). Returns 0 or FG_ENOMEM. */
int fg_cache_new(fg_cache **out, const char *dir, const char *const *parts,
                 size_t n);
void fg_cache_free(fg_cache *c);

enum { FG_CACHE_ROOTS = 2 };

/* Looks for a valid cache file. Returns 1 and sets *img, the roots'
 * addresses with the bytes of the image from each on (for the owner of
 * a root to check), and the data's digest (48 bytes with its NUL) on a
 * hit; 0 on a miss (no file, or one that is stale or damaged);
 * FG_ENOMEM. */
int fg_cache_load(fg_cache *c, fg_image **img, void *roots[FG_CACHE_ROOTS],
                  size_t avail[FG_CACHE_ROOTS], char digest[48]);

/* Writes the image with its roots (handles of w), the manifest and the
 * digest as the cache file. Returns 0, or a negative code when nothing
 * was written (a missing or read-only directory: FG_EIO). */
int fg_cache_store(fg_cache *c, fg_image_writer *w,
                   const uint64_t roots[FG_CACHE_ROOTS],
                   const fg_manifest *m, const char *digest);

/* The cache's file (for messages and tests). */
const char *fg_cache_path(const fg_cache *c);

#endif
