/* input: documents from files, directories, stdin, JSON Lines and HTML,
 * plain or gzip-compressed.
 *
 * An fg_input is a queue of paths. fg_input_next takes the next one
 * apart lazily: a directory becomes its sorted entries (pushed on a stack
 * so that the walk is depth-first and in order), a JSON Lines file stays
 * open and yields one document per line, an HTML page is one document of
 * its main text, anything else is one text document. A file that starts
 * with the gzip magic bytes is inflated as it is read, and its format is
 * decided by its name without the .gz. Memory is bounded by the limits in
 * factgraph.h: one document or one JSON line at a time, however well the
 * input is compressed. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <zlib.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "input.h"
#define XXH_INLINE_ALL
#include <xxhash.h>

/* Nesting allowed in one JSON line; deeper is a malformed line. */
#define MAX_JSON_DEPTH 32
/* Bytes read at a time. */
#define CHUNK 65536
/* The first bytes of a gzip stream (RFC 1952). */
#define GZIP_MAGIC_0 0x1f
#define GZIP_MAGIC_1 0x8b

struct fg_doc {
    char *id;
    char *bytes;
    size_t len;
    char *file;
    unsigned long line;
    char *date, *title, *source;
};

/* ------------------------------------------------------------------ */
/* Documents                                                           */

int fg_doc_new(fg_doc **out, const char *id, const char *bytes, size_t len)
{
    *out = NULL;
    if (id == NULL || id[0] == '\0' || (bytes == NULL && len))
        return FG_EINVAL;
    fg_doc *d = fg_calloc(1, sizeof *d);
    if (d == NULL)
        return FG_ENOMEM;
    d->id = fg_strdup(id);
    d->bytes = fg_malloc(len + 1);
    if (d->id == NULL || d->bytes == NULL) {
        fg_doc_free(d);
        return FG_ENOMEM;
    }
    if (len)
        memcpy(d->bytes, bytes, len);
    d->bytes[len] = '\0';
    d->len = len;
    *out = d;
    return 0;
}

/* Takes ownership of bytes (from fg_malloc, NUL-terminated). */
static int doc_adopt(fg_doc **out, const char *id, char *bytes, size_t len)
{
    fg_doc *d = fg_calloc(1, sizeof *d);
    if (d == NULL || (d->id = fg_strdup(id)) == NULL) {
        fg_free(d);
        fg_free(bytes);
        return FG_ENOMEM;
    }
    d->bytes = bytes;
    d->len = len;
    *out = d;
    return 0;
}

void fg_doc_free(fg_doc *doc)
{
    if (doc == NULL)
        return;
    fg_free(doc->id);
    fg_free(doc->bytes);
    fg_free(doc->file);
    fg_free(doc->date);
    fg_free(doc->title);
    fg_free(doc->source);
    fg_free(doc);
}

const char *fg_doc_id(const fg_doc *doc) { return doc->id; }

const char *fg_doc_bytes(const fg_doc *doc, size_t *len_out)
{
    if (len_out)
        *len_out = doc->len;
    return doc->bytes;
}

const char *fg_doc_file(const fg_doc *doc)
{
    return doc->file ? doc->file : doc->id;
}

unsigned long fg_doc_line(const fg_doc *doc) { return doc->line; }
const char *fg_doc_date(const fg_doc *doc) { return doc->date; }
const char *fg_doc_title(const fg_doc *doc) { return doc->title; }
const char *fg_doc_source(const fg_doc *doc) { return doc->source; }

static int set_string(char **field, const char *value)
{
    char *copy = NULL;
    if (value && (copy = fg_strdup(value)) == NULL)
        return FG_ENOMEM;
    fg_free(*field);
    *field = copy;
    return 0;
}

int fg_input_valid_date(const char *s)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

int fg_doc_set_date(fg_doc *doc, const char *date)
{
    if (date && !fg_input_valid_date(date))
        return FG_EINVAL;
    return set_string(&doc->date, date);
}

int fg_doc_set_title(fg_doc *doc, const char *title)
{
    return set_string(&doc->title, title);
}

int fg_doc_set_source(fg_doc *doc, const char *source)
{
    return set_string(&doc->source, source);
}

int fg_doc_set_origin(fg_doc *doc, const char *file, unsigned long line)
{
    doc->line = line;
    return set_string(&doc->file, file);
}

/* ------------------------------------------------------------------ */
/* HTML pages                                                          */

/* A page is parsed into a tree by libxml2 and walked without recursion
 * (through the parent and sibling links) to at most FG_MAX_HTML_DEPTH
 * levels, so that neither its size nor its nesting can exhaust the
 * stack. libxml2 itself stops building the tree past its own depth limit
 * (256); both are reported as one warning. */

/* Bytes of a page looked at for NUL bytes, which no HTML has. */
#define HTML_SNIFF_BYTES 1024

/* Elements that never hold the main text. header is the site's banner,
 * except inside the article or main element, where it holds the
 * headline and the lead (see text_walk.keep_header). */
static const char *const HTML_SKIP[] = {
    "script", "style",  "nav",    "header", "footer",   "aside",
    "form",   "noscript", "template", "head", "iframe", "object",
    "svg",    "math",   "button", "select", "textarea", "dialog",
};

/* Landmark roles that mean the same as the elements above. */
static const char *const HTML_SKIP_ROLES[] = {
    "navigation", "banner", "contentinfo", "complementary",
    "search",     "dialog", "alertdialog", "menu",
    "menubar",
};

/* A part of a class or id (split at - _ and spaces) that marks a cookie
 * notice, reader comments or advertising. */
static const char *const HTML_SKIP_NAMES[] = {
    "cookie", "cookies", "consent", "comments",
    "ad",     "ads",     "advert",  "advertisement",
};

/* The elements whose text is the main text, each a paragraph. */
static const char *const HTML_BLOCKS[] = {"p", "h1", "h2", "h3"};

#define COUNT(a) (sizeof (a) / sizeof *(a))

static int is_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE &&
           xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

static int name_in(const xmlChar *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (xmlStrcasecmp(name, (const xmlChar *)list[i]) == 0)
            return 1;
    return 0;
}

/* The value of attribute name of n, borrowed from the tree, or NULL.
 * (With HTML_PARSE_COMPACT short values live inside the text node, but
 * its content pointer still points at them.) */
static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (xmlStrcasecmp(a->name, (const xmlChar *)name) != 0)
            continue;
        if (a->children && a->children->type == XML_TEXT_NODE &&
            a->children->next == NULL && a->children->content)
            return (const char *)a->children->content;
        return ""; /* no value, or one libxml2 split up: present */
    }
    return NULL;
}

static int ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Whether the value of a class or id has a part in HTML_SKIP_NAMES. */
static int boilerplate_name(const char *v)
{
    if (v == NULL)
        return 0;
    for (size_t i = 0; v[i];) {
        while (v[i] && (ascii_space(v[i]) || v[i] == '-' || v[i] == '_'))
            i++;
        size_t start = i;
        while (v[i] && !ascii_space(v[i]) && v[i] != '-' && v[i] != '_')
            i++;
        for (size_t k = 0; k < COUNT(HTML_SKIP_NAMES) && i > start; k++)
            if (strlen(HTML_SKIP_NAMES[k]) == i - start &&
                strncasecmp(v + start, HTML_SKIP_NAMES[k], i - start) == 0)
                return 1;
    }
    return 0;
}

/* Whether a style attribute hides the element (display: none or
 * visibility: hidden, spaces and case ignored). */
static int hidden_style(const char *style)
{
    if (style == NULL)
        return 0;
    char packed[256];
    size_t n = 0;
    for (size_t i = 0; style[i] && n + 1 < sizeof packed; i++)
        if (!ascii_space(style[i]))
            packed[n++] = (char)((style[i] >= 'A' && style[i] <= 'Z')
                                     ? style[i] + 32
                                     : style[i]);
    packed[n] = '\0';
    return strstr(packed, "display:none") != NULL ||
           strstr(packed, "visibility:hidden") != NULL;
}

