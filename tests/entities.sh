#!/bin/sh
# Entities with the default pack, on sentences of their own (not the
# example article): gazetteer names with their canonical labels, people
# with offices and affiliations from the text, people of the gazetteer
# of people, former offices, surname
# and pronoun coreference, and the entity column of `factgraph tokens`.
. "$top_srcdir/tests/lib.sh"
E=https://w3id.org/factgraph/data/entity

# nt TEXT: the N-Triples of one document with the text.
nt() {
    printf '%s\n' "$1" > "$TMP/in.txt"
    "$FACTGRAPH" extract --format=ntriples --no-context-text "$TMP/in.txt"
}
# has NAME TEXT TRIPLE-PATTERN / lacks NAME TEXT TRIPLE-PATTERN (grep -F)
has() {
    if nt "$2" | grep -qF -- "$3"; then pass "$1"
    else fail "$1" "no '$3' in the output for: $2"; fi
}
lacks() {
    if nt "$2" | grep -qF -- "$3"; then fail "$1" "'$3' in the output for: $2"
    else pass "$1"; fi
}
# mention_of NAME TEXT ENTITY WORD: ENTITY has a mention whose anchor is
# the n-th occurrence (default last) of WORD.
mentions() {
    nt "$1" | awk -v e="<$E/$2>" '$1 == e && $2 ~ /#mention>$/ {print $3}' |
        sed 's/.*#char=//; s/>$//' | sort -t, -k1n | tr '\n' ' '
}

# Countries, places and organisations: the entry, whatever the form.
has "genitive is the country" "Die Regierung Frankreichs protestierte." \
    "<$E/Country/Frankreich> <http://www.w3.org/2000/01/rdf-schema#label> \"Frankreich\"@de"
has "a multi-word name" "Die Vereinigten Staaten liefern Munition." \
    "<$E/Country/Vereinigte_Staaten> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
has "a capital is a place" "Der Gipfel findet in Vilnius statt." \
    "<$E/Place/Vilnius>"
has "an organisation" "Die Bundeswehr verlegt eine Brigade nach Litauen." \
    "<$E/Organization/Bundeswehr>"
has "a compound's first part names the organisation" \
    "Die NATO-Staaten erhöhen ihre Ausgaben." "<$E/Organization/NATO>"
lacks "a nationality adjective is no country" \
    "Die britische Regierung protestierte." "Country/Gro"
has "a headquarters is a place" "Die Minister trafen sich im NATO-Hauptquartier." \
    "<$E/Place/NATO-Hauptquartier>"
has "a named forum in quotes" "Die sogenannte „Kontaktgruppe für Sicherheit“ tagte." \
    "<$E/Organization/Kontaktgruppe_f%C3%BCr_Sicherheit>"

# People: office and affiliation from the words before the name.
t="Der französische Präsident Emmanuel Macron reiste nach Kiew."
has "office before a name" "$t" "<$E/Person/Emmanuel_Macron> <https://w3id.org/factgraph/dpo#holdsOffice> <$E/Office/Pr%C3%A4sident>"
has "nationality adjective gives the affiliation" "$t" \
    "<$E/Person/Emmanuel_Macron> <https://w3id.org/factgraph/dpo#affiliation> <$E/Country/Frankreich>"
t="Die frühere Bundeskanzlerin Angela Merkel äußerte sich zurückhaltend."
has "ehemalig/früher gives heldOffice" "$t" \
    "<$E/Person/Angela_Merkel> <https://w3id.org/factgraph/dpo#heldOffice>"
lacks "... and no holdsOffice" "$t" "<$E/Person/Angela_Merkel> <https://w3id.org/factgraph/dpo#holdsOffice>"
t="Das sagte NATO-Generalsekretär Mark Rutte in Den Haag."
has "a compound office's first part is the affiliation" "$t" \
    "<$E/Person/Mark_Rutte> <https://w3id.org/factgraph/dpo#affiliation> <$E/Organization/NATO>"
has "... and the office keeps its first part" "$t" \
    "<$E/Person/Mark_Rutte> <https://w3id.org/factgraph/dpo#holdsOffice> <$E/Office/NATO-Generalsekret%C3%A4r>"
has "an apposition gives office and affiliation" \
    "Mark Rutte, der Generalsekretär der NATO, warnte vor Russland." \
    "<$E/Person/Mark_Rutte> <https://w3id.org/factgraph/dpo#affiliation> <$E/Organization/NATO>"
has "a given name and a surname" "Olaf Scholz reiste nach Paris." "<$E/Person/Olaf_Scholz>"
lacks "a country after an office is no name" "Der Verteidigungsminister Frankreichs sprach." \
    "Person/"
has "a country acting through a person" \
    "Polen war durch Außenminister Radosław Sikorski vertreten." \
    "<$E/Person/Rados%C5%82aw_Sikorski> <https://w3id.org/factgraph/dpo#affiliation> <$E/Country/Polen>"

# People of the gazetteer of people keep the office and affiliation that
# the rules for a given name and a surname give.
t="NATO-Generalsekretär Mark Rutte reiste nach Kiew."
has "gazetteer person after an office: affiliation" "$t" \
    "<$E/Person/Mark_Rutte> <https://w3id.org/factgraph/dpo#affiliation> <$E/Organization/NATO>"
has "gazetteer person after an office: office" "$t" \
    "<$E/Person/Mark_Rutte> <https://w3id.org/factgraph/dpo#holdsOffice> <$E/Office/NATO-Generalsekret%C3%A4r>"
has "gazetteer person, no given name, after an office" \
    "Der chinesische Staatschef Xi Jinping reiste nach Moskau." \
    "<$E/Person/Xi_Jinping> <https://w3id.org/factgraph/dpo#affiliation> <$E/Country/China>"
