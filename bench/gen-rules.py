#!/usr/bin/env python3
"""Generates N rules for bench/rules-scaling.

Usage: gen-rules.py FREQ N SEED > rules.xml

FREQ has lines "COUNT WORD" (the corpus's lemma frequencies). Triggers
are drawn with probability proportional to their frequency, among the
words of at least four letters outside the 50 most frequent (rules are
triggered by content words, not by "der" or "und"). Every rule needs two
things in a sentence, like the pack's rules (a trigger and an argument):
  8 in 10 rules: a lemma, a gap of at most 3 tokens, a second lemma;
  1 in 10: an annotation of the entities phase (Person or Group), a gap,
           a lemma;
  1 in 10: a regular expression on the form (a word's first four
           letters, then any letters), a gap, a lemma.
"""
import itertools
import random
import sys
from xml.sax.saxutils import quoteattr, escape

CLASSES = ["Meeting", "Statement", "Training", "ArmsDelivery", "Deployment",
           "Attack", "Ceasefire", "Monitoring", "Negotiation", "Founding",
           "Participation", "Support", "Sanction", "Agreement", "Visit",
           "Planning"]


def main():
    freq_file, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rows = []
    with open(freq_file, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                rows.append((int(parts[0]), parts[1]))
    rows.sort(reverse=True)
    words = [(c, w) for c, w in rows[50:] if len(w) >= 4 and w.isalpha()]
    if not words:
        sys.exit("gen-rules: no words in " + freq_file)
    population = [w for _, w in words]
    cum = list(itertools.accumulate(c for c, _ in words))
    ascii4 = [w for _, w in words if all("a" <= ch <= "z" for ch in w[:4])]
    ascii4_cum = list(itertools.accumulate(
        c for c, w in words if all("a" <= ch <= "z" for ch in w[:4])))
    rnd = random.Random(seed)

    def draw():
        return rnd.choices(population, cum_weights=cum)[0]

    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rules xmlns="https://w3id.org/factgraph/rules/1">']
    for i in range(n):
        cls = CLASSES[i % len(CLASSES)]
        second = draw()
        kind = i % 10
        if kind == 3:
            first = '<annot type="%s" role="agent"/>' % rnd.choice(
                ["Person", "Group"])
            example = "x " + second
        elif kind == 7:
            word = rnd.choices(ascii4, cum_weights=ascii4_cum)[0]
            first = '<token regex=%s role="trigger"/>' % quoteattr(
                "(?i)" + word[:4] + r"\p{L}*")
            example = word + " " + second
        else:
            word = draw()
            first = '<token lemma=%s role="trigger"/>' % quoteattr(word)
            example = word + " " + second
        out.append(
            '<rule id="gen.%d" class="dpo:%s"><pattern>%s<skip max="3"/>'
            '<token lemma=%s role="theme"/></pattern>'
            '<example>%s</example></rule>'
            % (i, cls, first, quoteattr(second), escape(example)))
    out.append("</rules>")
    sys.stdout.write("\n".join(out) + "\n")


main()
