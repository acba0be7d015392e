/* resolve: see resolve.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "alloc.h"
#include "resolve.h"

/* A match waiting for conflict resolution. */
typedef struct pending_match {
    const fg_rule *rule;
    uint32_t first, end; /* document tokens */
    uint32_t *slots;     /* document tokens, in the arena */
    uint32_t n_slots;
} pending_match;

void fg_resolver_init(fg_resolver *r) { memset(r, 0, sizeof *r); }

void fg_resolver_clear(fg_resolver *r)
{
    fg_free(r->annots);
    fg_free(r->pending);
    fg_free(r->taken);
    fg_free(r->kept);
    memset(r, 0, sizeof *r);
}

void fg_resolver_reset(fg_resolver *r, fg_graph *graph, fg_arena *arena,
                       const fg_text *text, const fg_token *tokens)
{
    r->graph = graph;
    r->arena = arena;
    r->text = text;
    r->tokens = tokens;
    r->n_annots = r->n_pending = r->n_kept = 0;
}

int fg_resolve_add(fg_resolver *r, const fg_rule *rule, uint32_t base,
                   uint32_t start, uint32_t end, const uint32_t *slots,
                   int explain)
{
    if (fg_grow((void **)&r->pending, &r->cap_pending, r->n_pending + 1,
                sizeof *r->pending) < 0)
        return FG_ENOMEM;
    uint32_t n = explain ? rule->prog.n_slots : rule->prog.n_role_slots;
    uint32_t *copy = fg_arena_alloc(r->arena, (n ? n : 1) * sizeof *copy);
    if (copy == NULL)
        return FG_ENOMEM;
    for (uint32_t i = 0; i < n; i++)
        copy[i] = slots[i] == FG_VM_UNSET ? FG_VM_UNSET : slots[i] + base;
    r->pending[r->n_pending++] =
        (pending_match){rule, base + start, base + end, copy, n};
    return 0;
}

/* Higher priority, longer, earlier, earlier rule first. */
static int cmp_pending(const void *a, const void *b)
{
    const pending_match *x = a, *y = b;
    if (x->rule->def.priority != y->rule->def.priority)
        return x->rule->def.priority > y->rule->def.priority ? -1 : 1;
    uint32_t lx = x->end - x->first, ly = y->end - y->first;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return x->rule->order < y->rule->order ? -1 : x->rule->order > y->rule->order;
}

/* Document order: earlier start, then earlier rule. */
static int cmp_position(const void *a, const void *b)
{
    const pending_match *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return x->rule->order < y->rule->order ? -1 : x->rule->order > y->rule->order;
}

/* ------------------------------------------------------------------ */
/* Text of spans                                                       */

static fg_span byte_span(const fg_resolver *r, uint32_t first, uint32_t end)
{
    return (fg_span){r->tokens[first].start, r->tokens[end - 1].end};
}

/* The words of tokens [first, end) with every run of white space as one
 * space, in NFC (keys and labels name entities across documents, whose
 * texts need not be NFC), in the arena. */
static const char *span_text(fg_resolver *r, uint32_t first, uint32_t end)
{
    fg_span s = byte_span(r, first, end);
    const char *p = r->text->data + s.start;
    size_t n = s.end - s.start;
    char *out = fg_arena_alloc(r->arena, n + 1), *o = out;
    if (out == NULL)
        return NULL;
    int space = 0, ascii = 1;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = 1;
            continue;
        }
        if (space && o != out)
            *o++ = ' ';
        space = 0;
        ascii &= (unsigned char)c < 0x80;
        *o++ = c;
    }
    *o = '\0';
    if (ascii)
        return out;
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)out,
                                        o - out, &nfc,
                                        UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (len < 0) /* cannot happen: the text is valid UTF-8 */
        return out;
    const char *copy = fg_arena_strndup(r->arena, (const char *)nfc,
                                        (size_t)len);
    free(nfc);
    return copy;
}

/* A German number as written ("200", "73.000", "1,5", "2.500,75") in
 * canonical xsd form into out (room for len + 2); the type in *type.
 * Returns 0, or FG_EINVAL when text is no such number. */
static int german_number(const char *s, size_t len, char *out,
                         fg_literal_type *type)
{
    size_t o = 0, digits_since_dot = 0;
    int dots = 0, comma = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            out[o++] = c;
            digits_since_dot++;
        } else if (c == '.' && !comma && i > 0 && i + 1 < len) {
            if (dots && digits_since_dot != 3)
                return FG_EINVAL;
            if (!dots && (i > 3))
                return FG_EINVAL;
            dots++;
            digits_since_dot = 0;
        } else if (c == ',' && !comma && i > 0 && i + 1 < len) {
            if (dots && digits_since_dot != 3)
                return FG_EINVAL;
            comma = 1;
            out[o++] = '.';
            dots = 0;
        } else {
            return FG_EINVAL;
        }
    }
    if (dots && digits_since_dot != 3)
        return FG_EINVAL;
    out[o] = '\0';
    *type = comma ? FG_LITERAL_DECIMAL : FG_LITERAL_INTEGER;
    return o ? 0 : FG_EINVAL;
}

