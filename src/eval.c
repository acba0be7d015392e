/* eval: see eval.h. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <utf8proc.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "eval.h"
#include "rdf.h"
#include "strmap.h"

/* A gold line longer than this is refused (a gold sentence or article is
 * far shorter). */
#define MAX_GOLD_LINE (16u << 20)

static const char *const CLASSES[] = {
    "Meeting",    "Statement",   "Training", "ArmsDelivery",
    "Deployment", "Attack",      "Ceasefire", "Monitoring",
    "Negotiation", "Founding",   "Participation", "Support",
    "Sanction",   "Agreement",   "Visit",    "Planning"};
#define N_CLASSES (sizeof CLASSES / sizeof CLASSES[0])

/* The roles of the gold format, as named in JSON and in dpo:. */
static const char *const ROLES[] = {"agent",  "participant", "theme",
                                    "target", "recipient",   "location",
                                    "time",   "topic",       "attributedTo"};
enum { ROLE_AGENT = 0, ROLE_ATTRIBUTED = 8, N_ROLES = 9 };

static const char *const FACTUALITY[] = {"polarity", "certainty", "status"};
static const char *const FACT_VALUES[3][5] = {
    {"Positive", "Negative", NULL},
    {"Certain", "Probable", "Possible", "Unlikely", NULL},
    {"Past", "Ongoing", "Planned", "Hypothetical", NULL}};
enum { N_FACT = 3 };

/* Words that do not make two phrases the same. */
static const char *const STOPWORDS[] = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer",
    "eines", "einem", "einen", "und", "oder", "von", "vom", "zu", "zur",
    "zum", "im", "in", "am", "an", "auf", "für", "mit", "bei", "durch",
    "seit", "sich", "aus", "nach", "über", "gegen", "the", "of"};

typedef struct gold_doc {
    const char *id;
    const char *file;
    unsigned long line;
} gold_doc;

typedef struct gold_event {
    uint32_t doc;
    int cls;
    size_t trig_begin, trig_end; /* code points of the NFC text */
    const char *trigger;
    const char *role[N_ROLES];   /* NULL: none */
    int fact[N_FACT];            /* indices into FACT_VALUES */
    int matched;
} gold_event;

typedef struct sys_event {
    uint32_t doc;
    const char *cls;
    size_t sent_begin, sent_end;
    size_t trig_begin, trig_end;
    const char *trigger;
    /* The words of each value of each role, one string per value, and
     * each value as --errors shows it (an entity's label). */
    const char **values[N_ROLES];
    const char **shown[N_ROLES];
    size_t n_values[N_ROLES];
    const char *fact[N_FACT]; /* local names, or NULL */
    const char *agent;        /* the first agent's label, for messages */
    int matched;
} sys_event;

struct fg_eval {
    fg_arena arena;
    char *base;
    gold_doc *docs;
    size_t n_docs, cap_docs;
    fg_strmap doc_by_iri; /* document IRI -> index */
    gold_event *gold;
    size_t n_gold, cap_gold;
    fg_dump *dump; /* the system's RDF, read back */
    sys_event *sys;
    size_t n_sys, cap_sys, n_unknown_doc;
    fg_eval_row *rows;
    size_t n_rows, cap_rows;
    fg_eval_miss *misses;
    size_t n_misses, cap_misses;
};

/* ------------------------------------------------------------------ */
/* Words                                                               */

static int is_stopword(const char *w, size_t len)
{
    for (size_t k = 0; k < sizeof STOPWORDS / sizeof *STOPWORDS; k++)
        if (strlen(STOPWORDS[k]) == len && memcmp(STOPWORDS[k], w, len) == 0)
            return 1;
    return 0;
}

/* The case-folded words (runs of letters and digits) of s, each
 * NUL-terminated in the arena, stopwords left out; *n_out gets their
 * number. NULL when out of memory. */
