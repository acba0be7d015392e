/* Unit tests of image and cache: a structure with shared and writable
 * objects survives writing and mapping, in place and moved; damaged
 * images are refused; engines mapped from the cache, in place and moved,
 * extract what the engine that wrote it extracts, and explaining has a
 * cache of its own. */
#include "config.h"

#include <fcntl.h>
#include <stdalign.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>

#include "testutil.h"

#include "alloc.h"
#include "image.h"

typedef struct node {
    const char *name;
    struct node *next;
    struct node *shared; /* every node: the first */
    uint64_t value;
} node;

typedef struct root {
    node *list;
    uint64_t *counter; /* in the writable section */
    uint64_t n;
} root;

enum { NODES = 1000 };

static uint64_t save_list(fg_image_writer *w, const node *first)
{
    uint64_t head = 0, prev = 0;
    for (const node *n = first; n; n = n->next) {
        int fresh;
        uint64_t h = FG_IMAGE_COPY(w, n, 1, &fresh);
        assert_true(fresh);
        fg_image_link(w, FG_IMAGE_FIELD(h, node, name),
                      fg_image_str(w, n->name), 0);
        /* The first node again: the copy made above, not a second one. */
        fg_image_link(w, FG_IMAGE_FIELD(h, node, shared),
                      FG_IMAGE_COPY(w, n->shared, 1, &fresh), 0);
        assert_false(fresh);
        if (prev)
            fg_image_link(w, FG_IMAGE_FIELD(prev, node, next), h, 0);
        else
            head = h;
        fg_image_link(w, FG_IMAGE_FIELD(h, node, next), 0, 0);
        prev = h;
    }
    return head;
}

/* Writes an image of a list of NODES nodes to a new temporary file;
 * returns its descriptor, and the root's offset in *root_off. */
static int write_image(fg_image_desc *desc, uint64_t *root_off,
                       char *path, uint64_t base)
{
    node *nodes = test_calloc(NODES, sizeof *nodes);
    char (*names)[16] = test_malloc(NODES * sizeof *names);
    for (int i = 0; i < NODES; i++) {
        snprintf(names[i], sizeof names[i], "node-%d", i);
        nodes[i] = (node){names[i], i + 1 < NODES ? &nodes[i + 1] : NULL,
                          &nodes[0], (uint64_t)i * 7};
    }
    uint64_t counter = 41;
    root r = {nodes, &counter, NODES};
    fg_image_writer *w;
    assert_int_equal(fg_image_writer_new(&w), 0);
    uint64_t rh = fg_image_add(w, &r, &r, sizeof r, alignof(root),
                               FG_IMAGE_READ, NULL);
    fg_image_link(w, FG_IMAGE_FIELD(rh, root, list), save_list(w, nodes), 0);
    fg_image_link(w, FG_IMAGE_FIELD(rh, root, counter),
                  fg_image_add(w, &counter, &counter, sizeof counter,
                               alignof(uint64_t), FG_IMAGE_WRITE, NULL),
                  0);
    *root_off = fg_image_offset(w, rh);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(fg_image_finish(w, base, fd, desc), 0);
    fg_image_writer_free(w);
    test_free(names);
    test_free(nodes);
    return fd;
}

static void check_image(const fg_image *img, uint64_t root_off,
                        const fg_image_desc *desc)
{
    const root *r = fg_image_at(img, root_off);
    const unsigned char *lo = fg_image_at(img, 0), *hi = lo + desc->size;
    assert_int_equal(r->n, NODES);
    int i = 0;
    for (const node *n = r->list; n; n = n->next, i++) {
        char want[16];
        snprintf(want, sizeof want, "node-%d", i);
        assert_true((const unsigned char *)n >= lo &&
                    (const unsigned char *)n < hi);
        assert_string_equal(n->name, want);
        assert_ptr_equal(n->shared, r->list);
        assert_int_equal(n->value, (uint64_t)i * 7);
    }
    assert_int_equal(i, NODES);
    /* The writable object can be written; the rest is read-only. */
    assert_true((const unsigned char *)r->counter >= lo + desc->ro_size);
    assert_int_equal(*r->counter, 41);
    (*r->counter)++;
}

