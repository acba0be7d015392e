#!/bin/sh
# factgraph explain --rule ID SENTENCE...: why a rule fired or did not,
# from the matcher's trace: the match kept with its elements' tokens, the
# rule index skipping a sentence, the best attempt and the elements that
# refused the next token.
. "$top_srcdir/tests/lib.sh"
NS='xmlns="https://w3id.org/factgraph/rules/1"'
cat > "$TMP/rules.xml" <<XML
<rules $NS>
  <include href="$top_srcdir/rules/pack/common.xml"/>
  <rule id="t.meet" class="dpo:Meeting">
    <pattern>
      <capture role="agent"><use macro="actor"/></capture>
      <token lemma="treffen" role="trigger"/>
      <token form="sich"/>
    </pattern>
    <example agent="Polen">Polen traf sich in Rom.</example>
  </rule>
</rules>
XML
fg() { "$FACTGRAPH" explain --extra-rules "$TMP/rules.xml" --rule t.meet "$@"; }

fg 'Polen traf sich in Rom.' 'Polen traf Rom.' 'Der Hund bellt.' > "$TMP/out" 2> "$TMP/err"
expect_eq "exit 0" $? 0
expect_eq "nothing on stderr" "$(cat "$TMP/err")" ""
expect_match "the rule, its file and line" "$(sed -n 1p "$TMP/out")" \
    '^rule t\.meet \(.*rules\.xml:3, phase events\)$'
# The match: kept, with its roles and the tokens of each element.
expect_match "a kept match" "$(cat "$TMP/out")" \
    'kept: rule t\.meet .* matched "Polen traf sich" \(tokens 1-3\)'
expect_match "its agent" "$(cat "$TMP/out")" 'role agent: "Polen"'
expect_match "the element that matched the trigger, with its line" \
    "$(cat "$TMP/out")" 'line 6 <token lemma="treffen" role="trigger">: "traf"'
# No match: how far the rule got, and what refused the next token.
sed -n '/^sentence 1: "Polen traf Rom\."/,/^sentence/p' "$TMP/out" > "$TMP/second"
expect_match "the best attempt: where it started and what it matched" \
    "$(cat "$TMP/second")" 'started at token 1 "Polen", matched "Polen traf", and at token 3 "Rom" failed'
expect_match "the element that refused it" "$(cat "$TMP/second")" \
    'line 7 <token form="sich">'
# The index does not run the rule without "treffen"; traced all the same.
sed -n '/^sentence 1: "Der Hund bellt\."/,$p' "$TMP/out" > "$TMP/third"
expect_match "a sentence the index skips" "$(cat "$TMP/third")" \
    'the rule index does not run the rule here'
expect_match "and the first element refused" "$(cat "$TMP/third")" \
    'no match; the best attempt'

# From standard input, as one document of several sentences.
printf 'Polen traf sich. Rom traf sich nicht.' | fg > "$TMP/out"
expect_eq "stdin: one line per sentence" "$(grep -c '^sentence' "$TMP/out")" 2

# The example article on standard input: one line per sentence, and the
# statement rule kept for Healey's statement.
"$FACTGRAPH" explain --rule statement.finite-verb < "$top_srcdir/examples/koalition-der-willigen.txt" > "$TMP/out"
expect_eq "the example article: exit 0" $? 0
expect_eq "the example article: every sentence" "$(grep -c '^sentence' "$TMP/out")" \
    "$(printf 'x' | "$FACTGRAPH" tokens "$top_srcdir/examples/koalition-der-willigen.txt" | tail -n 1 | cut -f2)"
expect_match "the example article: a kept Statement of Healey's" "$(cat "$TMP/out")" \
    'kept: rule statement\.finite-verb .*matched "[^"]*Healey'

# A rule of the shipped pack, found by its id.
out=$("$FACTGRAPH" explain --rule statement.attribution-laut 'Laut dem Pentagon liefert Deutschland Panzer.')
expect_match "a pack rule" "$out" 'kept: rule statement\.attribution-laut'

# Errors: no --rule, an unknown id, --rule outside explain.
"$FACTGRAPH" explain 'Polen traf sich.' > "$TMP/out" 2> "$TMP/err"
expect_eq "no --rule: exit 2" $? 2
expect_match "no --rule: says so" "$(cat "$TMP/err")" 'explain needs --rule'
"$FACTGRAPH" explain --rule no.such.rule 'Polen traf sich.' > "$TMP/out" 2> "$TMP/err"
expect_eq "unknown rule: exit 2" $? 2
expect_match "unknown rule: named" "$(cat "$TMP/err")" "no rule with the id 'no.such.rule'"
expect_eq "unknown rule: no output" "$(wc -c < "$TMP/out")" 0
printf 'x' | "$FACTGRAPH" extract --rule t.meet > /dev/null 2> "$TMP/err"
expect_eq "--rule outside explain: exit 2" $? 2

done_testing
