/* facts: see facts.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "facts.h"
#include "input.h"

void fg_graph_init(fg_graph *g, fg_arena *arena)
{
    memset(g, 0, sizeof *g);
    g->arena = arena;
    fg_strmap_init(&g->entity_keys);
    fg_strmap_init(&g->seen);
}

void fg_graph_reset(fg_graph *g)
{
    g->n_entities = g->n_groups = g->n_events = 0;
    g->n_facts = g->n_mentions = g->n_roles = g->n_evidence = 0;
    fg_strmap_clear(&g->entity_keys);
    fg_strmap_clear(&g->seen);
}

void fg_graph_clear(fg_graph *g)
{
    fg_free(g->entities);
    fg_free(g->groups);
    fg_free(g->events);
    fg_free(g->facts);
    fg_free(g->mentions);
    fg_free(g->roles);
    fg_free(g->evidence);
    fg_strmap_clear(&g->entity_keys);
    fg_strmap_clear(&g->seen);
    fg_graph_init(g, g->arena);
}

/* Makes room for one more record in an array of the graph. */
#define RESERVE(g, name)                                                    \
    ((g)->n_##name >= FG_MAX_GRAPH_RECORDS                                  \
         ? FG_ELIMIT                                                        \
         : fg_grow((void **)&(g)->name, &(g)->cap_##name, (g)->n_##name + 1, \
                   sizeof *(g)->name))

static int valid_value(const fg_graph *g, fg_value v)
{
    switch (v.kind) {
    case FG_VALUE_ENTITY: return v.index < g->n_entities;
    case FG_VALUE_GROUP: return v.index < g->n_groups;
    case FG_VALUE_EVENT: return v.index < g->n_events;
    case FG_VALUE_LITERAL: return v.literal.value != NULL;
    }
    return 0;
}

static char *copy(fg_graph *g, const char *s)
{
    return fg_arena_strndup(g->arena, s, strlen(s));
}

int fg_graph_add_entity(fg_graph *g, fg_entity_class cls, const char *key,
                        const char *label, uint32_t *out)
{
    if ((unsigned)cls >= FG_ENTITY_CLASSES || key == NULL || key[0] == '\0' ||
        label == NULL)
        return FG_EINVAL;
    /* The map key is the class, a TAB and the canonical key. */
    size_t klen = strlen(key);
    char *mk = fg_malloc(klen + 3);
    if (mk == NULL)
        return FG_ENOMEM;
    mk[0] = (char)('0' + cls);
    mk[1] = '\t';
    memcpy(mk + 2, key, klen + 1);
    uint32_t found;
    int rc = 0;
    if (fg_strmap_find(&g->entity_keys, mk, klen + 2, &found)) {
        *out = found - 1;
        goto done;
    }
    if ((rc = RESERVE(g, entities)) < 0)
        goto done;
    fg_entity *e = &g->entities[g->n_entities];
    e->cls = cls;
    e->key = copy(g, key);
    e->label = copy(g, label);
    if (e->key == NULL || e->label == NULL ||
        fg_strmap_put(&g->entity_keys, mk, klen + 2,
                      (uint32_t)g->n_entities + 1, 0) < 0) {
        rc = FG_ENOMEM;
        goto done;
    }
    *out = (uint32_t)g->n_entities++;
done:
    fg_free(mk);
    return rc;
}

/* Whether the record of key (its bytes) was added before; remembers it
 * when not. 1, 0, or FG_ENOMEM. */
static int seen_before(fg_graph *g, const void *key, size_t len)
{
    uint32_t v;
    if (fg_strmap_find(&g->seen, key, len, &v))
        return 1;
    return fg_strmap_put(&g->seen, key, len, 1, 0) < 0 ? FG_ENOMEM : 0;
}

int fg_graph_add_mention(fg_graph *g, uint32_t entity, fg_span span)
{
    if (entity >= g->n_entities || span.start > span.end)
        return FG_EINVAL;
    struct {
        char tag;
        uint32_t entity;
        uint64_t start, end;
    } key;
    memset(&key, 0, sizeof key); /* no padding bytes of garbage */
    key.tag = 'm';
    key.entity = entity;
    key.start = span.start;
    key.end = span.end;
    int rc = seen_before(g, &key, sizeof key);
    if (rc != 0)
        return rc < 0 ? rc : 0;
    if ((rc = RESERVE(g, mentions)) < 0)
        return rc;
    g->mentions[g->n_mentions++] = (fg_mention){entity, span};
    return 0;
}

