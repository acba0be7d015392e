/* Unit tests of input: files, directories, JSON Lines, ids, limits, the
 * main text of HTML pages and gzip-compressed inputs. */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "testutil.h"

#include "factgraph.h"
#include "input.h"

static char dir[64];

static void write_file(const char *rel, const char *content, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(content, 1, len, fp), len);
    fclose(fp);
}

#define WRITE(rel, s) write_file(rel, s, sizeof s - 1)

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/fg-input-XXXXXX");
    if (mkdtemp(dir) == NULL)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

/* Reads every document; ids joined by '|' into ids_out. */
static size_t read_all(fg_input *in, fg_diag_list *diags, char *ids_out,
                       size_t cap)
{
    size_t n = 0;
    ids_out[0] = '\0';
    for (;;) {
        fg_doc *doc;
        assert_int_equal(fg_input_next(in, &doc, diags), 0);
        if (doc == NULL)
            break;
        if (n++)
            strncat(ids_out, "|", cap - strlen(ids_out) - 1);
        strncat(ids_out, fg_doc_id(doc), cap - strlen(ids_out) - 1);
        fg_doc_free(doc);
    }
    return n;
}

static void test_text_file(void **state)
{
    (void)state;
    WRITE("a.txt", "Hallo Welt.\n");
    char path[512];
    snprintf(path, sizeof path, "%s/a.txt", dir);
    fg_input *in;
    fg_diag_list *diags;
    assert_int_equal(fg_input_new(&in, FG_INPUT_AUTO), 0);
    fg_diag_list_new(&diags);
    assert_int_equal(fg_input_add(in, path), 0);
    fg_doc *doc;
    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_non_null(doc);
    assert_string_equal(fg_doc_id(doc), path);
    assert_string_equal(fg_doc_file(doc), path);
    assert_int_equal(fg_doc_line(doc), 0);
    size_t len;
    const char *bytes = fg_doc_bytes(doc, &len);
    assert_int_equal(len, 12);
    assert_memory_equal(bytes, "Hallo Welt.\n", 12);
    fg_doc_free(doc);
    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_null(doc);
    assert_int_equal(fg_input_count_read(in), 1);
    assert_int_equal(fg_input_count_failed(in), 0);
    assert_int_equal(fg_diag_list_count(diags), 0);
    fg_input_free(in);
    fg_diag_list_free(diags);
}

static void test_directory(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/corpus", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/corpus/sub", dir);
    mkdir(path, 0755);
    WRITE("corpus/b.txt", "B");
    WRITE("corpus/a.txt", "A");
    WRITE("corpus/Z.txt", "Z");
    WRITE("corpus/.hidden", "H");
    WRITE("corpus/sub/c.txt", "C");
    WRITE("corpus/sub/d.jsonl", "{\"id\":\"d1\",\"text\":\"x\"}\n"
                                "{\"text\":\"y\"}\n");
    /* A symlink to a file is followed; one to an ancestor is a loop. */
    char target[512];
    snprintf(target, sizeof target, "%s/corpus/a.txt", dir);
    snprintf(path, sizeof path, "%s/corpus/sub/link.txt", dir);
    assert_int_equal(symlink(target, path), 0);
    snprintf(target, sizeof target, "%s/corpus", dir);
    snprintf(path, sizeof path, "%s/corpus/sub/loop", dir);
    assert_int_equal(symlink(target, path), 0);

    fg_input *in;
    fg_diag_list *diags;
    fg_input_new(&in, FG_INPUT_AUTO);
    fg_diag_list_new(&diags);
    snprintf(path, sizeof path, "%s/corpus", dir);
    fg_input_add(in, path);
    char ids[1024];
    size_t n = read_all(in, diags, ids, sizeof ids);
    assert_string_equal(ids, "Z.txt|a.txt|b.txt|sub/c.txt|d1|sub/d.jsonl:2|"
                             "sub/link.txt");
    assert_int_equal(n, 7);
    assert_int_equal(fg_input_count_failed(in), 0);
    assert_int_equal(fg_diag_list_count(diags), 1);
    const fg_diag *d = fg_diag_list_get(diags, 0);
    assert_int_equal(d->severity, FG_WARNING);
    assert_non_null(strstr(d->message, "loop"));
    assert_non_null(strstr(d->file, "sub/loop"));
    fg_input_free(in);
    fg_diag_list_free(diags);
}

