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
  ("Russische Truppen griffen am Sonntag mehrere Dörfer im Osten an.", {"agent": "Russische Truppen", "trigger": "griffen", "target": "Dörfer"}),
  ("Die Luftwaffe hat in der Nacht ein Munitionsdepot bombardiert.", {"agent": "Luftwaffe", "trigger": "bombardiert", "target": "Munitionsdepot"}),
  ("Am Dienstag beschoss die Armee erneut die Hafenstadt Odessa.", {"agent": "Armee", "trigger": "beschoss"}),
  ("Ein Hilfskonvoi wurde am Freitag im Norden beschossen.", {"trigger": "beschossen", "target": "Hilfskonvoi"}, ".passive-zu"),
  ("Das Lager wurde von Milizen angegriffen.", {"agent": "Milizen", "trigger": "angegriffen", "target": "Lager"}, ".passive-zu"),
  ("Die Regierung bestätigte, dass Kampfflugzeuge ein Krankenhaus bombardiert hatten.", {"agent": "Kampfflugzeuge", "trigger": "bombardiert"}),
  ("Die Miliz kündigte an, weitere Stützpunkte anzugreifen.", {"agent": "Miliz", "trigger": "anzugreifen", "target": "weitere Stützpunkte"}, ".passive-zu"),
  ("Die Armee will die Stellungen im Süden angreifen.", {"agent": "Armee", "trigger": "angreifen", "target": "Stellungen"}),
  ("Seit Wochen greifen russische Verbände die Stadt Kupjansk an.", {"agent": "russische Verbände", "trigger": "greifen", "target": "Stadt Kupjansk"}),
  ("Die Piraten haben gestern einen Tanker im Arabischen Meer attackiert.", {"agent": "Piraten", "trigger": "attackiert", "target": "Tanker"}),
  ("Nach Angaben der Armee griffen Aufständische mehr als 20 Mal einen Kontrollposten an.", {"agent": "Aufständische", "trigger": "griffen", "target": "Kontrollposten"}),
  ("Die Lage blieb angespannt, während die Marine die Küste bombardierte.", {"agent": "Marine", "trigger": "bombardierte", "target": "Küste"}),
  ("Sollte Serbien das Nachbarland angreifen, drohen harte Sanktionen.", {"agent": "Serbien", "trigger": "angreifen"}),
  ("Seit Tagen beschießen sich die Armeen an der Grenze.", {"agent": "Armeen", "trigger": "beschießen"}),
 ], [
  "Die Opposition griff den Kanzler im Parlament scharf an.",
  "Der Konzern verlegt seinen Sitz nach Hamburg.",
 ]),
"attack.weapon-hits": ([
  ("Eine Rakete traf am Morgen ein Wohnhaus in Kiew.", {"agent": "Rakete", "trigger": "traf", "target": "Wohnhaus"}),
  ("Russische Drohnen zerstörten in der Nacht ein Umspannwerk.", {"agent": "Russische Drohnen", "trigger": "zerstörten"}),
  ("Das Kraftwerk wurde von mehreren Raketen getroffen.", {"agent": "mehreren Raketen", "trigger": "getroffen", "target": "Kraftwerk"}, ".passive-zu"),
 ], [
  "Der Stürmer traf in der zweiten Halbzeit den Pfosten.",
  "Die Verteidigungsminister trafen sich in Brüssel.",
  "Ein Feuer zerstörte die Scheune.",
 ]),
