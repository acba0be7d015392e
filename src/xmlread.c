/* xmlread: see xmlread.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "alloc.h"
#include "arena.h"
#include "diag.h"
#include "xmlread.h"

#define SCRATCH_BLOCK (64 * 1024)

const char *fg_xnode_attr(const fg_xnode *x, const char *name)
{
    for (size_t i = 0; i < x->n_attrs; i++)
        if (strcmp(x->attrs[i].name, name) == 0)
            return x->attrs[i].value;
    return NULL;
}

int fg_xnode_is(const fg_xnode *x, const char *name)
{
    return strcmp(x->name, name) == 0;
}

/* ------------------------------------------------------------------ */
/* The bytes: size, digest, and the prolog scanner                     */

/* Where the prolog scanner is: before the root element, a "<!" that
 * does not open a comment is a DOCTYPE. */
typedef enum {
    PRO_TEXT, PRO_LT, PRO_PI, PRO_PI_Q, PRO_BANG, PRO_BANG_DASH,
    PRO_COMMENT, PRO_C1, PRO_C2, PRO_DONE
} prolog_state;

typedef struct io_ctx {
    FILE *fp;
    size_t total;
    fg_digest *digest;
    int too_large;
    prolog_state prolog;
    int doctype;         /* a DOCTYPE was found at this line */
    int not_utf8;        /* a declaration or BOM of another encoding */
    unsigned long line;
    char decl[256];      /* the start of the first processing instruction */
    size_t decl_len;
} io_ctx;

/* Whether the XML declaration in decl names an encoding other than
 * UTF-8. */
static int other_encoding(const char *decl, size_t len)
{
    if (len < 3 || memcmp(decl, "xml", 3) != 0)
        return 0;
    const char *e = NULL;
    for (size_t i = 3; i + 8 <= len && !e; i++)
        if (memcmp(decl + i, "encoding", 8) == 0)
            e = decl + i + 8;
    if (e == NULL)
        return 0;
    const char *end = decl + len;
    while (e < end && (*e == ' ' || *e == '=' || *e == '\t' || *e == '\n' ||
                       *e == '\r'))
        e++;
    if (e >= end || (*e != '"' && *e != '\''))
        return 0; /* malformed: the parser says so */
    char q = *e++;
    const char *v = e;
    while (e < end && *e != q)
        e++;
    size_t n = (size_t)(e - v);
    return !((n == 5 && strncasecmp(v, "UTF-8", 5) == 0) ||
             (n == 4 && strncasecmp(v, "UTF8", 4) == 0));
}

/* Advances the prolog scanner over buf; 1 when it finds a DOCTYPE or
 * another encoding than UTF-8 (then io says which). */
static int scan_prolog(io_ctx *io, const char *buf, size_t n)
{
    if (io->total == n && n >= 2) {
        /* A UTF-16 or UTF-32 byte order mark, or a NUL in the first
         * bytes: another encoding. */
        const unsigned char *u = (const unsigned char *)buf;
        if ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE) ||
            u[0] == 0 || u[1] == 0) {
            io->not_utf8 = 1;
            return 1;
        }
    }
    for (size_t i = 0; i < n && io->prolog != PRO_DONE; i++) {
        char c = buf[i];
        io->line += c == '\n';
        switch (io->prolog) {
        case PRO_TEXT: io->prolog = c == '<' ? PRO_LT : PRO_TEXT; break;
        case PRO_LT:
            io->prolog = c == '?' ? PRO_PI : c == '!' ? PRO_BANG : PRO_DONE;
            break;
        case PRO_PI:
            if (c == '?')
                io->prolog = PRO_PI_Q;
            else if (io->decl_len < sizeof io->decl)
                io->decl[io->decl_len++] = c;
            break;
        case PRO_PI_Q:
            if (c == '>' && other_encoding(io->decl, io->decl_len)) {
                io->not_utf8 = 1;
                return 1;
            }
            if (c == '>')
                io->decl_len = sizeof io->decl; /* only the first PI */
            else if (io->decl_len < sizeof io->decl)
                io->decl[io->decl_len++] = '?';
            io->prolog = c == '>' ? PRO_TEXT : c == '?' ? PRO_PI_Q : PRO_PI;
            break;
        case PRO_BANG:
        case PRO_BANG_DASH:
            if (c != '-') {
                io->doctype = 1;
                return 1;
            }
            io->prolog = io->prolog == PRO_BANG ? PRO_BANG_DASH : PRO_COMMENT;
            break;
        case PRO_COMMENT: io->prolog = c == '-' ? PRO_C1 : PRO_COMMENT; break;
        case PRO_C1: io->prolog = c == '-' ? PRO_C2 : PRO_COMMENT; break;
        case PRO_C2:
            io->prolog = c == '>' ? PRO_TEXT : c == '-' ? PRO_C2 : PRO_COMMENT;
            break;
        case PRO_DONE: break;
        }
    }
    return 0;
}