static void test_jsonl(void **state)
{
    (void)state;
    WRITE("news.jsonl",
          "{\"id\": \"a\", \"text\": \"Erster.\", \"date\": \"2025-03-14\", "
          "\"title\": \"T\", \"source\": \"S\", \"extra\": [1, {\"x\": 2}]}\n"
          "\n"
          "{\"id\": null, \"text\": \"Ohne Id.\", \"date\": null}\n"
          "{\"id\": \"b\", \"text\": \"kaputt\"\n"
          "{\"id\": \"c\"}\n"
          "{\"id\": \"d\", \"text\": 42}\n"
          "{\"id\": \"a\", \"text\": \"Doppelt.\"}\n"
          "{\"id\": \"e\", \"text\": \"Nul\\u0000da\", \"date\": \"2025-02-30\"}\r\n"
          "[1, 2]\n"
          "{\"id\": \"f\", \"text\": \"Rest.\"} trailing\n"
          "{\"id\": \"n\\u0000ul\", \"text\": \"Id mit NUL.\"}\n"
          "{\"id\": \"g\", \"text\": \"Ende ohne Zeilenumbruch.\"}");
    char path[512];
    snprintf(path, sizeof path, "%s/news.jsonl", dir);
    fg_input *in;
    fg_diag_list *diags;
    fg_input_new(&in, FG_INPUT_AUTO);
    fg_diag_list_new(&diags);
    fg_input_add(in, path);

    fg_doc *doc;
    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_string_equal(fg_doc_id(doc), "a");
    assert_string_equal(fg_doc_date(doc), "2025-03-14");
    assert_string_equal(fg_doc_title(doc), "T");
    assert_string_equal(fg_doc_source(doc), "S");
    assert_int_equal(fg_doc_line(doc), 1);
    fg_doc_free(doc);

    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    char want[600];
    snprintf(want, sizeof want, "%s:3", path);
    assert_string_equal(fg_doc_id(doc), want);
    assert_null(fg_doc_date(doc));
    fg_doc_free(doc);

    /* Lines 4 (malformed), 5 (no text), 6 (text not a string) and 7
     * (duplicate id) fail; line 8 has a NUL and a bad date. */
    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_string_equal(fg_doc_id(doc), "e");
    size_t len;
    const char *bytes = fg_doc_bytes(doc, &len);
    assert_int_equal(len, 6);
    assert_memory_equal(bytes, "Nul\0da", 6);
    assert_null(fg_doc_date(doc));
    fg_doc_free(doc);

    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_string_equal(fg_doc_id(doc), "g");
    assert_int_equal(fg_doc_line(doc), 12);
    fg_doc_free(doc);
    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_null(doc);

    assert_int_equal(fg_input_count_read(in), 4);
    assert_int_equal(fg_input_count_failed(in), 7);
    unsigned long lines[] = {4, 5, 6, 7, 8, 9, 10, 11};
    fg_severity sev[] = {FG_ERROR, FG_ERROR, FG_ERROR,   FG_ERROR,
                         FG_WARNING, FG_ERROR, FG_ERROR, FG_ERROR};
    const char *words[] = {"malformed", "text",          "text",
                           "duplicate", "date",          "not an object",
                           "text after", "without NUL"};
    assert_int_equal(fg_diag_list_count(diags), 8);
    for (size_t i = 0; i < 8; i++) {
        const fg_diag *d = fg_diag_list_get(diags, i);
        assert_string_equal(d->file, path);
        if (d->line != lines[i] || d->severity != sev[i] ||
            strstr(d->message, words[i]) == NULL)
            fail_msg("diag %zu: line %lu: %s", i, d->line, d->message);
    }
    fg_input_free(in);
    fg_diag_list_free(diags);
}

