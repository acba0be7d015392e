#!/bin/sh
# factgraph show: the facts of the example article as tables, the same
# from a dump as from the text; colour only when asked for or on a
# terminal without NO_COLOR; columns aligned by display width with
# umlauts, CJK, emoji and combining marks; --width; and the filters
# --class, --agent, --min-certainty on show and on extract.
. "$top_srcdir/tests/lib.sh"
fg() { "$FACTGRAPH" "$@"; }
example="$top_srcdir/examples/koalition-der-willigen.txt"
ESC=$(printf '\033')

# Display width of each line of standard input (wide East Asian and emoji
# characters 2, combining marks 0): the tables' own count, done apart.
widths() {
    python3 -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
for line in sys.stdin.read().split("\n"):
    print(width(line))'
}

# --- The example article ------------------------------------------------
fg show --color=never --width=200 "$example" > "$TMP/text.out" 2> "$TMP/err"
expect_eq "show: exit 0" $? 0
expect_eq "show: nothing on stderr" "$(cat "$TMP/err")" ""
expect_match "show: the heading is the document id" "$(head -n 1 "$TMP/text.out")" \
    "koalition-der-willigen.txt"
expect_match "show: a Statement row with the agent Healey" "$(cat "$TMP/text.out")" \
    '^  [0-9]+ +Statement +[^ ].*Healey'
# The evidence sentence beneath a row, trigger in [ ], fillers in * *.
expect_match "show: the evidence sentence marks trigger and agent" \
    "$(cat "$TMP/text.out")" '^      .*\*(John )?Healey\*.*\[[^]]+\]'
# A person with an office: the office column of a Person row is not empty.
office=$(python3 - "$TMP/text.out" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
start = lines.index(next(l for l in lines if l.startswith("Entities")))
head = lines[start + 1]
at, end = head.index("office"), head.index("affiliation")
for l in lines[start + 3:]:
    if l.split()[:1] == ["Person"] and l[at:end].strip():
        print(l.split()[0], "|", l[at:end].strip())
        break
PY
)
expect_match "show: the entities list a person with an office" "$office" \
    '^Person \| [^ ]'

# The same tables from a dump that extract wrote, in each syntax.
fg extract "$example" > "$TMP/dump.ttl"
fg extract --format=ntriples --no-context-text "$example" > "$TMP/dump.nt"
fg extract --format=nquads "$example" > "$TMP/dump.nq"
for d in dump.ttl dump.nt; do
    fg show --color=never --width=200 "$TMP/$d" > "$TMP/$d.out" 2> "$TMP/err"
    expect_eq "show $d: exit 0" $? 0
    expect_eq "show $d: the same tables as from the text" \
        "$(cat "$TMP/$d.out")" "$(cat "$TMP/text.out")"
done
fg show --color=never --width=200 --input-format=nquads - < "$TMP/dump.nq" \
    > "$TMP/nq.out"
expect_eq "show --input-format=nquads from stdin: the same tables" \
    "$(cat "$TMP/nq.out")" "$(cat "$TMP/text.out")"
printf 'not turtle at all <' > "$TMP/bad.ttl"
fg show "$TMP/bad.ttl" > /dev/null 2> "$TMP/err"
expect_eq "show: a dump that does not parse exits 1" $? 1
expect_match "show: ... and is named" "$(cat "$TMP/err")" "bad.ttl"

# --- Colour -------------------------------------------------------------
has_esc() { grep -c "$ESC" "$1"; }
fg show --color=never "$example" > "$TMP/c.out"
expect_eq "--color=never: no escape bytes" "$(has_esc "$TMP/c.out")" 0
NO_COLOR=1 fg show --color=auto "$example" > "$TMP/c.out"
expect_eq "NO_COLOR=1 --color=auto: no escape bytes" "$(has_esc "$TMP/c.out")" 0
fg show "$example" > "$TMP/c.out"
expect_eq "auto into a file: no escape bytes" "$(has_esc "$TMP/c.out")" 0
NO_COLOR=1 fg show --color=always "$example" > "$TMP/c.out"
if [ "$(has_esc "$TMP/c.out")" -gt 0 ]; then pass "--color=always: escape bytes, NO_COLOR or not"
else fail "--color=always: escape bytes, NO_COLOR or not"; fi
fg show --color=sometimes "$example" > /dev/null 2>&1
expect_eq "--color=sometimes is a usage error" $? 2

