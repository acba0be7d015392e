#!/bin/sh
# What the resolver adds to the roles a rule captured (resolve.c): the
# place and time of the trigger's clause, and attribution: a statement's
# report is its topic and is attributed to its speaker. Attribution
# phrases ("laut X", "X zufolge", "nach Angaben von X", "so X"; rules of the
# pack with <output reports="sentence"/>) make X the agent of a Statement
# that reports, and is the source of, the sentence's other events.
. "$top_srcdir/tests/lib.sh"

cat > "$TMP/rules.xml" <<XML
<rules xmlns="https://w3id.org/factgraph/rules/1">
  <include href="$top_srcdir/rules/pack/common.xml"/>
  <rule id="t.deliver" class="dpo:ArmsDelivery">
    <pattern><token lemma="liefern lieferung" role="trigger"/></pattern>
    <example>Deutschland liefert Panzer.</example>
  </rule>
  <rule id="t.say" class="dpo:Statement">
    <pattern>
      <alt>
        <seq><capture role="agent"><use macro="actor"/></capture><token lemma="sagen erklären" role="trigger"/></seq>
        <seq><token lemma="sagen erklären" role="trigger"/><skip max="1"/><capture role="agent"><use macro="actor"/></capture></seq>
      </alt>
    </pattern>
    <example agent="Olaf Scholz">Olaf Scholz sagte das.</example>
  </rule>
</rules>
XML

# roles SENTENCE: "role value" lines of the ArmsDelivery event; IRIs cut to
# their last part, literals to their lexical form.
roles() {
    printf '%s\n' "$1" | "$FACTGRAPH" extract --extra-rules "$TMP/rules.xml" \
        --date 2026-12-02 --format=ntriples > "$TMP/out.nt"
    ev=$(grep 'dpo#ArmsDelivery>' "$TMP/out.nt" | cut -d' ' -f1)
    grep "^$ev " "$TMP/out.nt" |
        sed -n 's/.*dpo#\(location\|time\|attributedTo\)> \(.*\) \.$/\1 \2/p' |
        sed 's|"\([^"]*\)"^^<[^>]*>|\1|; s|<[^>]*/\([^/>]*\)>|\1|' | sort
}
label_of() { grep "^$1 <http://www.w3.org/2000/01/rdf-schema#label>" "$TMP/out.nt" | sed 's/.*> "\(.*\)"@de \.$/\1/'; }

expect_eq "a place and a time of the clause" \
    "$(roles 'Am Montag lieferte Deutschland in Kiew Panzer.')" 'location Kiew
time 2026-11-30'
expect_eq "in der Ukraine; a date" \
    "$(roles 'Die Lieferung von Waffen in der Ukraine wurde am 3. Mai 2024 gestoppt.')" \
    'location Ukraine
time 2024-05-03'
expect_eq "nach Polen; a place that begins with an article (Den Haag)" \
    "$(roles 'Die Niederlande liefern Panzer aus Den Haag nach Polen.')" 'location Polen'
expect_eq "in Den Haag" \
    "$(roles 'In Den Haag wurde die Lieferung von Panzern beschlossen.')" 'location Den_Haag'
expect_eq "über der Ostsee" \
    "$(roles 'Die Lieferung von Munition über der Ostsee wurde gestoppt.')" 'location Ostsee'
expect_eq "an die Ukraine is no place of the event" \
    "$(roles 'Deutschland lieferte Panzer an die Ukraine.')" ''
expect_eq "a place in another clause is not the event's" \
    "$(roles 'Deutschland liefert Panzer, die in Kiew gebaut wurden.')" ''

# Statements: the report is the topic, the speaker its source.
roles 'Olaf Scholz erklärte, dass Deutschland Panzer liefern werde.' > "$TMP/r"
expect_eq "X erklärte, dass ...: attributed to X" "$(cat "$TMP/r")" 'attributedTo Olaf_Scholz'
statement=$(grep 'dpo#Statement>' "$TMP/out.nt" | cut -d' ' -f1)
delivery=$(grep 'dpo#ArmsDelivery>' "$TMP/out.nt" | cut -d' ' -f1)
expect_eq "X erklärte, dass ...: the report is the topic" \
    "$(grep -c "^$statement <https://w3id.org/factgraph/dpo#topic> $delivery" "$TMP/out.nt")" 1
expect_eq "..., sagte X: attributed to X" \
    "$(roles 'Deutschland liefert Panzer, sagte Olaf Scholz.')" 'attributedTo Olaf_Scholz'