/* A document over the size limit fails alone; the next one is read. */
static void test_size_limit(void **state)
{
    (void)state;
    char big[512], small[512];
    snprintf(big, sizeof big, "%s/big.txt", dir);
    snprintf(small, sizeof small, "%s/small.txt", dir);
    int fd = open(big, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)FG_MAX_DOC_BYTES + 1), 0);
    close(fd);
    WRITE("small.txt", "klein");
    fg_input *in;
    fg_diag_list *diags;
    fg_input_new(&in, FG_INPUT_TEXT);
    fg_diag_list_new(&diags);
    fg_input_add(in, big);
    fg_input_add(in, "/nonexistent/file.txt");
    fg_input_add(in, small);
    char ids[1024];
    assert_int_equal(read_all(in, diags, ids, sizeof ids), 1);
    assert_string_equal(ids, small);
    assert_int_equal(fg_input_count_failed(in), 2);
    assert_int_equal(fg_diag_list_count(diags), 2);
    assert_non_null(strstr(fg_diag_list_get(diags, 0)->message, "64 MiB"));
    assert_string_equal(fg_diag_list_get(diags, 1)->file,
                        "/nonexistent/file.txt");
    assert_non_null(strstr(fg_diag_list_get(diags, 1)->message,
                           "No such file"));
    fg_input_free(in);
    fg_diag_list_free(diags);
}

/* ---- HTML ---- */

/* Parses page (a C string) with the document limit; the diagnostics'
 * messages joined by '|' go to msgs. */
static int parse_page(fg_html_page *page, const char *html, size_t max_text,
                      char *msgs, size_t cap)
{
    fg_diag_list *diags;
    fg_diag_list_new(&diags);
    int rc = fg_input_parse_html(page, html, strlen(html), max_text,
                                 "page.html", diags);
    msgs[0] = '\0';
    for (size_t i = 0; i < fg_diag_list_count(diags); i++) {
        const fg_diag *d = fg_diag_list_get(diags, i);
        assert_string_equal(d->file, "page.html");
        if (i)
            strncat(msgs, "|", cap - strlen(msgs) - 1);
        strncat(msgs, d->severity == FG_ERROR ? "error: " : "warning: ",
                cap - strlen(msgs) - 1);
        strncat(msgs, d->message, cap - strlen(msgs) - 1);
    }
    fg_diag_list_free(diags);
    return rc;
}

/* The main text of a news page: the longest article's paragraphs and
 * headings (its own header kept), without the page's navigation, banner,
 * scripts, teasers, hidden parts, cookie notice and comments; metadata
 * from the meta tags. */
