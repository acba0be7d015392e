/* input: documents from files, directories, stdin, JSON Lines and HTML,
 * plain or gzip-compressed.
 *
 * The public part (fg_doc, fg_input) is in factgraph.h. A document owns
 * its bytes, id and metadata; fg_input_next hands each one to the caller,
 * who frees it. */
#ifndef FG_INPUT_H
#define FG_INPUT_H

#include "factgraph.h"

/* Whether s is a valid calendar date written YYYY-MM-DD. */
int fg_input_valid_date(const char *s);

/* The main text and the metadata of an HTML page. Every string is UTF-8,
 * from fg_malloc, and belongs to the struct; fg_html_page_clear frees
 * them. */
typedef struct fg_html_page {
    char *text;  /* never NULL after success; "" when nothing was found */
    size_t len;
    char *title; /* og:title, else <title>, else the first h1; or NULL */
    char *date;  /* YYYY-MM-DD, or NULL */
    char *url;   /* link rel=canonical, else og:url; or NULL */
} fg_html_page;

/* The metadata values longer than this are cut (with a warning). */
#define FG_MAX_HTML_META_BYTES 8192

/* Extracts the main text and metadata of the HTML page bytes[0..len)
 * into *out, with libxml2's HTML parser (no network, no DTD, no
 * entities but HTML's own), nesting read to FG_MAX_HTML_DEPTH. The main
 * text is that of the p and h1-h3 elements of the longest <article>,
 * else of <main>, else of <body>, leaving out script, style, nav, footer,
 * aside, form, noscript, template, hidden elements and the like (and
 * header, outside an article or main); blocks are separated by a blank
 * line, <br> is a line break, runs of whitespace are one space. file
 * names the page in diagnostics: warnings (deeper nesting skipped, no
 * main text, a publication date that is none) and errors. Returns 0;
 * FG_EDATA when the bytes are no HTML at all (binary data), FG_ELIMIT
 * when the text passes max_text bytes (both reported in diags as errors;
 * *out is then empty), or FG_ENOMEM. */
int fg_input_parse_html(fg_html_page *out, const char *bytes, size_t len,
                        size_t max_text, const char *file,
                        fg_diag_list *diags);
/* Frees the strings of page and empties it; accepts an empty page. */
void fg_html_page_clear(fg_html_page *page);

#endif
