/* Unit tests of facts: building a graph, checks on indexes and values,
 * canonical literals. */
#include "config.h"

#include <string.h>

#include "testutil.h"

#include "arena.h"
#include "facts.h"

/* cmocka wants memory a test allocates freed in the test itself. */
#define WITH_GRAPH(g)                                                      \
    fg_arena arena_;                                                       \
    fg_graph graph_;                                                       \
    fg_arena_init(&arena_, 4096);                                          \
    fg_graph_init(&graph_, &arena_);                                       \
    fg_graph *g = &graph_

#define END_GRAPH()                                                        \
    fg_graph_clear(&graph_);                                               \
    fg_arena_clear(&arena_)

static void check_literal(fg_graph *g, fg_literal_type type, const char *in,
                          const char *want)
{
    fg_literal l;
    int rc = fg_literal_make(g, type, in, &l);
    if (want == NULL) {
        if (rc != FG_EINVAL)
            fail_msg("'%s' accepted as '%s'", in, rc == 0 ? l.value : "?");
        return;
    }
    if (rc != 0)
        fail_msg("'%s' refused", in);
    if (strcmp(l.value, want) != 0)
        fail_msg("'%s' gives '%s', want '%s'", in, l.value, want);
    assert_int_equal(l.type, type);
}

static void test_literals(void **state)
{
    (void)state;
    WITH_GRAPH(g);
    check_literal(g, FG_LITERAL_INTEGER, "73000", "73000");
    check_literal(g, FG_LITERAL_INTEGER, "007", "7");
    check_literal(g, FG_LITERAL_INTEGER, "+5", "5");
    check_literal(g, FG_LITERAL_INTEGER, "-0", "0");
    check_literal(g, FG_LITERAL_INTEGER, "-12", "-12");
    check_literal(g, FG_LITERAL_INTEGER, "0", "0");
    check_literal(g, FG_LITERAL_INTEGER, "", NULL);
    check_literal(g, FG_LITERAL_INTEGER, "-", NULL);
    check_literal(g, FG_LITERAL_INTEGER, "1.5", NULL);
    check_literal(g, FG_LITERAL_INTEGER, "73.000", NULL);
    check_literal(g, FG_LITERAL_INTEGER, "abc", NULL);
    check_literal(g, FG_LITERAL_INTEGER, "1e3", NULL);
    check_literal(g, FG_LITERAL_DECIMAL, "1.5", "1.5");
    check_literal(g, FG_LITERAL_DECIMAL, "01.50", "1.5");
    check_literal(g, FG_LITERAL_DECIMAL, "2", "2.0");
    check_literal(g, FG_LITERAL_DECIMAL, "2.000", "2.0");
    check_literal(g, FG_LITERAL_DECIMAL, "-0.0", "0.0");
    check_literal(g, FG_LITERAL_DECIMAL, "0.25", "0.25");
    check_literal(g, FG_LITERAL_DECIMAL, "1,5", NULL);
    check_literal(g, FG_LITERAL_DECIMAL, ".5", NULL);
    check_literal(g, FG_LITERAL_DECIMAL, "5.", NULL);
    check_literal(g, FG_LITERAL_DATE, "2025-03-14", "2025-03-14");
    check_literal(g, FG_LITERAL_DATE, "2024-02-29", "2024-02-29");
    check_literal(g, FG_LITERAL_DATE, "2023-02-29", NULL);
    check_literal(g, FG_LITERAL_DATE, "2024-13-45", NULL);
    check_literal(g, FG_LITERAL_DATE, "24.02.2022", NULL);
    check_literal(g, FG_LITERAL_YEAR_MONTH, "2025-10", "2025-10");
    check_literal(g, FG_LITERAL_YEAR_MONTH, "2025-13", NULL);
    check_literal(g, FG_LITERAL_YEAR, "2022", "2022");
    check_literal(g, FG_LITERAL_YEAR, "0000", NULL);
    check_literal(g, FG_LITERAL_YEAR, "22", NULL);
    check_literal(g, FG_LITERAL_STRING, "Brüssel", "Brüssel");
    END_GRAPH();
}