static void test_html_article(void **state)
{
    (void)state;
    const char *html =
        "<!DOCTYPE html><html lang=\"de\"><head>\n"
        "<meta charset=\"utf-8\"><title>Seitentitel | Zeitung</title>\n"
        "<meta property=\"og:title\" content=\"  Minister\n beraten  \">\n"
        "<meta property=\"article:published_time\" "
        "content=\"2026-11-28T09:30:00+01:00\">\n"
        "<meta name=\"date\" content=\"2020-01-01\">\n"
        "<link rel=\"alternate canonical\" href=\"https://example.org/a\">\n"
        "<meta property=\"og:url\" content=\"https://example.org/og\">\n"
        "<style>p { color: red }</style><script>var x = 'SCRIPT';</script>\n"
        "</head><body>\n"
        "<div class=\"cookie-notice\"><p>COOKIE</p></div>\n"
        "<header><p>SITEHEADER</p></header><nav><p>NAV</p></nav>\n"
        "<article class=\"teaser\"><h3>TEASER</h3><p>kurz</p></article>\n"
        "<article class=\"story has-comments\">\n"
        "  <header><h1>Minister   beraten</h1></header>\n"
        "  <p>Erster  Absatz\n  &uuml;ber <b>Munition</b>&nbsp;und&amp;mehr."
        "</p>\n"
        "  <div><p>Zweiter<br>mit Umbruch.</p></div>\n"
        "  <p hidden>HIDDEN</p><p style=\"Display : None\">HIDDEN2</p>\n"
        "  <p aria-hidden=\"true\">HIDDEN3</p>\n"
        "  <aside><p>ASIDE</p></aside><form><p>FORM</p></form>\n"
        "  <div role=\"navigation\"><p>ROLE</p></div>\n"
        "  <h2>Zwischen&shy;titel</h2><h4>H4</h4>\n"
        "  <template><p>TEMPLATE</p></template><noscript><p>NS</p></noscript>\n"
        "  <!-- <p>COMMENT</p> -->\n"
        "  <footer><p>ARTICLEFOOTER</p></footer>\n"
        "</article>\n"
        "<section id=\"comments\"><p>COMMENTS</p></section>\n"
        "<footer><p>FOOTER</p></footer></body></html>\n";
    fg_html_page page;
    char msgs[1024];
    assert_int_equal(parse_page(&page, html, FG_MAX_DOC_BYTES, msgs,
                                sizeof msgs), 0);
    assert_string_equal(msgs, "");
    assert_string_equal(page.text,
                        "Minister beraten\n\n"
                        "Erster Absatz \xC3\xBC" "ber Munition\xC2\xA0und&mehr."
                        "\n\nZweiter\nmit Umbruch.\n\n"
                        "Zwischen\xC2\xAD" "titel");
    assert_int_equal(page.len, strlen(page.text));
    assert_string_equal(page.title, "Minister beraten");
    assert_string_equal(page.date, "2026-11-28");
    assert_string_equal(page.url, "https://example.org/a");
    fg_html_page_clear(&page);
    assert_null(page.text);
    fg_html_page_clear(&page); /* twice is harmless */
}

/* Without an article: the body's paragraphs and headings; the title from
 * <title>, else the first h1; the date from <time> in the main text; a
 * relative canonical link loses to an absolute og:url. */
static void test_html_fallbacks(void **state)
{
    (void)state;
    fg_html_page page;
    char msgs[1024];
    assert_int_equal(
        parse_page(&page,
                   "<html><head><title> Titel </title>"
                   "<link rel=canonical href=\"/relativ\">"
                   "<meta property=og:url content=\"https://e.org/x\">"
                   "</head><body><header><p>KOPF</p></header>"
                   "<div>lose</div><h1>Eins</h1><ul><li>LISTE</li></ul>"
                   "<p>Zwei <time datetime=\"2025-03-14\">gestern</time>.</p>"
                   "<h3>Drei</h3></body></html>",
                   FG_MAX_DOC_BYTES, msgs, sizeof msgs),
        0);
    assert_string_equal(msgs, "");
    assert_string_equal(page.text, "Eins\n\nZwei gestern.\n\nDrei");
    assert_string_equal(page.title, "Titel");
    assert_string_equal(page.date, "2025-03-14");
    assert_string_equal(page.url, "https://e.org/x");
    fg_html_page_clear(&page);

    /* No <title>: the h1. A date that is none is reported and ignored;
     * a relative canonical link is all there is. */
    assert_int_equal(
        parse_page(&page,
                   "<html><head><meta name=\"DC.date\" content=\"gestern\">"
                   "<link rel=\"canonical\" href=\"/relativ\"></head>"
                   "<body><main><h1>Schlagzeile</h1><p>Text.</p></main>"
                   "<p>NICHT IM MAIN</p></body></html>",
                   FG_MAX_DOC_BYTES, msgs, sizeof msgs),
        0);
    assert_string_equal(page.text, "Schlagzeile\n\nText.");
    assert_string_equal(page.title, "Schlagzeile");
    assert_null(page.date);
    assert_string_equal(page.url, "/relativ");
    assert_non_null(strstr(msgs, "warning: publication date 'gestern'"));
    fg_html_page_clear(&page);
}