static int io_read(void *data, char *buf, int len)
{
    io_ctx *io = data;
    if (io->doctype || io->not_utf8)
        return -1;
    size_t n = fread(buf, 1, (size_t)len, io->fp);
    if (n == 0 && ferror(io->fp))
        return -1;
    io->total += n;
    if (io->total > FG_MAX_XML_FILE_BYTES) {
        io->too_large = 1;
        return -1;
    }
    if (scan_prolog(io, buf, n))
        return -1;
    fg_digest_update(io->digest, buf, n);
    return (int)n;
}

static int io_close(void *data)
{
    (void)data;
    return 0;
}


/* ------------------------------------------------------------------ */
/* The reader                                                          */

struct fg_xml_file {
    const fg_xml_source *src;
    const char *path;
    fg_diag_list *diags;
    fg_diag_list *schema_diags;
    int *errors;
    int nomem;
    io_ctx io;
    fg_arena scratch;  /* the top-level element being read */
    fg_xnode **texts;  /* nodes whose text buffer must be freed */
    size_t n_texts, cap_texts;
    unsigned long *err_lines; /* where the caller reported problems */
    size_t n_err_lines, cap_err_lines;
    unsigned long text_line; /* the line of the last text node read */
};

/* The line of the reader's current node. libxml2 keeps an element's line
 * in 16 bits: from line 65535 on, xmlGetLineNo says 65535 even with
 * XML_PARSE_BIG_LINES, which stores the full line of text nodes only.
 * The whitespace before an element ends on its line, so a capped line is
 * taken from the last text node read. */
static unsigned long node_line(const fg_xml_file *f, xmlTextReaderPtr r)
{
    xmlNodePtr node = xmlTextReaderCurrentNode(r);
    unsigned long line = node ? (unsigned long)xmlGetLineNo(node) : 0;
    return line >= 65535 && f->text_line > line ? f->text_line : line;
}

const char *fg_xml_file_path(const fg_xml_file *f) { return f->path; }

void fg_xml_file_note_error(fg_xml_file *f, unsigned long line)
{
    if (fg_grow((void **)&f->err_lines, &f->cap_err_lines, f->n_err_lines + 1,
                sizeof *f->err_lines) == 0)
        f->err_lines[f->n_err_lines++] = line;
}

