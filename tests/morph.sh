#!/bin/sh
# The German analysis as `factgraph tokens` shows it: lemmas from the
# lexicon and the fallback, separable verbs, compound heads, coordinated
# main clauses, and the lemma accuracy on the blind list tests/morph/lemmas.tsv.
. "$top_srcdir/tests/lib.sh"

# Prints "FORM LEMMA TAGS" per token of the text, with the clause.
analyse() {
    printf '%s\n' "$1" | "$FACTGRAPH" tokens - | awk -F'\t' 'NR > 1 { print $3, $6, $9, $11 }'
}

# lemma_of TEXT FORM: the lemma of the first token FORM.
lemma_of() {
    analyse "$1" | awk -v f="$2" '$2 == f { print $3; exit }'
}
tags_of() {
    analyse "$1" | awk -v f="$2" '$2 == f { print $4; exit }'
}

s='Die Außenministerin nahm gestern an der Konferenz in Genf teil.'
expect_eq "separable verb: nahm ... teil is teilnehmen" "$(lemma_of "$s" nahm)" teilnehmen
expect_match "the particle is flagged" "$(tags_of "$s" teil)" particle
expect_match "the finite verb is tagged joined" "$(tags_of "$s" nahm)" joined
expect_eq "a weak separable verb: kündigte ... an" \
    "$(lemma_of 'Der Sprecher kündigte neue Hilfen für die Partner an.' kündigte)" ankündigen
expect_eq "sieht ... vor" \
    "$(lemma_of 'Der Plan sieht eine stärkere Präsenz im Osten vor.' sieht)" vorsehen
expect_eq "an attached particle in a subordinate clause" \
    "$(lemma_of 'Er bestätigte, dass sie an dem Gipfel teilnahm.' teilnahm)" teilnehmen
expect_eq "a preposition at the end is not a particle without a finite verb" \
    "$(lemma_of 'Wo kommt das Geld her?' kommt)" herkommen

s='Die Generäle kamen in Warschau zusammen und berieten über die Lage.'
expect_eq "coordinated main clauses are split" \
    "$(analyse "$s" | awk '$2 == "berieten" { print $1 }')" 2
expect_eq "and the particle joins the first clause's verb" "$(lemma_of "$s" kamen)" zusammenkommen

expect_eq "umlaut plural: Ländern" "$(lemma_of 'Soldaten aus zwölf Ländern übten.' Ländern)" land
expect_eq "umlaut plural: Kräfte" "$(lemma_of 'Die Kräfte wurden verlegt.' Kräfte)" kraft
expect_eq "strong verb: traf" "$(lemma_of 'Die Ministerin traf ihren Amtskollegen.' traf)" treffen
expect_eq "prefixed strong verb: übertraf" "$(lemma_of 'Die Zahl übertraf alle Erwartungen.' übertraf)" übertreffen
expect_eq "weak participle with a particle: vorgelegt" \
    "$(lemma_of 'Die Regierung hat den Bericht vorgelegt.' vorgelegt)" vorlegen
expect_eq "zu-infinitive of a separable verb" \
    "$(lemma_of 'Sie planen, weitere Truppen einzusetzen.' einzusetzen)" einsetzen
expect_eq "adjective endings" "$(lemma_of 'Die französischen Truppen bleiben.' französischen)" französisch

# Compound heads: the head column is not printed; a closed compound's
# lemma is its first part and its head's lemma.
expect_eq "closed compound: lemma through the known head" \
    "$(lemma_of 'Die Verteidigungsministerinnen trafen sich.' Verteidigungsministerinnen)" \
    verteidigungsministerin
expect_match "and it is tagged as a compound" \
    "$(tags_of 'Die Verteidigungsministerinnen trafen sich.' Verteidigungsministerinnen)" compound
expect_eq "hyphenated compound: the last part decides" \
    "$(lemma_of 'Die NATO-Gipfeln folgten.' NATO-Gipfeln)" nato-gipfel

# The general rules behind the lemmas, each checked with words that are
# not in the blind list.

# A lowercase word is no noun: the lexicon's noun form is a verb here.
expect_eq "lowercase noun form is a verb: teilen" \
    "$(lemma_of 'Die Länder teilen die Kosten.' teilen)" teilen
# Attributive participles and adjectives keep the participle or positive.
expect_eq "attributive participle of an unknown verb: geräumten" \
    "$(lemma_of 'Die Armee durchsuchte die geräumten Dörfer.' geräumten)" geräumt
expect_eq "attributive participle of a known strong verb: gestohlenen" \
    "$(lemma_of 'Die gestohlenen Dokumente tauchten wieder auf.' gestohlenen)" gestohlen
expect_eq "attributive present participle: wachsenden" \
    "$(lemma_of 'Die wachsenden Spannungen beunruhigen die Partner.' wachsenden)" wachsend
expect_eq "after an article and a prepositional phrase: gesperrten" \
    "$(lemma_of 'Die seit Wochen gesperrten Häfen öffnen wieder.' gesperrten)" gesperrt
expect_eq "after a numeral: beschädigte" \
    "$(lemma_of 'Zwei beschädigte Schiffe liegen im Hafen.' beschädigte)" beschädigt
expect_eq "coordinated adjectives: rote" \
    "$(lemma_of 'Die rote und die blaue Linie kreuzen sich.' rote)" rot
expect_eq "after a subject noun the same form is the verb: blockierten" \
    "$(lemma_of 'Demonstranten blockierten Straßen.' blockierten)" blockieren
expect_eq "second after a fronted adverb it is the verb" \
    "$(lemma_of 'Gestern blockierten Demonstranten die Straße.' blockierten)" blockieren
