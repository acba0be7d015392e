#!/bin/sh
# Rules from the command line: check-rules on the shipped pack and on
# broken ones (exit codes, the one diagnostic format), --rules,
# --extra-rules and --ontology, --explain on extract, and DTDs, external
# entities and entity bombs refused in bounded time and memory.
. "$top_srcdir/tests/lib.sh"
fg() { "$FACTGRAPH" "$@"; }
NS='xmlns="https://w3id.org/factgraph/rules/1"'

# The shipped rules pass their own examples.
out=$(fg check-rules 2>&1); status=$?
expect_eq "check-rules on the shipped pack: exit 0" $status 0
expect_match "check-rules: a summary" "$out" '^[0-9]+ rules, [0-9]+ examples: [0-9]+ passed, 0 failed$'
n=$(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\) rules.*/\1/p')
[ "${n:-0}" -ge 4 ] && pass "check-rules loaded the pack" || fail "check-rules loaded the pack" "$out"
out=$(fg check-rules "$top_srcdir/rules/pack" 2>&1)
expect_match "check-rules on a folder" "$out" '^[0-9]+ rules, .* 0 failed$'

# A failing example: exit 1, FILE:LINE: error: rule ID: expected ..., got ...
cat > "$TMP/fail.xml" <<XML
<rules $NS>
  <rule id="meet" class="dpo:Meeting">
    <pattern><token flags="capitalised" role="agent"/><token form="traf" role="trigger"/></pattern>
    <example agent="Merz">Merz traf Macron.</example>
    <example agent="Macron">Merz traf Macron.</example>
    <counterexample>Dann traf es ihn.</counterexample>
  </rule>
</rules>
XML
fg check-rules "$TMP/fail.xml" > "$TMP/out" 2> "$TMP/err"; status=$?
expect_eq "failing examples: exit 1" $status 1
expect_eq "failing examples: the messages" "$(sed "s|$TMP/||" "$TMP/err")" \
"fail.xml:5: error: rule meet: expected agent \"Macron\", got agent \"Merz\"
fail.xml:6: error: rule meet: expected no match in the counter-example, got \"Dann traf\""
expect_eq "failing examples: the summary" "$(cat "$TMP/out")" "1 rules, 3 examples: 1 passed, 2 failed"

# A file that cannot be loaded: exit 2, nothing on stdout, and extract
# with it writes nothing either.
cat > "$TMP/broken.xml" <<XML
<rules $NS>
  <rule id="x" class="dpo:Banquet">
    <pattern><token/></pattern><example>x</example>
  </rule>
  <rule id="y" class="dpo:Meeting">
    <pattern><opt><token/></opt></pattern><example>x</example>
  </rule>
  <rule id="z" class="dpo:Meeting">
    <pattern><token/></pattern>
    <output reports="sentence"/><example>x</example>
  </rule>
</rules>
XML
fg check-rules "$TMP/broken.xml" > "$TMP/out" 2> "$TMP/err"; status=$?
expect_eq "broken rules: exit 2" $status 2
expect_eq "broken rules: every error, each on its line" "$(sed "s|$TMP/||" "$TMP/err")" \
"broken.xml:2: error: <rule>: unknown class 'dpo:Banquet' (not in the ontology)
broken.xml:5: error: rule y: the pattern can match the empty sequence (make something in it required)
broken.xml:10: error: <output>: reports is for dpo:Statement rules, not for rule z of class dpo:Meeting"
expect_eq "broken rules: no output" "$(cat "$TMP/out")" ""
printf 'Merz traf Macron.' | fg extract --rules "$TMP/broken.xml" > "$TMP/out" 2> /dev/null
expect_eq "extract with broken rules: exit 2" $? 2
expect_eq "extract with broken rules: no output" "$(wc -c < "$TMP/out")" 0

# --rules replaces the default pack; --extra-rules adds to it.
cat > "$TMP/extra.xml" <<XML
<rules $NS>
  <rule id="extra.visit" class="dpo:Visit">
    <pattern><token flags="capitalised" role="agent"/><token form="bewunderte" role="trigger"/>
      <token flags="capitalised" role="location"/></pattern>
    <example agent="Merz" location="Kiew">Merz bewunderte Kiew.</example>
  </rule>
