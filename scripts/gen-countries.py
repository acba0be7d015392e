#!/usr/bin/env python3
"""Generates rules/lexicon/countries.xml, the gazetteer of countries.

Usage: scripts/gen-countries.py [OUTPUT]

OUTPUT defaults to rules/lexicon/countries.xml next to this script's
folder; "-" writes to standard output. A maintainer tool: its output is
committed, so the build does not need the Debian data it reads:

  /usr/share/iso-codes/json/iso_3166-1.json  (package iso-codes)
      every ISO 3166-1 country: codes, English names;
  /usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo  (package iso-codes)
      the German translations of those names;
  /usr/share/unicode/cldr/common/main/de.xml  (package unicode-cldr-core)
      the CLDR German territory names, the everyday short names.

and the hand-written table HAND below for what neither has: the news
name when it differs, alternative names, nationality adjectives, the
gender of names (for the genitive and dative forms), acronym prefixes.

The label of an entry is, first found: HAND's label; CLDR's alt="short"
name unless it is an acronym; CLDR's name; ISO's German common name;
ISO's German name. Names with commas or parentheses are never used
("Korea, Republik", "Falklandinseln (Malwinen)").

Every name gets its inflected forms (see inflect()): neuter names
without article take the genitive -s (not after -s, -ß, -x, -z);
after -sch none either; masculine names, used with the article (der
Irak), take it too (des Iraks), and the form without -s stays; feminine names (die Ukraine) none;
plural names (die Niederlande) the dative -n (den Niederlanden). Leading
adjectives of multi-word names get their weak forms ("das Vereinigte
Königreich", "des Vereinigten Königreichs", "der Islamischen Republik
Iran").
"""
import gettext
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO_MO = "/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo"
CLDR_DE = "/usr/share/unicode/cldr/common/main/de.xml"
PACKAGES = ["iso-codes", "unicode-cldr-core"]

