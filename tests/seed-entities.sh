#!/bin/sh
# The entity table of the example article's analysis
# (../shared/spec/seed-facts.md, "Entities"), with the default pack and
# lexicons: every row that is not marked optional.
. "$top_srcdir/tests/lib.sh"
example="$top_srcdir/examples/koalition-der-willigen.txt"
E="<https://w3id.org/factgraph/data/entity"
D="<https://w3id.org/factgraph/dpo#"
TYPE="<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
"$FACTGRAPH" extract --format=ntriples --no-context-text "$example" > "$TMP/out.nt"
expect_eq "extract: exit 0" $? 0

# triple NAME S P O: the output has the triple.
triple() {
    if grep -qF -- "$2 $3 $4 ." "$TMP/out.nt"; then pass "$1"
    else fail "$1" "missing: $2 $3 $4 ."; fi
}
# mentions S: how many mentions S has.
mentions() {
    grep -cF -- "$1 ${D}mention> " "$TMP/out.nt"
}
is_a() { triple "$1 is a $2" "$E/$2/$3>" "$TYPE" "${D}$2>"; }

is_a "Koalition der Willigen" Organization Koalition_der_Willigen
expect_eq "Koalition der Willigen: mentioned three times" \
    "$(mentions "$E/Organization/Koalition_der_Willigen>")" 3
is_a NATO Organization NATO
is_a NATO-Hauptquartier Place NATO-Hauptquartier
for p in Br%C3%BCssel Kiew Moskau; do is_a "$p" Place "$p"; done
for c in Ukraine Russland Frankreich Gro%C3%9Fbritannien Deutschland Vereinigte_Staaten; do
    is_a "$c" Country "$c"
done
expect_eq "Frankreichs and Großbritanniens are mentions of the countries" \
    "$(mentions "$E/Country/Frankreich>") $(mentions "$E/Country/Gro%C3%9Fbritannien>")" "1 1"
is_a Ramstein-Gruppe Organization Ramstein-Gruppe

# person NAME IRI-NAME OFFICE-FACT OFFICE AFFILIATION
person() {
    is_a "$1" Person "$2"
    [ -n "$4" ] && triple "$1 $3 $4" "$E/Person/$2>" "${D}$3>" "$E/Office/$4>"
    [ -n "$5" ] && triple "$1 affiliation $5" "$E/Person/$2>" "${D}affiliation>" "$E/$5>"
    return 0
}
person "John Healey" John_Healey holdsOffice Verteidigungsminister Country/Gro%C3%9Fbritannien
person "Wladimir Putin" Wladimir_Putin holdsOffice Pr%C3%A4sident Country/Russland
person "Kaja Kallas" Kaja_Kallas holdsOffice Au%C3%9Fenbeauftragte Organization/EU
person "Carsten Breuer" Carsten_Breuer holdsOffice General Country/Deutschland
person "Boris Pistorius" Boris_Pistorius holdsOffice Verteidigungsminister ""
person "Donald Trump" Donald_Trump heldOffice US-Pr%C3%A4sident Country/Vereinigte_Staaten
# "John Healey", "Healey" twice, and "er".
expect_eq "Healey: the full name, the surname twice and the pronoun" \
    "$(mentions "$E/Person/John_Healey>")" 4
lacks_person() {
    if grep -qF "$E/Person/$1>" "$TMP/out.nt"; then fail "no person $1"
    else pass "no person $1"; fi
}
lacks_person Healey

# Counted groups: "rund 200 militärische Experten aus 30 verschiedenen
# Ländern", "über 73.000 ukrainische Soldaten".
X="<http://www.w3.org/2001/XMLSchema#"
group_of() { # the group whose label is $1
    grep -F "<http://www.w3.org/2000/01/rdf-schema#label> \"$1\"@de" "$TMP/out.nt" |
        cut -d' ' -f1
}
g200=$(group_of "rund 200 milit\u00E4rische Experten aus 30 verschiedenen L\u00E4ndern")
g30=$(group_of "30 verschiedenen L\u00E4ndern")
g73=$(group_of "\u00FCber 73.000 ukrainische Soldaten")
expect_eq "the three groups" "$([ -n "$g200" ] && [ -n "$g30" ] && [ -n "$g73" ] && echo yes)" yes
triple "200 experts: count" "$g200" "${D}count>" "\"200\"^^${X}integer>"
triple "200 experts: about" "$g200" "${D}countQualifier>" "${D}About>"
triple "200 experts: from 30 countries" "$g200" "${D}from>" "$g30"
triple "30 countries: count" "$g30" "${D}count>" "\"30\"^^${X}integer>"
triple "73,000 soldiers: count" "$g73" "${D}count>" "\"73000\"^^${X}integer>"
triple "73,000 soldiers: over" "$g73" "${D}countQualifier>" "${D}Over>"
triple "73,000 soldiers: Ukrainian" "$g73" "${D}affiliation>" "$E/Country/Ukraine>"

done_testing
