#!/usr/bin/env python3
"""What the rules found in a corpus, for doc/quality.md.

    factgraph extract --format=ntriples CORPUS.jsonl > dump.nt
    scripts/corpus-report.py dump.nt [--rules rules/pack] [--sample N] [--seed S]

Prints, tab-separated:
  - "hits" lines: each rule of the pack and how many events it made,
    most first, then the rules that never fired (0);
  - with --sample N, "event" lines: N events drawn at random (with the
    seed, so the draw can be repeated) with their document, class, rule,
    trigger, agent, other roles, factuality and sentence, for judging by
    hand.

Reads the N-Triples that factgraph writes (one statement a line); uses
only the standard library.
"""
import argparse
import collections
import pathlib
import random
import re
import sys

DPO = "https://w3id.org/factgraph/dpo#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PROV = "http://www.w3.org/ns/prov#wasDerivedFrom"
LINE = re.compile(r'^(<[^>]*>|_:\S+) <([^>]*)> (.*) \.$')
ROLES = ["agent", "participant", "theme", "target", "recipient", "location",
         "time", "timeText", "topic", "cause", "ledBy", "attributedTo"]


def unescape(lit):
    """The lexical form of an N-Triples literal."""
    m = re.match(r'^"(.*)"(?:\^\^<[^>]*>|@[A-Za-z-]+)?$', lit)
    s = m.group(1) if m else lit
    s = re.sub(r'\\U([0-9A-Fa-f]{8})', lambda x: chr(int(x.group(1), 16)), s)
    s = re.sub(r'\\u([0-9A-Fa-f]{4})', lambda x: chr(int(x.group(1), 16)), s)
    return (s.replace('\\n', '\n').replace('\\t', '\t').replace('\\r', '\r')
            .replace('\\"', '"').replace('\\\\', '\\'))


def read(path):
    triples = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = LINE.match(line.rstrip("\n"))
            if m:
                triples[m.group(1)].append((m.group(2), m.group(3)))
    return triples


def first(triples, subject, predicate):
    for p, o in triples.get(subject, ()):
        if p == predicate:
            return o
    return None


def words(triples, node):
    """A readable form of a role value."""
    if not node.startswith("<") and not node.startswith("_:"):
        return unescape(node)
    label = first(triples, node, LABEL)
    if label:
        return unescape(label)
    trigger = first(triples, node, DPO + "trigger")
    if trigger:
        return "event:" + unescape(first(triples, trigger, NIF + "anchorOf") or "")
    return node.strip("<>").rsplit("/", 1)[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump")
    ap.add_argument("--rules", default=str(pathlib.Path(__file__).resolve()
                                           .parent.parent / "rules" / "pack"))
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    triples = read(args.dump)
    events = [s for s, pos in triples.items()
              if any(p == DPO + "evidence" for p, _ in pos)]
    hits = collections.Counter(
        unescape(first(triples, e, DPO + "rule") or '""') for e in events)
    ids = []
    for f in sorted(pathlib.Path(args.rules).rglob("*.xml")):
        ids += re.findall(r'<rule\s+id="([^"]+)"[^>]*class="dpo:([A-Za-z]+)"',
                          f.read_text(encoding="utf-8"))
    event_rules = [i for i, cls in ids if cls not in
                   ("Person", "Organization", "Country", "Place", "Group",
                    "Office", "Alliance")]
    for rule, n in hits.most_common():
        print("hits\t%s\t%d" % (rule, n))
    for rule in event_rules:
        if rule not in hits:
            print("hits\t%s\t0" % rule)

    if args.sample:
        rng = random.Random(args.seed)
        for e in sorted(rng.sample(sorted(events), min(args.sample, len(events)))):
            cls = [o for p, o in triples[e] if p == TYPE]
            cls = cls[0].rsplit("#", 1)[-1].rstrip(">") if cls else "?"
            ev = first(triples, e, DPO + "evidence")
            sentence = unescape(first(triples, ev, NIF + "anchorOf") or "")
            trig = first(triples, e, DPO + "trigger")
            roles = []
            for r in ROLES:
                for p, o in triples[e]:
                    if p == DPO + r:
                        roles.append("%s=%s" % (r, words(triples, o)))
            fact = "/".join((first(triples, e, DPO + k) or "?").rsplit("#", 1)[-1]
                            .rstrip(">") for k in ("polarity", "certainty", "status"))
            doc = (first(triples, e, PROV) or "").strip("<>").rsplit("/", 1)[-1]
            print("\t".join(["event", doc, cls,
                             unescape(first(triples, e, DPO + "rule") or ""),
                             unescape(first(triples, trig, NIF + "anchorOf") or ""),
                             "; ".join(roles), fact,
                             sentence.replace("\n", " ").replace("\t", " ")]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