has "gazetteer person in an apposition" \
    "Wang Yi, der chinesische Außenminister, reiste nach Berlin." \
    "<$E/Person/Wang_Yi> <https://w3id.org/factgraph/dpo#holdsOffice> <$E/Office/Au%C3%9Fenminister>"
has "a gazetteer surname in an apposition" \
    "Dort sprach Macron, der französische Präsident, lange." \
    "<$E/Person/Emmanuel_Macron> <https://w3id.org/factgraph/dpo#affiliation> <$E/Country/Frankreich>"
has "a country acting through a gazetteer person" \
    "Frankreich war durch Präsident Macron vertreten." \
    "<$E/Person/Emmanuel_Macron> <https://w3id.org/factgraph/dpo#affiliation> <$E/Country/Frankreich>"
has "... and through a gazetteer person of two words" \
    "China war durch Außenminister Wang Yi vertreten." \
    "<$E/Person/Wang_Yi> <https://w3id.org/factgraph/dpo#affiliation> <$E/Country/China>"

# Titles: an office or title word, a name and a regnal number.
t="Papst Leo XIV. empfing die Minister. Danach sagte Papst Leo XIV. nichts mehr. Am Ende dankte Papst Leo XIV."
has "a title, a name and a regnal number" "$t" \
    "<$E/Person/Leo_XIV.> <https://w3id.org/factgraph/dpo#holdsOffice> <$E/Office/Papst>"
expect_eq "... one person, also where the full stop took the period" \
    "$(mentions "$t" Person/Leo_XIV.)" "6,14 56,64 99,106 "
lacks "... and no person without the number" "$t" "<$E/Person/Leo>"
t="Die Reise von König Charles III. Ende Mai nach Kanada war lange geplant."
has "a regnal number before a capitalised word: one sentence" "$t" \
    "<$E/Person/Charles_III.> <https://w3id.org/factgraph/dpo#holdsOffice> <$E/Office/K%C3%B6nig>"
has "a cardinal" "Darauf antwortete Kardinal Parolin ausweichend." \
    "<$E/Person/Parolin> <https://w3id.org/factgraph/dpo#holdsOffice> <$E/Office/Kardinal>"
has "an emir of the gazetteer of people" \
    "Emir Tamim bin Hamad al-Thani empfing die Delegation." \
    "<$E/Person/Tamim_bin_Hamad_al-Thani> <https://w3id.org/factgraph/dpo#holdsOffice> <$E/Office/Emir>"
has "a sheikh in an apposition" \
    "Der Herrscher von Katar, Scheich Tamim bin Hamad al-Thani, reiste ab." \
    "<$E/Person/Tamim_bin_Hamad_al-Thani> <https://w3id.org/factgraph/dpo#holdsOffice> <$E/Office/Scheich>"

# Coreference: surnames (also in the genitive), pronouns of one gender.
t="Außenministerin Annalena Baerbock reiste nach Kiew. Dort sprach Baerbock lange. Baerbocks Rede fiel kurz aus."
expect_eq "a later surname is the person" "$(mentions "$t" Person/Annalena_Baerbock)" "16,33 64,72 80,89 "
t="Verteidigungsminister Boris Pistorius besuchte Litauen. Dort betonte er die Bündnistreue."
expect_eq "er: the one man before" "$(mentions "$t" Person/Boris_Pistorius)" "22,37 69,71 "
t="Außenministerin Annalena Baerbock traf Olaf Scholz. Danach sagte sie wenig."
expect_eq "sie: the one woman, though a man is there" \
    "$(mentions "$t" Person/Annalena_Baerbock)" "16,33 65,68 "
t="Olaf Scholz traf Emmanuel Macron. Danach sagte er wenig."
lacks "er with two men before: not resolved" "$t" "#char=48,50>"
t="Außenministerin Annalena Baerbock traf die Minister. Danach sagten sie wenig."
lacks "plural sie: not resolved" "$t" "#char=68,71>"
t="Olaf Scholz reiste ab. Sie wird vermisst. Danach sagte er nichts."
has "er: the man, skipping a sentence without people" "$t" "<$E/Person/Olaf_Scholz> <https://w3id.org/factgraph/dpo#mention>"
lacks "sie: no woman named: not resolved" "$t" "#char=23,26>"

# The gazetteer of people: a surname alone is the person, named by the
# entry's label, with the entry's gender for pronouns.
t="Selenskyj reiste nach Berlin. Dort traf er Merz."
has "a surname from the gazetteer of people" "$t" \
    "<$E/Person/Wolodymyr_Selenskyj> <http://www.w3.org/2000/01/rdf-schema#label> \"Wolodymyr Selenskyj\"@de"
expect_eq "er: the gazetteer's man" "$(mentions "$t" Person/Wolodymyr_Selenskyj)" "0,9 40,42 "
has "... and the other one too" "$t" "<$E/Person/Friedrich_Merz>"
t="Wolodymyr Selenskyj dankte Merz. Selenskyj reiste ab."
expect_eq "full name and surname are one person" \
    "$(mentions "$t" Person/Wolodymyr_Selenskyj)" "0,19 33,42 "

# The entity column of tokens: BIO with the CoNLL types.
printf '%s\n' "Der britische Premierminister Keir Starmer traf in Brüssel die NATO-Partner. Starmer sagte nichts." > "$TMP/t.txt"
got=$("$FACTGRAPH" tokens "$TMP/t.txt" | cut -f6,12 | tr '\t\n' '/ ')
expect_eq "tokens: entity column" "$got" \
    "form/entity Der/O britische/B-OTH Premierminister/O Keir/B-PER Starmer/I-PER traf/O in/O Brüssel/B-LOC die/O NATO-Partner/B-ORG ./O Starmer/B-PER sagte/O nichts/O ./O "

done_testing