expect_eq "an unknown adjective after an article: stabile" \
    "$(lemma_of 'Die Gespräche suchen eine stabile Lösung.' stabile)" stabil
expect_eq "an unknown comparative: tieferen" \
    "$(lemma_of 'Die Region steckt in einer tieferen Krise.' tieferen)" tief
expect_eq "a superlative: gefährlichsten" \
    "$(lemma_of 'Die gefährlichsten Regionen wurden gesperrt.' gefährlichsten)" gefährlich
expect_eq "a positive in -er is no comparative: unsicheren" \
    "$(lemma_of 'Wegen der unsicheren Lage blieben sie.' unsicheren)" unsicher
expect_eq "a preposition before a noun is no adjective: über" \
    "$(lemma_of 'Nato berät über Ukraine.' über)" über
# Weak verbs the lexicon does not know.
expect_eq "weak verb in -ern: änderten" \
    "$(lemma_of 'Die Parteien änderten den Entwurf.' änderten)" ändern
expect_eq "weak verb in -eln: wechselte" \
    "$(lemma_of 'Der Kanzler wechselte das Thema.' wechselte)" wechseln
expect_eq "verb in -ieren: reduziert" \
    "$(lemma_of 'Die Armee hat die Truppen reduziert.' reduziert)" reduzieren
expect_eq "present with -et: beobachtet" \
    "$(lemma_of 'Die Polizei hat den Täter beobachtet.' beobachtet)" beobachten
expect_eq "preterite with -ete: rechnete" \
    "$(lemma_of 'Die Behörde rechnete mit Protesten.' rechnete)" rechnen
expect_eq "a participle in -ßt after an inseparable prefix: begrüßt" \
    "$(lemma_of 'Moskau hat die Initiative des Ministers begrüßt, zu vermitteln.' begrüßt)" begrüssen
expect_eq "2nd person singular in -ßt: begrüßt" \
    "$(lemma_of 'du begrüßt die Gäste' begrüßt)" begrüssen
expect_eq "zu-infinitive of a verb in -eln: auszuhandeln" \
    "$(lemma_of 'Sie versuchen, ein Abkommen auszuhandeln.' auszuhandeln)" aushandeln
expect_eq "a capitalised infinitive inside a sentence is a noun: Ringen" \
    "$(tags_of 'Nach zähem Ringen einigten sich die Staaten.' Ringen)" noun,lemma
expect_eq "an infinitive before a comma, a modal before it: ausweiten" \
    "$(lemma_of 'Die Regierung will die Kontrollen ausweiten, teilte sie mit.' ausweiten)" ausweiten
expect_eq "a verb in -ieren is no adjective before a noun: trainieren" \
    "$(lemma_of 'In Polen, trainieren Spezialkräfte den Ernstfall.' trainieren)" trainieren
expect_match "and without a modal it is finite: patrouillieren" \
    "$(tags_of 'Nun patrouillieren Soldaten an der Grenze.' patrouillieren)" finite
expect_match "after the comma closing a relative clause, the main verb: kehren" \
    "$(tags_of 'Die Schiffe, die verlegt wurden, kehren im Mai zurück.' kehren)" finite
expect_eq "and the particle is its, not the relative clause's verb's" \
    "$(lemma_of 'Die Schiffe, die verlegt wurden, kehren im Mai zurück.' wurden)" werden
expect_eq "a particle before a comma inside the clause: bereitet ... vor, berichten" \
    "$(lemma_of 'Seit Wochen bereitet die Armee eine Offensive vor, berichten Medien.' bereitet)" vorbereiten
expect_eq "a verb prefix makes no compound: Vereinigung is no Einigung" \
    "$(tags_of 'Sie gehören einer terroristischen Vereinigung an.' Vereinigung)" noun,lemma,guessed
expect_eq "2nd person singular next to du: arbeitest" \
    "$(lemma_of 'du arbeitest zu viel' arbeitest)" arbeiten
expect_eq "2nd person plural preterite next to ihr: wartetet" \
    "$(lemma_of 'ihr wartetet lange auf Antwort' wartetet)" warten
expect_eq "a short present: baut" \
    "$(lemma_of 'Die Regierung baut neue Brücken.' baut)" bauen
expect_eq "a short preterite: lebte" "$(lemma_of 'Sie lebte lange im Ausland.' lebte)" leben
expect_eq "1st person in -e: danke" "$(lemma_of 'ich danke allen Helfern' danke)" danken
expect_eq "an infinitive after a modal is no preterite: bewerten" \
    "$(lemma_of 'Die Behörden wollen den Bericht bewerten.' bewerten)" bewerten
# Choices among the lexicon's analyses.
expect_eq "possessive or verb: the verb before a comma" \
    "$(lemma_of 'Ich meine, die Lage ist ernst.' meine)" meinen
expect_eq "possessive or verb: the possessive before a noun" \
    "$(lemma_of 'Sie lobte meine Kollegen.' meine)" mein
expect_eq "function words are not guessed: nicht" "$(lemma_of 'Er kommt jetzt nicht.' nicht)" nicht
expect_eq "an adverb in -weise is no adjective before a noun" \
    "$(lemma_of 'Es gibt möglicherweise Probleme.' möglicherweise)" möglicherweise
# Particles.
expect_eq "a particle the verb takes: fiel ... schwer" \
    "$(lemma_of 'Die Entscheidung fiel ihr schwer.' fiel)" schwerfallen
expect_eq "no particle after an adverb of degree: fiel ... sehr schwer" \
    "$(lemma_of 'Die Entscheidung fiel ihr sehr schwer.' fiel)" fallen
expect_eq "an adjective is no particle of a verb that does not take it" \
    "$(lemma_of 'Das Ziel ist bekannt.' ist)" sein

