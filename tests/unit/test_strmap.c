/* Unit tests of strmap: put, merge, find, growth. */
#include "config.h"

#include <string.h>

#include "testutil.h"

#include "strmap.h"

static void test_map(void **state)
{
    (void)state;
    fg_strmap m;
    fg_strmap_init(&m);
    uint32_t v = 0;
    assert_int_equal(fg_strmap_find(&m, "x", 1, &v), 0);
    assert_int_equal(fg_strmap_put(&m, "dass", 4, 1, 0), 0);
    assert_int_equal(fg_strmap_put(&m, "dass", 4, 2, 1), 0);
    assert_int_equal(fg_strmap_find(&m, "dass", 4, &v), 1);
    assert_int_equal(v, 3);
    assert_int_equal(fg_strmap_put(&m, "dass", 4, 8, 0), 0);
    assert_int_equal(fg_strmap_find(&m, "dass", 4, &v), 1);
    assert_int_equal(v, 8);
    /* Prefixes and embedded NULs are different keys. */
    assert_int_equal(fg_strmap_find(&m, "das", 3, NULL), 0);
    assert_int_equal(fg_strmap_put(&m, "a\0b", 3, 5, 0), 0);
    assert_int_equal(fg_strmap_find(&m, "a\0c", 3, NULL), 0);
    assert_int_equal(fg_strmap_find(&m, "a\0b", 3, &v), 1);
    assert_int_equal(v, 5);
    char key[32];
    for (uint32_t i = 0; i < 10000; i++) {
        int n = snprintf(key, sizeof key, "key-%u", i);
        assert_int_equal(fg_strmap_put(&m, key, (size_t)n, i, 0), 0);
    }
    for (uint32_t i = 0; i < 10000; i++) {
        int n = snprintf(key, sizeof key, "key-%u", i);
        assert_int_equal(fg_strmap_find(&m, key, (size_t)n, &v), 1);
        assert_int_equal(v, i);
    }
    assert_int_equal(m.n, 10002);
    fg_strmap_clear(&m);
    assert_int_equal(fg_strmap_find(&m, "dass", 4, NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map),
    };
    return cmocka_run_group_tests_name("strmap", tests, NULL, NULL);
}
