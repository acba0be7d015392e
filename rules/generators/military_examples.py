"""Examples and counter-examples of the rules that military.py writes.

EX[family] = (examples, counterexamples) for each trigger family (a verb
class or a noun class of military.py). An example is (text, {role:
words}) for the family's main rule, or (text, {role: words}, suffix) for
the rule family + suffix (".passive-zu" for the passives and
zu-infinitives of a verb family, ".lv" for a noun with a light verb,
".teilnahme" for taking part in a Training). check-rules wants the rule
of the example itself to match with all those roles. The
counter-examples go on every rule of the family.
"""
EX = {
"attack.verb": ([
  ("Das Dorf, das in der Nacht angegriffen wurde, liegt nahe der Front.", {"trigger": "angegriffen", "target": "Dorf"}, ".rel-zu"),
  ("Russische Truppen griffen am Sonntag mehrere Dörfer im Osten an.", {"agent": "Russische Truppen", "trigger": "griffen", "target": "Dörfer"}),
  ("Die Luftwaffe hat in der Nacht ein Munitionsdepot bombardiert.", {"agent": "Luftwaffe", "trigger": "bombardiert", "target": "Munitionsdepot"}),
  ("Am Dienstag beschoss die Armee erneut die Hafenstadt Odessa.", {"agent": "Armee", "trigger": "beschoss"}),
  ("Ein Hilfskonvoi wurde am Freitag im Norden beschossen.", {"trigger": "beschossen", "target": "Hilfskonvoi"}, ".passive-zu"),
  ("Das Lager wurde von Milizen angegriffen.", {"agent": "Milizen", "trigger": "angegriffen", "target": "Lager"}, ".passive-zu"),
  ("Die Regierung bestätigte, dass Kampfflugzeuge ein Krankenhaus bombardiert hatten.", {"agent": "Kampfflugzeuge", "trigger": "bombardiert"}, ".sub"),
  ("Die Miliz kündigte an, weitere Stützpunkte anzugreifen.", {"agent": "Miliz", "trigger": "anzugreifen", "target": "weitere Stützpunkte"}, ".rel-zu"),
  ("Die Armee will die Stellungen im Süden angreifen.", {"agent": "Armee", "trigger": "angreifen", "target": "Stellungen"}),
  ("Seit Wochen greifen russische Verbände die Stadt Kupjansk an.", {"agent": "russische Verbände", "trigger": "greifen", "target": "Stadt Kupjansk"}),
  ("Die Piraten haben gestern einen Tanker im Arabischen Meer attackiert.", {"agent": "Piraten", "trigger": "attackiert", "target": "Tanker"}),
  ("Nach Angaben der Armee griffen Aufständische mehr als 20 Mal einen Kontrollposten an.", {"agent": "Aufständische", "trigger": "griffen", "target": "Kontrollposten"}),
  ("Die Lage blieb angespannt, während die Marine die Küste bombardierte.", {"agent": "Marine", "trigger": "bombardierte", "target": "Küste"}, ".sub"),
  ("Sollte Serbien das Nachbarland angreifen, drohen harte Sanktionen.", {"agent": "Serbien", "trigger": "angreifen"}),
  ("Seit Tagen beschießen sich die Armeen an der Grenze.", {"agent": "Armeen", "trigger": "beschießen"}),
 ], [
  "Die Opposition griff den Kanzler im Parlament scharf an.",
  "Der Konzern verlegt seinen Sitz nach Hamburg.",
 ]),
"attack.weapon-hits": ([
  ("Die Armee teilte mit, dass eine Rakete ein Krankenhaus getroffen hat.", {"agent": "Rakete", "trigger": "getroffen", "target": "Krankenhaus"}, ".sub"),
  ("Die Brücke, die von Raketen getroffen wurde, bleibt gesperrt.", {"agent": "Raketen", "trigger": "getroffen", "target": "Brücke"}, ".rel-zu"),
  ("Eine Rakete traf am Morgen ein Wohnhaus in Kiew.", {"agent": "Rakete", "trigger": "traf", "target": "Wohnhaus"}),
  ("Russische Drohnen zerstörten in der Nacht ein Umspannwerk.", {"agent": "Russische Drohnen", "trigger": "zerstörten"}),
  ("Das Kraftwerk wurde von mehreren Raketen getroffen.", {"agent": "Raketen", "trigger": "getroffen", "target": "Kraftwerk"}, ".passive-zu"),
 ], [
  "Der Stürmer traf in der zweiten Halbzeit den Pfosten.",
  "Die Verteidigungsminister trafen sich in Brüssel.",
  "Ein Feuer zerstörte die Scheune.",
 ]),
"deployment.verb": ([
  ("Unterstützt wird die Mission von der Marine, die dafür zwei Fregatten in die Ägäis entsandt hat.", {"agent": "Marine", "trigger": "entsandt", "theme": "zwei Fregatten"}, ".long"),
  ("Die Länder haben ein gemeinsames Bataillon gegründet, das in Litauen stationiert ist.", {"trigger": "stationiert", "theme": "gemeinsames Bataillon"}, ".rel-zu"),
  ("Kiew meldet, dass Moskau weitere Truppen an die Grenze entsandt hat.", {"agent": "Moskau", "trigger": "entsandt", "theme": "weitere Truppen"}, ".sub"),
  ("Das Bataillon, das in Litauen stationiert ist, wird verstärkt.", {"trigger": "stationiert", "theme": "Bataillon"}, ".rel-zu"),
  ("Dem Sender NTV zufolge hat Paris zudem 400 Soldaten nach Estland entsandt.", {"agent": "Paris", "trigger": "entsandt", "theme": "400 Soldaten"}),
  ("Die Niederlande stationieren zwei Kompanien in Litauen.", {"agent": "Niederlande", "trigger": "stationieren", "theme": "zwei Kompanien"}),
  ("Spanien will künftig mehr Soldaten nach Lettland entsenden.", {"agent": "Spanien", "trigger": "entsenden", "theme": "mehr Soldaten"}),
  ("In Rumänien stationiert Frankreich seit 2022 ein Bataillon.", {"agent": "Frankreich", "trigger": "stationiert", "theme": "Bataillon"}),
  ("Berichten zufolge soll Iran Militärberater nach Syrien entsandt haben.", {"agent": "Iran", "trigger": "entsandt"}),
  ("Im Sommer wurden 300 Fallschirmjäger nach Estland entsandt.", {"trigger": "entsandt", "theme": "300 Fallschirmjäger"}, ".passive-zu"),
  ("Seit dem Frühjahr ist in Rumänien ein französisches Bataillon stationiert.", {"trigger": "stationiert", "theme": "französisches Bataillon"}, ".passive-zu"),
  ("Als Antwort auf die Drohungen hat Rom ein Kontingent von 200 Mann nach Lettland entsandt.", {"agent": "Rom", "trigger": "entsandt", "theme": "Kontingent von 200 Mann"}),
 ], [
  "Die Firma stellt neue Mitarbeiter ein.",
 ]),
"deployment.verb-troops": ([
  ("Nach Angaben aus Kiew setzen die Behörden zusätzliche Soldaten an der Grenze ein.", {"trigger": "setzen", "agent": "Behörden", "theme": "zusätzliche Soldaten"}),
  ("Deshalb setzen die Behörden zusätzliche Soldaten an der Grenze ein.", {"trigger": "setzen", "agent": "Behörden", "theme": "zusätzliche Soldaten"}),
  ("Seit 2015 setzen die Behörden zusätzliche Soldaten an der Grenze ein.", {"trigger": "setzen", "agent": "Behörden", "theme": "zusätzliche Soldaten"}),
  ("Im Ernstfall würden die Staaten umgehend Kriegsschiffe in die Region verlegen.", {"agent": "Staaten", "trigger": "verlegen", "theme": "Kriegsschiffe"}),
  ("Die Kriegsschiffe, die ins Mittelmeer verlegt wurden, kehren im Mai zurück.", {"trigger": "verlegt", "theme": "Kriegsschiffe"}, ".rel-zu"),
  ("Die Regierung hält an ihrem Kurs fest und will weitere Soldaten an die Grenze schicken.", {"agent": "Regierung", "trigger": "schicken", "theme": "weitere Soldaten"}, ".sub"),
  ("Das Ministerium dementierte Berichte, wonach Truppen an die Grenze verlegt worden seien.", {"trigger": "verlegt", "theme": "Truppen"}, ".passive-zu"),
  ("Ungarn hat nach Angaben regierungsnaher Medien weitere Soldaten an die Grenze zu Serbien verlegt.", {"agent": "Ungarn", "trigger": "verlegt", "theme": "weitere Soldaten"}),
  ("Die Bundeswehr verlegt weitere Eurofighter nach Rumänien.", {"agent": "Bundeswehr", "trigger": "verlegt", "theme": "weitere Eurofighter"}),
  ("Großbritannien hat eine Fregatte ins Mittelmeer geschickt.", {"agent": "Großbritannien", "trigger": "geschickt", "theme": "Fregatte"}),
  ("Zwei Brigaden wurden an die Ostflanke verlegt.", {"trigger": "verlegt", "theme": "Zwei Brigaden"}, ".passive-zu"),
  ("Die Allianz stärkt ihre Ostflanke und verlegt 2.000 Soldaten nach Litauen.", {"agent": "Allianz", "trigger": "verlegt", "theme": "2.000 Soldaten"}, ".sub"),
  ("Die Regierung setzt Soldaten zum Schutz der Grenze ein.", {"agent": "Regierung", "trigger": "setzt", "theme": "Soldaten"}),
  ("Nach Angaben des Ministeriums sollen zwei Brigaden an die Grenze verlegt worden sein.", {"trigger": "verlegt", "theme": "zwei Brigaden"}, ".passive-zu"),
  ("Im Rahmen der Übung „Steadfast“ verlegt die Marine drei Fregatten in die Nordsee.", {"agent": "Marine", "trigger": "verlegt", "theme": "drei Fregatten"}),
  ("Frankreich hat den Flugzeugträger Charles de Gaulle ins östliche Mittelmeer verlegt.", {"agent": "Frankreich", "trigger": "verlegt", "theme": "Flugzeugträger Charles de Gaulle"}),
  ("Laut Ministerium ist die Korvette Erfurt in die Ostsee verlegt worden.", {"trigger": "verlegt", "theme": "Korvette Erfurt"}, ".passive-zu"),
  ("Angeblich wurden mehrere Bataillone von der Krim in den Süden verlegt.", {"trigger": "verlegt", "theme": "Bataillone"}, ".passive-zu"),
  ("Die Armee zieht seit Tagen Truppen an der Grenze zusammen.", {"agent": "Armee", "trigger": "zieht", "theme": "Truppen"}),
 ], [
  "Der Konzern verlegt seinen Firmensitz von Köln nach Berlin.",
  "Die Post schickt ein Paket nach Berlin.",
  "Der Trainer schickte in der zweiten Halbzeit zwei neue Spieler aufs Feld.",
  "Die Spedition verlegt ihr Lager von der Krim nach Odessa.",
  "Die Stadt stellt im Advent neue Bänke auf dem Marktplatz auf.",
  "Die Reederei verschifft Autos nach Asien.",
 ]),
"monitoring.verb": ([
  ("Die Regierung erklärte, dass Drohnen die Grenze überwachen.", {"agent": "Drohnen", "trigger": "überwachen", "theme": "Grenze"}, ".sub"),
  ("Die Küstenwache überwacht seit Monaten den Schiffsverkehr in der Ostsee.", {"agent": "Küstenwache", "trigger": "überwacht", "theme": "Schiffsverkehr"}),
  ("Im Rahmen von „Nordic Shield“ bewacht die Marine zwei Gasleitungen.", {"agent": "Marine", "trigger": "bewacht", "theme": "zwei Gasleitungen"}),
  ("Wer den Abzug der Truppen überwachen wird, ist noch offen.", {"trigger": "überwachen", "theme": "Abzug der Truppen"}, ".rel-zu"),
  ("Die Waffenruhe soll von Blauhelmen der UN überwacht werden.", {"agent": "Blauhelmen der UN", "trigger": "überwacht"}, ".passive-zu"),
  ("Künftig überwachen Aufklärungsdrohnen die gesamte Grenze.", {"agent": "Aufklärungsdrohnen", "trigger": "überwachen"}),
  ("Polen entsendet Soldaten, um die Grenze zu überwachen.", {"agent": "Polen", "trigger": "überwachen", "theme": "Grenze"}, ".rel-zu"),
 ], [
  "Seit Jahren überwacht niemand mehr die Preise im Supermarkt.",
  "Die Börsenaufsicht überwacht den Handel mit Aktien.",
  "Die Pflegerin überwacht den Blutzucker des Patienten.",
 ]),
"ceasefire.verb": ([
  ("Die Vermittler hoffen, dass beide Armeen die Kampfhandlungen einstellen.", {"agent": "Armeen", "trigger": "einstellen", "theme": "Kampfhandlungen"}, ".sub"),
  ("Die Rebellen erklärten sich bereit, die Waffen niederzulegen.", {"agent": "Rebellen", "trigger": "niederzulegen"}, ".rel-zu"),
  ("Beide Seiten stellten am Morgen die Kampfhandlungen ein.", {"agent": "Seiten", "trigger": "stellten", "theme": "Kampfhandlungen"}),
  ("Die Separatisten haben nach eigenen Angaben die Waffen niedergelegt.", {"agent": "Separatisten", "trigger": "niedergelegt", "theme": "Waffen"}),
  ("Die Armee will die Angriffe auf die Stadt einstellen.", {"agent": "Armee", "trigger": "einstellen"}),
  ("Die Feindseligkeiten wurden um Mitternacht eingestellt.", {"trigger": "eingestellt", "theme": "Feindseligkeiten"}, ".passive-zu"),
 ], [
  "Die Firma stellt die Produktion ein.",
  "Der Verein stellt einen neuen Trainer ein.",
 ]),
"monitoring.intel": ([
  ("Nach Angaben aus Berlin hören die Geheimdienste die Telefone der Gruppe ab.", {"trigger": "hören", "agent": "Geheimdienste"}),
  ("Nun hören die Geheimdienste die Telefone der Gruppe ab.", {"trigger": "hören", "agent": "Geheimdienste"}),
  ("Seit 2015 hören die Geheimdienste die Telefone der Gruppe ab.", {"trigger": "hören", "agent": "Geheimdienste"}),
  ("Medien berichten, dass der Geheimdienst Oppositionelle abgehört hat.", {"agent": "Geheimdienst", "trigger": "abgehört"}, ".sub"),
  ("Der Verfassungsschutz hat begonnen, die Gruppe zu beobachten.", {"agent": "Verfassungsschutz", "trigger": "beobachten"}, ".rel-zu"),
  ("Der Staatsschutz observiert seit Monaten einen Verein in Köln.", {"agent": "Staatsschutz", "trigger": "observiert", "theme": "Verein"}),
  ("Der Bundesnachrichtendienst soll ausländische Journalisten abgehört haben.", {"agent": "Bundesnachrichtendienst", "trigger": "abgehört"}),
  ("Ein Verdächtiger wurde vom Geheimdienst wochenlang beschattet.", {"agent": "Geheimdienst", "trigger": "beschattet", "theme": "Verdächtiger"}, ".passive-zu"),
 ], [
  "Der Lehrer beobachtet die Schüler auf dem Pausenhof.",
  "Die Polizei beobachtet einen Anstieg der Einbrüche.",
 ]),
"monitoring.patrol": ([
  ("Am Freitag haben Griechenland und die Türkei vereinbart, in der Ägäis gemeinsam zu patrouillieren.", {"agent": "Griechenland und die Türkei", "trigger": "patrouillieren"}, ".rel-zu"),
  ("Die Marine meldete, dass Fregatten vor der Küste patrouillieren.", {"agent": "Fregatten", "trigger": "patrouillieren"}, ".sub"),
  ("Die Meerenge wird seit Wochen von Kriegsschiffen der Marine patrouilliert.", {"agent": "Kriegsschiffen der Marine", "trigger": "patrouilliert"}, ".passive-zu"),
  ("Seit Dezember patrouillieren dänische Kriegsschiffe im Skagerrak.", {"agent": "dänische Kriegsschiffe", "trigger": "patrouillieren"}),
  ("Patrouillenboote der Küstenwache patrouillieren verstärkt vor Kreta.", {"agent": "Patrouillenboote der Küstenwache", "trigger": "patrouillieren"}),
  ("Die Armee schickte Hubschrauber, um entlang der Grenze zu patrouillieren.", {"agent": "Armee", "trigger": "patrouillieren"}, ".rel-zu"),
 ], [
  "Der Wachmann patrouilliert nachts durch das Einkaufszentrum.",
  "Die Polizei kontrolliert am Wochenende verstärkt Autofahrer.",
 ]),
"monitoring.check": ([
  ("Ein Seefernaufklärer der Marine hat am Montag die Bewegungen eines fremden Tankers verfolgt.", {"agent": "Seefernaufklärer der Marine", "trigger": "verfolgt", "theme": "Bewegungen eines fremden Tankers"}, ".long"),
  ("Seit Juni überprüfen Inspekteure der Vereinten Nationen wieder die Atomanlagen des Landes.", {"agent": "Inspekteure der Vereinten Nationen", "trigger": "überprüfen", "theme": "Atomanlagen des Landes"}, ".v2"),
  ("Die finnische Küstenwache beobachtet seit Tagen einen Frachter vor der Küste.", {"agent": "finnische Küstenwache", "trigger": "beobachtet", "theme": "Frachter"}),
  ("Die Bundespolizei kontrolliert seit Oktober wieder an den Grenzen zu Polen.", {"agent": "Bundespolizei", "trigger": "kontrolliert"}),
  ("Soldaten der Armee bewachen seit dem Anschlag die Flughäfen.", {"agent": "Soldaten der Armee", "trigger": "bewachen", "theme": "Flughäfen"}),
  ("Das Ministerium bestätigte, dass Soldaten die Grenzübergänge bewachen.", {"agent": "Soldaten", "trigger": "bewachen"}, ".sub"),
  ("Die Häfen werden von der Küstenwache kontrolliert.", {"agent": "Küstenwache", "trigger": "kontrolliert"}, ".passive-zu"),
  ("Die Regierung schickt Polizisten, um die Grenze zu kontrollieren.", {"trigger": "kontrollieren"}, ".rel-zu"),
 ], [
  "Die Polizei kontrolliert am Wochenende verstärkt Autofahrer.",
  "Die Zollfahnder kontrollieren die Bücher der Firma.",
  "Die Bundeswehr verfolgt mit der Reform das Ziel einer schnelleren Beschaffung.",
  "Die Polizei verfolgt mehrere Spuren.",
 ]),
"monitoring.observe": ([
  ("Unklar ist, ob die Mission die Einhaltung der Waffenruhe überprüft.", {"agent": "Mission", "trigger": "überprüft", "theme": "Einhaltung der Waffenruhe"}, ".sub"),
  ("Die EU schickt Fachleute, um die Wahl zu beobachten.", {"agent": "EU", "trigger": "beobachten", "theme": "Wahl"}, ".rel-zu"),
  ("Die UN-Mission überprüft die Einhaltung des Waffenembargos.", {"agent": "UN-Mission", "trigger": "überprüft", "theme": "Einhaltung des Waffenembargos"}),
  ("Die OSZE beobachtet die Wahl in Georgien.", {"agent": "OSZE", "trigger": "beobachtet", "theme": "Wahl"}),
  ("Die Grenze zu Tschechien wird seit Oktober kontrolliert.", {"trigger": "kontrolliert", "theme": "Grenze zu Tschechien"}, ".passive-zu"),
  ("Die Mission soll die Einhaltung der Feuerpause beobachten.", {"agent": "Mission", "trigger": "beobachten"}),
 ], [
  "Vogelkundler beobachten im Herbst den Zug der Gänse.",
  "Die Rebellen kontrollieren seit Wochen die Stadt.",
  "Der Arzt überprüft die Werte des Patienten.",
 ]),
"training.verb": ([
  ("Nach Angaben aus Kiew bilden die Niederlande afghanische Polizisten aus.", {"trigger": "bilden", "participant": "afghanische Polizisten"}),
  ("Im Jahr 2017 bilden die Niederlande afghanische Polizisten aus.", {"trigger": "bilden", "participant": "afghanische Polizisten"}),
  ("Seit 2015 bilden die Niederlande afghanische Polizisten aus.", {"trigger": "bilden", "participant": "afghanische Polizisten"}),
  ("Das Ministerium bestätigte, dass Ausbilder der Bundeswehr ukrainische Soldaten geschult haben.", {"agent": "Ausbilder der Bundeswehr", "trigger": "geschult", "participant": "ukrainische Soldaten"}, ".sub"),
  ("Deutschland hat angeboten, weitere Piloten auszubilden.", {"agent": "Deutschland", "trigger": "auszubilden", "participant": "weitere Piloten"}, ".rel-zu"),
  ("Die Rekruten, die in Polen ausgebildet werden, kehren im Mai zurück.", {"trigger": "ausgebildet", "participant": "Rekruten"}, ".rel-zu"),
  ("Die Bundeswehr bildet in Deutschland ukrainische Soldaten aus.", {"agent": "Bundeswehr", "trigger": "bildet", "participant": "ukrainische Soldaten"}),
  ("Die Niederlande bilden seit Jahren afghanische Polizisten aus.", {"agent": "Niederlande", "trigger": "bilden", "participant": "afghanische Polizisten"}),
  ("Amerikanische Ausbilder haben rund 2.000 Rekruten am Panzer geschult.", {"agent": "Amerikanische Ausbilder", "trigger": "geschult", "participant": "rund 2.000 Rekruten", "theme": "Panzer"}),
  ("In Polen werden ukrainische Piloten trainiert.", {"trigger": "trainiert", "participant": "ukrainische Piloten"}, ".passive-zu"),
  ("Die Polizei will im Herbst weitere Spezialkräfte ausbilden.", {"agent": "Polizei", "trigger": "ausbilden"}),
  ("Britische Offiziere instruieren in Kenia einheimische Soldaten.", {"agent": "Britische Offiziere", "trigger": "instruieren", "participant": "einheimische Soldaten"}),
 ], [
  "Die Mannschaft trainiert am Mittwoch auf dem Nebenplatz.",
  "Die Klinik bildet jedes Jahr Pflegekräfte aus.",
 ]),
"training.practise": ([
  ("Bei der Übung simulieren Marinesoldaten einen Angriff auf einen Hafen.", {"agent": "Marinesoldaten", "trigger": "simulieren"}),
  ("Der Ernstfall wurde im Herbst von Marinesoldaten geprobt.", {"agent": "Marinesoldaten", "trigger": "geprobt", "theme": "Ernstfall"}, ".passive-zu"),
  ("Die Luftwaffe teilte mit, dass Kampfjets über der Nordsee die Luftbetankung üben.", {"agent": "Kampfjets", "trigger": "üben"}, ".sub"),
  ("Rund 3.000 Soldaten üben in Polen die Verlegung schwerer Waffen.", {"agent": "Rund 3.000 Soldaten", "trigger": "üben", "theme": "Verlegung schwerer Waffen"}),
  ("Seit Montag proben Marinesoldaten im Nordmeer den Ernstfall.", {"agent": "Marinesoldaten", "trigger": "proben"}),
  ("Marinesoldaten reisten nach Norwegen, um den Ernstfall zu proben.", {"agent": "Marinesoldaten", "trigger": "proben", "theme": "Ernstfall"}, ".rel-zu"),
  ("Über der Nordsee trainieren Kampfjets der Luftwaffe die Luftbetankung.", {"agent": "Kampfjets der Luftwaffe", "trigger": "trainieren"}),
  ("Wegen des Sturms konnten die Fregatten nicht auf offener See üben.", {"agent": "Fregatten", "trigger": "üben"}),
 ], [
  "Die Schüler üben für die Mathearbeit.",
  "Die Software simuliert den Verkehr in der Innenstadt.",
  "Der Chor probt jeden Dienstag.",
  "Die Fußballer trainieren am Nachmittag Standardsituationen.",
 ]),
"attack.fire-at": ([
  ("Nach Angaben der Armee wurden in der Nacht 40 Drohnen auf die Hafenstadt abgefeuert.", {"trigger": "abgefeuert", "target": "Hafenstadt"}),
  ("Die Miliz feuerte am Abend Raketen auf den Norden Israels ab.", {"agent": "Miliz", "trigger": "feuerte", "target": "Norden Israels"}),
  ("Die Armee geht seit Tagen mit Panzern gegen die Rebellen im Norden vor.", {"agent": "Armee", "trigger": "geht", "target": "Rebellen"}, ".vorgehen"),
  ("Kigali räumte ein, dass ruandische Soldaten im Kongo gegen Milizen vorgegangen seien.", {"agent": "ruandische Soldaten", "trigger": "vorgegangen", "target": "Milizen"}, ".vorgehen"),
 ], [
  "Der Schütze feuerte den Ball auf das Tor.",
  "Die Stadt geht gegen illegale Müllkippen vor.",
  "Der Verein will juristisch gegen das Urteil vorgehen.",
 ]),
"attack.noun": ([
  ("Die Allianz sicherte Estland Beistand im Falle eines Angriffs zu.", {"trigger": "Angriffs"}, ".accuse"),
  ("Die Miliz drohte, einen Anschlag auf die Botschaft zu verüben.", {"agent": "Miliz", "trigger": "Anschlag"}, ".lv-zu"),
  ("Die Regierung in Kiew wirft Moskau einen Raketenangriff auf ein Krankenhaus vor.", {"agent": "Moskau", "trigger": "Raketenangriff"}, ".accuse"),
  ("Ein Bombenanschlag auf einen Bus, zu dem sich eine Separatistengruppe bekannte, erschütterte die Stadt.", {"agent": "Separatistengruppe", "trigger": "Bombenanschlag"}, ".accuse"),
  ("Die Behörden warnen vor russischer Sabotage an Bahnstrecken.", {"trigger": "Sabotage"}),
  ("Den Anschlag auf die Raffinerie hat eine Untergrundgruppe verübt.", {"agent": "Untergrundgruppe", "trigger": "Anschlag"}, ".front"),
  ("Der Anschlag auf das Depot, den eine Splittergruppe verübt hatte, forderte drei Tote.", {"agent": "Splittergruppe", "trigger": "Anschlag"}, ".relcl"),
  ("Die Separatisten haben in der Nacht von Donezk, Luhansk und Mariupol aus mehrere Angriffe gestartet.", {"agent": "Separatisten", "trigger": "Angriffe"}, ".lv-long"),
  ("Den Milizen wird ein Massaker an Dorfbewohnern vorgeworfen.", {"trigger": "Massaker"}),
  ("Bei einem Luftangriff auf ein Dorf im Süden starben drei Menschen.", {"trigger": "Luftangriff", "target": "Dorf"}),
  ("Die Regierung verurteilte den Angriff auf die Botschaft.", {"trigger": "Angriff", "target": "Botschaft"}),
  ("Die Rebellen haben einen Anschlag auf die Polizeiwache verübt.", {"agent": "Rebellen", "trigger": "Anschlag"}, ".lv-aux"),
  ("Der Angriff Russlands auf die Ukraine jährt sich.", {"agent": "Russlands", "trigger": "Angriff"}),
  ("Die Bombardierung der Stadt dauerte die ganze Nacht.", {"trigger": "Bombardierung", "target": "Stadt"}),
  ("Die Attacke soll von einer Splittergruppe ausgeführt worden sein.", {"agent": "Splittergruppe", "trigger": "Attacke"}),
  ("Iran bereitet offenbar eine neue Offensive vor.", {"agent": "Iran", "trigger": "Offensive"}, ".lv"),
  ("Die Miliz reklamierte den Anschlag auf die Kaserne für sich.", {"agent": "Miliz", "trigger": "Anschlag"}, ".lv"),
  ("Nach dem Beschuss der Grenzstadt kündigte Pakistan Vergeltung an.", {"agent": "Pakistan", "trigger": "Vergeltung"}, ".lv"),
  ("Der Sprengstoffanschlag auf die Pipeline wird einer Separatistengruppe zugeschrieben.", {"agent": "Separatistengruppe", "trigger": "Sprengstoffanschlag"}),
  ("Mit dem Angriff auf die Hafenstadt hat Russland die Gespräche belastet.", {"agent": "Russland", "trigger": "Angriff"}),
  ("Ermittler vermuten Sabotageakte gegen das Stromnetz.", {"trigger": "Sabotageakte"}),
 ], [
  "Die Großmeisterin gewann die Partie mit einem frühen Angriff auf dem Königsflügel.",
  "Gegen die tief stehenden Gäste fand die Offensive des Tabellenführers lange kein Mittel.",
  "Die Netzbetreiber wollen ihre Leitungen besser vor Sabotage schützen.",
  "Nach einem Angriff über die rechte Seite fiel das Tor.",
  "Die Datenschützer sprechen von einem Angriff auf die Privatsphäre.",
  "Die Regierung startet eine Bildungsoffensive für Schulen.",
  "Nach einem Hundeangriff auf ein Kind ermittelt die Polizei.",
 ]),
"ceasefire.noun": ([
  ("Eine dreitägige Waffenruhe verkündeten beide Seiten am Abend.", {"agent": "Seiten", "trigger": "Waffenruhe"}, ".front"),
  ("Die Feuerpause im Norden, die beide Armeen vor einer Woche vereinbart hatten, ist brüchig.", {"agent": "Armeen", "trigger": "Feuerpause"}, ".relcl"),
  ("Die Regierung und die Rebellen haben sich unter Vermittlung Norwegens, Kubas und der Schweiz auf eine Feuerpause geeinigt.", {"agent": "Regierung und die Rebellen", "trigger": "Feuerpause"}, ".lv-long"),
  ("Auf eine dauerhafte Waffenruhe wollen sich die Kriegsparteien bis Ende Mai einigen.", {"agent": "Kriegsparteien", "trigger": "Waffenruhe"}, ".front"),
  ("Die von beiden Seiten erst am Sonntag vereinbarte Feuerpause hielt nur wenige Stunden.", {"agent": "Seiten", "trigger": "Feuerpause"}, ".attr"),
  ("Der Papst appellierte an die Kriegsparteien in Nahost, einer Waffenruhe zuzustimmen.", {"agent": "Kriegsparteien", "trigger": "Waffenruhe"}, ".lv-zu"),
  ("Nach zähen Verhandlungen einigten sich Armenien und Aserbaidschan auf eine Feuerpause.", {"agent": "Armenien und Aserbaidschan", "trigger": "Feuerpause"}, ".lv"),
  ("Die Kriegsparteien haben sich auf eine Waffenruhe über Ostern geeinigt.", {"agent": "Kriegsparteien", "trigger": "Waffenruhe"}, ".lv-aux"),
  ("Nach langen Gesprächen vereinbarten Indien und Pakistan einen Waffenstillstand.", {"agent": "Indien und Pakistan", "trigger": "Waffenstillstand"}, ".lv"),
  ("Ein Waffenstillstand zwischen Israel und der Hisbollah gilt seit November.", {"agent": "Israel|Hisbollah", "trigger": "Waffenstillstand"}),
  ("Seit Mitternacht gilt eine Feuerpause.", {"trigger": "Feuerpause"}),
  ("Die Einstellung der Kampfhandlungen zwischen Armenien und Aserbaidschan hält.", {"trigger": "Einstellung", "agent": "Armenien|Aserbaidschan"}),
  ("Über die Feiertage herrscht eine brüchige Gefechtsruhe.", {"trigger": "Gefechtsruhe"}),
  ("Die Regierung warf den Rebellen vor, die Feuerpause verletzt zu haben.", {"agent": "Rebellen", "trigger": "Feuerpause"}, ".lv-zu"),
  ("Beide Armeen beschuldigen sich, die Waffenruhe gebrochen zu haben.", {"trigger": "Waffenruhe"}),
  ("Armenien und Aserbaidschan haben sich auf eine Feuerpause verständigt.", {"agent": "Armenien und Aserbaidschan", "trigger": "Feuerpause"}, ".lv-aux"),
  ("Die Regierung und die Rebellen führen seit Tagen Gespräche über eine Waffenruhe.", {"agent": "Regierung und die Rebellen", "trigger": "Waffenruhe"}, ".lv"),
 ], [
  "Die Mannschaft legte eine kurze Trinkpause ein.",
  "Die Opposition will erst nach einem dauerhaften Waffenstillstand über Wahlen reden.",
  "Nach einer Waffenruhe sollen Hilfskonvois in die Stadt fahren.",
  "Die Einstellung der Ermittlungen wurde kritisiert.",
 ]),
"deployment.noun": ([
  ("Der Einsatz der Bundeswehr am Horn von Afrika endet im Sommer.", {"trigger": "Einsatz", "agent": "Bundeswehr"}),
  ("Der Einsatz der NATO-Truppen im Kosovo wird verlängert.", {"trigger": "Einsatz", "theme": "NATO-Truppen"}),
  ("Die Regierung kündigte an, die Entsendung weiterer Pioniere vorzubereiten.", {"agent": "Regierung", "trigger": "Entsendung"}, ".lv-zu"),
  ("Eine Entsendung von Bodentruppen plant die Regierung derzeit nicht.", {"trigger": "Entsendung"}, ".front"),
  ("Die Stationierung der Brigade, die das Kabinett im Frühjahr beschlossen hat, beginnt im Herbst.", {"agent": "Kabinett", "trigger": "Stationierung"}, ".relcl"),
  ("Die Regierung hat nach Debatten im Parlament, im Senat und in Medien die Stationierung beschlossen.", {"agent": "Regierung", "trigger": "Stationierung"}, ".lv-long"),
  ("Die Truppenaufstockung an der Grenze beunruhigt die Nachbarn.", {"trigger": "Truppenaufstockung"}),
  ("Die Regierung will noch im Mai die Entsendung von Pionieren beschließen.", {"agent": "Regierung", "trigger": "Entsendung"}, ".lv-aux"),
  ("Die Stationierung amerikanischer Raketen in Deutschland ist umstritten.", {"trigger": "Stationierung", "theme": "amerikanischer Raketen"}),
  ("Der Bundestag stimmte der Entsendung von 300 Soldaten zu.", {"trigger": "Entsendung", "theme": "300 Soldaten"}),
  ("Die Regierung plant einen Einsatz von Kampftruppen im Norden.", {"agent": "Regierung", "trigger": "Einsatz", "theme": "Kampftruppen"}, ".lv"),
  ("Der Bundeswehreinsatz in Mali endete im Dezember.", {"trigger": "Bundeswehreinsatz"}),
  ("Estland begrüßt die Stationierung einer britischen Brigade.", {"trigger": "Stationierung", "theme": "britischen Brigade"}),
  ("Russland droht mit der Stationierung von Atomwaffen in Belarus.", {"agent": "Russland", "trigger": "Stationierung"}, ".lv"),
  ("Mit der Entsendung von Minenjägern reagiert Dänemark auf die Vorfälle.", {"agent": "Dänemark", "trigger": "Entsendung"}),
 ], [
  "Der Einsatz der Feuerwehr dauerte die ganze Nacht.",
  "Die Verlegung des Termins wurde bekannt gegeben.",
 ]),
"monitoring.noun": ([
  ("Die EU hat angeboten, die Überwachung der Grenze zu übernehmen.", {"agent": "EU", "trigger": "Überwachung"}, ".lv-zu"),
  ("Die Überwachung der Grenze übernimmt künftig die Bundespolizei.", {"agent": "Bundespolizei", "trigger": "Überwachung"}, ".front"),
  ("Die Luftraumüberwachung, die die Luftwaffe seit März verstärkt hat, soll fortgesetzt werden.", {"agent": "Luftwaffe", "trigger": "Luftraumüberwachung"}, ".relcl"),
  ("Die Marine hat nach Vorfällen in Nordsee, Skagerrak und Ostsee die Überwachung verstärkt.", {"agent": "Marine", "trigger": "Überwachung"}, ".lv-long"),
  ("Die Patrouillen, die von der Küstenwache durchgeführt werden, sollen ausgeweitet werden.", {"agent": "Küstenwache", "trigger": "Patrouillen"}, ".relcl"),
  ("Seit Montag verstärkt die Bundespolizei die Überwachung der Grenze zu Polen.", {"agent": "Bundespolizei", "trigger": "Überwachung"}, ".lv"),
  ("Die Überwachung des Luftraums durch die NATO wird verstärkt.", {"agent": "NATO", "trigger": "Überwachung"}),
  ("Die OSZE hat eine Beobachtermission in die Region geschickt.", {"trigger": "Beobachtermission"}),
  ("Die Beobachtermission der EU endet im Februar.", {"trigger": "Beobachtermission", "agent": "EU"}),
  ("Die Kontrollen an der Grenze zu Polen werden verlängert.", {"trigger": "Kontrollen"}),
  ("Die EU hat die Überwachung der Grenze übernommen.", {"agent": "EU", "trigger": "Überwachung", "theme": "Grenze"}, ".lv-aux"),
  ("Österreich hat die Kontrollen an der Grenze zu Ungarn verlängert.", {"agent": "Österreich", "trigger": "Kontrollen"}, ".lv-aux"),
 ], [
  "Die Beobachtung von Vögeln ist ein beliebtes Hobby.",
  "Die Rebellen haben die Kontrolle über die Stadt übernommen.",
 ]),
"training.noun": ([
  ("Die Marine plant, im Sommer ein Manöver in der Ostsee abzuhalten.", {"agent": "Marine", "trigger": "Manöver"}, ".lv-zu"),
  ("Etwa 4.000 Marinesoldaten üben derzeit beim Manöver Baltops in der Ostsee die Minenabwehr.", {"agent": "Etwa 4.000 Marinesoldaten", "trigger": "Manöver"}, ".practise"),
  ("Bei der Übung Cold Response trainieren norwegische Gebirgsjäger den Kampf im Schnee.", {"agent": "norwegische Gebirgsjäger", "trigger": "Übung"}, ".practise"),
  ("Japan und Australien wollen ihre gemeinsamen Luftwaffenübungen im Frühjahr wieder aufnehmen.", {"agent": "Japan und Australien", "trigger": "Luftwaffenübungen"}, ".lv-aux"),
  ("Das Großmanöver hat die Marine bereits im Mai abgehalten.", {"agent": "Marine", "trigger": "Großmanöver"}, ".front"),
  ("Das Seemanöver, das die Marine im Sommer vor der Küste abhält, beginnt am Montag.", {"agent": "Marine", "trigger": "Seemanöver"}, ".relcl"),
  ("Die Luftwaffe hat nach der Landung in Alaska, Kanada und Grönland ein Großmanöver begonnen.", {"agent": "Luftwaffe", "trigger": "Großmanöver"}, ".lv-long"),
  ("An der Akademie in Koblenz absolvieren derzeit 30 Offiziere aus Kenia einen Lehrgang für Logistik.", {"participant": "30 Offiziere", "trigger": "Lehrgang"}, ".teilnahme2"),
  ("Rund 400 Rekruten durchlaufen im Sommer ihre Grundausbildung in Munster.", {"participant": "Rund 400 Rekruten", "trigger": "Grundausbildung"}, ".teilnahme2"),
  ("Im Herbst übernimmt nun die Bundeswehr die Ausbildung kurdischer Kämpfer.", {"agent": "Bundeswehr", "trigger": "Ausbildung"}, ".lv"),
  ("Gemeinsame Übungen beider Armeen sind für Mai geplant.", {"agent": "beider Armeen", "trigger": "Übungen"}),
  ("Die Marine will im Sommer ein Manöver in der Ostsee abhalten.", {"agent": "Marine", "trigger": "Manöver"}, ".lv-aux"),
  ("An dem Manöver im Baltikum beteiligen sich 4.000 Soldaten.", {"trigger": "Manöver", "participant": "4.000 Soldaten"}, ".teilnahme"),
  ("An der Übung sind nach Angaben der Marine auch zwei U-Boote und 20 Hubschrauber beteiligt.", {"trigger": "Übung"}, ".teilnahme"),
  ("Die Ausbildung ukrainischer Soldaten durch die Bundeswehr läuft weiter.", {"agent": "Bundeswehr", "trigger": "Ausbildung", "participant": "ukrainischer Soldaten"}),
  ("Die NATO hält im Herbst eine Militärübung in Norwegen ab.", {"agent": "NATO", "trigger": "Militärübung"}, ".lv"),
  ("Eine gemeinsame Übung mit Japan ist für Mai geplant.", {"trigger": "Übung", "participant": "Japan"}),
  ("Etwa 800 Reservisten nehmen an der Übung teil.", {"trigger": "Übung", "participant": "Etwa 800 Reservisten"}, ".teilnahme2"),
  ("Die Schulung von afghanischen Polizisten wurde eingestellt.", {"trigger": "Schulung", "participant": "afghanischen Polizisten"}),
  ("Während einer Übung der Marine vor Rügen sank ein Beiboot.", {"trigger": "Übung", "agent": "Marine"}),
  ("Das Seemanöver Indiens und Japans endet am Freitag.", {"trigger": "Seemanöver", "agent": "Indiens und Japans"}),
 ], [
  "Die Kinder üben beim Training im Verein den Torschuss.",
  "Beim Probetraining trainieren die Nachwuchsspieler Standardsituationen.",
  "Im Konservatorium beginnen die Übungen am Klavier um acht Uhr.",
  "Das war ein geschicktes Ablenkungsmanöver der Opposition.",
  "Er hat eine Ausbildung zum Koch gemacht.",
  "Die Auszubildenden absolvieren einen Lehrgang für Buchhaltung.",
 ]),
}

