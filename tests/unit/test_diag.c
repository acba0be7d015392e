/* Unit tests of diag: the list and the one print format. */
#include "config.h"

#include <string.h>

#include "testutil.h"

#include "diag.h"

static void check_format(const fg_diag *d, const char *want)
{
    char buf[512] = {0};
    FILE *fp = fmemopen(buf, sizeof buf, "w");
    assert_int_equal(fg_diag_write(d, fp), 0);
    fclose(fp);
    assert_string_equal(buf, want);
}

static void test_list_and_format(void **state)
{
    (void)state;
    fg_diag_list *list;
    assert_int_equal(fg_diag_list_new(&list), 0);
    assert_int_equal(fg_diag_add(list, FG_ERROR, FG_EDATA, "rules/a.xml", 12,
                                 5, 300, "unknown element '%s'", "foo"),
                     0);
    assert_int_equal(fg_diag_add(list, FG_WARNING, FG_EDATA, "news.jsonl", 3,
                                 0, FG_NO_OFFSET, "odd date"),
                     0);
    assert_int_equal(fg_diag_add(list, FG_ERROR, FG_EIO, NULL, 0, 0,
                                 FG_NO_OFFSET, "cannot open"),
                     0);
    assert_int_equal(fg_diag_list_count(list), 3);
    assert_int_equal(fg_diag_list_errors(list), 2);
    const fg_diag *d = fg_diag_list_get(list, 0);
    assert_int_equal(d->offset, 300);
    assert_int_equal(d->code, FG_EDATA);
    check_format(d, "rules/a.xml:12:5: error: unknown element 'foo'\n");
    check_format(fg_diag_list_get(list, 1),
                 "news.jsonl:3: warning: odd date\n");
    check_format(fg_diag_list_get(list, 2), "-: error: cannot open\n");
    assert_null(fg_diag_list_get(list, 3));
    fg_diag_list_clear(list);
    assert_int_equal(fg_diag_list_count(list), 0);
    assert_int_equal(fg_diag_list_errors(list), 0);
    fg_diag_list_free(list);
    fg_diag_list_free(NULL);
}

static void test_locate(void **state)
{
    (void)state;
    const char *text = "erste Zeile\nzweite: Grüße\xFF";
    unsigned long line, col;
    fg_diag_locate(text, strlen(text), 0, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 1);
    /* The bad byte after "Grüße": column counts code points. */
    fg_diag_locate(text, strlen(text), strlen(text) - 1, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 14);
    fg_diag_locate(text, strlen(text), 1000, &line, &col);
    assert_int_equal(line, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_and_format),
        cmocka_unit_test(test_locate),
    };
    return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