static const char **words_of(fg_arena *a, const char *s, size_t *n_out)
{
    *n_out = 0;
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t len = utf8proc_map(
        (const utf8proc_uint8_t *)s, 0, &folded,
        UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
            UTF8PROC_CASEFOLD);
    if (len < 0)
        return NULL;
    size_t cap = 8, n = 0;
    const char **w = fg_arena_alloc(a, cap * sizeof *w);
    utf8proc_ssize_t i = 0, start = -1;
    while (w) {
        utf8proc_int32_t c = -1;
        utf8proc_ssize_t k =
            i < len ? utf8proc_iterate(folded + i, len - i, &c) : 0;
        utf8proc_category_t cat = k > 0 ? utf8proc_category(c) : 0;
        int letter = k > 0 && cat >= UTF8PROC_CATEGORY_LU &&
                     cat <= UTF8PROC_CATEGORY_NO;
        if (letter && start < 0)
            start = i;
        if (!letter && start >= 0) {
            const char *word = (const char *)folded + start;
            size_t wl = (size_t)(i - start);
            start = -1;
            if (!is_stopword(word, wl)) {
                if (n == cap) {
                    const char **more = fg_arena_alloc(a, 2 * cap * sizeof *w);
                    if (more)
                        memcpy(more, w, cap * sizeof *w);
                    w = more;
                    cap *= 2;
                }
                if (w && (w[n++] = fg_arena_strndup(a, word, wl)) == NULL)
                    w = NULL;
            }
        }
        if (i >= len)
            break;
        i += k > 0 ? k : 1; /* an invalid byte ends a word */
    }
    free(folded);
    *n_out = w ? n : 0;
    return w;
}

/* Whether a and b share a word. */
static int share_word(fg_arena *a, const char *x, const char *y)
{
    size_t nx, ny;
    const char **wx = words_of(a, x, &nx), **wy = words_of(a, y, &ny);
    for (size_t i = 0; wx && wy && i < nx; i++)
        for (size_t j = 0; j < ny; j++)
            if (strcmp(wx[i], wy[j]) == 0)
                return 1;
    return 0;
}

