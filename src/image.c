/* image: see image.h. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>
#ifdef HAVE_VALGRIND_VALGRIND_H
#include <valgrind/memcheck.h>
#endif

#include "alloc.h"
#include "buf.h"
#include "factgraph.h"
#include "image.h"

/* Sections and the image start at multiples of 64 KiB in the file, so
 * that they can be mapped on machines with pages of up to that size. */
#define ALIGN ((uint64_t)1 << 16)
/* A handle is an offset in its section with the section in bit 62. No
 * object starts at offset 0 of a section, so that no handle is 0. */
#define SEC_SHIFT 62
#define OFF_MASK (((uint64_t)1 << SEC_SHIFT) - 1)
#define FIRST_OFF 64

/* What has been copied: an open-addressing table from key and size to
 * the copy's handle, in 16 bytes (sizes and offsets are below 2 GiB:
 * FG_IMAGE_MAX), so that the table of a pack's 200,000 objects stays
 * small: most lookups are of objects seen before. */
typedef struct seen_slot {
    const void *key;
    uint32_t size;
    uint32_t handle; /* the offset, with the section in the top bit; 0:
                        a free slot */
} seen_slot;

struct fg_image_writer {
    fg_buf sec[2];
    seen_slot *seen;
    size_t n_seen, cap_seen; /* cap: a power of two */
    uint64_t *relocs;  /* handles of the pointers to move */
    size_t n_relocs, cap_relocs;
    int error;
};

static uint64_t round_up(uint64_t n, uint64_t a)
{
    return (n + a - 1) & ~(a - 1);
}

int fg_image_writer_new(fg_image_writer **out)
{
    fg_image_writer *w = fg_calloc(1, sizeof *w);
    *out = w;
    if (w == NULL)
        return FG_ENOMEM;
    static const char zeros[FIRST_OFF];
    for (int s = 0; s < 2; s++) {
        fg_buf_init(&w->sec[s], FG_IMAGE_MAX);
        if (fg_buf_add(&w->sec[s], zeros, sizeof zeros) < 0) {
            fg_image_writer_free(w);
            *out = NULL;
            return FG_ENOMEM;
        }
    }
    return 0;
}

void fg_image_writer_free(fg_image_writer *w)
{
    if (w == NULL)
        return;
    fg_buf_clear(&w->sec[0]);
    fg_buf_clear(&w->sec[1]);
    fg_free(w->seen);
    fg_free(w->relocs);
    fg_free(w);
}

static void set_error(fg_image_writer *w, int rc)
{
    if (w->error == 0)
        w->error = rc;
}

static size_t seen_slot_of(const seen_slot *t, size_t cap, const void *key,
                           uint32_t size)
{
    uint64_t h = ((uint64_t)(uintptr_t)key ^ size * 0x9E3779B97F4A7C15ull) *
                 0xD6E8FEB86659FD93ull;
    size_t i = (size_t)(h >> 32) & (cap - 1);
    while (t[i].handle && (t[i].key != key || t[i].size != size))
        i = (i + 1) & (cap - 1);
    return i;
}

/* Room for one more entry, at three quarters' load. */
static int seen_grow(fg_image_writer *w)
{
    if (4 * (w->n_seen + 1) <= 3 * w->cap_seen)
        return 0;
    size_t cap = w->cap_seen ? 2 * w->cap_seen : 4096;
    seen_slot *t = fg_calloc(cap, sizeof *t);
    if (t == NULL)
        return FG_ENOMEM;
    for (size_t i = 0; i < w->cap_seen; i++)
        if (w->seen[i].handle)
            t[seen_slot_of(t, cap, w->seen[i].key, w->seen[i].size)] =
                w->seen[i];
    fg_free(w->seen);
    w->seen = t;
    w->cap_seen = cap;
    return 0;
}