/* Whether element n is left out of the main text with all it holds. */
static int html_skipped(const xmlNode *n, int keep_header)
{
    if (name_in(n->name, HTML_SKIP, COUNT(HTML_SKIP)) &&
        !(keep_header && is_element(n, "header")))
        return 1;
    const char *aria = attr(n, "aria-hidden");
    const char *role = attr(n, "role");
    if (attr(n, "hidden") || (aria && strcasecmp(aria, "true") == 0) ||
        hidden_style(attr(n, "style")) ||
        (role && name_in((const xmlChar *)role, HTML_SKIP_ROLES,
                         COUNT(HTML_SKIP_ROLES))))
        return 1;
    /* The containers themselves are never judged by their names:
     * <article class="article has-comments"> is still the article. */
    if (is_element(n, "article") || is_element(n, "main") ||
        is_element(n, "body"))
        return 0;
    return boilerplate_name(attr(n, "class")) ||
           boilerplate_name(attr(n, "id"));
}

/* A walk over the subtree under root (at depth root_depth, the html
 * element being 1). visit is called for each node in document order and
 * returns 1 to walk into the node's children, 0 to pass over them, or -1
 * to stop; leave is called after the children of a node walked into.
 * Nodes deeper than FG_MAX_HTML_DEPTH are passed over, and marked in
 * *too_deep. Every node is visited once: the walk is linear. */
enum { TOO_DEEP_WALK = 1, TOO_DEEP_PARSER = 2 };
typedef int (*html_visit)(void *ctx, xmlNode *n);
typedef void (*html_leave)(void *ctx, xmlNode *n);

static void html_walk(xmlNode *root, unsigned root_depth, html_visit visit,
                      html_leave leave, void *ctx, int *too_deep)
{
    xmlNode *n = root->children;
    unsigned depth = root_depth + 1;
    while (n != NULL) {
        int in = 0;
        if (depth > FG_MAX_HTML_DEPTH)
            *too_deep |= TOO_DEEP_WALK;
        else if ((in = visit(ctx, n)) < 0)
            return;
        if (in && n->children) {
            n = n->children;
            depth++;
            continue;
        }
        if (in && leave)
            leave(ctx, n);
        /* Up to the next sibling of n or of an ancestor. */
        while (n != root && n->next == NULL) {
            n = n->parent;
            depth--;
            if (n != root && leave)
                leave(ctx, n);
        }
        if (n == root)
            return;
        n = n->next;
    }
}

/* The depth of n, the html element being 1; at most limit + 1. */
static unsigned html_depth(const xmlNode *n, unsigned limit)
{
    unsigned d = 0;
    while (n && n->type != XML_DOCUMENT_NODE &&
           n->type != XML_HTML_DOCUMENT_NODE && d <= limit) {
        d++;
        n = n->parent;
    }
    return d;
}

/* Text with HTML's whitespace collapsed: a separator waits until the
 * next visible character, so that no text starts or ends with one. */
enum { SEP_NONE, SEP_SPACE, SEP_LINE, SEP_PARAGRAPH };

typedef struct text_sink {
    fg_buf buf;
    int sep; /* the strongest separator seen since the last character */
    int rc;  /* the first failed append: FG_ELIMIT or FG_ENOMEM */
} text_sink;

static void sink_sep(text_sink *t, int sep)
{
    if (sep > t->sep)
        t->sep = sep;
}

static void sink_text(text_sink *t, const char *s)
{
    static const char *const SEPS[] = {"", " ", "\n", "\n\n"};
    for (size_t i = 0; s[i] && t->rc == 0;) {
        if (ascii_space(s[i])) {
            sink_sep(t, SEP_SPACE);
            i++;
            continue;
        }
        size_t start = i;
        while (s[i] && !ascii_space(s[i]))
            i++;
        if (t->buf.len && t->sep)
            t->rc = fg_buf_adds(&t->buf, SEPS[t->sep]);
        t->sep = SEP_NONE;
        if (t->rc == 0)
            t->rc = fg_buf_add(&t->buf, s + start, i - start);
    }
}

/* The main text of a container. */
typedef struct text_walk {
    text_sink *out;
    int keep_header;   /* the container is an article or main element */
    unsigned in_block; /* nesting of p and h1-h3 around the node */
} text_walk;

static int text_visit(void *ctx, xmlNode *n)
{
    text_walk *w = ctx;
    if (w->out->rc)
        return -1;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (w->in_block && n->content)
            sink_text(w->out, (const char *)n->content);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE || html_skipped(n, w->keep_header))
        return 0;
    if (name_in(n->name, HTML_BLOCKS, COUNT(HTML_BLOCKS))) {
        sink_sep(w->out, SEP_PARAGRAPH);
        w->in_block++;
    } else if (is_element(n, "br") && w->in_block) {
        sink_sep(w->out, SEP_LINE);
    }
    return 1;
}

static void text_leave(void *ctx, xmlNode *n)
{
    text_walk *w = ctx;
    if (name_in(n->name, HTML_BLOCKS, COUNT(HTML_BLOCKS))) {
        w->in_block--;
        sink_sep(w->out, SEP_PARAGRAPH);
    }
}

/* Writes the main text under container into out (emptied first). */
static void container_text(xmlNode *container, int keep_header,
                           text_sink *out, int *too_deep)
{
    fg_buf_reset(&out->buf);
    out->sep = SEP_NONE;
    text_walk w = {out, keep_header, 0};
    html_walk(container, html_depth(container, FG_MAX_HTML_DEPTH),
              text_visit, text_leave, &w, too_deep);
}

/* Metadata candidates, by priority: the first of a kind wins, and of
 * the kinds the first in the order below that has a usable value. */
enum {
    TITLE_OG, TITLE_ELEMENT, TITLE_H1, N_TITLES
};
enum {
    DATE_ARTICLE, DATE_OG, DATE_NAME, DATE_DC, DATE_PUBDATE,
    DATE_ITEMPROP, DATE_TIME, N_DATES
};
enum { URL_CANONICAL, URL_OG, N_URLS };

typedef struct html_meta {
    char *title[N_TITLES];
    char *date[N_DATES];
    char *url[N_URLS];
    int cut; /* a value was cut at FG_MAX_HTML_META_BYTES */
    int rc;
} html_meta;

/* Keeps a copy of value (runs of whitespace and control characters made
 * one space, trimmed, cut at FG_MAX_HTML_META_BYTES on a character
 * boundary) in *slot unless it holds one already or the value is blank. */
static void meta_keep(html_meta *m, char **slot, const char *value)
{
    if (*slot || value == NULL || m->rc)
        return;
    fg_buf b;
    fg_buf_init(&b, FG_MAX_HTML_META_BYTES);
    int space = 0, rc = 0;
    for (size_t i = 0; value[i] && rc == 0; i++) {
        unsigned char c = (unsigned char)value[i];
        if (c <= 0x20 || c == 0x7f) {
            space = b.len > 0;
            continue;
        }
        if (b.len + (size_t)space + 1 > FG_MAX_HTML_META_BYTES) {
            m->cut = 1;
            /* Drop a character whose bytes did not all fit. */
            size_t start = b.len;
            while (start && ((unsigned char)b.data[start - 1] & 0xC0) == 0x80)
                start--;
            if (start) {
                unsigned char lead = (unsigned char)b.data[start - 1];
                size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3
                              : lead >= 0xC0 ? 2 : 1;
                if (start - 1 + need > b.len)
                    b.len = start - 1;
                b.data[b.len] = '\0';
            }
            break;
        }
        if (space)
            rc = fg_buf_addc(&b, ' ');
        if (rc == 0)
            rc = fg_buf_addc(&b, (char)c);
        space = 0;
    }
    if (rc == 0 && b.len)
        *slot = fg_buf_steal(&b, NULL);
    else if (rc < 0)
        m->rc = FG_ENOMEM;
    fg_buf_clear(&b);
}