# Genders: "n" neuter without article (Frankreich, Frankreichs), "m"
# masculine with article (der Irak, des Iraks), "f" feminine (die
# Ukraine), "pl" plural (die Niederlande, den Niederlanden), "x" no
# inflected forms at all (names whose genitive is not in use).
#
# HAND[alpha_2] keys:
#   label   the everyday German name, when not CLDR's
#   g       gender of the label and of the entry's names from ISO and
#           CLDR (default "n"); a name whose first word after its
#           adjectives is a noun of HEADS takes that noun's gender
#   names   further names, "Name" or "Name|g" with a gender of its own;
#           a name also found in ISO or CLDR takes the gender given here
#   drop    names from ISO or CLDR not to use
#   adj     nationality adjective stems
#   prefix  first parts of hyphenated compounds ("US-Präsident")
#   skip    leave the code out (reason in a comment)
#   extra   a code not in ISO 3166-1 (Kosovo), with its CLDR name
HAND = {
    "AD": dict(adj=["andorranisch"]),
    "AE": dict(g="pl", names=["VAE"], adj=["emiratisch"]),
    "AF": dict(adj=["afghanisch"]),
    "AL": dict(adj=["albanisch"]),
    "AM": dict(adj=["armenisch"]),
    "AO": dict(adj=["angolanisch"]),
    # Antarctica is a continent, not a country: places.xml.
    "AQ": dict(skip=True),
    "AR": dict(adj=["argentinisch"]),
    "AT": dict(adj=["österreichisch"]),
    "AU": dict(adj=["australisch"]),
    "AX": dict(g="pl"),
    "AZ": dict(adj=["aserbaidschanisch"]),
    "BA": dict(names=["Bosnien-Herzegowina", "Bosnien"],
               adj=["bosnisch", "bosnisch-herzegowinisch"]),
    "BB": dict(adj=["barbadisch"]),
    # ISO's official name is spelt the English way (Bangladesh).
    "BD": dict(drop=["Volksrepublik Bangladesh"], adj=["bangladeschisch"]),
    "BE": dict(adj=["belgisch"]),
    "BF": dict(adj=["burkinisch"]),
    "BG": dict(adj=["bulgarisch"]),
    "BH": dict(adj=["bahrainisch"]),
    "BI": dict(adj=["burundisch"]),
    "BJ": dict(adj=["beninisch"]),
    "BL": dict(g="x"),
    "BN": dict(label="Brunei", names=["Brunei Darussalam|x"]),
    "BO": dict(adj=["bolivianisch"]),
    "BQ": dict(g="pl"),
    "BR": dict(adj=["brasilianisch"]),
    "BS": dict(g="pl", drop=["Commonwealth der Bahamas"],
               adj=["bahamaisch"]),
    "BT": dict(adj=["bhutanisch"]),
    "BV": dict(g="f"),
    "BW": dict(adj=["botsuanisch"]),
    "BY": dict(names=["Weißrussland"], adj=["belarussisch", "weißrussisch"]),
    "BZ": dict(adj=["belizisch"]),
    "CA": dict(adj=["kanadisch"]),
    "CC": dict(g="pl"),
    # "Kongo" alone (and the river) may be either Congo: left out.
    "CD": dict(label="Demokratische Republik Kongo",
               names=["DR Kongo|x", "Kongo-Kinshasa|x"],
               adj=["kongolesisch"]),
    "CF": dict(adj=["zentralafrikanisch"]),
    "CG": dict(label="Republik Kongo", drop=["Kongo"],
               names=["Kongo-Brazzaville|x"]),
    "CH": dict(g="f", names=["Eidgenossenschaft"],
               adj=["schweizerisch", "schweizer"]),  # "die Schweizer Armee"
    "CI": dict(label="Elfenbeinküste", g="f", adj=["ivorisch"]),
    "CK": dict(g="pl"),
    "CL": dict(adj=["chilenisch"]),
    "CM": dict(adj=["kamerunisch"]),
    "CN": dict(adj=["chinesisch"]),
    "CO": dict(adj=["kolumbianisch"]),
    "CR": dict(adj=["costa-ricanisch"]),
    "CU": dict(adj=["kubanisch"]),
    "CV": dict(label="Kap Verde", adj=["kap-verdisch"]),
    "CW": dict(g="x"),
    # ISO's plural is wrong: one island.
    "CX": dict(g="f", drop=["Weihnachtsinseln"]),
    "CY": dict(adj=["zyprisch", "zypriotisch"]),
    "CZ": dict(adj=["tschechisch"]),
    "DE": dict(names=["Bundesrepublik"], adj=["deutsch"]),
    "DJ": dict(adj=["dschibutisch"]),
    "DK": dict(adj=["dänisch"]),
    "DM": dict(drop=["Commonwealth Dominica"]),
    "DO": dict(adj=["dominikanisch"]),
    "DZ": dict(adj=["algerisch"]),
    "EC": dict(adj=["ecuadorianisch"]),
    "EE": dict(adj=["estnisch"]),
    "EG": dict(adj=["ägyptisch"]),
    "EH": dict(g="f"),
    "ER": dict(adj=["eritreisch"]),
    "ES": dict(adj=["spanisch"]),
    "ET": dict(adj=["äthiopisch"]),
    "FI": dict(adj=["finnisch"]),
    "FJ": dict(adj=["fidschianisch"]),
    "FK": dict(g="pl"),
    "FO": dict(g="pl", adj=["färöisch"]),
    "FR": dict(adj=["französisch"]),
    "GA": dict(adj=["gabunisch"]),
    "GB": dict(label="Großbritannien",
               names=["Vereinigtes Königreich Großbritannien und Nordirland|x"],
               adj=["britisch"], prefix=["UK"]),
    "GD": dict(adj=["grenadisch"]),
    "GG": dict(g="x"),
    "GE": dict(adj=["georgisch"]),
    "GH": dict(adj=["ghanaisch"]),
    "GL": dict(adj=["grönländisch"]),
    "GM": dict(adj=["gambisch"]),
    "GN": dict(adj=["guineisch"]),
    "GP": dict(g="x"),
    "GQ": dict(adj=["äquatorialguineisch"]),
    "GR": dict(adj=["griechisch"]),
    # ISO's name is half English (South Georgia).
    "GS": dict(drop=["South Georgia und die Südlichen Sandwichinseln"]),
    "GT": dict(adj=["guatemaltekisch"]),
    "GW": dict(adj=["guinea-bissauisch"]),
    "GY": dict(adj=["guyanisch"]),
    "HM": dict(g="pl"),
    "HN": dict(adj=["honduranisch"]),
    "HR": dict(adj=["kroatisch"]),
    "HT": dict(adj=["haitianisch"]),
    "HU": dict(adj=["ungarisch"]),
    "ID": dict(adj=["indonesisch"]),
    "IE": dict(names=["Republik Irland"], adj=["irisch"]),
    "IL": dict(adj=["israelisch"]),
    "IM": dict(g="f"),
    "IN": dict(adj=["indisch"]),
    "IQ": dict(g="m", adj=["irakisch"]),
    "IR": dict(g="m", adj=["iranisch"]),
    "IS": dict(adj=["isländisch"]),
    "IT": dict(adj=["italienisch"]),
    # "Jersey" is also a fabric and part of "New Jersey": left out.
    "JE": dict(skip=True),
    "JM": dict(adj=["jamaikanisch"]),
    "JO": dict(adj=["jordanisch"]),
    "JP": dict(adj=["japanisch"]),
    "KE": dict(adj=["kenianisch"]),
    "KG": dict(adj=["kirgisisch"]),
    "KH": dict(adj=["kambodschanisch"]),
    # ISO's "Vereinigung der Komoren" is not the usual German name.
    "KM": dict(g="pl", drop=["Vereinigung der Komoren"], adj=["komorisch"]),
    "KP": dict(adj=["nordkoreanisch"]),
    "KR": dict(names=["Republik Korea"], adj=["südkoreanisch"]),
    "KW": dict(adj=["kuwaitisch"]),
    "KY": dict(g="pl"),
    "KZ": dict(adj=["kasachisch"]),
    "LA": dict(adj=["laotisch"]),
    "LB": dict(g="m", adj=["libanesisch"]),
    "LI": dict(adj=["liechtensteinisch"]),
    # ISO's official name has "sozialistische" in lower case.
    "LK": dict(drop=["Demokratische sozialistische Republik Sri Lanka"],
               adj=["sri-lankisch"]),
    "LR": dict(adj=["liberianisch"]),
    "LS": dict(adj=["lesothisch"]),
    "LT": dict(adj=["litauisch"]),
    "LU": dict(adj=["luxemburgisch"]),
    "LV": dict(adj=["lettisch"]),
    "LY": dict(adj=["libysch"]),
    "MA": dict(adj=["marokkanisch"]),
    "MC": dict(adj=["monegassisch"]),
    "MD": dict(label="Moldau", names=["Moldawien"],
               adj=["moldauisch", "moldawisch"]),
    "ME": dict(adj=["montenegrinisch"]),
    # "St. Martin" is also the saint's day and many German places.
    "MF": dict(label="Saint-Martin", g="x", drop=["St. Martin"]),
    "MG": dict(adj=["madagassisch"]),
    "MH": dict(g="pl"),
    # "Mazedonien": its name until 2019.
    "MK": dict(names=["Mazedonien"], adj=["nordmazedonisch", "mazedonisch"]),
    "ML": dict(adj=["malisch"]),
    "MM": dict(names=["Birma", "Burma"], adj=["myanmarisch"]),
    "MN": dict(g="f", adj=["mongolisch"]),
    "MP": dict(g="pl", drop=["Commonwealth Nördliche Mariana-Inseln"]),
    "MQ": dict(g="x"),
    "MR": dict(adj=["mauretanisch"]),
    "MT": dict(adj=["maltesisch"]),
    "MU": dict(adj=["mauritisch"]),
    "MV": dict(g="pl", adj=["maledivisch"]),
    "MW": dict(adj=["malawisch"]),
    "MX": dict(adj=["mexikanisch"]),
    "MY": dict(adj=["malaysisch"]),
    "MZ": dict(adj=["mosambikanisch"]),
    "NA": dict(adj=["namibisch"]),
    "NC": dict(adj=["neukaledonisch"]),
    "NE": dict(g="m", adj=["nigrisch"]),
    "NF": dict(g="f"),
    "NG": dict(adj=["nigerianisch"]),
    "NI": dict(adj=["nicaraguanisch"]),
    "NL": dict(g="pl", names=["Holland|n"],
               adj=["niederländisch", "holländisch"]),
    "NO": dict(adj=["norwegisch"]),
    "NP": dict(adj=["nepalesisch"]),
    "NU": dict(g="x"),
    "NZ": dict(adj=["neuseeländisch"]),
    "OM": dict(adj=["omanisch"]),
    "PA": dict(adj=["panamaisch"]),
    "PE": dict(adj=["peruanisch"]),
    "PG": dict(adj=["papua-neuguineisch"]),
    "PH": dict(g="pl", adj=["philippinisch"]),
    "PK": dict(adj=["pakistanisch"]),
    "PL": dict(adj=["polnisch"]),
    "PM": dict(g="x"),
    "PN": dict(g="pl", names=["Pitcairn|x"]),
    "PR": dict(adj=["puerto-ricanisch"]),
    "PS": dict(names=["Palästinensergebiete|pl"], adj=["palästinensisch"]),
    "PT": dict(adj=["portugiesisch"]),
    "PY": dict(adj=["paraguayisch"]),
    "QA": dict(adj=["katarisch"]),
    "RE": dict(g="x"),
    "RO": dict(adj=["rumänisch"]),
    "RS": dict(adj=["serbisch"]),
    "RU": dict(adj=["russisch"]),
    "RW": dict(adj=["ruandisch"]),
    "SA": dict(adj=["saudi-arabisch", "saudisch"]),
    "SB": dict(g="pl"),
    "SC": dict(g="pl", adj=["seychellisch"]),
    "SD": dict(g="m", adj=["sudanesisch"]),
    "SE": dict(adj=["schwedisch"]),
    "SG": dict(adj=["singapurisch"]),
    "SI": dict(adj=["slowenisch"]),
    "SK": dict(g="f", adj=["slowakisch"]),
    "SL": dict(adj=["sierra-leonisch"]),
    "SM": dict(adj=["san-marinesisch"]),
    "SN": dict(g="m", adj=["senegalesisch"]),
    "SO": dict(adj=["somalisch"]),
    "SR": dict(adj=["surinamisch"]),
    "SS": dict(g="m", adj=["südsudanesisch"]),
    "SV": dict(adj=["salvadorianisch"]),
    "SX": dict(g="x"),
    "SY": dict(names=["Arabische Republik Syrien"], adj=["syrisch"]),
    "TC": dict(g="pl"),
    "TD": dict(g="m", adj=["tschadisch"]),
    "TF": dict(g="pl"),
    "TG": dict(adj=["togoisch"]),
    "TH": dict(adj=["thailändisch"]),
    "TJ": dict(adj=["tadschikisch"]),
    "TK": dict(g="x"),
    "TL": dict(label="Osttimor", adj=["osttimoresisch"]),
    "TM": dict(adj=["turkmenisch"]),
    "TN": dict(adj=["tunesisch"]),
    "TO": dict(adj=["tongaisch"]),
    "TR": dict(g="f", names=["Türkiye|x"], adj=["türkisch"]),
    "TT": dict(adj=["trinidadisch"]),
    "TW": dict(adj=["taiwanisch", "taiwanesisch"]),
    "TZ": dict(adj=["tansanisch"]),
    "UA": dict(g="f", adj=["ukrainisch"]),
    "UG": dict(adj=["ugandisch"]),
    # ISO's German name is the English one.
    "UM": dict(g="pl", drop=["United States Minor Outlying Islands"]),
    "US": dict(g="pl", adj=["US-amerikanisch", "amerikanisch"],
               prefix=["US", "USA"]),
    "UY": dict(adj=["uruguayisch"]),
    "UZ": dict(adj=["usbekisch"]),
    "VA": dict(label="Vatikan", g="m",
               names=["Vatikanstadt|f", "Heiliger Stuhl|m"],
               adj=["vatikanisch"]),
    "VE": dict(adj=["venezolanisch"]),
    "VG": dict(g="pl"),
    "VI": dict(g="pl"),
    "VN": dict(adj=["vietnamesisch"]),
    "WF": dict(g="x"),
    "WS": dict(adj=["samoanisch"]),
    # Former states, named in news of their wars and successors (ISO 3166-3
    # codes; no CLDR names).
    "SU": dict(extra=True, label="Sowjetunion", g="f", names=["UdSSR"],
               adj=["sowjetisch"]),
    "DD": dict(extra=True, label="DDR", names=["Deutsche Demokratische Republik|x",
                        "Deutschen Demokratischen Republik|x"]),
    "YU": dict(extra=True, label="Jugoslawien", adj=["jugoslawisch"]),
    "HK": dict(names=["Hong Kong"]),
    "XK": dict(extra=True, g="m", names=["Republik Kosovo"],
               adj=["kosovarisch"]),
    "YE": dict(g="m", adj=["jemenitisch"]),
    "YT": dict(g="x"),
    "ZA": dict(adj=["südafrikanisch"]),
    "ZM": dict(adj=["sambisch"]),
    "ZW": dict(adj=["simbabwisch"]),
}

