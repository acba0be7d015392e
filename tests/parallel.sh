#!/bin/sh
# Distributed use: factgraph is a filter without state shared between
# documents, so a corpus split into 3 shards and run under GNU parallel
# (as files, and as JSON Lines piped through --pipe) gives, as a set of
# N-Quads, exactly the output of one run over the whole corpus. With
# FACTGRAPH_CORPUS set, the shared news corpus is split too.
. "$top_srcdir/tests/lib.sh"
if ! command -v parallel > /dev/null 2>&1; then
    echo "1..0 # SKIP GNU parallel is not installed (scripts/install-deps installs it)"
    exit 77
fi
gold="$top_srcdir/tests/gold"
PARALLEL_HOME="$TMP/parallel-home"
export PARALLEL_HOME
mkdir -p "$PARALLEL_HOME"
touch "$PARALLEL_HOME/will-cite"

shards() { # shards NAME CORPUS
    name=$1 corpus=$2
    "$FACTGRAPH" --format=nquads -j 1 "$corpus" > "$TMP/$name.whole.nq"
    expect_eq "$name: one run, exit 0" $? 0
    sort -u "$TMP/$name.whole.nq" > "$TMP/$name.whole.sorted"
    mkdir "$TMP/$name.shards"
    (cd "$TMP/$name.shards" && split -n l/3 -d "$corpus" shard-)
    expect_eq "$name: three shards" "$(ls "$TMP/$name.shards" | wc -l)" 3
    expect_eq "$name: the shards hold the corpus" \
        "$(cat "$TMP/$name.shards"/shard-* | cksum)" "$(cksum < "$corpus")"
    # Files: one factgraph per shard, all at once.
    parallel -j 3 "\"$FACTGRAPH\"" --input-format=jsonl --format=nquads -j 1 {} \
        ::: "$TMP/$name.shards"/shard-* > "$TMP/$name.files.nq"
    expect_eq "$name: parallel over files, exit 0" $? 0
    sort -u "$TMP/$name.files.nq" > "$TMP/$name.files.sorted"
    if cmp -s "$TMP/$name.whole.sorted" "$TMP/$name.files.sorted"; then
        pass "$name: the union of 3 shards equals one run"
    else
        fail "$name: the union of 3 shards equals one run" \
            "$(diff "$TMP/$name.whole.sorted" "$TMP/$name.files.sorted" | head -n 6)"
    fi
    # A filter: JSON Lines on standard input, N-Quads out, in 3 blocks.
    size=$(( $(wc -c < "$corpus") / 3 + 1 ))
    parallel --pipe --block "$size" -j 3 "\"$FACTGRAPH\"" --format=nquads -j 1 \
        < "$corpus" > "$TMP/$name.pipe.nq"
    expect_eq "$name: parallel --pipe, exit 0" $? 0
    sort -u "$TMP/$name.pipe.nq" > "$TMP/$name.pipe.sorted"
    if cmp -s "$TMP/$name.whole.sorted" "$TMP/$name.pipe.sorted"; then
        pass "$name: --pipe in 3 blocks equals one run"
    else
        fail "$name: --pipe in 3 blocks equals one run" \
            "$(diff "$TMP/$name.whole.sorted" "$TMP/$name.pipe.sorted" | head -n 6)"
    fi
}

cat "$gold/dev.jsonl" "$gold/dev2.jsonl" "$gold/dev3.jsonl" > "$TMP/gold.jsonl"
shards gold "$TMP/gold.jsonl"
if [ -n "${FACTGRAPH_CORPUS:-}" ] && [ -f "$FACTGRAPH_CORPUS/news-de-sample.jsonl" ]; then
    shards news "$FACTGRAPH_CORPUS/news-de-sample.jsonl"
else
    echo "# FACTGRAPH_CORPUS unset: the news corpus is not split"
fi
done_testing
