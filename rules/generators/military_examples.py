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
 ], [
  "Die Firma stellt neue Mitarbeiter ein.",
 ]),
"deployment.verb-troops": ([
  ("Die Bundeswehr verlegt weitere Eurofighter nach Rumänien.", {"agent": "Bundeswehr", "trigger": "verlegt", "theme": "weitere Eurofighter"}),
  ("Großbritannien hat eine Fregatte ins Mittelmeer geschickt.", {"agent": "Großbritannien", "trigger": "geschickt", "theme": "Fregatte"}),
  ("Zwei Brigaden wurden an die Ostflanke verlegt.", {"trigger": "verlegt", "theme": "Zwei Brigaden"}, ".passive-zu"),
  ("Die Allianz stärkt ihre Ostflanke und verlegt 2.000 Soldaten nach Litauen.", {"agent": "Allianz", "trigger": "verlegt", "theme": "2.000 Soldaten"}),
  ("Die Regierung setzt Soldaten zum Schutz der Grenze ein.", {"agent": "Regierung", "trigger": "setzt", "theme": "Soldaten"}),
 ], [
  "Der Konzern verlegt seinen Firmensitz von Köln nach Berlin.",
  "Die Post schickt ein Paket nach Berlin.",
 ]),
"monitoring.verb": ([
  ("Die Küstenwache überwacht seit Monaten den Schiffsverkehr in der Ostsee.", {"agent": "Küstenwache", "trigger": "überwacht", "theme": "Schiffsverkehr"}),
  ("Die Waffenruhe soll von Blauhelmen der UN überwacht werden.", {"agent": "Blauhelmen der UN", "trigger": "überwacht"}, ".passive-zu"),
  ("Künftig überwachen Aufklärungsdrohnen die gesamte Grenze.", {"agent": "Aufklärungsdrohnen", "trigger": "überwachen"}),
  ("Polen entsendet Soldaten, um die Grenze zu überwachen.", {"agent": "Polen", "trigger": "überwachen", "theme": "Grenze"}, ".passive-zu"),
 ], [
  "Die Börsenaufsicht überwacht den Handel mit Aktien.",
 ]),
"monitoring.observe": ([
  ("Die OSZE beobachtet die Wahl in Georgien.", {"agent": "OSZE", "trigger": "beobachtet", "theme": "Wahl"}),
  ("Die Grenze zu Tschechien wird seit Oktober kontrolliert.", {"trigger": "kontrolliert", "theme": "Grenze zu Tschechien"}, ".passive-zu"),
  ("Die Mission soll die Einhaltung der Feuerpause beobachten.", {"agent": "Mission", "trigger": "beobachten"}),
 ], [
  "Vogelkundler beobachten im Herbst den Zug der Gänse.",
  "Die Rebellen kontrollieren seit Wochen die Stadt.",
 ]),
"training.verb": ([
  ("Die Bundeswehr bildet in Deutschland ukrainische Soldaten aus.", {"agent": "Bundeswehr", "trigger": "bildet", "participant": "ukrainische Soldaten"}),
  ("Die Niederlande bilden seit Jahren afghanische Polizisten aus.", {"agent": "Niederlande", "trigger": "bilden", "participant": "afghanische Polizisten"}),
  ("Amerikanische Ausbilder haben rund 2.000 Rekruten am Panzer geschult.", {"agent": "Amerikanische Ausbilder", "trigger": "geschult", "participant": "rund 2.000 Rekruten", "theme": "Panzer"}),
  ("In Polen werden ukrainische Piloten trainiert.", {"trigger": "trainiert", "participant": "ukrainische Piloten"}, ".passive-zu"),
  ("Die Polizei will im Herbst weitere Spezialkräfte ausbilden.", {"agent": "Polizei", "trigger": "ausbilden"}),
 ], [
  "Die Mannschaft trainiert am Mittwoch auf dem Nebenplatz.",
  "Die Klinik bildet jedes Jahr Pflegekräfte aus.",
 ]),