# "man" as subject (no agent) and "um ... zu" before the main clause (rules *.man-um)
for _fam, _ex in [
  ("attack.verb", ("Man habe keine zivilen Ziele angegriffen, sagte ein Armeesprecher.", {"trigger": "angegriffen", "target": "zivilen Ziele"})),
  ("attack.weapon-hits", ("Um die Brücke zu zerstören, setzte die Armee Raketen ein.", {"trigger": "zerstören", "agent": "Armee", "target": "Brücke"})),
  ("deployment.verb", ("Um Soldaten nach Litauen zu entsenden, braucht die Regierung die Zustimmung des Bundestags.", {"trigger": "entsenden", "agent": "Regierung", "theme": "Soldaten"})),
  ("deployment.verb-troops", ("Man werde weitere Soldaten an die Grenze verlegen, hieß es.", {"trigger": "verlegen", "theme": "weitere Soldaten"})),
  ("monitoring.verb", ("Um die Waffenruhe zu überwachen, schickt die OSZE ein Team.", {"trigger": "überwachen", "agent": "OSZE", "theme": "Waffenruhe"})),
  ("ceasefire.verb", ("Man habe die Kampfhandlungen eingestellt, erklärte die Miliz.", {"trigger": "eingestellt", "theme": "Kampfhandlungen"})),
  ("monitoring.intel", ("Um die Gruppe zu observieren, setzte der Verfassungsschutz verdeckte Ermittler ein.", {"trigger": "observieren", "agent": "Verfassungsschutz"})),
  ("monitoring.patrol", ("Man werde in der Ostsee patrouillieren, teilte die Marine mit.", {"trigger": "patrouillieren"})),
  ("monitoring.check", ("Um die Grenze zu kontrollieren, setzt die Bundespolizei Drohnen ein.", {"trigger": "kontrollieren", "agent": "Bundespolizei", "theme": "Grenze"})),
  ("monitoring.observe", ("Um die Wahl zu beobachten, reist eine Delegation der OSZE an.", {"trigger": "beobachten", "theme": "Wahl"})),
  ("training.verb", ("Um Soldaten zu schulen, hat die Bundeswehr ein Zentrum eröffnet.", {"trigger": "schulen", "agent": "Bundeswehr", "participant": "Soldaten"})),
  ("training.practise", ("Um den Ernstfall zu proben, haben Marineeinheiten eine Übung abgehalten.", {"trigger": "proben", "agent": "Marineeinheiten"})),
]:
    EX[_fam][0].append(_ex + (".man-um",))