# Reported misses, each with a sentence of its own.
expect_eq "a weak verb that is also a strong verb's subjunctive: führen" \
    "$(lemma_of 'Die Parteien führen seit Wochen Gespräche.' führen)" führen
expect_eq "and its separable verb: durchgeführt" \
    "$(lemma_of 'Die Polizei hat eine Razzia durchgeführt.' durchgeführt)" durchführen
expect_eq "a present in -ten is no preterite: beobachten" \
    "$(lemma_of 'Internationale Experten beobachten die Abstimmung.' beobachten)" beobachten
expect_eq "a stem in -t has -ete- in the preterite: retten" \
    "$(lemma_of 'Die Helfer retten Verletzte aus den Trümmern.' retten)" retten
expect_eq "a stem in -s: reist" "$(lemma_of 'Die Ministerin reist morgen nach Warschau.' reist)" reisen
expect_match "and it is a verb" \
    "$(tags_of 'Die Ministerin reist morgen nach Warschau.' reist)" verb
expect_eq "an infinitive that is also a determiner's form: einigen" \
    "$(lemma_of 'Die Minister konnten sich nicht auf einen Text einigen.' einigen)" einigen
expect_eq "the determiner after a preposition: einigen" \
    "$(lemma_of 'In einigen Städten gab es Proteste.' einigen)" einiger
expect_match "a plural present after its subject is finite: verhandeln" \
    "$(tags_of 'Die Nachbarländer verhandeln über neue Grenzen.' verhandeln)" finite
expect_match "after a guessed plural subject: fordern" \
    "$(tags_of 'Die Linken fordern einen Untersuchungsausschuss.' fordern)" finite
expect_eq "a number closing the opening phrase: gründeten is the verb" \
    "$(lemma_of 'Im Sommer 2019 gründeten zwölf Länder eine Allianz.' gründeten)" gründen
expect_eq "but inside a noun phrase the participle: gegründete" \
    "$(lemma_of 'Das Bündnis ist eine 2019 gegründete Allianz.' gegründete)" gegründet
expect_eq "a plural present joins its particle: stellen ... ein" \
    "$(lemma_of 'Die Vereinigten Staaten stellen die Lieferungen ein.' stellen)" einstellen
expect_eq "a guessed plural present joins its particle: bilden ... aus" \
    "$(lemma_of 'Die Briten bilden ukrainische Piloten aus.' bilden)" ausbilden
expect_eq "a verb-second preterite rather than the adjective: bekannte" \
    "$(lemma_of 'Eine Miliz bekannte sich zu der Entführung.' bekannte)" bekennen
expect_eq "the adjective before a noun: bekannte" \
    "$(lemma_of 'Der bekannte Autor starb.' bekannte)" bekannt
expect_match "a guessed participle after an auxiliary: überwacht" \
    "$(tags_of 'Die Küste wird seit Jahren überwacht.' überwacht)" participle
expect_match "after haben: stationiert" \
    "$(tags_of 'Die Nato hat dort Jets stationiert.' stationiert)" participle
expect_match "after sein, with the lemma of the verb: attackiert" \
    "$(tags_of 'Mehrere Konvois sind attackiert worden.' attackiert)" participle
expect_eq "worden is the participle of werden, not a finite form" \
    "$(tags_of 'Mehrere Konvois sind attackiert worden.' worden)" verb,participle
expect_match "fronted before its auxiliary: Unterzeichnet wurde" \
    "$(tags_of 'Unterzeichnet wurde das Abkommen in Paris.' Unterzeichnet)" participle
expect_match "fronted before haben: Verurteilt hat" \
    "$(tags_of 'Verurteilt hat den Angriff auch die Regierung.' Verurteilt)" participle
expect_match "a plural present after an opening prepositional phrase: liefern" \
    "$(tags_of 'Nach Angaben aus Kiew liefern die USA weitere Panzer.' liefern)" finite
expect_eq "and its particle joined: kündigen ... an" \
    "$(lemma_of 'Am Montag kündigen die Minister neue Hilfen an.' kündigen)" ankündigen
expect_eq "after an adverb that opens the clause: Deshalb setzen ... ein" \
    "$(lemma_of 'Deshalb setzen die Behörden mehr Soldaten ein.' setzen)" einsetzen
expect_match "but an infinitive after a modal there: liefern" \
    "$(tags_of 'Nach Angaben aus Kiew wollen die USA Panzer liefern.' liefern)" infinitive
expect_match "but a present before its object: Er unterzeichnet das" \
    "$(tags_of 'Er unterzeichnet das Abkommen.' unterzeichnet)" finite
expect_eq "an adjective in -haft is no verb" \
    "$(lemma_of 'Der Frieden soll dauerhaft gesichert werden.' dauerhaft)" dauerhaft
expect_match "and is tagged adj" \
    "$(tags_of 'Der Frieden soll dauerhaft gesichert werden.' dauerhaft)" adj
expect_eq "an adjective in -il after a finite verb: zivile" \
    "$(lemma_of 'Getroffen wurden zivile und militärische Anlagen.' zivile)" zivil
expect_eq "nach wie vor is no particle" \
    "$(lemma_of 'Die Partner unterstützen die Regierung nach wie vor.' unterstützen)" unterstützen

# Reported misses of the seventh round, each with sentences of its own.
# clause_of TEXT FORM: the clause of the first token FORM.
clause_of() {
    analyse "$1" | awk -v f="$2" '$2 == f { print $1; exit }'
}
# A number alone after a preposition is the phrase that opens the clause.
expect_eq "a year alone opens the clause: Seit 2019 bilden ... aus" \
    "$(lemma_of 'Seit 2019 bilden die Briten Marinesoldaten aus.' bilden)" ausbilden