static size_t count_digits(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

/* A date or year written as one token ("2025", "11.07.2023",
 * "2023-07-11") as a canonical literal; FG_EINVAL for anything else,
 * which is for the time-expression stage to understand. */
static int time_literal(fg_resolver *r, uint32_t first, uint32_t end,
                        fg_literal *out)
{
    if (end != first + 1)
        return FG_EINVAL;
    const fg_token *t = &r->tokens[first];
    const char *s = r->text->data + t->start;
    size_t n = t->end - t->start;
    char buf[16];
    if (n == 4 && count_digits(s, n) == 4) {
        memcpy(buf, s, 4);
        buf[4] = '\0';
        return fg_literal_make(r->graph, FG_LITERAL_YEAR, buf, out);
    }
    if (n == 10 && count_digits(s, 4) == 4 && s[4] == '-' &&
        count_digits(s + 5, 2) == 2 && s[7] == '-' &&
        count_digits(s + 8, 2) == 2) {
        memcpy(buf, s, 10);
        buf[10] = '\0';
        return fg_literal_make(r->graph, FG_LITERAL_DATE, buf, out);
    }
    /* D.M.YYYY, day and month of one or two digits. */
    size_t d = count_digits(s, n);
    if (d < 1 || d > 2 || d >= n || s[d] != '.')
        return FG_EINVAL;
    size_t m = count_digits(s + d + 1, n - d - 1);
    if (m < 1 || m > 2 || d + 1 + m >= n || s[d + 1 + m] != '.' ||
        n - (d + m + 2) != 4 || count_digits(s + d + m + 2, 4) != 4)
        return FG_EINVAL;
    snprintf(buf, sizeof buf, "%.4s-%s%.*s-%s%.*s", s + d + m + 2,
             m == 1 ? "0" : "", (int)m, s + d + 1, d == 1 ? "0" : "", (int)d,
             s);
    return fg_literal_make(r->graph, FG_LITERAL_DATE, buf, out);
}

/* ------------------------------------------------------------------ */
/* Values of captures                                                  */

/* The annotation with a record that fits [first, end) best: the same
 * span, else the longest inside it. NULL when there is none. */
static const fg_annot *annot_within(const fg_resolver *r, uint32_t first,
                                    uint32_t end)
{
    const fg_annot *best = NULL;
    for (size_t i = r->n_annots; i-- > 0;) {
        const fg_annot *a = &r->annots[i];
        if (a->end <= first)
            break; /* annotations come sentence by sentence */
        if ((a->kind != FG_ANNOT_ENTITY && a->kind != FG_ANNOT_GROUP) ||
            a->first < first || a->end > end)
            continue;
        if (a->first == first && a->end == end)
            return a;
        if (best == NULL || a->end - a->first > best->end - best->first)
            best = a;
    }
    return best;
}

static int capture_value(fg_resolver *r, uint32_t first, uint32_t end,
                         fg_value *out)
{
    const fg_annot *a = annot_within(r, first, end);
    if (a) {
        *out = a->kind == FG_ANNOT_ENTITY ? fg_value_entity(a->record)
                                          : fg_value_group(a->record);
        return 0;
    }
    const char *label = span_text(r, first, end);
    uint32_t g;
    int rc = label ? fg_graph_add_group(r->graph, label,
                                        byte_span(r, first, end), &g)
                   : FG_ENOMEM;
    if (rc == 0)
        *out = fg_value_group(g);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

static int add_annot(fg_resolver *r, const char *type, uint32_t first,
                     uint32_t end, fg_annot_kind kind, uint32_t record,
                     const char *source)
{
    if (fg_grow((void **)&r->annots, &r->cap_annots, r->n_annots + 1,
                sizeof *r->annots) < 0)
        return FG_ENOMEM;
    r->annots[r->n_annots++] =
        (fg_annot){type, first, end, kind, record, source};
    return 0;
}

int fg_resolve_add_annot(fg_resolver *r, const fg_annot *a)
{
    return add_annot(r, a->type, a->first, a->end, a->kind, a->record,
                     a->source);
}

/* The canonical name of the gazetteer name that spans exactly [first,
 * end) ("Frankreich" for "Frankreichs"), or NULL. */
static const char *gazetteer_label(const fg_resolver *r, uint32_t first,
                                   uint32_t end)
{
    for (size_t i = r->n_annots; r->lexicon && i-- > 0;) {
        const fg_annot *a = &r->annots[i];
        if (a->end <= first)
            break;
        if (a->kind == FG_ANNOT_GAZETTEER && a->first == first &&
            a->end == end)
            return fg_lexicon_entry(r->lexicon, a->record)->label;
    }
    return NULL;
}

/* The first value of a capture role, or 0 when it has none. */
static int first_capture(const pending_match *m, int role, uint32_t *first,
                         uint32_t *end)
{
    const fg_program *g = &m->rule->prog;
    for (uint32_t s = 0; s + 1 < g->n_role_slots; s += 2)
        if (g->slot_role[s / 2] == role && m->slots[s] != FG_VM_UNSET &&
            m->slots[s + 1] != FG_VM_UNSET && m->slots[s + 1] > m->slots[s]) {
            *first = m->slots[s];
            *end = m->slots[s + 1];
            return 1;
        }
    return 0;
}

static const fg_entity_class ENTITY_CLASS[FG_ACTORS] = {
    [FG_ACTOR_PERSON] = FG_ENTITY_PERSON,
    [FG_ACTOR_ORGANIZATION] = FG_ENTITY_ORGANIZATION,
    [FG_ACTOR_COUNTRY] = FG_ENTITY_COUNTRY,
    [FG_ACTOR_PLACE] = FG_ENTITY_PLACE,
    [FG_ACTOR_OFFICE] = FG_ENTITY_OFFICE,
};

static int output_entity(fg_resolver *r, const pending_match *m)
{
    const fg_rule_def *d = &m->rule->def;
    uint32_t first = m->first, end = m->end;
    first_capture(m, FG_CAPTURE_NAME, &first, &end);
    const char *text = span_text(r, first, end);
    if (text == NULL)
        return FG_ENOMEM;
    uint32_t record;
    fg_annot_kind kind;
    int rc;
    if (d->actor == FG_ACTOR_GROUP) {
        kind = FG_ANNOT_GROUP;
        rc = fg_graph_add_group(r->graph, text, byte_span(r, first, end),
                                &record);
        uint32_t cf, ce;
        if (rc == 0 && first_capture(m, FG_CAPTURE_COUNT, &cf, &ce)) {
            const fg_token *t = &r->tokens[cf];
            size_t len = t->end - t->start;
            char *num = fg_arena_alloc(r->arena, len + 2);
            fg_literal_type type;
            fg_literal lit;
            if (num == NULL)
                return FG_ENOMEM;
            /* Not a number in digits ("zwei"): no count, as the
             * numbers stage will know better. */
            if (german_number(r->text->data + t->start, len, num, &type) == 0 &&
                (rc = fg_literal_make(r->graph, type, num, &lit)) == 0)
                rc = fg_graph_set_count(r->graph, record, lit,
                                        d->output.qualifier);
            else if (rc == FG_EINVAL)
                rc = 0;
        }
        if (rc == 0 && first_capture(m, FG_CAPTURE_FROM, &cf, &ce)) {
            fg_value from;
            rc = capture_value(r, cf, ce, &from);
            if (rc == 0)
                rc = fg_graph_set_from(r->graph, record, from);
        }
    } else {
        kind = FG_ANNOT_ENTITY;
        const char *key = d->output.name ? d->output.name
                          : gazetteer_label(r, first, end);
        if (key == NULL)
            key = text;
        rc = fg_graph_add_entity(r->graph, ENTITY_CLASS[d->actor], key, key,
                                 &record);
        if (rc == 0)
            rc = fg_graph_add_mention(r->graph, record,
                                      byte_span(r, first, end));
    }
    if (rc < 0)
        return rc;
    rc = add_annot(r, d->cls, first, end, kind, record, d->id);
    /* A subclass (dpo:Alliance) is also an annotation of its base. */
    const char *base = fg_actor_name(d->actor);
    if (rc == 0 && strcmp(base, d->cls) != 0)
        rc = add_annot(r, base, first, end, kind, record, d->id);
    return rc;
}

static int output_event(fg_resolver *r, const pending_match *m,
                        fg_span sentence)
{
    const fg_rule_def *d = &m->rule->def;
    uint32_t tf = m->first, te = m->first + 1, ev;
    first_capture(m, FG_CAPTURE_TRIGGER, &tf, &te);
    int rc = fg_graph_add_event(r->graph, d->cls, d->id, byte_span(r, tf, te),
                                &ev);
    if (rc == 0)
        rc = fg_graph_set_factuality(r->graph, ev, d->output.polarity,
                                     d->output.certainty, d->output.status);
    if (rc == 0)
        rc = fg_graph_add_evidence(r->graph, ev, sentence);
    const fg_program *g = &m->rule->prog;
    for (uint32_t s = 0; rc == 0 && s + 1 < g->n_role_slots; s += 2) {
        int role = g->slot_role[s / 2];
        uint32_t a = m->slots[s], b = m->slots[s + 1];
        if (role >= FG_ROLES || a == FG_VM_UNSET || b == FG_VM_UNSET || b <= a)
            continue;
        fg_value v;
        if (role == FG_ROLE_TIME) {
            fg_literal lit;
            rc = time_literal(r, a, b, &lit);
            if (rc == FG_EINVAL) { /* words the timex stage will read */
                rc = 0;
                continue;
            }
            v = fg_value_literal(lit);
        } else {
            rc = capture_value(r, a, b, &v);
        }
        if (rc == 0)
            rc = fg_graph_add_role(r->graph, ev, (fg_role)role, v);
    }
    for (size_t i = 0; rc == 0 && i < d->output.n_roles; i++) {
        const fg_const_role *cr = &d->output.roles[i];
        fg_value v;
        if (cr->is_entity) {
            uint32_t e;
            rc = fg_graph_add_entity(r->graph, ENTITY_CLASS[cr->actor],
                                     cr->value, cr->value, &e);
            v = fg_value_entity(e);
        } else { /* checked when the rule was loaded */
            fg_literal lit;
            rc = fg_literal_make(r->graph, cr->type, cr->value, &lit);
            v = fg_value_literal(lit);
        }
        if (rc == 0)
            rc = fg_graph_add_role(r->graph, ev, (fg_role)cr->role, v);
    }
    return rc;
}

/* Records a kept match for explain and for the examples' checks. */
static int keep(fg_resolver *r, const pending_match *m)
{
    if (fg_grow((void **)&r->kept, &r->cap_kept, r->n_kept + 1,
                sizeof *r->kept) < 0)
        return FG_ENOMEM;
    const fg_rule *rule = m->rule;
    const fg_program *g = &rule->prog;
    fg_match_info *k = &r->kept[r->n_kept];
    memset(k, 0, sizeof *k);
    k->rule = rule->def.id;
    k->file = rule->def.file;
    k->line = rule->def.line;
    k->phase = fg_phase_name(rule->def.phase);
    k->cls = rule->def.cls;
    k->first_token = m->first;
    k->end_token = m->end;
    uint32_t pairs = m->n_slots / 2;
    fg_match_span *spans = fg_arena_alloc(r->arena,
                                          (pairs ? pairs : 1) * sizeof *spans);
    if (spans == NULL)
        return FG_ENOMEM;
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t from = n;
        for (uint32_t p = 0; p < pairs; p++) {
            uint32_t a = m->slots[2 * p], b = m->slots[2 * p + 1];
            int is_role = 2 * p < g->n_role_slots;
            if (is_role != (pass == 0) || a == FG_VM_UNSET ||
                b == FG_VM_UNSET || b < a)
                continue;
            fg_match_span *s = &spans[n++];
            if (is_role) {
                s->name = fg_capture_role_name(g->slot_role[p]);
                s->line = 0;
            } else {
                const fg_elem *e = &g->elems[g->slot_elem[p]];
                s->name = e->what;
                s->line = e->line;
            }
            s->first_token = a;
            s->end_token = b;
        }
        if (pass == 0) {
            k->roles = spans + from;
            k->n_roles = n - from;
        } else {
            k->elements = spans + from;
            k->n_elements = n - from;
        }
    }
    r->n_kept++;
    return 0;
}

static int overlaps_taken(const fg_resolver *r, const pending_match *m,
                          uint32_t first)
{
    for (uint32_t t = m->first; t < m->end; t++)
        if (r->taken[t - first])
            return 1;
    return 0;
}

int fg_resolve_phase(fg_resolver *r, fg_phase phase, uint32_t first,
                     uint32_t end)
{
    int rc = 0;
    size_t n = r->n_pending;
    r->n_pending = 0;
    if (n == 0)
        return 0;
    if (fg_grow((void **)&r->taken, &r->cap_taken, end - first,
                sizeof *r->taken) < 0)
        return FG_ENOMEM;
    memset(r->taken, 0, end - first);
    qsort(r->pending, n, sizeof *r->pending, cmp_pending);
    /* Decide first, then output in document order. */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        pending_match *m = &r->pending[i];
        if (!m->rule->def.overlap) {
            if (overlaps_taken(r, m, first))
                continue;
            memset(r->taken + (m->first - first), 1, m->end - m->first);
        }
        r->pending[kept++] = *m;
    }
    qsort(r->pending, kept, sizeof *r->pending, cmp_position);
    fg_span sentence = byte_span(r, first, end);
    for (size_t i = 0; i < kept && rc == 0; i++) {
        const pending_match *m = &r->pending[i];
        rc = phase == FG_PHASE_ENTITIES ? output_entity(r, m)
                                        : output_event(r, m, sentence);
        if (rc == 0)
            rc = keep(r, m);
    }
    return rc;
}