# relative clauses (rules *.rel) of the families that had none
for _fam, _ex in [
  ("ceasefire.verb", ("Die Kämpfe, die am Montag eingestellt wurden, flammten wieder auf.", {"trigger": "eingestellt", "theme": "Kämpfe"})),
  ("monitoring.intel", ("Die Gruppe, die vom Verfassungsschutz beobachtet wird, hat 300 Mitglieder.", {"trigger": "beobachtet", "agent": "Verfassungsschutz", "theme": "Gruppe"})),
  ("monitoring.patrol", ("Wer die Grenze patrouillieren soll, ist offen.", {"trigger": "patrouillieren", "theme": "Grenze"})),
  ("monitoring.check", ("Die Grenze, die von der Bundespolizei kontrolliert wird, ist lang.", {"trigger": "kontrolliert", "agent": "Bundespolizei", "theme": "Grenze"})),
  ("monitoring.observe", ("Die Wahl, die von der OSZE beobachtet wurde, verlief ruhig.", {"trigger": "beobachtet", "agent": "OSZE", "theme": "Wahl"})),
  ("training.practise", ("Die Landung, die von Marinesoldaten geprobt wurde, gelang.", {"trigger": "geprobt", "agent": "Marinesoldaten", "theme": "Landung"})),
]:
    EX[_fam][0].append(_ex + (".rel",))
