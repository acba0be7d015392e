/* cache: see cache.h. */
#include "config.h"

#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <libxml/xmlversion.h>
#include <pcre2.h>
#include <utf8proc.h>

#include "alloc.h"
#include "buf.h"
#include "cache.h"
#include "factgraph.h"
#include "strmap.h"

/* The file format; a change makes every older file a miss. */
#define FORMAT 1
#define MAGIC "FGCACHE"
#define SUFFIX ".fgc"
#define TMP_PREFIX ".tmp-"
#define KEEP 8                      /* cache files kept in a directory */
#define ALIGN ((uint64_t)1 << 16)   /* as image.c's */
#define MAX_MANIFEST ((uint64_t)64 << 20)
#define STALE_TMP_SECONDS 3600      /* a temporary file left by a crash */

/* ------------------------------------------------------------------ */
/* The digest and the manifest                                         */

typedef struct entry {
    char kind;          /* 'f' a file, 'd' a folder's entries, 'n' a path
                           that was not there (an optional folder) */
    char *path;
    struct stat st;     /* when noted, to see changes during the load */
    int stat_ok;
} entry;

struct fg_manifest {
    entry *items;
    size_t n, cap;
    fg_strmap seen;     /* kind and path */
    int broken;         /* out of memory while noting */
};

void fg_digest_update(fg_digest *d, const void *bytes, size_t n)
{
    if (d && d->state && n)
        XXH3_128bits_update(d->state, bytes, n);
}

static void note(fg_digest *d, char kind, const char *path)
{
    if (d == NULL || d->manifest == NULL || d->manifest->broken)
        return;
    fg_manifest *m = d->manifest;
    size_t len = strlen(path);
    char *key = fg_malloc(len + 2);
    int rc = key ? 0 : FG_ENOMEM;
    uint32_t old;
    if (rc == 0) {
        key[0] = kind;
        memcpy(key + 1, path, len + 1);
        rc = fg_strmap_add(&m->seen, key, len + 1, (uint32_t)m->n, &old);
    }
    fg_free(key);
    if (rc == 1)
        return;
    entry *e = NULL;
    if (rc == 0 &&
        fg_grow((void **)&m->items, &m->cap, m->n + 1, sizeof *m->items) == 0)
        e = &m->items[m->n];
    if (e == NULL || (e->path = fg_strdup(path)) == NULL) {
        m->broken = 1;
        return;
    }
    e->kind = kind;
    e->stat_ok = stat(path, &e->st) == 0;
    if (!e->stat_ok && errno == ENOENT)
        e->kind = 'n';
    m->n++;
}

void fg_digest_note_file(fg_digest *d, const char *path)
{
    note(d, 'f', path);
}

void fg_digest_note_folder(fg_digest *d, const char *path)
{
    note(d, 'd', path);
}

int fg_manifest_new(fg_manifest **out)
{
    *out = fg_calloc(1, sizeof **out);
    if (*out == NULL)
        return FG_ENOMEM;
    fg_strmap_init(&(*out)->seen);
    return 0;
}

void fg_manifest_free(fg_manifest *m)
{
    if (m == NULL)
        return;
    for (size_t i = 0; i < m->n; i++)
        fg_free(m->items[i].path);
    fg_free(m->items);
    fg_strmap_clear(&m->seen);
    fg_free(m);
}

/* XXH3 of a file's bytes; 0, FG_EIO (errno set) or FG_ENOMEM. */
static int hash_file(const char *path, uint64_t *out)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return FG_EIO;
    enum { CHUNK = 1 << 16 };
    char *buf = fg_malloc(CHUNK);
    XXH3_state_t *st = XXH3_createState();
    int rc = buf && st ? 0 : FG_ENOMEM;
    if (rc == 0)
        XXH3_64bits_reset(st);
    while (rc == 0) {
        ssize_t k = read(fd, buf, CHUNK);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            rc = FG_EIO;
        if (k <= 0)
            break;
        XXH3_64bits_update(st, buf, (size_t)k);
    }
    if (rc == 0)
        *out = XXH3_64bits_digest(st);
    if (st)
        XXH3_freeState(st);
    fg_free(buf);
    close(fd);
    return rc;
}

/* The entries that loading lists (rules.c, lexicon.c): not hidden. */
static int visible(const struct dirent *d) { return d->d_name[0] != '.'; }

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* XXH3 of a folder's visible entries' names, in byte order. */
static int hash_folder(const char *path, uint64_t *out)
{
    struct dirent **list;
    int n = scandir(path, &list, visible, by_name);
    if (n < 0)
        return errno == ENOMEM ? FG_ENOMEM : FG_EIO;
    XXH3_state_t *st = XXH3_createState();
    if (st)
        XXH3_64bits_reset(st);
    for (int i = 0; i < n; i++) {
        if (st)
            XXH3_64bits_update(st, list[i]->d_name,
                               strlen(list[i]->d_name) + 1);
        free(list[i]);
    }
    free(list);
    if (st == NULL)
        return FG_ENOMEM;
    *out = XXH3_64bits_digest(st);
    XXH3_freeState(st);
    return 0;
}