/* The text of an element (<title>, h1) as metadata. */
static void meta_keep_text(html_meta *m, char **slot, xmlNode *n)
{
    if (*slot)
        return;
    xmlChar *s = xmlNodeGetContent(n);
    if (s == NULL)
        return;
    meta_keep(m, slot, (const char *)s);
    xmlFree(s);
}

/* Walks the whole page for meta, link and title elements. */
static int meta_visit(void *ctx, xmlNode *n)
{
    html_meta *m = ctx;
    if (m->rc)
        return -1;
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    if (is_element(n, "title")) {
        meta_keep_text(m, &m->title[TITLE_ELEMENT], n);
        return 0;
    }
    if (is_element(n, "link")) {
        const char *rel = attr(n, "rel");
        /* rel is a list of words: "canonical" among them. */
        for (size_t i = 0; rel && rel[i];) {
            while (ascii_space(rel[i]))
                i++;
            size_t start = i;
            while (rel[i] && !ascii_space(rel[i]))
                i++;
            if (i - start == 9 && strncasecmp(rel + start, "canonical", 9) == 0)
                meta_keep(m, &m->url[URL_CANONICAL], attr(n, "href"));
        }
        return 0;
    }
    if (!is_element(n, "meta"))
        return 1;
    static const struct {
        const char *key;
        int date, title, url; /* slot index + 1, or 0 */
    } KEYS[] = {
        {"og:title", 0, TITLE_OG + 1, 0},
        {"og:url", 0, 0, URL_OG + 1},
        {"article:published_time", DATE_ARTICLE + 1, 0, 0},
        {"og:published_time", DATE_OG + 1, 0, 0},
        {"date", DATE_NAME + 1, 0, 0},
        {"dc.date", DATE_DC + 1, 0, 0},
        {"dcterms.date", DATE_DC + 1, 0, 0},
        {"pubdate", DATE_PUBDATE + 1, 0, 0},
        {"datepublished", DATE_ITEMPROP + 1, 0, 0},
    };
    /* Open Graph uses property=, the others name=; microdata itemprop=. */
    const char *names[] = {attr(n, "property"), attr(n, "name"),
                           attr(n, "itemprop")};
    const char *content = attr(n, "content");
    for (size_t k = 0; k < COUNT(names); k++) {
        if (names[k] == NULL)
            continue;
        for (size_t i = 0; i < COUNT(KEYS); i++) {
            if (strcasecmp(names[k], KEYS[i].key) != 0)
                continue;
            if (KEYS[i].title)
                meta_keep(m, &m->title[KEYS[i].title - 1], content);
            if (KEYS[i].date)
                meta_keep(m, &m->date[KEYS[i].date - 1], content);
            if (KEYS[i].url)
                meta_keep(m, &m->url[KEYS[i].url - 1], content);
        }
    }
    return 0;
}

/* The first h1 and the first <time datetime> of the main container. */
typedef struct first_walk {
    html_meta *m;
    int keep_header;
} first_walk;

static int first_visit(void *ctx, xmlNode *n)
{
    first_walk *f = ctx;
    if (f->m->rc)
        return -1;
    if (n->type != XML_ELEMENT_NODE || html_skipped(n, f->keep_header))
        return 0;
    if (is_element(n, "h1")) {
        meta_keep_text(f->m, &f->m->title[TITLE_H1], n);
        return 0;
    }
    if (is_element(n, "time"))
        meta_keep(f->m, &f->m->date[DATE_TIME], attr(n, "datetime"));
    return 1;
}

/* The day of a date or date-time ("2026-11-28", "2026-11-28T09:30:00+01:00",
 * "2026-11-28 09:30") into day[11]; 0 when it is none. */
static int date_part(const char *s, char day[11])
{
    if (strlen(s) < 10 || (s[10] && s[10] != 'T' && s[10] != 't' &&
                           s[10] != ' '))
        return 0;
    memcpy(day, s, 10);
    day[10] = '\0';
    return fg_input_valid_date(day);
}

/* Finds the containers: the longest top-level <article> (by its main
 * text), the first <main> and <body>. */
typedef struct container_walk {
    text_sink *scratch;
    xmlNode *article, *main, *body;
    size_t article_len;
    int *too_deep;
} container_walk;

static int container_visit(void *ctx, xmlNode *n)
{
    container_walk *c = ctx;
    if (n->type != XML_ELEMENT_NODE || html_skipped(n, 0))
        return 0;
    if (is_element(n, "article")) {
        /* An article inside it (a comment, a quoted post) is part of it. */
        container_text(n, 1, c->scratch, c->too_deep);
        if (c->scratch->rc)
            return -1;
        if (c->article == NULL || c->scratch->buf.len > c->article_len) {
            c->article = n;
            c->article_len = c->scratch->buf.len;
        }
        return 0;
    }
    if (is_element(n, "main") && c->main == NULL)
        c->main = n;
    else if (is_element(n, "body") && c->body == NULL)
        c->body = n;
    return 1;
}

void fg_html_page_clear(fg_html_page *page)
{
    fg_free(page->text);
    fg_free(page->title);
    fg_free(page->date);
    fg_free(page->url);
    memset(page, 0, sizeof *page);
}

/* Gives a structured-error handler to the parser context alone: errors
 * in a page are no concern of the user (browsers read such pages too),
 * and without a handler of its own libxml2 would pass them to a
 * process-wide one. libxml2 uses serror only on a context marked SAX2,
 * which for the HTML parser changes nothing else. */
static void html_error(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    (void)err;
}

/* Whether the first bytes of a page hold a NUL: binary data, or UTF-16
 * or UTF-32 without a byte order mark, which libxml2 cannot read. */
static int binary_bytes(const unsigned char *b, size_t len)
{
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
                     (b[0] == 0xFE && b[1] == 0xFF)))
        return 0; /* UTF-16 or UTF-32 with a byte order mark */
    if (len >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
        return 0;
    return memchr(b, 0, len < HTML_SNIFF_BYTES ? len : HTML_SNIFF_BYTES) !=
           NULL;
}

