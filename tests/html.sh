#!/bin/sh
# HTML pages as input: the main text of the article (no navigation,
# scripts, footers, teasers, comments or hidden parts), its title, date
# and URL in the RDF, pages without an article, a Latin-1 page, deep
# nesting, entities and external references, pages that are no HTML.
. "$top_srcdir/tests/lib.sh"
fg() { "$FACTGRAPH" "$@"; }
pages="$top_srcdir/tests/html"

# The document text as N-Triples writes it (\n for a line break, \u00FC
# for ü): the nif:isString of the one document.
context_text() {
    grep '#isString> ' "$1" | sed 's/^.*#isString> "//; s/"^^<[^>]*> \.$//'
}

# A news page with everything around the article.
cp "$pages/news.html" "$TMP/news.html"
fg extract --format=ntriples "$TMP/news.html" > "$TMP/news.nt" 2> "$TMP/err"
expect_eq "news page: exit 0" $? 0
expect_eq "news page: nothing on stderr" "$(cat "$TMP/err")" ""
text=$(context_text "$TMP/news.nt")
expect_match "news page: the lead" "$text" \
    '^Nato\\n\\nVerteidigungsminister beraten in Br\\u00FCssel\\n\\nRund 200 Experten kamen am 28\.11\.2026 in Br\\u00FCssel zusammen\.\\n\\n'
expect_match "news page: a paragraph, whitespace collapsed, entities decoded" "$text" \
    'Die Verteidigungsminister der Nato-Staaten haben am Donnerstag in Br\\u00FCssel \\u00FCber weitere Munitionslieferungen an die Ukraine beraten\. Generalsekret\\u00E4r Mark Rutte sagte, die Allianz\\u00A0stehe fest'
expect_match "news page: a heading is a paragraph of its own" "$text" \
    '\\n\\nStreit \\u00FCber Finanzierung\\n\\nDeutschland will'
expect_match "news page: <br> is a line break, the text ends there" "$text" \
    'liefern\.\\nEine Entscheidung fiel nicht\.$'
# Every piece of boilerplate in the fixture is marked NO<something>.
expect_eq "news page: no navigation, script, style, footer, aside, cookie banner, comments, hidden text" \
    "$(printf '%s\n' "$text" | grep -oE 'NO[A-Z-]+' | sort -u | tr '\n' ' ')" ""
expect_match "news page: title from og:title" "$(grep '/terms/title> ' "$TMP/news.nt")" \
    '"Nato-Verteidigungsminister beraten \\u00FCber Munition f\\u00FCr die Ukraine"\^\^'
expect_match "news page: date from article:published_time" "$(grep '/terms/date> ' "$TMP/news.nt")" \
    '"2026-11-28"\^\^<http://www.w3.org/2001/XMLSchema#date>'
expect_match "news page: source from the canonical link" "$(grep '/terms/source> ' "$TMP/news.nt")" \
    '"https://www.beispiel-zeitung.de/politik/nato-treffen-123.html"\^\^'
# The text goes through the pipeline like any other: tokens and events.
forms=$(fg tokens "$TMP/news.html" | cut -f6 | tr '\n' ' ')
expect_match "news page: tokens of the article" "$forms" \
    'Generalsekretär Mark Rutte sagte , die Allianz stehe'
expect_match "news page: what the rules find in it" "$(cat "$TMP/news.nt")" \
    '#type> <https://w3id.org/factgraph/dpo#[A-Za-z]+> \.'

# Standard input that starts like HTML is read as HTML; --input-format
# html reads a page with another name.
expect_eq "stdin: sniffed as HTML" \
    "$(fg extract --format=ntriples < "$TMP/news.html" | context_text /dev/stdin)" "$text"
cp "$TMP/news.html" "$TMP/page.txt"
out=$(fg tokens "$TMP/page.txt" | sed -n 2p | cut -f6)
expect_eq "a .txt file is text, markup and all" "$out" "<"
out=$(fg tokens --input-format=html "$TMP/page.txt" | sed -n 2p | cut -f6)
expect_eq "--input-format=html" "$out" "Nato"
fg tokens --input-format=xml "$TMP/page.txt" > /dev/null 2> "$TMP/err"
expect_eq "--input-format=xml: usage error" $? 2
expect_match "--input-format names html" "$(cat "$TMP/err")" 'text, jsonl, html, auto'

# A page without <article>: the body's paragraphs and headings, without
# header, navigation, aside and footer; metadata from <title>, meta
# name=date and og:url.
cp "$pages/no-article.html" "$TMP/plain.htm"
fg extract --format=ntriples "$TMP/plain.htm" > "$TMP/plain.nt"
expect_eq "no article: exit 0" $? 0
expect_eq "no article: the body's main text" "$(context_text "$TMP/plain.nt")" \
    'Pistorius besucht Litauen\n\nVerteidigungsminister Boris Pistorius hat am Donnerstag die in Litauen stationierte Brigade der Bundeswehr besucht.\n\nEr sprach in Vilnius mit Soldatinnen und Soldaten.'
