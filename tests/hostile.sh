#!/bin/sh
# Hostile input through the program: every kind of invalid UTF-8 and NUL
# bytes, 100,000 one-word sentences, HTML with entities and an entity
# bomb, rule files with external entities, an entity bomb and patterns
# built to blow up. Each gets its documented answer (a warning or an
# error naming the file, line or byte), the others go on, and the RDF
# written parses; unreadable files and folders, a symbolic link loop in
# an input folder, output to a folder that cannot be written. (Unit tests
# cover the readers' details; the 50 MB line, 100,000 rules and a million
# gazetteer entries are in tests/integration/limits.sh, output to
# /dev/full and to a closed pipe in cli.sh and extract.sh, failing system
# calls in io-faults.sh.)
. "$top_srcdir/tests/lib.sh"
fg() { "$FACTGRAPH" "$@"; }

valid_nt() { # NAME FILE
    if serdi -i ntriples -o ntriples "$2" > /dev/null 2> "$TMP/serdi"; then
        pass "$1: the RDF parses"
    else fail "$1: the RDF parses" "$(head -n 3 "$TMP/serdi")"; fi
}

# ---- invalid UTF-8 of every kind, and NUL ----
i=0
for bad in '\200' '\277\277' '\300\257' '\301\277' '\340\200\257' \
    '\355\240\200' '\355\277\277' '\364\220\200\200' '\370\210\200\200\200' \
    '\374\204\200\200\200\200' '\376' '\377' '\342\202' '\360\237\230' \
    '\000' 'a\000b'; do
    i=$((i + 1))
    printf "Die NATO traf sich $bad in Brüssel.\n" > "$TMP/bad$i.txt"
done
fg -j 2 --format=ntriples "$TMP"/bad*.txt > "$TMP/bad.nt" 2> "$TMP/err"
expect_eq "invalid UTF-8 and NUL: exit 0 (warnings only)" $? 0
expect_eq "invalid UTF-8: one warning a document, at the first bad byte" \
    "$(grep -c "^$TMP/bad[0-9]*.txt:1:20: warning: document '.*': invalid UTF-8 at byte 19; [1-6] invalid byte(s) replaced by U+FFFD$" "$TMP/err")" 14
expect_eq "NUL: one warning a document" \
    "$(grep -c "NUL byte(s) replaced by spaces$" "$TMP/err")" 2
expect_eq "invalid UTF-8: every document written" \
    "$(grep -c 'nif-core#Context> \.$' "$TMP/bad.nt")" "$i"
expect_eq "invalid UTF-8: the meeting found in each" \
    "$(grep -c 'dpo#Meeting> \.$' "$TMP/bad.nt")" "$i"
valid_nt "invalid UTF-8" "$TMP/bad.nt"

# ---- 100,000 one-word sentences ----
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "Ja. " }' > "$TMP/ja.txt"
fg tokens "$TMP/ja.txt" > "$TMP/ja.tsv" 2> "$TMP/err"
expect_eq "100,000 sentences: exit 0" $? 0
expect_eq "100,000 sentences: the last is sentence 100000" \
    "$(tail -n 1 "$TMP/ja.tsv" | cut -f2)" 100000
fg --format=ntriples "$TMP/ja.txt" > "$TMP/ja.nt" 2> "$TMP/err"
expect_eq "100,000 sentences: extract exits 0" $? 0
valid_nt "100,000 sentences" "$TMP/ja.nt"

# ---- HTML: entities are not expanded, none is loaded ----
cat > "$TMP/xxe.html" <<'HTML'
<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">
<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<html><body><article><p>Die NATO traf sich in Brüssel. &x; &d;&d;&d;&d;&d;</p></article></body></html>
HTML
fg --format=ntriples "$TMP/xxe.html" > "$TMP/xxe.nt" 2> "$TMP/err"
rc=$?
expect_match "HTML with entities: exit 0 or 1" "$rc" '^[01]$'
expect_eq "HTML: no external entity read" "$(grep -c 'root:' "$TMP/xxe.nt")" 0
expect_eq "HTML: no entity bomb expanded" \
    "$(awk '{ if (length($0) > m) m = length($0) } END { print (m < 100000) }' "$TMP/xxe.nt")" 1
valid_nt "HTML with entities" "$TMP/xxe.nt"

# ---- rule files: DOCTYPE, external entities, a bomb, patterns that blow up ----
cat > "$TMP/xxe.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rules [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rules xmlns="https://w3id.org/factgraph/rules/1">&x;</rules>
XML
fg check-rules "$TMP/xxe.xml" > /dev/null 2> "$TMP/err"
expect_eq "rule file with an external entity: exit 2" $? 2
expect_match "rule file with an external entity: refused" "$(cat "$TMP/err")" \
    'xxe.xml:2.*DOCTYPE is not allowed'
nest() { # DEPTH: repeats nested DEPTH deep around a token
    awk -v d="$1" 'BEGIN {
        for (i = 0; i < d; i++) printf "<repeat min=\"1\" max=\"20\">"
        printf "<token lemma=\"treffen\" role=\"trigger\"/>"
        for (i = 0; i < d; i++) printf "</repeat>"
    }'
}
cat > "$TMP/blowup.xml" <<XML
<rules xmlns="https://w3id.org/factgraph/rules/1">
  <rule id="blow.up" class="dpo:Meeting">
    <pattern>$(nest 6)</pattern>
    <example>Sie treffen sich.</example>
  </rule>
