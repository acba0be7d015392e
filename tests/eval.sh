#!/bin/sh
# factgraph eval: scores against a small gold standard with rules made
# for it, the same from text and from RDF dumps, the list of errors, and
# bad gold files refused with FILE:LINE.
. "$top_srcdir/tests/lib.sh"
fg() { "$FACTGRAPH" "$@"; }

cat > "$TMP/rules.xml" <<'XML'
<rules xmlns="https://w3id.org/factgraph/rules/1">
  <rule id="t.meet" class="dpo:Meeting">
    <pattern><token flags="capitalised" role="agent"/><token form="traf" role="trigger"/>
      <token flags="capitalised" role="participant"/>
      <opt><token form="in"/><token flags="capitalised" role="location"/></opt></pattern>
    <example agent="Merz" location="Paris">Merz traf Macron in Paris.</example>
  </rule>
  <rule id="t.say" class="dpo:Statement">
    <pattern><token flags="capitalised" role="agent"/><token form="sagte" role="trigger"/></pattern>
    <example agent="Merz">Merz sagte das.</example>
  </rule>
</rules>
XML

# g1, g2, g6: found (g2's agent is a longer phrase that shares a word);
# g3: the gold's agent is another, so one missed and one spurious; g5:
# no rule, missed; g4: nothing to find. g6 has two sentences and the same
# trigger twice, told apart by offset.
P='"polarity": "Positive", "certainty": "Certain", "status": "Past"'
cat > "$TMP/gold.jsonl" <<EOF
{"id": "g1", "text": "Merz traf Macron in Paris.", "events": [{"class": "Meeting", "trigger": "traf", "agent": "Merz", "participant": "Macron", "location": "Paris", $P}]}
{"id": "g2", "text": "Der Kanzler Merz sagte nichts.", "events": [{"class": "Statement", "trigger": "sagte", "agent": "Der Kanzler Merz", $P}]}
{"id": "g3", "text": "Scholz traf Biden.", "events": [{"class": "Meeting", "trigger": "traf", "agent": "Biden", "participant": "Scholz", $P}]}

{"id": "g4", "text": "Das Wetter war schön.", "events": [], "note": "no event"}
{"id": "g5", "text": "Pistorius besuchte Kiew.", "events": [{"class": "Visit", "trigger": "besuchte", "agent": "Pistorius", "location": "Kiew", $P}]}
{"id": "g6", "text": "Merz sagte das. Macron sagte es auch.", "events": [{"class": "Statement", "trigger": "sagte", "offset": 5, "agent": "Merz", $P}, {"class": "Statement", "trigger": "sagte", "offset": 23, "agent": "Macron", $P}]}
EOF

fg eval --gold "$TMP/gold.jsonl" --rules "$TMP/rules.xml" --format=tsv > "$TMP/scores.tsv" 2> "$TMP/err"
expect_eq "eval: exit 0" $? 0
expect_eq "eval: nothing on stderr" "$(cat "$TMP/err")" ""
row() { awk -F'\t' -v k="$1" -v n="$2" '$1 == k && $2 == n { print $3, $4, $5, $6, $7, $8 }' "$TMP/scores.tsv"; }
expect_eq "TSV header" "$(head -n 1 "$TMP/scores.tsv")" \
    "$(printf 'kind\tname\ttp\tfp\tfn\tprecision\trecall\tf1')"
expect_eq "events, all: 4 found, 1 spurious, 2 missed" "$(row event all)" \
    "4 1 2 0.8000 0.6667 0.7273"
expect_eq "events, Meeting" "$(row event Meeting)" "1 1 1 0.5000 0.5000 0.5000"
expect_eq "events, Statement: a longer agent phrase matches" "$(row event Statement)" \
    "3 0 0 1.0000 1.0000 1.0000"
expect_eq "events, Visit: no rule" "$(row event Visit)" "0 0 1 0.0000 0.0000 0.0000"
expect_eq "no row for a class nobody has" "$(row event Attack)" ""
expect_eq "role agent" "$(row role agent)" "4 1 2 0.8000 0.6667 0.7273"
expect_eq "role location" "$(row role location)" "1 0 1 1.0000 0.5000 0.6667"
expect_eq "role participant: the spurious event's is wrong" "$(row role participant)" \
    "1 1 1 0.5000 0.5000 0.5000"
expect_eq "factuality status" "$(row factuality status)" "4 1 2 0.8000 0.6667 0.7273"

# The same scores from RDF dumps of the same extraction.
fg extract --rules "$TMP/rules.xml" --format=ntriples "$TMP/gold.jsonl" > "$TMP/dump.nt"
fg extract --rules "$TMP/rules.xml" "$TMP/gold.jsonl" > "$TMP/dump.ttl"
fg extract --rules "$TMP/rules.xml" --format=nquads "$TMP/gold.jsonl" > "$TMP/dump.nq"
for f in dump.nt dump.ttl dump.nq; do
    fg eval --gold "$TMP/gold.jsonl" --format=tsv "$TMP/$f" > "$TMP/from-dump.tsv"
    if cmp -s "$TMP/scores.tsv" "$TMP/from-dump.tsv"; then pass "the same scores from $f"
    else fail "the same scores from $f" "$(diff "$TMP/scores.tsv" "$TMP/from-dump.tsv")"; fi
done