expect_match "no article: title from <title>" "$(grep '/terms/title> ' "$TMP/plain.nt")" \
    '"Pistorius besucht Litauen \\u2013 Lokalblatt"'
expect_match "no article: date from meta name=date" "$(grep '/terms/date> ' "$TMP/plain.nt")" \
    '"2026-03-05"\^\^'
expect_match "no article: source from og:url" "$(grep '/terms/source> ' "$TMP/plain.nt")" \
    '"https://lokalblatt.example/politik/pistorius-litauen"'

# A Latin-1 page with a meta charset: UTF-8 text.
cp "$pages/latin1.html" "$TMP/latin1.html"
forms=$(fg tokens "$TMP/latin1.html" 2> "$TMP/err" | cut -f6 | tr '\n' ' ')
expect_match "Latin-1 page: decoded" "$forms" \
    '^form Die Außenminister trafen sich in München .* Der Preis : 5 € pro Straße , sagte Müller \. $'
expect_eq "Latin-1 page: no warning" "$(cat "$TMP/err")" ""
expect_match "Latin-1 page: title" \
    "$(fg extract --format=ntriples "$TMP/latin1.html" | grep '/terms/title> ')" \
    '"Gr\\u00FC\\u00DFe aus M\\u00FCnchen"'

# 100,000 nested elements: read up to the limit, one warning naming the
# file, no crash (the timeout only guards against a hang).
{
    printf '<html><body><p>Oben steht ein Satz.</p>'
    awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<div>"; printf "<p>Ganz tief.</p>";
                 for (i = 0; i < 100000; i++) printf "</div>" }'
    printf '</body></html>\n'
} > "$TMP/deep.html"
timeout 300 "$FACTGRAPH" extract --format=ntriples "$TMP/deep.html" > "$TMP/deep.nt" 2> "$TMP/err"
expect_eq "deep nesting: exit 0" $? 0
expect_eq "deep nesting: one warning naming the file" "$(cat "$TMP/err")" \
    "$TMP/deep.html: warning: HTML nested more than 256 elements deep: the page is read only up to there"
expect_eq "deep nesting: the text before it" "$(context_text "$TMP/deep.nt")" "Oben steht ein Satz."

# Entities and external references: nothing is fetched or expanded.
printf 'GEHEIMNIS-AUS-DER-DATEI\n' > "$TMP/secret.txt"
printf '<!ENTITY dtdent "AUS-DER-DTD">\n' > "$TMP/evil.dtd"
cat > "$TMP/entities.html" <<HTML
<!DOCTYPE html SYSTEM "file://$TMP/evil.dtd" [
  <!ENTITY secret SYSTEM "file://$TMP/secret.txt">
  <!ENTITY lol "lollollollollollollollollollol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<html><head><link rel="stylesheet" href="file://$TMP/secret.txt"></head>
<body><article><p>Anfang &secret; &lol4; &dtdent; Ende.</p>
<iframe src="file://$TMP/secret.txt"></iframe></article></body></html>
HTML
fg extract --format=ntriples "$TMP/entities.html" > "$TMP/entities.nt" 2> "$TMP/err"
expect_eq "entities: exit 0" $? 0
text=$(context_text "$TMP/entities.nt")
expect_match "entities: left as written" "$text" 'Anfang &secret; &lol4; &dtdent; Ende\.$'
expect_eq "entities: no file read, nothing expanded" \
    "$(grep -cE 'GEHEIMNIS|AUS-DER-DTD|(lol){20}' "$TMP/entities.nt")" 0

# A page with no main text is a document with empty text and a warning;
# binary data is no page: an error naming the file, exit 1, and the
# other inputs are still read.
printf '<html><body><nav><p>Menü</p></nav><div>lose</div></body></html>' > "$TMP/empty.html"
head -c 600 /dev/urandom > "$TMP/binary.html"
printf '\000\001\002' >> "$TMP/binary.html"
fg extract --format=ntriples "$TMP/empty.html" "$TMP/binary.html" "$TMP/latin1.html" \
    > "$TMP/mixed.nt" 2> "$TMP/err"
expect_eq "bad page: exit 1" $? 1
expect_match "no main text: a warning naming the file" "$(cat "$TMP/err")" \
    "^$TMP/empty.html: warning: no main text in the HTML page"
expect_match "no main text: the document is still written" "$(cat "$TMP/mixed.nt")" \
    'empty\.html> <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> <[^>]*#Context>'
expect_match "binary data: an error naming the file" "$(cat "$TMP/err")" \
    "$TMP/binary.html: error: not an HTML page \\(binary data\\): skipped"
expect_match "binary data: the next input is read" "$(cat "$TMP/mixed.nt")" 'latin1\.html>'

done_testing