</rules>
XML
# Bounded: a minute of CPU at most (ulimit -t), and the peak memory that
# GNU time reports (ulimit -v would stop AddressSanitizer's own mappings).
bounded() { # ARGS...: runs factgraph; the peak RSS in KiB in $TMP/peak
    ( ulimit -t 60; exec /usr/bin/time -f %M -o "$TMP/peak" "$FACTGRAPH" "$@" )
}
bounded check-rules "$TMP/blowup.xml" > /dev/null 2> "$TMP/err"
expect_eq "nested bounded repetition: a load error, not a blow-up" $? 2
expect_match "nested bounded repetition: under 1 GiB" "$(tail -n 1 "$TMP/peak")" '^[0-9]{1,6}$'
expect_match "nested bounded repetition: the program size limit" "$(cat "$TMP/err")" \
    'blowup.xml:2: error: rule blow.up: the compiled pattern has more than 20000 instructions'
awk 'BEGIN { printf "<rules xmlns=\"https://w3id.org/factgraph/rules/1\">"
             for (i = 0; i < 300; i++) printf "<macro name=\"m%d\"><use macro=\"m%d\"/><use macro=\"m%d\"/></macro>", i + 1, i, i
             printf "<macro name=\"m0\"><token iform=\"a\"/></macro>"
             printf "<rule id=\"r\" class=\"dpo:Meeting\"><pattern><token lemma=\"treffen\" role=\"trigger\"/><use macro=\"m300\"/></pattern><example>x</example></rule></rules>\n" }' \
    > "$TMP/macros.xml"
bounded check-rules "$TMP/macros.xml" > /dev/null 2> "$TMP/err"
expect_eq "macros doubling 300 times: a load error, not a blow-up" $? 2
expect_match "macros doubling 300 times: under 1 GiB" "$(tail -n 1 "$TMP/peak")" '^[0-9]{1,6}$'

# ---- unreadable inputs, a link loop, an unwritable folder ----
# root reads and writes whatever the modes say: it runs these in a user
# namespace of its own (unshare -U), where the files' owner is not mapped
# and the modes hold.
asuser=
if [ "$(id -u)" -eq 0 ]; then
    if unshare -U true 2> /dev/null; then asuser="unshare -U"
    else asuser=none; fi
fi
mkdir -p "$TMP/in/locked" "$TMP/ro"
printf 'Die NATO traf sich in Brüssel.' > "$TMP/in/a.txt"
printf 'Der Minister sagte, es gehe voran.' > "$TMP/in/b.txt"
cp "$TMP/in/a.txt" "$TMP/in/locked/c.txt"
ln -s . "$TMP/in/loop"
ln -s missing "$TMP/in/dangling"
fg tokens "$TMP/in" > "$TMP/out" 2> "$TMP/err"
expect_eq "a link loop in an input folder: exit 1 (the dangling link)" $? 1
expect_match "a link loop: a warning" "$(cat "$TMP/err")" 'in/loop: warning: symbolic link loop: directory skipped'
expect_match "a dangling link: named" "$(cat "$TMP/err")" 'in/dangling: error: cannot open: No such file or directory'
expect_eq "a link loop: each file read once" "$(cut -f1 "$TMP/out" | grep -v '^doc$' | sort -u | sed 's|.*/in/||' | tr '\n' ' ')" \
    "a.txt b.txt locked/c.txt "
if [ "$asuser" = none ]; then
    echo "# unshare -U not permitted here: the permission checks skipped"
else
    chmod 000 "$TMP/in/b.txt" "$TMP/in/locked"
    chmod 555 "$TMP/ro"
    $asuser "$FACTGRAPH" tokens "$TMP/in" > "$TMP/out" 2> "$TMP/err"
    expect_eq "unreadable inputs: exit 1" $? 1
    expect_match "an unreadable file: named" "$(cat "$TMP/err")" 'in/b.txt: error: cannot open: Permission denied'
    expect_match "an unreadable folder: named" "$(cat "$TMP/err")" 'in/locked: error: cannot open: Permission denied'
    expect_match "unreadable inputs: counted" "$(cat "$TMP/err")" '4 documents read, 1 processed, 3 failed'
    expect_eq "unreadable inputs: the readable one processed" \
        "$(cut -f1 "$TMP/out" | grep -v '^doc$' | sort -u | sed 's|.*/in/||')" a.txt
    $asuser "$FACTGRAPH" extract -o "$TMP/ro/x.ttl" "$TMP/in/a.txt" 2> "$TMP/err"
    expect_eq "-o into an unwritable folder: exit 2" $? 2
    expect_match "-o into an unwritable folder: named" "$(cat "$TMP/err")" 'ro/x.ttl: cannot create: Permission denied'
    $asuser "$FACTGRAPH" extract --output-dir "$TMP/ro" "$TMP/in/a.txt" 2> "$TMP/err"
    expect_eq "--output-dir unwritable: exit 1" $? 1
    expect_match "--output-dir unwritable: named" "$(cat "$TMP/err")" 'ro/a.txt.ttl: cannot create: Permission denied'
    expect_match "--output-dir unwritable: the run stopped" "$(cat "$TMP/err")" \
        '1 document read, 0 processed, 1 failed \(the run stopped\)'
    expect_eq "unwritable folder: nothing written" "$(ls -A "$TMP/ro" | wc -l)" 0
    chmod 755 "$TMP/in/locked" "$TMP/ro"
fi

done_testing
