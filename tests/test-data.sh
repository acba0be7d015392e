#!/bin/sh
# The blind test data that later stages are measured on stays well-formed:
# the gold standard (tests/gold/, see FORMAT.md) and the lemma list
# (tests/morph/lemmas.tsv). Both were written and annotated before any
# extraction rule or lexicon existed, by helpers who did not see the code.
. "$top_srcdir/tests/lib.sh"
py=/usr/bin/python3
[ -x $py ] || py=$(command -v python3) || { echo "python3 missing: skipped"; exit 77; }

cat > "$TMP/gold.py" <<'PY'
import json, sys
CLASSES = {"Meeting", "Statement", "Training", "ArmsDelivery", "Deployment",
           "Attack", "Ceasefire", "Monitoring", "Negotiation", "Founding",
           "Participation", "Support", "Sanction", "Agreement", "Visit",
           "Planning"}
ROLES = {"agent", "participant", "theme", "target", "recipient", "location",
         "time", "topic", "attributedTo", "trigger"}
VALUES = {"polarity": {"Positive", "Negative"},
          "certainty": {"Certain", "Probable", "Possible", "Unlikely"},
          "status": {"Past", "Ongoing", "Planned", "Hypothetical"}}
errors, ids, texts = [], set(), {}
for path in sys.argv[1:]:
    part = path.rsplit("/", 1)[-1].split(".")[0]
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        where = "%s:%d" % (path, n)
        try:
            rec = json.loads(line)
        except ValueError as e:
            errors.append("%s: not JSON: %s" % (where, e)); continue
        if not rec.get("id", "").startswith(part + "-") or rec["id"] in ids:
            errors.append("%s: bad or repeated id %r" % (where, rec.get("id")))
        ids.add(rec.get("id"))
        text = rec.get("text", "")
        if text in texts:
            errors.append("%s: sentence also in %s" % (where, texts[text]))
        texts[text] = where
        for ev in rec.get("events", []):
            if ev.get("class") not in CLASSES:
                errors.append("%s: unknown class %r" % (where, ev.get("class")))
            for key, allowed in VALUES.items():
                if ev.get(key) not in allowed:
                    errors.append("%s: %s %r" % (where, key, ev.get(key)))
            for key, value in ev.items():
                if key in ("class",) or key in VALUES:
                    continue
                if key not in ROLES:
                    errors.append("%s: unknown key %r" % (where, key))
                elif value not in text:
                    errors.append("%s: %s %r is not in the text" % (where, key, value))
print("%d sentences" % len(ids))
for e in errors[:20]:
    print(e)
sys.exit(1 if errors else 0)
PY
out=$($py "$TMP/gold.py" "$top_srcdir/tests/gold/dev.jsonl" "$top_srcdir/tests/gold/test.jsonl" 2>&1)
if [ $? -eq 0 ]; then pass "gold standard well-formed: $out"
else fail "gold standard well-formed" "$out"; fi

out=$(awk -F '\t' '
    /^#/ || /^$/ { next }
    NF != 4 { print FILENAME ":" FNR ": " NF " fields"; bad++; next }
    $3 !~ /^(VERB|NOUN|ADJ|PART|AUX|MODAL)$/ { print FILENAME ":" FNR ": POS " $3; bad++ }
    index($4, $1) == 0 { print FILENAME ":" FNR ": form not in context"; bad++ }
    seen[$1 "\t" $2]++ { print FILENAME ":" FNR ": repeated " $1; bad++ }
    { n++ }
    END { print n " cases"; exit bad > 0 }' "$top_srcdir/tests/morph/lemmas.tsv")
if [ $? -eq 0 ]; then pass "lemma list well-formed: $out"
else fail "lemma list well-formed" "$out"; fi
n=$(printf '%s\n' "$out" | tail -n 1 | cut -d' ' -f1)
[ "${n:-0}" -ge 400 ] && pass "at least 400 lemma cases" || fail "at least 400 lemma cases"
done_testing
