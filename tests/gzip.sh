#!/bin/sh
# gzip: compressed text, JSON Lines and HTML read as the plain ones (also
# on standard input); damaged data reported by file while the other
# inputs are read; a gzip bomb stops at the document limit; -o FILE.gz
# and --compress write gzip that inflates to the plain output.
. "$top_srcdir/tests/lib.sh"
fg() { "$FACTGRAPH" "$@"; }
example="$top_srcdir/examples/koalition-der-willigen.txt"

same() { # same NAME FILE1 FILE2
    if cmp -s "$2" "$3"; then pass "$1"
    else fail "$1" "$(diff "$2" "$3" | head -n 10)"; fi
}

cp "$example" "$TMP/a.txt"
printf '{"id": "j1", "text": "Merz traf Macron in Paris."}\n{"id": "j2", "text": "Pistorius besuchte Kiew."}\n' \
    > "$TMP/n.jsonl"
cp "$top_srcdir/tests/html/news.html" "$TMP/p.html"
for f in a.txt n.jsonl p.html; do gzip -c "$TMP/$f" > "$TMP/$f.gz"; done

# The same documents; only the ids of files (their names) differ.
for f in a.txt n.jsonl p.html; do
    fg extract --format=ntriples "$TMP/$f" > "$TMP/$f.nt"
    fg extract --format=ntriples "$TMP/$f.gz" 2> "$TMP/err" | sed "s/$f\\.gz/$f/g" > "$TMP/$f.gz.nt"
    expect_eq "$f.gz: nothing on stderr" "$(cat "$TMP/err")" ""
    same "$f.gz: the same RDF as $f" "$TMP/$f.nt" "$TMP/$f.gz.nt"
done
expect_match "n.jsonl.gz: ids from the JSON" "$(fg tokens "$TMP/n.jsonl.gz" | cut -f1 | sort -u | tr '\n' ' ')" \
    '^doc j1 j2 $'
expect_match "p.html.gz: the page's title" "$(cat "$TMP/p.html.gz.nt")" '/terms/title> "Nato-Verteidigungsminister'

# Standard input: gzip is noticed by its first bytes; then JSON Lines and
# HTML by theirs.
for f in a.txt n.jsonl p.html; do
    fg extract --format=ntriples < "$TMP/$f" > "$TMP/stdin.nt"
    fg extract --format=ntriples < "$TMP/$f.gz" > "$TMP/stdin.gz.nt"
    same "stdin: $f.gz reads as $f" "$TMP/stdin.nt" "$TMP/stdin.gz.nt"
done
# A directory: every file inflated as it is read.
mkdir "$TMP/corpus"
cp "$TMP/a.txt.gz" "$TMP/n.jsonl.gz" "$TMP/corpus/"
expect_eq "a directory of .gz files" "$(fg tokens "$TMP/corpus" | cut -f1 | sort -u | tr '\n' ' ')" \
    "a.txt.gz doc j1 j2 "
# Two gzip members one after the other are one stream (cat a.gz b.gz).
cat "$TMP/a.txt.gz" "$TMP/a.txt.gz" > "$TMP/twice.txt.gz"
cat "$TMP/a.txt" "$TMP/a.txt" > "$TMP/twice.txt"
expect_eq "concatenated members" "$(fg tokens "$TMP/twice.txt.gz" | cut -f2- | md5sum)" \
    "$(fg tokens "$TMP/twice.txt" | cut -f2- | md5sum)"

# Damaged data: an error naming the file, exit 1, the others read.
size=$(wc -c < "$TMP/a.txt.gz")
head -c $((size / 2)) "$TMP/a.txt.gz" > "$TMP/cut.txt.gz"
cp "$TMP/a.txt.gz" "$TMP/bad.txt.gz"
printf '\377\377\377\377\377\377\377\377' | dd of="$TMP/bad.txt.gz" bs=1 seek=20 conv=notrunc 2> /dev/null
head -c $(($(wc -c < "$TMP/n.jsonl.gz") - 12)) "$TMP/n.jsonl.gz" > "$TMP/cut.jsonl.gz"
fg tokens "$TMP/cut.txt.gz" "$TMP/bad.txt.gz" "$TMP/cut.jsonl.gz" "$TMP/n.jsonl" \
    > "$TMP/out.tsv" 2> "$TMP/err"