static void report(fg_xml_file *f, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void report(fg_xml_file *f, unsigned long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (fg_diag_vadd(f->diags, FG_ERROR, FG_EDATA, f->path, line, 0,
                     FG_NO_OFFSET, fmt, ap) < 0)
        f->nomem = 1;
    va_end(ap);
    ++*f->errors;
}

/* libxml2 reports here, per reader: schema errors are kept apart. */
static void on_xml_error(void *data, xmlErrorPtr e)
{
    fg_xml_file *f = data;
    if (e == NULL || e->level < XML_ERR_ERROR)
        return;
    if (f->io.doctype || f->io.not_utf8 || f->io.too_large)
        return; /* we stopped the reading, and say why */
    char msg[512];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    for (char *p = msg; *p; p++) /* a diagnostic is one line */
        if (*p == '\n')
            *p = ' ';
    int schema = e->domain == XML_FROM_RELAXNGV;
    fg_diag_list *to = schema ? f->schema_diags : f->diags;
    if (fg_diag_add(to, FG_ERROR, FG_EDATA, f->path, (unsigned long)e->line,
                    schema ? 0 : (unsigned long)(e->int2 > 0 ? e->int2 : 0),
                    FG_NO_OFFSET, "%s%s", schema ? "schema: " : "", msg) < 0)
        f->nomem = 1;
    if (!schema)
        ++*f->errors;
}

static fg_xnode *xnode_new(fg_xml_file *f, xmlTextReaderPtr r,
                           fg_xnode *parent)
{
    fg_arena *a = &f->scratch;
    fg_xnode *x = fg_arena_alloc(a, sizeof *x);
    if (x == NULL)
        return NULL;
    memset(x, 0, sizeof *x);
    fg_buf_init(&x->text, FG_MAX_XML_FILE_BYTES);
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
    const xmlChar *name = xmlTextReaderConstLocalName(r);
    x->ns = ns ? fg_arena_strndup(a, (const char *)ns,
                                  strlen((const char *)ns))
               : "";
    x->name = fg_arena_strndup(a, (const char *)name,
                               strlen((const char *)name));
    x->line = node_line(f, r);
    x->parent = parent;
    if (x->ns == NULL || x->name == NULL)
        return NULL;
    int n = xmlTextReaderAttributeCount(r);
    if (n > 0) {
        x->attrs = fg_arena_alloc(a, (size_t)n * sizeof *x->attrs);
        if (x->attrs == NULL)
            return NULL;
        while (xmlTextReaderMoveToNextAttribute(r) == 1) {
            if (xmlTextReaderIsNamespaceDecl(r) == 1)
                continue;
            const char *an = (const char *)xmlTextReaderConstLocalName(r);
            const char *av = (const char *)xmlTextReaderConstValue(r);
            fg_xattr *at = &x->attrs[x->n_attrs++];
            at->name = fg_arena_strndup(a, an, strlen(an));
            at->value = fg_arena_strndup(a, av ? av : "", av ? strlen(av) : 0);
            if (at->name == NULL || at->value == NULL)
                return NULL;
        }
        xmlTextReaderMoveToElement(r);
    }
    if (fg_grow((void **)&f->texts, &f->cap_texts, f->n_texts + 1,
                sizeof *f->texts) < 0)
        return NULL;
    f->texts[f->n_texts++] = x;
    if (parent) {
        if (parent->last)
            parent->last->next = x;
        else
            parent->child = x;
        parent->last = x;
    }
    return x;
}

/* Frees the nodes read since mark (an index into f->texts). */
static void scratch_reset(fg_xml_file *f, size_t mark)
{
    for (size_t i = mark; i < f->n_texts; i++)
        fg_buf_clear(&f->texts[i]->text);
    f->n_texts = mark;
    if (mark == 0)
        fg_arena_reset(&f->scratch);
}

/* Moves the first schema error into the diagnostics, unless the caller's
 * clearer message already points at the same line. */
static int merge_schema_errors(fg_xml_file *f)
{
    size_t n = fg_diag_list_count(f->schema_diags);
    for (size_t i = 0; i < n; i++) {
        const fg_diag *d = fg_diag_list_get(f->schema_diags, i);
        int dup = 0;
        for (size_t k = 0; k < f->n_err_lines; k++)
            dup |= f->err_lines[k] == d->line || d->line == 0;
        if (dup)
            continue;
        /* After the first, the validator's errors mostly follow from it. */
        if (fg_diag_add(f->diags, FG_ERROR, FG_EDATA, d->file, d->line, 0,
                        FG_NO_OFFSET, "%s%s", d->message,
                        i + 1 < n ? " (further schema errors not shown)"
                                  : "") < 0)
            return FG_ENOMEM;
        ++*f->errors;
        break;
    }
    return 0;
}

/* Whether the reader's current element is an allowed root; else says
 * which roots were expected. */
static int check_root(fg_xml_file *f, xmlTextReaderPtr r)
{
    const fg_xml_source *src = f->src;
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
    const xmlChar *nm = xmlTextReaderConstLocalName(r);
    int ok = 0;
    for (size_t i = 0; src->roots[i] && !ok; i++)
        ok = ns && strcmp((const char *)ns, src->ns) == 0 &&
             strcmp((const char *)nm, src->roots[i]) == 0;
    if (ok)
        return 1;
    char want[256] = "";
    size_t len = 0;
    for (size_t i = 0; src->roots[i]; i++)
        len += (size_t)snprintf(want + len, sizeof want - len, "%s<%s>",
                                i == 0 ? "" : src->roots[i + 1] ? ", " : " or ",
                                src->roots[i]);
    report(f, node_line(f, r),
           "expected the root element %s in namespace %s", want, src->ns);
    return 0;
}

/* Reads the elements of the open reader r, calling back for each
 * top-level one. Returns 0, or a negative code that stops the file. */
static int read_elements(fg_xml_file *f, xmlTextReaderPtr r, int *ret_out)
{
    const fg_xml_source *src = f->src;
    fg_xnode *root = NULL, *top = NULL, *cur = NULL;
    size_t mark = 0; /* the root's node stays: the others are freed */
    int ret, rc = 0;
    while ((ret = xmlTextReaderRead(r)) == 1 && !f->nomem) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            f->io.doctype = 1; /* reported by the caller */
            break;
        }
        if (type == XML_READER_TYPE_ELEMENT) {
            int empty = xmlTextReaderIsEmptyElement(r) == 1;
            if (root == NULL) {
                if (!check_root(f, r))
                    break;
                if ((root = xnode_new(f, r, NULL)) == NULL) {
                    f->nomem = 1;
                    break;
                }
                mark = f->n_texts;
                rc = src->element(src->ctx, f, root, NULL);
                if (rc < 0 && rc != FG_EDATA)
                    break;
                continue;
            }
            fg_xnode *x = xnode_new(f, r, cur);
            if (x == NULL) {
                f->nomem = 1;
                break;
            }
            if (cur == NULL)
                top = x;
            if (!empty) {
                cur = x;
                continue;
            }
            if (cur != NULL)
                continue;
        } else if (type == XML_READER_TYPE_END_ELEMENT && cur) {
            cur = cur->parent;
            if (cur != NULL)
                continue;
        } else {
            int text = type == XML_READER_TYPE_TEXT ||
                       type == XML_READER_TYPE_CDATA ||
                       type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                       type == XML_READER_TYPE_WHITESPACE;
            if (text) {
                xmlNodePtr node = xmlTextReaderCurrentNode(r);
                long line = node ? xmlGetLineNo(node) : -1;
                if (line > 0)
                    f->text_line = (unsigned long)line;
            }
            if (cur && (type == XML_READER_TYPE_COMMENT ||
                        type == XML_READER_TYPE_PROCESSING_INSTRUCTION))
                cur->interrupted = 1;
            if (text && cur) {
                const char *v = (const char *)xmlTextReaderConstValue(r);
                if (v && fg_buf_adds(&cur->text, v) < 0) {
                    f->nomem = 1;
                    break;
                }
            }
            continue;
        }
        /* A top-level element is complete. */
        rc = src->element(src->ctx, f, root, top);
        scratch_reset(f, mark);
        top = NULL;
        if (rc < 0 && rc != FG_EDATA)
            break;
    }
    *ret_out = ret;
    return f->nomem ? FG_ENOMEM : rc == FG_EDATA ? 0 : rc;
}