"deployment.verb": ([
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
  ("Die Bundeswehr verlegt weitere Eurofighter nach Rumänien.", {"agent": "Bundeswehr", "trigger": "verlegt", "theme": "weitere Eurofighter"}),
  ("Großbritannien hat eine Fregatte ins Mittelmeer geschickt.", {"agent": "Großbritannien", "trigger": "geschickt", "theme": "Fregatte"}),
  ("Zwei Brigaden wurden an die Ostflanke verlegt.", {"trigger": "verlegt", "theme": "Zwei Brigaden"}, ".passive-zu"),
  ("Die Allianz stärkt ihre Ostflanke und verlegt 2.000 Soldaten nach Litauen.", {"agent": "Allianz", "trigger": "verlegt", "theme": "2.000 Soldaten"}),
  ("Die Regierung setzt Soldaten zum Schutz der Grenze ein.", {"agent": "Regierung", "trigger": "setzt", "theme": "Soldaten"}),
  ("Nach Angaben des Ministeriums sollen zwei Brigaden an die Grenze verlegt worden sein.", {"trigger": "verlegt", "theme": "zwei Brigaden"}, ".passive-zu"),
  ("Im Rahmen der Übung „Steadfast“ verlegt die Marine drei Fregatten in die Nordsee.", {"agent": "Marine", "trigger": "verlegt", "theme": "drei Fregatten"}),
 ], [
  "Der Konzern verlegt seinen Firmensitz von Köln nach Berlin.",
  "Die Post schickt ein Paket nach Berlin.",
 ]),
"monitoring.verb": ([
  ("Die Küstenwache überwacht seit Monaten den Schiffsverkehr in der Ostsee.", {"agent": "Küstenwache", "trigger": "überwacht", "theme": "Schiffsverkehr"}),
  ("Im Rahmen von „Nordic Shield“ bewacht die Marine zwei Gasleitungen.", {"agent": "Marine", "trigger": "bewacht", "theme": "zwei Gasleitungen"}),
  ("Wer den Abzug der Truppen überwachen wird, ist noch offen.", {"trigger": "überwachen", "theme": "Abzug der Truppen"}, ".passive-zu"),
  ("Die Waffenruhe soll von Blauhelmen der UN überwacht werden.", {"agent": "Blauhelmen der UN", "trigger": "überwacht"}, ".passive-zu"),
  ("Künftig überwachen Aufklärungsdrohnen die gesamte Grenze.", {"agent": "Aufklärungsdrohnen", "trigger": "überwachen"}),
  ("Polen entsendet Soldaten, um die Grenze zu überwachen.", {"agent": "Polen", "trigger": "überwachen", "theme": "Grenze"}, ".passive-zu"),
 ], [
  "Die Börsenaufsicht überwacht den Handel mit Aktien.",
  "Die Pflegerin überwacht den Blutzucker des Patienten.",
 ]),
"ceasefire.verb": ([
  ("Beide Seiten stellten am Morgen die Kampfhandlungen ein.", {"agent": "Seiten", "trigger": "stellten", "theme": "Kampfhandlungen"}),
  ("Die Separatisten haben nach eigenen Angaben die Waffen niedergelegt.", {"agent": "Separatisten", "trigger": "niedergelegt", "theme": "Waffen"}),
  ("Die Armee will die Angriffe auf die Stadt einstellen.", {"agent": "Armee", "trigger": "einstellen"}),
  ("Die Feindseligkeiten wurden um Mitternacht eingestellt.", {"trigger": "eingestellt", "theme": "Feindseligkeiten"}, ".passive-zu"),
 ], [
  "Die Firma stellt die Produktion ein.",
  "Der Verein stellt einen neuen Trainer ein.",
 ]),
"monitoring.intel": ([
  ("Der Staatsschutz observiert seit Monaten einen Verein in Köln.", {"agent": "Staatsschutz", "trigger": "observiert", "theme": "Verein"}),
  ("Der Bundesnachrichtendienst soll ausländische Journalisten abgehört haben.", {"agent": "Bundesnachrichtendienst", "trigger": "abgehört"}),
  ("Ein Verdächtiger wurde vom Geheimdienst wochenlang beschattet.", {"agent": "Geheimdienst", "trigger": "beschattet", "theme": "Verdächtiger"}, ".passive-zu"),
 ], [
  "Der Lehrer beobachtet die Schüler auf dem Pausenhof.",
  "Die Polizei beobachtet einen Anstieg der Einbrüche.",
 ]),
"monitoring.patrol": ([
  ("Seit Dezember patrouillieren dänische Kriegsschiffe im Skagerrak.", {"agent": "dänische Kriegsschiffe", "trigger": "patrouillieren"}),
  ("Patrouillenboote der Küstenwache patrouillieren verstärkt vor Kreta.", {"agent": "Patrouillenboote der Küstenwache", "trigger": "patrouillieren"}),
  ("Die Armee schickte Hubschrauber, um entlang der Grenze zu patrouillieren.", {"agent": "Armee", "trigger": "patrouillieren"}, ".passive-zu"),
 ], [
  "Der Wachmann patrouilliert nachts durch das Einkaufszentrum.",
 ]),