expect_eq "damaged gzip: exit 1" $? 1
err=$(cat "$TMP/err")
expect_match "cut short: named" "$err" "^$TMP/cut.txt.gz: error: not valid gzip data \\(cut short\\): skipped"
expect_match "corrupt: named" "$err" "$TMP/bad.txt.gz: error: not valid gzip data \\([a-z ]+\\): skipped"
expect_match "JSON Lines cut short: named, with the line" "$err" \
    "$TMP/cut.jsonl.gz:[0-9]+: error: not valid gzip data \\(cut short\\); the rest of the file is not read"
expect_eq "the other input is read" "$(cut -f1 "$TMP/out.tsv" | sort -u | tr '\n' ' ')" "doc j1 j2 "

# A gzip bomb: about 70 KiB that inflate to 70 MB stop at the 64 MiB
# limit of a document.
head -c 70000000 /dev/zero | tr '\0' 'a' | gzip -9 > "$TMP/bomb.txt.gz"
expect_eq "the bomb is small" "$(test "$(wc -c < "$TMP/bomb.txt.gz")" -lt 1000000 && echo yes)" yes
fg tokens "$TMP/bomb.txt.gz" "$TMP/n.jsonl" > "$TMP/out.tsv" 2> "$TMP/err"
expect_eq "gzip bomb: exit 1" $? 1
expect_eq "gzip bomb: an error naming the file" "$(cat "$TMP/err")" \
    "$TMP/bomb.txt.gz: error: document larger than the limit of 64 MiB when decompressed: skipped
factgraph: 3 documents read, 2 processed, 1 failed"
expect_eq "gzip bomb: the next input is read" "$(cut -f1 "$TMP/out.tsv" | sort -u | tr '\n' ' ')" "doc j1 j2 "

# Output: -o FILE.gz and --compress write gzip that inflates to exactly
# the plain output; the file is replaced only when complete.
fg extract --format=ntriples "$example" > "$TMP/plain.nt"
fg extract --format=ntriples -o "$TMP/out.nt.gz" "$example"
expect_eq "-o FILE.gz: exit 0" $? 0
expect_eq "-o FILE.gz: valid gzip" "$(gzip -t "$TMP/out.nt.gz" && echo ok)" ok
gzip -dc "$TMP/out.nt.gz" > "$TMP/out.nt"
same "-o FILE.gz: the plain output" "$TMP/plain.nt" "$TMP/out.nt"
expect_eq "-o FILE.gz: no temporary file left" "$(ls -A "$TMP" | grep -c '^\.out\.nt\.gz\.' || true)" 0
fg extract --format=ntriples --compress "$example" > "$TMP/stdout.gz"
gzip -dc "$TMP/stdout.gz" > "$TMP/stdout.nt"
same "--compress: gzip on standard output" "$TMP/plain.nt" "$TMP/stdout.nt"
fg tokens --compress -o "$TMP/tokens.tsv" "$example"
fg tokens "$example" > "$TMP/tokens.plain"
gzip -dc "$TMP/tokens.tsv" > "$TMP/tokens.out"
same "--compress -o FILE: gzip whatever the name" "$TMP/tokens.plain" "$TMP/tokens.out"
fg extract --compress -o /dev/full "$example" 2> "$TMP/err"
expect_eq "--compress to a full device: exit 1" $? 1
expect_match "--compress to a full device: a write error" "$(cat "$TMP/err")" \
    '^factgraph: /dev/full: write error: No space left on device'

done_testing