/* The charset of a meta element is honoured; the text is UTF-8. */
static void test_html_charset(void **state)
{
    (void)state;
    fg_html_page page;
    char msgs[1024];
    assert_int_equal(
        parse_page(&page,
                   "<html><head><meta http-equiv=\"Content-Type\" "
                   "content=\"text/html; charset=iso-8859-1\">"
                   "<title>Gr\xFC\xDF" "e</title></head>"
                   "<body><p>M\xFCnchen &#8364; &euro;</p></body></html>",
                   FG_MAX_DOC_BYTES, msgs, sizeof msgs),
        0);
    assert_string_equal(page.text,
                        "M\xC3\xBCnchen \xE2\x82\xAC \xE2\x82\xAC");
    assert_string_equal(page.title, "Gr\xC3\xBC\xC3\x9F" "e");
    fg_html_page_clear(&page);
}

/* Empty pages, binary data, the text limit, nesting, entities. */
static void test_html_limits(void **state)
{
    (void)state;
    fg_html_page page;
    char msgs[1024];
    /* Nothing to read: an empty document with a warning. */
    assert_int_equal(parse_page(&page, "", FG_MAX_DOC_BYTES, msgs,
                                sizeof msgs), 0);
    assert_string_equal(page.text, "");
    assert_int_equal(page.len, 0);
    assert_null(page.title);
    assert_non_null(strstr(msgs, "warning: no main text"));
    fg_html_page_clear(&page);
    assert_int_equal(parse_page(&page,
                                "<html><body><nav><p>x</p></nav>"
                                "<div>ohne Absatz</div></body></html>",
                                FG_MAX_DOC_BYTES, msgs, sizeof msgs),
                     0);
    assert_string_equal(page.text, "");
    assert_non_null(strstr(msgs, "warning: no main text"));
    fg_html_page_clear(&page);

    /* Binary data is no page. */
    fg_diag_list *diags;
    fg_diag_list_new(&diags);
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_int_equal(fg_input_parse_html(&page, png, sizeof png - 1,
                                         FG_MAX_DOC_BYTES, "b.html", diags),
                     FG_EDATA);
    assert_null(page.text);
    assert_int_equal(fg_diag_list_errors(diags), 1);
    assert_non_null(strstr(fg_diag_list_get(diags, 0)->message, "binary"));
    fg_diag_list_free(diags);

    /* A text over the limit is an error, not a cut text. */
    assert_int_equal(parse_page(&page, "<p>zwanzig Bytes Text</p>", 10, msgs,
                                sizeof msgs),
                     FG_ELIMIT);
    assert_null(page.text);
    assert_non_null(strstr(msgs, "error: text of the HTML page larger"));
    assert_int_equal(parse_page(&page, "<p>zwanzig Bytes Text</p>", 20, msgs,
                                sizeof msgs),
                     0);
    assert_string_equal(page.text, "zwanzig Bytes Text");
    fg_html_page_clear(&page);

    /* 5,000 nested elements: what comes before is read, the rest is
     * skipped with one warning. */
    enum { DEEP = 5000 };
    char *deep = malloc(DEEP * 11 + 100);
    assert_non_null(deep);
    strcpy(deep, "<html><body><p>Oben.</p>");
    size_t n = strlen(deep);
    for (int i = 0; i < DEEP; i++, n += 5)
        memcpy(deep + n, "<div>", 5);
    strcpy(deep + n, "<p>Tief.</p>");
    n += strlen(deep + n);
    for (int i = 0; i < DEEP; i++, n += 6)
        memcpy(deep + n, "</div>", 6);
    deep[n] = '\0';
    assert_int_equal(parse_page(&page, deep, FG_MAX_DOC_BYTES, msgs,
                                sizeof msgs), 0);
    free(deep);
    assert_string_equal(page.text, "Oben.");
    assert_string_equal(msgs, "warning: HTML nested more than 256 elements "
                              "deep: the page is read only up to there");
    fg_html_page_clear(&page);

    /* No DTD, no entity of its own, nothing loaded: the entities stay as
     * written (the internal subset, which the HTML parser does not know,
     * becomes stray text). */
    assert_int_equal(
        parse_page(&page,
                   "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\">"
                   "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                   "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                   "<html><body><p>&b; &x;</p></body></html>",
                   FG_MAX_DOC_BYTES, msgs, sizeof msgs),
        0);
    assert_non_null(strstr(page.text, "\n\n&b; &x;"));
    assert_null(strstr(page.text, "aaaaaaaaaaaaaaaaaaaa"));
    assert_null(strstr(page.text, "root:"));
    fg_html_page_clear(&page);

    /* A title of 9,000 two-byte letters is cut at 8 KiB, between two
     * letters, with a warning. */
    char *big = malloc(20000);
    assert_non_null(big);
    strcpy(big, "<title>");
    n = strlen(big);
    for (int i = 0; i < 9000; i++, n += 2)
        memcpy(big + n, "\xC3\xA4", 2);
    strcpy(big + n, "</title><p>x</p>");
    assert_int_equal(parse_page(&page, big, FG_MAX_DOC_BYTES, msgs,
                                sizeof msgs), 0);
    free(big);
    assert_int_equal(strlen(page.title), FG_MAX_HTML_META_BYTES);
    assert_non_null(strstr(msgs, "warning: a title, date or URL"));
    fg_html_page_clear(&page);
}