uint64_t fg_image_add(fg_image_writer *w, const void *key, const void *data,
                      size_t size, size_t align, int sec, int *fresh)
{
    if (fresh)
        *fresh = 0;
    if (w->error)
        return 0;
    if (size >= FG_IMAGE_MAX) {
        set_error(w, FG_ELIMIT);
        return 0;
    }
    if (seen_grow(w) < 0) {
        set_error(w, FG_ENOMEM);
        return 0;
    }
    size_t slot = seen_slot_of(w->seen, w->cap_seen, key, (uint32_t)size);
    uint32_t old = w->seen[slot].handle;
    if (old)
        return ((uint64_t)(old >> 31) << SEC_SHIFT) | (old & 0x7fffffffu);
    fg_buf *b = &w->sec[sec];
    static const char zeros[64];
    size_t pad = (size_t)(round_up(b->len, align) - b->len);
    size_t off = b->len + pad;
    int rc = align > sizeof zeros ? FG_EINVAL : 0;
    if (rc == 0)
        rc = fg_buf_add(b, zeros, pad);
    /* An empty object takes a byte, so that it has an address of its own,
     * as it had. */
    if (rc == 0)
        rc = size ? fg_buf_add(b, data, size) : fg_buf_add(b, zeros, 1);
    if (rc < 0) {
        set_error(w, rc);
        return 0;
    }
    if (off >= FG_IMAGE_MAX) {
        set_error(w, FG_ELIMIT);
        return 0;
    }
    uint64_t h = ((uint64_t)sec << SEC_SHIFT) | off;
    w->seen[slot] = (seen_slot){key, (uint32_t)size,
                                (uint32_t)off | (uint32_t)sec << 31};
    w->n_seen++;
    if (fresh)
        *fresh = 1;
    return h;
}

uint64_t fg_image_str(fg_image_writer *w, const char *s)
{
    return s ? fg_image_add(w, s, s, strlen(s) + 1, 1, FG_IMAGE_READ, NULL)
             : 0;
}

uint64_t fg_image_strv(fg_image_writer *w, const char *const *v, size_t n)
{
    int fresh;
    uint64_t h = FG_IMAGE_COPY(w, v, n, &fresh);
    for (size_t i = 0; fresh && i < n; i++)
        fg_image_link(w, h + i * sizeof *v, fg_image_str(w, v[i]), 0);
    return h;
}

/* The bytes at handle h, n of them, or NULL (an error is set). */
static unsigned char *at(fg_image_writer *w, uint64_t h, size_t n)
{
    fg_buf *b = &w->sec[h >> SEC_SHIFT];
    uint64_t off = h & OFF_MASK;
    if (w->error)
        return NULL;
    if (off < FIRST_OFF || off > b->len || n > b->len - off) {
        set_error(w, FG_EINVAL);
        return NULL;
    }
    return (unsigned char *)b->data + off;
}

void fg_image_set(fg_image_writer *w, uint64_t h, const void *bytes, size_t n)
{
    unsigned char *p = at(w, h, n);
    if (p)
        memcpy(p, bytes, n);
}

void fg_image_link(fg_image_writer *w, uint64_t h, uint64_t target,
                   size_t delta)
{
    uint64_t v = target ? target + delta : 0;
    unsigned char *p = at(w, h, sizeof v);
    if (p == NULL || (h & 7) != 0) {
        set_error(w, FG_EINVAL);
        return;
    }
    memcpy(p, &v, sizeof v);
    if (target == 0)
        return;
    if (fg_grow((void **)&w->relocs, &w->cap_relocs, w->n_relocs + 1,
                sizeof *w->relocs) < 0) {
        set_error(w, FG_ENOMEM);
        return;
    }
    w->relocs[w->n_relocs++] = h;
}

uint64_t fg_image_offset(const fg_image_writer *w, uint64_t h)
{
    uint64_t ro = round_up(w->sec[0].len, ALIGN);
    return (h >> SEC_SHIFT ? ro : 0) + (h & OFF_MASK);
}