int fg_graph_add_fact(fg_graph *g, uint32_t entity, fg_fact_kind kind,
                      fg_value value)
{
    if (entity >= g->n_entities || !valid_value(g, value) ||
        (unsigned)kind > FG_FACT_MEMBER_OF)
        return FG_EINVAL;
    /* Literal values are compared by their text. */
    const char *lit = value.kind == FG_VALUE_LITERAL ? value.literal.value : "";
    size_t n = strlen(lit);
    char *key = fg_malloc(12 + n);
    if (key == NULL)
        return FG_ENOMEM;
    uint32_t index = value.kind == FG_VALUE_LITERAL ? value.literal.type
                                                     : value.index;
    key[0] = 'f';
    key[1] = (char)kind;
    key[2] = (char)value.kind;
    memcpy(key + 3, &entity, 4);
    memcpy(key + 7, &index, 4);
    memcpy(key + 11, lit, n);
    int rc = seen_before(g, key, 11 + n);
    fg_free(key);
    if (rc != 0)
        return rc < 0 ? rc : 0;
    if ((rc = RESERVE(g, facts)) < 0)
        return rc;
    g->facts[g->n_facts++] = (fg_fact){entity, kind, value};
    return 0;
}

/* How far back the graph looks for a record it already has: two rules
 * that capture the same phrase, or the same filler, do so in the same
 * sentence, a few records back. */
#define SAME_RECORD_WINDOW 64

int fg_graph_add_group(fg_graph *g, const char *label, fg_span span,
                       uint32_t *out)
{
    if (label == NULL || span.start > span.end)
        return FG_EINVAL;
    /* One group per mention: the same words make the same group (its
     * IRI is made from them). */
    for (size_t k = g->n_groups, j = 0; k > 0 && j < SAME_RECORD_WINDOW;
         k--, j++) {
        const fg_group *o = &g->groups[k - 1];
        if (o->span.start == span.start && o->span.end == span.end &&
            strcmp(o->label, label) == 0) {
            *out = (uint32_t)(k - 1);
            return 0;
        }
    }
    int rc = RESERVE(g, groups);
    if (rc < 0)
        return rc;
    fg_group *gr = &g->groups[g->n_groups];
    memset(gr, 0, sizeof *gr);
    if ((gr->label = copy(g, label)) == NULL)
        return FG_ENOMEM;
    gr->span = span;
    *out = (uint32_t)g->n_groups++;
    return 0;
}

int fg_graph_set_count(fg_graph *g, uint32_t group, fg_literal count,
                       fg_qualifier qualifier)
{
    if (group >= g->n_groups || count.value == NULL ||
        (count.type != FG_LITERAL_INTEGER && count.type != FG_LITERAL_DECIMAL) ||
        (unsigned)qualifier > FG_QUALIFIER_EXACTLY)
        return FG_EINVAL;
    g->groups[group].has_count = 1;
    g->groups[group].count = count;
    g->groups[group].qualifier = qualifier;
    return 0;
}

int fg_graph_set_from(fg_graph *g, uint32_t group, fg_value from)
{
    if (group >= g->n_groups || !valid_value(g, from) ||
        from.kind == FG_VALUE_LITERAL || from.kind == FG_VALUE_EVENT)
        return FG_EINVAL;
    g->groups[group].has_from = 1;
    g->groups[group].from = from;
    return 0;
}

int fg_graph_set_affiliation(fg_graph *g, uint32_t group, fg_value entity)
{
    if (group >= g->n_groups || entity.kind != FG_VALUE_ENTITY ||
        !valid_value(g, entity))
        return FG_EINVAL;
    g->groups[group].has_affiliation = 1;
    g->groups[group].affiliation = entity;
    return 0;
}

/* A dpo: local name: an ASCII letter, then letters and digits. */
static int local_name(const char *s)
{
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
              (*s >= '0' && *s <= '9')))
            return 0;
    return 1;
}