int fg_input_parse_html(fg_html_page *out, const char *bytes, size_t len,
                        size_t max_text, const char *file,
                        fg_diag_list *diags)
{
    memset(out, 0, sizeof *out);
    if (len > INT_MAX || binary_bytes((const unsigned char *)bytes, len))
        return fg_diag_add(diags, FG_ERROR, FG_EDATA, file, 0, 0,
                           FG_NO_OFFSET,
                           "not an HTML page (binary data): skipped") < 0
                   ? FG_ENOMEM
                   : FG_EDATA;
    int rc = 0, too_deep = 0;
    html_meta meta = {0};
    text_sink text = {.sep = SEP_NONE}, scratch = {.sep = SEP_NONE};
    fg_buf_init(&text.buf, max_text);
    fg_buf_init(&scratch.buf, max_text);
    htmlDocPtr doc = NULL;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (ctxt == NULL || ctxt->sax == NULL) {
        rc = FG_ENOMEM;
        goto fail;
    }
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    ctxt->sax->serror = html_error;
    /* The charset comes from a byte order mark or a meta element (else
     * UTF-8, falling back to Latin-1); the result is UTF-8. */
    doc = htmlCtxtReadMemory(ctxt, bytes, (int)len, file, NULL,
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT |
                                 HTML_PARSE_RECOVER);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (doc == NULL) {
        rc = ctxt->lastError.code == XML_ERR_NO_MEMORY ? FG_ENOMEM : FG_EDATA;
        if (rc == FG_EDATA &&
            fg_diag_add(diags, FG_ERROR, FG_EDATA, file, 0, 0, FG_NO_OFFSET,
                        "cannot be parsed as HTML: skipped") < 0)
            rc = FG_ENOMEM;
        goto fail;
    }
    if (ctxt->disableSAX) {
        /* libxml2 stopped before the end, and the rest of the page is
         * lost: it was nested too deep, or worse. */
        const char *msg = ctxt->lastError.message;
        if (ctxt->lastError.code == XML_ERR_INTERNAL_ERROR && msg &&
            strstr(msg, "depth"))
            too_deep |= TOO_DEEP_PARSER;
        else if (fg_diag_add(diags, FG_WARNING, FG_EDATA, file,
                             (unsigned long)(ctxt->lastError.line > 0
                                                 ? ctxt->lastError.line
                                                 : 0),
                             0, FG_NO_OFFSET,
                             "the HTML parser stopped here (%.*s): the rest "
                             "of the page is not read",
                             msg ? (int)strcspn(msg, "\n") : 7,
                             msg ? msg : "unknown") < 0) {
            rc = FG_ENOMEM;
            goto fail;
        }
    }

    if (root) {
        html_walk((xmlNode *)doc, 0, meta_visit, NULL, &meta, &too_deep);
        container_walk c = {&scratch, NULL, NULL, NULL, 0, &too_deep};
        if (meta.rc == 0)
            html_walk((xmlNode *)doc, 0, container_visit, NULL, &c,
                      &too_deep);
        if ((rc = meta.rc ? meta.rc : scratch.rc) != 0)
            goto fail;
        /* The longest article with any text, else main, else body, else
         * the whole page (a fragment without body). */
        xmlNode *pick[] = {c.article_len ? c.article : NULL, c.main, c.body,
                           root};
        xmlNode *container = NULL;
        for (size_t i = 0; i < COUNT(pick) && text.buf.len == 0; i++) {
            if (pick[i] == NULL)
                continue;
            container = pick[i];
            container_text(container, i < 2, &text, &too_deep);
            if (text.rc)
                break;
        }
        if ((rc = text.rc) != 0)
            goto fail;
        first_walk f = {&meta, container != c.body && container != root};
        if (container)
            html_walk(container, html_depth(container, FG_MAX_HTML_DEPTH),
                      first_visit, NULL, &f, &too_deep);
        if ((rc = meta.rc) != 0)
            goto fail;
    }

    if (text.buf.data == NULL && (rc = fg_buf_add(&text.buf, "", 0)) < 0)
        goto fail;
    out->text = fg_buf_steal(&text.buf, &out->len);
    for (int i = 0; i < N_TITLES && out->title == NULL; i++) {
        out->title = meta.title[i];
        meta.title[i] = NULL;
    }
    /* A canonical link may be relative; an absolute og:url is better. */
    for (int pass = 0; pass < 2 && out->url == NULL; pass++)
        for (int i = 0; i < N_URLS && out->url == NULL; i++) {
            const char *u = meta.url[i];
            if (u && (pass == 1 || strstr(u, "://"))) {
                out->url = meta.url[i];
                meta.url[i] = NULL;
            }
        }
    const char *bad_date = NULL;
    char day[11];
    for (int i = 0; i < N_DATES && out->date == NULL; i++) {
        if (meta.date[i] == NULL)
            continue;
        if (date_part(meta.date[i], day)) {
            if ((out->date = fg_strdup(day)) == NULL) {
                rc = FG_ENOMEM;
                goto fail;
            }
        } else if (bad_date == NULL) {
            bad_date = meta.date[i];
        }
    }
    if (out->date == NULL && bad_date &&
        fg_diag_add(diags, FG_WARNING, FG_EDATA, file, 0, 0, FG_NO_OFFSET,
                    "publication date '%s' is not a date YYYY-MM-DD (or a "
                    "date-time): ignored",
                    bad_date) < 0)
        rc = FG_ENOMEM;
    if (rc == 0 && meta.cut &&
        fg_diag_add(diags, FG_WARNING, FG_ELIMIT, file, 0, 0, FG_NO_OFFSET,
                    "a title, date or URL of the page is longer than %d "
                    "bytes: cut",
                    FG_MAX_HTML_META_BYTES) < 0)
        rc = FG_ENOMEM;
    if (rc == 0 && too_deep &&
        fg_diag_add(diags, FG_WARNING, FG_ELIMIT, file, 0, 0, FG_NO_OFFSET,
                    "HTML nested more than %d elements deep: %s",
                    FG_MAX_HTML_DEPTH,
                    too_deep & TOO_DEEP_PARSER
                        ? "the page is read only up to there"
                        : "the deeper content is skipped") < 0)
        rc = FG_ENOMEM;
    if (rc == 0 && out->len == 0 &&
        fg_diag_add(diags, FG_WARNING, FG_EDATA, file, 0, 0, FG_NO_OFFSET,
                    "no main text in the HTML page (no paragraph or heading "
                    "outside navigation and the like): the document is "
                    "empty") < 0)
        rc = FG_ENOMEM;

fail:
    if (rc == FG_ELIMIT &&
        fg_diag_add(diags, FG_ERROR, FG_ELIMIT, file, 0, 0, FG_NO_OFFSET,
                    "text of the HTML page larger than the limit of %zu "
                    "%s: skipped",
                    max_text % (1 << 20) ? max_text : max_text >> 20,
                    max_text % (1 << 20) ? "bytes" : "MiB") < 0)
        rc = FG_ENOMEM;
    if (rc < 0)
        fg_html_page_clear(out);
    for (int i = 0; i < N_TITLES; i++)
        fg_free(meta.title[i]);
    for (int i = 0; i < N_DATES; i++)
        fg_free(meta.date[i]);
    for (int i = 0; i < N_URLS; i++)
        fg_free(meta.url[i]);
    fg_buf_clear(&text.buf);
    fg_buf_clear(&scratch.buf);
    if (doc)
        xmlFreeDoc(doc);
    if (ctxt)
        htmlFreeParserCtxt(ctxt);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Reading lines and whole streams with a limit, plain or gzip         */

/* A gzip stream being inflated: compressed bytes read ahead and zlib's
 * state. It is on the heap because zlib's state points back at the
 * z_stream, which must not move when a reader is copied. */
typedef struct gz_state {
    z_stream z;
    unsigned char in[CHUNK];
    int raw_eof;     /* the file has no more compressed bytes */
    int member_done; /* a gzip member ended; another may follow */
} gz_state;

typedef struct reader {
    int fd;
    int eof;
    char *chunk;
    size_t pos, len; /* unread bytes: chunk[pos..len) */
    gz_state *gz;    /* non-NULL while the bytes are inflated */
    const char *why; /* after FG_EDATA: what is wrong with the gzip data */
    uint64_t *raw;   /* counts the bytes read from fd, or NULL */
} reader;

/* zlib's memory comes from fg_malloc too, so that tests see its leaks. */
static voidpf gz_alloc(voidpf opaque, uInt items, uInt size)
{
    (void)opaque;
    return fg_malloc((size_t)items * size);
}

static void gz_release(voidpf opaque, voidpf p)
{
    (void)opaque;
    fg_free(p);
}

static int read_fd(reader *r, void *buf, size_t n, size_t *got)
{
    ssize_t k;
#ifdef FG_FAULT_INJECTION
    if (fg_fault_read()) {
        errno = EIO;
        return FG_EIO;
    }
#endif
    do
        k = read(r->fd, buf, n);
    while (k < 0 && errno == EINTR);
    if (k < 0)
        return FG_EIO;
    *got = (size_t)k;
    if (r->raw)
        *r->raw += (uint64_t)k;
    return 0;
}

/* Inflates the next chunk. Concatenated gzip members (cat a.gz b.gz) are
 * one stream, as for gzip -d; anything else after a member, a damaged
 * member or one cut short is FG_EDATA, with r->why saying which. */
static int gz_fill(reader *r)
{
    gz_state *g = r->gz;
    z_stream *z = &g->z;
    z->next_out = (Bytef *)r->chunk;
    z->avail_out = CHUNK;
    /* Each turn reads input, inflates some, or ends: the loop is bounded
     * by the size of the file. */
    for (;;) {
        if (z->avail_in == 0 && !g->raw_eof) {
            size_t got;
            if (read_fd(r, g->in, CHUNK, &got) < 0)
                return FG_EIO;
            g->raw_eof = got == 0;
            z->next_in = g->in;
            z->avail_in = (uInt)got;
        }
        if (g->member_done) {
            if (z->avail_in == 0 && g->raw_eof)
                break;
            if (z->avail_in == 0)
                continue;
            if (z->avail_in == 1 && !g->raw_eof) {
                /* The next member's magic may straddle two reads. */
                size_t got;
                g->in[0] = z->next_in[0];
                if (read_fd(r, g->in + 1, CHUNK - 1, &got) < 0)
                    return FG_EIO;
                g->raw_eof = got == 0;
                z->next_in = g->in;
                z->avail_in = (uInt)(got + 1);
                continue;
            }
            if (z->avail_in < 2 || z->next_in[0] != GZIP_MAGIC_0 ||
                z->next_in[1] != GZIP_MAGIC_1 || inflateReset(z) != Z_OK) {
                r->why = "other data after the end of the stream";
                return FG_EDATA;
            }
            g->member_done = 0;
        }
        uInt in_before = z->avail_in, out_before = z->avail_out;
        int zr = inflate(z, Z_NO_FLUSH);
        if (zr == Z_STREAM_END) {
            g->member_done = 1;
        } else if (zr == Z_MEM_ERROR) {
            return FG_ENOMEM;
        } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
            r->why = z->msg ? z->msg : "corrupt";
            return FG_EDATA;
        }
        if (z->avail_out == 0)
            break;
        if (!g->member_done && g->raw_eof && z->avail_in == in_before &&
            z->avail_out == out_before) {
            /* No input left in the middle of a member. What came before
             * is handed out first; the next call reports the cut. */
            if (z->avail_out < CHUNK)
                break;
            r->why = "cut short";
            return FG_EDATA;
        }
    }
    r->pos = 0;
    r->len = CHUNK - z->avail_out;
    if (r->len == 0)
        r->eof = 1;
    return 0;
}