expect_match "and the verb is finite: Bis 2030 liefern" \
    "$(tags_of 'Bis 2030 liefern die Staaten neue Panzer.' liefern)" finite
expect_eq "but a number before a noun stays in its phrase: Mit 25 verletzten" \
    "$(lemma_of 'Mit 25 verletzten Soldaten kehrte die Einheit zurück.' verletzten)" verletzt
# A particle is its own lemma.
expect_eq "fort of fortsetzen: setzen ... fort" \
    "$(lemma_of 'Die Delegationen setzen ihre Beratungen morgen fort.' setzen)" fortsetzen
expect_eq "fort is no verb foren" \
    "$(lemma_of 'Die Delegationen setzen ihre Beratungen morgen fort.' fort)" fort
expect_eq "nor is its tag a verb's" \
    "$(tags_of 'Die Delegationen setzen ihre Beratungen morgen fort.' fort)" lemma,particle,guessed
# An unknown word that opens the sentence right before a finite verb is
# no verb itself; a participle or an infinitive there still is one.
expect_eq "an unknown adverb before the verb is no verb: Vielleicht ist" \
    "$(tags_of 'Vielleicht ist die Lieferung schon unterwegs.' Vielleicht)" lemma,guessed
expect_eq "nor is it joined with a particle at the end: Vielleicht kam ... an" \
    "$(lemma_of 'Vielleicht kam die Delegation gestern an.' Vielleicht)" vielleicht
expect_eq "and the particle goes to the verb" \
    "$(lemma_of 'Vielleicht kam die Delegation gestern an.' kam)" ankommen
expect_match "a fronted participle keeps its reading: Dementiert hat" \
    "$(tags_of 'Dementiert hat die Regierung den Bericht nicht.' Dementiert)" participle
expect_match "so does a fronted infinitive: Verhandeln will" \
    "$(tags_of 'Verhandeln will die Regierung nicht.' Verhandeln)" infinitive
expect_match "and a verb opening a question stays finite: Kommt er" \
    "$(tags_of 'Kommt er morgen nach Berlin?' Kommt)" finite
# A dash between two main clauses splits them, as a comma does; a pair of
# dashes around a parenthesis does not.
s='Die Minister haben viele Termine – am Montag stellen sie den Plan vor.'
expect_eq "a dash between main clauses: the particle goes to its own verb" \
    "$(lemma_of "$s" stellen)" vorstellen
expect_eq "and not to the verb of the first clause" "$(lemma_of "$s" haben)" haben
s='Der Kanzler – der am Morgen gelandet war – traf die Ministerin.'
expect_eq "dashes around a parenthesis: its clause goes on after them" \
    "$(clause_of "$s" traf)" "$(clause_of "$s" Kanzler)"
# Truncated compounds coordinate words, not clauses.
s='Am Freitag trafen sich die Außen- und Verteidigungsminister und berieten lange.'
expect_eq "und after a truncated compound opens no clause" "$(clause_of "$s" Verteidigungsminister)" 1
expect_eq "but the und before the second verb does" "$(clause_of "$s" berieten)" 2
expect_eq "nor one whose verb comes after a comma" \
    "$(clause_of 'Die Union stärkt ihre Handels- und Zollpolitik, sagte sie.' Zollpolitik)" 1
# An adverb that opens a main clause, and its finite verb, after a comma.
s='Das Mandat der Mission soll verlängert werden, außerdem sagte Rom Athen Hilfe zu.'
expect_eq "comma, adverb, finite verb: a new clause" "$(clause_of "$s" sagte)" 2
expect_eq "whose particle joins its verb: sagte ... zu" "$(lemma_of "$s" sagte)" zusagen
expect_eq "and never the modal before the comma: soll" "$(lemma_of "$s" soll)" sollen
s='Die Waffen sollen bald geliefert werden, weitere dringend benötigte Hilfe sicherte Berlin zu.'
expect_eq "a modal takes no particle the lexicon does not give it: sollen" \
    "$(lemma_of "$s" sollen)" sollen
expect_eq "the particle goes to the later finite verb: sicherte ... zu" \
    "$(lemma_of "$s" sicherte)" zusichern
# A verb-final clause after ", wie".
s='Drei Dörfer wurden geräumt, wie die Sprecher bestätigten.'
expect_eq ", wie ... opens a clause" "$(clause_of "$s" bestätigten)" 2
expect_match "and its verb is the plural preterite" "$(tags_of "$s" bestätigten)" 'finite.*past'
expect_eq "with the lemma of the infinitive" "$(lemma_of "$s" bestätigten)" bestätigen
expect_eq "but not before names: , wie Polen und Ungarn," \
    "$(clause_of 'Nachbarn, wie Polen und Ungarn, helfen.' Polen)" 1
# The verb of the clause after a verb-final clause and its comma.
expect_match "after a comma closing a clause, the verb: drohen" \
    "$(tags_of 'Falls die Gespräche scheitern, drohen weitere Streiks.' drohen)" 'verb,finite'
expect_match "also after an infinitive that ends the clause: drohen" \
    "$(tags_of 'Sollte Minsk die Grenze schließen, drohen Litauen und Polen mit Zöllen.' drohen)" 'verb,finite'
expect_match "but a list of infinitives stays: ausbilden" \
    "$(tags_of 'Sie wollen liefern, ausbilden und beraten.' ausbilden)" infinitive
# A capitalised word after an article, preposition or adjective is a noun.
expect_eq "a noun that the lexicon has only as a verb form: Lüge" \
    "$(tags_of 'Der Minister nannte den Bericht eine Lüge.' Lüge)" noun,lemma,guessed
