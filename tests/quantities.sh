#!/bin/sh
# Numbers and time expressions as a user meets them: a rule captures a
# Time or Number annotation, and the RDF carries the normalised value.
# A time with a document date (--date, or "date" in JSON Lines) is a typed
# dpo:time with its dpo:timePrecision; without one, a relative expression
# keeps only its words (dpo:timeText). The readers themselves are tested
# in tests/unit/test_timex.c and test_numbers.c.
. "$top_srcdir/tests/lib.sh"
fg() { "$FACTGRAPH" "$@"; }

cat > "$TMP/time.xml" <<'XML'
<rules xmlns="https://w3id.org/factgraph/rules/1">
  <rule id="test.meeting-time" class="dpo:Meeting">
    <pattern><token flags="capitalised" role="agent"/><token lemma="treffen" role="trigger"/>
      <opt><token iform="am im seit"/></opt><annot type="Time" role="time"/></pattern>
    <example agent="Merz" time="gestern">Merz traf gestern Macron.</example>
  </rule>
</rules>
XML

# time SENTENCE [OPTIONS]: the time triples, "predicate value" per line.
time_of() {
    sentence=$1; shift
    printf '%s' "$sentence" | fg extract --format=ntriples --rules "$TMP/time.xml" "$@" |
        sed -n 's/.*dpo#\(time[A-Za-z]*\)> \(.*\) \.$/\1 \2/p' |
        sed 's/<[^>]*#\([^>]*\)>/\1/g' | sort
}

expect_eq "absolute date: xsd:date, Day" \
    "$(time_of 'Merz traf am 28. November 2026 Macron.')" \
    "time \"2026-11-28\"^^date
timePrecision Day"
expect_eq "numeric date: xsd:date, Day" \
    "$(time_of 'Merz traf am 3.10.2025 Macron.')" \
    "time \"2025-10-03\"^^date
timePrecision Day"
expect_eq "month and year: xsd:gYearMonth, Month" \
    "$(time_of 'Merz traf im März 2025 Macron.')" \
    "time \"2025-03\"^^gYearMonth
timePrecision Month"
expect_eq "im Jahr: xsd:gYear, Year" \
    "$(time_of 'Merz traf im Jahr 2024 Macron.')" \
    "time \"2024\"^^gYear
timePrecision Year"
expect_eq "relative, with --date" \
    "$(time_of 'Merz traf gestern Macron.' --date 2026-03-01)" \
    "time \"2026-02-28\"^^date
timePrecision Day"
expect_eq "weekday: the latest on or before the date" \
    "$(time_of 'Merz traf am Montag Macron.' --date 2026-12-02)" \
    "time \"2026-11-30\"^^date
timePrecision Day"
expect_eq "last week: the month of its Thursday" \
    "$(time_of 'Merz traf vergangene Woche Macron.' --date 2026-12-02)" \
    "time \"2026-11\"^^gYearMonth
timePrecision Month"
expect_eq "relative, no date: only its words" \
    "$(time_of 'Merz traf gestern Macron.')" \
    "timeText \"gestern\"^^string"
expect_eq "a month without a year, no date: only its words" \
    "$(time_of 'Merz traf Anfang Juni Macron.')" \
    "timeText \"Anfang Juni\"^^string"

# JSON Lines: each document's own date, not the neighbour's.
printf '%s\n' \
    '{"id": "a", "date": "2025-01-10", "text": "Merz traf gestern Macron."}' \
    '{"id": "b", "text": "Merz traf gestern Macron."}' \
    '{"id": "c", "date": "2024-02-29T10:00:00Z", "text": "Merz traf gestern Macron."}' > "$TMP/docs.jsonl"
out=$(fg extract --format=nquads --rules "$TMP/time.xml" "$TMP/docs.jsonl" |
    sed -n 's/.*dpo#\(time[A-Za-z]*\)> \("[^"]*"\).* <\([^>]*\)> \.$/\3 \1 \2/p' |
    sed 's|.*/data/||' | grep -v Precision | sort)
expect_eq "JSON Lines: the document's date" "$out" \
    'a time "2025-01-09"
b timeText "gestern"
c time "2024-02-28"'
# --date is the fallback: a document's own date wins.
out=$(fg extract --format=nquads --date 2026-12-02 --rules "$TMP/time.xml" "$TMP/docs.jsonl" |
    sed -n 's/.*dpo#time> \("[^"]*"\).* <\([^>]*\)> \.$/\2 \1/p' | sed 's|.*/data/||' | sort)
expect_eq "--date fills in for a document without a date" "$out" \
    'a "2025-01-09"
b "2026-12-01"
c "2024-02-28"'

# A date that is none: a warning naming the line, and the text kept.
printf '%s\n' '{"id": "x", "date": "gestern", "text": "Merz traf gestern Macron."}' > "$TMP/bad.jsonl"
out=$(fg extract --format=ntriples --rules "$TMP/time.xml" "$TMP/bad.jsonl" 2> "$TMP/err")
expect_eq "a date that is none: exit 0" $? 0
expect_match "a date that is none: warned" "$(cat "$TMP/err")" \
    'bad.jsonl:1: warning: "date" is not a date YYYY-MM-DD'
expect_match "a date that is none: only the words" "$out" 'dpo#timeText> "gestern"'

# Counted groups: the value and qualifier of the number, and where from.
group() {
    printf '%s' "$1" | fg extract --format=ntriples |
        sed -n 's/.*dpo#\(count\|countQualifier\|from\)> \(.*\) \.$/\1 \2/p' |
        sed 's/"\([^"]*\)"^^<[^>]*>/\1/; s|<[^>]*[/#]\([^/#>]*\)>|\1|' | sort
}
expect_eq "number words and a qualifier" \
    "$(group 'Rund zwei Dutzend Experten aus Frankreich kamen an.')" \
    'count 24
countQualifier About
from Frankreich'
expect_eq "decimal with a multiplier, 'mehr als'" \
    "$(group 'Mehr als 1,5 Millionen Soldaten sind im Einsatz.')" \
    'count 1500000
countQualifier Over'
expect_eq "thousands separator, 'knapp'" \
    "$(group 'Knapp 73.000 Soldaten wurden ausgebildet.')" \
    'count 73000
countQualifier Under'
done_testing