int fg_xml_read(const fg_xml_source *src, const char *path,
                fg_diag_list *diags, int *errors)
{
    fg_xml_file f;
    memset(&f, 0, sizeof f);
    f.src = src;
    f.path = path;
    f.diags = diags;
    f.errors = errors;
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        report(&f, 0, "cannot open %s: %s", src->kind, strerror(errno));
        return f.nomem ? FG_ENOMEM : 0;
    }
    fg_digest_note_file(src->digest, path);
    f.io = (io_ctx){.fp = fp, .digest = src->digest, .prolog = PRO_TEXT,
                    .line = 1};
    fg_arena_init(&f.scratch, SCRATCH_BLOCK);
    int rc = fg_diag_list_new(&f.schema_diags);
    xmlTextReaderPtr r = NULL;
    if (rc < 0)
        goto done;
    rc = FG_ENOMEM;
    r = xmlReaderForIO(io_read, io_close, &f.io, path, NULL,
                       XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    if (r == NULL)
        goto done;
    xmlTextReaderSetStructuredErrorHandler(r, on_xml_error, &f);
    if (src->schema && xmlTextReaderRelaxNGSetSchema(r, src->schema) != 0)
        report(&f, 0, "cannot validate against the schema");
    int errors_before = *errors, ret = 0;
    rc = read_elements(&f, r, &ret);
    if (f.io.doctype)
        report(&f, f.io.line,
               "DOCTYPE is not allowed in %ss (no DTDs, no entities)",
               src->kind);
    else if (f.io.not_utf8)
        report(&f, f.io.line,
               "%ss must be UTF-8 (this one declares or starts as another "
               "encoding)",
               src->kind);
    else if (f.io.too_large)
        report(&f, 0, "%s larger than %zu bytes", src->kind,
               FG_MAX_XML_FILE_BYTES);
    else if (ret < 0 && *errors == errors_before)
        report(&f, 0, "cannot read %s", src->kind);
    if (!f.nomem && merge_schema_errors(&f) < 0)
        f.nomem = 1;
    if (f.nomem)
        rc = FG_ENOMEM;
done:
    if (r)
        xmlFreeTextReader(r);
    fclose(fp);
    scratch_reset(&f, 0);
    fg_free(f.texts);
    fg_free(f.err_lines);
    fg_arena_clear(&f.scratch);
    fg_diag_list_free(f.schema_diags);
    return rc;
}