static void test_image_round_trip(void **state)
{
    (void)state;
    char path[] = "/tmp/fg-test-image-XXXXXX";
    fg_image_desc desc;
    uint64_t root_off, base = (uint64_t)3 << 44;
    int fd = write_image(&desc, &root_off, path, base);
    assert_int_equal(desc.base, base);
    assert_true(desc.n_relocs >= 2 * NODES);
    fg_image *a, *b;
    assert_int_equal(fg_image_map(&a, fd, 0, &desc), 0);
    if (fg_image_in_place(a))
        assert_ptr_equal(fg_image_at(a, 0), (void *)(uintptr_t)base);
    check_image(a, root_off, &desc);
    /* Its address is taken now: the second mapping is moved. */
    assert_int_equal(fg_image_map(&b, fd, 0, &desc), 0);
    assert_false(fg_image_in_place(b));
    check_image(b, root_off, &desc);
    /* Each process's writes are its own. */
    const root *ra = fg_image_at(a, root_off), *rb = fg_image_at(b, root_off);
    assert_int_equal(*ra->counter, 42);
    assert_int_equal(*rb->counter, 42);
    fg_image_unmap(a);
    fg_image_unmap(b);
    close(fd);
    unlink(path);
}

/* Flips a byte of the file at off. */
static void flip(int fd, uint64_t off)
{
    unsigned char c;
    assert_int_equal(pread(fd, &c, 1, (off_t)off), 1);
    c ^= 0x20;
    assert_int_equal(pwrite(fd, &c, 1, (off_t)off), 1);
}

static void test_image_damaged(void **state)
{
    (void)state;
    char path[] = "/tmp/fg-test-image-XXXXXX";
    fg_image_desc desc;
    uint64_t root_off;
    int fd = write_image(&desc, &root_off, path, (uint64_t)3 << 44);
    fg_image *img = NULL, *moved = NULL;
    /* A byte of the image. */
    flip(fd, root_off + 1);
    assert_int_equal(fg_image_map(&img, fd, 0, &desc), FG_EDATA);
    assert_null(img);
    flip(fd, root_off + 1);
    /* A relocation that points outside, with its checksum made to fit:
     * refused when the image is moved (here: its place is taken). */
    assert_int_equal(fg_image_map(&img, fd, 0, &desc), 0);
    size_t n = (size_t)desc.n_relocs * 8;
    unsigned char *relocs = test_malloc(n);
    assert_int_equal(pread(fd, relocs, n, (off_t)desc.size), (ssize_t)n);
    uint64_t outside = desc.size + 8;
    memcpy(relocs, &outside, sizeof outside);
    assert_int_equal(pwrite(fd, relocs, n, (off_t)desc.size), (ssize_t)n);
    fg_image_desc bad = desc;
    bad.reloc_checksum = XXH3_64bits(relocs, n);
    if (fg_image_in_place(img))
        assert_int_equal(fg_image_map(&moved, fd, 0, &bad), FG_EDATA);
    assert_null(moved);
    test_free(relocs);
    fg_image_unmap(img);
    /* Cut short; a description that does not add up. */
    assert_int_equal(ftruncate(fd, (off_t)desc.size), 0);
    assert_int_equal(fg_image_map(&img, fd, 0, &desc), FG_EDATA);
    bad = desc;
    bad.ro_size = desc.size + 65536;
    assert_int_equal(fg_image_map(&img, fd, 0, &bad), FG_EDATA);
    close(fd);
    unlink(path);
}

/* ------------------------------------------------------------------ */
/* Engines                                                             */

static char cache_dir[] = "/tmp/fg-test-cache-XXXXXX";

static fg_engine *load(int explain)
{
    fg_config *cfg;
    fg_diag_list *diags;
    fg_engine *e = NULL;
    assert_int_equal(fg_config_new(&cfg), 0);
    assert_int_equal(fg_diag_list_new(&diags), 0);
    assert_int_equal(fg_config_set_datadir(cfg, srcdir()), 0);
    assert_int_equal(fg_config_set_format(cfg, FG_FORMAT_NTRIPLES), 0);
    assert_int_equal(fg_config_set_explain(cfg, explain), 0);
    assert_int_equal(fg_config_set_cache_dir(cfg, ""), FG_EINVAL);
    assert_int_equal(fg_config_set_cache_dir(cfg, cache_dir), 0);
    assert_int_equal(fg_engine_new(&e, cfg, diags), 0);
    assert_int_equal(fg_diag_list_count(diags), 0);
    fg_diag_list_free(diags);
    fg_config_free(cfg);
    return e;
}

