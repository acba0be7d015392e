#!/bin/sh
# factgraph help [SUBCOMMAND], and the bash completion script.
. "$top_srcdir/tests/lib.sh"

for sub in extract tokens check-rules eval query show explain; do
    out=$("$FACTGRAPH" help "$sub"); status=$?
    expect_eq "help $sub: exit 0" $status 0
    expect_match "help $sub: its usage" "$out" "^Usage: factgraph (\\[)?$sub"
    expect_eq "help $sub is $sub --help" "$out" "$("$FACTGRAPH" "$sub" --help)"
done
expect_match "help alone: the overview with every subcommand" \
    "$("$FACTGRAPH" help)" 'explain +say why a rule'
"$FACTGRAPH" help nosuch > /dev/null 2> "$TMP/err"
expect_eq "help of an unknown subcommand: exit 2" $? 2
expect_match "and it is named" "$(cat "$TMP/err")" "no such subcommand: 'nosuch'"

# The completion script: valid bash, and it completes subcommands and
# option values (when bash-completion's helpers are there).
completion="$top_srcdir/contrib/bash-completion/factgraph"
bash -n "$completion"
expect_eq "completion: bash syntax" $? 0
if [ -f /usr/share/bash-completion/bash_completion ]; then
    words=$(bash -c '. /usr/share/bash-completion/bash_completion; . "$1";
        COMP_WORDS=(factgraph sh); COMP_CWORD=1; COMP_LINE="factgraph sh"; COMP_POINT=12
        _factgraph factgraph sh factgraph; printf "%s\n" "${COMPREPLY[@]}"' _ "$completion")
    expect_match "completion: a subcommand" "$words" '^show$'
    words=$(bash -c '. /usr/share/bash-completion/bash_completion; . "$1";
        COMP_WORDS=(factgraph show --color ""); COMP_CWORD=3; COMP_LINE="factgraph show --color "; COMP_POINT=24
        _factgraph factgraph "" --color; printf "%s\n" "${COMPREPLY[@]}"' _ "$completion")
    expect_eq "completion: --color values" "$(printf '%s\n' "$words" | sort | tr '\n' ' ')" 'always auto never '
fi
done_testing
