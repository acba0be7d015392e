/* xmlread: reading factgraph's XML data files (rules, lexicons,
 * gazetteers) safely and in bounded memory.
 *
 * A file is read with libxml2's streaming reader (xmlTextReader), through
 * our own I/O callback that
 *  - refuses a DOCTYPE and any encoding other than UTF-8 on the bytes,
 *    before libxml2 sees them (the reader would parse a DOCTYPE and what
 *    follows it before it shows it, and it prints conversion errors
 *    instead of reporting them), so no DTD or entity is ever loaded;
 *  - caps the file's size (FG_MAX_XML_FILE_BYTES);
 *  - feeds every byte to a digest.
 * The file is validated against a RELAX NG schema as it is read; of the
 * validator's errors only the first is reported, unless the caller
 * already reported a clearer one at the same line. Each child of the
 * root element is built as a small tree (fg_xnode) and handed to a
 * callback, then freed: one top-level element is in memory at a time.
 * Everything is per reader: no process-wide libxml2 setting is touched.
 */
#ifndef FG_XMLREAD_H
#define FG_XMLREAD_H

#include <stddef.h>

#include "buf.h"
#include "cache.h"
#include "factgraph.h"

#define FG_MAX_XML_FILE_BYTES ((size_t)64 << 20)

typedef struct fg_xattr {
    const char *name, *value;
} fg_xattr;

/* An element: its local name and namespace ("" for none), its line, its
 * attributes, its text (the concatenation of its text children), whether
 * a comment or processing instruction came between its text children,
 * and its child elements. */
typedef struct fg_xnode {
    const char *name;
    const char *ns;
    unsigned long line;
    fg_xattr *attrs;
    size_t n_attrs;
    fg_buf text;
    int interrupted;
    struct fg_xnode *child, *last, *next, *parent;
} fg_xnode;

/* The value of attribute name, or NULL. */
const char *fg_xnode_attr(const fg_xnode *x, const char *name);
/* Whether x's local name is name. */
int fg_xnode_is(const fg_xnode *x, const char *name);

typedef struct fg_xml_file fg_xml_file;

/* Called with the root element (attributes only, no children) before
 * its first child, then with each child of the root. A negative return
 * other than FG_EDATA stops the reading with that code (FG_EDATA: the
 * callback reported a problem, and reading goes on). */
typedef int (*fg_xml_element_fn)(void *ctx, fg_xml_file *f,
                                 const fg_xnode *root, const fg_xnode *top);

typedef struct fg_xml_source {
    const char *ns;             /* the root's namespace */
    const char *const *roots;   /* allowed local names of the root, NULL-ended */
    const char *kind;           /* "rule file": for messages */
    void *schema;               /* an xmlRelaxNGPtr, or NULL */
    fg_digest *digest;          /* or NULL (cache.h) */
    fg_xml_element_fn element;
    void *ctx;
} fg_xml_source;

/* Reads the file at path. Problems are reported in diags, each counted
 * in *errors. Returns 0, or FG_ENOMEM or the callback's code. */
int fg_xml_read(const fg_xml_source *src, const char *path,
                fg_diag_list *diags, int *errors);

/* The file being read (its path as given to fg_xml_read). */
const char *fg_xml_file_path(const fg_xml_file *f);
/* Tells the reader that the caller reported a problem at line, so that
 * a schema error at the same line is not reported as well. */
void fg_xml_file_note_error(fg_xml_file *f, unsigned long line);

/* XML's white space, which is also \s in RELAX NG patterns. */
static inline int fg_xml_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* For loaders that check elements against their schema themselves: what
 * an attribute may be. kind and values mean what the loader's value
 * check (fg_xvalue_fn) says they mean. */
typedef struct fg_xattr_rule {
    const char *name; /* NULL ends a list */
    int kind;
    const char *const *values;
    int required;
} fg_xattr_rule;

/* Whether value is surely a valid value of kind (and values). */
typedef int (*fg_xvalue_fn)(const char *value, int kind,
                            const char *const *values);

/* Whether x is in namespace ns and has only attributes of the lists
 * rules and more (more may be NULL), each valid by value_ok, and all
 * the required ones. (No attribute appears twice: XML forbids it; names
 * with a prefix are what fg_xml_plain_file excludes.) */
int fg_xml_attrs_ok(const fg_xnode *x, const char *ns,
                    const fg_xattr_rule *rules, const fg_xattr_rule *more,
                    fg_xvalue_fn value_ok);

/* Whether the XML of the file at path is plain: no text outside the
 * children of its root but white space, no comment or processing
 * instruction deeper than comment_depth elements (1: directly in the
 * root; 2: in its children), no CDATA section, DOCTYPE or byte order
 * mark, and no attribute name with a prefix (other than xmlns:). Those
 * are what the element trees do not show: a loader that checks elements
 * itself instead of the RELAX NG validator can vouch only for plain
 * files. 0 also when the file cannot be read (the reader will say why). */
int fg_xml_plain_file(const char *path, size_t comment_depth);

/* Whether the file at path (at most 1 MiB) has the XXH3 64-bit digest:
 * how a loader knows that a schema is the one its checks restate. */
int fg_xml_file_digest_is(const char *path, uint64_t digest);

/* Loads a RELAX NG schema (as an xmlRelaxNGPtr) from file; problems go
 * to diags. Returns 0, FG_ENOMEM or FG_EDATA. */
int fg_xml_schema_load(void **out, const char *file, fg_diag_list *diags);
void fg_xml_schema_free(void *schema);

#endif