EX["attack.weapon-hits"][0].append(("Die Armee versuchte am Morgen, die Brücke zu zerstören.", {"trigger": "zerstören", "agent": "Armee", "target": "Brücke"}, ".rel-zu"))
EX["deployment.verb"][0].append(("Frankreich hat angeboten, weitere Soldaten nach Estland zu entsenden.", {"trigger": "entsenden", "agent": "Frankreich", "theme": "weitere Soldaten"}, ".rel-zu"))
EX["deployment.verb-troops"][0].append(("Die Regierung erwägt, zwei Fregatten ins Rote Meer zu verlegen.", {"trigger": "verlegen", "agent": "Regierung", "theme": "zwei Fregatten"}, ".rel-zu"))

# agents in durch/seitens phrases after the noun's attributes (rules *.durch)
for _fam, _ex in [
  ("attack.noun", ("Ein Angriff auf das Kraftwerk seitens Russlands gilt als wahrscheinlich.", {"trigger": "Angriff", "agent": "Russlands"})),
  ("deployment.noun", ("Die Stationierung von Raketen in Polen durch die USA sorgt für Streit.", {"trigger": "Stationierung", "agent": "USA"})),
  ("monitoring.noun", ("Die Überwachung der Grenze im Osten durch die Bundespolizei wird ausgeweitet.", {"trigger": "Überwachung", "agent": "Bundespolizei"})),
  ("training.noun", ("Die Ausbildung kenianischer Soldaten an Drohnen durch britische und dänische Ausbilder beginnt im Mai.", {"trigger": "Ausbildung", "agent": "britische und dänische Ausbilder"})),
]:
    EX[_fam][0].append(_ex + (".durch",))