/* The example article through e, as N-Triples. */
static rdf_seen extract(const fg_engine *e)
{
    FILE *fp = fopen(src_path("examples/koalition-der-willigen.txt"), "rb");
    assert_non_null(fp);
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text, fp);
    fclose(fp);
    fg_worker *w;
    fg_doc *doc;
    fg_diag_list *diags;
    rdf_seen r = {0};
    fg_sink sink = {&r, keep_rdf};
    assert_int_equal(fg_diag_list_new(&diags), 0);
    assert_int_equal(fg_worker_new(&w, e), 0);
    assert_int_equal(fg_doc_new(&doc, "example", text, n), 0);
    assert_int_equal(fg_engine_process(e, w, doc, &sink, diags), 0);
    fg_doc_free(doc);
    fg_worker_free(w);
    fg_diag_list_free(diags);
    return r;
}

static int cache_files(void)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "ls %s | grep -c '\\.fgc$'", cache_dir);
    FILE *p = popen(cmd, "r");
    int n = -1;
    assert_non_null(p);
    assert_int_equal(fscanf(p, "%d", &n), 1);
    pclose(p);
    return n;
}

static void test_engines_from_cache(void **state)
{
    (void)state;
    assert_non_null(mkdtemp(cache_dir));
    fg_engine *cold = load(0);
    assert_false(fg_engine_from_cache(cold));
    assert_non_null(fg_engine_cache_file(cold));
    assert_int_equal(cache_files(), 1);
    fg_engine *mapped = load(0), *moved = load(0);
    assert_true(fg_engine_from_cache(mapped));
    assert_true(fg_engine_from_cache(moved));
    assert_string_equal(fg_engine_cache_file(mapped),
                        fg_engine_cache_file(cold));
    assert_string_equal(fg_engine_digest(mapped), fg_engine_digest(cold));
    assert_int_equal(fg_engine_rule_count(moved),
                     fg_engine_rule_count(cold));
    /* The moved one is used alone: its pointers must not lead into the
     * other's mapping. */
    rdf_seen want = extract(cold), a = extract(mapped);
    fg_engine_free(mapped);
    rdf_seen b = extract(moved);
    assert_true(want.len > 10000);
    assert_int_equal(a.len, want.len);
    assert_memory_equal(a.bytes, want.bytes, want.len);
    assert_int_equal(b.len, want.len);
    assert_memory_equal(b.bytes, want.bytes, want.len);
    test_free(a.bytes);
    test_free(b.bytes);
    fg_engine_free(moved);

    /* Explaining compiles other programs: a cache of its own. */
    fg_engine *ex = load(1), *ex_mapped = load(1);
    assert_false(fg_engine_from_cache(ex));
    assert_true(fg_engine_from_cache(ex_mapped));
    assert_string_not_equal(fg_engine_cache_file(ex),
                            fg_engine_cache_file(cold));
    assert_int_equal(cache_files(), 2);
    a = extract(ex);
    b = extract(ex_mapped);
    assert_int_equal(a.len, want.len);
    assert_memory_equal(a.bytes, want.bytes, want.len);
    assert_int_equal(b.len, want.len);
    assert_memory_equal(b.bytes, want.bytes, want.len);
    assert_int_equal(b.matches, a.matches);
    test_free(a.bytes);
    test_free(b.bytes);
    test_free(want.bytes);
    fg_engine_free(ex);
    fg_engine_free(ex_mapped);

    /* A damaged file is loaded anew and written again. */
    int fd = open(fg_engine_cache_file(cold), O_RDWR);
    assert_true(fd >= 0);
    struct stat st;
    assert_int_equal(fstat(fd, &st), 0);
    flip(fd, (uint64_t)st.st_size / 2);
    close(fd);
    fg_engine *again = load(0), *after = load(0);
    assert_false(fg_engine_from_cache(again));
    assert_true(fg_engine_from_cache(after));
    fg_engine_free(again);
    fg_engine_free(after);
    fg_engine_free(cold);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s", cache_dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_image_round_trip),
        cmocka_unit_test(test_image_damaged),
        cmocka_unit_test(test_engines_from_cache),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