/* ------------------------------------------------------------------ */
/* What the reader does not show                                       */

/* The largest file fg_xml_file_digest_is reads. */
#define MAX_DIGESTED_BYTES (1 << 20)

int fg_xml_attrs_ok(const fg_xnode *x, const char *ns,
                    const fg_xattr_rule *rules, const fg_xattr_rule *more,
                    fg_xvalue_fn value_ok)
{
    if (strcmp(x->ns, ns) != 0)
        return 0;
    const fg_xattr_rule *lists[2] = {rules, more};
    size_t required = 0, found = 0;
    for (int l = 0; l < 2; l++)
        for (size_t k = 0; lists[l] && lists[l][k].name; k++)
            required += (size_t)lists[l][k].required;
    for (size_t i = 0; i < x->n_attrs; i++) {
        const fg_xattr_rule *rule = NULL;
        const char *name = x->attrs[i].name;
        for (int l = 0; l < 2 && rule == NULL; l++)
            for (size_t k = 0; lists[l] && lists[l][k].name && rule == NULL;
                 k++)
                if (name[0] == lists[l][k].name[0] &&
                    strcmp(name, lists[l][k].name) == 0)
                    rule = &lists[l][k];
        if (rule == NULL || !value_ok(x->attrs[i].value, rule->kind,
                                      rule->values))
            return 0;
        found += (size_t)rule->required;
    }
    return found == required;
}

/* Skips s[i ..) past the end of the string end; n when it is missing. */
static size_t past(const char *s, size_t n, size_t i, const char *end)
{
    size_t m = strlen(end);
    for (; i + m <= n; i++)
        if (s[i] == end[0] && memcmp(s + i, end, m) == 0)
            return i + m;
    return n + 1;
}

/* See fg_xml_plain_file. Well-formed XML is read exactly; on anything
 * else the answer may be wrong either way, which is harmless, as libxml2
 * then reports the file as not well-formed. */
