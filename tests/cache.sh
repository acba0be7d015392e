#!/bin/sh
# The cache of loaded data, from the command line: the first run writes
# it, the next maps it and extracts the same bytes; --no-cache does
# without; changed, added and removed data files are loaded anew (the
# output then is what a run without the cache gives); a damaged or
# foreign cache file is not used; a cache folder that cannot be made
# costs nothing but time; at most eight cache files are kept.
. "$top_srcdir/tests/lib.sh"

# A copy of the data, to change.
data=$TMP/data
mkdir -p "$data"
cp -R "$top_srcdir/rules" "$top_srcdir/ontologies" "$data/"
FACTGRAPH_DATADIR=$data
FACTGRAPH_CACHE_DIR=$TMP/cache
export FACTGRAPH_DATADIR FACTGRAPH_CACHE_DIR
example="$top_srcdir/examples/koalition-der-willigen.txt"

# run NAME ARGS...: extracts the example to $TMP/NAME.nt; its --stats
# line about the cache in $TMP/NAME.how.
run() {
    name=$1; shift
    "$FACTGRAPH" --stats --quiet --format=ntriples "$@" "$example" \
        > "$TMP/$name.nt" 2> "$TMP/$name.err"
    echo "exit $?" >> "$TMP/$name.err"
    sed -n 's/^factgraph: lexicons and rules \([a-z ]*\) the cache .*/\1/p;
            s/^factgraph: lexicons and rules loaded without a cache/none/p' \
        "$TMP/$name.err" > "$TMP/$name.how"
}
how() { cat "$TMP/$1.how"; }
same() { # NAME A B: the same N-Triples
    if cmp -s "$TMP/$2.nt" "$TMP/$3.nt" && [ -s "$TMP/$2.nt" ]; then pass "$1"
    else fail "$1" "$(diff "$TMP/$2.nt" "$TMP/$3.nt" | head -5)"; fi
}
files() { ls "$FACTGRAPH_CACHE_DIR" 2> /dev/null | grep -c '\.fgc$'; }

run first
expect_eq "the first run writes the cache" "$(how first)" "written to"
expect_eq "one cache file" "$(files)" 1
run second
expect_eq "the next run maps it" "$(how second)" "mapped from"
same "the same N-Triples from the cache" first second
run none --no-cache
expect_eq "--no-cache: no cache" "$(how none)" "none"
same "the same N-Triples without the cache" first none
expect_eq "--no-cache writes nothing" "$(files)" 1
case $(cat "$TMP/first.err") in
*"exit 0"*) pass "exit 0" ;;
*) fail "exit 0" "$(cat "$TMP/first.err")" ;;
esac

# A changed lexicon file: loaded anew, then mapped again.
printf '<!-- changed -->\n' >> "$data/rules/lexicon/$(ls "$data/rules/lexicon" | grep '\.xml$' | head -1)"
run changed
expect_eq "a changed lexicon file is loaded anew" "$(how changed)" "written to"
same "... and extracts the same" first changed
run changed2
expect_eq "... and is mapped the next time" "$(how changed2)" "mapped from"

# A rule file removed from the pack: loaded anew, with what it removes.
victim=$(grep -l 'class="dpo:Meeting"' "$data"/rules/pack/*.xml | head -1)
mv "$victim" "$TMP/"
run removed
run removed_ref --no-cache
expect_eq "a removed rule file is loaded anew" "$(how removed)" "written to"
same "... and its rules are gone, as without the cache" removed removed_ref
if cmp -s "$TMP/first.nt" "$TMP/removed.nt"; then
    fail "... which changes the output"
else
    pass "... which changes the output"
fi
# Put back (a file added to the folder): the first output again.
mv "$TMP/$(basename "$victim")" "$data/rules/pack/"
run added
expect_eq "an added rule file is loaded anew" "$(how added)" "written to"
same "... with its rules" first added
# The lexicon folder, which may be missing: cached without it, and loaded
# anew when it is back.
mv "$data/rules/lexicon" "$TMP/lexicon"
run nolex
run nolex2
expect_eq "no lexicon folder: loaded" "$(how nolex)" "written to"
expect_eq "... and mapped the next time" "$(how nolex2)" "mapped from"
same "... the same both times" nolex nolex2
mv "$TMP/lexicon" "$data/rules/lexicon"
run lexback
expect_eq "the lexicon folder back: loaded anew" "$(how lexback)" "written to"
same "... with the lexicons" first lexback
# Another ontology file given: another cache.
run onto --ontology "$data/ontologies/defence-policy.ttl"
expect_eq "another configuration, another cache" "$(how onto)" "written to"

# A damaged cache file (cut short) is not used, and is written anew.
f=$(sed -n 's/^factgraph: lexicons and rules [a-z ]* the cache //p' "$TMP/added.err")
head -c 100000 "$f" > "$TMP/cut" && cat "$TMP/cut" > "$f"
run damaged
expect_eq "a damaged cache file is not used" "$(how damaged)" "written to"
same "... and the output is whole" first damaged
# One that others may write is not used.
chmod g+w "$f" # the file written anew
run foreign
expect_eq "a cache file that others may write is not used" "$(how foreign)" "written to"
expect_eq "no temporary file left" "$(ls -A "$FACTGRAPH_CACHE_DIR" | grep -c '^\.tmp-')" 0

# A cache folder that cannot be made: the run goes on without.
: > "$TMP/plain-file"
FACTGRAPH_CACHE_DIR=$TMP/plain-file/cache
run nofolder
FACTGRAPH_CACHE_DIR=$TMP/cache
expect_eq "no cache folder: no cache" "$(how nofolder)" "none"
same "... and the same N-Triples" first nofolder

# At most eight cache files: twelve configurations (a rule file each).
cat > "$TMP/rules.xml" <<XML
<rules xmlns="https://w3id.org/factgraph/rules/1">
  <rule id="meet" class="dpo:Meeting">
    <pattern><token flags="capitalised" role="agent"/><token form="traf" role="trigger"/></pattern>
    <example agent="Merz">Merz traf Macron.</example>
  </rule>
</rules>
XML
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    cp "$TMP/rules.xml" "$TMP/rules-$i.xml"
    printf 'Ein Satz.\n' | "$FACTGRAPH" --rules "$TMP/rules-$i.xml" > /dev/null 2>&1
done
expect_eq "eight cache files kept" "$(files)" 8
done_testing