EX["attack.noun"][0].extend([
  ("Die Armee hat Stellungen der Miliz unter Beschuss genommen.", {"trigger": "Beschuss", "agent": "Armee", "target": "Stellungen der Miliz"}, ".lv2"),
  ("Der Geheimdienst räumte ein, hinter dem Anschlag auf die Brücke zu stehen.", {"trigger": "Anschlag", "agent": "Geheimdienst"}, ".lv2"),
  ("Seit Tagen bereitet die Armee eine Offensive im Norden vor, berichten Reporter.", {"trigger": "Offensive", "agent": "Armee"}, ".lv2"),
])
EX["attack.noun"][1].extend([
  "Der Handballklub hat den Angriff des Tabellenführers abgewehrt.",
  "Die Mannschaft hat in der zweiten Halbzeit den Angriff verstärkt.",
])
EX["training.noun"][0].append(("Die EU will eine Ausbildungsmission für somalische Polizisten einrichten.", {"trigger": "Ausbildungsmission", "agent": "EU", "participant": "somalische Polizisten"}, ".lv-aux"))
EX["training.noun"][1].append("Das Land finanziert die Ausbildung von Pflegekräften.")

EX["deployment.move"] = ([
  ("Nach Angaben aus Kiew rückten russische Panzerverbände in die Kleinstadt ein.", {"trigger": "rückten", "theme": "russische Panzerverbände"}),
  ("Entlang der Grenze marschierten nach Satellitenbildern rund 40.000 Soldaten auf.", {"trigger": "marschierten", "theme": "rund 40.000 Soldaten"}),
  ("Die Fallschirmjäger sind am Morgen in die Hafenstadt eingerückt.", {"trigger": "eingerückt", "theme": "Fallschirmjäger"}, ".perfect"),
  ("Beobachter befürchten, dass weitere Bataillone an die Front anrücken.", {"trigger": "anrücken", "theme": "weitere Bataillone"}, ".perfect"),
 ], [
  "Die Feuerwehr rückte am Abend zu einem Brand in der Altstadt aus.",
  "Die Demonstranten marschierten vor dem Rathaus auf.",
 ])
EX["deployment.extra"] = ([
  ("Tokio plant seit Jahren, das Raketenabwehrsystem Aegis Ashore im Norden aufzustellen.", {"trigger": "aufzustellen", "agent": "Tokio", "theme": "Raketenabwehrsystem Aegis Ashore"}, "-aufstellen"),
  ("Polen will entlang der Grenze weitere Patriot-Batterien aufstellen.", {"trigger": "aufstellen", "agent": "Polen", "theme": "weitere Patriot-Batterien"}, "-aufstellen"),
  ("An der Grenze sollen weitere Flugabwehrbatterien in Stellung gebracht werden.", {"trigger": "in Stellung gebracht", "theme": "weitere Flugabwehrbatterien"}, "-in-stellung"),
  ("Nach Angaben aus Kiew bringt Russland weitere Raketen in Stellung.", {"trigger": "in Stellung", "agent": "Russland"}, "-in-stellung"),
  ("Der Minister besuchte die in Litauen stationierten deutschen Soldaten.", {"trigger": "stationierten", "theme": "deutschen Soldaten", "location": "Litauen"}, "-attr"),
  ("Die nach Polen verlegte Brigade soll bis Mai bleiben.", {"trigger": "verlegte", "theme": "Brigade", "location": "Polen"}, "-attr"),
  ("Die Fallschirmjäger sind seit März in Niger im Einsatz.", {"trigger": "Einsatz", "theme": "Fallschirmjäger"}, "-im-einsatz"),
  ("Seit Jahren sind deutsche Soldaten in Litauen im Einsatz.", {"trigger": "Einsatz", "theme": "deutsche Soldaten"}, "-im-einsatz"),
  ("Derzeit sind in Estland etwa 900 britische Soldaten ständig im Einsatz.", {"trigger": "Einsatz", "theme": "etwa 900 britische Soldaten", "location": "Estland"}, "-im-einsatz"),
 ], [
  "Die Bundeswehr will bis 2027 eine neue Division aufstellen.",
  "Der Verein will für die neue Saison eine schlagkräftige Mannschaft aufstellen.",
  "Der Verein bringt seine Spieler vor dem Derby in Stellung.",
  "Die Feuerwehr war die ganze Nacht im Einsatz.",
  "Die Firma hat ihren in München stationierten Server verlegt.",
  "Der Torwart ist am Samstag wieder im Einsatz.",
 ])
EX["deployment.verb-troops"][0].append(("Die Allianz will ihre Luftverteidigung ausbauen und weitere Soldaten nach Rumänien verlegen.", {"trigger": "verlegen", "agent": "Allianz", "theme": "weitere Soldaten"}, ".sub"))
EX["deployment.verb"][0].append(("Künftig wollen die beiden Staaten ihre Zusammenarbeit vertiefen und gemeinsam Truppen im Norden stationieren.", {"trigger": "stationieren", "agent": "Staaten", "theme": "Truppen"}, ".sub"))
EX["deployment.verb-troops"][0].append(("Nach dem Ende des Mandats setzt die Regionalorganisation SADC keine Soldaten mehr ein.", {"trigger": "setzt", "agent": "Regionalorganisation SADC"}, ".v2"))
EX["deployment.extra"][0].extend([
  ("Nach Angaben der Regierung sollen rund 500 Soldaten im Norden Malis im Einsatz sein.", {"trigger": "Einsatz", "theme": "rund 500 Soldaten"}, "-im-einsatz"),
  ("Bis zu 300 Soldaten könnten bald in Estland im Einsatz sein.", {"trigger": "Einsatz", "theme": "Bis zu 300 Soldaten", "location": "Estland"}, "-im-einsatz"),
  ("In der Nacht wurden zwei Kompanien an die Grenze in Marsch gesetzt.", {"trigger": "in Marsch gesetzt", "theme": "zwei Kompanien"}, "-marsch"),
  ("Weitere Panzergrenadiere sollen nach Estland in Marsch gesetzt werden.", {"trigger": "in Marsch gesetzt", "theme": "Weitere Panzergrenadiere", "location": "Estland"}, "-marsch"),
])
EX["deployment.extra"][1].extend([
  "Die Spieler sollen am Sonntag wieder im Einsatz sein.",
  "Der Umzug wurde am Morgen in Marsch gesetzt.",
])
EX["ceasefire.extra"] = ([
  ("Die UN fordern eine humanitäre Pause in der Stadt Gaza.", {"trigger": "humanitäre Pause"}, "-humanitarian-pause"),
 ], [
  "Die Schüler machen eine kurze Pause.",
 ])

