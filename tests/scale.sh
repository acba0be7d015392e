#!/bin/sh
# Corpus runs: -j N gives output and messages byte for byte identical to
# -j 1, in input order, with failing documents in between; the progress
# line, --quiet and --progress; the summary (documents read = processed +
# failed); --stats; --output-dir writes one file per input atomically and
# a re-run skips the finished ones, so a stopped run resumes.
. "$top_srcdir/tests/lib.sh"
fg() { "$FACTGRAPH" "$@"; }
example="$top_srcdir/examples/koalition-der-willigen.txt"
gold="$top_srcdir/tests/gold"

same() { # same NAME FILE1 FILE2
    if cmp -s "$2" "$3"; then pass "$1"
    else fail "$1" "$(diff "$2" "$3" | head -n 10)"; fi
}

# A corpus of about 1,000 documents with broken lines in between: a line
# that is not JSON, one without text, and a duplicate id. SCALE_SMALL=1
# (CI's ThreadSanitizer build, ten times slower) takes about 400 of them.
{
    cat "$gold/dev.jsonl" "$gold/dev2.jsonl"
    echo '{"id": "broken", "text": "kein Ende'
    [ "${SCALE_SMALL:-0}" = 1 ] || cat "$gold/dev3.jsonl"
    echo '{"id": "no-text"}'
    head -n 1 "$gold/dev.jsonl"
    [ "${SCALE_SMALL:-0}" = 1 ] || cat "$gold/dev4.jsonl"
} > "$TMP/corpus.jsonl"
docs=$(grep -c '"text"' "$TMP/corpus.jsonl")

# ---- -j: the same bytes, whatever the number of threads ----
for fmt in nquads turtle; do
    fg --format=$fmt -j 1 "$TMP/corpus.jsonl" > "$TMP/j1.$fmt" 2> "$TMP/j1.err"
    expect_eq "-j 1 $fmt: exit 1 (three lines failed)" $? 1
    for j in 2 3 8; do
        fg --format=$fmt -j $j "$TMP/corpus.jsonl" > "$TMP/j$j.$fmt" 2> "$TMP/j$j.err"
        expect_eq "-j $j $fmt: exit 1" $? 1
        same "-j $j $fmt: the same output as -j 1" "$TMP/j1.$fmt" "$TMP/j$j.$fmt"
        same "-j $j $fmt: the same messages, in the same order" "$TMP/j1.err" "$TMP/j$j.err"
    done
done
grep -o '^<[^>]*> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context>' "$TMP/j8.nquads" |
    sed 's/> .*//; s/.*data\///' > "$TMP/order.got"
grep '"text"' "$TMP/corpus.jsonl" | grep -o '^{"id": "[^"]*"' | sed 's/.*"id": "//; s/"$//' |
    grep -v '^broken$' | awk '!seen[$0]++' > "$TMP/order.want"
same "documents in input order" "$TMP/order.want" "$TMP/order.got"
# The default (one thread per core) is the same too.
fg --format=nquads "$TMP/corpus.jsonl" > "$TMP/jd.nquads" 2> /dev/null
same "default -j: the same output" "$TMP/j1.nquads" "$TMP/jd.nquads"
# Whole-output formats run on one worker, so they still hold together.
fg --format=rdfxml -j 4 "$example" > "$TMP/x4.rdf"
fg --format=rdfxml -j 1 "$example" > "$TMP/x1.rdf"
same "-j 4 rdfxml: the same output as -j 1" "$TMP/x1.rdf" "$TMP/x4.rdf"
# Other subcommands run on threads as well.
fg tokens -j 1 "$TMP/corpus.jsonl" > "$TMP/t1.tsv" 2> /dev/null
fg tokens -j 4 "$TMP/corpus.jsonl" > "$TMP/t4.tsv" 2> /dev/null
same "tokens -j 4: the same as -j 1" "$TMP/t1.tsv" "$TMP/t4.tsv"
fg show --color=never --width=100 -j 1 "$gold/dev.jsonl" > "$TMP/s1.txt"
fg show --color=never --width=100 -j 3 "$gold/dev.jsonl" > "$TMP/s3.txt"
same "show -j 3: the same as -j 1" "$TMP/s1.txt" "$TMP/s3.txt"
fg eval --format=tsv -j 1 --gold "$gold/dev.jsonl" > "$TMP/e1.tsv"
fg eval --format=tsv -j 4 --gold "$gold/dev.jsonl" > "$TMP/e4.tsv"
same "eval -j 4: the same scores as -j 1" "$TMP/e1.tsv" "$TMP/e4.tsv"
for bad in 0 -1 x 1025 ''; do
    fg -j "$bad" "$example" > /dev/null 2> "$TMP/err"
    expect_eq "-j '$bad': a usage error" $? 2