int fg_graph_add_event(fg_graph *g, const char *cls, const char *rule,
                       fg_span trigger, uint32_t *out)
{
    if (cls == NULL || !local_name(cls) || rule == NULL || rule[0] == '\0' ||
        trigger.start > trigger.end)
        return FG_EINVAL;
    int rc = RESERVE(g, events);
    if (rc < 0)
        return rc;
    fg_event *e = &g->events[g->n_events];
    memset(e, 0, sizeof *e);
    e->cls = copy(g, cls);
    e->rule = copy(g, rule);
    if (e->cls == NULL || e->rule == NULL)
        return FG_ENOMEM;
    e->trigger = trigger;
    e->polarity = FG_POSITIVE;
    e->certainty = FG_CERTAIN;
    e->status = FG_PAST;
    *out = (uint32_t)g->n_events++;
    return 0;
}

static int same_value(fg_value a, fg_value b)
{
    if (a.kind != b.kind)
        return 0;
    if (a.kind != FG_VALUE_LITERAL)
        return a.index == b.index;
    return a.literal.type == b.literal.type &&
           strcmp(a.literal.value, b.literal.value) == 0;
}

int fg_graph_add_role(fg_graph *g, uint32_t event, fg_role role,
                      fg_value value)
{
    if (event >= g->n_events || (unsigned)role >= FG_ROLES ||
        !valid_value(g, value))
        return FG_EINVAL;
    /* dpo:time takes a date literal, or a string: the words of a time
     * that could not be resolved (dpo:timeText); topic and cause take
     * events; the other roles take entities and groups. */
    int literal = value.kind == FG_VALUE_LITERAL;
    if (role == FG_ROLE_TIME
            ? !literal || (value.literal.type != FG_LITERAL_DATE &&
                           value.literal.type != FG_LITERAL_YEAR_MONTH &&
                           value.literal.type != FG_LITERAL_YEAR &&
                           value.literal.type != FG_LITERAL_STRING)
            : literal)
        return FG_EINVAL;
    for (size_t k = g->n_roles, j = 0; k > 0 && j < SAME_RECORD_WINDOW;
         k--, j++) {
        const fg_role_value *o = &g->roles[k - 1];
        if (o->event == event && o->role == role && same_value(o->value, value))
            return 0; /* two rules found the same filler */
    }
    int rc = RESERVE(g, roles);
    if (rc < 0)
        return rc;
    g->roles[g->n_roles++] = (fg_role_value){event, role, value};
    return 0;
}

int fg_graph_set_factuality(fg_graph *g, uint32_t event, fg_polarity p,
                            fg_certainty c, fg_status s)
{
    if (event >= g->n_events || (unsigned)p > FG_NEGATIVE ||
        (unsigned)c > FG_UNLIKELY || (unsigned)s > FG_HYPOTHETICAL)
        return FG_EINVAL;
    g->events[event].polarity = p;
    g->events[event].certainty = c;
    g->events[event].status = s;
    return 0;
}

int fg_graph_set_attribution(fg_graph *g, uint32_t event, fg_value source)
{
    if (event >= g->n_events || !valid_value(g, source) ||
        source.kind == FG_VALUE_LITERAL)
        return FG_EINVAL;
    g->events[event].has_attribution = 1;
    g->events[event].attributed_to = source;
    return 0;
}

int fg_graph_add_evidence(fg_graph *g, uint32_t event, fg_span sentence)
{
    if (event >= g->n_events || sentence.start > sentence.end)
        return FG_EINVAL;
    int rc = RESERVE(g, evidence);
    if (rc < 0)
        return rc;
    g->evidence[g->n_evidence++] = (fg_evidence){event, sentence};
    return 0;
}

/* ------------------------------------------------------------------ */
/* Literals                                                            */