# Nouns that head a name ("Republik Polen", "Islamische Republik Iran"):
# their gender, and their genitive singular forms where they take one.
HEADS = {
    "Republik": ("f", []), "Volksrepublik": ("f", []),
    "Bundesrepublik": ("f", []), "Föderation": ("f", []),
    "Eidgenossenschaft": ("f", []), "Sonderverwaltungsregion": ("f", []),
    "Insel": ("f", []),
    "Königreich": ("n", ["Königreichs", "Königreiches"]),
    "Fürstentum": ("n", ["Fürstentums"]),
    "Großherzogtum": ("n", ["Großherzogtums"]),
    "Sultanat": ("n", ["Sultanats", "Sultanates"]),
    "Territorium": ("n", ["Territoriums"]),
    "Staat": ("m", ["Staates", "Staats"]),
    "Staaten": ("pl", []),
}

# Last words that make a name plural whatever the entry's gender
# ("Palästinensische Autonomiegebiete", "Färöer-Inseln").
PLURAL_HEADS = ("inseln", "Inseln", "gebiete", "Staaten", "Emirate")

# A declined adjective: stem with a typical suffix, then -e, -es or -er.
ADJ = re.compile(r"^([A-ZÄÖÜ][a-zäöüß]+(?:isch|lich|ig|igt|iert|tiv|al))"
                 r"(e|es|er)$")