static int reader_fill(reader *r)
{
    if (r->eof) {
        r->pos = r->len = 0;
        return 0;
    }
    if (r->gz)
        return gz_fill(r);
    size_t got;
    if (read_fd(r, r->chunk, CHUNK, &got) < 0)
        return FG_EIO;
    r->pos = 0;
    r->len = got;
    if (got == 0)
        r->eof = 1;
    return 0;
}

/* Looks at the first bytes of a fresh reader and, when they are gzip's
 * magic, inflates from then on. Returns 0, FG_EIO or FG_ENOMEM. */
static int reader_start(reader *r)
{
    /* Two bytes are needed, and a pipe may give them one at a time. */
    while (r->len < 2 && !r->eof) {
        size_t got;
        if (read_fd(r, r->chunk + r->len, CHUNK - r->len, &got) < 0)
            return FG_EIO;
        r->len += got;
        r->eof = got == 0;
    }
    if (r->len < 2 || (unsigned char)r->chunk[0] != GZIP_MAGIC_0 ||
        (unsigned char)r->chunk[1] != GZIP_MAGIC_1)
        return 0;
    gz_state *g = fg_calloc(1, sizeof *g);
    if (g == NULL)
        return FG_ENOMEM;
    g->z.zalloc = gz_alloc;
    g->z.zfree = gz_release;
    /* 15 + 16: the largest window, with a gzip header and trailer. */
    if (inflateInit2(&g->z, 15 + 16) != Z_OK) {
        fg_free(g);
        return FG_ENOMEM;
    }
    memcpy(g->in, r->chunk, r->len);
    g->z.next_in = g->in;
    g->z.avail_in = (uInt)r->len;
    g->raw_eof = r->eof;
    r->gz = g;
    r->eof = 0;
    r->pos = r->len = 0;
    return 0;
}

/* Frees what reading r took; the file stays open. */
static void reader_end(reader *r)
{
    if (r->gz) {
        inflateEnd(&r->gz->z);
        fg_free(r->gz);
        r->gz = NULL;
    }
}

/* Reads one line (without its newline) into line, which is limited to
 * its max. Returns 1 for a line, 0 at the end, FG_EIO, FG_ENOMEM, or
 * FG_ELIMIT when the line is too long (the rest of it is skipped). */
static int reader_line(reader *r, fg_buf *line)
{
    fg_buf_reset(line);
    int too_long = 0, any = 0;
    for (;;) {
        if (r->pos == r->len) {
            int rc = reader_fill(r);
            if (rc < 0)
                return rc;
            if (r->len == 0)
                return too_long ? FG_ELIMIT : any;
        }
        any = 1;
        char *start = r->chunk + r->pos;
        char *nl = memchr(start, '\n', r->len - r->pos);
        size_t n = nl ? (size_t)(nl - start) : r->len - r->pos;
        if (!too_long) {
            int rc = fg_buf_add(line, start, n);
            if (rc == FG_ELIMIT)
                too_long = 1;
            else if (rc < 0)
                return rc;
        }
        r->pos += n + (nl != NULL);
        if (nl)
            return too_long ? FG_ELIMIT : 1;
    }
}

/* Reads everything left into out, limited to its max. Returns 0, FG_EIO,
 * FG_ENOMEM or FG_ELIMIT. */
static int reader_all(reader *r, fg_buf *out)
{
    for (;;) {
        if (r->pos == r->len) {
            int rc = reader_fill(r);
            if (rc < 0)
                return rc;
            if (r->len == 0)
                return 0;
        }
        int rc = fg_buf_add(out, r->chunk + r->pos, r->len - r->pos);
        if (rc < 0)
            return rc;
        r->pos = r->len;
    }
}

/* ------------------------------------------------------------------ */
/* The input queue                                                     */

typedef struct pending {
    char *path; /* to open */
    char *id;   /* the document id, for a file */
    int depth;  /* 0: an argument; n: n levels under one */
} pending;

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

struct fg_input {
    fg_input_format format;
    pending *args; /* the paths added, in order */
    size_t n_args, args_cap, next_arg;
    pending *stack; /* directory entries still to visit, last on top */
    size_t n_stack, stack_cap;
    dir_id ancestors[FG_MAX_DIR_DEPTH + 1];

    /* The JSON Lines stream being read, if any. */
    int jsonl_open;
    reader jr;
    char *jsonl_file; /* for messages */
    char *jsonl_name; /* for ids: the file's id (relative under a dir) */
    unsigned long jsonl_line;
    json_tokener *tokener;
    fg_buf line;

    /* The ids handed out so far, as 64-bit hashes (XXH3): at most 32
     * bytes an id however long, so that memory stays nearly flat over
     * millions of documents. Two ids with one hash would count as a
     * duplicate: for a million documents the chance is about 3 in 10^8. */
    uint64_t *ids;
    size_t n_ids, ids_cap; /* ids_cap: 0 or a power of two */
    size_t n_read, n_failed;
    char *chunk;
    /* Bytes read from the files (compressed ones as stored), and the
     * sizes of the paths added when all are regular files, else 0. */
    uint64_t bytes_read, bytes_total;
    int total_unknown;
    int (*skip_fn)(void *ctx, const char *path, const char *name);
    void *skip_ctx;
    size_t n_skipped;
};

int fg_input_new(fg_input **out, fg_input_format format)
{
    *out = NULL;
    fg_input *in = fg_calloc(1, sizeof *in);
    if (in == NULL)
        return FG_ENOMEM;
    in->format = format;
    in->chunk = fg_malloc(CHUNK);
    in->tokener = json_tokener_new_ex(MAX_JSON_DEPTH);
    if (in->chunk == NULL || in->tokener == NULL) {
        fg_input_free(in);
        return FG_ENOMEM;
    }
    fg_buf_init(&in->line, FG_MAX_JSON_LINE_BYTES);
    *out = in;
    return 0;
}

