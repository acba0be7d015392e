/* display: see display.h. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "alloc.h"
#include "display.h"
#include "engine.h"
#include "rdf.h"
#include "utf8.h"

/* The event classes of the output contract (DESIGN.md). */
static const char *const EVENT_CLASSES[] = {
    "Meeting",     "Statement", "Training",      "ArmsDelivery",
    "Deployment",  "Attack",    "Ceasefire",     "Monitoring",
    "Negotiation", "Founding",  "Participation", "Support",
    "Sanction",    "Agreement", "Visit",         "Planning"};
#define N_EVENT_CLASSES (sizeof EVENT_CLASSES / sizeof *EVENT_CLASSES)

/* The most texts --agent may give; more is a caller's bug. */
#define MAX_AGENT_TEXTS 1024
/* The most bytes one document's tables may take. */
#define MAX_SHOW_BYTES ((size_t)1 << 30)
/* Spaces before a table and between its columns; the evidence sentence
 * is indented further. */
#define INDENT 2
#define GAP 2
#define SENTENCE_INDENT 6
/* The narrowest a column is made when the line is too short for all. */
#define MIN_COLUMN 3
/* The narrowest a wrapped column should be before all columns share. */
#define MIN_WRAPPED 12
/* The most columns of a table. */
#define MAX_COLUMNS 8

const char *fg_event_class_name(size_t i)
{
    return i < N_EVENT_CLASSES ? EVENT_CLASSES[i] : NULL;
}

/* ------------------------------------------------------------------ */
/* Filters                                                             */

struct fg_filter {
    uint32_t classes; /* bit i: EVENT_CLASSES[i]; 0: every class */
    char **agents;    /* NFC case-folded */
    size_t n_agents;
    fg_certainty min_certainty;
};

int fg_filter_new(fg_filter **out)
{
    *out = fg_calloc(1, sizeof **out);
    if (*out == NULL)
        return FG_ENOMEM;
    (*out)->min_certainty = FG_UNLIKELY;
    return 0;
}

void fg_filter_free(fg_filter *f)
{
    if (f == NULL)
        return;
    for (size_t i = 0; i < f->n_agents; i++)
        free(f->agents[i]); /* utf8proc's */
    fg_free(f->agents);
    fg_free(f);
}

/* Skips "dpo:" (or the full namespace) before a local name. */
static const char *without_prefix(const char *s, size_t *len)
{
    static const char *const PREFIXES[] = {"dpo:",
                                            "https://w3id.org/factgraph/dpo#"};
    for (size_t i = 0; i < 2; i++) {
        size_t n = strlen(PREFIXES[i]);
        if (*len >= n && strncmp(s, PREFIXES[i], n) == 0) {
            *len -= n;
            return s + n;
        }
    }
    return s;
}

int fg_filter_add_classes(fg_filter *f, const char *classes)
{
    uint32_t bits = 0;
    const char *p = classes;
    for (size_t guard = 0; guard <= strlen(classes); guard++) {
        size_t n = strcspn(p, ",");
        size_t len = n;
        /* Spaces around a name are allowed: "Meeting, Visit". */
        const char *name = p;
        while (len && (*name == ' ' || *name == '\t')) {
            name++;
            len--;
        }
        while (len && (name[len - 1] == ' ' || name[len - 1] == '\t'))
            len--;
        name = without_prefix(name, &len);
        size_t k = 0;
        while (k < N_EVENT_CLASSES &&
               !(strlen(EVENT_CLASSES[k]) == len &&
                 strncmp(EVENT_CLASSES[k], name, len) == 0))
            k++;
        if (k == N_EVENT_CLASSES)
            return FG_EINVAL;
        bits |= 1u << k;
        if (p[n] == '\0')
            break;
        p += n + 1;
    }
    f->classes |= bits;
    return 0;
}

/* NFC + case folding of s, from utf8proc (free with free), or NULL. */
static char *fold(const char *s, size_t len)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
                                      (utf8proc_ssize_t)len, &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                          UTF8PROC_CASEFOLD);
    if (n < 0) {
        free(out);
        return NULL;
    }
    return (char *)out;
}

int fg_filter_add_agent(fg_filter *f, const char *text)
{
    if (text == NULL || text[0] == '\0' || f->n_agents >= MAX_AGENT_TEXTS)
        return FG_EINVAL;
    char *folded = fold(text, strlen(text));
    if (folded == NULL)
        return FG_EINVAL; /* not UTF-8 (or out of memory) */
    char **more = fg_realloc(f->agents, (f->n_agents + 1) * sizeof *more);
    if (more == NULL) {
        free(folded);
        return FG_ENOMEM;
    }
    f->agents = more;
    f->agents[f->n_agents++] = folded;
    return 0;
}

int fg_filter_set_min_certainty(fg_filter *f, const char *level)
{
    size_t len = strlen(level);
    const char *name = without_prefix(level, &len);
    for (int c = FG_CERTAIN; c <= FG_UNLIKELY; c++) {
        const char *want = fg_certainty_name((fg_certainty)c);
        if (strlen(want) == len && strncasecmp(want, name, len) == 0) {
            f->min_certainty = (fg_certainty)c;
            return 0;
        }
    }
    return FG_EINVAL;
}

/* The label of a value, for the agent filter and the tables; NULL for an
 * event (tables name events by their row). */
static const char *value_label(const fg_graph *g, const fg_value *v)
{
    switch (v->kind) {
    case FG_VALUE_ENTITY: return g->entities[v->index].label;
    case FG_VALUE_GROUP: return g->groups[v->index].label;
    case FG_VALUE_LITERAL: return v->literal.value;
    case FG_VALUE_EVENT: return NULL;
    }
    return NULL;
}