expect_eq "Beistand after a possessive is no beistehen" \
    "$(lemma_of 'Die Nachbarn boten ihren Beistand an.' Beistand)" beistand
expect_match "nor after an adjective" \
    "$(tags_of 'Polen leistete rasche Hilfe und diplomatischen Beistand.' Beistand)" noun
# Names of the gazetteers are not stemmed.
expect_eq "Bern is no ber" "$(lemma_of 'Der Bundesrat in Bern prüft den Antrag.' Bern)" bern
expect_eq "and the genitive has the name: Berns" \
    "$(lemma_of 'Die Haltung Berns blieb unklar.' Berns)" bern
expect_match "a name first in the sentence is a noun: Bern" \
    "$(tags_of 'Bern prüft den Antrag.' Bern)" noun

# Reported misses of the ninth round, each with sentences of its own.
entity_of() { # entity_of TEXT FORM: the entity tag of the first token FORM
    printf '%s\n' "$1" | "$FACTGRAPH" tokens - | awk -F'\t' -v f="$2" '$6 == f { print $12; exit }'
}
# 1. Weak verbs whose ge- is a prefix keep it, in every form.
expect_eq "ge- is a prefix of gewähren: hat ... gewährt" \
    "$(lemma_of 'Die Bank hat dem Land einen Kredit gewährt.' gewährt)" gewähren
expect_eq "and of its present: gewährt" \
    "$(lemma_of 'Die Bank gewährt dem Land einen Kredit.' gewährt)" gewähren
expect_eq "its preterite: gewährten" \
    "$(lemma_of 'Die Banken gewährten dem Land Kredite.' gewährten)" gewähren
expect_eq "genehmigt is genehmigen" \
    "$(lemma_of 'Das Parlament genehmigt den Einsatz.' genehmigt)" genehmigen
expect_eq "gefährdet is gefährden" \
    "$(lemma_of 'Der Streit hat die Einigung gefährdet.' gefährdet)" gefährden
expect_eq "gestaltet is gestalten" \
    "$(lemma_of 'Die Stadt gestaltet den Platz neu.' gestaltet)" gestalten
expect_eq "gehört ... zu is gehören" \
    "$(lemma_of 'Die Insel gehört seit 1920 zu Finnland.' gehört)" gehören
expect_eq "gehört ... an is angehören" \
    "$(lemma_of 'Der Abgeordnete gehört dem Ausschuss seit Mai an.' gehört)" angehören
expect_eq "strong ge- verbs: gewann" \
    "$(lemma_of 'Die Partei gewann die Wahl.' gewann)" gewinnen
expect_eq "gelang" "$(lemma_of 'Der Durchbruch gelang erst spät.' gelang)" gelingen
expect_eq "gestand" "$(lemma_of 'Der Angeklagte gestand die Tat.' gestand)" gestehen
# 2. Names the gazetteers know are nouns and keep their form, at the
# start of the sentence too; the German Länder and aid organisations are
# in the gazetteers.
expect_eq "Bayern first in the sentence is no verb" \
    "$(tags_of 'Bayern und Hessen schicken Helfer.' Bayern)" noun,lemma,guessed
expect_eq "and keeps its form: Bayern is no bayer" \
    "$(lemma_of 'Die Polizei in Bayern ermittelt.' Bayern)" bayern
expect_eq "and is a place" "$(entity_of 'Die Polizei in Bayern ermittelt.' Bayern)" B-LOC
expect_eq "Caritas is no carita" "$(lemma_of 'Die Helfer der Caritas kamen.' Caritas)" caritas
expect_eq "Norwegen first in the sentence is a noun" \
    "$(tags_of 'Norwegen und Schweden liefern Munition.' Norwegen)" noun,lemma,guessed
expect_eq "and Schweden after und" \
    "$(tags_of 'Norwegen und Schweden liefern Munition.' Schweden)" noun,lemma,guessed

# 3. A preterite shape after und, where a main clause's verb came before,
# opens a second main clause: a verb, not an adjective.
s='Die Ministerin besuchte die Werft, und lobte neue Fregatten.'
expect_eq "after , und: lobte is loben" "$(lemma_of "$s" lobte)" loben
expect_match "and finite" "$(tags_of "$s" lobte)" 'verb,finite'
expect_eq "after und without a comma: forderte" \
    "$(lemma_of 'Die Opposition kritisierte den Haushalt und forderte neue Beratungen.' forderte)" fordern
expect_eq "but coordinated adjectives stay: blaue" \
    "$(lemma_of 'Die rote und blaue Fahne wehten.' blaue)" blau
expect_eq "as does an adjective after a modal's noun: sicherheitsrelevante" \
    "$(lemma_of 'Die Länder sollen mehr für Verteidigung und sicherheitsrelevante Netze ausgeben.' sicherheitsrelevante)" sicherheitsrelevant
# 4. A particle belongs to the finite verb of its own conjunct.
s='Die Ministerin traf ihren Kollegen in Oslo und sagte ihm weitere Munition zu.'
expect_eq "traf ... und sagte ... zu: traf is treffen" "$(lemma_of "$s" traf)" treffen
expect_eq "and sagte is zusagen" "$(lemma_of "$s" sagte)" zusagen
s='Er traf den Kanzler und der französische Präsident Emmanuel Macron sagte Geld zu.'
expect_eq "also after a long subject of the second conjunct" "$(lemma_of "$s" sagte)" zusagen
expect_eq "where the first verb stays treffen" "$(lemma_of "$s" traf)" treffen

# 5. A pronominal adverb at the end of a clause is no particle, unless
# the lexicon gives the verb that particle.
expect_eq "glaubt dagegen, ... is glauben" \
    "$(lemma_of 'Die Gewerkschaft glaubt dagegen, die Reform komme zu spät.' glaubt)" glauben