"monitoring.observe": ([
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
  ("Rund 3.000 Soldaten üben in Polen die Verlegung schwerer Waffen.", {"agent": "Rund 3.000 Soldaten", "trigger": "üben", "theme": "Verlegung"}),
  ("Seit Montag proben Marinesoldaten im Nordmeer den Ernstfall.", {"agent": "Marinesoldaten", "trigger": "proben"}),
  ("Marinesoldaten reisten nach Norwegen, um den Ernstfall zu proben.", {"agent": "Marinesoldaten", "trigger": "proben", "theme": "Ernstfall"}, ".passive-zu"),
  ("Über der Nordsee trainieren Kampfjets der Luftwaffe die Luftbetankung.", {"agent": "Kampfjets der Luftwaffe", "trigger": "trainieren"}),
  ("Wegen des Sturms konnten die Fregatten nicht auf offener See üben.", {"agent": "Fregatten", "trigger": "üben"}),
 ], [
  "Die Schüler üben für die Mathearbeit.",
  "Der Chor probt jeden Dienstag.",
  "Die Fußballer trainieren am Nachmittag Standardsituationen.",
 ]),
"attack.noun": ([
  ("Bei einem Luftangriff auf ein Dorf im Süden starben drei Menschen.", {"trigger": "Luftangriff", "target": "Dorf"}),
  ("Die Regierung verurteilte den Angriff auf die Botschaft.", {"trigger": "Angriff", "target": "Botschaft"}),
  ("Die Rebellen haben einen Anschlag auf die Polizeiwache verübt.", {"agent": "Rebellen", "trigger": "Anschlag"}, ".lv"),
  ("Der Angriff Russlands auf die Ukraine jährt sich.", {"agent": "Russlands", "trigger": "Angriff"}),
  ("Die Bombardierung der Stadt dauerte die ganze Nacht.", {"trigger": "Bombardierung", "target": "Stadt"}),
  ("Die Attacke soll von einer Splittergruppe ausgeführt worden sein.", {"agent": "Splittergruppe", "trigger": "Attacke"}),
  ("Iran bereitet offenbar eine neue Offensive vor.", {"agent": "Iran", "trigger": "Offensive"}, ".lv"),
  ("Die Miliz reklamierte den Anschlag auf die Kaserne für sich.", {"agent": "Miliz", "trigger": "Anschlag"}, ".lv"),
  ("Nach dem Beschuss der Grenzstadt drohte Pakistan mit Vergeltung.", {"agent": "Pakistan", "trigger": "Vergeltung"}, ".lv"),
  ("Der Sprengstoffanschlag auf die Pipeline wird einer Separatistengruppe zugeschrieben.", {"agent": "Separatistengruppe", "trigger": "Sprengstoffanschlag"}),
  ("Mit dem Angriff auf die Hafenstadt hat Russland die Gespräche belastet.", {"agent": "Russland", "trigger": "Angriff"}),
  ("Ermittler vermuten Sabotageakte gegen das Stromnetz.", {"trigger": "Sabotageakte"}),
 ], [
  "Nach einem Angriff über die rechte Seite fiel das Tor.",
  "Die Datenschützer sprechen von einem Angriff auf die Privatsphäre.",
  "Die Regierung startet eine Bildungsoffensive für Schulen.",
  "Nach einem Hundeangriff auf ein Kind ermittelt die Polizei.",
 ]),