"training.practise": ([
  ("Rund 3.000 Soldaten üben in Polen die Verlegung schwerer Waffen.", {"participant": "Rund 3.000 Soldaten", "trigger": "üben", "theme": "Verlegung"}),
  ("Seit Montag proben Marinesoldaten im Nordmeer den Ernstfall.", {"participant": "Marinesoldaten", "trigger": "proben"}),
  ("Marinesoldaten reisten nach Norwegen, um den Ernstfall zu proben.", {"participant": "Marinesoldaten", "trigger": "proben", "theme": "Ernstfall"}, ".passive-zu"),
 ], [
  "Die Schüler üben für die Mathearbeit.",
  "Der Chor probt jeden Dienstag.",
 ]),
"attack.noun": ([
  ("Bei einem Luftangriff auf ein Dorf im Süden starben drei Menschen.", {"trigger": "Luftangriff", "target": "Dorf"}),
  ("Die Regierung verurteilte den Angriff auf die Botschaft.", {"trigger": "Angriff", "target": "Botschaft"}),
  ("Die Rebellen haben einen Anschlag auf die Polizeiwache verübt.", {"agent": "Rebellen", "trigger": "Anschlag"}, ".lv"),
  ("Der Angriff Russlands auf die Ukraine jährt sich.", {"agent": "Russlands", "trigger": "Angriff"}),
  ("Die Bombardierung der Stadt dauerte die ganze Nacht.", {"trigger": "Bombardierung", "target": "Stadt"}),
  ("Die Attacke soll von einer Splittergruppe ausgeführt worden sein.", {"agent": "Splittergruppe", "trigger": "Attacke"}),
  ("Iran bereitet offenbar eine neue Offensive vor.", {"agent": "Iran", "trigger": "Offensive"}, ".lv"),
 ], [
  "Nach einem Angriff über die rechte Seite fiel das Tor.",
  "Die Datenschützer sprechen von einem Angriff auf die Privatsphäre.",
  "Die Regierung startet eine Bildungsoffensive für Schulen.",
 ]),
"ceasefire.noun": ([
  ("Die Kriegsparteien haben sich auf eine Waffenruhe über Ostern geeinigt.", {"agent": "Kriegsparteien", "trigger": "Waffenruhe"}, ".lv"),
  ("Nach langen Gesprächen vereinbarten Indien und Pakistan einen Waffenstillstand.", {"agent": "Indien und Pakistan", "trigger": "Waffenstillstand"}, ".lv"),
  ("Ein Waffenstillstand zwischen Israel und der Hisbollah gilt seit November.", {"agent": "Israel|Hisbollah", "trigger": "Waffenstillstand"}),
  ("Seit Mitternacht gilt eine Feuerpause.", {"trigger": "Feuerpause"}),
  ("Die Regierung warf den Rebellen vor, die Feuerpause verletzt zu haben.", {"agent": "Rebellen", "trigger": "Feuerpause"}, ".lv"),
  ("Beide Armeen beschuldigen sich, die Waffenruhe gebrochen zu haben.", {"agent": "Armeen", "trigger": "Waffenruhe"}, ".lv"),
 ], [
  "Die Mannschaft legte eine kurze Trinkpause ein.",
 ]),
"deployment.noun": ([
  ("Die Stationierung amerikanischer Raketen in Deutschland ist umstritten.", {"trigger": "Stationierung", "theme": "amerikanischer Raketen"}),
  ("Der Bundestag stimmte der Entsendung von 300 Soldaten zu.", {"trigger": "Entsendung", "theme": "300 Soldaten"}),
  ("Die Regierung plant einen Einsatz von Kampftruppen im Norden.", {"agent": "Regierung", "trigger": "Einsatz", "theme": "Kampftruppen"}, ".lv"),
  ("Der Bundeswehreinsatz in Mali endete im Dezember.", {"trigger": "Bundeswehreinsatz"}),
  ("Estland begrüßt die Stationierung einer britischen Brigade.", {"trigger": "Stationierung", "theme": "britischen Brigade"}),
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
 ], [
  "Im Konservatorium beginnen die Übungen am Klavier um acht Uhr.",
  "Das war ein geschicktes Ablenkungsmanöver der Opposition.",
  "Er hat eine Ausbildung zum Koch gemacht.",
 ]),
}