expect_eq "and dagegen is no particle" \
    "$(tags_of 'Die Gewerkschaft glaubt dagegen, die Reform komme zu spät.' dagegen)" word,lemma
expect_eq "nor at the end of the sentence: votierte dagegen" \
    "$(lemma_of 'Die Fraktion votierte dagegen.' votierte)" votieren
expect_eq "but a verb that takes it: hielt dagegen" \
    "$(lemma_of 'Der Sprecher der Regierung hielt dagegen.' hielt)" dagegenhalten

# 6. An infinitive before und and a differently inflected adjective ends
# its own phrase; a verb in -en after a subject with its attributes is
# finite, and one in -ern after a modal an infinitive.
s='Die Marine will ihre Präsenz im Norden weiter ausbauen und weitere Schiffe entsenden.'
expect_eq "weiter ausbauen und weitere ...: ausbauen is a verb" "$(lemma_of "$s" ausbauen)" ausbauen
expect_match "an infinitive" "$(tags_of "$s" ausbauen)" infinitive
expect_eq "but agreeing adjectives stay: die neuen und alten Panzer" \
    "$(lemma_of 'Die neuen und alten Panzer rollen.' neuen)" neu
expect_match "after a subject with a genitive: Die Außenminister der Union tagen" \
    "$(tags_of 'Die Außenminister der Union tagen am Montag in Luxemburg.' tagen)" finite
expect_match "after a subject with a prepositional attribute: Die Vertreter von 40 Staaten beraten" \
    "$(tags_of 'Die Vertreter von 40 Staaten beraten seit Dienstag in Genf.' beraten)" finite
expect_match "after a subject whose plural is its singular: Die Minister tagen" \
    "$(tags_of 'Die Minister tagen heute erneut.' tagen)" finite
expect_match "but after a modal the infinitive: werden ... tagen" \
    "$(tags_of 'Die Außenminister der Union werden am Montag tagen.' tagen)" infinitive
expect_match "also in -ern: wollen ... liefern" \
    "$(tags_of 'Die Staaten wollen Haubitzen liefern.' liefern)" infinitive

# 7. A capitalised adjective in a name, before its noun, is an adjective.
s='Die Deutsche Luftwaffe und die Italienische Marine übten gemeinsam.'
expect_eq "Deutsche before a noun is deutsch" "$(lemma_of "$s" Deutsche)" deutsch
expect_match "an adjective" "$(tags_of "$s" Deutsche)" adj
expect_eq "an unknown one: Italienische" "$(lemma_of "$s" Italienische)" italienisch
expect_eq "but before a name the noun: der Deutsche Max Weber" \
    "$(lemma_of 'Der Deutsche Max Weber gewann.' Deutsche)" deutscher
expect_eq "nor is a noun before a noun an adjective: Ende Januar" \
    "$(tags_of 'Sie kamen Ende Januar an.' Ende)" noun,lemma
expect_eq "nor an adjectival noun no gazetteer has" \
    "$(lemma_of 'Die beiden Verletzten Zeugen sagten aus.' Verletzten)" verletzter

# 8. A hyphenated word whose last part is a closed compound has that
# part's head, as the closed compound has; a head constraint matches the
# last part too.
s='Die Ukraine-Wiederaufbaukonferenzen beginnen.'
expect_eq "hyphenated, last part a compound: lemma through its head" \
    "$(lemma_of "$s" Ukraine-Wiederaufbaukonferenzen)" ukraine-wiederaufbaukonferenz
expect_match "tagged compound" "$(tags_of "$s" Ukraine-Wiederaufbaukonferenzen)" compound
head_rule() { # head_rule ID HEADS SENTENCE NAME: a rule file with one rule
    cat <<XML
<rules xmlns="https://w3id.org/factgraph/rules/1">
  <rule id="$1" class="dpo:Meeting">
    <pattern><capture role="agent"><token head="$2"/></capture></pattern>
    <example agent="$4">$3</example>
  </rule>
</rules>
XML
}
head_rule t.head konferenz "$s" Ukraine-Wiederaufbaukonferenzen > "$TMP/head.xml"
head_rule t.part wiederaufbaukonferenz "$s" Ukraine-Wiederaufbaukonferenzen > "$TMP/part.xml"
head_rule t.closed konferenz 'Die Wiederaufbaukonferenz beginnt.' Wiederaufbaukonferenz \
    > "$TMP/closed.xml"
for f in head part closed; do
    out=$("$FACTGRAPH" check-rules "$TMP/$f.xml" 2>&1)
    expect_eq "head constraint ($f): the example matches" "$?" 0
done

# 9. A number before a noun of time counts no group.
groups_of() { # the labels of the groups found in TEXT, one a line
    printf '%s\n' "$1" | "$FACTGRAPH" --format=ntriples - |
        awk '$1 ~ /#group-/ && $2 ~ /rdf-schema#label/' | sed 's/.*> "\(.*\)"@de .*/\1/'
}
s='Vier Wochen später war alles anders. In der Stadt waren rund 300 Soldaten. Fünf Jahrzehnte nach dem Vertrag bleibt er gültig.'
expect_eq "no group of Vier Wochen, Fünf Jahrzehnte; but rund 300 Soldaten" \
    "$(groups_of "$s" | sort | tr '\n' '|')" 'rund 300 Soldaten|'
expect_eq "nor of a compound noun of time: drei Kriegsjahre" \
    "$(groups_of 'Nach drei Kriegsjahren ist das Land erschöpft.')" ''

# 10. s and t with the cedilla are the Romanian letters with the comma
# below: the norm folds both, so the gazetteer's name is found.
expect_eq "Chişinău with the cedilla is a place" \
    "$(entity_of 'Die Regierung in Chişinău protestierte.' Chişinău)" B-LOC
