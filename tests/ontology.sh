#!/bin/sh
# The ontology: it parses, it defines every core term of the output
# contract, every dpo: term the RDF writer uses is defined in it, and
# doc/ontology.md documents every term it defines.
. "$top_srcdir/tests/lib.sh"
command -v serdi > /dev/null || { echo "serdi missing: skipped"; exit 77; }
onto="$top_srcdir/ontologies/defence-policy.ttl"
DPO='https://w3id.org/factgraph/dpo#'
TYPE='<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'

if serdi -i turtle -o ntriples "$onto" > "$TMP/onto.nt" 2> "$TMP/err"; then
    pass "serdi reads the ontology"
else
    fail "serdi reads the ontology" "$(cat "$TMP/err")"
fi
# Terms defined: dpo: subjects with a type.
grep "^<$DPO[A-Za-z]*> $TYPE " "$TMP/onto.nt" | sed "s|^<$DPO\([A-Za-z]*\)>.*|\1|" |
    sort -u > "$TMP/defined"

missing=
for term in Event Meeting Statement Training ArmsDelivery Deployment Attack \
    Ceasefire Monitoring Negotiation Founding Participation Support Sanction \
    Agreement Visit Planning Person Organization Country Place Group Office \
    agent participant theme target recipient location time topic cause ledBy \
    count countQualifier About Over Under AtLeast AtMost Exactly from \
    holdsOffice heldOffice affiliation memberOf mention timePrecision \
    timeText polarity Positive Negative certainty Certain Probable Possible \
    Unlikely status Past Ongoing Planned Hypothetical attributedTo evidence \
    trigger rule rulePackDigest; do
    grep -qx "$term" "$TMP/defined" || missing="$missing $term"
done
expect_eq "every core term of the output contract is defined" "$missing" ""

# Every event class is under dpo:Event, and dpo:Event under sem:Event.
sub='<http://www.w3.org/2000/01/rdf-schema#subClassOf>'
grep -q "^<${DPO}Event> $sub <http://semanticweb.cs.vu.nl/2009/11/sem/Event> ." "$TMP/onto.nt" &&
    pass "dpo:Event is a sem:Event" || fail "dpo:Event is a sem:Event"
not_events=
for cls in Meeting Statement Training ArmsDelivery Deployment Attack Ceasefire \
    Monitoring Negotiation Founding Participation Support Sanction Agreement \
    Visit Planning; do
    grep -q "^<$DPO$cls> $sub <${DPO}Event> ." "$TMP/onto.nt" || not_events="$not_events $cls"
done
expect_eq "every event class is a dpo:Event" "$not_events" ""

# What the writer uses is defined: the dumps of test_rdf and extract.
FG_RDF_DUMP_DIR="$TMP" "$top_builddir/tests/unit/test_rdf" > /dev/null 2>&1
"$FACTGRAPH" extract --format=ntriples --run-info "$top_srcdir/examples/koalition-der-willigen.txt" > "$TMP/extract.nt"
cat "$TMP"/*.nt | grep -o "<$DPO[A-Za-z]*>" | sed "s|<$DPO\(.*\)>|\1|" | sort -u > "$TMP/used"
[ -s "$TMP/used" ] && pass "the writer's output uses dpo: terms" || fail "no dpo: terms in the output"
undefined=$(comm -23 "$TMP/used" "$TMP/defined" | tr '\n' ' ')
expect_eq "every dpo: term the writer uses is defined" "$undefined" ""

# The documentation names every term.
undocumented=
while read -r term; do
    grep -q "dpo:$term\b" "$top_srcdir/doc/ontology.md" || undocumented="$undocumented $term"
done < "$TMP/defined"
expect_eq "doc/ontology.md documents every term" "$undocumented" ""
done_testing