expect_eq "laut X: an office before a name" \
    "$(roles 'Laut Regierungssprecher Steffen Hebestreit liefert Deutschland Panzer.')" \
    'attributedTo Steffen_Hebestreit'
roles 'Der ukrainischen Armee zufolge lieferte Deutschland Panzer.' > /dev/null
source=$(sed -n 's/.*dpo#attributedTo> \(<[^>]*>\) \.$/\1/p' "$TMP/out.nt")
expect_eq "X zufolge: a noun phrase" "$(label_of "$source")" 'Der ukrainischen Armee'
expect_eq "nach Angaben des X" \
    "$(roles 'Nach Angaben des Pentagons lieferte Deutschland Panzer.')" 'attributedTo Pentagon'
expect_eq "no source, no attribution" "$(roles 'Deutschland lieferte Panzer.')" ''

# The attribution phrase is a Statement of X reporting the event.
roles 'Laut dem Pentagon lieferte Deutschland Panzer.' > /dev/null
statement=$(grep 'dpo#Statement>' "$TMP/out.nt" | cut -d' ' -f1)
delivery=$(grep 'dpo#ArmsDelivery>' "$TMP/out.nt" | cut -d' ' -f1)
expect_eq "laut X: a Statement whose agent is X" \
    "$(grep "^$statement <https://w3id.org/factgraph/dpo#agent>" "$TMP/out.nt" | sed 's|.*/\([^/>]*\)> \.$|\1|')" 'Pentagon'
expect_eq "laut X: the Statement's topic is the event" \
    "$(grep -c "^$statement <https://w3id.org/factgraph/dpo#topic> $delivery" "$TMP/out.nt")" 1
expect_eq "laut X: the speech act happened, whatever it reports" \
    "$(grep "^$statement <https://w3id.org/factgraph/dpo#status>" "$TMP/out.nt" | sed 's|.*dpo#\([A-Za-z]*\)> \.$|\1|')" 'Past'
expect_eq "laut Vertrag: a document is no speaker" \
    "$(roles 'Laut Vertrag liefert Deutschland Panzer.'; grep -c 'dpo#Statement>' "$TMP/out.nt")" 0
# A speaker in the sentence reports its clause; the phrase reports the
# speaker's statement, not what the speaker reported.
expect_eq "X sagte laut Y, dass ...: the report is X's" \
    "$(roles 'Olaf Scholz sagte laut dem Pentagon, dass Deutschland Panzer liefere.')" \
    'attributedTo Olaf_Scholz'
scholz=$(grep "<https://w3id.org/factgraph/dpo#agent> <[^>]*Olaf_Scholz>" "$TMP/out.nt" | cut -d' ' -f1)
expect_eq "X sagte laut Y: X's statement is attributed to Y" \
    "$(grep "^$scholz <https://w3id.org/factgraph/dpo#attributedTo>" "$TMP/out.nt" | sed 's|.*/\([^/>]*\)> \.$|\1|')" 'Pentagon'

# Two rules that find the same event on the same trigger make one event
# with the roles of both.
cat > "$TMP/two.xml" <<XML
<rules xmlns="https://w3id.org/factgraph/rules/1">
  <rule id="t.a" class="dpo:ArmsDelivery" overlap="true">
    <pattern><token flags="capitalised" role="agent"/><token lemma="liefern" role="trigger"/></pattern>
    <example agent="Polen">Polen liefert Panzer.</example>
  </rule>
  <rule id="t.b" class="dpo:ArmsDelivery" overlap="true">
    <pattern><token lemma="liefern" role="trigger"/><token flags="capitalised" role="theme"/></pattern>
    <example theme="Panzer">Polen liefert Panzer.</example>
  </rule>
</rules>
XML
printf 'Polen liefert Panzer.\n' | "$FACTGRAPH" extract --rules "$TMP/two.xml" --format=ntriples > "$TMP/two.nt"
expect_eq "two rules, one event" "$(grep -c 'dpo#ArmsDelivery>' "$TMP/two.nt")" 1
expect_eq "two rules, one event: the first rule's" \
    "$(sed -n 's/.*dpo#rule> "\([^"]*\)".*/\1/p' "$TMP/two.nt")" t.a
expect_eq "two rules, one event: the roles of both" \
    "$(grep -c 'dpo#agent>\|dpo#theme>' "$TMP/two.nt")" 2
done_testing