# --errors: what did not match.
fg eval --gold "$TMP/gold.jsonl" --rules "$TMP/rules.xml" --format=tsv --errors |
    grep -E '^(missed|spurious)' > "$TMP/errors"
expect_eq "--errors" "$(cat "$TMP/errors")" "$(printf 'missed\tg3\tMeeting\ttraf\tBiden
missed\tg5\tVisit\tbesuchte\tPistorius
spurious\tg3\tMeeting\ttraf\tOlaf Scholz')"

# --errors: a matched event's factuality and roles that differ, with the
# gold's and the found values ("-": none; an entity by its label).
cat > "$TMP/roles.jsonl" <<EOF
{"id": "r1", "text": "Merz traf Macron in Paris.", "events": [{"class": "Meeting", "trigger": "traf", "agent": "Merz", "participant": "Paris", "polarity": "Positive", "certainty": "Certain", "status": "Ongoing"}]}
EOF
fg eval --gold "$TMP/roles.jsonl" --rules "$TMP/rules.xml" --format=tsv --errors |
    awk -F'\t' '$1 != "kind" && (NF == 6 || NF == 7)' > "$TMP/errors"
expect_eq "--errors: factuality and roles" "$(cat "$TMP/errors")" "$(printf 'status\tr1\tMeeting\ttraf\tMerz\tOngoing Past
participant\tr1\tMeeting\ttraf\tMerz\tParis\tEmmanuel Macron
location\tr1\tMeeting\ttraf\tMerz\t-\tParis')"

# The table, and a document the gold does not have.
printf 'Weber traf Klein.\n' > "$TMP/other.txt"
out=$(fg eval --gold "$TMP/gold.jsonl" --rules "$TMP/rules.xml" "$TMP/gold.jsonl" "$TMP/other.txt")
expect_match "table: the counts" "$out" \
    '^gold: 6 documents, 6 events; found: 5 events in them \(and 1 in documents the gold does not have\)'
expect_match "table: the micro row" "$out" '  all \(micro\)  +0\.800 +0\.667 +0\.727 +4 +1 +2'

# Bad gold files: every problem, as FILE:LINE, exit 2, no scores.
cat > "$TMP/bad.jsonl" <<EOF
{"id": "b1", "text": "Merz traf Macron.", "events": [{"class": "Treffen", "trigger": "traf", $P}]}
not json
{"id": "b3", "text": "Merz traf Macron.", "events": [{"class": "Meeting", "trigger": "trifft", $P}]}
{"id": "b4", "text": "Merz traf Macron.", "events": [{"class": "Meeting", "trigger": "traf", "agent": "Scholz", $P}]}
{"id": "b5", "text": "Er traf ihn, dann traf er sie.", "events": [{"class": "Meeting", "trigger": "traf", $P}]}
{"id": "b1", "text": "Merz traf Macron.", "events": []}
{"id": "b7", "text": "Merz traf Macron.", "events": [{"class": "Meeting", "trigger": "traf", "polarity": "Positive", "certainty": "Sure", "status": "Past"}]}
{"id": "b8", "text": "Merz traf Macron.", "events": [{"class": "Meeting", "trigger": "traf", "offset": 2, $P}]}
EOF
fg eval --gold "$TMP/bad.jsonl" > "$TMP/out" 2> "$TMP/err"
expect_eq "bad gold: exit 2" $? 2
expect_eq "bad gold: no scores" "$(wc -c < "$TMP/out")" 0
err=$(sed "s|$TMP/||" "$TMP/err")
expect_eq "bad gold: each problem" "$err" 'bad.jsonl:1: error: event 1: "class" is missing or not one of the classes of FORMAT.md
bad.jsonl:2: error: not a JSON object
bad.jsonl:3: error: event 1: trigger "trifft" is not in the text
bad.jsonl:4: error: event 1: the agent is not words of the text
bad.jsonl:5: error: event 1: trigger "traf" occurs more than once: give its "offset"
bad.jsonl:6: error: duplicate id '"'"'b1'"'"'
bad.jsonl:7: error: event 1: "certainty" is missing or not a value of FORMAT.md
bad.jsonl:8: error: event 1: trigger "traf" is not at its "offset"'

fg eval --gold "$TMP/missing.jsonl" > /dev/null 2> "$TMP/err"
expect_eq "a missing gold file: exit 2" $? 2
expect_match "a missing gold file: named" "$(cat "$TMP/err")" 'missing.jsonl: error: cannot read the gold file'
fg eval > /dev/null 2> "$TMP/err"
expect_eq "no --gold: exit 2" $? 2
expect_match "no --gold: said" "$(cat "$TMP/err")" 'eval needs --gold=FILE'
fg extract --gold "$TMP/gold.jsonl" < /dev/null > /dev/null 2> "$TMP/err"
expect_eq "--gold outside eval: exit 2" $? 2
fg eval --gold "$TMP/gold.jsonl" --format=turtle > /dev/null 2>&1
expect_eq "eval --format=turtle: exit 2" $? 2
printf 'not RDF\n' > "$TMP/broken.nt"
fg eval --gold "$TMP/gold.jsonl" "$TMP/broken.nt" > /dev/null 2> "$TMP/err"
expect_eq "an unparsable dump: exit 1" $? 1
expect_match "an unparsable dump: named with its line" "$(cat "$TMP/err")" 'broken.nt:1: error:'
done_testing
