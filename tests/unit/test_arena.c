/* Unit tests of arena: alignment, large blocks, reset keeps one block. */
#include "config.h"

#include <stdalign.h>
#include <string.h>

#include "testutil.h"

#include "arena.h"

static void test_alloc(void **state)
{
    (void)state;
    fg_arena a;
    fg_arena_init(&a, 256);
    for (int i = 1; i < 200; i++) {
        char *p = fg_arena_alloc(&a, (size_t)i);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
        memset(p, 'x', (size_t)i);
    }
    /* Larger than a block. */
    char *big = fg_arena_alloc(&a, 10000);
    assert_non_null(big);
    memset(big, 'y', 10000);
    char *s = fg_arena_strndup(&a, "Healey erklärte", 6);
    assert_string_equal(s, "Healey");
    assert_null(fg_arena_alloc(&a, SIZE_MAX - 4));
    fg_arena_reset(&a);
    assert_int_equal(a.used, 0);
    assert_non_null(a.head);
    /* The kept block is reused. */
    void *p = fg_arena_alloc(&a, 16);
    assert_non_null(p);
    fg_arena_reset(&a);
    assert_ptr_equal(fg_arena_alloc(&a, 16), p);
    fg_arena_clear(&a);
    assert_null(a.head);
    fg_arena_reset(&a); /* on an empty arena */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc),
    };
    return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