static int all_digits(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* Canonical xsd:integer or xsd:decimal of [-]digits[.digits]: no '+', no
 * leading zeros, a decimal with at least one digit after the point and no
 * trailing zeros ("1.50" is "1.5", "2.0" is "2.0"). Writes to out, which
 * has room for strlen(text) + 2 bytes. */
static int canonical_number(const char *text, int decimal, char *out)
{
    const char *s = text;
    int neg = 0;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    const char *dot = strchr(s, '.');
    size_t int_len = dot ? (size_t)(dot - s) : strlen(s);
    if (!all_digits(s, int_len) || (dot && !decimal) ||
        (dot && !all_digits(dot + 1, strlen(dot + 1))))
        return FG_EINVAL;
    while (int_len > 1 && *s == '0') {
        s++;
        int_len--;
    }
    size_t frac_len = dot ? strlen(dot + 1) : 0;
    while (frac_len > 1 && dot[frac_len] == '0')
        frac_len--;
    int zero = int_len == 1 && s[0] == '0' &&
               (frac_len == 0 || (frac_len == 1 && dot[1] == '0'));
    char *o = out;
    if (neg && !zero)
        *o++ = '-';
    memcpy(o, s, int_len);
    o += int_len;
    if (decimal) {
        *o++ = '.';
        if (frac_len) {
            memcpy(o, dot + 1, frac_len);
            o += frac_len;
        } else {
            *o++ = '0';
        }
    }
    *o = '\0';
    return 0;
}

int fg_literal_make(fg_graph *g, fg_literal_type type, const char *text,
                    fg_literal *out)
{
    size_t n = strlen(text);
    char *v = fg_arena_alloc(g->arena, n + 16);
    if (v == NULL)
        return FG_ENOMEM;
    char date[16];
    int ok = 1;
    switch (type) {
    case FG_LITERAL_STRING:
        memcpy(v, text, n + 1);
        break;
    case FG_LITERAL_INTEGER:
    case FG_LITERAL_DECIMAL:
        ok = canonical_number(text, type == FG_LITERAL_DECIMAL, v) == 0;
        break;
    case FG_LITERAL_DATE:
        ok = fg_input_valid_date(text);
        memcpy(v, text, n + 1);
        break;
    case FG_LITERAL_YEAR_MONTH:
        /* A month exists when its first day does. */
        ok = n == 7 && snprintf(date, sizeof date, "%s-01", text) == 10 &&
             fg_input_valid_date(date);
        memcpy(v, text, n + 1);
        break;
    case FG_LITERAL_YEAR:
        ok = n == 4 && snprintf(date, sizeof date, "%s-01-01", text) == 10 &&
             fg_input_valid_date(date);
        memcpy(v, text, n + 1);
        break;
    default:
        ok = 0;
    }
    if (!ok)
        return FG_EINVAL;
    *out = (fg_literal){type, v};
    return 0;
}

/* ------------------------------------------------------------------ */
/* Names                                                               */

const char *fg_entity_class_name(fg_entity_class cls)
{
    static const char *const NAMES[] = {"Person", "Organization", "Country",
                                        "Place", "Office"};
    return (unsigned)cls < FG_ENTITY_CLASSES ? NAMES[cls] : NULL;
}

const char *fg_role_name(fg_role role)
{
    static const char *const NAMES[] = {
        "agent",    "participant", "theme", "target", "recipient",
        "location", "time",        "topic", "cause",  "ledBy"};
    return (unsigned)role < FG_ROLES ? NAMES[role] : NULL;
}

const char *fg_polarity_name(fg_polarity p)
{
    return p == FG_NEGATIVE ? "Negative" : "Positive";
}

const char *fg_certainty_name(fg_certainty c)
{
    static const char *const NAMES[] = {"Certain", "Probable", "Possible",
                                        "Unlikely"};
    return (unsigned)c <= FG_UNLIKELY ? NAMES[c] : NULL;
}

const char *fg_status_name(fg_status s)
{
    static const char *const NAMES[] = {"Past", "Ongoing", "Planned",
                                        "Hypothetical"};
    return (unsigned)s <= FG_HYPOTHETICAL ? NAMES[s] : NULL;
}

const char *fg_qualifier_name(fg_qualifier q)
{
    static const char *const NAMES[] = {NULL,      "About",  "Over", "Under",
                                        "AtLeast", "AtMost", "Exactly"};
    return (unsigned)q <= FG_QUALIFIER_EXACTLY ? NAMES[q] : NULL;
}

const char *fg_fact_name(fg_fact_kind k)
{
    static const char *const NAMES[] = {"holdsOffice", "heldOffice",
                                        "affiliation", "memberOf"};
    return (unsigned)k <= FG_FACT_MEMBER_OF ? NAMES[k] : NULL;
}