static void pending_clear(pending *p)
{
    fg_free(p->path);
    fg_free(p->id);
}

static void close_jsonl(fg_input *in)
{
    if (!in->jsonl_open)
        return;
    reader_end(&in->jr);
    if (in->jr.fd != STDIN_FILENO)
        close(in->jr.fd);
    fg_free(in->jsonl_file);
    fg_free(in->jsonl_name);
    in->jsonl_file = in->jsonl_name = NULL;
    in->jsonl_open = 0;
}

void fg_input_free(fg_input *in)
{
    if (in == NULL)
        return;
    close_jsonl(in);
    for (size_t i = in->next_arg; i < in->n_args; i++)
        pending_clear(&in->args[i]);
    for (size_t i = 0; i < in->n_stack; i++)
        pending_clear(&in->stack[i]);
    fg_free(in->args);
    fg_free(in->stack);
    if (in->tokener)
        json_tokener_free(in->tokener);
    fg_buf_clear(&in->line);
    fg_free(in->ids);
    fg_free(in->chunk);
    fg_free(in);
}

static int push(pending **items, size_t *n, size_t *cap, const char *path,
                const char *id, int depth)
{
    if (fg_grow((void **)items, cap, *n + 1, sizeof **items) < 0)
        return FG_ENOMEM;
    pending p = {fg_strdup(path), fg_strdup(id), depth};
    if (p.path == NULL || p.id == NULL) {
        pending_clear(&p);
        return FG_ENOMEM;
    }
    (*items)[(*n)++] = p;
    return 0;
}

int fg_input_add(fg_input *in, const char *path)
{
    if (path == NULL || path[0] == '\0')
        return FG_EINVAL;
    const char *id = strcmp(path, "-") == 0 ? "stdin" : path;
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode))
        in->bytes_total += (uint64_t)st.st_size;
    else
        in->total_unknown = 1;
    return push(&in->args, &in->n_args, &in->args_cap, path, id, 0);
}

size_t fg_input_count_read(const fg_input *in) { return in->n_read; }

void fg_input_set_skip(fg_input *in,
                       int (*skip_fn)(void *ctx, const char *path,
                                   const char *name),
                       void *ctx)
{
    in->skip_fn = skip_fn;
    in->skip_ctx = ctx;
}

size_t fg_input_count_skipped(const fg_input *in) { return in->n_skipped; }

void fg_input_progress(const fg_input *in, uint64_t *done, uint64_t *total)
{
    *done = in->bytes_read;
    *total = in->total_unknown ? 0 : in->bytes_total;
}
size_t fg_input_count_failed(const fg_input *in) { return in->n_failed; }