static int plain_xml(const char *s, size_t n, size_t comment_depth)
{
    size_t depth = 0, i = 0;
    while (i < n) {
        if (s[i] != '<') {
            if (depth >= 2) { /* text inside a child: the checks see it */
                const char *lt = memchr(s + i, '<', n - i);
                i = lt ? (size_t)(lt - s) : n;
            } else if (!fg_xml_is_space(s[i])) {
                return 0;
            } else {
                i++;
            }
            continue;
        }
        if (i + 1 < n && (s[i + 1] == '?' || s[i + 1] == '!')) {
            int pi = s[i + 1] == '?';
            if (depth > comment_depth || (!pi && (i + 3 >= n || s[i + 2] != '-' ||
                                       s[i + 3] != '-')))
                return 0;
            i = past(s, n, i + (pi ? 2 : 4), pi ? "?>" : "-->");
            continue;
        }
        if (i + 1 < n && s[i + 1] == '/') {
            if (depth == 0)
                return 0;
            depth--;
            const char *gt = memchr(s + i, '>', n - i);
            i = gt ? (size_t)(gt - s) + 1 : n + 1;
            continue;
        }
        /* A start tag: its name, then attributes up to > or />. Each
         * round takes an attribute or ends the tag. */
        i++;
        while (i < n && !fg_xml_is_space(s[i]) && s[i] != '>' && s[i] != '/')
            i++;
        while (i < n) {
            while (i < n && fg_xml_is_space(s[i]))
                i++;
            if (i >= n || s[i] == '>' ||
                (s[i] == '/' && i + 1 < n && s[i + 1] == '>'))
                break;
            size_t name = i;
            while (i < n && s[i] != '=' && !fg_xml_is_space(s[i]))
                i++;
            const char *colon = memchr(s + name, ':', i - name);
            if (colon && !(colon - (s + name) == 5 &&
                           memcmp(s + name, "xmlns", 5) == 0))
                return 0;
            while (i < n && (fg_xml_is_space(s[i]) || s[i] == '='))
                i++;
            if (i >= n || (s[i] != '"' && s[i] != '\''))
                return 0;
            const char *q = memchr(s + i + 1, s[i], n - i - 1);
            if (q == NULL)
                return 0;
            i = (size_t)(q - s) + 1;
        }
        if (i >= n)
            return 0;
        if (s[i] == '>') {
            depth++;
            i++;
        } else {
            i += 2;
        }
    }
    return i == n && depth == 0;
}

/* Mapped, not read: the bytes are in the page cache, and the reader
 * reads them again. */
int fg_xml_plain_file(const char *path, size_t comment_depth)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    int plain = 0;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
        (uint64_t)st.st_size <= FG_MAX_XML_FILE_BYTES) {
        size_t size = (size_t)st.st_size;
        void *p = size ? mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0)
                       : NULL;
        if (p != MAP_FAILED) {
            plain = plain_xml(p ? p : "", size, comment_depth);
            if (p)
                munmap(p, size);
        }
    }
    close(fd);
    return plain;
}

int fg_xml_file_digest_is(const char *path, uint64_t digest)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return 0;
    struct stat st;
    char *buf = NULL;
    size_t size = 0;
    if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
        st.st_size <= MAX_DIGESTED_BYTES) {
        size = (size_t)st.st_size;
        buf = fg_malloc(size + 1);
    }
    int known = buf && fread(buf, 1, size + 1, fp) == size &&
                XXH3_64bits(buf, size) == digest;
    fg_free(buf);
    fclose(fp);
    return known;
}

/* ------------------------------------------------------------------ */
/* Schemas                                                             */

typedef struct schema_ctx {
    const char *file;
    fg_diag_list *diags;
    int errors, nomem;
} schema_ctx;

static void on_schema_error(void *data, xmlErrorPtr e)
{
    schema_ctx *c = data;
    c->errors++;
    if (fg_diag_add(c->diags, FG_ERROR, FG_EDATA, c->file,
                    e ? (unsigned long)e->line : 0, 0, FG_NO_OFFSET,
                    "schema: %s",
                    e && e->message ? e->message : "invalid") < 0)
        c->nomem = 1;
}

int fg_xml_schema_load(void **out, const char *file, fg_diag_list *diags)
{
    schema_ctx c = {file, diags, 0, 0};
    xmlRelaxNGPtr schema = NULL;
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(file);
    if (pc) {
        xmlRelaxNGSetParserStructuredErrors(pc, on_schema_error, &c);
        schema = xmlRelaxNGParse(pc);
        xmlRelaxNGFreeParserCtxt(pc);
    }
    *out = schema;
    if (schema == NULL && c.errors == 0 &&
        fg_diag_add(diags, FG_ERROR, FG_EDATA, file, 0, 0, FG_NO_OFFSET,
                    "cannot load the schema") < 0)
        c.nomem = 1;
    if (schema && c.errors) {
        xmlRelaxNGFree(schema);
        *out = NULL;
    }
    return c.nomem ? FG_ENOMEM : *out ? 0 : FG_EDATA;
}

void fg_xml_schema_free(void *schema)
{
    if (schema)
        xmlRelaxNGFree(schema);
}
