/* input: documents from files, directories, stdin and JSON Lines.
 *
 * An fg_input is a queue of paths. fg_input_next takes the next one
 * apart lazily: a directory becomes its sorted entries (pushed on a stack
 * so that the walk is depth-first and in order), a JSON Lines file stays
 * open and yields one document per line, anything else is one text
 * document. Memory is bounded by the limits in factgraph.h: one document
 * or one JSON line at a time. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

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
/* Reading lines and whole streams with a limit                        */

typedef struct reader {
    int fd;
    int eof;
    char *chunk;
    size_t pos, len; /* unread bytes: chunk[pos..len) */
} reader;

static int reader_fill(reader *r)
{
    if (r->eof)
        return 0;
    ssize_t n;
    do
        n = read(r->fd, r->chunk, CHUNK);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return FG_EIO;
    r->pos = 0;
    r->len = (size_t)n;
    if (n == 0)
        r->eof = 1;
    return 0;
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
    return push(&in->args, &in->n_args, &in->args_cap, path, id, 0);
}

size_t fg_input_count_read(const fg_input *in) { return in->n_read; }
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

/* Whether a path is read as JSON Lines. */
static int is_jsonl(const fg_input *in, const char *path, reader *r)
{
    if (in->format != FG_INPUT_AUTO)
        return in->format == FG_INPUT_JSONL;
    if (strcmp(path, "-") != 0)
        return has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson");
    /* stdin: look at the first byte that is not whitespace in the first
     * chunk, without consuming anything. */
    if (r->pos == r->len && reader_fill(r) < 0)
        return 0;
    for (size_t i = r->pos; i < r->len; i++) {
        char c = r->chunk[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return c == '{';
    }
    return 0;
}

/* Reads a whole text document from r. */
static int read_text(fg_input *in, const pending *p, reader *r, fg_doc **out,
                     fg_diag_list *diags)
{
    fg_buf buf;
    fg_buf_init(&buf, FG_MAX_DOC_BYTES);
    int rc = reader_all(r, &buf);
    if (rc == FG_ELIMIT) {
        fg_buf_clear(&buf);
        return fail_doc(in, diags, FG_ELIMIT, p->path, 0,
                        "document larger than the limit of %s: skipped",
                        "64 MiB");
    }
    if (rc == FG_EIO) {
        fg_buf_clear(&buf);
        return fail_doc(in, diags, FG_EIO, p->path, 0, "read error: %s",
                        strerror(errno));
    }
    if (rc < 0) {
        fg_buf_clear(&buf);
        return rc;
    }
    if (buf.data == NULL && fg_buf_add(&buf, "", 0) < 0)
        return FG_ENOMEM;
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
    reader r = {.fd = fd, .chunk = in->chunk};
    if (is_jsonl(in, p->path, &r)) {
        in->jr = r;
        in->jsonl_file = fg_strdup(p->path);
        in->jsonl_name = fg_strdup(p->id);
        if (in->jsonl_file == NULL || in->jsonl_name == NULL) {
            fg_free(in->jsonl_file);
            fg_free(in->jsonl_name);
            in->jsonl_file = in->jsonl_name = NULL;
            if (!is_stdin)
                close(fd);
            return FG_ENOMEM;
        }
        in->jsonl_line = 0;
        in->jsonl_open = 1;
        return next_jsonl(in, out, diags);
    }
    int rc = read_text(in, p, &r, out, diags);
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