# verb second, subject after the verb (rules *.v2)
for _fam, _ex in [
  ("attack.weapon-hits", ("In der Nacht traf eine Rakete ein Wohnhaus.", {"trigger": "traf", "agent": "Rakete", "target": "Wohnhaus"})),
  ("deployment.verb", ("Im Frühjahr stationiert Kanada weitere Soldaten in Lettland.", {"trigger": "stationiert", "agent": "Kanada", "theme": "weitere Soldaten"})),
  ("deployment.verb-troops", ("Am Montag verlegte die Marine zwei Fregatten ins Mittelmeer.", {"trigger": "verlegte", "agent": "Marine", "theme": "zwei Fregatten"})),
  ("monitoring.verb", ("Seit Jahren überwacht die NATO den Luftraum über dem Baltikum.", {"trigger": "überwacht", "agent": "NATO"})),
  ("ceasefire.verb", ("Am Abend stellten beide Seiten die Kampfhandlungen ein.", {"trigger": "stellten", "theme": "Kampfhandlungen"})),
  ("monitoring.intel", ("Seit 2019 beobachtet der Verfassungsschutz die Gruppe.", {"trigger": "beobachtet", "agent": "Verfassungsschutz"})),
  ("monitoring.patrol", ("In der Ostsee patrouillieren deutsche Fregatten.", {"trigger": "patrouillieren", "agent": "deutsche Fregatten"})),
  ("monitoring.check", ("Seit Montag kontrolliert die Bundespolizei die Grenze zu Polen.", {"trigger": "kontrolliert", "agent": "Bundespolizei"})),
  ("monitoring.observe", ("Am Sonntag beobachten Fachleute der OSZE die Wahl.", {"trigger": "beobachten", "theme": "Wahl"})),
  ("training.verb", ("In Polen schult die Bundeswehr ukrainische Soldaten.", {"trigger": "schult", "agent": "Bundeswehr", "participant": "ukrainische Soldaten"})),
  ("training.practise", ("Im Herbst üben NATO-Soldaten die Verteidigung der Ostflanke.", {"trigger": "üben", "agent": "NATO-Soldaten"})),
]:
    EX[_fam][0].append(_ex + (".v2",))

# examples of the ".long" rules: long middle fields, verb at the end of the clause
for _fam, _ex in [
  ("attack.verb", ("Die Miliz hat das Dorf laut Augenzeugen in den frühen Morgenstunden mit Mörsergranaten angegriffen.", {"agent": "Miliz", "trigger": "angegriffen", "target": "Dorf"})),
  ("deployment.verb", ("Kanada will nach dem Beschluss des Parlaments in den kommenden Monaten weitere Soldaten in Lettland stationieren.", {"agent": "Kanada", "trigger": "stationieren", "theme": "weitere Soldaten"})),
  ("deployment.verb-troops", ("Die Marine hat nach Angaben eines Sprechers am Montag zwei Fregatten ins Rote Meer verlegt.", {"agent": "Marine", "trigger": "verlegt", "theme": "zwei Fregatten"})),
  ("monitoring.verb", ("Die Beobachter sollen nach dem Willen der OSZE an der gesamten Grenze auch den Abzug überwachen.", {"agent": "Beobachter", "trigger": "überwachen", "theme": "Abzug"})),
  ("ceasefire.verb", ("Die Rebellen haben nach Vermittlung der Afrikanischen Union im Osten des Landes die Kampfhandlungen eingestellt.", {"agent": "Rebellen", "trigger": "eingestellt", "theme": "Kampfhandlungen"})),
  ("monitoring.intel", ("Der Geheimdienst soll den Oppositionspolitiker über Monate hinweg mit Spähsoftware abgehört haben.", {"agent": "Geheimdienst", "trigger": "abgehört"})),
  ("monitoring.patrol", ("Deutsche Fregatten haben im vergangenen Jahr mit Unterstützung der Küstenwache im Mittelmeer patrouilliert.", {"agent": "Deutsche Fregatten", "trigger": "patrouilliert"})),
  ("monitoring.check", ("Die Marineeinheit, die vor der Küste des Landes seit Monaten das Embargo kontrolliert, wird verstärkt.", {"agent": "Marineeinheit", "trigger": "kontrolliert", "theme": "Embargo"})),
  ("monitoring.observe", ("Seit Juni sollen Experten der Vereinten Nationen in der Region wieder die Einhaltung des Abkommens überprüfen.", {"trigger": "überprüfen", "theme": "Einhaltung des Abkommens"})),
  ("training.verb", ("Die Regierung will ihre Küstenwache künftig von der Marine im Umgang mit Seeminen ausbilden lassen.", {"agent": "Marine", "trigger": "ausbilden"})),
  ("training.practise", ("Die Fallschirmjäger haben auf dem Truppenübungsplatz gemeinsam mit polnischen Kameraden die Luftlandung geübt.", {"agent": "Fallschirmjäger", "trigger": "geübt"})),
]:
    EX[_fam][0].append((_ex[0], _ex[1], ".long"))

# examples of the ".long-pass" rules: passives with long middle fields
for _fam, _ex in [
  ("attack.verb", ("Der Hilfskonvoi ist nach Angaben der Vereinten Nationen am Morgen auf der Straße nach Gaza von Milizen angegriffen worden.", {"agent": "Milizen", "trigger": "angegriffen", "target": "Hilfskonvoi"})),
  ("attack.weapon-hits", ("In der Nacht wurde das Umspannwerk im Süden der Stadt nach Angaben des Betreibers von einer Rakete getroffen.", {"agent": "Rakete", "trigger": "getroffen", "target": "Umspannwerk"})),
  ("deployment.verb", ("Die Soldaten sollen nach dem Beschluss des Kabinetts ab dem Frühjahr dauerhaft in Litauen stationiert werden.", {"trigger": "stationiert", "theme": "Soldaten"})),
  ("deployment.verb-troops", ("Nach dem neuen Mandat können bis zu 300 Soldaten im Rahmen der Mission in das Mittelmeer verlegt werden.", {"trigger": "verlegt", "theme": "Soldaten"})),
  ("monitoring.verb", ("Die Pufferzone soll nach dem Abkommen künftig rund um die Uhr von Blauhelmen überwacht werden.", {"agent": "Blauhelmen", "trigger": "überwacht", "theme": "Pufferzone"})),
  ("ceasefire.verb", ("Die Kampfhandlungen wurden nach Angaben beider Seiten am Sonntag um Mitternacht im ganzen Land eingestellt.", {"trigger": "eingestellt", "theme": "Kampfhandlungen"})),
  ("monitoring.intel", ("Die Gruppe wird nach Recherchen des Senders seit dem Frühjahr vom Verfassungsschutz beobachtet.", {"agent": "Verfassungsschutz", "trigger": "beobachtet", "theme": "Gruppe"})),
  ("monitoring.check", ("Die Grenze zu Polen wird nach einem Beschluss des Innenministeriums seit Montag von der Bundespolizei kontrolliert.", {"agent": "Bundespolizei", "trigger": "kontrolliert", "theme": "Grenze zu Polen"})),
  ("monitoring.observe", ("Die Wahl soll nach dem Willen der Regierung in allen Provinzen von der OSZE beobachtet werden.", {"agent": "OSZE", "trigger": "beobachtet", "theme": "Wahl"})),
  ("training.verb", ("Die Rekruten werden nach Angaben des Ministeriums seit Januar in Polen von britischen Offizieren ausgebildet.", {"agent": "britischen Offizieren", "trigger": "ausgebildet", "participant": "Rekruten"})),
  ("training.practise", ("Die Landung wurde nach Angaben der Marine am Wochenende an der Küste von Marinesoldaten geprobt.", {"agent": "Marinesoldaten", "trigger": "geprobt", "theme": "Landung"})),
]:
    EX[_fam][0].append((_ex[0], _ex[1], ".long-pass"))

EX["deployment.extra"][0].extend([
  ("Der Minister besuchte am Freitag das deutsche Kontingent in Litauen.", {"trigger": "Kontingent", "location": "Litauen"}, "-kontingent"),
  ("Das Kontingent der Bundeswehr in Mali wird bis Mai verkleinert.", {"trigger": "Kontingent", "agent": "Bundeswehr", "location": "Mali"}, "-kontingent"),
  ("Das Unifil-Kontingent im Libanon bleibt vorerst.", {"trigger": "Unifil-Kontingent", "location": "Libanon"}, "-kontingent"),
])
EX["deployment.extra"][1].extend([
  "Das Importkontingent in Österreich ist ausgeschöpft.",
  "Das Kontingent an Eintrittskarten in Wien ist erschöpft.",
])
EX["attack.noun"][0].extend([
  ("An der Grenze kam es in der Nacht zu einem Schusswechsel zwischen Soldaten beider Länder.", {"trigger": "Schusswechsel"})
])
EX["attack.extra"] = ([
  ("Hinter dem Drohnenangriff auf die Raffinerie soll der Militärgeheimdienst stecken.", {"trigger": "Drohnenangriff", "agent": "Militärgeheimdienst"}, "-behind"),
  ("Laut Ermittlern steckt die Miliz hinter dem Anschlag auf die Brücke.", {"trigger": "Anschlag", "agent": "Miliz"}, "-behind"),
  ("Zu dem Bombenanschlag in Mogadischu bekannte sich die Terrormiliz al-Schabab.", {"trigger": "Bombenanschlag", "agent": "Terrormiliz al-Schabab"}, "-claim"),
 ], [
  "Hinter dem Angriff auf den Weltrekord steckt jahrelange harte Arbeit.",
  "Zu seinem Angriff auf den Rekord bekannte sich der Läufer offen.",
 ])
EX["training.noun"][0].extend([
  ("Rund 800 Soldaten wirken an der Übung im Burgenland mit.", {"participant": "Rund 800 Soldaten", "trigger": "Übung"}, ".teilnahme2"),
  ("Die Armee beteiligt sich an der Nato-Cyberübung in Estland.", {"trigger": "Nato-Cyberübung"}),
])
EX["deployment.noun"][0].append(("Beobachter melden eine massive Stationierung Russlands an der Grenze.", {"trigger": "Stationierung", "agent": "Russlands"}))
EX["monitoring.noun"][0].append(("Zwei Eurofighter sollen die Luftraumüberwachung der Nato im Baltikum verstärken.", {"trigger": "Luftraumüberwachung", "agent": "Nato"}))

