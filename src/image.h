/* image: loaded data (the rule pack, the lexicons) copied, pointers and
 * all, into one block of bytes that can be written to a file and mapped
 * back in another process (cache.c keeps such files).
 *
 * Writing: each module copies its own structures with fg_image_add
 * (once per original object: the writer remembers what it has copied, so
 * that shared objects, such as a macro's tests used by hundreds of rules,
 * stay shared) and then points the copy's pointer fields at the copies of
 * what they pointed to with fg_image_link. Every object goes into one of
 * two sections: FG_IMAGE_READ, which is mapped read-only, and
 * FG_IMAGE_WRITE, for the few objects that change after loading (a
 * regex compiled on first use) and the roots that are freed field by
 * field. Errors are sticky: a failed call returns 0 and the writer
 * reports FG_ENOMEM or FG_ELIMIT at the end (fg_image_finish).
 *
 * Pointers in the image hold base + offset for the base address chosen
 * when writing. Mapping tries that address first (then nothing needs
 * changing and the read-only pages are shared with every other process
 * that maps the file); elsewhere, every pointer listed in the
 * relocation table is moved by the difference. Before use, the bytes
 * are checked against their XXH3 checksum and every relocation against
 * the image's bounds, so that a damaged file is refused, not followed;
 * a file made to look valid on purpose is not defended against (the
 * cache directory is the user's own). */
#ifndef FG_IMAGE_H
#define FG_IMAGE_H

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>

enum { FG_IMAGE_READ, FG_IMAGE_WRITE };

/* The largest image: 2 GiB. */
#define FG_IMAGE_MAX ((uint64_t)1 << 31)

typedef struct fg_image_writer fg_image_writer;

int fg_image_writer_new(fg_image_writer **out);
void fg_image_writer_free(fg_image_writer *w);

/* Copies data[0..size) into section sec, aligned to align (a power of
 * two up to 64), unless an object with the same key and size was copied
 * before. Returns the copy's handle (never 0), or 0 after an error;
 * *fresh (may be NULL) is 1 when this call made the copy, whose
 * pointer fields the caller then links. key is usually data itself; a
 * caller that copies a changed version of an object passes the
 * original as the key. */
uint64_t fg_image_add(fg_image_writer *w, const void *key, const void *data,
                      size_t size, size_t align, int sec, int *fresh);
/* An alignment enough for any type of this size: the largest power of
 * two that divides it, at most 16 (standard C has no alignof of an
 * expression). */
static inline size_t fg_image_align(size_t size)
{
    size_t a = size & (~size + 1);
    return a && a < 16 ? a : 16;
}
static inline uint64_t fg_image_copy(fg_image_writer *w, const void *p,
                                     size_t size, size_t align, int *fresh)
{
    if (p)
        return fg_image_add(w, p, p, size, align, FG_IMAGE_READ, fresh);
    if (fresh)
        *fresh = 0;
    return 0;
}
/* fg_image_add of an object or an array of n objects, keyed by itself,
 * in the read-only section; 0 (and *fresh 0) for NULL. */
#define FG_IMAGE_COPY(w, p, n, fresh)                                      \
    fg_image_copy((w), (p), (n) * sizeof *(p), fg_image_align(sizeof *(p)), \
                  (fresh))
/* A NUL-terminated string (0 for NULL). */
uint64_t fg_image_str(fg_image_writer *w, const char *s);
/* A copy of the array of n strings v and of each string (0 for NULL). */
uint64_t fg_image_strv(fg_image_writer *w, const char *const *v, size_t n);

/* Makes the pointer at handle + offset in a copy point to the copy with
 * handle target plus delta bytes (0: NULL). */
void fg_image_link(fg_image_writer *w, uint64_t at, uint64_t target,
                   size_t delta);
/* Overwrites n bytes at handle + offset in a copy (fields that differ
 * in the image, such as a flag or a cleared pointer). */
void fg_image_set(fg_image_writer *w, uint64_t at, const void *bytes,
                  size_t n);
#define FG_IMAGE_FIELD(h, type, field) ((h) + offsetof(type, field))
/* Points field of the copy of a type at handle h to target. */
#define FG_IMAGE_LINK(w, h, type, field, target)                          \
    fg_image_link((w), FG_IMAGE_FIELD((h), type, field), (target), 0)

/* What fg_image_finish produced and fg_image_map needs. */
typedef struct fg_image_desc {
    uint64_t base;     /* where the pointers point to */
    uint64_t size;     /* bytes of the image, a multiple of the page size */
    uint64_t ro_size;  /* the read-only section: bytes [0, ro_size) */
    uint64_t n_relocs; /* 64-bit offsets of the pointers, after the image */
    uint64_t checksum;       /* XXH3-64 of the image */
    uint64_t reloc_checksum; /* XXH3-64 of the relocations */
} fg_image_desc;

/* The offset in the mapped image of the copy with handle h: where a
 * root object will be (fg_image_at). */
uint64_t fg_image_offset(const fg_image_writer *w, uint64_t h);

/* Lays the image out for base (page-aligned) and writes it to fd at its
 * current position, which must be page-aligned in the file, followed
 * by the relocations; the writer is spent then (only fg_image_offset and
 * fg_image_writer_free remain). Returns 0, or the first error of the
 * copying (FG_ENOMEM; FG_ELIMIT, too large; FG_EINVAL, a handle or an
 * alignment out of place), or FG_EIO (errno set). */
int fg_image_finish(fg_image_writer *w, uint64_t base, int fd,
                    fg_image_desc *desc);

typedef struct fg_image fg_image;

/* Reads n bytes at off of fd: 0, FG_EDATA when the file ends first, or
 * FG_EIO. */
int fg_image_read_at(int fd, void *buf, size_t n, uint64_t off);

/* Maps the image that desc describes from fd at offset at (as
 * fg_image_finish wrote it). Returns 0, FG_ENOMEM, FG_EIO, or FG_EDATA
 * when the bytes do not match the description (damaged or cut short). */
int fg_image_map(fg_image **out, int fd, uint64_t at,
                 const fg_image_desc *desc);
void fg_image_unmap(fg_image *img);
/* The object at offset off of the mapped image. */
void *fg_image_at(const fg_image *img, uint64_t off);
/* Whether it is mapped where it was written for (nothing relocated). */
int fg_image_in_place(const fg_image *img);

#endif
