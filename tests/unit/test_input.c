/* Unit tests of input: files, directories, JSON Lines, ids, limits. */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#include "factgraph.h"
#include "input.h"

static char dir[64];

static void write_file(const char *rel, const char *content, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(content, 1, len, fp), len);
    fclose(fp);
}

#define WRITE(rel, s) write_file(rel, s, sizeof s - 1)

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/fg-input-XXXXXX");
    if (mkdtemp(dir) == NULL)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

/* Reads every document; ids joined by '|' into ids_out. */
static size_t read_all(fg_input *in, fg_diag_list *diags, char *ids_out,
                       size_t cap)
{
    size_t n = 0;
    ids_out[0] = '\0';
    for (;;) {
        fg_doc *doc;
        assert_int_equal(fg_input_next(in, &doc, diags), 0);
        if (doc == NULL)
            break;
        if (n++)
            strncat(ids_out, "|", cap - strlen(ids_out) - 1);
        strncat(ids_out, fg_doc_id(doc), cap - strlen(ids_out) - 1);
        fg_doc_free(doc);
    }
    return n;
}

static void test_text_file(void **state)
{
    (void)state;
    WRITE("a.txt", "Hallo Welt.\n");
    char path[512];
    snprintf(path, sizeof path, "%s/a.txt", dir);
    fg_input *in;
    fg_diag_list *diags;
    assert_int_equal(fg_input_new(&in, FG_INPUT_AUTO), 0);
    fg_diag_list_new(&diags);
    assert_int_equal(fg_input_add(in, path), 0);
    fg_doc *doc;
    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_non_null(doc);
    assert_string_equal(fg_doc_id(doc), path);
    assert_string_equal(fg_doc_file(doc), path);
    assert_int_equal(fg_doc_line(doc), 0);
    size_t len;
    const char *bytes = fg_doc_bytes(doc, &len);
    assert_int_equal(len, 12);
    assert_memory_equal(bytes, "Hallo Welt.\n", 12);
    fg_doc_free(doc);
    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_null(doc);
    assert_int_equal(fg_input_count_read(in), 1);
    assert_int_equal(fg_input_count_failed(in), 0);
    assert_int_equal(fg_diag_list_count(diags), 0);
    fg_input_free(in);
    fg_diag_list_free(diags);
}

static void test_directory(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/corpus", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/corpus/sub", dir);
    mkdir(path, 0755);
    WRITE("corpus/b.txt", "B");
    WRITE("corpus/a.txt", "A");
    WRITE("corpus/Z.txt", "Z");
    WRITE("corpus/.hidden", "H");
    WRITE("corpus/sub/c.txt", "C");
    WRITE("corpus/sub/d.jsonl", "{\"id\":\"d1\",\"text\":\"x\"}\n"
                                "{\"text\":\"y\"}\n");
    /* A symlink to a file is followed; one to an ancestor is a loop. */
    char target[512];
    snprintf(target, sizeof target, "%s/corpus/a.txt", dir);
    snprintf(path, sizeof path, "%s/corpus/sub/link.txt", dir);
    assert_int_equal(symlink(target, path), 0);
    snprintf(target, sizeof target, "%s/corpus", dir);
    snprintf(path, sizeof path, "%s/corpus/sub/loop", dir);
    assert_int_equal(symlink(target, path), 0);

    fg_input *in;
    fg_diag_list *diags;
    fg_input_new(&in, FG_INPUT_AUTO);
    fg_diag_list_new(&diags);
    snprintf(path, sizeof path, "%s/corpus", dir);
    fg_input_add(in, path);
    char ids[1024];
    size_t n = read_all(in, diags, ids, sizeof ids);
    assert_string_equal(ids, "Z.txt|a.txt|b.txt|sub/c.txt|d1|sub/d.jsonl:2|"
                             "sub/link.txt");
    assert_int_equal(n, 7);
    assert_int_equal(fg_input_count_failed(in), 0);
    assert_int_equal(fg_diag_list_count(diags), 1);
    const fg_diag *d = fg_diag_list_get(diags, 0);
    assert_int_equal(d->severity, FG_WARNING);
    assert_non_null(strstr(d->message, "loop"));
    assert_non_null(strstr(d->file, "sub/loop"));
    fg_input_free(in);
    fg_diag_list_free(diags);
}