/* Whether f keeps event e of g: 1, 0, or FG_ENOMEM. */
static int keeps(const fg_filter *f, const fg_graph *g, uint32_t e)
{
    const fg_event *ev = &g->events[e];
    if (ev->certainty > f->min_certainty)
        return 0;
    if (f->classes) {
        size_t k = 0;
        while (k < N_EVENT_CLASSES && strcmp(EVENT_CLASSES[k], ev->cls) != 0)
            k++;
        if (k == N_EVENT_CLASSES || !(f->classes & (1u << k)))
            return 0;
    }
    if (f->n_agents == 0)
        return 1;
    for (size_t r = 0; r < g->n_roles; r++) {
        const fg_role_value *rv = &g->roles[r];
        const char *label = rv->event == e && rv->role == FG_ROLE_AGENT
                                ? value_label(g, &rv->value)
                                : NULL;
        if (label == NULL)
            continue;
        char *folded = fold(label, strlen(label));
        if (folded == NULL)
            return FG_ENOMEM;
        int hit = 0;
        for (size_t a = 0; a < f->n_agents && !hit; a++)
            hit = strstr(folded, f->agents[a]) != NULL;
        free(folded);
        if (hit)
            return 1;
    }
    return 0;
}

/* Marks the groups that the records of g name (events' roles and
 * attributions, entities' facts, other groups' origins). */
static void groups_named(const fg_graph *g, unsigned char *named)
{
    memset(named, 0, g->n_groups);
    for (size_t r = 0; r < g->n_roles; r++)
        if (g->roles[r].value.kind == FG_VALUE_GROUP)
            named[g->roles[r].value.index] = 1;
    for (size_t e = 0; e < g->n_events; e++)
        if (g->events[e].has_attribution &&
            g->events[e].attributed_to.kind == FG_VALUE_GROUP)
            named[g->events[e].attributed_to.index] = 1;
    for (size_t k = 0; k < g->n_facts; k++)
        if (g->facts[k].value.kind == FG_VALUE_GROUP)
            named[g->facts[k].value.index] = 1;
    for (size_t k = 0; k < g->n_groups; k++)
        if (g->groups[k].has_from && g->groups[k].from.kind == FG_VALUE_GROUP)
            named[g->groups[k].from.index] = 1;
}

/* Renumbers a value after events and groups were dropped; 0 when what it
 * names was dropped. */
static int renumber(fg_value *v, const uint32_t *events,
                    const uint32_t *groups)
{
    const uint32_t *map = v->kind == FG_VALUE_EVENT   ? events
                          : v->kind == FG_VALUE_GROUP ? groups
                                                      : NULL;
    if (map == NULL)
        return 1;
    if (map[v->index] == UINT32_MAX)
        return 0;
    v->index = map[v->index];
    return 1;
}

int fg_display_filter(fg_graph *g, const fg_filter *f)
{
    if (f == NULL || g->n_events == 0)
        return 0;
    uint32_t *events = fg_malloc((g->n_events + 1) * sizeof *events);
    uint32_t *groups = fg_malloc((g->n_groups + 1) * sizeof *groups);
    unsigned char *before = fg_malloc(g->n_groups + 1);
    unsigned char *after = fg_malloc(g->n_groups + 1);
    int rc = events && groups && before && after ? 0 : FG_ENOMEM;
    uint32_t kept = 0;
    for (uint32_t e = 0; rc == 0 && e < g->n_events; e++) {
        int k = keeps(f, g, e);
        if (k < 0)
            rc = k;
        events[e] = k == 1 ? kept++ : UINT32_MAX;
    }
    if (rc < 0)
        goto done;
    groups_named(g, before);
    /* Events first: records of dropped events go, and so do role values
     * that point to a dropped event. Groups are renumbered below. */
    size_t n = 0;
    for (size_t r = 0; r < g->n_roles; r++) {
        fg_role_value rv = g->roles[r];
        if (events[rv.event] == UINT32_MAX ||
            !renumber(&rv.value, events, NULL))
            continue;
        rv.event = events[rv.event];
        g->roles[n++] = rv;
    }
    g->n_roles = n;
    n = 0;
    for (size_t k = 0; k < g->n_evidence; k++) {
        fg_evidence ev = g->evidence[k];
        if (events[ev.event] == UINT32_MAX)
            continue;
        ev.event = events[ev.event];
        g->evidence[n++] = ev;
    }
    g->n_evidence = n;
    for (uint32_t e = 0; e < g->n_events; e++) {
        fg_event *ev = &g->events[e];
        if (events[e] == UINT32_MAX)
            continue;
        if (ev->has_attribution && !renumber(&ev->attributed_to, events, NULL))
            ev->has_attribution = 0;
        g->events[events[e]] = *ev;
    }
    g->n_events = kept;
    /* Groups that were named before and are not any more go. Only events
     * were dropped, so one pass finds them, except for groups named only
     * by such a group's origin: repeat until nothing changes. */
    memset(groups, 0, g->n_groups * sizeof *groups);
    for (size_t pass = 0; pass <= g->n_groups; pass++) {
        groups_named(g, after);
        int changed = 0;
        for (size_t k = 0; k < g->n_groups; k++)
            if (before[k] && !after[k] && groups[k] != UINT32_MAX) {
                /* Its own origin no longer counts as named. */
                groups[k] = UINT32_MAX;
                g->groups[k].has_from = 0;
                changed = 1;
            }
        if (!changed)
            break;
    }
    uint32_t ng = 0;
    for (size_t k = 0; k < g->n_groups; k++)
        if (groups[k] != UINT32_MAX)
            groups[k] = ng++;
    for (size_t k = 0; k < g->n_groups; k++) {
        if (groups[k] == UINT32_MAX)
            continue;
        fg_group gr = g->groups[k];
        if (gr.has_from && !renumber(&gr.from, NULL, groups))
            gr.has_from = 0;
        g->groups[groups[k]] = gr;
    }
    g->n_groups = ng;
    for (size_t r = 0; r < g->n_roles; r++)
        renumber(&g->roles[r].value, NULL, groups);
    for (size_t e = 0; e < g->n_events; e++)
        if (g->events[e].has_attribution)
            renumber(&g->events[e].attributed_to, NULL, groups);
    for (size_t k = 0; k < g->n_facts; k++)
        renumber(&g->facts[k].value, NULL, groups);
done:
    fg_free(events);
    fg_free(groups);
    fg_free(before);
    fg_free(after);
    return rc;
}

int fg_analysis_filter(fg_analysis *a, const fg_filter *f)
{
    return fg_display_filter(fg_analysis_graph(a), f);
}

/* ------------------------------------------------------------------ */
/* Styled text, grapheme clusters and widths                           */