/* Writes n bytes; 0 or FG_EIO. */
static int write_all(int fd, const void *p, size_t n, XXH3_state_t *sum)
{
    XXH3_64bits_update(sum, p, n);
    const char *c = p;
    while (n > 0) {
        ssize_t k = write(fd, c, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return FG_EIO;
        c += k;
        n -= (size_t)k;
    }
    return 0;
}

static int write_zeros(int fd, uint64_t n, XXH3_state_t *sum)
{
    static const char zeros[4096];
    int rc = 0;
    while (rc == 0 && n > 0) {
        size_t k = n < sizeof zeros ? (size_t)n : sizeof zeros;
        rc = write_all(fd, zeros, k, sum);
        n -= k;
    }
    return rc;
}

int fg_image_finish(fg_image_writer *w, uint64_t base, int fd,
                    fg_image_desc *desc)
{
    if (w->error)
        return w->error;
    uint64_t ro = round_up(w->sec[0].len, ALIGN);
    uint64_t size = ro + round_up(w->sec[1].len, ALIGN);
    if (size > FG_IMAGE_MAX || base % ALIGN != 0 || base + size < base)
        return FG_ELIMIT;
    /* Handles become addresses, and the relocations offsets. */
    for (size_t i = 0; i < w->n_relocs; i++) {
        unsigned char *p = at(w, w->relocs[i], sizeof(uint64_t));
        if (p == NULL)
            return FG_EINVAL;
        uint64_t v;
        memcpy(&v, p, sizeof v);
        v = base + fg_image_offset(w, v);
        memcpy(p, &v, sizeof v);
        w->relocs[i] = fg_image_offset(w, w->relocs[i]);
    }
    XXH3_state_t *sum = XXH3_createState();
    if (sum == NULL)
        return FG_ENOMEM;
#ifdef HAVE_VALGRIND_VALGRIND_H
    /* The copies hold the padding bytes of the structures they copied,
     * which no one wrote and no one reads (memcheck would report them
     * as uninitialised when they are written out). */
    for (int s = 0; s < 2; s++)
        (void)VALGRIND_MAKE_MEM_DEFINED(w->sec[s].data, w->sec[s].len);
#endif
    XXH3_64bits_reset(sum);
    int rc = write_all(fd, w->sec[0].data, w->sec[0].len, sum);
    if (rc == 0)
        rc = write_zeros(fd, ro - w->sec[0].len, sum);
    if (rc == 0)
        rc = write_all(fd, w->sec[1].data, w->sec[1].len, sum);
    if (rc == 0)
        rc = write_zeros(fd, size - ro - w->sec[1].len, sum);
    *desc = (fg_image_desc){base, size, ro, w->n_relocs,
                            XXH3_64bits_digest(sum), 0};
    XXH3_64bits_reset(sum);
    if (rc == 0)
        rc = write_all(fd, w->relocs, w->n_relocs * sizeof *w->relocs, sum);
    desc->reloc_checksum = XXH3_64bits_digest(sum);
    XXH3_freeState(sum);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Mapping                                                             */

struct fg_image {
    unsigned char *p;
    uint64_t size;
    int in_place;
};

int fg_image_read_at(int fd, void *buf, size_t n, uint64_t off)
{
    char *c = buf;
    while (n > 0) {
        ssize_t k = pread(fd, c, n, (off_t)off);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return k == 0 ? FG_EDATA : FG_EIO;
        c += k;
        n -= (size_t)k;
        off += (uint64_t)k;
    }
    return 0;
}

/* Moves every pointer by the difference between where the image is and
 * where it was written for, after checking the relocations. */
static int relocate(fg_image *img, int fd, uint64_t at,
                    const fg_image_desc *d, XXH3_state_t *sum)
{
    enum { CHUNK = 8192 };
    uint64_t *r = fg_malloc(CHUNK * sizeof *r);
    if (r == NULL)
        return FG_ENOMEM;
    uint64_t delta = (uint64_t)(uintptr_t)img->p - d->base;
    int rc = 0;
    /* Checked, and against their checksum, before anything moves. */
    for (int pass = 0; pass < 2 && rc == 0; pass++) {
        for (uint64_t i = 0; i < d->n_relocs && rc == 0; i += CHUNK) {
            size_t n = (size_t)(d->n_relocs - i < CHUNK ? d->n_relocs - i
                                                         : CHUNK);
            rc = fg_image_read_at(fd, r, n * sizeof *r,
                                  at + d->size + i * sizeof *r);
            for (size_t k = 0; rc == 0 && k < n; k++) {
                if (pass == 0) {
                    if (r[k] % 8 != 0 || r[k] > d->size - 8)
                        rc = FG_EDATA;
                    continue;
                }
                uint64_t v;
                memcpy(&v, img->p + r[k], sizeof v);
                if (v < d->base || v - d->base >= d->size) {
                    rc = FG_EDATA;
                    break;
                }
                v += delta;
                memcpy(img->p + r[k], &v, sizeof v);
            }
            if (pass == 0 && rc == 0)
                XXH3_64bits_update(sum, r, n * sizeof *r);
        }
        if (pass == 0 && rc == 0 &&
            XXH3_64bits_digest(sum) != d->reloc_checksum)
            rc = FG_EDATA;
    }
    fg_free(r);
    return rc;
}

int fg_image_map(fg_image **out, int fd, uint64_t at,
                 const fg_image_desc *d)
{
    *out = NULL;
    struct stat st;
    if (d->size == 0 || d->size > FG_IMAGE_MAX || d->size % ALIGN ||
        d->ro_size > d->size || d->ro_size % ALIGN || d->base % ALIGN ||
        d->base > UINTPTR_MAX - d->size || at % ALIGN ||
        d->n_relocs > d->size / 8)
        return FG_EDATA;
    if (fstat(fd, &st) != 0)
        return FG_EIO;
    if ((uint64_t)st.st_size < at + d->size + d->n_relocs * 8)
        return FG_EDATA;
    fg_image *img = fg_calloc(1, sizeof *img);
    if (img == NULL)
        return FG_ENOMEM;
    img->size = d->size;
    /* Read-only and populated: the pages are the page cache's, shared
     * with every other process that maps the file. (A writable private
     * mapping would be copied page by page on populating.) The address
     * is a hint: Linux maps there when the range is free, elsewhere
     * otherwise (and so do the sanitizers, whose memory layouts may not
     * allow it). */
    void *want = (void *)(uintptr_t)d->base;
    void *p = mmap(want, d->size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd,
                   (off_t)at);
    if (p == MAP_FAILED) {
        fg_free(img);
        return errno == ENOMEM ? FG_ENOMEM : FG_EIO;
    }
    img->p = p;
    img->in_place = p == want;
    XXH3_state_t *sum = XXH3_createState();
    int rc = sum ? 0 : FG_ENOMEM;
    if (rc == 0) {
        XXH3_64bits_reset(sum);
        XXH3_64bits_update(sum, img->p, d->size);
    }
    if (rc == 0 && XXH3_64bits_digest(sum) != d->checksum)
        rc = FG_EDATA;
    if (rc == 0 && !img->in_place) {
        XXH3_64bits_reset(sum);
        rc = mprotect(img->p, d->size, PROT_READ | PROT_WRITE) == 0
                 ? relocate(img, fd, at, d, sum)
                 : FG_EIO;
        if (rc == 0 && mprotect(img->p, d->ro_size, PROT_READ) != 0)
            rc = FG_EIO;
    }
    if (rc == 0 && img->in_place && d->size > d->ro_size &&
        mprotect(img->p + d->ro_size, d->size - d->ro_size,
                 PROT_READ | PROT_WRITE) != 0)
        rc = FG_EIO;
    if (sum)
        XXH3_freeState(sum);
    if (rc < 0) {
        fg_image_unmap(img);
        return rc;
    }
    *out = img;
    return 0;
}

void fg_image_unmap(fg_image *img)
{
    if (img == NULL)
        return;
    munmap(img->p, img->size);
    fg_free(img);
}

void *fg_image_at(const fg_image *img, uint64_t off)
{
    return img->p + off;
}

int fg_image_in_place(const fg_image *img) { return img->in_place; }
