/* Unit tests of buf: appends, the maximum size, stealing. */
#include "config.h"

#include <string.h>

#include "testutil.h"

#include "alloc.h"
#include "buf.h"
#include "factgraph.h"

static void test_append(void **state)
{
    (void)state;
    fg_buf b;
    fg_buf_init(&b, 1000);
    assert_null(b.data);
    assert_int_equal(fg_buf_adds(&b, "Hallo"), 0);
    assert_int_equal(fg_buf_addc(&b, ' '), 0);
    assert_int_equal(fg_buf_printf(&b, "%d-%s", 42, "x"), 0);
    assert_string_equal(b.data, "Hallo 42-x");
    assert_int_equal(b.len, 10);
    fg_buf_reset(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    for (int i = 0; i < 100; i++)
        assert_int_equal(fg_buf_add(&b, "0123456789", 10), 0);
    assert_int_equal(b.len, 1000);
    fg_buf_clear(&b);
}

/* Past the maximum an append fails and changes nothing. */
static void test_limit(void **state)
{
    (void)state;
    fg_buf b;
    fg_buf_init(&b, 8);
    assert_int_equal(fg_buf_adds(&b, "12345678"), 0);
    assert_int_equal(fg_buf_addc(&b, '9'), FG_ELIMIT);
    assert_int_equal(fg_buf_printf(&b, "%s", "x"), FG_ELIMIT);
    assert_string_equal(b.data, "12345678");
    assert_int_equal(fg_buf_add(&b, "", 0), 0);
    size_t len;
    char *s = fg_buf_steal(&b, &len);
    assert_int_equal(len, 8);
    assert_string_equal(s, "12345678");
    assert_null(b.data);
    assert_int_equal(b.max, 8);
    fg_free(s);
    fg_buf_init(&b, 4);
    assert_int_equal(fg_buf_add(&b, "123456", (size_t)-1), FG_ELIMIT);
    fg_buf_clear(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_append),
        cmocka_unit_test(test_limit),
    };
    return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
