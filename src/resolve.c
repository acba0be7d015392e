/* resolve: see resolve.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "alloc.h"
#include "resolve.h"
#include "utf8.h"

/* A match waiting for conflict resolution. */
typedef struct pending_match {
    const fg_rule *rule;
    uint32_t first, end; /* document tokens */
    uint32_t *slots;     /* document tokens, in the arena */
    uint32_t n_slots;
} pending_match;

/* A person named in the document, for coreference. */
typedef struct person_ref {
    uint32_t entity;
    char gender;         /* 'm', 'f' or 0 when unknown */
    const char *surname; /* the folded last word of the name */
} person_ref;

void fg_resolver_init(fg_resolver *r) { memset(r, 0, sizeof *r); }

void fg_resolver_clear(fg_resolver *r)
{
    fg_free(r->persons);
    fg_free(r->numbers);
    fg_free(r->times);
    fg_free(r->annots);
    fg_free(r->pending);
    fg_free(r->taken);
    fg_free(r->kept);
    fg_free(r->hits);
    memset(r, 0, sizeof *r);
}

void fg_resolver_reset(fg_resolver *r, fg_graph *graph, fg_arena *arena,
                       const fg_text *text, const fg_token *tokens,
                       const fg_morph *morph, const char *doc_date)
{
    r->graph = graph;
    r->doc_date = doc_date;
    r->n_numbers = r->n_times = 0;
    r->arena = arena;
    r->text = text;
    r->tokens = tokens;
    r->morph = morph;
    r->n_annots = r->n_pending = r->n_kept = r->n_persons = 0;
    r->sentence_annots = 0;
}