expect_eq "as with the comma below" \
    "$(entity_of 'Die Regierung in Chișinău protestierte.' Chișinău)" B-LOC

# 11. The verb after the comma that closes a verb-first conditional
# clause is the main clause's, which opens a clause of its own.
s='Kommt es zu einem Angriff, schicken die Nachbarn sofort Truppen.'
expect_match "Kommt es ..., schicken: finite" "$(tags_of "$s" schicken)" 'verb,finite'
expect_eq "and a clause of its own" "$(clause_of "$s" schicken)" 2
s='Sollte die Waffenruhe halten, planen die Staaten eine Konferenz.'
expect_eq "Sollte ..., planen: a clause of its own" "$(clause_of "$s" planen)" 2
expect_match "an infinitive after a modal there stays one" \
    "$(tags_of 'Kommt er morgen, oder sollen wir planen?' planen)" infinitive

# 12. Weak verbs in -er whose -er is stressed, the root's only vowel
# (beschweren, erschweren, überqueren), take -en; an unstressed -er
# after another vowel takes -n (fordern, verschlechtern).
expect_eq "beschwerte sich: beschweren" \
    "$(lemma_of 'Der Minister beschwerte sich über die Lage.' beschwerte)" beschweren
expect_eq "erschwerte: erschweren" \
    "$(lemma_of 'Der Regen erschwerte die Suche.' erschwerte)" erschweren
expect_eq "überquerten: überqueren" \
    "$(lemma_of 'Die Truppen überquerten den Fluss.' überquerten)" überqueren
expect_eq "hat sich beschwert: beschweren" \
    "$(lemma_of 'Er hat sich beschwert.' beschwert)" beschweren
expect_eq "but verschlechterte: verschlechtern" \
    "$(lemma_of 'Die Lage verschlechterte sich.' verschlechterte)" verschlechtern
expect_eq "and forderte: fordern" \
    "$(lemma_of 'Die Partei forderte Neuwahlen.' forderte)" fordern
# Weak verbs in -eln the lexicon lacks: participle after wurde, finite
# in a headline.
s='Die Einigung wurde am Montag besiegelt.'
expect_eq "besiegelt after wurde: besiegeln" "$(lemma_of "$s" besiegelt)" besiegeln
expect_match "a participle" "$(tags_of "$s" besiegelt)" participle
expect_match "finite in a headline" "$(tags_of 'Nato besiegelt Abkommen' besiegelt)" finite
expect_eq "besiegelten: besiegeln" \
    "$(lemma_of 'Die Staaten besiegelten das Abkommen.' besiegelten)" besiegeln

# 13. A participle-like adverb between the finite verb and its particle
# takes no particle, also after a coordinated adverb.
s='Peking wies die Kritik scharf und entschieden zurück.'
expect_eq "scharf und entschieden zurück: wies is zurückweisen" \
    "$(lemma_of "$s" wies)" zurückweisen
expect_eq "and entschieden is no zurückentscheiden" "$(lemma_of "$s" entschieden)" entscheiden
expect_eq "nor a clause of its own" "$(clause_of "$s" entschieden)" 1
expect_eq "wies ... entschieden zurück" \
    "$(lemma_of 'Das Ministerium wies die Vorwürfe entschieden zurück.' wies)" zurückweisen

# 14. A capitalised word in -en the lexicon does not know at the start of
# a sentence, before a finite verb, is a noun; so is the last part of a
# hyphenated capitalised compound.
s='Ornithologen beobachteten die Vögel.'
expect_match "Ornithologen before a finite verb: a noun" "$(tags_of "$s" Ornithologen)" noun
expect_eq "and beobachteten stays its verb" "$(lemma_of "$s" beobachteten)" beobachten
expect_match "an infinitive before a modal stays one" \
    "$(tags_of 'Verhandeln wollen die Staaten nicht.' Verhandeln)" verb
case "$(tags_of 'Zwar hatten die Minister beraten.' Zwar)" in
    *noun*) fail "a fronted adverb the lexicon does not know is no noun" "Zwar: noun" ;;
    *) pass "a fronted adverb the lexicon does not know is no noun" ;;
esac
expect_match "a plural in -ionen at the start: a noun" \
    "$(tags_of 'Spekulationen über ein Treffen gab es.' Spekulationen)" noun
expect_eq "its lemma" \
    "$(lemma_of 'Unklarheiten sollen beseitigt werden.' Unklarheiten)" unklarheit
s='Lürssen-Werft baut neue Schiffe.'
expect_eq "Lürssen-Werft: no werfen" "$(lemma_of "$s" Lürssen-Werft)" lürssen-werft
expect_match "a noun" "$(tags_of "$s" Lürssen-Werft)" noun
expect_eq "inside a sentence too" \
    "$(lemma_of 'Die Lürssen-Werft baut neue Schiffe.' Lürssen-Werft)" lürssen-werft

# 15. gestanden: gestehen with haben and an object (or no place), stehen
# with sein or a place.
expect_eq "hat die Tat gestanden: gestehen" \
    "$(lemma_of 'Der Angeklagte hat die Tat gestanden.' gestanden)" gestehen
expect_eq "hat gestanden: gestehen" \
    "$(lemma_of 'Der Angeklagte hat inzwischen gestanden.' gestanden)" gestehen
expect_eq "soll den Mord gestanden haben: gestehen" \
    "$(lemma_of 'Der Mann soll den Mord gestanden haben.' gestanden)" gestehen
expect_eq "finite: gestanden die Tat" \
    "$(lemma_of 'Die Angeklagten gestanden die Tat.' gestanden)" gestehen