/* HTML files by extension (also .htm, .xhtml and in upper case) or by
 * --input-format; the page's metadata on the document. */
static void test_html_input(void **state)
{
    (void)state;
    static const char page[] =
        "<html><head><title>T</title>"
        "<meta name=pubdate content=\"2024-02-29\"></head>"
        "<body><p>Hallo.</p></body></html>";
    WRITE("p.html", page);
    WRITE("p.HTM", page);
    WRITE("p.xhtml", page);
    WRITE("p.txt", page);
    fg_input *in;
    fg_diag_list *diags;
    fg_diag_list_new(&diags);
    const char *names[] = {"p.html", "p.HTM", "p.xhtml", "p.txt"};
    for (int format = 0; format < 2; format++) {
        fg_input_new(&in, format ? FG_INPUT_HTML : FG_INPUT_AUTO);
        for (size_t i = 0; i < 4; i++) {
            char path[512];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            fg_input_add(in, path);
        }
        for (size_t i = 0; i < 4; i++) {
            fg_doc *doc;
            assert_int_equal(fg_input_next(in, &doc, diags), 0);
            assert_non_null(doc);
            size_t len;
            const char *bytes = fg_doc_bytes(doc, &len);
            if (i == 3 && format == 0) {
                /* p.txt is text, markup and all. */
                assert_int_equal(len, sizeof page - 1);
                assert_null(fg_doc_title(doc));
            } else {
                assert_int_equal(len, 6);
                assert_memory_equal(bytes, "Hallo.", 6);
                assert_string_equal(fg_doc_title(doc), "T");
                assert_string_equal(fg_doc_date(doc), "2024-02-29");
                assert_null(fg_doc_source(doc));
            }
            fg_doc_free(doc);
        }
        fg_input_free(in);
    }
    assert_int_equal(fg_diag_list_count(diags), 0);
    fg_diag_list_free(diags);
}

/* ---- gzip ---- */

/* Writes content compressed with gzip as dir/rel. */
static void write_gz(const char *rel, const char *content, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    gzFile gz = gzopen(path, "wb");
    assert_non_null(gz);
    if (len)
        assert_int_equal(gzwrite(gz, content, (unsigned)len), (int)len);
    assert_int_equal(gzclose(gz), Z_OK);
}

/* Reads the one document of dir/rel; its bytes into text. */
static void read_one(const char *rel, fg_input_format format, char *text,
                     size_t cap, fg_doc **doc_out)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    fg_input *in;
    fg_diag_list *diags;
    fg_input_new(&in, format);
    fg_diag_list_new(&diags);
    fg_input_add(in, path);
    fg_doc *doc;
    assert_int_equal(fg_input_next(in, &doc, diags), 0);
    assert_non_null(doc);
    assert_int_equal(fg_diag_list_count(diags), 0);
    size_t len;
    const char *bytes = fg_doc_bytes(doc, &len);
    assert_true(len < cap);
    memcpy(text, bytes, len);
    text[len] = '\0';
    fg_input_free(in);
    fg_diag_list_free(diags);
    *doc_out = doc;
}