done
expect_match "-j 0: the message" "$(fg -j 0 "$example" 2>&1)" "-j takes a number of threads from 1 to 1024"

# ---- the summary: nothing lost ----
# Without a terminal, a run with failures says how many documents failed.
expect_eq "failures: one summary line" "$(tail -n 1 "$TMP/j1.err")" \
    "factgraph: $((docs + 1)) documents read, $((docs - 2)) processed, 3 failed"
fg --format=nquads -j 2 --progress "$TMP/corpus.jsonl" > /dev/null 2> "$TMP/p.err"
summary=$(tr '\r' '\n' < "$TMP/p.err" | sed 's/\x1b\[K//g' | grep 'documents read')
expect_match "--progress: the summary" "$summary" \
    "^factgraph: $((docs + 1)) documents read, $((docs - 2)) processed, 3 failed; [0-9]+ events, [0-9]+ triples written; [0-9.]+ MB in [0-9.]+ s \\([0-9.]+ docs/s, [0-9.]+ MB/s, 2 threads\\)$"
triples=$(wc -l < "$TMP/j1.nquads")
expect_match "--progress: the triples counted are the lines written" "$summary" " $triples triples written"
expect_match "--progress: a progress line with documents, MB and rates" \
    "$(tr '\r' '\n' < "$TMP/p.err")" 'factgraph: [0-9]+ documents?, [0-9.]+ MB, [0-9.]+ docs/s, [0-9.]+ MB/s, [0-9]+%, ETA [0-9]+:[0-9][0-9]:[0-9][0-9]'
expect_match "--progress: the errors are still there" "$(cat "$TMP/p.err")" 'malformed JSON line skipped'
# --quiet: no summary, no progress; the errors remain.
fg --format=nquads --quiet --progress --quiet "$TMP/corpus.jsonl" > /dev/null 2> "$TMP/q.err"
expect_eq "--quiet: only the three errors" "$(wc -l < "$TMP/q.err")" 3
# A clean run says nothing unless asked.
fg "$example" > /dev/null 2> "$TMP/err"
expect_eq "a clean run: nothing on stderr" "$(cat "$TMP/err")" ""

# ---- --stats: hits per rule, and the rules that never fired ----
fg --stats --quiet "$example" > /dev/null 2> "$TMP/stats"
expect_match "--stats: the rules that fired" "$(cat "$TMP/stats")" \
    '^factgraph: matches kept per rule \([0-9]+ of [0-9]+ rules fired\):$'
expect_match "--stats: hits, rule, file and line" "$(cat "$TMP/stats")" \
    '^ +[1-9][0-9]*  meeting\.[a-z.-]+  .*rules/pack/events-talks\.xml:[0-9]+$'
expect_match "--stats: the rules that never fired" "$(cat "$TMP/stats")" \
    '^factgraph: [0-9]+ rules never fired:$'
fired=$(sed -n 's/.*(\([0-9]*\) of \([0-9]*\) rules fired.*/\1 \2/p' "$TMP/stats")
listed=$(grep -c '^ *[0-9][0-9]*  ' "$TMP/stats")
expect_eq "--stats: every rule listed once" "$listed" "${fired#* }"
fg --stats -j 1 --quiet "$TMP/corpus.jsonl" > /dev/null 2> "$TMP/s1"
fg --stats -j 4 --quiet "$TMP/corpus.jsonl" > /dev/null 2> "$TMP/s4"
same "--stats -j 4: the same counts as -j 1" "$TMP/s1" "$TMP/s4"

# ---- --output-dir: one file per input, resumable ----
mkdir -p "$TMP/in/sub"
cp "$example" "$TMP/in/a.txt"
printf 'Die NATO traf sich in Brüssel.\n' > "$TMP/in/sub/b.txt"
head -n 20 "$gold/dev.jsonl" > "$TMP/in/c.jsonl"
: > "$TMP/in/empty.jsonl"
fg -j 2 --output-dir "$TMP/out" "$TMP/in" 2> "$TMP/err"
expect_eq "--output-dir: exit 0" $? 0
expect_eq "--output-dir: one file per input, named after it" \
    "$(cd "$TMP/out" && find . | sort | tr '\n' ' ')" \
    ". ./a.txt.ttl ./c.jsonl.ttl ./empty.jsonl.ttl ./sub ./sub/b.txt.ttl "