# In a real terminal (script(1) from util-linux makes a pseudo-terminal):
# colour by default, none with NO_COLOR.
if command -v script > /dev/null 2>&1; then
    SHELL=/bin/sh script -qec "\"$FACTGRAPH\" show \"$example\"" /dev/null \
        < /dev/null > "$TMP/pty.out" 2>&1
    if [ "$(has_esc "$TMP/pty.out")" -gt 0 ] && grep -q Healey "$TMP/pty.out"
    then pass "on a terminal: colour by default"
    else fail "on a terminal: colour by default" "$(head -c 600 "$TMP/pty.out")"; fi
    NO_COLOR=1 SHELL=/bin/sh script -qec "\"$FACTGRAPH\" show \"$example\"" \
        /dev/null < /dev/null > "$TMP/pty.out" 2>&1
    if [ "$(has_esc "$TMP/pty.out")" -eq 0 ] && grep -q Healey "$TMP/pty.out"
    then pass "on a terminal with NO_COLOR=1: no colour"
    else fail "on a terminal with NO_COLOR=1: no colour" "$(head -c 600 "$TMP/pty.out")"; fi
else
    fail "script(1) (util-linux) is needed for the terminal test"
fi

# --- Widths -------------------------------------------------------------
# A dump whose cells hold umlauts, CJK, emoji and a combining mark: every
# column starts at the same display column on every row.
python3 - "$TMP/wide.ttl" <<'PY'
import sys
base = "https://w3id.org/factgraph/data/"
doc = base + "wide"
rows = [("Jürgen Müller", "traf", "Ölmühle"), ("李明", "会见", "王芳"),
        ("🚀 Rakete", "traf", "Zoe\u0308 Éclair"), ("Ana", "traf", "😀😀 Gruppe")]
text, nodes = "", []
for i, (agent, trig, part) in enumerate(rows):
    start = len(text)
    sentence = f"{agent} {trig} {part}."
    text += sentence + " "
    nodes.append((start, sentence, agent, trig, part))
out = ["@prefix dpo: <https://w3id.org/factgraph/dpo#> .",
       "@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .",
       "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
       "@prefix prov: <http://www.w3.org/ns/prov#> .",
       f"<{doc}> a nif:Context ; nif:isString \"{text}\" ."]
def nif(b, e, s):
    iri = f"<{doc}#char={b},{e}>"
    out.append(f"{iri} nif:referenceContext <{doc}> ; nif:beginIndex {b} ; "
               f"nif:endIndex {e} ; nif:anchorOf \"{s}\" .")
    return iri
for i, (start, sentence, agent, trig, part) in enumerate(nodes):
    ev = f"<{doc}#event-{i}>"
    sent = nif(start, start + len(sentence), sentence)
    t0 = start + len(agent) + 1
    trig_iri = nif(t0, t0 + len(trig), trig)
    a = f"<{base}entity/Person/a{i}>"
    p = f"<{base}entity/Person/p{i}>"
    out.append(f"{a} a dpo:Person ; rdfs:label \"{agent}\"@de ; "
               f"dpo:mention {nif(start, start + len(agent), agent)} .")
    p0 = t0 + len(trig) + 1
    out.append(f"{p} a dpo:Person ; rdfs:label \"{part}\"@de ; "
               f"dpo:mention {nif(p0, p0 + len(part), part)} .")
    out.append(f"{ev} a dpo:Meeting ; dpo:polarity dpo:Positive ; "
               f"dpo:certainty dpo:Certain ; dpo:status dpo:Past ; dpo:rule \"t\" ; "
               f"dpo:trigger {trig_iri} ; dpo:evidence {sent} ; "
               f"prov:wasDerivedFrom <{doc}> ; dpo:agent {a} ; dpo:participant {p} .")
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
fg show --color=never --width=100 "$TMP/wide.ttl" > "$TMP/wide.out" 2> "$TMP/err"
expect_eq "show of a dump with wide characters: exit 0" $? 0
aligned=$(python3 - "$TMP/wide.out" <<'PY'
import sys, re, unicodedata
def w(c):
    return 0 if unicodedata.combining(c) else \
        2 if unicodedata.east_asian_width(c) in "WF" else 1
def starts(line):
    # display column -> the character that starts there
    col, out = 0, {}
    for c in line:
        if w(c):
            out[col] = c
        col += w(c)
    return out
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
head = next(l for l in lines if l.lstrip().startswith("#"))
cols = [starts(head)]
heads = {name: head.index(name) for name in
         ("class", "agent", "trigger", "roles", "factuality")}
rows = [l for l in lines if re.match(r"^  [0-9]+ ", l)]
bad = []
for l in rows:
    s = starts(l)
    for name, at in heads.items():
        if s.get(at, " ") == " " or s.get(at - 1, " ") != " ":
            bad.append(f"{name} not at column {at}: {l}")
print(len(rows), "rows;", "; ".join(bad) or "aligned")
PY
)
expect_eq "columns start at the same display column on every row" "$aligned" \
    "4 rows; aligned"