/* Styles of text; each is an SGR sequence when there is colour. */
enum {
    S_PLAIN,
    S_TITLE,   /* the document heading */
    S_HEAD,    /* section names and column heads */
    S_CLASS,   /* an event's or entity's class */
    S_NAME,    /* the agent, the entity's name */
    S_TRIGGER, /* the trigger in the sentence */
    S_ROLE,    /* a role filler in the sentence */
    S_DOUBT,   /* factuality other than positive, certain */
    S_DIM,     /* row numbers, rules */
    N_STYLES
};

static const char *const SGR[N_STYLES] = {
    "", "\033[1;35m", "\033[1m", "\033[36m", "\033[1m",
    "\033[1;4;33m", "\033[4;32m", "\033[31m", "\033[2m"};
static const char SGR_RESET[] = "\033[0m";

/* Text with a style per byte. The text is valid UTF-8 without control
 * characters (st_add sees to it). */
typedef struct stext {
    fg_buf b;
    unsigned char *style;
    size_t cap;
} stext;

/* One grapheme cluster of an stext. */
typedef struct glyph {
    size_t start, len;
    unsigned width;
    unsigned char style;
} glyph;

static void st_init(stext *t)
{
    fg_buf_init(&t->b, MAX_SHOW_BYTES);
    t->style = NULL;
    t->cap = 0;
}

static void st_clear(stext *t)
{
    fg_buf_clear(&t->b);
    fg_free(t->style);
    t->style = NULL;
    t->cap = 0;
}

static int st_raw(stext *t, const char *s, size_t len, int style)
{
    size_t from = t->b.len;
    int rc = fg_buf_add(&t->b, s, len);
    if (rc == 0 && fg_grow((void **)&t->style, &t->cap, t->b.len + 1, 1) < 0)
        rc = FG_ENOMEM;
    if (rc < 0)
        return rc;
    memset(t->style + from, style, len);
    return 0;
}

/* Appends s[0..len) in style: invalid UTF-8 and control characters as
 * U+FFFD, except that TAB and line breaks become spaces. */
static int st_add(stext *t, const char *s, size_t len, int style)
{
    size_t pos = 0, from = 0;
    int rc = 0;
    while (pos < len && rc == 0) {
        size_t at = pos;
        if ((unsigned char)s[pos] >= 0x20 && (unsigned char)s[pos] < 0x7F) {
            pos++;
            continue;
        }
        int valid;
        int32_t cp = fg_utf8_next(s, len, &pos, &valid);
        const char *rep = NULL;
        if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B ||
            cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029)
            rep = " ";
        else if (!valid || cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            rep = "\xEF\xBF\xBD";
        if (rep == NULL)
            continue;
        rc = st_raw(t, s + from, at - from, style);
        if (rc == 0)
            rc = st_raw(t, rep, strlen(rep), style);
        from = pos;
    }
    return rc == 0 ? st_raw(t, s + from, len - from, style) : rc;
}

static int st_adds(stext *t, const char *s, int style)
{
    return st_add(t, s, strlen(s), style);
}

/* The width of one grapheme cluster of code points. */
static unsigned cluster_width(unsigned widest, int emoji_selector)
{
    return emoji_selector && widest < 2 ? 2 : widest;
}

/* Splits valid UTF-8 s[0..len) into grapheme clusters; calls fn for each
 * with its bytes and width. */
typedef int (*cluster_fn)(void *ctx, size_t start, size_t len,
                          unsigned width);

static int clusters(const char *s, size_t len, cluster_fn fn, void *ctx)
{
    size_t pos = 0, start = 0;
    utf8proc_int32_t prev = -1, state = 0;
    unsigned widest = 0;
    int selector = 0, rc = 0;
    while (pos < len && rc == 0) {
        size_t at = pos;
        int32_t cp = fg_utf8_decode(s, len, &pos);
        if (prev >= 0 && utf8proc_grapheme_break_stateful(prev, cp, &state)) {
            rc = fn(ctx, start, at - start, cluster_width(widest, selector));
            start = at;
            widest = 0;
            selector = 0;
        }
        int w = utf8proc_charwidth(cp);
        if (w > 0 && (unsigned)w > widest)
            widest = (unsigned)w;
        if (cp == 0xFE0F)
            selector = 1;
        prev = cp;
    }
    if (rc == 0 && pos > start)
        rc = fn(ctx, start, pos - start, cluster_width(widest, selector));
    return rc;
}

static int add_width(void *ctx, size_t start, size_t len, unsigned width)
{
    (void)start;
    (void)len;
    *(size_t *)ctx += width;
    return 0;
}

size_t fg_display_width(const char *s, size_t len)
{
    size_t w = 0;
    clusters(s, len, add_width, &w);
    return w;
}

typedef struct glyphs {
    glyph *g;
    size_t n, cap;
    const stext *t;
} glyphs;

static int add_glyph(void *ctx, size_t start, size_t len, unsigned width)
{
    glyphs *gs = ctx;
    if (fg_grow((void **)&gs->g, &gs->cap, gs->n + 1, sizeof *gs->g) < 0)
        return FG_ENOMEM;
    gs->g[gs->n++] = (glyph){start, len, width, gs->t->style[start]};
    return 0;
}

/* The clusters of t, in gs (which the caller frees with fg_free(gs->g)). */
static int st_glyphs(const stext *t, glyphs *gs)
{
    gs->n = 0;
    gs->t = t;
    return t->b.len ? clusters(t->b.data, t->b.len, add_glyph, gs) : 0;
}

static size_t glyphs_width(const glyphs *gs, size_t from, size_t to)
{
    size_t w = 0;
    for (size_t i = from; i < to; i++)
        w += gs->g[i].width;
    return w;
}

/* ------------------------------------------------------------------ */
/* Lines                                                               */

typedef struct out_ctx {
    fg_buf *out;
    int color;
    int rc;
} out_ctx;

static void put(out_ctx *o, const char *s, size_t len)
{
    if (o->rc == 0)
        o->rc = fg_buf_add(o->out, s, len);
}

static void puts_(out_ctx *o, const char *s) { put(o, s, strlen(s)); }

static void spaces(out_ctx *o, size_t n)
{
    for (size_t i = 0; i < n && o->rc == 0; i++)
        put(o, " ", 1);
}