EX["deployment.extra"][0].extend([
  ("Die Allianz will ihre Präsenz im Baltikum deutlich ausbauen.", {"trigger": "ausbauen", "agent": "Allianz", "theme": "Präsenz"}, "-praesenz"),
  ("Seit dem Frühjahr verstärkt die Marine ihre Präsenz in der Ostsee.", {"trigger": "verstärkt", "agent": "Marine", "theme": "Präsenz"}, "-praesenz"),
  ("Washington hat seine Militärpräsenz in der Golfregion erhöht.", {"trigger": "erhöht", "agent": "Washington", "theme": "Militärpräsenz"}, "-praesenz"),
  ("Beobachter erwarten, dass Moskau seine Truppenpräsenz an der Grenze aufstockt.", {"trigger": "aufstockt", "agent": "Moskau", "theme": "Truppenpräsenz"}, "-praesenz"),
  ("Britische Soldaten sind nach Angaben des Ministeriums in der umkämpften Region Donezk im Einsatz.", {"trigger": "Einsatz", "theme": "Britische Soldaten", "location": "Donezk"}, "-im-einsatz"),
  ("Die Luftwaffe stellt für die Mission im Baltikum erneut das größte Kontingent.", {"trigger": "Kontingent", "agent": "Luftwaffe"}, "-kontingent"),
  ("Beide Staaten einigten sich darauf, zusätzliche Raketenbatterien an der Grenze in Stellung zu bringen.", {"trigger": "in Stellung zu bringen", "agent": "Staaten", "theme": "zusätzliche Raketenbatterien"}, "-in-stellung"),
])
EX["deployment.extra"][1].extend([
  "Der Konzern will seine Präsenz in Asien deutlich ausbauen.",
  "Die Partei hat ihre Präsenz in den sozialen Medien verstärkt.",
  "Die Firma stellt für die Messe in Hannover das größte Kontingent an Ausstellern.",
  "Die Feuerwehrleute sind nach Angaben der Stadt in der Altstadt im Einsatz.",
  "Der Trainer plant, seine Stürmer früh in Stellung zu bringen.",
])
EX["deployment.verb"][0].append(("Die Regierung räumte ein, dass zwei Fregatten bis Ende Mai nicht mehr dauerhaft im Roten Meer stationiert werden.", {"trigger": "stationiert", "theme": "zwei Fregatten"}, ".long-pass"))
EX["ceasefire.noun"][0].append(("Die Regierung in Khartum und die Miliz hatten im Mai eine Feuerpause vereinbart.", {"trigger": "Feuerpause", "agent": "Regierung in Khartum und die Miliz"}, ".lv-aux"))
EX["ceasefire.noun"][0].append(("Beide Parteien sind übereingekommen, die seit März geltende Waffenruhe im Süden zu verlängern.", {"trigger": "Waffenruhe", "agent": "Parteien"}, ".lv-zu"))
EX["attack.extra"][0].extend([
  ("Bei dem Überfall auf die Kaserne erbeuteten Aufständische zahlreiche Waffen.", {"trigger": "Überfall", "agent": "Aufständische"}, "-bei"),
  ("Bei einem Hackerangriff auf die Stadtwerke sollen Hacker im Frühjahr Passwörter gestohlen haben.", {"trigger": "Hackerangriff", "agent": "Hacker"}, "-bei"),
  ("Nach Erkenntnissen der Ermittler steckt eine staatlich gelenkte Hackergruppe aus Nordkorea hinter dem Anschlag.", {"trigger": "Anschlag", "agent": "staatlich gelenkte Hackergruppe aus Nordkorea"}, "-behind"),
])
EX["attack.extra"][1].extend([
  "Bei dem Angriff auf das Dorf starben nach Angaben der Behörden zwölf Menschen.",
  "Beim Angriff der Gastgeber verletzte sich der Stürmer am Knie.",
])
EX["attack.extra"][0].extend([
  ("Der Luftangriff galt nach Armeeangaben einem Waffenlager der Miliz.", {"trigger": "Luftangriff", "target": "Waffenlager der Miliz"}, "-galt"),
  ("Die Regierung erklärte, der Anschlag habe ausschließlich dem Stützpunkt gegolten.", {"trigger": "Anschlag", "target": "Stützpunkt"}, "-galt"),
])
EX["attack.extra"][1].extend([
  "Der Angriff des Oppositionsführers galt dem Kanzler.",
])
EX["attack.weapon-hits"][0].append(("Die Raketen schlugen am Morgen ein, getroffen wurden vor allem Umspannwerke im Osten.", {"trigger": "getroffen", "target": "Umspannwerke"}, ".passive-zu"))
EX["deployment.verb-troops"][0].append(("Verlegt werden sollen zunächst zwei Kompanien.", {"trigger": "Verlegt", "theme": "zwei Kompanien"}, ".passive-zu"))
EX["monitoring.check"][0].append(("Am Montag hat die Küstenwache drei Schnellboote in die Bucht geschickt, um die Fischereizone zu kontrollieren.", {"trigger": "kontrollieren", "agent": "Küstenwache"}, ".zu-long"))
EX["monitoring.extra"] = ([
  ("Am Morgen wurden nach Angaben der Marine drei russische Kriegsschiffe vor der Küste gesichtet.", {"trigger": "gesichtet", "theme": "drei russische Kriegsschiffe"}, "-sight"),
  ("Mehrere Drohnen wurden in der Nacht über dem Stützpunkt gesichtet.", {"trigger": "gesichtet", "theme": "Drohnen"}, "-sight"),
  ("Die Küstenwache sichtete am Sonntag ein chinesisches Spionageschiff.", {"trigger": "sichtete", "agent": "Küstenwache", "theme": "chinesisches Spionageschiff"}, "-sight"),
 ], [
  "Die Archivare haben die Akten gesichtet.",
  "Im Park wurden seltene Vögel gesichtet.",
 ])
EX["monitoring.verb"][0].append(("Laut Anklage hatten die beiden Beschuldigten Mietwagen über Monate genutzt, um den Stützpunkt auszuspähen.", {"trigger": "auszuspähen", "agent": "Beschuldigten"}, ".zu-long"))
EX["deployment.verb-troops"][0].append(("Im Frühjahr hat die Regierung neue Kasernen gebaut, um dort zusätzliche Soldaten einzusetzen.", {"trigger": "einzusetzen", "agent": "Regierung", "theme": "zusätzliche Soldaten"}, ".zu-long"))
EX["attack.verb"][0].append(("In der Nacht hatten die Rebellen schwere Waffen in die Berge gebracht, um die Stadt anzugreifen.", {"trigger": "anzugreifen", "agent": "Rebellen", "target": "Stadt"}, ".zu-long"))
EX["deployment.verb"][0].append(("Rund 300 Soldaten aus Italien und der Slowakei sind im Frühjahr in das Baltikum entsandt worden.", {"trigger": "entsandt", "theme": "Rund 300 Soldaten aus Italien und der Slowakei"}, ".long-pass"))
EX["deployment.verb-troops"][0].append(("Nach dem Vormarsch russischer Truppen verlegt die Armee zwei Brigaden an die Front.", {"trigger": "verlegt", "agent": "Armee", "theme": "zwei Brigaden"}, ".v2"))
EX["deployment.extra"][0].append(("Die Staaten vereinbarten, ein Lager zu bauen und zusätzliche Raketenbatterien an der Grenze in Stellung zu bringen.", {"trigger": "in Stellung zu bringen", "agent": "Staaten", "theme": "zusätzliche Raketenbatterien"}, "-in-stellung"))
EX["training.noun"][0].append(("Tokio und Manila wollen ihre gemeinsamen Marinemanöver vor der Küste trotz scharfer Proteste aus Peking im Frühjahr fortsetzen.", {"trigger": "Marinemanöver", "agent": "Tokio und Manila"}, ".lv-long"))

# zu-infinitives after another zu-infinitive, or after a control verb in the perfect
EX["deployment.verb-troops"][0].extend([
  ("Die Vereinten Nationen haben beide Regierungen aufgefordert, zusätzliche Soldaten an die Grenze zu verlegen.", {"trigger": "verlegen", "agent": "Regierungen", "theme": "zusätzliche Soldaten"}, ".zu-obj"),
])
EX["deployment.verb"][0].extend([
  ("Die Regierung erwägt, neue Schiffe zu kaufen, um weitere Marinesoldaten in das Mittelmeer zu entsenden.", {"trigger": "entsenden", "agent": "Regierung", "theme": "weitere Marinesoldaten"}, ".zu-obj"),
])
EX["training.verb"][0].extend([
  ("Kanada plant, Militärausbilder nach Lettland zu schicken, um dort lettische Rekruten auszubilden.", {"trigger": "auszubilden", "agent": "Kanada", "participant": "lettische Rekruten"}, ".zu-obj"),
])
EX["monitoring.check"][0].extend([
  ("Die Regierung hat die Bundespolizei angewiesen, die Grenzübergänge zu kontrollieren.", {"trigger": "kontrollieren", "agent": "Bundespolizei"}, ".zu-obj"),
])
EX["monitoring.verb"][0].extend([
  ("Der Sicherheitsrat hat die Mission beauftragt, die Waffenruhe im Süden zu überwachen.", {"trigger": "überwachen", "agent": "Mission"}, ".zu-obj"),
])
EX["attack.verb"][0].extend([
  ("Die Rebellen drohen, Drohnen einzusetzen, um die Hafenstadt anzugreifen.", {"trigger": "anzugreifen", "agent": "Rebellen", "target": "Hafenstadt"}, ".zu-obj"),
])
EX["ceasefire.noun"][0].extend([
  ("Der Papst hat die Kriegsparteien aufgefordert, über Ostern eine Waffenruhe zu vereinbaren.", {"trigger": "Waffenruhe", "agent": "Kriegsparteien"}, ".lv-zu"),
])

EX["deployment.verb"][0].append(("Der Minister besuchte die ersten Soldaten der Brigade, die bis 2027 dauerhaft in Litauen stationiert werden sollen.", {"trigger": "stationiert", "theme": "ersten Soldaten der Brigade"}, ".rel"))