expect_match "the CJK agent is in its cell" "$(cat "$TMP/wide.out")" '^  2 +Meeting +李明 +会见'

fg show --color=never --width=60 "$example" > "$TMP/w60.out"
expect_eq "--width=60: no line wider than 60 columns" \
    "$(widths < "$TMP/w60.out" | sort -n | tail -n 1)" 60
expect_match "--width=60: cells are cut with …" "$(cat "$TMP/w60.out")" '…'
COLUMNS=72 fg show --color=never "$example" > "$TMP/w72.out"
expect_eq "COLUMNS=72 when not on a terminal" \
    "$(widths < "$TMP/w72.out" | sort -n | tail -n 1)" 72
fg show --width=5 "$example" > /dev/null 2>&1
expect_eq "--width=5 is a usage error" $? 2

# --- Filters ------------------------------------------------------------
cat > "$TMP/rules.xml" <<'XML'
<rules xmlns="https://w3id.org/factgraph/rules/1">
  <rule id="t.deliver" class="dpo:ArmsDelivery">
    <pattern><token lemma="liefern lieferung" role="trigger"/></pattern>
    <example>Deutschland liefert Panzer.</example>
  </rule>
  <rule id="t.attack" class="dpo:Attack">
    <pattern><token lemma="angreifen angriff" role="trigger"/></pattern>
    <example>Russland griff an.</example>
  </rule>
  <rule id="t.say" class="dpo:Statement">
    <pattern><token flags="capitalised" role="agent"/><token form="sagte" role="trigger"/></pattern>
    <example agent="Merz">Merz sagte das.</example>
  </rule>
</rules>
XML
cat > "$TMP/facts.txt" <<'EOF'
Deutschland lieferte Panzer an die Ukraine.

Russland soll die Stadt angegriffen haben.

Möglicherweise liefert Deutschland Panzer.

Eine Lieferung von Panzern gilt als unwahrscheinlich.

Merz sagte das.

Macron sagte es auch.
EOF
# rows FILE: "class certainty" of each event row.
rows() { grep -E '^  [0-9]+ ' "$1" | awk '{ print $2, $(NF - 1) }' | sort | tr '\n' ';'; }
fg show --color=never --width=200 --rules "$TMP/rules.xml" "$TMP/facts.txt" > "$TMP/all.out"
expect_eq "the small input has events of every certainty" "$(rows "$TMP/all.out")" \
    "ArmsDelivery certain;ArmsDelivery possible;ArmsDelivery unlikely;Attack probable;Statement certain;Statement certain;"
fg show --color=never --width=200 --rules "$TMP/rules.xml" --min-certainty=Probable \
    "$TMP/facts.txt" > "$TMP/f.out"
expect_eq "show --min-certainty=Probable drops Possible and Unlikely" \
    "$(rows "$TMP/f.out")" "ArmsDelivery certain;Attack probable;Statement certain;Statement certain;"
fg show --color=never --width=200 --rules "$TMP/rules.xml" --class Statement \
    "$TMP/facts.txt" > "$TMP/f.out"