</rules>
XML
text='Merz bewunderte Kiew. Verteidigungsminister John Healey sagte, es gehe voran.'
# The rules that made events, a statement rule of the pack as "statement.*".
rules_of() { printf '%s' "$text" | fg extract --format=ntriples "$@" | sed -n 's/.*dpo#rule> "\([^"]*\)".*/\1/p' | sed 's/^statement\..*/statement.*/' | sort -u | tr '\n' ' '; }
expect_eq "the default pack" "$(rules_of)" "statement.* "
expect_eq "--rules replaces it" "$(rules_of --rules "$TMP/extra.xml")" "extra.visit "
expect_eq "--extra-rules adds to it" "$(rules_of --extra-rules "$TMP/extra.xml")" "extra.visit statement.* "
out=$(fg check-rules --extra-rules "$TMP/extra.xml" "$TMP/fail.xml" 2>/dev/null)
expect_match "check-rules with --extra-rules" "$out" '^2 rules, 4 examples'
# --ontology: classes are checked against the ontology given.
printf '@prefix dpo: <https://w3id.org/factgraph/dpo#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\ndpo:Event a owl:Class .\ndpo:Meeting a owl:Class ; rdfs:subClassOf dpo:Event .\n' > "$TMP/small.ttl"
fg check-rules --ontology "$TMP/small.ttl" "$TMP/extra.xml" > /dev/null 2> "$TMP/err"
expect_eq "--ontology: a class it lacks: exit 2" $? 2
expect_match "--ontology: a class it lacks" "$(cat "$TMP/err")" "unknown class 'dpo:Visit'"
expect_eq "--ontology: the classes it has" \
    "$(fg check-rules --ontology "$TMP/small.ttl" "$TMP/fail.xml" 2>/dev/null)" \
    "1 rules, 3 examples: 1 passed, 2 failed"

# --explain: the rule, its file and line, the phase, the elements' tokens.
printf '%s' "$text" | fg extract --explain --extra-rules "$TMP/extra.xml" > "$TMP/out" 2> "$TMP/err"
expect_eq "--explain: exit 0" $? 0
err=$(sed "s|$TMP/||; s|$top_srcdir/||" "$TMP/err")
expect_match "--explain: the match" "$err" \
    '^stdin: sentence 1: rule extra.visit \(extra.xml:2, phase events, class dpo:Visit\) matched "Merz bewunderte Kiew" \(tokens 1-3\)$'
expect_match "--explain: a role" "$err" '^  role location: "Kiew"$'
expect_match "--explain: an element and its tokens" "$err" '^  line 3 <token flags="capitalised" role="agent">: "Merz"$'
expect_match "--explain: the entities phase" "$err" \
    'rule person.office-name \(rules/pack/entities.xml:[0-9]+, phase entities, class dpo:Person\) matched "Verteidigungsminister John Healey"'
cmp -s "$TMP/out" "$(printf '%s' "$text" | fg extract --extra-rules "$TMP/extra.xml" > "$TMP/plain"; echo "$TMP/plain")" &&
    pass "--explain leaves the RDF alone" || fail "--explain leaves the RDF alone"

# DTDs and entities: refused at once, in bounded memory, nothing read.
printf 'TOP-SECRET\n' > "$TMP/secret.txt"
cat > "$TMP/xxe.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE rules [<!ENTITY s SYSTEM "file://$TMP/secret.txt">]>
<rules $NS><rule id="a" class="dpo:Meeting"><pattern><token form="&s;"/></pattern><example>x</example></rule></rules>
XML
out=$(fg check-rules "$TMP/xxe.xml" 2>&1); status=$?
expect_eq "external entity: exit 2" $status 2
expect_match "external entity: DOCTYPE refused" "$out" 'xxe.xml:2: error: DOCTYPE is not allowed in rule files'
case $out in *TOP-SECRET*) fail "external entity: never read" "$out";; *) pass "external entity: never read";; esac
{
    printf '<?xml version="1.0"?>\n<!DOCTYPE rules [\n<!ENTITY a0 "lollollollol">\n'
    i=1
    while [ $i -le 30 ]; do
        p=$((i - 1))
        printf '<!ENTITY a%d "&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;">\n' $i $p $p $p $p $p $p $p $p $p $p
        i=$((i + 1))
    done
    printf ']>\n<rules %s><rule id="a" class="dpo:Meeting"><pattern><token form="&a30;"/></pattern><example>&a30;</example></rule></rules>\n' "$NS"
} > "$TMP/bomb.xml"
# Expanded, &a30; would be 10^30 copies; peak memory is measured with GNU
# time (a ulimit would not do under AddressSanitizer's reservations).
timeout 20 /usr/bin/time -f '%M' -o "$TMP/rss" "$FACTGRAPH" check-rules "$TMP/bomb.xml" > /dev/null 2> "$TMP/err"
expect_eq "entity bomb: exit 2 (not killed)" $? 2
expect_match "entity bomb: DOCTYPE refused" "$(cat "$TMP/err")" 'bomb.xml:2: error: DOCTYPE is not allowed'
rss=$(tail -n 1 "$TMP/rss")
[ "${rss:-999999}" -lt 300000 ] && pass "entity bomb: bounded memory (${rss} KB)" ||
    fail "entity bomb: bounded memory" "peak ${rss} KB"

done_testing