static void test_jsonl(void **state)
{
    (void)state;
    WRITE("news.jsonl",
          "{\"id\": \"a\", \"text\": \"Erster.\", \"date\": \"2025-03-14\", "
          "\"title\": \"T\", \"source\": \"S\", \"extra\": [1, {\"x\": 2}]}\n"
          "\n"
          "{\"id\": null, \"text\": \"Ohne Id.\", \"date\": null}\n"
          "{\"id\": \"b\", \"text\": \"kaputt\"\n"
          "{\"id\": \"c\"}\n"
          "{\"id\": \"d\", \"text\": 42}\n"
          "{\"id\": \"a\", \"text\": \"Doppelt.\"}\n"
          "{\"id\": \"e\", \"text\": \"Nul\\u0000da\", \"date\": \"2025-02-30\"}\r\n"
          "[1, 2]\n"
          "{\"id\": \"f\", \"text\": \"Rest.\"} trailing\n"
          "{\"id\": \"n\\u0000ul\", \"text\": \"Id mit NUL.\"}\n"
          "{\"id\": \"g\", \"text\": \"Ende ohne Zeilenumbruch.\"}");
    char path[512];
    snprintf(path, sizeof path, "%s/news.jsonl", dir);
    fg_input *in;
    fg_diag_list *diags;
    fg_input_new(&in, FG_INPUT_AUTO);
    fg_diag_list_new(&diags);
    fg_input_add(in, path);

    fg_doc *doc;
    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_string_equal(fg_doc_id(doc), "a");
    assert_string_equal(fg_doc_date(doc), "2025-03-14");
    assert_string_equal(fg_doc_title(doc), "T");
    assert_string_equal(fg_doc_source(doc), "S");
    assert_int_equal(fg_doc_line(doc), 1);
    fg_doc_free(doc);

    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    char want[600];
    snprintf(want, sizeof want, "%s:3", path);
    assert_string_equal(fg_doc_id(doc), want);
    assert_null(fg_doc_date(doc));
    fg_doc_free(doc);

    /* Lines 4 (malformed), 5 (no text), 6 (text not a string) and 7
     * (duplicate id) fail; line 8 has a NUL and a bad date. */
    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_string_equal(fg_doc_id(doc), "e");
    size_t len;
    const char *bytes = fg_doc_bytes(doc, &len);
    assert_int_equal(len, 6);
    assert_memory_equal(bytes, "Nul\0da", 6);
    assert_null(fg_doc_date(doc));
    fg_doc_free(doc);

    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_string_equal(fg_doc_id(doc), "g");
    assert_int_equal(fg_doc_line(doc), 12);
    fg_doc_free(doc);
    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_null(doc);

    assert_int_equal(fg_input_count_read(in), 4);
    assert_int_equal(fg_input_count_failed(in), 7);
    unsigned long lines[] = {4, 5, 6, 7, 8, 9, 10, 11};
    fg_severity sev[] = {FG_ERROR, FG_ERROR, FG_ERROR,   FG_ERROR,
                         FG_WARNING, FG_ERROR, FG_ERROR, FG_ERROR};
    const char *words[] = {"malformed", "text",          "text",
                           "duplicate", "date",          "not an object",
                           "text after", "without NUL"};
    assert_int_equal(fg_diag_list_count(diags), 8);
    for (size_t i = 0; i < 8; i++) {
        const fg_diag *d = fg_diag_list_get(diags, i);
        assert_string_equal(d->file, path);
        if (d->line != lines[i] || d->severity != sev[i] ||
            strstr(d->message, words[i]) == NULL)
            fail_msg("diag %zu: line %lu: %s", i, d->line, d->message);
    }
    fg_input_free(in);
    fg_diag_list_free(diags);
}

/* A document over the size limit fails alone; the next one is read. */
static void test_size_limit(void **state)
{
    (void)state;
    char big[512], small[512];
    snprintf(big, sizeof big, "%s/big.txt", dir);
    snprintf(small, sizeof small, "%s/small.txt", dir);
    int fd = open(big, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)FG_MAX_DOC_BYTES + 1), 0);
    close(fd);
    WRITE("small.txt", "klein");
    fg_input *in;
    fg_diag_list *diags;
    fg_input_new(&in, FG_INPUT_TEXT);
    fg_diag_list_new(&diags);
    fg_input_add(in, big);
    fg_input_add(in, "/nonexistent/file.txt");
    fg_input_add(in, small);
    char ids[1024];
    assert_int_equal(read_all(in, diags, ids, sizeof ids), 1);
    assert_string_equal(ids, small);
    assert_int_equal(fg_input_count_failed(in), 2);
    assert_int_equal(fg_diag_list_count(diags), 2);
    assert_non_null(strstr(fg_diag_list_get(diags, 0)->message, "64 MiB"));
    assert_string_equal(fg_diag_list_get(diags, 1)->file,
                        "/nonexistent/file.txt");
    assert_non_null(strstr(fg_diag_list_get(diags, 1)->message,
                           "No such file"));
    fg_input_free(in);
    fg_diag_list_free(diags);
}

static void test_doc_api(void **state)
{
    (void)state;
    fg_doc *doc;
    assert_int_equal(fg_doc_new(&doc, "", "x", 1), FG_EINVAL);
    assert_int_equal(fg_doc_new(&doc, "id", "x", 1), 0);
    assert_int_equal(fg_doc_set_date(doc, "2024-02-29"), 0);
    assert_int_equal(fg_doc_set_date(doc, "2023-02-29"), FG_EINVAL);
    assert_int_equal(fg_doc_set_date(doc, "2023-13-01"), FG_EINVAL);
    assert_int_equal(fg_doc_set_date(doc, "2023-1-01"), FG_EINVAL);
    assert_int_equal(fg_doc_set_date(doc, "0000-01-01"), FG_EINVAL);
    assert_string_equal(fg_doc_date(doc), "2024-02-29");
    assert_int_equal(fg_doc_set_date(doc, NULL), 0);
    assert_null(fg_doc_date(doc));
    assert_string_equal(fg_doc_file(doc), "id");
    fg_doc_free(doc);
    fg_doc_free(NULL);
    assert_true(fg_input_valid_date("1900-02-28"));
    assert_false(fg_input_valid_date("1900-02-29"));
    assert_true(fg_input_valid_date("2000-02-29"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_file),
        cmocka_unit_test(test_directory),
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_size_limit),
        cmocka_unit_test(test_doc_api),
    };
    return cmocka_run_group_tests_name("input", tests, setup, teardown);
}
