#!/bin/sh
# Factuality from the text: negation, hedges and modality, tense, and the
# clause that governs a "dass" or zu-infinitive clause (resolve.c), for
# rules that leave it to the text; an <output> attribute overrides it.
. "$top_srcdir/tests/lib.sh"

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
  <rule id="t.visit" class="dpo:Visit">
    <pattern><token lemma="besuchen" role="trigger"/></pattern>
    <output status="Planned" certainty="Probable"/>
    <example>Sie besuchte Kiew.</example>
  </rule>
</rules>
XML

# factuality SENTENCE: "polarity certainty status" of its one event.
factuality() {
    printf '%s\n' "$1" | "$FACTGRAPH" extract --rules "$TMP/rules.xml" --format=ntriples |
        sed -n 's/.*dpo#\(polarity\|certainty\|status\)> <[^#]*#\([A-Za-z]*\)> \.$/\1 \2/p' |
        sort | awk '{ v[$1] = $2 } END { print v["polarity"], v["certainty"], v["status"] }'
}

while IFS='|' read -r want sentence; do
    expect_eq "$sentence" "$(factuality "$sentence")" "$want"
done <<'CASES'
Positive Certain Past|Deutschland lieferte Panzer an die Ukraine.
Positive Certain Ongoing|Deutschland liefert Panzer an die Ukraine.
Positive Certain Past|Deutschland hat Panzer geliefert.
Positive Certain Planned|Deutschland wird Panzer liefern.
Positive Certain Planned|Deutschland will Panzer liefern.
Negative Certain Ongoing|Deutschland liefert keine Panzer.
Positive Certain Past|Deutschland lieferte nicht nur Panzer, sondern auch Munition.
Negative Certain Planned|Die Regierung erklärte, dass Deutschland keine Panzer liefern werde.
Negative Certain Past|Die Lieferung von Panzern wurde gestoppt.
Positive Probable Past|Russland soll die Stadt angegriffen haben.
Negative Certain Past|Die Armee bestritt, die Stadt angegriffen zu haben.
Positive Certain Hypothetical|Falls Russland angreift, hilft die NATO.
Positive Possible Planned|Möglicherweise liefert Deutschland Panzer.
Positive Unlikely Planned|Eine Lieferung von Panzern gilt als unwahrscheinlich.
Positive Possible Planned|Die Lieferung von Panzern wird erwogen.
Positive Certain Planned|Deutschland plant, Panzer zu liefern.
Positive Certain Hypothetical|Um einen Angriff zu verhindern, wurden Truppen verlegt.
Positive Certain Planned|Die Rebellen sammelten sich, um die Stadt anzugreifen.
Positive Certain Past|Um 18 Uhr griffen Drohnen die Stadt an.
Positive Certain Ongoing|Um Mitternacht liefert Deutschland Panzer.
Positive Certain Ongoing|Die Regelung zur Lieferung von Panzern ist in Kraft getreten.
Positive Certain Past|Die Regelung zur Lieferung von Panzern wurde in Kraft gesetzt.
Positive Certain Ongoing|Die Panzer werden geliefert.
Positive Certain Planned|Die Niederlande sagten die Lieferung von Panzern zu.
Positive Certain Planned|Die Rebellen drohten, die Stadt anzugreifen.
Positive Certain Ongoing|Die Staaten liefern Panzer.
Positive Certain Planned|Die Regierung hat die Lieferung von Panzern beschlossen.
Negative Certain Past|Die Lieferung von Panzern wurde ausgeschlossen.
Positive Certain Planned|Die Panzer sollen im Mai geliefert werden.
Negative Probable Planned|Die Ministerin besuchte Kiew nicht.
Positive Probable Planned|Sie besuchte Kiew.
CASES
done_testing