expect_eq "hat an der Grenze gestanden: stehen" \
    "$(lemma_of 'Er hat lange an der Grenze gestanden.' gestanden)" stehen
expect_eq "ist gestanden: stehen" \
    "$(lemma_of 'Der Zug ist zwei Stunden im Bahnhof gestanden.' gestanden)" stehen

# The stem cache changes nothing: documents analysed after 13,000
# distinct words (more than the cache keeps, so it is emptied between
# them) get the stems they get alone.
awk 'BEGIN {
    a = "bcdfghklmnprstvwz"; v = "aeiou"; words = ""
    for (i = 0; i < 13000; i++) {
        w = substr(a, i % 17 + 1, 1) substr(v, int(i / 17) % 5 + 1, 1) \
            substr(a, int(i / 85) % 17 + 1, 1) substr(v, int(i / 1445) % 5 + 1, 1) \
            substr(a, int(i / 7225) % 17 + 1, 1) "ungen"
        words = words " " w (i % 500 == 499 ? ". Dann" : "")
    }
    printf "{\"id\": \"many%s\", \"text\": \"%s\"}\n", id, words
}' > "$TMP/many.jsonl"
text='Die Soldaten verteidigten die Stellungen der Streitkräfte.'
printf '{"id": "news%s", "text": "%s"}\n' '' "$text" > "$TMP/news.jsonl"
{ cat "$TMP/news.jsonl" "$TMP/many.jsonl"; sed 's/"news/"news2/' "$TMP/news.jsonl"
  sed 's/"many/"many2/' "$TMP/many.jsonl"; } > "$TMP/all.jsonl"
"$FACTGRAPH" tokens "$TMP/all.jsonl" | cut -f1,6,10 | sed 's/^\(news\|many\)2/\1/' |
    sort -u > "$TMP/together"
{ "$FACTGRAPH" tokens "$TMP/news.jsonl"; "$FACTGRAPH" tokens "$TMP/many.jsonl"; } |
    cut -f1,6,10 | sort -u > "$TMP/alone"
if cmp -s "$TMP/together" "$TMP/alone"; then pass "stems with a warm or emptied cache"
else fail "stems with a warm or emptied cache" "$(diff "$TMP/alone" "$TMP/together" | head -5)"; fi
expect_eq "13,000 distinct words, \"Dann\" and \".\"" "$(grep -c '^many' "$TMP/alone")" 13002

# Lemma accuracy on the blind lists: each form in its context phrase.
py=$(command -v python3) || { echo "# python3 missing: accuracy skipped"; done_testing; exit $?; }
# The two halves of the measure: the cases as JSON Lines (the id holds
# "N\tFORM\tLEMMA\tPOS"), and the score of `factgraph tokens` on them.
cat > "$TMP/cases.py" <<'PY'
import json, sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if line.startswith("#") or not line.strip():
        continue
    form, lemma, pos, ctx = line.rstrip("\n").split("\t")
    print(json.dumps({"id": "%d\t%s\t%s\t%s" % (n, form, lemma, pos), "text": ctx},
                     ensure_ascii=False))
PY
cat > "$TMP/score.py" <<'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")][1:]
want, got = {}, {}
for r in rows:
    # doc id holds "N\tFORM\tLEMMA\tPOS", written escaped as \t
    n, form, lemma, pos = r[0].split("\\t")
    want[n] = (form, lemma, pos)
    if r[5] == form and n not in got:
        got[n] = r[8]
ok = collections.Counter(); tot = collections.Counter(); bad = []
for n, (form, lemma, pos) in want.items():
    tot[pos] += 1
    if got.get(n, "").casefold() == lemma.casefold():
        ok[pos] += 1
    else:
        bad.append("%s -> %s (want %s)" % (form, got.get(n, "?"), lemma))
acc = sum(ok.values()) / max(1, sum(tot.values()))
print("accuracy %.4f (%d of %d)" % (acc, sum(ok.values()), sum(tot.values())))
for p in sorted(tot):
    print("  %-6s %.3f (%d)" % (p, ok[p] / tot[p], tot[p]))
for b in bad[:40]:
    print("  wrong: " + b)
sys.exit(0 if acc >= float(sys.argv[2]) else 1)
PY
# accuracy LIST FLOOR: reports the accuracy of the lemmas of LIST, per
# part of speech with the first misses, and checks it against FLOOR.
# Lemmas are case-folded ("schiessen"), so the comparison folds case too.
accuracy() {
    "$py" "$TMP/cases.py" "$top_srcdir/tests/morph/$1" > "$TMP/cases.jsonl"
    "$FACTGRAPH" tokens --input-format=jsonl "$TMP/cases.jsonl" > "$TMP/tokens.tsv"
    report=$("$py" "$TMP/score.py" "$TMP/tokens.tsv" "$2")
    rc=$?
    printf '%s: %s\n' "$1" "$report" | sed 's/^/# /'
    if [ $rc -eq 0 ]; then pass "$1: lemma accuracy at least $2"
    else fail "$1: lemma accuracy at least $2" "$(printf '%s\n' "$report" | head -1)"; fi
}
# The accuracy the lemmatiser must keep; raise the floors as it improves.
# lemmas.tsv, blind when written, has since guided the lexicon and the
# fallback: 0.998. lemmas-heldout.tsv was written later, by someone who had
# not seen the lemmatiser, and has never been used to tune it: it measures
# how the lemmatiser does on words it was not fitted to (0.970 when added).
# Keep it that way: fix what it shows only through other examples.
accuracy lemmas.tsv "${FG_LEMMA_FLOOR:-0.99}"
accuracy lemmas-heldout.tsv "${FG_LEMMA_HELDOUT_FLOOR:-0.965}"
done_testing