/* Text, JSON Lines and HTML compressed with gzip read as the plain ones;
 * the format is by the name without .gz, not by the bytes. */
static void test_gzip(void **state)
{
    (void)state;
    static const char text[] = "Merz traf Macron in Paris.\n";
    write_gz("a.txt.gz", text, sizeof text - 1);
    write_gz("a.gz", text, sizeof text - 1);
    write_gz("p.html.gz", "<p>Seite.</p>", 13);
    write_gz("empty.txt.gz", "", 0);
    char got[256];
    fg_doc *doc;
    read_one("a.txt.gz", FG_INPUT_AUTO, got, sizeof got, &doc);
    assert_string_equal(got, text);
    assert_non_null(strstr(fg_doc_id(doc), "a.txt.gz"));
    fg_doc_free(doc);
    read_one("a.gz", FG_INPUT_AUTO, got, sizeof got, &doc);
    assert_string_equal(got, text);
    fg_doc_free(doc);
    read_one("p.html.gz", FG_INPUT_AUTO, got, sizeof got, &doc);
    assert_string_equal(got, "Seite.");
    fg_doc_free(doc);
    read_one("empty.txt.gz", FG_INPUT_AUTO, got, sizeof got, &doc);
    assert_string_equal(got, "");
    fg_doc_free(doc);
    /* A plain file with a .gz name is read as it is. */
    WRITE("plain.txt.gz", "nicht komprimiert");
    read_one("plain.txt.gz", FG_INPUT_AUTO, got, sizeof got, &doc);
    assert_string_equal(got, "nicht komprimiert");
    fg_doc_free(doc);

    /* JSON Lines, as two gzip members one after the other (cat a b). */
    static const char l1[] = "{\"id\": \"j1\", \"text\": \"Eins.\"}\n";
    static const char l2[] = "{\"id\": \"j2\", \"text\": \"Zwei.\"}\n";
    write_gz("m1.gz", l1, sizeof l1 - 1);
    write_gz("m2.gz", l2, sizeof l2 - 1);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cat '%s/m1.gz' '%s/m2.gz' > '%s/n.jsonl.gz'",
             dir, dir, dir);
    assert_int_equal(system(cmd), 0);
    fg_input *in;
    fg_diag_list *diags;
    fg_input_new(&in, FG_INPUT_AUTO);
    fg_diag_list_new(&diags);
    char path[512];
    snprintf(path, sizeof path, "%s/n.jsonl.gz", dir);
    fg_input_add(in, path);
    char ids[256];
    assert_int_equal(read_all(in, diags, ids, sizeof ids), 2);
    assert_string_equal(ids, "j1|j2");
    assert_int_equal(fg_diag_list_count(diags), 0);
    fg_input_free(in);
    fg_diag_list_free(diags);
}

/* Damaged gzip data fails that input alone, named; a gzip bomb stops at
 * the document limit. */