/* Writes clusters [from, to) of gs with their styles; then the ellipsis
 * when cut. Returns the width written. */
static size_t put_glyphs(out_ctx *o, const glyphs *gs, size_t from, size_t to,
                         int cut)
{
    int style = S_PLAIN;
    size_t w = 0;
    for (size_t i = from; i < to; i++) {
        const glyph *g = &gs->g[i];
        if (o->color && g->style != style) {
            if (style != S_PLAIN)
                puts_(o, SGR_RESET);
            puts_(o, SGR[g->style]);
            style = g->style;
        }
        put(o, gs->t->b.data + g->start, g->len);
        w += g->width;
    }
    if (o->color && style != S_PLAIN)
        puts_(o, SGR_RESET);
    if (cut) {
        puts_(o, "\xE2\x80\xA6"); /* … */
        w++;
    }
    return w;
}

/* The clusters of gs from *from that fit in width, breaking after a
 * space when one is on the line; *to is where the line ends and *next
 * where the next one starts (spaces at a break are left out). At least
 * one cluster goes on a line, so that every line makes progress. */
static void wrap_line(const glyphs *gs, size_t from, size_t width,
                      size_t *to, size_t *next)
{
    size_t w = 0, i = from, space = SIZE_MAX;
    while (i < gs->n && (w + gs->g[i].width <= width || i == from)) {
        if (gs->t->b.data[gs->g[i].start] == ' ')
            space = i;
        w += gs->g[i].width;
        i++;
    }
    if (i < gs->n && space != SIZE_MAX && space > from) {
        *to = space;
        i = space;
    } else {
        *to = i;
    }
    while (i < gs->n && gs->t->b.data[gs->g[i].start] == ' ')
        i++;
    *next = i;
}

/* Where a single line of width cuts gs: the clusters [0, *to) and, when
 * *cut, an ellipsis after them. */
static void cut_line(const glyphs *gs, size_t width, size_t *to, int *cut)
{
    if (glyphs_width(gs, 0, gs->n) <= width) {
        *to = gs->n;
        *cut = 0;
        return;
    }
    size_t w = 0, i = 0;
    while (i < gs->n && w + gs->g[i].width + 1 <= width)
        w += gs->g[i++].width;
    *to = i;
    *cut = 1;
}