/* Reports a document that cannot be read and counts it. */
__attribute__((format(printf, 6, 7))) static int
fail_doc(fg_input *in, fg_diag_list *diags, int code, const char *file,
         unsigned long line, const char *fmt, ...)
{
    in->n_failed++;
    va_list ap;
    va_start(ap, fmt);
    int rc = fg_diag_vadd(diags, FG_ERROR, code, file, line, 0, FG_NO_OFFSET,
                          fmt, ap);
    va_end(ap);
    return rc;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Claims id for a new document: *fresh is 0 when it was seen before.
 * Open addressing over the hashes; 0 marks an empty slot. */
static int claim_id(fg_input *in, const char *id, int *fresh)
{
    uint64_t h = XXH3_64bits(id, strlen(id));
    if (h == 0)
        h = 1;
    if ((in->n_ids + 1) * 2 > in->ids_cap) {
        size_t cap = in->ids_cap ? in->ids_cap * 2 : 1024;
        uint64_t *ids = fg_calloc(cap, sizeof *ids);
        if (ids == NULL)
            return FG_ENOMEM;
        for (size_t i = 0; i < in->ids_cap; i++) {
            if (in->ids[i] == 0)
                continue;
            size_t k = (size_t)in->ids[i] & (cap - 1);
            while (ids[k])
                k = (k + 1) & (cap - 1);
            ids[k] = in->ids[i];
        }
        fg_free(in->ids);
        in->ids = ids;
        in->ids_cap = cap;
    }
    size_t k = (size_t)h & (in->ids_cap - 1);
    while (in->ids[k] && in->ids[k] != h)
        k = (k + 1) & (in->ids_cap - 1);
    *fresh = in->ids[k] == 0;
    if (*fresh) {
        in->ids[k] = h;
        in->n_ids++;
    }
    return 0;
}

/* Hands out a document unless its id was seen before. */
static int deliver(fg_input *in, fg_doc *doc, fg_doc **out,
                   fg_diag_list *diags)
{
    int fresh, rc = claim_id(in, doc->id, &fresh);
    if (rc < 0) {
        fg_doc_free(doc);
        return rc;
    }
    if (!fresh) {
        rc = fail_doc(in, diags, FG_EDUP, fg_doc_file(doc), doc->line,
                      "duplicate document id '%s': document skipped",
                      doc->id);
        fg_doc_free(doc);
        return rc;
    }
    in->n_read++;
    *out = doc;
    return 0;
}

static int strcmp_dirent(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int not_hidden(const struct dirent *e) { return e->d_name[0] != '.'; }

/* Pushes the entries of directory p (sorted, hidden ones skipped) so that
 * the first is on top. */
static int expand_dir(fg_input *in, const pending *p, const struct stat *st,
                      fg_diag_list *diags)
{
    if (p->depth >= FG_MAX_DIR_DEPTH)
        return fg_diag_add(diags, FG_WARNING, FG_ELIMIT, p->path, 0, 0,
                           FG_NO_OFFSET,
                           "directory nested more than %d deep: skipped",
                           FG_MAX_DIR_DEPTH);
    for (int k = 0; k < p->depth; k++)
        if (in->ancestors[k].dev == st->st_dev &&
            in->ancestors[k].ino == st->st_ino)
            return fg_diag_add(diags, FG_WARNING, FG_EINVAL, p->path, 0, 0,
                               FG_NO_OFFSET,
                               "symbolic link loop: directory skipped");
    in->ancestors[p->depth] = (dir_id){st->st_dev, st->st_ino};

    struct dirent **list = NULL;
    int n = scandir(p->path, &list, not_hidden, strcmp_dirent);
    if (n < 0)
        return fg_diag_add(diags, FG_ERROR, FG_EIO, p->path, 0, 0,
                           FG_NO_OFFSET, "cannot read directory: %s",
                           strerror(errno)) < 0
                   ? FG_ENOMEM
                   : (in->n_failed++, 0);
    int rc = 0;
    fg_buf path, id;
    fg_buf_init(&path, 1 << 16);
    fg_buf_init(&id, 1 << 16);
    for (int i = n - 1; i >= 0 && rc == 0; i--) {
        const char *name = list[i]->d_name;
        fg_buf_reset(&path);
        fg_buf_reset(&id);
        const char *sep = has_suffix(p->path, "/") ? "" : "/";
        if ((rc = fg_buf_printf(&path, "%s%s%s", p->path, sep, name)) < 0)
            break;
        if (p->depth == 0)
            rc = fg_buf_adds(&id, name);
        else
            rc = fg_buf_printf(&id, "%s/%s", p->id, name);
        if (rc < 0)
            break;
        rc = push(&in->stack, &in->n_stack, &in->stack_cap, path.data, id.data,
                  p->depth + 1);
    }
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);
    fg_buf_clear(&path);
    fg_buf_clear(&id);
    if (rc == FG_ELIMIT) /* a path longer than 64 KiB */
        return fg_diag_add(diags, FG_ERROR, FG_ELIMIT, p->path, 0, 0,
                           FG_NO_OFFSET, "path too long");
    return rc;
}

/* Whether name (of n bytes) ends in suffix, ignoring ASCII case. */
static int has_suffix_n(const char *name, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return n >= m && strncasecmp(name + n - m, suffix, m) == 0;
}

/* How a path is read: as --input-format says, else by its name without
 * a .gz ending, else (stdin) by its first bytes, looked at in the first
 * chunk without consuming anything. */
static fg_input_format format_of(const fg_input *in, const char *path,
                                 reader *r)
{
    if (in->format != FG_INPUT_AUTO)
        return in->format;
    if (strcmp(path, "-") != 0) {
        size_t n = strlen(path);
        if (has_suffix_n(path, n, ".gz"))
            n -= 3;
        if (has_suffix_n(path, n, ".jsonl") || has_suffix_n(path, n, ".ndjson"))
            return FG_INPUT_JSONL;
        if (has_suffix_n(path, n, ".html") || has_suffix_n(path, n, ".htm") ||
            has_suffix_n(path, n, ".xhtml"))
            return FG_INPUT_HTML;
        return FG_INPUT_TEXT;
    }
    if (r->pos == r->len && reader_fill(r) < 0)
        return FG_INPUT_TEXT; /* the error shows when the text is read */
    size_t i = r->pos;
    if (r->len - i >= 3 && memcmp(r->chunk + i, "\xEF\xBB\xBF", 3) == 0)
        i += 3; /* a byte order mark */
    while (i < r->len && ascii_space(r->chunk[i]))
        i++;
    const char *s = r->chunk + i;
    size_t left = r->len - i;
    if (left && s[0] == '{')
        return FG_INPUT_JSONL;
    if ((left >= 14 && strncasecmp(s, "<!doctype html", 14) == 0) ||
        (left >= 5 && strncasecmp(s, "<html", 5) == 0))
        return FG_INPUT_HTML;
    return FG_INPUT_TEXT;
}

/* Reads everything left of r into buf (limited to a document's size).
 * Returns 1 with the bytes in buf; 0 after reporting why not (the
 * document counted as failed, buf cleared); or FG_ENOMEM. */
static int read_whole(fg_input *in, const pending *p, reader *r, fg_buf *buf,
                      fg_diag_list *diags)
{
    fg_buf_init(buf, FG_MAX_DOC_BYTES);
    int rc = reader_all(r, buf);
    if (rc == 0 && buf->data == NULL)
        rc = fg_buf_add(buf, "", 0);
    if (rc == 0)
        return 1;
    fg_buf_clear(buf);
    if (rc == FG_ELIMIT)
        rc = fail_doc(in, diags, FG_ELIMIT, p->path, 0,
                      "document larger than the limit of %s%s: skipped",
                      "64 MiB", r->gz ? " when decompressed" : "");
    else if (rc == FG_EDATA)
        rc = fail_doc(in, diags, FG_EDATA, p->path, 0,
                      "not valid gzip data (%s): skipped", r->why);
    else if (rc == FG_EIO)
        rc = fail_doc(in, diags, FG_EIO, p->path, 0, "read error: %s",
                      strerror(errno));
    return rc < 0 ? rc : 0;
}

/* Reads a whole text document from r. */
static int read_text(fg_input *in, const pending *p, reader *r, fg_doc **out,
                     fg_diag_list *diags)
{
    fg_buf buf;
    int rc = read_whole(in, p, r, &buf, diags);
    if (rc <= 0)
        return rc;
    size_t len;
    char *bytes = fg_buf_steal(&buf, &len);
    fg_doc *doc;
    if ((rc = doc_adopt(&doc, p->id, bytes, len)) < 0)
        return rc;
    if ((rc = fg_doc_set_origin(doc, p->path, 0)) < 0) {
        fg_doc_free(doc);
        return rc;
    }
    return deliver(in, doc, out, diags);
}

/* Reads an HTML page from r: a document of its main text, with its
 * title, date and URL as metadata. */
static int read_html(fg_input *in, const pending *p, reader *r, fg_doc **out,
                     fg_diag_list *diags)
{
    fg_buf buf;
    int rc = read_whole(in, p, r, &buf, diags);
    if (rc <= 0)
        return rc;
    fg_html_page page;
    rc = fg_input_parse_html(&page, buf.data, buf.len, FG_MAX_DOC_BYTES,
                             p->path, diags);
    fg_buf_clear(&buf);
    if (rc == FG_EDATA || rc == FG_ELIMIT) {
        in->n_failed++; /* reported already */
        return 0;
    }
    if (rc < 0)
        return rc;
    fg_doc *doc;
    rc = doc_adopt(&doc, p->id, page.text, page.len);
    page.text = NULL; /* the document's now, or freed */
    if (rc == 0 && ((rc = fg_doc_set_origin(doc, p->path, 0)) < 0 ||
                    (rc = fg_doc_set_date(doc, page.date)) < 0 ||
                    (rc = fg_doc_set_title(doc, page.title)) < 0 ||
                    (rc = fg_doc_set_source(doc, page.url)) < 0))
        fg_doc_free(doc);
    fg_html_page_clear(&page);
    return rc < 0 ? rc : deliver(in, doc, out, diags);
}

/* A JSON member as a string: *out is NULL when absent or null. Returns 0,
 * or -1 when it has another type. */
static int json_string(json_object *obj, const char *key, const char **out,
                       size_t *len_out)
{
    json_object *v;
    *out = NULL;
    if (!json_object_object_get_ex(obj, key, &v) || v == NULL)
        return 0;
    if (!json_object_is_type(v, json_type_string))
        return -1;
    *out = json_object_get_string(v);
    if (len_out)
        *len_out = (size_t)json_object_get_string_len(v);
    return 0;
}

/* Makes a document of one JSON line; *out stays NULL for a line that is
 * blank or reported as bad. */
static int parse_jsonl(fg_input *in, fg_doc **out, fg_diag_list *diags)
{
    const char *file = in->jsonl_file;
    unsigned long lineno = in->jsonl_line;
    const char *s = in->line.data ? in->line.data : "";
    size_t len = in->line.len;
    while (len && (s[len - 1] == '\r' || s[len - 1] == ' ' ||
                   s[len - 1] == '\t'))
        len--;
    size_t lead = 0;
    while (lead < len && (s[lead] == ' ' || s[lead] == '\t'))
        lead++;
    if (lead == len)
        return 0; /* blank lines separate nothing and are skipped */

    json_tokener_reset(in->tokener);
    json_object *obj = json_tokener_parse_ex(in->tokener, s + lead,
                                             (int)(len - lead));
    enum json_tokener_error jerr = json_tokener_get_error(in->tokener);
    int rc = 0;
    if (obj == NULL || jerr != json_tokener_success ||
        json_tokener_get_parse_end(in->tokener) != len - lead) {
        const char *why = obj == NULL || jerr != json_tokener_success
                              ? json_tokener_error_desc(
                                    jerr == json_tokener_continue
                                        ? json_tokener_error_parse_eof
                                        : jerr)
                              : "text after the JSON value";
        unsigned long col =
            (unsigned long)(lead + json_tokener_get_parse_end(in->tokener)) + 1;
        in->n_failed++;
        rc = fg_diag_add(diags, FG_ERROR, FG_EDATA, file, lineno, col,
                         FG_NO_OFFSET, "malformed JSON line skipped: %s", why);
        goto done;
    }
    if (!json_object_is_type(obj, json_type_object)) {
        rc = fail_doc(in, diags, FG_EDATA, file, lineno,
                      "JSON line skipped: %s", "not an object");
        goto done;
    }

    const char *text, *id, *date, *title, *source;
    size_t text_len = 0;
    if (json_string(obj, "text", &text, &text_len) < 0 || text == NULL) {
        rc = fail_doc(in, diags, FG_EDATA, file, lineno,
                      "JSON line skipped: %s",
                      "no \"text\" member with a string");
        goto done;
    }
    if (text_len > FG_MAX_DOC_BYTES) {
        rc = fail_doc(in, diags, FG_ELIMIT, file, lineno,
                      "document larger than the limit of %s: skipped",
                      "64 MiB");
        goto done;
    }
    size_t id_len = 0;
    if (json_string(obj, "id", &id, &id_len) < 0 || (id && id_len == 0) ||
        (id && strlen(id) != id_len)) {
        /* An id with a NUL ("\u0000") would be cut short by every C
         * caller, and two such ids could meet: it is refused. */
        rc = fail_doc(in, diags, FG_EDATA, file, lineno,
                      "JSON line skipped: %s",
                      "\"id\" is not a non-empty string without NUL");
        goto done;
    }
    /* Optional metadata of the wrong type is ignored with a warning. A
     * date-time ("2024-02-29T10:00:00Z", "2024-02-29 10:00") gives its
     * day: the document date is a day. */
    char day[11];
    int wrong_type = json_string(obj, "date", &date, NULL) < 0;
    if (date && strlen(date) > 10 && (date[10] == 'T' || date[10] == ' ')) {
        memcpy(day, date, 10);
        day[10] = '\0';
        date = day;
    }
    if (wrong_type || (date && !fg_input_valid_date(date))) {
        rc = fg_diag_add(diags, FG_WARNING, FG_EDATA, file, lineno, 0,
                         FG_NO_OFFSET,
                         "\"date\" is not a date YYYY-MM-DD (or a date-time): ignored");
        date = NULL;
        if (rc < 0)
            goto done;
    }
    if (json_string(obj, "title", &title, NULL) < 0)
        title = NULL;
    if (json_string(obj, "source", &source, NULL) < 0)
        source = NULL;

    fg_buf idbuf;
    fg_buf_init(&idbuf, 1 << 16);
    if (id == NULL &&
        fg_buf_printf(&idbuf, "%s:%lu", in->jsonl_name, lineno) < 0) {
        fg_buf_clear(&idbuf);
        rc = FG_ENOMEM;
        goto done;
    }
    fg_doc *doc;
    rc = fg_doc_new(&doc, id ? id : idbuf.data, text, text_len);
    fg_buf_clear(&idbuf);
    if (rc < 0)
        goto done;
    if ((rc = fg_doc_set_origin(doc, file, lineno)) < 0 ||
        (rc = fg_doc_set_date(doc, date)) < 0 ||
        (rc = fg_doc_set_title(doc, title)) < 0 ||
        (rc = fg_doc_set_source(doc, source)) < 0) {
        fg_doc_free(doc);
        goto done;
    }
    rc = deliver(in, doc, out, diags);
done:
    json_object_put(obj);
    return rc < 0 ? rc : 0;
}

/* The next document of the open JSON Lines stream, or none at its end. */
static int next_jsonl(fg_input *in, fg_doc **out, fg_diag_list *diags)
{
    while (*out == NULL && in->jsonl_open) {
        int rc = reader_line(&in->jr, &in->line);
        if (rc == 0) {
            close_jsonl(in);
            break;
        }
        in->jsonl_line++;
        if (rc == FG_ELIMIT) {
            in->n_failed++;
            rc = fg_diag_add(diags, FG_ERROR, FG_ELIMIT, in->jsonl_file,
                             in->jsonl_line, 0, FG_NO_OFFSET,
                             "JSON line longer than the limit of 128 MiB: "
                             "skipped");
        } else if (rc == FG_EIO) {
            in->n_failed++;
            rc = fg_diag_add(diags, FG_ERROR, FG_EIO, in->jsonl_file,
                             in->jsonl_line, 0, FG_NO_OFFSET,
                             "read error: %s; the rest of the file is "
                             "not read",
                             strerror(errno));
            close_jsonl(in);
        } else if (rc == FG_EDATA) {
            in->n_failed++;
            rc = fg_diag_add(diags, FG_ERROR, FG_EDATA, in->jsonl_file,
                             in->jsonl_line, 0, FG_NO_OFFSET,
                             "not valid gzip data (%s); the rest of the "
                             "file is not read",
                             in->jr.why);
            close_jsonl(in);
        } else if (rc > 0) {
            rc = parse_jsonl(in, out, diags);
        }
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Opens p: expands a directory, starts a JSON Lines stream, or reads a
 * text document into *out. */
static int open_pending(fg_input *in, const pending *p, fg_doc **out,
                        fg_diag_list *diags)
{
    int is_stdin = strcmp(p->path, "-") == 0 && p->depth == 0;
    int fd = STDIN_FILENO;
    struct stat st;
    if (!is_stdin) {
        fd = open(p->path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            int err = errno;
            if (err == ELOOP && p->depth > 0)
                return fg_diag_add(diags, FG_WARNING, FG_EINVAL, p->path, 0,
                                   0, FG_NO_OFFSET,
                                   "symbolic link loop: skipped");
            return fail_doc(in, diags, FG_EIO, p->path, 0, "cannot open: %s",
                            strerror(err));
        }
        if (fstat(fd, &st) < 0) {
            int err = errno;
            close(fd);
            return fail_doc(in, diags, FG_EIO, p->path, 0, "cannot stat: %s",
                            strerror(err));
        }
        if (S_ISDIR(st.st_mode)) {
            close(fd);
            return expand_dir(in, p, &st, diags);
        }
        if (p->depth > 0 && !S_ISREG(st.st_mode)) {
            close(fd);
            return fg_diag_add(diags, FG_WARNING, FG_EINVAL, p->path, 0, 0,
                               FG_NO_OFFSET, "not a regular file: skipped");
        }
    }
    if (in->skip_fn && in->skip_fn(in->skip_ctx, p->path, p->id)) {
        if (!is_stdin) {
            close(fd);
            in->bytes_read += S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
        }
        in->n_skipped++;
        return 0;
    }
    reader r = {.fd = fd, .chunk = in->chunk, .raw = &in->bytes_read};
    int rc = reader_start(&r);
    if (rc == FG_EIO) {
        int err = errno;
        if (!is_stdin)
            close(fd);
        return fail_doc(in, diags, FG_EIO, p->path, 0, "read error: %s",
                        strerror(err));
    }
    if (rc < 0) {
        if (!is_stdin)
            close(fd);
        return rc;
    }
    fg_input_format format = format_of(in, p->path, &r);
    if (format == FG_INPUT_JSONL) {
        in->jr = r;
        in->jsonl_file = fg_strdup(p->path);
        in->jsonl_name = fg_strdup(p->id);
        if (in->jsonl_file == NULL || in->jsonl_name == NULL) {
            fg_free(in->jsonl_file);
            fg_free(in->jsonl_name);
            in->jsonl_file = in->jsonl_name = NULL;
            reader_end(&r);
            if (!is_stdin)
                close(fd);
            return FG_ENOMEM;
        }
        in->jsonl_line = 0;
        in->jsonl_open = 1;
        return next_jsonl(in, out, diags);
    }
    if (format == FG_INPUT_HTML)
        rc = read_html(in, p, &r, out, diags);
    else
        rc = read_text(in, p, &r, out, diags);
    reader_end(&r);
    if (!is_stdin)
        close(fd);
    return rc;
}

int fg_input_next(fg_input *in, fg_doc **out, fg_diag_list *diags)
{
    *out = NULL;
    for (;;) {
        int rc = next_jsonl(in, out, diags);
        if (rc < 0 || *out)
            return rc;
        pending p;
        if (in->n_stack)
            p = in->stack[--in->n_stack];
        else if (in->next_arg < in->n_args)
            p = in->args[in->next_arg++];
        else
            return 0;
        rc = open_pending(in, &p, out, diags);
        pending_clear(&p);
        if (rc < 0 || *out)
            return rc;
    }
}