static void test_gzip_bad(void **state)
{
    (void)state;
    static const char text[] = "Ein Satz, der komprimiert wird, und noch "
                               "einer, damit es etwas zu packen gibt.\n";
    write_gz("ok.txt.gz", text, sizeof text - 1);
    char path[512];
    static char cmd[8192];
    snprintf(path, sizeof path, "%s/ok.txt.gz", dir);
    /* Cut short, and with its data bytes overwritten. */
    snprintf(cmd, sizeof cmd,
             "head -c 25 '%s' > '%s/cut.txt.gz' && "
             "cp '%s' '%s/bad.txt.gz' && "
             "printf '\\377\\377\\377\\377\\377\\377' | dd of='%s/bad.txt.gz' "
             "bs=1 seek=12 conv=notrunc 2>/dev/null && "
             "{ cat '%s'; echo rest; } > '%s/trail.txt.gz' && "
             "head -c 40 '%s' > '%s/cut.jsonl.gz'",
             path, dir, path, dir, dir, path, dir, path, dir);
    assert_int_equal(system(cmd), 0);

    /* A bomb: a few hundred KiB that inflate to more than the limit. */
    snprintf(path, sizeof path, "%s/bomb.txt.gz", dir);
    gzFile gz = gzopen(path, "wb9");
    assert_non_null(gz);
    static char zeros[1 << 16];
    memset(zeros, 'a', sizeof zeros);
    for (size_t done = 0; done <= FG_MAX_DOC_BYTES; done += sizeof zeros)
        assert_int_equal(gzwrite(gz, zeros, sizeof zeros), sizeof zeros);
    assert_int_equal(gzclose(gz), Z_OK);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(st.st_size < (1 << 20));

    const char *names[] = {"cut.txt.gz", "bad.txt.gz", "trail.txt.gz",
                           "cut.jsonl.gz", "bomb.txt.gz", "ok.txt.gz"};
    fg_input *in;
    fg_diag_list *diags;
    fg_input_new(&in, FG_INPUT_AUTO);
    fg_diag_list_new(&diags);
    for (size_t i = 0; i < 6; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        fg_input_add(in, path);
    }
    char ids[1024];
    assert_int_equal(read_all(in, diags, ids, sizeof ids), 1);
    assert_non_null(strstr(ids, "ok.txt.gz"));
    assert_int_equal(fg_input_count_failed(in), 5);
    assert_int_equal(fg_diag_list_count(diags), 5);
    const char *words[] = {"cut short", "not valid gzip", "other data",
                           "cut short", "64 MiB when decompressed"};
    for (size_t i = 0; i < 5; i++) {
        const fg_diag *d = fg_diag_list_get(diags, i);
        assert_int_equal(d->severity, FG_ERROR);
        if (strstr(d->file, names[i]) == NULL ||
            strstr(d->message, words[i]) == NULL)
            fail_msg("diag %zu: %s: %s", i, d->file, d->message);
    }
    fg_input_free(in);
    fg_diag_list_free(diags);
}

static void test_doc_api(void **state)
{
    (void)state;
    fg_doc *doc;
    assert_int_equal(fg_doc_new(&doc, "", "x", 1), FG_EINVAL);
    assert_int_equal(fg_doc_new(&doc, "id", "x", 1), 0);
    assert_int_equal(fg_doc_set_date(doc, "2024-02-29"), 0);
    assert_int_equal(fg_doc_set_date(doc, "2023-02-29"), FG_EINVAL);
    assert_int_equal(fg_doc_set_date(doc, "2023-13-01"), FG_EINVAL);
    assert_int_equal(fg_doc_set_date(doc, "2023-1-01"), FG_EINVAL);
    assert_int_equal(fg_doc_set_date(doc, "0000-01-01"), FG_EINVAL);
    assert_string_equal(fg_doc_date(doc), "2024-02-29");
    assert_int_equal(fg_doc_set_date(doc, NULL), 0);
    assert_null(fg_doc_date(doc));
    assert_string_equal(fg_doc_file(doc), "id");
    fg_doc_free(doc);
    fg_doc_free(NULL);
    assert_true(fg_input_valid_date("1900-02-28"));
    assert_false(fg_input_valid_date("1900-02-29"));
    assert_true(fg_input_valid_date("2000-02-29"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_file),
        cmocka_unit_test(test_directory),
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_size_limit),
        cmocka_unit_test(test_doc_api),
        cmocka_unit_test(test_html_article),
        cmocka_unit_test(test_html_fallbacks),
        cmocka_unit_test(test_html_charset),
        cmocka_unit_test(test_html_limits),
        cmocka_unit_test(test_html_input),
        cmocka_unit_test(test_gzip),
        cmocka_unit_test(test_gzip_bad),
    };
    return cmocka_run_group_tests_name("input", tests, setup, teardown);
}