fg "$TMP/in/a.txt" > "$TMP/a.ttl"
fg --output-dir "$TMP/one" "$TMP/in/a.txt"
same "--output-dir: a file's output as with -o" "$TMP/a.ttl" "$TMP/one/a.txt.ttl"
fg -j 1 --format=nquads "$TMP/in/c.jsonl" > "$TMP/c.nq"
fg -j 3 --format=nquads --output-dir "$TMP/outq" "$TMP/in/c.jsonl"
same "--output-dir: a JSON Lines file's documents in one file" "$TMP/c.nq" "$TMP/outq/c.jsonl.nq"
expect_eq "--output-dir: an input without documents, an empty file" "$(wc -c < "$TMP/out/empty.jsonl.ttl")" 0
# A re-run skips what is done and says so.
touch -d '2001-01-01' "$TMP/out/a.txt.ttl"
fg --progress --output-dir "$TMP/out" "$TMP/in" 2> "$TMP/err"
expect_eq "re-run: exit 0" $? 0
expect_eq "re-run: finished outputs are not written again" \
    "$(find "$TMP/out" -name a.txt.ttl ! -newermt '2002-01-01' | wc -l)" 1
expect_match "re-run: the summary counts them" "$(tr '\r' '\n' < "$TMP/err")" \
    'factgraph: 0 documents read, 0 processed, 0 failed; 0 events, 0 triples written; 4 inputs skipped \(output exists\)'
# A run that stops (an output cannot be created) resumes where it stopped.
rm -r "$TMP/out/sub"
rm "$TMP/out/c.jsonl.ttl"
: > "$TMP/out/sub" # a file where the folder should be
fg -j 1 --output-dir "$TMP/out" "$TMP/in" 2> "$TMP/err"
expect_eq "a stopped run: exit 1" $? 1
expect_match "a stopped run: says which file" "$(cat "$TMP/err")" "$TMP/out/sub/b.txt.ttl: cannot create"
expect_eq "a stopped run: nothing half-written is left" \
    "$(find "$TMP/out" -name '.*' | wc -l)" 0
rm "$TMP/out/sub"
fg -j 2 --output-dir "$TMP/out" "$TMP/in" 2> "$TMP/err"
expect_eq "resumed: exit 0" $? 0
fg -j 2 --output-dir "$TMP/fresh" "$TMP/in"
expect_eq "resumed: the same files as one run" \
    "$(cd "$TMP/out" && find . -type f | sort | xargs cat | cksum)" \
    "$(cd "$TMP/fresh" && find . -type f | sort | xargs cat | cksum)"
# gzip, tokens, and what cannot go with --output-dir.
fg --compress --format=ntriples --output-dir "$TMP/gz" "$TMP/in/a.txt"
fg --format=ntriples "$TMP/in/a.txt" > "$TMP/a.nt"
gzip -dc "$TMP/gz/a.txt.nt.gz" > "$TMP/a.gz.nt"
same "--output-dir --compress: FILE.nt.gz" "$TMP/a.nt" "$TMP/a.gz.nt"
fg tokens --output-dir "$TMP/tok" "$TMP/in/a.txt" "$TMP/in/sub/b.txt"
expect_eq "tokens --output-dir: a header in each file" \
    "$(head -qn 1 "$TMP/tok/a.txt.tsv" "$TMP/tok/b.txt.tsv" | sort -u | cut -f1-3)" "doc	sent	clause"
fg --output-dir "$TMP/dup" "$TMP/in/sub/b.txt" "$TMP/in/a.txt" "$TMP/in/sub/../sub/b.txt" 2> "$TMP/err"
expect_eq "two inputs, one output name: exit 1" $? 1
expect_match "two inputs, one output name: said" "$(cat "$TMP/err")" \
    "b.txt: error: its output .*/dup/b.txt.ttl is the output of an earlier input too: not read"
for bad in "-o $TMP/x.ttl" "--run-info" "--format=rdfxml" "--format=json"; do
    # shellcheck disable=SC2086 # two words
    fg $bad --output-dir "$TMP/never" "$example" > /dev/null 2> "$TMP/err"
    expect_eq "--output-dir with $bad: a usage error" $? 2
done
for sub in show "eval --gold=$gold/dev.jsonl" "query -e ASK{}" "explain --rule=x"; do
    # shellcheck disable=SC2086 # words
    fg $sub --output-dir "$TMP/never" "$example" > /dev/null 2> "$TMP/err"
    expect_eq "${sub%% *} --output-dir: a usage error" $? 2
    expect_match "${sub%% *} --output-dir: said" "$(cat "$TMP/err")" "an option of extract and tokens only: '--output-dir'"
done
expect_eq "usage errors: no folder made" "$(test -e "$TMP/never" && echo made)" ""

done_testing