/* The number of code points in s[0 .. n). */
static size_t code_points(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* ------------------------------------------------------------------ */
/* The gold                                                            */

static int find_name(const char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (names[i] && strcmp(names[i], s) == 0)
            return (int)i;
    return -1;
}

/* A member of obj that must be a string; NULL when absent. *bad is set
 * when it is there but not a string. */
static const char *member_string(json_object *obj, const char *key, int *bad)
{
    json_object *v;
    if (!json_object_object_get_ex(obj, key, &v) || v == NULL)
        return NULL;
    if (!json_object_is_type(v, json_type_string)) {
        *bad = 1;
        return NULL;
    }
    return json_object_get_string(v);
}

typedef struct gold_line {
    fg_eval *ev;
    const char *file;
    unsigned long line;
    fg_diag_list *diags;
    const char *text; /* NFC */
} gold_line;

static int gold_error(gold_line *g, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Reports a problem of the line; FG_EDATA, or FG_ENOMEM. */
static int gold_error(gold_line *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = fg_diag_vadd(g->diags, FG_ERROR, FG_EDATA, g->file, g->line, 0,
                          FG_NO_OFFSET, fmt, ap);
    va_end(ap);
    return rc < 0 ? FG_ENOMEM : FG_EDATA;
}

/* NFC of s in the arena, or NULL. */
static const char *nfc(fg_arena *a, const char *s)
{
    utf8proc_uint8_t *out = utf8proc_NFC((const utf8proc_uint8_t *)s);
    if (out == NULL)
        return NULL;
    const char *copy = fg_arena_strndup(a, (const char *)out,
                                        strlen((const char *)out));
    free(out);
    return copy;
}

/* Reads one event of a gold line. */
static int gold_event_of(gold_line *g, json_object *e, size_t k)
{
    fg_eval *ev = g->ev;
    char where[32];
    snprintf(where, sizeof where, "%zu", k + 1);
    if (!json_object_is_type(e, json_type_object))
        return gold_error(g, "event %s is not an object", where);
    int bad = 0;
    gold_event ge;
    memset(&ge, 0, sizeof ge);
    ge.doc = (uint32_t)(ev->n_docs - 1);
    const char *cls = member_string(e, "class", &bad);
    if (cls == NULL || (ge.cls = find_name(CLASSES, N_CLASSES, cls)) < 0)
        return gold_error(g, "event %s: \"class\" is missing or not one of the "
                             "classes of FORMAT.md", where);
    const char *trigger = member_string(e, "trigger", &bad);
    if (trigger == NULL || trigger[0] == '\0')
        return gold_error(g, "event %s: \"trigger\" is missing", where);
    if ((ge.trigger = nfc(&ev->arena, trigger)) == NULL)
        return FG_ENOMEM;
    /* Where the trigger is: its only occurrence, or at "offset". */
    const char *at = strstr(g->text, ge.trigger);
    json_object *off;
    if (json_object_object_get_ex(e, "offset", &off)) {
        int64_t o = json_object_get_int64(off);
        if (!json_object_is_type(off, json_type_int) || o < 0)
            return gold_error(g, "event %s: \"offset\" is not a number",
                              where);
        at = NULL;
        for (const char *p = strstr(g->text, ge.trigger); p;
             p = strstr(p + 1, ge.trigger))
            if (code_points(g->text, (size_t)(p - g->text)) == (size_t)o)
                at = p;
        if (at == NULL)
            return gold_error(g, "event %s: trigger \"%s\" is not at its "
                                 "\"offset\"", where, ge.trigger);
    } else if (at && strstr(at + 1, ge.trigger)) {
        return gold_error(g, "event %s: trigger \"%s\" occurs more than once: "
                             "give its \"offset\"", where, ge.trigger);
    }
    if (at == NULL)
        return gold_error(g, "event %s: trigger \"%s\" is not in the text",
                          where, ge.trigger);
    ge.trig_begin = code_points(g->text, (size_t)(at - g->text));
    ge.trig_end = ge.trig_begin + code_points(ge.trigger, strlen(ge.trigger));
    for (int r = 0; r < N_ROLES; r++) {
        const char *v = member_string(e, ROLES[r], &bad);
        if (bad)
            return gold_error(g, "event %s: \"%s\" is not a string", where,
                              ROLES[r]);
        if (v == NULL)
            continue;
        if ((ge.role[r] = nfc(&ev->arena, v)) == NULL)
            return FG_ENOMEM;
        if (strstr(g->text, ge.role[r]) == NULL)
            return gold_error(g, "event %s: the %s is not words of the text",
                              where, ROLES[r]);
    }
    for (int f = 0; f < N_FACT; f++) {
        const char *v = member_string(e, FACTUALITY[f], &bad);
        if (v == NULL || (ge.fact[f] = find_name(FACT_VALUES[f], 5, v)) < 0)
            return gold_error(g, "event %s: \"%s\" is missing or not a value "
                                 "of FORMAT.md", where, FACTUALITY[f]);
    }
    if (fg_grow((void **)&ev->gold, &ev->cap_gold, ev->n_gold + 1,
                sizeof *ev->gold) < 0)
        return FG_ENOMEM;
    ev->gold[ev->n_gold++] = ge;
    return 0;
}

/* Reads one gold line (a document and its events). */
static int gold_line_of(gold_line *g, const char *line)
{
    fg_eval *ev = g->ev;
    json_tokener *tok = json_tokener_new();
    if (tok == NULL)
        return FG_ENOMEM;
    json_object *obj = json_tokener_parse_ex(tok, line, (int)strlen(line));
    int parsed = json_tokener_get_error(tok) == json_tokener_success;
    json_tokener_free(tok);
    int rc = 0, bad = 0;
    const char *id, *text;
    json_object *events;
    if (!parsed || !json_object_is_type(obj, json_type_object)) {
        rc = gold_error(g, "not a JSON object");
    } else if ((id = member_string(obj, "id", &bad)) == NULL || !id[0]) {
        rc = gold_error(g, "\"id\" is missing");
    } else if ((text = member_string(obj, "text", &bad)) == NULL) {
        rc = gold_error(g, "\"text\" is missing");
    } else if (!json_object_object_get_ex(obj, "events", &events) ||
               !json_object_is_type(events, json_type_array)) {
        rc = gold_error(g, "\"events\" is missing or not a list");
    } else {
        /* The document, known by the IRI that extraction gives it. */
        fg_buf iri;
        fg_buf_init(&iri, 1 << 20);
        uint32_t seen;
        rc = fg_buf_adds(&iri, ev->base);
        if (rc == 0)
            rc = fg_rdf_percent_encode(&iri, id, strlen(id));
        if (rc == 0 && (rc = fg_strmap_add(&ev->doc_by_iri, iri.data, iri.len,
                                           (uint32_t)ev->n_docs, &seen)) == 1)
            rc = gold_error(g, "duplicate id '%s'", id);
        fg_buf_clear(&iri);
        gold_doc d = {fg_arena_strndup(&ev->arena, id, strlen(id)), g->file,
                      g->line};
        if (rc == 0 && (d.id == NULL ||
                        fg_grow((void **)&ev->docs, &ev->cap_docs,
                                ev->n_docs + 1, sizeof *ev->docs) < 0))
            rc = FG_ENOMEM;
        if (rc == 0) {
            ev->docs[ev->n_docs++] = d;
            g->text = nfc(&ev->arena, text);
            if (g->text == NULL)
                rc = FG_ENOMEM;
        }
        size_t n = rc == 0 ? json_object_array_length(events) : 0;
        for (size_t k = 0; k < n && rc == 0; k++)
            rc = gold_event_of(g, json_object_array_get_idx(events, k), k);
    }
    json_object_put(obj);
    return rc;
}

static int read_gold(fg_eval *ev, const char *path, fg_diag_list *diags)
{
    FILE *fp = fopen(path, "r");
    if (fp == NULL)
        return fg_diag_add(diags, FG_ERROR, FG_EIO, path, 0, 0, FG_NO_OFFSET,
                           "cannot read the gold file: %s",
                           strerror(errno)) < 0
                   ? FG_ENOMEM
                   : FG_EIO;
    const char *file = fg_arena_strndup(&ev->arena, path, strlen(path));
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long lineno = 0;
    int rc = file ? 0 : FG_ENOMEM, failed = 0;
    while (rc != FG_ENOMEM && (len = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        gold_line g = {ev, file, lineno, diags, NULL};
        if ((size_t)len > MAX_GOLD_LINE) {
            rc = gold_error(&g, "line longer than 16 MiB");
        } else if (memchr(line, '\0', (size_t)len)) {
            rc = gold_error(&g, "NUL byte in the line");
        } else {
            size_t i = 0;
            while (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' ||
                   line[i] == '\n')
                i++;
            if (line[i] == '\0')
                continue;
            rc = gold_line_of(&g, line);
        }
        if (rc == FG_EDATA)
            failed = 1;
    }
    if (rc != FG_ENOMEM && ferror(fp))
        rc = fg_diag_add(diags, FG_ERROR, FG_EIO, path, lineno, 0,
                         FG_NO_OFFSET, "read error: %s", strerror(errno)) < 0
                 ? FG_ENOMEM
                 : FG_EIO;
    free(line);
    fclose(fp);
    if (rc == FG_ENOMEM || rc == FG_EIO)
        return rc;
    if (rc == 0 && !failed && ev->n_docs == 0)
        return fg_diag_add(diags, FG_ERROR, FG_EDATA, path, 0, 0,
                           FG_NO_OFFSET, "the gold file has no documents") < 0
                   ? FG_ENOMEM
                   : FG_EDATA;
    return failed ? FG_EDATA : 0;
}

int fg_eval_new(fg_eval **out, const char *gold_file, const char *base,
                fg_diag_list *diags)
{
    *out = NULL;
    fg_eval *ev = fg_calloc(1, sizeof *ev);
    if (ev == NULL)
        return FG_ENOMEM;
    fg_arena_init(&ev->arena, 1 << 16);
    fg_strmap_init(&ev->doc_by_iri);
    base = base ? base : FG_DEFAULT_BASE;
    ev->base = fg_arena_strndup(&ev->arena, base, strlen(base));
    int rc = ev->base ? read_gold(ev, gold_file, diags) : FG_ENOMEM;
    if (rc < 0) {
        fg_eval_free(ev);
        return rc;
    }
    *out = ev;
    return 0;
}

void fg_eval_free(fg_eval *ev)
{
    if (ev == NULL)
        return;
    fg_dump_free(ev->dump);
    fg_strmap_clear(&ev->doc_by_iri);
    fg_free(ev->docs);
    fg_free(ev->gold);
    fg_free(ev->sys);
    fg_free(ev->rows);
    fg_free(ev->misses);
    fg_arena_clear(&ev->arena);
    fg_free(ev);
}

/* ------------------------------------------------------------------ */
/* The system's RDF                                                    */

int fg_eval_add_rdf(fg_eval *ev, const char *name, const char *syntax,
                    const char *bytes, size_t len, fg_diag_list *diags)
{
    if (ev->dump == NULL && fg_dump_new(&ev->dump, ev->base) < 0)
        return FG_ENOMEM;
    return fg_dump_add(ev->dump, name, syntax, bytes, len, diags);
}

/* Whether span lies inside sentence. */
static int inside(fg_span span, fg_span sentence)
{
    return span.start >= sentence.start && span.end <= sentence.end;
}

/* The label of a role value: a literal's form, an event's trigger, an
 * entity's or group's label. */
static const char *value_label(fg_eval *ev, const fg_dump_doc *doc,
                               const fg_value *v)
{
    const fg_graph *g = &doc->graph;
    if (v->kind == FG_VALUE_LITERAL)
        return v->literal.value;
    if (v->kind == FG_VALUE_EVENT) {
        fg_span t = g->events[v->index].trigger;
        return fg_arena_strndup(&ev->arena, doc->text + t.start,
                                t.end - t.start);
    }
    return v->kind == FG_VALUE_GROUP ? g->groups[v->index].label
                                     : g->entities[v->index].label;
}

/* The words of a role value: a literal's form; an event's trigger; the
 * label of an entity or group and the words of its mentions inside the
 * event's sentence. */
static const char *value_words(fg_eval *ev, const fg_dump_doc *doc,
                               const fg_value *v, fg_span sentence)
{
    const fg_graph *g = &doc->graph;
    if (v->kind == FG_VALUE_LITERAL)
        return v->literal.value;
    fg_buf b;
    fg_buf_init(&b, 1 << 24);
    int rc = 0;
    if (v->kind == FG_VALUE_EVENT) {
        fg_span t = g->events[v->index].trigger;
        rc = fg_buf_add(&b, doc->text + t.start, t.end - t.start);
    } else if (v->kind == FG_VALUE_GROUP) {
        const fg_group *gr = &g->groups[v->index];
        rc = fg_buf_printf(&b, " %s", gr->label);
        fg_span sp = gr->span;
        if (rc == 0 && inside(sp, sentence))
            rc = fg_buf_printf(&b, " %.*s", (int)(sp.end - sp.start),
                               doc->text + sp.start);
    } else {
        rc = fg_buf_printf(&b, " %s", g->entities[v->index].label);
        for (size_t m = 0; rc == 0 && m < g->n_mentions; m++) {
            fg_span sp = g->mentions[m].span;
            if (g->mentions[m].entity == v->index && inside(sp, sentence))
                rc = fg_buf_printf(&b, " %.*s", (int)(sp.end - sp.start),
                                   doc->text + sp.start);
        }
    }
    const char *s = rc == 0 ? fg_arena_strndup(&ev->arena, b.data ? b.data : "",
                                               b.len)
                            : NULL;
    fg_buf_clear(&b);
    return s;
}

/* Appends value v (its words and its label) to role r of se. */
static int add_value(fg_eval *ev, sys_event *se, int r, const fg_dump_doc *doc,
                     const fg_value *v, fg_span sentence)
{
    const char *w = value_words(ev, doc, v, sentence);
    const char *label = value_label(ev, doc, v);
    size_t n = se->n_values[r];
    const char **vals = fg_arena_alloc(&ev->arena, (n + 1) * sizeof *vals);
    const char **shown = fg_arena_alloc(&ev->arena, (n + 1) * sizeof *shown);
    if (w == NULL || label == NULL || vals == NULL || shown == NULL)
        return FG_ENOMEM;
    if (n) {
        memcpy(vals, se->values[r], n * sizeof *vals);
        memcpy(shown, se->shown[r], n * sizeof *shown);
    }
    vals[n] = w;
    shown[n] = label;
    se->values[r] = vals;
    se->shown[r] = shown;
    se->n_values[r] = n + 1;
    return 0;
}

/* One event of a document, as the scores see it. */
static int read_event(fg_eval *ev, const fg_dump_doc *doc, uint32_t e,
                      sys_event *se)
{
    const fg_graph *g = &doc->graph;
    const fg_event *event = &g->events[e];
    memset(se, 0, sizeof *se);
    se->cls = event->cls;
    fg_span sentence = {0, 0};
    for (size_t k = 0; k < g->n_evidence; k++)
        if (g->evidence[k].event == e) {
            sentence = g->evidence[k].span;
            break;
        }
    se->sent_begin = fg_dump_doc_cp(doc, sentence.start);
    se->sent_end = fg_dump_doc_cp(doc, sentence.end);
    se->trig_begin = fg_dump_doc_cp(doc, event->trigger.start);
    se->trig_end = fg_dump_doc_cp(doc, event->trigger.end);
    se->trigger = fg_arena_strndup(&ev->arena, doc->text + event->trigger.start,
                                   event->trigger.end - event->trigger.start);
    se->fact[0] = fg_polarity_name(event->polarity);
    se->fact[1] = fg_certainty_name(event->certainty);
    se->fact[2] = fg_status_name(event->status);
    if (se->trigger == NULL)
        return FG_ENOMEM;
    for (size_t k = 0; k < g->n_roles; k++) {
        const fg_role_value *rv = &g->roles[k];
        int r = rv->event == e ? find_name(ROLES, N_ROLES,
                                           fg_role_name(rv->role))
                               : -1;
        if (r < 0)
            continue;
        if (add_value(ev, se, r, doc, &rv->value, sentence) < 0)
            return FG_ENOMEM;
        if (r == ROLE_AGENT && se->agent == NULL)
            se->agent = se->shown[r][0];
    }
    if (event->has_attribution &&
        add_value(ev, se, ROLE_ATTRIBUTED, doc, &event->attributed_to,
                  sentence) < 0)
        return FG_ENOMEM;
    return 0;
}

/* Reads the system's events back from the documents of the RDF. */
static int read_events(fg_eval *ev)
{
    if (ev->dump == NULL)
        return 0;
    int rc = fg_dump_build(ev->dump);
    if (rc < 0)
        return rc;
    ev->n_unknown_doc += fg_dump_orphan_events(ev->dump);
    for (size_t i = 0; i < fg_dump_doc_count(ev->dump); i++) {
        const fg_dump_doc *doc = fg_dump_get_doc(ev->dump, i);
        uint32_t d;
        if (!fg_strmap_find(&ev->doc_by_iri, doc->iri, strlen(doc->iri), &d)) {
            ev->n_unknown_doc += doc->graph.n_events;
            continue;
        }
        for (uint32_t e = 0; e < doc->graph.n_events; e++) {
            sys_event se;
            if (read_event(ev, doc, e, &se) < 0 ||
                fg_grow((void **)&ev->sys, &ev->cap_sys, ev->n_sys + 1,
                        sizeof *ev->sys) < 0)
                return FG_ENOMEM;
            se.doc = d;
            ev->sys[ev->n_sys++] = se;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Matching and scores                                                 */

static int agents_match(fg_eval *ev, const gold_event *g, const sys_event *s)
{
    if (g->role[ROLE_AGENT] == NULL || s->n_values[ROLE_AGENT] == 0)
        return g->role[ROLE_AGENT] == NULL && s->n_values[ROLE_AGENT] == 0;
    for (size_t v = 0; v < s->n_values[ROLE_AGENT]; v++)
        if (share_word(&ev->arena, g->role[ROLE_AGENT],
                       s->values[ROLE_AGENT][v]))
            return 1;
    return 0;
}

/* The system event that matches gold event g, or -1. */
static long match_of(fg_eval *ev, const gold_event *g)
{
    long best = -1;
    for (size_t k = 0; k < ev->n_sys; k++) {
        const sys_event *s = &ev->sys[k];
        if (s->matched || s->doc != g->doc || s->cls == NULL ||
            strcmp(s->cls, CLASSES[g->cls]) != 0 ||
            g->trig_begin < s->sent_begin || g->trig_begin >= s->sent_end ||
            !agents_match(ev, g, s))
            continue;
        if (s->trig_begin < g->trig_end && g->trig_begin < s->trig_end)
            return (long)k;
        if (best < 0)
            best = (long)k;
    }
    return best;
}

typedef struct counts {
    size_t tp, fp, fn;
} counts;

static int add_row(fg_eval *ev, const char *kind, const char *name, counts c)
{
    if (fg_grow((void **)&ev->rows, &ev->cap_rows, ev->n_rows + 1,
                sizeof *ev->rows) < 0)
        return FG_ENOMEM;
    fg_eval_row *r = &ev->rows[ev->n_rows++];
    r->kind = kind;
    r->name = name;
    r->tp = c.tp;
    r->fp = c.fp;
    r->fn = c.fn;
    r->precision = c.tp + c.fp ? (double)c.tp / (double)(c.tp + c.fp) : 0;
    r->recall = c.tp + c.fn ? (double)c.tp / (double)(c.tp + c.fn) : 0;
    r->f1 = r->precision + r->recall > 0
                ? 2 * r->precision * r->recall / (r->precision + r->recall)
                : 0;
    return 0;
}

static int add_miss(fg_eval *ev, const char *kind, uint32_t doc,
                    const char *cls, const char *trigger, const char *agent,
                    const char *detail)
{
    if (fg_grow((void **)&ev->misses, &ev->cap_misses, ev->n_misses + 1,
                sizeof *ev->misses) < 0)
        return FG_ENOMEM;
    ev->misses[ev->n_misses++] = (fg_eval_miss){
        kind, ev->docs[doc].id, cls ? cls : "?", trigger ? trigger : "",
        agent ? agent : "", detail ? detail : ""};
    return 0;
}

/* Lists role r of a matched pair whose values differ: the gold's value
 * and the system's, each "-" when there is none, the system's joined by
 * "; ". */
static int add_role_miss(fg_eval *ev, const gold_event *g, const sys_event *s,
                         int r)
{
    fg_buf b;
    fg_buf_init(&b, 1 << 24);
    int rc = fg_buf_printf(&b, "%s\t", g->role[r] ? g->role[r] : "-");
    for (size_t v = 0; rc == 0 && v < s->n_values[r]; v++)
        rc = fg_buf_printf(&b, "%s%s", v ? "; " : "", s->shown[r][v]);
    if (rc == 0 && s->n_values[r] == 0)
        rc = fg_buf_add(&b, "-", 1);
    const char *d = rc == 0 ? fg_arena_strndup(&ev->arena, b.data, b.len)
                            : NULL;
    fg_buf_clear(&b);
    if (d == NULL)
        return FG_ENOMEM;
    return add_miss(ev, ROLES[r], g->doc, CLASSES[g->cls], g->trigger,
                    g->role[ROLE_AGENT], d);
}

/* The role scores of a matched pair (g, s), or of an unmatched gold
 * event (s NULL) or system event (g NULL); a matched pair's roles that
 * differ are listed too. */
static int count_roles(fg_eval *ev, const gold_event *g, const sys_event *s,
                       counts *c)
{
    for (int r = 0; r < N_ROLES; r++) {
        const char *gv = g ? g->role[r] : NULL;
        size_t ns = s ? s->n_values[r] : 0;
        int found = 0, wrong = 0;
        for (size_t v = 0; v < ns; v++) {
            if (gv && share_word(&ev->arena, gv, s->values[r][v])) {
                found = 1;
            } else {
                wrong = 1;
                c[r].fp++;
            }
        }
        if (gv && found)
            c[r].tp++;
        else if (gv)
            c[r].fn++;
        if (g && s && (wrong || (gv && !found)) &&
            add_role_miss(ev, g, s, r) < 0)
            return FG_ENOMEM;
    }
    return 0;
}

int fg_eval_score(fg_eval *ev)
{
    int rc = read_events(ev);
    if (rc < 0)
        return rc;
    counts cls[N_CLASSES], all = {0, 0, 0}, roles[N_ROLES], fact[N_FACT];
    memset(cls, 0, sizeof cls);
    memset(roles, 0, sizeof roles);
    memset(fact, 0, sizeof fact);
    for (size_t k = 0; k < ev->n_gold; k++) {
        gold_event *g = &ev->gold[k];
        long m = match_of(ev, g);
        sys_event *s = m >= 0 ? &ev->sys[m] : NULL;
        if (s) {
            g->matched = s->matched = 1;
            cls[g->cls].tp++;
            for (int f = 0; f < N_FACT; f++) {
                const char *want = FACT_VALUES[f][g->fact[f]];
                if (s->fact[f] && strcmp(s->fact[f], want) == 0) {
                    fact[f].tp++;
                    continue;
                }
                char *d = fg_arena_alloc(&ev->arena, 64);
                if (d == NULL)
                    return FG_ENOMEM;
                snprintf(d, 64, "%s %s", want, s->fact[f] ? s->fact[f] : "-");
                if (add_miss(ev, FACTUALITY[f], g->doc, CLASSES[g->cls],
                             g->trigger, g->role[ROLE_AGENT], d) < 0)
                    return FG_ENOMEM;
            }
        } else {
            cls[g->cls].fn++;
            if (add_miss(ev, "missed", g->doc, CLASSES[g->cls], g->trigger,
                         g->role[ROLE_AGENT], NULL) < 0)
                return FG_ENOMEM;
        }
        if (count_roles(ev, g, s, roles) < 0)
            return FG_ENOMEM;
    }
    for (size_t k = 0; k < ev->n_sys; k++) {
        const sys_event *s = &ev->sys[k];
        int c = s->cls ? find_name(CLASSES, N_CLASSES, s->cls) : -1;
        if (s->matched)
            continue;
        if (c >= 0)
            cls[c].fp++;
        else
            all.fp++; /* a class the gold does not have */
        if (count_roles(ev, NULL, s, roles) < 0 ||
            add_miss(ev, "spurious", s->doc, s->cls, s->trigger, s->agent,
                     NULL) < 0)
            return FG_ENOMEM;
    }
    for (size_t c = 0; c < N_CLASSES; c++) {
        all.tp += cls[c].tp;
        all.fp += cls[c].fp;
        all.fn += cls[c].fn;
        if ((cls[c].tp || cls[c].fp || cls[c].fn) &&
            add_row(ev, "event", CLASSES[c], cls[c]) < 0)
            return FG_ENOMEM;
    }
    if (add_row(ev, "event", "all", all) < 0)
        return FG_ENOMEM;
    for (int r = 0; r < N_ROLES; r++)
        if (add_row(ev, "role", ROLES[r], roles[r]) < 0)
            return FG_ENOMEM;
    for (int f = 0; f < N_FACT; f++) {
        fact[f].fp = ev->n_sys - fact[f].tp;
        fact[f].fn = ev->n_gold - fact[f].tp;
        if (add_row(ev, "factuality", FACTUALITY[f], fact[f]) < 0)
            return FG_ENOMEM;
    }
    return 0;
}

size_t fg_eval_row_count(const fg_eval *ev) { return ev->n_rows; }

const fg_eval_row *fg_eval_get_row(const fg_eval *ev, size_t i)
{
    return i < ev->n_rows ? &ev->rows[i] : NULL;
}

size_t fg_eval_miss_count(const fg_eval *ev) { return ev->n_misses; }

const fg_eval_miss *fg_eval_get_miss(const fg_eval *ev, size_t i)
{
    return i < ev->n_misses ? &ev->misses[i] : NULL;
}

size_t fg_eval_gold_doc_count(const fg_eval *ev) { return ev->n_docs; }
size_t fg_eval_gold_event_count(const fg_eval *ev) { return ev->n_gold; }
size_t fg_eval_system_event_count(const fg_eval *ev) { return ev->n_sys; }
size_t fg_eval_unknown_doc_event_count(const fg_eval *ev)
{
    return ev->n_unknown_doc;
}