def weak(word):
    """The weak forms (-e, -en) of a declined adjective, or None."""
    m = ADJ.match(word)
    return (m.group(1) + "e", m.group(1) + "en") if m else None


def dative_plural(word):
    if word.endswith(("e", "er", "el")):
        return word + "n"
    return word


def genitive(word):
    # After a sibilant no -s; after -sch an -s is not written either
    # (Bangladesch: "von Bangladesch").
    if word.endswith(("s", "ß", "x", "z", "sch")):
        return None
    return word + "s"


def inflect(name, g):
    """The name and its inflected forms, name first."""
    forms = [name]
    if g == "x":
        return forms
    words = name.split(" ")
    nadj = 0
    while nadj < len(words) - 1 and weak(words[nadj]):
        nadj += 1
    rest = words[nadj:]
    # The head noun: a noun of HEADS right after the adjectives, else the
    # last word (Vereinigtes Königreich, Sri Lanka, Niederlande).
    if rest[0] in HEADS:
        head = nadj
        g, head_gen = HEADS[rest[0]]
    else:
        head = len(words) - 1
        head_gen = None
        if words[head].endswith(PLURAL_HEADS):
            g = "pl"

    def with_head(adj_form, head_form):
        """The name with its adjectives in the weak form adj_form (0: -e,
        1: -en) and its head noun replaced by head_form (if not None)."""
        w = [weak(x)[adj_form] for x in words[:nadj]] + words[nadj:]
        if head_form is not None:
            w[head] = head_form
        return " ".join(w)

    if g == "pl":
        if nadj:
            forms.append(with_head(1, None))          # die Vereinigten Staaten
        forms.append(with_head(1, dative_plural(words[head])))  # den V. S.n
    elif g == "f":
        if nadj:
            forms.append(with_head(1, None))          # der Islamischen Republik
    else:
        # n or m. Names joined with "und" have no genitive in use.
        if "und" in words[:head + 1] and head_gen is None:
            gens = []
        elif head_gen is not None:
            gens = head_gen
        else:
            gens = [x for x in [genitive(words[head])] if x]
        if nadj:
            forms.append(with_head(0, None))          # das Vereinigte K.
            forms.append(with_head(1, None))          # dem Vereinigten K.
            forms += [with_head(1, x) for x in gens]  # des Vereinigten K.s
        else:
            forms += [with_head(1, x) for x in gens]  # Frankreichs
    out = []
    for f in forms:
        if f not in out:
            out.append(f)
    return out