static void test_build(void **state)
{
    (void)state;
    WITH_GRAPH(g);
    uint32_t healey, healey2, uk, minister, group, ev, ev2;
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_PERSON, "John Healey",
                                         "John Healey", &healey),
                     0);
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_PERSON, "John Healey",
                                         "Healey", &healey2),
                     0);
    assert_int_equal(healey, healey2); /* one entity, two mentions */
    assert_int_equal(g->n_entities, 1);
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_COUNTRY,
                                         "Vereinigtes Königreich",
                                         "Großbritannien", &uk),
                     0);
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_OFFICE,
                                         "Verteidigungsminister",
                                         "Verteidigungsminister", &minister),
                     0);
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_PERSON, "", "x", &ev),
                     FG_EINVAL);
    assert_int_equal(fg_graph_add_mention(g, healey, (fg_span){10, 22}), 0);
    assert_int_equal(fg_graph_add_mention(g, 99, (fg_span){10, 22}),
                     FG_EINVAL);
    assert_int_equal(fg_graph_add_fact(g, healey, FG_FACT_HOLDS_OFFICE,
                                       fg_value_entity(minister)),
                     0);
    assert_int_equal(fg_graph_add_fact(g, healey, FG_FACT_AFFILIATION,
                                       fg_value_entity(7)),
                     FG_EINVAL);
    /* The same mention or fact twice is one record. */
    assert_int_equal(fg_graph_add_mention(g, healey, (fg_span){10, 22}), 0);
    assert_int_equal(fg_graph_add_mention(g, healey, (fg_span){10, 23}), 0);
    assert_int_equal(g->n_mentions, 2);
    assert_int_equal(fg_graph_add_fact(g, healey, FG_FACT_HOLDS_OFFICE,
                                       fg_value_entity(minister)),
                     0);
    assert_int_equal(fg_graph_add_fact(g, healey, FG_FACT_HELD_OFFICE,
                                       fg_value_entity(minister)),
                     0);
    assert_int_equal(g->n_facts, 2);

    assert_int_equal(fg_graph_add_group(g, "200 Experten", (fg_span){0, 12},
                                        &group),
                     0);
    /* The same words make the same group; other words another. */
    uint32_t again, other;
    assert_int_equal(fg_graph_add_group(g, "200 Experten", (fg_span){0, 12},
                                        &again),
                     0);
    assert_int_equal(again, group);
    assert_int_equal(fg_graph_add_group(g, "200 Experten", (fg_span){40, 52},
                                        &other),
                     0);
    assert_int_not_equal(other, group);
    assert_int_equal(g->n_groups, 2);
    fg_literal n, date;
    assert_int_equal(fg_literal_make(g, FG_LITERAL_INTEGER, "200", &n), 0);
    assert_int_equal(fg_graph_set_count(g, group, n, FG_QUALIFIER_ABOUT), 0);
    assert_int_equal(fg_literal_make(g, FG_LITERAL_DATE, "2025-03-14", &date),
                     0);
    assert_int_equal(fg_graph_set_count(g, group, date, FG_QUALIFIER_ABOUT),
                     FG_EINVAL);
    assert_int_equal(fg_graph_set_from(g, group, fg_value_entity(uk)), 0);
    assert_int_equal(fg_graph_set_affiliation(g, group, fg_value_entity(uk)),
                     0);
    assert_int_equal(fg_graph_set_affiliation(g, group, fg_value_group(group)),
                     FG_EINVAL);
    assert_true(g->groups[group].has_affiliation);

    assert_int_equal(fg_graph_add_event(g, "Meeting", "meeting.sich-treffen",
                                        (fg_span){30, 34}, &ev),
                     0);
    const fg_event *e = &g->events[ev];
    assert_int_equal(e->polarity, FG_POSITIVE);
    assert_int_equal(e->certainty, FG_CERTAIN);
    assert_int_equal(e->status, FG_PAST);
    assert_int_equal(fg_graph_add_event(g, "Bad Class", "r", (fg_span){0, 1},
                                        &ev2),
                     FG_EINVAL);
    assert_int_equal(fg_graph_add_event(g, "Meeting", "", (fg_span){0, 1},
                                        &ev2),
                     FG_EINVAL);
    assert_int_equal(fg_graph_add_role(g, ev, FG_ROLE_AGENT,
                                       fg_value_entity(healey)),
                     0);
    assert_int_equal(fg_graph_add_role(g, ev, FG_ROLE_PARTICIPANT,
                                       fg_value_group(group)),
                     0);
    /* The same filler twice (two rules found it) is one role value. */
    size_t n_roles = g->n_roles;
    assert_int_equal(fg_graph_add_role(g, ev, FG_ROLE_PARTICIPANT,
                                       fg_value_group(group)),
                     0);
    assert_int_equal(g->n_roles, n_roles);
    assert_int_equal(fg_graph_add_role(g, ev, FG_ROLE_TIME,
                                       fg_value_literal(date)),
                     0);
    /* Time takes a date, or the words of an unresolved time (a
     * string), and only time takes a literal. */
    assert_int_equal(fg_graph_add_role(g, ev, FG_ROLE_TIME,
                                       fg_value_literal(n)),
                     FG_EINVAL);
    fg_literal words;
    assert_int_equal(fg_literal_make(g, FG_LITERAL_STRING, "gestern", &words),
                     0);
    assert_int_equal(fg_graph_add_role(g, ev, FG_ROLE_TIME,
                                       fg_value_literal(words)),
                     0);
    assert_int_equal(fg_graph_add_role(g, ev, FG_ROLE_AGENT,
                                       fg_value_literal(date)),
                     FG_EINVAL);
    assert_int_equal(fg_graph_add_role(g, ev, FG_ROLES,
                                       fg_value_entity(healey)),
                     FG_EINVAL);
    assert_int_equal(fg_graph_set_factuality(g, ev, FG_NEGATIVE, FG_POSSIBLE,
                                             FG_PLANNED),
                     0);
    assert_int_equal(fg_graph_set_attribution(g, ev, fg_value_entity(healey)),
                     0);
    assert_int_equal(fg_graph_add_evidence(g, ev, (fg_span){0, 50}), 0);
    assert_int_equal(g->n_roles, 4);
    assert_string_equal(fg_role_name(FG_ROLE_LED_BY), "ledBy");
    assert_string_equal(fg_qualifier_name(FG_QUALIFIER_AT_LEAST), "AtLeast");
    assert_string_equal(fg_certainty_name(FG_UNLIKELY), "Unlikely");
    assert_string_equal(fg_fact_name(FG_FACT_HELD_OFFICE), "heldOffice");

    /* A reset graph is empty and reusable. */
    fg_graph_reset(g);
    assert_int_equal(g->n_entities + g->n_events + g->n_roles, 0);
    assert_int_equal(fg_graph_add_entity(g, FG_ENTITY_PERSON, "John Healey",
                                         "Healey", &healey),
                     0);
    assert_int_equal(healey, 0);
    END_GRAPH();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literals),
        cmocka_unit_test(test_build),
    };
    return cmocka_run_group_tests_name("facts", tests, NULL, NULL);
}