void fg_resolve_begin_sentence(fg_resolver *r)
{
    r->sentence_annots = r->n_annots;
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

/* Document order by end, inner matches before the ones around them (so
 * that a group "aus Frankreich" finds the country already resolved), then
 * earlier rule. */
static int cmp_position(const void *a, const void *b)
{
    const pending_match *x = a, *y = b;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->first != y->first)
        return x->first > y->first ? -1 : 1;
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

/* ------------------------------------------------------------------ */
/* Values of captures                                                  */

/* The annotation with a record that fits [first, end) best: the same
 * span, else the longest inside it. NULL when there is none. */
static const fg_annot *annot_within(const fg_resolver *r, uint32_t first,
                                    uint32_t end)
{
    const fg_annot *best = NULL;
    for (size_t i = r->sentence_annots; i < r->n_annots; i++) {
        const fg_annot *a = &r->annots[i];
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

/* The first annotation of the sentence of a kind that overlaps [first,
 * end), or NULL: a count capture of "200" finds the number "rund 200". */
static const fg_annot *annot_over(const fg_resolver *r, fg_annot_kind kind,
                                  uint32_t first, uint32_t end)
{
    for (size_t i = r->sentence_annots; i < r->n_annots; i++) {
        const fg_annot *a = &r->annots[i];
        if (a->kind == kind && a->first < end && a->end > first)
            return a;
    }
    return NULL;
}


/* ------------------------------------------------------------------ */
/* Output                                                              */

static int add_annot(fg_resolver *r, const char *type, uint32_t first,
                     uint32_t end, fg_annot_kind kind, uint32_t record,
                     const char *source, char gender)
{
    if (fg_grow((void **)&r->annots, &r->cap_annots, r->n_annots + 1,
                sizeof *r->annots) < 0)
        return FG_ENOMEM;
    r->annots[r->n_annots++] =
        (fg_annot){type, first, end, kind, record, source, gender};
    return 0;
}

int fg_resolve_add_annot(fg_resolver *r, const fg_annot *a)
{
    return add_annot(r, a->type, a->first, a->end, a->kind, a->record,
                     a->source, a->gender);
}

static const fg_entity_class ENTITY_CLASS[FG_ACTORS] = {
    [FG_ACTOR_PERSON] = FG_ENTITY_PERSON,
    [FG_ACTOR_ORGANIZATION] = FG_ENTITY_ORGANIZATION,
    [FG_ACTOR_COUNTRY] = FG_ENTITY_COUNTRY,
    [FG_ACTOR_PLACE] = FG_ENTITY_PLACE,
    [FG_ACTOR_OFFICE] = FG_ENTITY_OFFICE,
};

/* The gazetteer annotation of the sentence over exactly [first, end),
 * else (unless exact) the longest one inside it; NULL when none. */
static const fg_annot *gazetteer_in(const fg_resolver *r, uint32_t first,
                                    uint32_t end, int exact)
{
    const fg_annot *best = NULL;
    for (size_t i = r->sentence_annots; r->lexicon && i < r->n_annots; i++) {
        const fg_annot *a = &r->annots[i];
        if (a->kind != FG_ANNOT_GAZETTEER || a->first < first || a->end > end)
            continue;
        if (a->first == first && a->end == end)
            return a;
        if (!exact &&
            (best == NULL || a->end - a->first > best->end - best->first))
            best = a;
    }
    return best;
}

/* The entry of the gazetteer of people (rules/lexicon/people.xml) that
 * names exactly [first, end), or NULL. */
static const fg_annot *known_person(const fg_resolver *r, uint32_t first,
                                    uint32_t end)
{
    const fg_annot *a = gazetteer_in(r, first, end, 1);
    return a && strcmp(a->type, "Person") == 0 ? a : NULL;
}

/* Whether a gazetteer annotation is a modifier of its entry: an
 * adjective ("britische") or a compound's first part ("US-"). */
static int is_modifier(const fg_resolver *r, const fg_annot *a)
{
    const fg_gaz_entry *g = fg_lexicon_entry(r->lexicon, a->record);
    return g->modifier && strcmp(a->type, g->modifier) == 0;
}

/* The word of token i with its inflection taken off, as written: the
 * written form as far as it agrees with the lemma, then the rest of the
 * lemma ("US-Präsidenten" -> "US-Präsident", "Ländern" -> "Land"). The
 * written form when the lemma is not a form of it. In the arena. */
static const char *lemma_word(fg_resolver *r, uint32_t i)
{
    const fg_token *t = &r->tokens[i];
    const char *w = r->text->data + t->start;
    size_t wn = t->end - t->start;
    const char *lemma = r->morph ? r->morph[i].lemma : NULL;
    size_t ln = lemma ? r->morph[i].lemma_len : 0, wp = 0, lp = 0;
    while (wp < wn && lp < ln) {
        size_t next = wp;
        int32_t c = fg_utf8_decode(w, wn, &next);
        utf8proc_int32_t fold[4];
        utf8proc_ssize_t k =
            utf8proc_decompose_char(c, fold, 4, UTF8PROC_CASEFOLD, NULL);
        if (k < 1 || k > 4)
            break;
        size_t save = lp;
        for (utf8proc_ssize_t j = 0; j < k && lp != (size_t)-1; j++) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t e = utf8proc_encode_char(fold[j], enc);
            if (lp + (size_t)e > ln || memcmp(lemma + lp, enc, (size_t)e))
                lp = (size_t)-1;
            else
                lp += (size_t)e;
        }
        if (lp == (size_t)-1) {
            lp = save;
            break;
        }
        wp = next;
    }
    if (wp == 0)
        return fg_arena_strndup(r->arena, w, wn);
    char *out = fg_arena_alloc(r->arena, wp + (ln - lp) + 1);
    if (out) {
        memcpy(out, w, wp);
        memcpy(out + wp, lemma + lp, ln - lp);
        out[wp + ln - lp] = '\0';
    }
    return out;
}

/* The canonical label of the words [first, end) for an entity of class
 * cls: the gazetteer's name when they are one gazetteer name (or a
 * modifier of an entry of class cls: "NATO-Staaten" names the NATO), the
 * uninflected word when they are one word, else the words. */
static const char *canonical_label(fg_resolver *r, uint32_t first,
                                   uint32_t end, const char *cls)
{
    const fg_annot *a = gazetteer_in(r, first, end, 1);
    const fg_gaz_entry *g = a ? fg_lexicon_entry(r->lexicon, a->record) : NULL;
    if (g && (!is_modifier(r, a) || strcmp(g->cls, cls) == 0))
        return g->label;
    return end == first + 1 && (r->tokens[first].flags & FG_TOKEN_WORD)
               ? lemma_word(r, first)
               : span_text(r, first, end);
}

/* The entity of a gazetteer entry: its class and label. */
static int entry_entity(fg_resolver *r, uint32_t entry, uint32_t *out)
{
    const fg_gaz_entry *g = fg_lexicon_entry(r->lexicon, entry);
    for (int a = 0; a < FG_ACTORS; a++)
        if (a != FG_ACTOR_GROUP && strcmp(fg_actor_name((fg_actor)a), g->cls) == 0)
            return fg_graph_add_entity(r->graph, ENTITY_CLASS[a], g->label,
                                       g->label, out);
    return FG_EINVAL;
}

/* The value of a time expression: its date with the precision of its
 * datatype, or, when it could not be resolved (relative, and the
 * document has no date), its words as a string (dpo:timeText). */
static int time_value(fg_resolver *r, const fg_annot *ta, fg_value *out)
{
    const fg_timex *tx = &r->times[ta->record];
    fg_literal lit;
    int rc;
    if (tx->resolved) {
        rc = fg_literal_make(r->graph, tx->type, tx->value, &lit);
    } else {
        const char *words = span_text(r, ta->first, ta->end);
        rc = words ? fg_literal_make(r->graph, FG_LITERAL_STRING, words, &lit)
                   : FG_ENOMEM;
    }
    if (rc == 0)
        *out = fg_value_literal(lit);
    return rc;
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
    /* A gazetteer name that no rule of its own could claim, because the
     * match around it took its tokens ("Experten aus Frankreich"). */
    a = gazetteer_in(r, first, end, 1);
    uint32_t e;
    if (a && !is_modifier(r, a)) {
        int rc = entry_entity(r, a->record, &e);
        if (rc == 0)
            rc = fg_graph_add_mention(r->graph, e, byte_span(r, first, end));
        if (rc == 0)
            rc = add_annot(r, fg_lexicon_entry(r->lexicon, a->record)->cls,
                           first, end, FG_ANNOT_ENTITY, e, a->source, 0);
        if (rc == 0)
            *out = fg_value_entity(e);
        if (rc != FG_EINVAL) /* else an entry of no actor class */
            return rc;
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


/* Adds fact kind of entity to the entity of gazetteer entry. */
static int entry_fact(fg_resolver *r, uint32_t entity, fg_fact_kind kind,
                      uint32_t entry)
{
    uint32_t e;
    int rc = entry_entity(r, entry, &e);
    if (rc == FG_EINVAL) /* an entry of no actor class: no fact */
        return 0;
    return rc < 0 ? rc : fg_graph_add_fact(r->graph, entity, kind,
                                           fg_value_entity(e));
}

/* Remembers a person for coreference: its gender and surname. */
static int add_person(fg_resolver *r, uint32_t entity, char gender,
                      uint32_t name_end)
{
    if (fg_grow((void **)&r->persons, &r->cap_persons, r->n_persons + 1,
                sizeof *r->persons) < 0)
        return FG_ENOMEM;
    r->persons[r->n_persons++] =
        (person_ref){entity, gender, r->tokens[name_end - 1].norm};
    return 0;
}

/* The facts a person rule captured: the office (held now, or before
 * with "former"), the affiliation (a country or organisation, named or
 * as an adjective: "britische"), and the affiliation in an office's
 * first part ("US-Präsident", "EU-Außenbeauftragte"). The person's
 * gender comes from its given name or its entry in the gazetteer of
 * people (known, or NULL), else the office's form. */
static int person_facts(fg_resolver *r, const pending_match *m,
                        uint32_t person, uint32_t first, uint32_t end,
                        const fg_annot *known, char *gender)
{
    uint32_t f, e;
    int rc = 0;
    const fg_annot *given = gazetteer_in(r, first, first + 1, 1);
    if (given && strcmp(given->type, "GivenName") == 0)
        *gender = given->gender;
    else if (known)
        *gender = known->gender;
    if (first_capture(m, FG_CAPTURE_OFFICE, &f, &e)) {
        const fg_annot *office = gazetteer_in(r, f, e, 1);
        if (office && is_modifier(r, office)) {
            rc = entry_fact(r, person, FG_FACT_AFFILIATION, office->record);
            office = NULL;
        }
        if (office && *gender == 0)
            *gender = office->gender;
        const char *label = office ? fg_lexicon_entry(r->lexicon,
                                                      office->record)->label
                                   : canonical_label(r, f, e, "Office");
        uint32_t o;
        if (rc == 0)
            rc = label ? fg_graph_add_entity(r->graph, FG_ENTITY_OFFICE,
                                             label, label, &o)
                       : FG_ENOMEM;
        uint32_t x, y;
        fg_fact_kind kind = first_capture(m, FG_CAPTURE_FORMER, &x, &y)
                                ? FG_FACT_HELD_OFFICE
                                : FG_FACT_HOLDS_OFFICE;
        if (rc == 0)
            rc = fg_graph_add_fact(r->graph, person, kind, fg_value_entity(o));
    }
    if (rc == 0 && first_capture(m, FG_CAPTURE_AFFILIATION, &f, &e)) {
        const fg_annot *a = gazetteer_in(r, f, e, 0);
        if (a)
            rc = entry_fact(r, person, FG_FACT_AFFILIATION, a->record);
    }
    return rc == 0 ? add_person(r, person, *gender, end) : rc;
}

/* Nouns of time, by lemma or compound head: a number before one counts
 * a span of time ("Zwei Monate später", "Drei Jahre nach dem Krieg",
 * "vier Kriegsjahre"), no group of people or things. */
static const char *const TIME_NOUNS[] = {
    "sekunde", "minute", "stunde",  "tag",      "nacht",       "woche",
    "wochenende", "monat", "quartal", "halbjahr", "jahr", "jahrzehnt",
    "jahrhundert", NULL};

static int time_noun(const fg_morph *m)
{
    for (size_t i = 0; TIME_NOUNS[i]; i++) {
        size_t n = strlen(TIME_NOUNS[i]);
        if ((m->lemma_len == n && memcmp(m->lemma, TIME_NOUNS[i], n) == 0) ||
            (m->head_len == n && memcmp(m->head, TIME_NOUNS[i], n) == 0))
            return 1;
    }
    return 0;
}

/* Whether the counted noun of a group's match, the first capitalised
 * word after its count (and before where it is "from"), is a noun of
 * time. */
static int counts_time(const fg_resolver *r, const pending_match *m,
                       uint32_t count_end)
{
    uint32_t stop = m->end, f, e;
    if (first_capture(m, FG_CAPTURE_FROM, &f, &e) && f < stop)
        stop = f;
    for (uint32_t i = count_end; i < stop && r->morph; i++)
        if ((r->tokens[i].flags & FG_TOKEN_WORD) &&
            (r->tokens[i].flags & FG_TOKEN_CAPITALISED))
            return time_noun(&r->morph[i]);
    return 0;
}

/* Counts a group: the number's value, and its own qualifier ("rund
 * 200") over the rule's. */
static int set_count(fg_resolver *r, uint32_t group, const fg_number *nu,
                     fg_qualifier rule_qualifier)
{
    fg_literal lit;
    int rc = fg_literal_make(r->graph, nu->type, nu->value, &lit);
    return rc < 0 ? rc
                  : fg_graph_set_count(r->graph, group, lit,
                                       nu->qualifier != FG_QUALIFIER_NONE
                                           ? nu->qualifier
                                           : rule_qualifier);
}

/* The label of a person named [first, end) as written (text). A regnal
 * number at the end of a sentence lost its period to the full stop
 * ("... sagte Papst Leo XIV."): it gets it back, so that the person is
 * "Leo XIV." wherever the name stands. In the arena. */
static const char *person_label(fg_resolver *r, uint32_t first, uint32_t end,
                                const char *text)
{
    const fg_token *t = &r->tokens[end - 1];
    size_t n = t->end - t->start;
    if (end - first < 2 || n < 2 || t->end >= r->text->len ||
        r->text->data[t->end] != '.')
        return text;
    for (size_t i = 0; i < n; i++)
        if (!strchr("IVXL", r->text->data[t->start + i]))
            return text;
    size_t len = strlen(text);
    char *out = fg_arena_alloc(r->arena, len + 2);
    if (out) {
        memcpy(out, text, len);
        memcpy(out + len, ".", 2);
    }
    return out;
}

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
    char gender = 0;
    int rc;
    uint32_t cf, ce;
    if (d->actor == FG_ACTOR_GROUP &&
        first_capture(m, FG_CAPTURE_COUNT, &cf, &ce) &&
        counts_time(r, m, ce))
        return 0;
    if (d->actor == FG_ACTOR_GROUP) {
        kind = FG_ANNOT_GROUP;
        rc = fg_graph_add_group(r->graph, text, byte_span(r, first, end),
                                &record);
        const fg_annot *na;
        if (rc == 0 && first_capture(m, FG_CAPTURE_COUNT, &cf, &ce) &&
            (na = annot_over(r, FG_ANNOT_NUMBER, cf, ce)) != NULL) {
            rc = set_count(r, record, &r->numbers[na->record],
                           d->output.qualifier);
        }
        const fg_annot *ga;
        uint32_t ge;
        if (rc == 0 && first_capture(m, FG_CAPTURE_AFFILIATION, &cf, &ce) &&
            (ga = gazetteer_in(r, cf, ce, 0)) != NULL &&
            (rc = entry_entity(r, ga->record, &ge)) == 0)
            rc = fg_graph_set_affiliation(r->graph, record,
                                          fg_value_entity(ge));
        if (rc == FG_EINVAL) /* an entry of no actor class */
            rc = 0;
        if (rc == 0 && first_capture(m, FG_CAPTURE_FROM, &cf, &ce)) {
            fg_value from;
            rc = capture_value(r, cf, ce, &from);
            if (rc == 0)
                rc = fg_graph_set_from(r->graph, record, from);
            /* "aus 30 Ländern": a group of its own, counted too. */
            if (rc == 0 && from.kind == FG_VALUE_GROUP &&
                (na = annot_over(r, FG_ANNOT_NUMBER, cf, ce)) != NULL)
                rc = set_count(r, from.index, &r->numbers[na->record],
                               FG_QUALIFIER_NONE);
        }
    } else {
        kind = FG_ANNOT_ENTITY;
        /* People are named as written (a guessed lemma of a surname
         * would cut it: "Pistorius"), or by the gazetteer's label, so
         * that "Selenskyj" and "Wolodymyr Selenskyj" are one. */
        const fg_annot *known =
            d->actor == FG_ACTOR_PERSON ? known_person(r, first, end) : NULL;
        const char *key =
            d->output.name ? d->output.name
            : known ? fg_lexicon_entry(r->lexicon, known->record)->label
            : d->actor == FG_ACTOR_PERSON
                ? person_label(r, first, end, text)
                : canonical_label(r, first, end, fg_actor_name(d->actor));
        if (key == NULL)
            return FG_ENOMEM;
        rc = fg_graph_add_entity(r->graph, ENTITY_CLASS[d->actor], key, key,
                                 &record);
        if (rc == 0)
            rc = fg_graph_add_mention(r->graph, record,
                                      byte_span(r, first, end));
        if (rc == 0 && d->actor == FG_ACTOR_PERSON)
            rc = person_facts(r, m, record, first, end, known, &gender);
    }
    if (rc < 0)
        return rc;
    rc = add_annot(r, d->cls, first, end, kind, record, d->id, gender);
    /* A subclass (dpo:Alliance) is also an annotation of its base. */
    const char *base = fg_actor_name(d->actor);
    if (rc == 0 && strcmp(base, d->cls) != 0)
        rc = add_annot(r, base, first, end, kind, record, d->id, gender);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Factuality                                                          */

/* Cue words, compared with a token's case-folded form (w) or lemma (l).
 * Each list ends in NULL, and is written case-folded as they are
 * ("beschliessen", not "beschließen"). */
static const char *const NEGATION_W[] = {
    "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie",
    "niemals", "weder", "ohne", NULL};
/* Verbs that undo the event in their clause ("wurde gestoppt",
 * "lehnte ... ab"), and in the clause they govern ("bestritt, angegriffen
 * zu haben"). */
static const char *const NEGATION_L[] = {
    "ablehnen", "absagen", "verweigern", "stoppen", "blockieren",
    "ausschliessen", "scheitern", "aussetzen", "abbrechen", "bestreiten",
    "dementieren", "leugnen", "zurückweisen", NULL};
static const char *const UNLIKELY_W[] = {"unwahrscheinlich", "unrealistisch",
                                         NULL};
static const char *const POSSIBLE_W[] = {
    "möglicherweise", "vielleicht", "eventuell", "womöglich", "möglich",
    "denkbar", "könnte", "könnten", "ob", "fraglich", "ungewiss", "unklar",
    "betracht", NULL};
static const char *const POSSIBLE_L[] = {"erwägen", "hoffen", "prüfen",
                                         "diskutieren", NULL};
static const char *const PROBABLE_W[] = {
    "angeblich", "vermutlich", "mutmasslich", "wahrscheinlich", "offenbar",
    "anscheinend", "zugeschrieben", NULL};
static const char *const HYPOTHETICAL_W[] = {
    "falls", "wenn", "sofern", "würde", "würden", "wäre", "wären", NULL};
/* What is to be prevented has not happened: "um einen Angriff zu
 * verhindern". */
static const char *const HYPOTHETICAL_L[] = {
    "verhindern", "entgegenwirken", "abwenden", "vorbeugen", "abschrecken",
    NULL};
static const char *const PLANNED_W[] = {
    "künftig", "künftige", "künftigen", "zukünftig", "zukünftige",
    "zukünftigen", "bald", "geplant", "geplante", "geplanten", "vorgesehen",
    NULL};
static const char *const PLANNED_L[] = {
    "wollen", "sollen", "müssen", "planen", "vorsehen", "beabsichtigen",
    "ankündigen", "beschliessen", "versprechen", "zusagen", "drohen",
    "erwägen", "diskutieren", NULL};
/* Words that keep "nicht" from negating: "nicht nur ... sondern". */
static const char *const NOT_NEGATING_NEXT[] = {"nur", "zuletzt", NULL};

static int in_list(const char *const *list, const char *s, size_t n)
{
    for (; s && *list; list++)
        if (strlen(*list) == n && memcmp(*list, s, n) == 0)
            return 1;
    return 0;
}

static int word_in(const fg_resolver *r, uint32_t i, const char *const *list)
{
    return in_list(list, r->tokens[i].norm, r->tokens[i].norm_len);
}

static int lemma_in(const fg_resolver *r, uint32_t i, const char *const *list)
{
    return r->morph && in_list(list, r->morph[i].lemma, r->morph[i].lemma_len);
}

/* Cues found in the tokens [a, b), leaving out the trigger t. */
typedef struct cues {
    int negation, unlikely, possible, probable, hypothetical, planned;
    int finite, past, perfect, future, reportative;
    int in_force; /* "in Kraft getreten": a state that holds now */
} cues;

static void find_cues(const fg_resolver *r, uint32_t a, uint32_t b,
                      uint32_t t, cues *c)
{
    int aux_haben_sein = 0, finite_haben_sein = 0, inf_haben_sein = 0,
        aux_werden = 0, modal_sollen = 0, participle = 0, infinitive = 0;
    for (uint32_t i = a; i < b; i++) {
        uint32_t tags = r->morph ? r->morph[i].tags : 0;
        if (tags & FG_TAG_PARTICIPLE)
            participle = 1;
        if (tags & (FG_TAG_INFINITIVE | FG_TAG_ZU))
            infinitive = 1;
        if (lemma_in(r, i, (const char *const[]){"haben", "sein", NULL})) {
            aux_haben_sein = 1;
            finite_haben_sein |= (tags & FG_TAG_FINITE) != 0;
            /* "angegriffen haben": infinitive after a participle, even
             * where the form could be finite */
            inf_haben_sein |= (tags & FG_TAG_FINITE) == 0 ||
                              (i > a && r->morph &&
                               (r->morph[i - 1].tags & FG_TAG_PARTICIPLE));
        }
        if (tags & FG_TAG_FINITE) {
            if (!c->finite) {
                c->finite = 1;
                c->past = (tags & FG_TAG_PAST) != 0;
            }
            if (lemma_in(r, i, (const char *const[]){"werden", NULL}))
                aux_werden = !(tags & FG_TAG_PAST);
            if (lemma_in(r, i, (const char *const[]){"sollen", NULL}))
                modal_sollen = 1;
        }
        if (i == t)
            continue; /* the trigger is no cue of itself ("lehnte ab") */
        if (word_in(r, i, NEGATION_W) &&
            !(i + 1 < b && word_in(r, i + 1, NOT_NEGATING_NEXT)))
            c->negation = 1;
        if (lemma_in(r, i, NEGATION_L))
            c->negation = 1;
        if (word_in(r, i, UNLIKELY_W))
            c->unlikely = 1;
        if (word_in(r, i, POSSIBLE_W) || lemma_in(r, i, POSSIBLE_L))
            c->possible = 1;
        if (word_in(r, i, PROBABLE_W))
            c->probable = 1;
        if (word_in(r, i, HYPOTHETICAL_W) || lemma_in(r, i, HYPOTHETICAL_L))
            c->hypothetical = 1;
        if (word_in(r, i, PLANNED_W) || lemma_in(r, i, PLANNED_L))
            c->planned = 1;
        if (word_in(r, i, (const char *const[]){"in", NULL}) && i + 2 < b &&
            word_in(r, i + 1, (const char *const[]){"kraft", NULL}) &&
            word_in(r, i + 2, (const char *const[]){"getreten", NULL}))
            c->in_force = 1;
    }
    /* "hat ... geliefert", and "angegriffen zu haben". */
    c->perfect = aux_haben_sein && participle &&
                 (finite_haben_sein || !c->finite);
    c->future = aux_werden && infinitive && !participle;
    /* "soll ... angegriffen haben": hearsay about the past; not "soll
     * ... gebildet werden", a plan. */
    c->reportative = modal_sollen && participle && inf_haben_sein;
}

/* The clause [*a, *b) of token t of the sentence [first, end). */
static void clause_of(const fg_resolver *r, uint32_t t, uint32_t first,
                      uint32_t end, uint32_t *a, uint32_t *b)
{
    uint32_t clause = r->tokens[t].clause;
    *a = t;
    *b = t + 1;
    while (*a > first && r->tokens[*a - 1].clause == clause)
        (*a)--;
    while (*b < end && r->tokens[*b].clause == clause)
        (*b)++;
}

/* Whether tokens [a, b) hold a zu-infinitive: "teilzunehmen", "zu
 * liefern". */
static int has_zu_infinitive(const fg_resolver *r, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; r->morph && i < b; i++)
        if ((r->morph[i].tags & FG_TAG_ZU) ||
            (word_in(r, i, (const char *const[]){"zu", NULL}) && i + 1 < b &&
             (r->morph[i + 1].tags & FG_TAG_INFINITIVE)))
            return 1;
    return 0;
}

/* The factuality of an event whose trigger is token t of the sentence
 * [first, end): cues of the trigger's clause, and of the clause before it
 * when that one governs it (the trigger's clause starts with "dass" or
 * "ob", or holds a zu-infinitive, as "um ... zu" does; "Um 18 Uhr"
 * without one is a time). */
static void judge_factuality(const fg_resolver *r, uint32_t t, uint32_t first,
                             uint32_t end, fg_polarity *p, fg_certainty *c,
                             fg_status *s)
{
    uint32_t a, b;
    clause_of(r, t, first, end, &a, &b);
    cues own = {0}, gov = {0};
    find_cues(r, a, b, t, &own);
    int zu_infinitive = has_zu_infinitive(r, a, b);
    int purpose = zu_infinitive &&
                  word_in(r, a, (const char *const[]){"um", NULL});
    int embedded = zu_infinitive ||
                   word_in(r, a, (const char *const[]){"dass", "ob", NULL});
    if (embedded && a > first) {
        uint32_t ga = a - 1, gc = r->tokens[a - 1].clause;
        while (ga > first && r->tokens[ga - 1].clause == gc)
            ga--;
        find_cues(r, ga, a, t, &gov);
    }
    *p = own.negation || (embedded && gov.negation) ? FG_NEGATIVE
                                                   : FG_POSITIVE;
    cues any = own;
    any.unlikely |= gov.unlikely;
    any.possible |= gov.possible;
    any.probable |= gov.probable;
    *c = any.unlikely       ? FG_UNLIKELY
         : any.possible     ? FG_POSSIBLE
         : any.probable || own.reportative ? FG_PROBABLE
                                           : FG_CERTAIN;
    /* What was promised, announced, decided or threatened is planned,
     * whatever the tense of the promise ("sagte ... Hilfe zu", "drohten,
     * Schiffe anzugreifen"); hearsay about the past ("soll ...
     * angegriffen haben") is past. */
    int trigger_verb = r->morph && (r->morph[t].tags & FG_TAG_VERB);
    if (own.hypothetical)
        *s = FG_HYPOTHETICAL;
    else if (own.reportative)
        *s = FG_PAST;
    else if (own.planned || own.future || (embedded && gov.planned) ||
             purpose ||
             (embedded && !own.finite && gov.finite && !gov.past &&
              gov.future))
        *s = FG_PLANNED;
    else if (own.perfect && own.in_force)
        *s = FG_ONGOING; /* "Die Waffenruhe ist in Kraft getreten" */
    else if (own.perfect || (own.finite && own.past))
        *s = FG_PAST;
    else if (own.finite)
        *s = FG_ONGOING;
    else if (embedded && gov.finite)
        *s = gov.past ? FG_PAST : FG_ONGOING;
    else if (trigger_verb && !(r->morph[t].tags & FG_TAG_PARTICIPLE))
        *s = FG_ONGOING; /* a present plural the lexicon does not know:
                          * "Die Grünen fordern" */
    else
        *s = FG_PAST;
    /* What is only possible, or unlikely, has not happened yet. */
    if (*s == FG_ONGOING && (*c == FG_POSSIBLE || *c == FG_UNLIKELY))
        *s = FG_PLANNED;
}

static int same_value(const fg_value *a, const fg_value *b)
{
    if (a->kind != b->kind)
        return 0;
    if (a->kind != FG_VALUE_LITERAL)
        return a->index == b->index;
    return a->literal.type == b->literal.type &&
           strcmp(a->literal.value, b->literal.value) == 0;
}

/* Adds a role value unless the event has it already (two rules that
 * found the same event). */
static int add_role(fg_resolver *r, uint32_t ev, fg_role role, fg_value v)
{
    const fg_graph *g = r->graph;
    for (size_t i = 0; i < g->n_roles; i++)
        if (g->roles[i].event == ev && g->roles[i].role == role &&
            same_value(&g->roles[i].value, &v))
            return 0;
    return fg_graph_add_role(r->graph, ev, role, v);
}

/* ------------------------------------------------------------------ */
/* Places and times of the clause                                      */

/* Prepositions of a place in the clause: "in Brüssel", "nach Polen
 * verlegt", "auf Capri", "über der Ostsee". Not "an"/"am": on the gold's
 * parts they find more wrong places than right ones ("am Rande", "an der
 * Seite"). */
static const char *const LOCATIVE_W[] = {"in",  "im",  "ins",  "bei",
                                         "beim", "nahe", "vor", "nach",
                                         "auf", "über", NULL};
static const char *const ARTICLE_W[] = {"der", "dem", "den", "die", "das",
                                        "des", NULL};

/* Whether event ev has a value for role. */
static int event_has_role(const fg_resolver *r, uint32_t ev, int role)
{
    for (size_t i = 0; i < r->graph->n_roles; i++)
        if (r->graph->roles[i].event == ev && (int)r->graph->roles[i].role == role)
            return 1;
    return 0;
}

/* The entity annotation of a place or country that starts at token i,
 * or NULL. */
static const fg_annot *place_at(const fg_resolver *r, uint32_t i)
{
    for (size_t k = r->sentence_annots; k < r->n_annots; k++) {
        const fg_annot *a = &r->annots[k];
        if (a->kind == FG_ANNOT_ENTITY && a->first == i &&
            (strcmp(a->type, "Place") == 0 || strcmp(a->type, "Country") == 0))
            return a;
    }
    return NULL;
}

/* A place in the clause of trigger t ("in Brüssel", "im NATO-Hauptquartier",
 * "in der Ukraine") becomes the event's location, and a time expression
 * its time, unless the rule captured one. */
static int attach_place_time(fg_resolver *r, uint32_t ev, uint32_t t,
                             uint32_t first, uint32_t end)
{
    uint32_t a, b;
    clause_of(r, t, first, end, &a, &b);
    int rc = 0;
    if (!event_has_role(r, ev, FG_ROLE_LOCATION))
        for (uint32_t i = a; i + 1 < b; i++) {
            if (!word_in(r, i, LOCATIVE_W))
                continue;
            /* "in Den Haag": a place that begins with an article */
            uint32_t j = i + 1;
            const fg_annot *pl = place_at(r, j);
            if (pl == NULL && j + 1 < b && word_in(r, j, ARTICLE_W))
                pl = place_at(r, ++j);
            if (pl) {
                rc = add_role(r, ev, FG_ROLE_LOCATION,
                              fg_value_entity(pl->record));
                break;
            }
        }
    if (rc == 0 && !event_has_role(r, ev, FG_ROLE_TIME))
        for (size_t k = r->sentence_annots; k < r->n_annots; k++) {
            const fg_annot *ta = &r->annots[k];
            if (ta->kind != FG_ANNOT_TIME || ta->first < a || ta->end > b)
                continue;
            fg_value v;
            rc = time_value(r, ta, &v);
            if (rc == 0)
                rc = fg_graph_add_role(r->graph, ev, FG_ROLE_TIME, v);
            break;
        }
    return rc;
}

/* ------------------------------------------------------------------ */
/* Attribution                                                         */

/* The token of the sentence [first, end) where the trigger of event ev
 * starts. */
static uint32_t trigger_token(const fg_resolver *r, uint32_t ev,
                              uint32_t first, uint32_t end)
{
    size_t start = r->graph->events[ev].trigger.start;
    for (uint32_t i = first; i < end; i++)
        if (r->tokens[i].start >= start)
            return i;
    return first;
}

/* The first agent of event ev, or 0. */
static int agent_of(const fg_resolver *r, uint32_t ev, fg_value *out)
{
    for (size_t i = 0; i < r->graph->n_roles; i++)
        if (r->graph->roles[i].event == ev &&
            r->graph->roles[i].role == FG_ROLE_AGENT) {
            *out = r->graph->roles[i].value;
            return 1;
        }
    return 0;
}

/* What a statement reports is its topic and is attributed to its
 * speaker: the events of the sentence in another clause than the
 * Statement's trigger ("X erklärte, dass Y liefert", "Y liefert, sagte
 * X"), or, for a Statement of a rule with reports="sentence" (attribution
 * phrases: "laut X", "X zufolge", "so X"), every other event of the
 * sentence that no speaker of the first kind reports: "Laut Y sagte X,
 * dass Z ..." attributes Z to X, and X's statement to Y. Events
 * [from_event, n_events) are the sentence's. */
static int attribute(fg_resolver *r, uint32_t from_event, uint32_t first,
                     uint32_t end)
{
    fg_graph *g = r->graph;
    uint32_t n = (uint32_t)g->n_events;
    int rc = 0;
    for (int whole = 0; whole <= 1; whole++)
        for (uint32_t s = from_event; s < n && rc == 0; s++) {
            fg_value speaker;
            if (strcmp(g->events[s].cls, "Statement") != 0 ||
                g->events[s].reports_sentence != whole ||
                !agent_of(r, s, &speaker))
                continue;
            uint32_t clause =
                r->tokens[trigger_token(r, s, first, end)].clause;
            for (uint32_t e = from_event; e < n && rc == 0; e++) {
                if (e == s || g->events[e].reports_sentence ||
                    (whole && g->events[e].has_attribution))
                    continue;
                if (!whole &&
                    (strcmp(g->events[e].cls, "Statement") == 0 ||
                     r->tokens[trigger_token(r, e, first, end)].clause ==
                         clause))
                    continue;
                rc = fg_graph_add_role(g, s, FG_ROLE_TOPIC,
                                       fg_value_event(e));
                if (rc == 0 && !g->events[e].has_attribution)
                    rc = fg_graph_set_attribution(g, e, speaker);
            }
        }
    return rc;
}

/* The roles of a match, captured and constant, then the place and time
 * of the clause, for event ev whose trigger is token tf. */
static int add_roles(fg_resolver *r, const pending_match *m, uint32_t ev,
                     uint32_t tf, uint32_t first, uint32_t end)
{
    const fg_rule_def *d = &m->rule->def;
    int rc = 0;
    const fg_program *g = &m->rule->prog;
    for (uint32_t s = 0; rc == 0 && s + 1 < g->n_role_slots; s += 2) {
        int role = g->slot_role[s / 2];
        uint32_t a = m->slots[s], b = m->slots[s + 1];
        if (role >= FG_ROLES || a == FG_VM_UNSET || b == FG_VM_UNSET || b <= a)
            continue;
        fg_value v;
        if (role == FG_ROLE_TIME) {
            const fg_annot *ta = annot_over(r, FG_ANNOT_TIME, a, b);
            if (ta == NULL) /* no time expression: no time */
                continue;
            rc = time_value(r, ta, &v);
        } else {
            rc = capture_value(r, a, b, &v);
        }
        if (rc == 0)
            rc = add_role(r, ev, (fg_role)role, v);
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
            rc = add_role(r, ev, (fg_role)cr->role, v);
    }
    if (rc == 0)
        rc = attach_place_time(r, ev, tf, first, end);
    return rc;
}

/* An event of the sentence (events from r->first_event on) of class cls
 * on the same trigger, or UINT32_MAX. */
static uint32_t same_event(const fg_resolver *r, const char *cls,
                           fg_span trigger)
{
    const fg_graph *g = r->graph;
    for (uint32_t e = r->first_event; e < g->n_events; e++)
        if (g->events[e].trigger.start == trigger.start &&
            g->events[e].trigger.end == trigger.end &&
            strcmp(g->events[e].cls, cls) == 0)
            return e;
    return UINT32_MAX;
}

static int output_event(fg_resolver *r, const pending_match *m,
                        uint32_t first, uint32_t end)
{
    fg_span sentence = byte_span(r, first, end);
    const fg_rule_def *d = &m->rule->def;
    uint32_t tf = m->first, te = m->first + 1, ev;
    first_capture(m, FG_CAPTURE_TRIGGER, &tf, &te);
    /* Two rules (of overlap="true") that found the same event on the
     * same trigger make one event: the first rule's, with the roles of
     * both. */
    ev = same_event(r, d->cls, byte_span(r, tf, te));
    if (ev != UINT32_MAX) {
        r->graph->events[ev].reports_sentence |= d->output.reports_sentence;
        return add_roles(r, m, ev, tf, first, end);
    }
    int rc = fg_graph_add_event(r->graph, d->cls, d->id, byte_span(r, tf, te),
                                &ev);
    if (rc == 0)
        r->graph->events[ev].reports_sentence = d->output.reports_sentence;
    /* From the text, unless the rule says. */
    fg_polarity pol;
    fg_certainty cert;
    fg_status stat;
    judge_factuality(r, tf, first, end, &pol, &cert, &stat);
    if (d->output.set & FG_OUTPUT_POLARITY)
        pol = d->output.polarity;
    if (d->output.set & FG_OUTPUT_CERTAINTY)
        cert = d->output.certainty;
    if (d->output.set & FG_OUTPUT_STATUS)
        stat = d->output.status;
    if (rc == 0)
        rc = fg_graph_set_factuality(r->graph, ev, pol, cert, stat);
    if (rc == 0)
        rc = fg_graph_add_evidence(r->graph, ev, sentence);
    return rc == 0 ? add_roles(r, m, ev, tf, first, end) : rc;
}

/* Records a kept match for explain and for the examples' checks. */
static int keep(fg_resolver *r, const pending_match *m)
{
    if (fg_grow((void **)&r->kept, &r->cap_kept, r->n_kept + 1,
                sizeof *r->kept) < 0)
        return FG_ENOMEM;
    const fg_rule *rule = m->rule;
    const fg_program *g = &rule->prog;
    if (r->hits)
        r->hits[rule->order]++;
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
    uint32_t from_event = (uint32_t)r->graph->n_events;
    r->first_event = from_event;
    for (size_t i = 0; i < kept && rc == 0; i++) {
        const pending_match *m = &r->pending[i];
        rc = phase == FG_PHASE_ENTITIES ? output_entity(r, m)
                                        : output_event(r, m, first, end);
        if (rc == 0)
            rc = keep(r, m);
    }
    if (rc == 0 && phase == FG_PHASE_EVENTS)
        rc = attribute(r, from_event, first, end);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Coreference                                                         */

/* How many sentences back a pronoun looks for its person. */
#define PRONOUN_WINDOW 3

/* Whether token i of the sentence [first, end) is inside an annotation
 * of an entity or group. */
static int in_entity(const fg_resolver *r, uint32_t i)
{
    for (size_t k = r->sentence_annots; k < r->n_annots; k++) {
        const fg_annot *a = &r->annots[k];
        if ((a->kind == FG_ANNOT_ENTITY || a->kind == FG_ANNOT_GROUP) &&
            a->first <= i && i < a->end)
            return 1;
    }
    return 0;
}

/* The person whose surname token i is ("Healey", "Healeys"), or -1 when
 * none is, or when two people of the document share it. */
static int64_t surname_person(const fg_resolver *r, uint32_t i)
{
    const fg_token *t = &r->tokens[i];
    if ((t->flags & (FG_TOKEN_WORD | FG_TOKEN_CAPITALISED)) !=
        (FG_TOKEN_WORD | FG_TOKEN_CAPITALISED))
        return -1;
    int64_t found = -1;
    for (size_t k = 0; k < r->n_persons; k++) {
        const person_ref *p = &r->persons[k];
        size_t n = strlen(p->surname);
        if (strncmp(t->norm, p->surname, n) != 0 ||
            (t->norm_len != n && !(t->norm_len == n + 1 && t->norm[n] == 's')))
            continue;
        if (found >= 0 && found != p->entity)
            return -1;
        found = p->entity;
    }
    return found;
}

static char person_gender(const fg_resolver *r, uint32_t entity)
{
    for (size_t k = r->n_persons; k-- > 0;)
        if (r->persons[k].entity == entity && r->persons[k].gender)
            return r->persons[k].gender;
    return 0;
}

/* The gender a subject pronoun at token i asks for: 'm' for er, 'f' for
 * a singular sie; 0 for anything else. "sie" is plural when the finite
 * verb next to it in its clause is ("sie betonten", "betonten sie"), and
 * "Sie" inside a sentence is the polite you. */
static char pronoun_gender(const fg_resolver *r, uint32_t i, uint32_t first,
                           uint32_t end)
{
    const fg_token *t = &r->tokens[i];
    if (strcmp(t->norm, "er") == 0)
        return 'm';
    if (strcmp(t->norm, "sie") != 0 ||
        ((t->flags & FG_TOKEN_CAPITALISED) && !(t->flags & FG_TOKEN_SENT_START)))
        return 0;
    for (int dir = 1; dir >= -1; dir -= 2) {
        for (int64_t j = (int64_t)i + dir; j >= first && j < end; j += dir) {
            if (r->tokens[j].clause != t->clause)
                break;
            if (!(r->morph[j].tags & FG_TAG_FINITE))
                continue;
            const char *v = r->tokens[j].norm;
            size_t n = r->tokens[j].norm_len;
            int plural = strcmp(v, "sind") == 0 ||
                         (n > 2 && strcmp(v + n - 2, "en") == 0);
            return plural ? 0 : 'f';
        }
    }
    return 'f';
}

/* The person a pronoun of gender g at token i stands for: going back
 * sentence by sentence (its own before it first, up to PRONOUN_WINDOW),
 * the first sentence that names a person of gender g decides, when it
 * names exactly one, and nobody whose gender is unknown. A sentence
 * naming only people of the other gender is passed over; one naming
 * somebody of unknown gender stops the search. -1 when unresolved. */
static int64_t pronoun_person(const fg_resolver *r, uint32_t i, char g)
{
    uint32_t sentence = r->tokens[i].sentence, current = sentence;
    int64_t match = -1;
    int matches = 0, unknown = 0;
    for (size_t k = r->n_annots;; ) {
        const fg_annot *a = k > 0 ? &r->annots[k - 1] : NULL;
        uint32_t s = a ? r->tokens[a->first].sentence : 0;
        /* A sentence is done: decide, or go on to the one before. */
        if (a == NULL || s != current) {
            if (matches == 1 && unknown == 0)
                return match;
            if (matches > 1 || unknown > 0 || a == NULL ||
                sentence - s >= PRONOUN_WINDOW)
                return -1;
            current = s;
            match = -1;
            matches = 0;
        }
        k--;
        if (a->kind != FG_ANNOT_ENTITY || a->first >= i ||
            strcmp(a->type, "Person") != 0 || a->record == match)
            continue;
        char pg = person_gender(r, a->record);
        if (pg == 0)
            unknown++;
        else if (pg == g) {
            matches += match < 0 || match != a->record;
            match = a->record;
        }
    }
}

int fg_resolve_corefer(fg_resolver *r, uint32_t first, uint32_t end)
{
    for (uint32_t i = first; i < end; i++) {
        if (r->n_persons == 0 || in_entity(r, i))
            continue;
        int64_t p = surname_person(r, i);
        if (p < 0) {
            char g = pronoun_gender(r, i, first, end);
            p = g ? pronoun_person(r, i, g) : -1;
        }
        if (p < 0)
            continue;
        int rc = fg_graph_add_mention(r->graph, (uint32_t)p,
                                      byte_span(r, i, i + 1));
        if (rc == 0)
            rc = add_annot(r, "Person", i, i + 1, FG_ANNOT_ENTITY,
                           (uint32_t)p, "coreference",
                           person_gender(r, (uint32_t)p));
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Numbers and time expressions                                        */

int fg_resolve_add_quantities(fg_resolver *r, uint32_t first, uint32_t end)
{
    const fg_token *tok = r->tokens + first;
    size_t n = end - first;
    const char *text = r->text->data;
    for (uint32_t i = 0; i < n;) {
        fg_timex tx;
        fg_number nu;
        int rc = 0;
        uint32_t to = i + 1;
        if (fg_timex_at(tok, n, i, text, r->doc_date, &tx) && tx.end > i &&
            tx.end <= n) {
            rc = fg_grow((void **)&r->times, &r->cap_times, r->n_times + 1,
                         sizeof *r->times);
            if (rc == 0) {
                r->times[r->n_times] = tx;
                rc = add_annot(r, "Time", first + i, first + tx.end,
                               FG_ANNOT_TIME, (uint32_t)r->n_times++,
                               "timex", 0);
            }
            to = tx.end;
        } else if (fg_number_at(tok, n, i, text, &nu) && nu.end > i &&
                   nu.end <= n) {
            rc = fg_grow((void **)&r->numbers, &r->cap_numbers,
                         r->n_numbers + 1, sizeof *r->numbers);
            if (rc == 0) {
                r->numbers[r->n_numbers] = nu;
                rc = add_annot(r, "Number", first + i, first + nu.end,
                               FG_ANNOT_NUMBER, (uint32_t)r->n_numbers++,
                               "numbers", 0);
            }
            to = nu.end;
        }
        if (rc < 0)
            return FG_ENOMEM;
        i = to;
    }
    return 0;
}