/* A line of one styled text, cut to width. */
static void put_cut(out_ctx *o, const stext *t, size_t width)
{
    glyphs gs = {NULL, 0, 0, NULL};
    if (o->rc == 0 && (o->rc = st_glyphs(t, &gs)) == 0) {
        size_t to;
        int cut;
        cut_line(&gs, width, &to, &cut);
        put_glyphs(o, &gs, 0, to, cut);
    }
    fg_free(gs.g);
    puts_(o, "\n");
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

typedef struct table {
    size_t cols, rows;
    const char *const *heads;
    const int *wraps;  /* per column: wrapped, else cut */
    stext *cells;      /* rows * cols */
    stext *below;      /* per row: the line beneath it (may be empty) */
} table;

static int table_init(table *tb, size_t rows, size_t cols,
                      const char *const *heads, const int *wraps)
{
    memset(tb, 0, sizeof *tb);
    tb->cols = cols;
    tb->heads = heads;
    tb->wraps = wraps;
    tb->cells = fg_malloc((rows * cols + 1) * sizeof *tb->cells);
    tb->below = fg_malloc((rows + 1) * sizeof *tb->below);
    if (tb->cells == NULL || tb->below == NULL) {
        fg_free(tb->cells);
        fg_free(tb->below);
        tb->cells = tb->below = NULL;
        return FG_ENOMEM;
    }
    for (size_t i = 0; i < rows * cols; i++)
        st_init(&tb->cells[i]);
    for (size_t i = 0; i < rows; i++)
        st_init(&tb->below[i]);
    tb->rows = rows;
    return 0;
}

static void table_clear(table *tb)
{
    for (size_t i = 0; tb->cells && i < tb->rows * tb->cols; i++)
        st_clear(&tb->cells[i]);
    for (size_t i = 0; tb->below && i < tb->rows; i++)
        st_clear(&tb->below[i]);
    fg_free(tb->cells);
    fg_free(tb->below);
}

static stext *cell(table *tb, size_t row, size_t col)
{
    return &tb->cells[row * tb->cols + col];
}

/* Water-filling: widths for the columns in set that share avail, each
 * at most its natural width; the narrow ones keep theirs and the others
 * share the rest equally. Returns what is left of avail. */
static size_t share(const size_t *natural, const unsigned char *set,
                    size_t cols, size_t avail, size_t *width)
{
    unsigned char fixed[MAX_COLUMNS] = {0};
    size_t left = avail, open = 0;
    for (size_t c = 0; c < cols; c++)
        open += set[c];
    for (size_t pass = 0; pass < cols && open > 0; pass++) {
        size_t each = left / open;
        int changed = 0;
        for (size_t c = 0; c < cols; c++)
            if (set[c] && !fixed[c] && natural[c] <= each) {
                width[c] = natural[c];
                left -= natural[c];
                fixed[c] = 1;
                open--;
                changed = 1;
            }
        if (!changed)
            break;
    }
    size_t each = open ? left / open : 0, extra = open ? left % open : 0;
    for (size_t c = 0; c < cols; c++) {
        if (!set[c] || fixed[c])
            continue;
        width[c] = each + (extra ? 1 : 0);
        if (extra)
            extra--;
        left -= width[c];
    }
    return left;
}

/* Column widths that fit in avail: each column as wide as its widest
 * cell when they all fit. Else the cut columns keep their width if the
 * wrapped ones (the long ones) still get a third of the line, or get up
 * to a fifth of the line each; the wrapped columns share the rest, and
 * what they leave goes back to the cut columns. When that would leave
 * the wrapped columns too narrow, all columns share alike. */
static void column_widths(const size_t *natural, const int *wraps,
                          size_t cols, size_t avail, size_t *width)
{
    size_t sum = 0, n_wrap = 0, cap = avail / 5 > 8 ? avail / 5 : 8;
    unsigned char cut[MAX_COLUMNS], wrap[MAX_COLUMNS], all[MAX_COLUMNS];
    for (size_t c = 0; c < cols; c++) {
        sum += natural[c];
        n_wrap += wraps[c] != 0;
        cut[c] = !wraps[c];
        wrap[c] = wraps[c] != 0;
        all[c] = 1;
    }
    if (sum <= avail) {
        memcpy(width, natural, cols * sizeof *width);
        return;
    }
    /* The cut columns whole when that leaves the wrapped ones a third of
     * the line; else each up to the cap. */
    size_t cut_sum = 0, used = 0;
    size_t wrap_min = n_wrap * MIN_WRAPPED > avail / 3 ? n_wrap * MIN_WRAPPED
                                                       : avail / 3;
    for (size_t c = 0; c < cols; c++)
        cut_sum += cut[c] ? natural[c] : 0;
    if (cut_sum + wrap_min <= avail)
        cap = avail;
    for (size_t c = 0; c < cols; c++)
        if (cut[c]) {
            width[c] = natural[c] < cap ? natural[c] : cap;
            used += width[c];
        }
    if (n_wrap && used + MIN_WRAPPED * n_wrap <= avail) {
        size_t left = share(natural, wrap, cols, avail - used, width);
        /* The cut columns take back what the wrapped ones left. */
        size_t extra[MAX_COLUMNS];
        for (size_t c = 0; c < cols; c++)
            extra[c] = cut[c] ? natural[c] - width[c] : 0;
        size_t more[MAX_COLUMNS] = {0};
        share(extra, cut, cols, left, more);
        for (size_t c = 0; c < cols; c++)
            if (cut[c])
                width[c] += more[c];
    } else {
        share(natural, all, cols, avail, width);
    }
    /* A column narrower than its cells shows at least a few clusters
     * (FG_SHOW_MIN_WIDTH leaves room for that). */
    for (size_t c = 0; c < cols; c++)
        if (width[c] < MIN_COLUMN && width[c] < natural[c])
            width[c] = natural[c] < MIN_COLUMN ? natural[c] : MIN_COLUMN;
}

static void put_table(out_ctx *o, table *tb, size_t line_width)
{
    size_t cols = tb->cols;
    size_t natural[MAX_COLUMNS], width[MAX_COLUMNS];
    glyphs *gs = fg_calloc(cols, sizeof *gs);
    if (gs == NULL || cols > MAX_COLUMNS) {
        o->rc = FG_ENOMEM;
        fg_free(gs);
        return;
    }
    for (size_t c = 0; c < cols; c++)
        natural[c] = fg_display_width(tb->heads[c], strlen(tb->heads[c]));
    for (size_t r = 0; r < tb->rows && o->rc == 0; r++)
        for (size_t c = 0; c < cols; c++) {
            const stext *t = cell(tb, r, c);
            size_t w = t->b.len ? fg_display_width(t->b.data, t->b.len) : 0;
            if (w > natural[c])
                natural[c] = w;
        }
    size_t gaps = INDENT + GAP * (cols - 1);
    column_widths(natural, tb->wraps, cols,
                  line_width > gaps ? line_width - gaps : cols, width);

    /* The heads, and a rule under them without colour. */
    spaces(o, INDENT);
    for (size_t c = 0; c < cols; c++) {
        stext h;
        st_init(&h);
        if (o->rc == 0)
            o->rc = st_adds(&h, tb->heads[c], S_HEAD);
        glyphs hg = {NULL, 0, 0, NULL};
        if (o->rc == 0 && (o->rc = st_glyphs(&h, &hg)) == 0) {
            size_t to;
            int cut;
            cut_line(&hg, width[c], &to, &cut);
            size_t w = put_glyphs(o, &hg, 0, to, cut);
            if (c + 1 < cols)
                spaces(o, width[c] - w + GAP);
        }
        fg_free(hg.g);
        st_clear(&h);
    }
    puts_(o, "\n");
    if (!o->color) {
        spaces(o, INDENT);
        for (size_t c = 0; c < cols; c++) {
            for (size_t k = 0; k < width[c]; k++)
                puts_(o, "-");
            if (c + 1 < cols)
                spaces(o, GAP);
        }
        puts_(o, "\n");
    }

    for (size_t r = 0; r < tb->rows && o->rc == 0; r++) {
        size_t pos[MAX_COLUMNS], lines = 1;
        for (size_t c = 0; c < cols && o->rc == 0; c++) {
            o->rc = st_glyphs(cell(tb, r, c), &gs[c]);
            pos[c] = 0;
        }
        /* One line of every column at a time, until every column is
         * written; cut columns have one line. */
        for (size_t line = 0; line < lines && o->rc == 0; line++) {
            size_t pending = 0; /* columns written up to here, padded */
            spaces(o, INDENT);
            for (size_t c = 0; c < cols; c++) {
                size_t to, next, w = 0;
                int cut = 0;
                if (tb->wraps[c]) {
                    if (pos[c] < gs[c].n) {
                        wrap_line(&gs[c], pos[c], width[c], &to, &next);
                        if (next < gs[c].n)
                            lines = line + 2;
                    } else {
                        to = next = pos[c];
                    }
                } else if (line == 0) {
                    cut_line(&gs[c], width[c], &to, &cut);
                    next = gs[c].n;
                } else {
                    to = next = pos[c];
                }
                if (to > pos[c] || cut) {
                    spaces(o, pending);
                    pending = 0;
                    w = put_glyphs(o, &gs[c], pos[c], to, cut);
                }
                pos[c] = next;
                pending += width[c] - (w < width[c] ? w : width[c]) +
                           (c + 1 < cols ? GAP : 0);
            }
            puts_(o, "\n");
        }
        /* The line beneath, wrapped and indented. */
        const stext *below = &tb->below[r];
        if (below->b.len && o->rc == 0) {
            glyphs bg = {NULL, 0, 0, NULL};
            size_t bw = line_width > SENTENCE_INDENT + MIN_COLUMN
                            ? line_width - SENTENCE_INDENT
                            : MIN_COLUMN;
            if ((o->rc = st_glyphs(below, &bg)) == 0)
                for (size_t at = 0, guard = 0; at < bg.n && guard <= bg.n;
                     guard++) {
                    size_t to, next;
                    wrap_line(&bg, at, bw, &to, &next);
                    spaces(o, SENTENCE_INDENT);
                    put_glyphs(o, &bg, at, to, 0);
                    puts_(o, "\n");
                    at = next;
                }
            fg_free(bg.g);
        }
    }
    for (size_t c = 0; c < cols; c++)
        fg_free(gs[c].g);
    fg_free(gs);
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

typedef struct shower {
    const fg_display_doc *doc;
    const fg_graph *g;
    uint32_t *order; /* events in text order */
    uint32_t *row;   /* per event: its row number from 1 */
    int color;
} shower;

static size_t first_evidence(const fg_graph *g, uint32_t e, fg_span *out)
{
    for (size_t k = 0; k < g->n_evidence; k++)
        if (g->evidence[k].event == e) {
            *out = g->evidence[k].span;
            return 1;
        }
    return 0;
}

/* Events in the order of their sentence, then trigger, then class and
 * rule: the same facts give the same table from text or from a dump. */
static int event_cmp(const void *x, const void *y, void *graph)
{
    const fg_graph *g = graph;
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    fg_span sa = {0, 0}, sb = {0, 0};
    first_evidence(g, a, &sa);
    first_evidence(g, b, &sb);
    const fg_event *ea = &g->events[a], *eb = &g->events[b];
    if (sa.start != sb.start)
        return sa.start < sb.start ? -1 : 1;
    if (ea->trigger.start != eb->trigger.start)
        return ea->trigger.start < eb->trigger.start ? -1 : 1;
    if (ea->trigger.end != eb->trigger.end)
        return ea->trigger.end < eb->trigger.end ? -1 : 1;
    int c = strcmp(ea->cls, eb->cls);
    if (c == 0)
        c = strcmp(ea->rule, eb->rule);
    return c ? c : (a > b) - (a < b);
}

/* Appends a value: a label, or an event as "#ROW Class". */
static int add_value(shower *s, stext *t, const fg_value *v, int style)
{
    if (v->kind != FG_VALUE_EVENT)
        return st_adds(t, value_label(s->g, v), style);
    char num[32];
    snprintf(num, sizeof num, "#%u ", s->row[v->index]);
    int rc = st_adds(t, num, S_DIM);
    return rc == 0 ? st_adds(t, s->g->events[v->index].cls, style) : rc;
}

static int add_text(shower *s, stext *t, fg_span span, int style)
{
    if (span.end > s->doc->len || span.start > span.end)
        return 0;
    return st_add(t, s->doc->text + span.start, span.end - span.start, style);
}

/* Whether two values name the same thing. Two groups of one span are
 * one node in RDF (its IRI is made from the span), so they are one here
 * too, and a table from text is the same as one from its dump. */
static int same_value(const fg_graph *g, const fg_value *a, const fg_value *b)
{
    if (a->kind != b->kind)
        return 0;
    switch (a->kind) {
    case FG_VALUE_GROUP:
        return g->groups[a->index].span.start ==
                   g->groups[b->index].span.start &&
               g->groups[a->index].span.end == g->groups[b->index].span.end;
    case FG_VALUE_LITERAL:
        return a->literal.type == b->literal.type &&
               strcmp(a->literal.value, b->literal.value) == 0;
    default:
        return a->index == b->index;
    }
}

/* Whether role value r repeats an earlier value of its event and role. */
static int repeated(const fg_graph *g, size_t r)
{
    const fg_role_value *rv = &g->roles[r];
    for (size_t k = 0; k < r; k++)
        if (g->roles[k].event == rv->event && g->roles[k].role == rv->role &&
            same_value(g, &g->roles[k].value, &rv->value))
            return 1;
    return 0;
}

/* The roles of event e but its agents, as "role: value, value; ...",
 * and its source. */
static int add_roles(shower *s, stext *t, uint32_t e)
{
    const fg_graph *g = s->g;
    int rc = 0, any = 0;
    for (int role = FG_ROLE_PARTICIPANT; role < FG_ROLES && rc == 0; role++) {
        int n = 0;
        /* Values in the order they were found, but events (topics,
         * causes) by their row, which a dump gives back too. */
        uint32_t last_row = 0;
        for (size_t r = 0; r < g->n_roles && rc == 0; r++) {
            const fg_role_value *rv = &g->roles[r];
            if (rv->event != e || (int)rv->role != role || repeated(g, r))
                continue;
            if (rv->value.kind == FG_VALUE_EVENT) {
                /* The event of the next row up, among this role's. */
                size_t best = SIZE_MAX;
                for (size_t k = 0; k < g->n_roles; k++) {
                    const fg_role_value *kv = &g->roles[k];
                    if (kv->event == e && (int)kv->role == role &&
                        kv->value.kind == FG_VALUE_EVENT &&
                        s->row[kv->value.index] > last_row &&
                        (best == SIZE_MAX ||
                         s->row[kv->value.index] <
                             s->row[g->roles[best].value.index]))
                        best = k;
                }
                if (best == SIZE_MAX)
                    continue;
                rv = &g->roles[best];
                last_row = s->row[rv->value.index];
            }
            if (n++ == 0) {
                rc = st_adds(t, any++ ? "; " : "", S_PLAIN);
                if (rc == 0)
                    rc = st_adds(t, fg_role_name(rv->role), S_DIM);
                if (rc == 0)
                    rc = st_adds(t, ": ", S_DIM);
            } else {
                rc = st_adds(t, ", ", S_PLAIN);
            }
            if (rc == 0)
                rc = add_value(s, t, &rv->value, S_PLAIN);
        }
    }
    const fg_event *ev = &g->events[e];
    if (rc == 0 && ev->has_attribution) {
        rc = st_adds(t, any ? "; " : "", S_PLAIN);
        if (rc == 0)
            rc = st_adds(t, "source: ", S_DIM);
        if (rc == 0)
            rc = add_value(s, t, &ev->attributed_to, S_PLAIN);
    }
    return rc;
}

/* Marks the bytes of span inside sentence sent with style in marks. */
static void mark(unsigned char *marks, fg_span sent, fg_span span, int style)
{
    size_t from = span.start > sent.start ? span.start : sent.start;
    size_t to = span.end < sent.end ? span.end : sent.end;
    for (size_t i = from; i < to; i++)
        if (marks[i - sent.start] != S_TRIGGER)
            marks[i - sent.start] = (unsigned char)style;
}

static void mark_value(const fg_graph *g, unsigned char *marks, fg_span sent,
                       const fg_value *v)
{
    switch (v->kind) {
    case FG_VALUE_ENTITY:
        for (size_t m = 0; m < g->n_mentions; m++)
            if (g->mentions[m].entity == v->index)
                mark(marks, sent, g->mentions[m].span, S_ROLE);
        break;
    case FG_VALUE_GROUP:
        mark(marks, sent, g->groups[v->index].span, S_ROLE);
        break;
    case FG_VALUE_EVENT:
        mark(marks, sent, g->events[v->index].trigger, S_ROLE);
        break;
    case FG_VALUE_LITERAL:
        break;
    }
}

/* The evidence sentence of event e with its trigger and role fillers
 * highlighted: by style with colour, else between [ ] and * *. */
static int add_sentence(shower *s, stext *t, uint32_t e)
{
    const fg_graph *g = s->g;
    fg_span sent;
    if (!first_evidence(g, e, &sent) || sent.end > s->doc->len ||
        sent.start >= sent.end)
        return 0;
    size_t n = sent.end - sent.start;
    unsigned char *marks = fg_calloc(n + 1, 1);
    if (marks == NULL)
        return FG_ENOMEM;
    mark(marks, sent, g->events[e].trigger, S_TRIGGER);
    for (size_t r = 0; r < g->n_roles; r++)
        if (g->roles[r].event == e)
            mark_value(g, marks, sent, &g->roles[r].value);
    if (g->events[e].has_attribution)
        mark_value(g, marks, sent, &g->events[e].attributed_to);
    const char *text = s->doc->text + sent.start;
    int rc = 0, style = S_PLAIN;
    size_t from = 0;
    for (size_t i = 0; i <= n && rc == 0; i++) {
        /* Styles change only at the start of a character. */
        if (i < n && (((unsigned char)text[i] & 0xC0) == 0x80 ||
                      marks[i] == style))
            continue;
        rc = st_add(t, text + from, i - from, style);
        if (rc == 0 && !s->color && style != S_PLAIN)
            rc = st_adds(t, style == S_TRIGGER ? "]" : "*", S_PLAIN);
        if (i < n) {
            style = marks[i];
            if (rc == 0 && !s->color && style != S_PLAIN)
                rc = st_adds(t, style == S_TRIGGER ? "[" : "*", S_PLAIN);
        }
        from = i;
    }
    fg_free(marks);
    return rc;
}

static const char *const EVENT_HEADS[] = {"#", "class", "agent", "trigger",
                                          "roles", "factuality"};
static const int EVENT_WRAPS[] = {0, 0, 0, 0, 1, 0};

static int events_table(shower *s, out_ctx *o, size_t width)
{
    const fg_graph *g = s->g;
    table tb;
    int rc = table_init(&tb, g->n_events, 6, EVENT_HEADS, EVENT_WRAPS);
    for (size_t i = 0; i < g->n_events && rc == 0; i++) {
        uint32_t e = s->order[i];
        const fg_event *ev = &g->events[e];
        char num[32];
        snprintf(num, sizeof num, "%zu", i + 1);
        rc = st_adds(cell(&tb, i, 0), num, S_DIM);
        if (rc == 0)
            rc = st_adds(cell(&tb, i, 1), ev->cls, S_CLASS);
        int agents = 0;
        for (size_t r = 0; r < g->n_roles && rc == 0; r++)
            if (g->roles[r].event == e && g->roles[r].role == FG_ROLE_AGENT &&
                !repeated(g, r)) {
                if (agents++)
                    rc = st_adds(cell(&tb, i, 2), ", ", S_PLAIN);
                if (rc == 0)
                    rc = add_value(s, cell(&tb, i, 2), &g->roles[r].value,
                                   S_NAME);
            }
        if (rc == 0)
            rc = add_text(s, cell(&tb, i, 3), ev->trigger, S_PLAIN);
        if (rc == 0)
            rc = add_roles(s, cell(&tb, i, 4), e);
        if (rc == 0) {
            char f[64];
            snprintf(f, sizeof f, "%s %s %s",
                     ev->polarity == FG_NEGATIVE ? "-" : "+",
                     fg_certainty_name(ev->certainty),
                     fg_status_name(ev->status));
            for (char *p = f + 2; *p; p++)
                if (*p >= 'A' && *p <= 'Z')
                    *p = (char)(*p - 'A' + 'a');
            rc = st_adds(cell(&tb, i, 5), f,
                         ev->polarity == FG_NEGATIVE ||
                                 ev->certainty != FG_CERTAIN
                             ? S_DOUBT
                             : S_PLAIN);
        }
        if (rc == 0)
            rc = add_sentence(s, &tb.below[i], e);
    }
    if (rc == 0)
        put_table(o, &tb, width);
    table_clear(&tb);
    return rc ? rc : o->rc;
}

static const char *const ENTITY_HEADS[] = {"class", "name", "office",
                                           "affiliation", "mentions"};
static const int ENTITY_WRAPS[] = {0, 0, 1, 1, 0};

static int entity_cmp(const void *x, const void *y, void *graph)
{
    const fg_graph *g = graph;
    const fg_entity *a = &g->entities[*(const uint32_t *)x];
    const fg_entity *b = &g->entities[*(const uint32_t *)y];
    if (a->cls != b->cls)
        return a->cls < b->cls ? -1 : 1;
    int c = strcmp(a->label, b->label);
    return c ? c : strcmp(a->key, b->key);
}

static int entities_table(shower *s, out_ctx *o, size_t width)
{
    const fg_graph *g = s->g;
    uint32_t *order = fg_malloc((g->n_entities + 1) * sizeof *order);
    if (order == NULL)
        return FG_ENOMEM;
    for (uint32_t i = 0; i < g->n_entities; i++)
        order[i] = i;
    qsort_r(order, g->n_entities, sizeof *order, entity_cmp, (void *)g);
    table tb;
    int rc = table_init(&tb, g->n_entities, 5, ENTITY_HEADS, ENTITY_WRAPS);
    for (size_t i = 0; i < g->n_entities && rc == 0; i++) {
        uint32_t e = order[i];
        const fg_entity *en = &g->entities[e];
        rc = st_adds(cell(&tb, i, 0), fg_entity_class_name(en->cls), S_CLASS);
        if (rc == 0)
            rc = st_adds(cell(&tb, i, 1), en->label, S_NAME);
        for (size_t k = 0; k < g->n_facts && rc == 0; k++) {
            const fg_fact *f = &g->facts[k];
            if (f->entity != e)
                continue;
            int office = f->kind == FG_FACT_HOLDS_OFFICE ||
                         f->kind == FG_FACT_HELD_OFFICE;
            stext *t = cell(&tb, i, office ? 2 : 3);
            if (t->b.len)
                rc = st_adds(t, ", ", S_PLAIN);
            if (rc == 0 && f->kind == FG_FACT_HELD_OFFICE)
                rc = st_adds(t, "former ", S_DIM);
            if (rc == 0 && f->kind == FG_FACT_MEMBER_OF)
                rc = st_adds(t, "member of ", S_DIM);
            if (rc == 0)
                rc = add_value(s, t, &f->value, S_PLAIN);
        }
        size_t mentions = 0;
        for (size_t m = 0; m < g->n_mentions; m++)
            mentions += g->mentions[m].entity == e;
        char num[32];
        snprintf(num, sizeof num, "%zu", mentions);
        if (rc == 0)
            rc = st_adds(cell(&tb, i, 4), num, S_PLAIN);
    }
    if (rc == 0)
        put_table(o, &tb, width);
    table_clear(&tb);
    fg_free(order);
    return rc ? rc : o->rc;
}

/* A section's name and how many rows it has, cut to width. */
static void section(out_ctx *o, const char *name, size_t n, size_t width)
{
    char line[64];
    snprintf(line, sizeof line, "%s (%zu)", name, n);
    stext t;
    st_init(&t);
    if (o->rc == 0)
        o->rc = st_adds(&t, line, S_HEAD);
    put_cut(o, &t, width);
    st_clear(&t);
}

int fg_display_write(const fg_display_doc *doc, const fg_show_options *opt,
                     fg_buf *out)
{
    if (opt->width < FG_SHOW_MIN_WIDTH || opt->width > FG_SHOW_MAX_WIDTH)
        return FG_EINVAL;
    const fg_graph *g = doc->g;
    size_t width = opt->width;
    out_ctx o = {out, opt->color != 0, 0};
    shower s = {doc, g, NULL, NULL, opt->color != 0};
    s.order = fg_malloc((g->n_events + 1) * sizeof *s.order);
    s.row = fg_malloc((g->n_events + 1) * sizeof *s.row);
    if (s.order == NULL || s.row == NULL) {
        o.rc = FG_ENOMEM;
        goto done;
    }
    for (uint32_t i = 0; i < g->n_events; i++)
        s.order[i] = i;
    qsort_r(s.order, g->n_events, sizeof *s.order, event_cmp, (void *)g);
    for (uint32_t i = 0; i < g->n_events; i++)
        s.row[s.order[i]] = i + 1;

    /* The heading: id, title, date. */
    stext head;
    st_init(&head);
    o.rc = st_adds(&head, doc->id, S_TITLE);
    if (o.rc == 0 && doc->title) {
        o.rc = st_adds(&head, " \xE2\x80\x94 ", S_PLAIN); /* — */
        if (o.rc == 0)
            o.rc = st_adds(&head, doc->title, S_PLAIN);
    }
    if (o.rc == 0 && doc->date) {
        o.rc = st_adds(&head, " (", S_PLAIN);
        if (o.rc == 0)
            o.rc = st_adds(&head, doc->date, S_PLAIN);
        if (o.rc == 0)
            o.rc = st_adds(&head, ")", S_PLAIN);
    }
    put_cut(&o, &head, width);
    st_clear(&head);
    puts_(&o, "\n");
    section(&o, "Events", g->n_events, width);
    if (o.rc == 0 && g->n_events)
        o.rc = events_table(&s, &o, width);
    puts_(&o, "\n");
    section(&o, "Entities", g->n_entities, width);
    if (o.rc == 0 && g->n_entities)
        o.rc = entities_table(&s, &o, width);
done:
    fg_free(s.order);
    fg_free(s.row);
    return o.rc;
}

/* ------------------------------------------------------------------ */
/* The public entry points                                             */

/* Writes one document's tables to stream, and a blank line after them
 * that sets it apart from the next. */
static int show_doc(const fg_display_doc *doc, const fg_show_options *o,
                    FILE *stream)
{
    fg_buf out;
    fg_buf_init(&out, MAX_SHOW_BYTES);
    int rc = fg_display_write(doc, o, &out);
    if (rc == 0)
        rc = fg_buf_adds(&out, "\n");
    if (rc == 0 && out.len &&
        fwrite(out.data, 1, out.len, stream) != out.len)
        rc = FG_EIO;
    if (rc == 0 && ferror(stream))
        rc = FG_EIO;
    fg_buf_clear(&out);
    return rc;
}

int fg_analysis_show(fg_analysis *a, const fg_show_options *o, FILE *stream)
{
    const fg_doc *d = fg_analysis_doc(a);
    fg_display_doc doc = {fg_doc_id(d), fg_doc_title(d), fg_doc_date(d),
                          NULL, 0, fg_analysis_graph(a)};
    doc.text = fg_analysis_text(a, &doc.len);
    return show_doc(&doc, o, stream);
}

int fg_dump_show(fg_dump *d, const fg_filter *filter, const fg_show_options *o,
                 FILE *stream)
{
    int rc = fg_dump_build(d);
    for (size_t i = 0; rc == 0 && i < fg_dump_doc_count(d); i++) {
        fg_dump_doc *dd = fg_dump_get_doc(d, i);
        if (filter)
            rc = fg_display_filter(&dd->graph, filter);
        fg_display_doc doc = {dd->id, dd->title, dd->date, dd->text, dd->len,
                              &dd->graph};
        if (rc == 0)
            rc = show_doc(&doc, o, stream);
    }
    return rc;
}
