/* ontology: see ontology.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <raptor2.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "ontology.h"
#include "strmap.h"

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_SUBCLASS "http://www.w3.org/2000/01/rdf-schema#subClassOf"
#define OWL_CLASS "http://www.w3.org/2002/07/owl#Class"

/* Superclass chains longer than this are cycles (or absurd). */
#define MAX_CLASS_DEPTH 64

static const char *const ACTOR_NAMES[FG_ACTORS] = {
    "Person", "Organization", "Country", "Place", "Group", "Office"};

const char *fg_actor_name(fg_actor a)
{
    return (unsigned)a < FG_ACTORS ? ACTOR_NAMES[a] : "?";
}

/* A class as read: its local name and its first dpo: superclass. */
typedef struct class_rec {
    char *name;
    char *super; /* NULL when none in dpo: */
} class_rec;

struct fg_ontology {
    class_rec *classes;
    size_t n, cap;
    fg_strmap index; /* local name -> index + 1 */
    fg_strmap kinds; /* local name -> kind | actor << 8, after loading */
};

/* State of one parse. */
typedef struct loader {
    fg_ontology *o;
    const char *file;
    fg_diag_list *diags;
    int rc; /* first error */
} loader;

static const char *dpo_local(raptor_term *t)
{
    if (t == NULL || t->type != RAPTOR_TERM_TYPE_URI)
        return NULL;
    const char *s = (const char *)raptor_uri_as_string(t->value.uri);
    size_t n = strlen(FG_DPO_NS);
    return strncmp(s, FG_DPO_NS, n) == 0 && s[n] ? s + n : NULL;
}

static int is_uri(raptor_term *t, const char *uri)
{
    return t && t->type == RAPTOR_TERM_TYPE_URI &&
           strcmp((const char *)raptor_uri_as_string(t->value.uri), uri) == 0;
}

static class_rec *class_get(loader *l, const char *name)
{
    fg_ontology *o = l->o;
    uint32_t i;
    if (fg_strmap_find(&o->index, name, strlen(name), &i))
        return &o->classes[i - 1];
    if (fg_grow((void **)&o->classes, &o->cap, o->n + 1, sizeof *o->classes) < 0)
        return NULL;
    class_rec *c = &o->classes[o->n];
    c->super = NULL;
    if ((c->name = fg_strdup(name)) == NULL)
        return NULL;
    if (fg_strmap_put(&o->index, name, strlen(name), (uint32_t)++o->n, 0) < 0) {
        fg_free(c->name);
        o->n--;
        return NULL;
    }
    return c;
}

static void on_statement(void *data, raptor_statement *st)
{
    loader *l = data;
    if (l->rc < 0)
        return;
    const char *subject = dpo_local(st->subject);
    if (subject == NULL)
        return;
    class_rec *c;
    if (is_uri(st->predicate, RDF_TYPE) && is_uri(st->object, OWL_CLASS)) {
        if (class_get(l, subject) == NULL)
            l->rc = FG_ENOMEM;
    } else if (is_uri(st->predicate, RDFS_SUBCLASS)) {
        const char *super = dpo_local(st->object);
        if (super == NULL)
            return;
        if ((c = class_get(l, subject)) == NULL)
            l->rc = FG_ENOMEM;
        else if (c->super == NULL && (c->super = fg_strdup(super)) == NULL)
            l->rc = FG_ENOMEM;
    }
}

static void on_log(void *data, raptor_log_message *m)
{
    loader *l = data;
    if (m->level < RAPTOR_LOG_LEVEL_ERROR)
        return;
    unsigned long line = m->locator && m->locator->line > 0
                             ? (unsigned long)m->locator->line
                             : 0;
    if (fg_diag_add(l->diags, FG_ERROR, FG_EDATA, l->file, line, 0,
                    FG_NO_OFFSET, "ontology: %s",
                    m->text ? m->text : "Turtle error") < 0)
        l->rc = FG_ENOMEM;
    else if (l->rc == 0)
        l->rc = FG_EDATA;
}

/* The kind of a class, following its superclasses. */
static uint32_t classify(const fg_ontology *o, const char *name)
{
    for (int depth = 0; name && depth < MAX_CLASS_DEPTH; depth++) {
        if (strcmp(name, "Event") == 0)
            return FG_CLASS_EVENT;
        for (int a = 0; a < FG_ACTORS; a++)
            if (strcmp(name, ACTOR_NAMES[a]) == 0)
                return FG_CLASS_ACTOR | (uint32_t)a << 8;
        uint32_t i;
        if (!fg_strmap_find(&o->index, name, strlen(name), &i))
            break;
        name = o->classes[i - 1].super;
    }
    return FG_CLASS_OTHER;
}