def usable(name):
    return name and "," not in name and "(" not in name


def is_acronym(name):
    return name.isupper() and len(name) <= 4


def package_versions():
    out = subprocess.run(["dpkg-query", "-W"] + PACKAGES, check=True,
                         capture_output=True, text=True).stdout
    return dict(line.split("\t") for line in out.splitlines())


def cldr_territories():
    root = ET.parse(CLDR_DE).getroot()
    terr = {}
    for e in root.iter("territory"):
        terr.setdefault(e.get("type"), {})[e.get("alt") or ""] = e.text
    return terr


def fold(s):
    table = str.maketrans("ÄÖÜäöüßÅåÉéçã", "AOUaousAaEeca")
    return s.translate(table).lower()


def build():
    with open(ISO_JSON, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    with open(ISO_MO, "rb") as f:
        de = gettext.GNUTranslations(f)
    cldr = cldr_territories()
    codes = {c["alpha_2"]: c for c in iso}
    for a2, h in HAND.items():
        if h.get("extra"):
            codes[a2] = {"alpha_2": a2}
        elif a2 not in codes:
            sys.exit("gen-countries: %s is in HAND but not in ISO 3166-1" % a2)

    entries = []
    for a2, c in codes.items():
        h = HAND.get(a2, {})
        if h.get("skip"):
            continue
        t = cldr.get(a2, {})
        iso_de = [de.gettext(c[k]) for k in ("common_name", "name",
                                              "official_name") if k in c]
        drop = set(h.get("drop", []))
        short = t.get("short")
        candidates = [h.get("label"),
                      short if short and not is_acronym(short) else None,
                      t.get(""), *iso_de]
        label = next(x for x in candidates if usable(x) and x not in drop)
        g = h.get("g", "n")
        # name -> gender, in order: label, CLDR, ISO, HAND's names.
        names = {label: g}
        for x in [t.get(""), short, t.get("variant"), *iso_de]:
            if usable(x) and x not in drop and x not in names:
                names[x] = g
        for spec in h.get("names", []):
            n, _, ng = spec.partition("|")
            names[n] = ng or g
        forms = []
        for n, ng in names.items():
            for f in ([n] if is_acronym(n) else inflect(n, ng)):
                if f not in forms:
                    forms.append(f)
        entries.append(dict(a2=a2, a3=c.get("alpha_3", ""), label=label,
                            forms=forms, adj=h.get("adj", []),
                            prefix=h.get("prefix", [])))

    seen = {}
    for e in entries:
        for f in e["forms"]:
            k = f.casefold()
            if k in seen and seen[k] != e["a2"]:
                sys.exit("gen-countries: %r is a name of %s and %s"
                         % (f, seen[k], e["a2"]))
            seen[k] = e["a2"]
    entries.sort(key=lambda e: fold(e["label"]))
    return entries


def write(entries, out):
    v = package_versions()
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w("<!-- Generated by scripts/gen-countries.py: do not edit; change the\n"
      "     script and regenerate. Made from the Debian packages\n"
      "     iso-codes %s (ISO 3166-1 codes and names, their German\n"
      "     translations) and unicode-cldr-core %s (CLDR German territory\n"
      "     names), and the script's own table of news names, nationality\n"
      "     adjectives and prefixes. To regenerate, with both packages\n"
      "     installed: python3 scripts/gen-countries.py -->\n"
      % (v["iso-codes"], v["unicode-cldr-core"]))
    w('<gazetteer xmlns="https://w3id.org/factgraph/lexicon/1"\n'
      '           type="Country" modifier="Nationality">\n')
    for e in entries:
        code = (e["a2"] + " " + e["a3"]).strip()
        w("  <!-- %s -->\n" % code)
        w("  <entry label=%s class=\"Country\">\n" % quoteattr(e["label"]))
        for f in e["forms"]:
            exact = ' case="exact"' if is_acronym(f) else ""
            w("    <name%s>%s</name>\n" % (exact, escape(f)))
        for a in e["adj"]:
            w("    <adj>%s</adj>\n" % escape(a))
        for p in e["prefix"]:
            w("    <prefix>%s</prefix>\n" % escape(p))
        w("  </entry>\n")
    w("</gazetteer>\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = (sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(
        os.path.join(here, "..", "rules", "lexicon", "countries.xml")))
    entries = build()
    if path == "-":
        write(entries, sys.stdout)
        return
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        write(entries, f)
    print("gen-countries: %d countries in %s" % (len(entries), path),
          file=sys.stderr)


if __name__ == "__main__":
    main()