# broader vocabulary (round 9)
EX["deployment.verb"][0].append(("Die Schweiz disloziert weitere 20 Armeeangehörige nach Bosnien.", {"trigger": "disloziert", "agent": "Schweiz", "theme": "weitere 20 Armeeangehörige"}))
EX["deployment.verb-troops"][0].append(("Die Armee hat zwei Bataillone an die Grenze vorverlegt.", {"trigger": "vorverlegt", "agent": "Armee", "theme": "zwei Bataillone"}, ".long"))
EX["deployment.noun"][0].append(("Die Kampfjetverlegung nach Polen ist abgeschlossen.", {"trigger": "Kampfjetverlegung"}))
EX["attack.noun"][0].append(("Das Artilleriefeuer auf die Stadt hielt die ganze Nacht an.", {"trigger": "Artilleriefeuer", "target": "Stadt"}))
EX["ceasefire.noun"][0].append(("Das Waffenruheabkommen zwischen Armenien und Aserbaidschan hält.", {"trigger": "Waffenruheabkommen", "agent": "Armenien|Aserbaidschan"}))
EX["monitoring.noun"][0].append(("Die Inspektionsmission der IAEA reist am Montag nach Teheran.", {"trigger": "Inspektionsmission", "agent": "IAEA"}))
EX["training.noun"][0].append(("Österreich beteiligt sich an einer Übung zum Schutz von Stromnetzen, die von der NATO in Riga organisiert wird.", {"trigger": "Übung", "agent": "NATO"}, ".relcl"))
EX["training.noun"][1].append("Die Schüler nehmen an einer Übung teil, die von der Musikschule organisiert wird.")
EX["attack.noun"][0].append(("Die Polizei nahm zwei Männer fest, die Anschläge auf Umspannwerke geplant haben sollen.", {"trigger": "Anschläge", "agent": "zwei Männer", "target": "Umspannwerke"}, ".relag"))
EX["deployment.noun"][0].append(("Kritik kommt von der Regierung, die eine Entsendung von Soldaten nach Mali erwogen hatte.", {"trigger": "Entsendung", "agent": "Regierung"}, ".relag"))
EX["training.noun"][0].append(("Gemeint ist die Marine, die ein großes Manöver vor der Küste abhalten will.", {"trigger": "Manöver", "agent": "Marine"}, ".relag"))
EX["attack.noun"][1].append("Beim Schach gilt ein früher Angriff auf die gegnerische Dame als gewagt.")
EX["attack.verb"][1].append("Der FC Augsburg hat in der zweiten Halbzeit unermüdlich angegriffen.")
EX["attack.weapon-hits"][1].append("Der Kanzler reist nach Paris, um dort seinen französischen Amtskollegen zu treffen.")
# a passive without a weapon that hits: an earthquake, a fire, a shredder, a decision
EX["attack.weapon-hits"][1].append("In der Region wurden bei dem Erdbeben zahlreiche Gebäude zerstört oder schwer beschädigt.")
EX["attack.weapon-hits"][1].append("Der Beschluss ist nach Angaben der Behörde in Absprache mit Fachleuten getroffen worden.")
EX["attack.weapon-hits"][1].append("Außerdem seien wichtige Unterlagen vernichtet worden.")
EX["attack.weapon-hits"][0].append(("In der Stadt wurde ein Museum durch einen Bombenangriff völlig zerstört.", {"trigger": "zerstört", "agent": "Bombenangriff", "target": "Museum"}, ".passive-zu"))
EX["attack.weapon-hits"][1].append("Zwei Flugzeuge der Gesellschaft waren am Mittwoch von Blitzen getroffen worden.")
EX["monitoring.noun"][1].append("Die EU-Beobachtermission EUMM fährt mit zwei Fahrzeugen in das Dorf.")
EX["training.noun"][1].append("Die EU-Ausbildungsmission EUTM hat ihr Hauptquartier in Bamako.")

# round 10: time phrases are no actors; coordinated adjectives; vorwerfen with a gap; vocabulary
EX["deployment.verb-troops"][0].append(("Drei Tage später verlegte die Marine zwei Korvetten in die Ostsee.", {"trigger": "verlegte", "agent": "Marine", "theme": "zwei Korvetten"}, ".v2"))
EX["attack.verb"][0].append(("Kurz nach Mitternacht hatten die Rebellen nach Angaben der Armee einen Kontrollposten im Norden angegriffen.", {"trigger": "angegriffen", "agent": "Rebellen", "target": "Kontrollposten"}, ".long"))
EX["attack.verb"][0].append(("Daraufhin beschossen feindliche Panzer die Stellungen im Süden.", {"trigger": "beschossen", "agent": "feindliche Panzer"}, ".v2"))
EX["attack.verb"][0].append(("Nachdem die Miliz einen Tanker gekapert hatte, bombardierten französische und italienische Kampfjets ihre Stützpunkte.", {"trigger": "bombardierten", "agent": "französische und italienische Kampfjets"}, ".v2"))
EX["attack.verb"][0].append(("Die Kommission wirft der Miliz in einem Bericht vor, gezielt Angehörige der Minderheit der Jesiden angegriffen zu haben.", {"trigger": "angegriffen", "agent": "Miliz", "target": "Angehörige der Minderheit der Jesiden"}, ".rel-zu"))
EX["deployment.verb-troops"][0].append(("Rund 2000 Militärangehörige werden für den Schutz des Gipfels aufgeboten.", {"trigger": "aufgeboten", "theme": "Rund 2000 Militärangehörige"}, ".passive-zu"))
EX["training.verb"][0].append(("Das Heer will im Herbst rund 3000 Wehrdienstleistende ausbilden.", {"trigger": "ausbilden", "agent": "Heer", "participant": "rund 3000 Wehrdienstleistende"}))
EX["monitoring.intel"][0].append(("Der Militärische Abschirmdienst (MAD) beobachtet seit Monaten eine Gruppe von Reservisten.", {"trigger": "beobachtet", "agent": "Militärische Abschirmdienst (MAD)"}))
EX["deployment.noun"][0].append(("Der Assistenzeinsatz an der Grenze wird um ein Jahr verlängert.", {"trigger": "Assistenzeinsatz"}))
EX["training.noun"][0].append(("Während die Marine im Herbst ihr jährliches Seemanöver abhielt, blieb der Hafen gesperrt.", {"trigger": "Seemanöver", "agent": "Marine"}, ".lv"))
EX["training.noun"][0].append(("Die Luftwaffe hat ihre Flugübung wegen eines Sturms abgebrochen.", {"trigger": "Flugübung", "agent": "Luftwaffe"}, ".lv-aux"))
EX["training.noun"][1].append("Während der Übung blieb die Kaserne für Besucher geschlossen.")
EX["monitoring.noun"][0].append(("Die Marine bestätigte, dass Aufklärer der Luftwaffe seit Dienstag von Laage aus Patrouillenflüge über der Ostsee unternehmen.", {"trigger": "Patrouillenflüge", "agent": "Aufklärer der Luftwaffe"}, ".lv-aux"))
EX["monitoring.observe"][0].append(("Die Regierung hat eine Kommission für den Kosovo eingesetzt, die die Wahlen im Norden beobachten soll.", {"trigger": "beobachten", "agent": "Kommission"}, ".long"))
EX["deployment.verb-troops"][0].append(("Die Allianz verstärkt ihre Truppen im Baltikum.", {"trigger": "verstärkt", "agent": "Allianz", "theme": "Truppen"}))
EX["deployment.verb-troops"][1].append("Die Stadt verstärkt ihre Bemühungen um Touristen aus Asien.")
EX["deployment.verb"][0].append(("Polen will Pioniere der Armee und der Grenzpolizei an die Grenze entsenden.", {"trigger": "entsenden", "agent": "Polen", "theme": "Pioniere der Armee und der Grenzpolizei"}))
EX["training.verb"][0].append(("Derzeit prüfen die nordischen Staaten, Ausbilder nach Moldau zu entsenden, um dort Grenzpolizisten zu schulen.", {"trigger": "schulen", "agent": "nordischen Staaten", "participant": "Grenzpolizisten"}, ".zu-obj"))

# round 11: vocabulary (manoeuvre and exercise compounds, attentat, Terrorakt, spying nouns), names after
# a target, adjectives in an exercise's genitive, counted groups of the wrong kind, animals, sides named first
EX["training.noun"][0].append(("Russland hat am Dienstag ein Atommanöver in der Barentssee begonnen.", {"trigger": "Atommanöver", "agent": "Russland"}, ".lv-aux"))
EX["training.noun"][0].append(("Die Heimatschutzübung der Reservisten dauert bis Freitag.", {"trigger": "Heimatschutzübung"}))
EX["training.noun"][0].append(("Die Übung der finnischen Armee an der Grenze zu Russland beginnt am Montag.", {"trigger": "Übung", "agent": "finnischen Armee"}))
EX["training.extra"] = ([
  ("Beide Regierungen vereinbarten gemeinsame Übungen im Südchinesischen Meer.", {"trigger": "Übungen"}, "-joint"),
  ("Die gemeinsame Übung von Polen und Litauen beginnt am Montag.", {"trigger": "Übung", "agent": "Polen und Litauen"}, "-joint"),
 ], [
  "Der Chor probt für gemeinsame Auftritte mit dem Orchester.",
 ])
EX["training.noun"][1].append("Das Überholmanöver auf der Autobahn endete im Graben.")
EX["attack.verb"][0].append(("Der Tanker Eventin wurde nach Angaben der Reederei vor der Küste beschossen.", {"trigger": "beschossen", "target": "Tanker Eventin"}, ".passive-zu"))
EX["attack.verb"][1].append("Ein streunender Hund griff am Sonntag einen Jogger im Park an.")
EX["attack.noun"][0].append(("Bei einem Bombenattentat in Kabul starben sechs Menschen.", {"trigger": "Bombenattentat"}))
EX["attack.noun"][0].append(("Der Terrorakt auf die Bahnstrecke wird einer Zelle zugeschrieben.", {"trigger": "Terrorakt"}))
EX["attack.noun"][1].append("Der Lauschangriff auf die Wohnung des Verdächtigen war rechtmäßig.")
EX["monitoring.noun"][0].append(("Der Lauschangriff auf die Wohnung des Verdächtigen war rechtmäßig.", {"trigger": "Lauschangriff"}))
EX["monitoring.noun"][0].append(("Die Spionageflüge der Marine über der Ostsee gehen weiter.", {"trigger": "Spionageflüge"}))
EX["monitoring.check"][1].append("Die Polizei in Graz kontrollierte am Samstag mehr als 300 Radfahrer.")
EX["ceasefire.noun"][0].append(("Die Waffenstillstandserklärung der Rebellen gilt ab Montag.", {"trigger": "Waffenstillstandserklärung"}))
EX["ceasefire.extra"][0].append(("Zwischen Regierung und Rebellen im Jemen herrscht seit Freitag eine brüchige Waffenruhe.", {"trigger": "Waffenruhe", "agent": "Regierung|Rebellen"}, "-zwischen"))
EX["ceasefire.extra"][1].append("Zwischen den beiden Klubs herrscht seit Jahren Streit.")
EX["training.noun"][0].append(("Die Luftwaffe hat am Montag ihre jährliche Großübung Baltic Eagle über der Ostsee begonnen.", {"trigger": "Großübung", "agent": "Luftwaffe"}, ".lv-aux"))
EX["attack.extra"][0].append(("Bei einem Bombenanschlag auf einen Markt in Kabul starben acht Menschen; zu der Tat bekannte sich eine Splittergruppe.", {"trigger": "Bombenanschlag", "agent": "Splittergruppe"}, "-claim"))