static int read_file(const char *file, fg_buf *b, fg_diag_list *diags)
{
    FILE *fp = fopen(file, "rb");
    if (fp == NULL)
        return fg_diag_add(diags, FG_ERROR, FG_EIO, file, 0, 0, FG_NO_OFFSET,
                           "cannot open ontology: %s", strerror(errno)) < 0
                   ? FG_ENOMEM
                   : FG_EDATA;
    char chunk[65536];
    size_t n;
    int rc = 0;
    while (rc == 0 && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        rc = fg_buf_add(b, chunk, n);
    if (rc == 0 && ferror(fp))
        rc = FG_EIO;
    fclose(fp);
    if (rc == FG_ELIMIT || rc == FG_EIO)
        return fg_diag_add(diags, FG_ERROR, rc, file, 0, 0, FG_NO_OFFSET,
                           rc == FG_EIO ? "cannot read ontology"
                                        : "ontology larger than %zu bytes",
                           FG_MAX_ONTOLOGY_BYTES) < 0
                   ? FG_ENOMEM
                   : FG_EDATA;
    return rc;
}

int fg_ontology_load(fg_ontology **out, const char *file,
                     fg_digest *digest, fg_diag_list *diags)
{
    *out = NULL;
    fg_buf text;
    fg_buf_init(&text, FG_MAX_ONTOLOGY_BYTES);
    raptor_world *world = NULL;
    raptor_parser *parser = NULL;
    raptor_uri *base = NULL;
    fg_ontology *o = fg_calloc(1, sizeof *o);
    loader l = {o, file, diags, 0};
    int rc = FG_ENOMEM;
    if (o == NULL)
        goto fail;
    fg_strmap_init(&o->index);
    fg_strmap_init(&o->kinds);
    if ((rc = read_file(file, &text, diags)) < 0)
        goto fail;
    fg_digest_update(digest, text.data, text.len);
    fg_digest_note_file(digest, file);
    rc = FG_ENOMEM;
    if ((world = raptor_new_world()) == NULL || raptor_world_open(world))
        goto fail;
    raptor_world_set_log_handler(world, &l, on_log);
    if ((parser = raptor_new_parser(world, "turtle")) == NULL ||
        (base = raptor_new_uri(world, (const unsigned char *)
                                          "file:///ontology")) == NULL)
        goto fail;
    raptor_parser_set_statement_handler(parser, &l, on_statement);
    if (raptor_parser_parse_start(parser, base) ||
        raptor_parser_parse_chunk(parser, (const unsigned char *)
                                  (text.data ? text.data : ""),
                                  text.len, 1)) {
        if (l.rc == 0)
            l.rc = fg_diag_add(diags, FG_ERROR, FG_EDATA, file, 0, 0,
                               FG_NO_OFFSET, "ontology: cannot be parsed") < 0
                       ? FG_ENOMEM
                       : FG_EDATA;
    }
    if ((rc = l.rc) < 0)
        goto fail;
    for (size_t i = 0; i < o->n; i++) {
        const char *name = o->classes[i].name;
        rc = fg_strmap_put(&o->kinds, name, strlen(name), classify(o, name), 0);
        if (rc < 0)
            goto fail;
    }
    if (!fg_strmap_find(&o->kinds, "Event", 5, &(uint32_t){0})) {
        rc = fg_diag_add(diags, FG_ERROR, FG_EDATA, file, 0, 0, FG_NO_OFFSET,
                         "ontology: no class dpo:Event (is this the "
                         "defence-policy ontology?)") < 0
                 ? FG_ENOMEM
                 : FG_EDATA;
        goto fail;
    }
    raptor_free_uri(base);
    raptor_free_parser(parser);
    raptor_free_world(world);
    fg_buf_clear(&text);
    *out = o;
    return 0;
fail:
    if (base)
        raptor_free_uri(base);
    if (parser)
        raptor_free_parser(parser);
    if (world)
        raptor_free_world(world);
    fg_buf_clear(&text);
    fg_ontology_free(o);
    return rc;
}

void fg_ontology_free(fg_ontology *o)
{
    if (o == NULL)
        return;
    for (size_t i = 0; i < o->n; i++) {
        fg_free(o->classes[i].name);
        fg_free(o->classes[i].super);
    }
    fg_free(o->classes);
    fg_strmap_clear(&o->index);
    fg_strmap_clear(&o->kinds);
    fg_free(o);
}

int fg_ontology_find_class(const fg_ontology *o, const char *local,
                           fg_class_kind *kind_out, fg_actor *actor_out)
{
    uint32_t v;
    if (!fg_strmap_find(&o->kinds, local, strlen(local), &v))
        return 0;
    *kind_out = (fg_class_kind)(v & 0xff);
    if (actor_out)
        *actor_out = (fg_actor)(v >> 8);
    return 1;
}
