/* display: the facts of a document as terminal tables (`factgraph
 * show`), and the event filters of show and extract.
 *
 * A document is drawn from its fact graph and the text the graph's spans
 * point into, wherever they came from: an analysis of text, or a dump
 * rebuilt by the rdf module (fg_dump). Drawing only appends to a buffer
 * or writes to a stream the caller passes; whether there is colour and
 * how wide a line may be are the caller's decisions (fg_show_options):
 * this module never looks at the terminal or the environment.
 *
 * Widths are display columns: per grapheme cluster (utf8proc's grapheme
 * breaks), the widest of its code points by utf8proc_charwidth (2 for
 * CJK and emoji, 0 for combining marks), 2 for an emoji presentation
 * selector. Cells are cut (with "…") or wrapped between clusters, never
 * inside one, so no UTF-8 sequence is split. Control characters in the
 * text are shown as spaces (TAB, line breaks) or U+FFFD (the others), so
 * that a document cannot send escape sequences to the terminal.
 *
 * The filter (fg_filter, public in factgraph.h) drops events from a fact
 * graph in place, renumbering what points to them, so that the rdf
 * module writes the filtered graph without dangling references. */
#ifndef FG_DISPLAY_H
#define FG_DISPLAY_H

#include <stddef.h>

#include "buf.h"
#include "facts.h"
#include "factgraph.h"

/* What is drawn of one document. text[0..len) is what the graph's spans
 * point into. title and date may be NULL. */
typedef struct fg_display_doc {
    const char *id;
    const char *title;
    const char *date;
    const char *text;
    size_t len;
    const fg_graph *g;
} fg_display_doc;

/* Appends the document's heading, events table and entities table to
 * out. Returns 0, FG_ENOMEM, FG_ELIMIT (out is full) or FG_EINVAL (a
 * width out of range). */
int fg_display_write(const fg_display_doc *doc, const fg_show_options *o,
                     fg_buf *out);

/* Drops the events f does not keep from g (see fg_analysis_filter).
 * Returns 0 or FG_ENOMEM (g is then unchanged). */
int fg_display_filter(fg_graph *g, const fg_filter *f);

/* The display width of valid UTF-8 s[0..len), as the tables count it. */
size_t fg_display_width(const char *s, size_t len);

#endif