expect_eq "show --class Statement: only Statements" "$(rows "$TMP/f.out")" \
    "Statement certain;Statement certain;"
fg show --color=never --width=200 --rules "$TMP/rules.xml" \
    --class=dpo:Attack,ArmsDelivery --min-certainty=possible "$TMP/facts.txt" > "$TMP/f.out"
expect_eq "show --class as a comma list, with --min-certainty" "$(rows "$TMP/f.out")" \
    "ArmsDelivery certain;ArmsDelivery possible;Attack probable;"
fg show --color=never --width=200 --rules "$TMP/rules.xml" --agent MACRON \
    "$TMP/facts.txt" > "$TMP/f.out"
expect_eq "show --agent: case-insensitive, in the agent's name" \
    "$(grep -cE '^  [0-9]+ +Statement +Emmanuel Macron' "$TMP/f.out") $(rows "$TMP/f.out")" \
    "1 Statement certain;"
fg show --class Bogus "$example" > "$TMP/f.out" 2> "$TMP/err"
expect_eq "show --class Bogus: exit 2" $? 2
expect_eq "show --class Bogus: no output" "$(cat "$TMP/f.out")" ""
expect_match "show --class Bogus: the known classes are named" "$(cat "$TMP/err")" \
    "Bogus.*Meeting Statement"
fg show --min-certainty=Sure "$example" > /dev/null 2>&1
expect_eq "show --min-certainty=Sure: exit 2" $? 2

# extract: the events dropped before the RDF is written; every node the
# RDF points to is described; entities stay.
fg extract --rules "$TMP/rules.xml" --format=ntriples "$TMP/facts.txt" > "$TMP/all.nt"
fg extract --rules "$TMP/rules.xml" --format=ntriples --min-certainty=Probable \
    --class Statement,ArmsDelivery "$TMP/facts.txt" > "$TMP/f.nt"
expect_eq "extract with filters: exit 0" $? 0
classes() {
    grep '#event-[0-9a-f]*> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>' "$1" |
        sed 's/.*dpo#\([A-Za-z]*\)> \.$/\1/' | sort | tr '\n' ' '
}
expect_eq "extract --class --min-certainty: only the events kept" \
    "$(classes "$TMP/f.nt")" "ArmsDelivery Statement Statement "
dangling=$(python3 - "$TMP/f.nt" <<'PY'
import sys, re
subjects, objects = set(), set()
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"(<[^>]*>) <[^>]*> (<[^>]*>) \.$", line.strip())
    s = line.split(" ", 1)[0]
    subjects.add(s)
    if m and "#" in m.group(2) and "/data/" in m.group(2):
        objects.add(m.group(2))
print(len(objects - subjects))
PY
)
expect_eq "extract with filters: nothing dangles" "$dangling" 0
expect_eq "extract with filters: the entities stay" \
    "$(grep -c 'entity/.*rdf-schema#label' "$TMP/f.nt")" \
    "$(grep -c 'entity/.*rdf-schema#label' "$TMP/all.nt")"
fg extract --class Nope "$TMP/facts.txt" > "$TMP/f.out" 2>&1
expect_eq "extract --class Nope: exit 2" $? 2

# --explain inline: after the tables, each kept match with its rule, its
# file and line, its roles and its elements' tokens.
fg show --explain --color=never "$example" > "$TMP/explain.out" 2> "$TMP/explain.err"
expect_eq "show --explain: exit 0" $? 0
expect_match "show --explain: the matches after the tables" \
    "$(cat "$TMP/explain.out")" '^Matches \([0-9]+\)$'
expect_match "show --explain: a Statement rule with its file and line" \
    "$(cat "$TMP/explain.out")" 'rule statement\.[a-z.-]+ \(.*events-statement\.xml:[0-9]+, phase events, class dpo:Statement\) matched'
expect_match "show --explain: elements with their lines" \
    "$(cat "$TMP/explain.out")" '    line [0-9]+ <token [^>]*>: "'
expect_eq "show --explain: nothing on stderr" "$(cat "$TMP/explain.err")" ""

done_testing