/* A path that must still be missing: 0 when it is, else FG_EIO. */
static int hash_missing(const char *path, uint64_t *out)
{
    struct stat st;
    *out = 0;
    return stat(path, &st) != 0 && errno == ENOENT ? 0 : FG_EIO;
}

static int hash_entry(char kind, const char *path, uint64_t *out)
{
    return kind == 'f'   ? hash_file(path, out)
           : kind == 'd' ? hash_folder(path, out)
                         : hash_missing(path, out);
}

static int same_stat(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
           a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
           a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* The manifest as stored: per entry its kind, XXH3, path length and
 * path. FG_EDATA when something changed while it was being loaded. */
static int manifest_bytes(const fg_manifest *m, fg_buf *out)
{
    if (m->broken)
        return FG_ENOMEM;
    for (size_t i = 0; i < m->n; i++) {
        const entry *e = &m->items[i];
        struct stat now;
        uint64_t h;
        uint32_t len = (uint32_t)strlen(e->path);
        int rc = e->kind == 'n' ? hash_missing(e->path, &h)
                 : !e->stat_ok || stat(e->path, &now) != 0 ||
                         !same_stat(&e->st, &now)
                     ? FG_EDATA
                     : hash_entry(e->kind, e->path, &h);
        if (rc == 0 && (rc = fg_buf_addc(out, e->kind)) == 0 &&
            (rc = fg_buf_add(out, &h, sizeof h)) == 0 &&
            (rc = fg_buf_add(out, &len, sizeof len)) == 0)
            rc = fg_buf_add(out, e->path, len);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Whether every entry of a stored manifest still holds: 1, 0, or
 * FG_ENOMEM. */
static int manifest_holds(const char *p, size_t len)
{
    char path[4096];
    while (len > 0) {
        uint64_t h, now;
        uint32_t n;
        if (len < 1 + sizeof h + sizeof n)
            return 0;
        char kind = p[0];
        memcpy(&h, p + 1, sizeof h);
        memcpy(&n, p + 1 + sizeof h, sizeof n);
        p += 1 + sizeof h + sizeof n;
        len -= 1 + sizeof h + sizeof n;
        if ((kind != 'f' && kind != 'd' && kind != 'n') || n >= sizeof path ||
            n > len)
            return 0;
        memcpy(path, p, n);
        path[n] = '\0';
        p += n;
        len -= n;
        int rc = hash_entry(kind, path, &now);
        if (rc == FG_ENOMEM)
            return rc;
        if (rc < 0 || now != h)
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* Keys and files                                                      */

struct fg_cache {
    char *dir;
    char *path;
    XXH128_hash_t key;
};

typedef struct header {
    char magic[8];
    uint32_t format;
    uint32_t header_size; /* where the image starts in the file */
    uint64_t key_high, key_low;
    fg_image_desc image;
    uint64_t roots[FG_CACHE_ROOTS]; /* offsets in the image */
    uint64_t manifest_len;          /* after the header */
    uint64_t manifest_sum;
    char digest[48];
} header;

/* The GNU build id of the object this code is in, which changes with
 * any change to the code or the way it was built. */
typedef struct build_id {
    const void *addr;
    unsigned char id[64];
    size_t len;
} build_id;

static int find_build_id(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    build_id *b = data;
    uintptr_t a = (uintptr_t)b->addr;
    int here = 0;
    for (int i = 0; i < info->dlpi_phnum && !here; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t start = info->dlpi_addr + ph->p_vaddr;
        here = ph->p_type == PT_LOAD && a >= start && a - start < ph->p_memsz;
    }
    if (!here)
        return 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_NOTE)
            continue;
        const unsigned char *p =
            (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
        size_t left = ph->p_memsz;
        while (left >= sizeof(ElfW(Nhdr))) {
            ElfW(Nhdr) nh;
            memcpy(&nh, p, sizeof nh);
            size_t name = (nh.n_namesz + 3) & ~(size_t)3;
            size_t desc = (nh.n_descsz + 3) & ~(size_t)3;
            if (name + desc > left - sizeof nh)
                break;
            if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
                memcmp(p + sizeof nh, "GNU", 4) == 0 &&
                nh.n_descsz <= sizeof b->id) {
                memcpy(b->id, p + sizeof nh + name, nh.n_descsz);
                b->len = nh.n_descsz;
                return 1;
            }
            p += sizeof nh + name + desc;
            left -= sizeof nh + name + desc;
        }
    }
    return 1; /* found the object, without an id */
}

int fg_cache_new(fg_cache **out, const char *dir, const char *const *parts,
                 size_t n)
{
    *out = NULL;
    build_id b = {.addr = (const void *)fg_cache_new};
    dl_iterate_phdr(find_build_id, &b);
    if (b.len == 0)
        return FG_EINVAL; /* no build id: no telling builds apart */
    char pcre2[64] = "";
    pcre2_config(PCRE2_CONFIG_VERSION, pcre2);
    fg_buf key;
    fg_buf_init(&key, 1 << 20);
    int rc = fg_buf_printf(&key, "%d%c%zu%c%s%c%s%c%s%c", FORMAT, 0,
                           sizeof(void *), 0, pcre2, 0, utf8proc_version(),
                           0, LIBXML_DOTTED_VERSION, 0);
    if (rc == 0)
        rc = fg_buf_add(&key, b.id, b.len);
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = fg_buf_add(&key, parts[i], strlen(parts[i]) + 1);
    fg_cache *c = rc == 0 ? fg_calloc(1, sizeof *c) : NULL;
    if (c) {
        c->key = XXH3_128bits(key.data, key.len);
        c->dir = fg_strdup(dir);
        size_t len = strlen(dir) + 1 + 32 + sizeof SUFFIX;
        if ((c->path = fg_malloc(len)) != NULL)
            snprintf(c->path, len, "%s/%016llx%016llx%s", dir,
                     (unsigned long long)c->key.high64,
                     (unsigned long long)c->key.low64, SUFFIX);
    }
    fg_buf_clear(&key);
    if (c == NULL || c->dir == NULL || c->path == NULL) {
        fg_cache_free(c);
        return FG_ENOMEM;
    }
    *out = c;
    return 0;
}

void fg_cache_free(fg_cache *c)
{
    if (c == NULL)
        return;
    fg_free(c->dir);
    fg_free(c->path);
    fg_free(c);
}

const char *fg_cache_path(const fg_cache *c) { return c->path; }

int fg_cache_load(fg_cache *c, fg_image **img, void *roots[FG_CACHE_ROOTS],
                  size_t avail[FG_CACHE_ROOTS], char digest[48])
{
    *img = NULL;
    int fd = open(c->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    header h;
    char *manifest = NULL;
    int rc = 0;
    /* Only a file of this user's that no one else may write: a file made
     * to look valid could point anywhere. */
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        st.st_uid != geteuid() || (st.st_mode & (S_IWGRP | S_IWOTH)))
        goto done;
    if (fg_image_read_at(fd, &h, sizeof h, 0) != 0 ||
        memcmp(h.magic, MAGIC, sizeof MAGIC) != 0 || h.format != FORMAT ||
        h.key_high != c->key.high64 || h.key_low != c->key.low64 ||
        h.manifest_len > MAX_MANIFEST || h.header_size % ALIGN != 0 ||
        h.header_size < sizeof h + h.manifest_len ||
        memchr(h.digest, '\0', sizeof h.digest) == NULL)
        goto done;
    rc = FG_ENOMEM;
    if ((manifest = fg_malloc(h.manifest_len + 1)) == NULL)
        goto done;
    rc = 0;
    if (fg_image_read_at(fd, manifest, h.manifest_len, sizeof h) != 0 ||
        XXH3_64bits(manifest, h.manifest_len) != h.manifest_sum)
        goto done;
    if ((rc = manifest_holds(manifest, h.manifest_len)) <= 0)
        goto done;
    rc = fg_image_map(img, fd, h.header_size, &h.image);
    if (rc == FG_ENOMEM)
        goto done;
    rc = 0;
    if (*img == NULL)
        goto done;
    for (int i = 0; i < FG_CACHE_ROOTS; i++)
        if (h.roots[i] % 8 != 0 || h.roots[i] >= h.image.size)
            goto done;
    for (int i = 0; i < FG_CACHE_ROOTS; i++) {
        roots[i] = fg_image_at(*img, h.roots[i]);
        avail[i] = (size_t)(h.image.size - h.roots[i]);
    }
    memcpy(digest, h.digest, sizeof h.digest);
    rc = 1;
done:
    if (rc != 1) {
        fg_image_unmap(*img);
        *img = NULL;
    }
    fg_free(manifest);
    close(fd);
    return rc;
}

/* mkdir -p, new folders private (the XDG base directory rules). */
static int make_dirs(const char *dir)
{
    char *p = fg_strdup(dir);
    if (p == NULL)
        return FG_ENOMEM;
    int rc = 0;
    for (char *s = p + 1; rc == 0; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char c = *s;
        *s = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST)
            rc = FG_EIO;
        *s = c;
        if (c == '\0')
            break;
    }
    fg_free(p);
    return rc;
}

typedef struct aged {
    char *name;
    struct timespec mtime;
} aged;

static int by_age(const void *a, const void *b)
{
    const struct timespec *x = &((const aged *)a)->mtime,
                          *y = &((const aged *)b)->mtime;
    if (x->tv_sec != y->tv_sec)
        return x->tv_sec > y->tv_sec ? -1 : 1;
    return x->tv_nsec > y->tv_nsec ? -1 : x->tv_nsec < y->tv_nsec;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Removes all but the KEEP newest cache files of c's directory, and
 * temporary files that a crashed run left. */
static void prune(const fg_cache *c)
{
    DIR *d = opendir(c->dir);
    if (d == NULL)
        return;
    aged *files = NULL;
    size_t n = 0, cap = 0;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        struct stat st;
        int tmp = strncmp(e->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) == 0;
        if ((!tmp && !ends_with(e->d_name, SUFFIX)) ||
            fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
            !S_ISREG(st.st_mode))
            continue;
        if (tmp) {
            if (now.tv_sec - st.st_mtim.tv_sec > STALE_TMP_SECONDS)
                unlinkat(dirfd(d), e->d_name, 0);
            continue;
        }
        char *name = NULL;
        if (fg_grow((void **)&files, &cap, n + 1, sizeof *files) < 0 ||
            (name = fg_strdup(e->d_name)) == NULL)
            break;
        files[n++] = (aged){name, st.st_mtim};
    }
    if (n > 1)
        qsort(files, n, sizeof *files, by_age);
    for (size_t i = 0; i < n; i++) {
        if (i >= KEEP)
            unlinkat(dirfd(d), files[i].name, 0);
        fg_free(files[i].name);
    }
    fg_free(files);
    closedir(d);
}

int fg_cache_store(fg_cache *c, fg_image_writer *w,
                   const uint64_t roots[FG_CACHE_ROOTS],
                   const fg_manifest *m, const char *digest)
{
    header h;
    memset(&h, 0, sizeof h); /* all of it is written */
    memcpy(h.magic, MAGIC, sizeof MAGIC);
    h.format = FORMAT;
    h.key_high = c->key.high64;
    h.key_low = c->key.low64;
    if (strlen(digest) >= sizeof h.digest)
        return FG_EINVAL;
    strcpy(h.digest, digest);
    fg_buf mb;
    fg_buf_init(&mb, MAX_MANIFEST);
    int rc = manifest_bytes(m, &mb);
    if (rc < 0) {
        fg_buf_clear(&mb);
        return rc;
    }
    h.manifest_len = mb.len;
    h.manifest_sum = XXH3_64bits(mb.data, mb.len);
    h.header_size = (uint32_t)((sizeof h + mb.len + ALIGN - 1) & ~(ALIGN - 1));
    for (int i = 0; i < FG_CACHE_ROOTS; i++)
        h.roots[i] = fg_image_offset(w, roots[i]);
    /* Where the image is mapped when that address is free: one of 4,096
     * slots of 4 GiB from 32 TiB, far from where Linux puts programs,
     * their heaps and their mappings. */
    uint64_t base = ((uint64_t)1 << 45) + ((c->key.low64 % 4096) << 32);

    size_t len = strlen(c->dir) + sizeof "/" TMP_PREFIX "XXXXXX";
    char *tmp = fg_malloc(len);
    int fd = -1;
    rc = FG_ENOMEM;
    if (tmp == NULL)
        goto done;
    snprintf(tmp, len, "%s/" TMP_PREFIX "XXXXXX", c->dir);
    rc = FG_EIO;
    if (make_dirs(c->dir) != 0 || (fd = mkstemp(tmp)) < 0) {
        fg_free(tmp); /* nothing made */
        tmp = NULL;
        goto done;
    }
    if (lseek(fd, h.header_size, SEEK_SET) < 0 ||
        (rc = fg_image_finish(w, base, fd, &h.image)) < 0)
        goto done;
    rc = FG_EIO;
    if (pwrite(fd, &h, sizeof h, 0) != (ssize_t)sizeof h ||
        (mb.len && pwrite(fd, mb.data, mb.len, sizeof h) != (ssize_t)mb.len))
        goto done;
    if (close(fd) != 0) {
        fd = -1;
        goto done;
    }
    fd = -1;
    if (rename(tmp, c->path) != 0)
        goto done;
    fg_free(tmp);
    tmp = NULL;
    rc = 0;
    prune(c);
done:
    if (fd >= 0)
        close(fd);
    if (tmp) {
        unlink(tmp);
        fg_free(tmp);
    }
    fg_buf_clear(&mb);
    return rc;
}