"ceasefire.noun": ([
  ("Die Kriegsparteien haben sich auf eine Waffenruhe über Ostern geeinigt.", {"agent": "Kriegsparteien", "trigger": "Waffenruhe"}, ".lv"),
  ("Nach langen Gesprächen vereinbarten Indien und Pakistan einen Waffenstillstand.", {"agent": "Indien und Pakistan", "trigger": "Waffenstillstand"}, ".lv"),
  ("Ein Waffenstillstand zwischen Israel und der Hisbollah gilt seit November.", {"agent": "Israel|Hisbollah", "trigger": "Waffenstillstand"}),
  ("Seit Mitternacht gilt eine Feuerpause.", {"trigger": "Feuerpause"}),
  ("Die Einstellung der Kampfhandlungen zwischen Armenien und Aserbaidschan hält.", {"trigger": "Einstellung", "agent": "Armenien|Aserbaidschan"}),
  ("Über die Feiertage herrscht eine brüchige Gefechtsruhe.", {"trigger": "Gefechtsruhe"}),
  ("Die Regierung warf den Rebellen vor, die Feuerpause verletzt zu haben.", {"agent": "Rebellen", "trigger": "Feuerpause"}, ".lv"),
  ("Beide Armeen beschuldigen sich, die Waffenruhe gebrochen zu haben.", {"agent": "Armeen", "trigger": "Waffenruhe"}, ".lv"),
  ("Armenien und Aserbaidschan haben sich auf eine Feuerpause verständigt.", {"agent": "Armenien und Aserbaidschan", "trigger": "Feuerpause"}, ".lv"),
  ("Die Regierung und die Rebellen führen seit Tagen Gespräche über eine Waffenruhe.", {"agent": "Regierung und die Rebellen", "trigger": "Waffenruhe"}, ".lv"),
 ], [
  "Die Mannschaft legte eine kurze Trinkpause ein.",
  "Die Einstellung der Ermittlungen wurde kritisiert.",
 ]),
"deployment.noun": ([
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
  ("Die Überwachung des Luftraums durch die NATO wird verstärkt.", {"agent": "NATO", "trigger": "Überwachung"}),
  ("Die OSZE hat eine Beobachtermission in die Region geschickt.", {"trigger": "Beobachtermission"}),
  ("Die Beobachtermission der EU endet im Februar.", {"trigger": "Beobachtermission", "agent": "EU"}),
  ("Die Kontrollen an der Grenze zu Polen werden verlängert.", {"trigger": "Kontrollen"}),
  ("Die EU hat die Überwachung der Grenze übernommen.", {"agent": "EU", "trigger": "Überwachung", "theme": "Grenze"}, ".lv"),
  ("Österreich hat die Kontrollen an der Grenze zu Ungarn verlängert.", {"agent": "Österreich", "trigger": "Kontrollen"}, ".lv"),
 ], [
  "Die Beobachtung von Vögeln ist ein beliebtes Hobby.",
  "Die Rebellen haben die Kontrolle über die Stadt übernommen.",
 ]),
"training.noun": ([
  ("An dem Manöver im Baltikum beteiligen sich 4.000 Soldaten.", {"trigger": "Manöver", "participant": "4.000 Soldaten"}, ".teilnahme"),
  ("Die Ausbildung ukrainischer Soldaten durch die Bundeswehr läuft weiter.", {"agent": "Bundeswehr", "trigger": "Ausbildung", "participant": "ukrainischer Soldaten"}),
  ("Die NATO hält im Herbst eine Militärübung in Norwegen ab.", {"agent": "NATO", "trigger": "Militärübung"}, ".lv"),
  ("Eine gemeinsame Übung mit Japan ist für Mai geplant.", {"trigger": "Übung", "participant": "Japan"}),
  ("Etwa 800 Reservisten nehmen an der Übung teil.", {"trigger": "Übung", "participant": "Etwa 800 Reservisten"}, ".teilnahme"),
  ("Die Schulung von afghanischen Polizisten wurde eingestellt.", {"trigger": "Schulung", "participant": "afghanischen Polizisten"}),
  ("Während einer Übung der Marine vor Rügen sank ein Beiboot.", {"trigger": "Übung", "agent": "Marine"}),
  ("Das Seemanöver Indiens und Japans endet am Freitag.", {"trigger": "Seemanöver", "agent": "Indiens und Japans"}),
 ], [
  "Im Konservatorium beginnen die Übungen am Klavier um acht Uhr.",
  "Das war ein geschicktes Ablenkungsmanöver der Opposition.",
  "Er hat eine Ausbildung zum Koch gemacht.",
 ]),
}
