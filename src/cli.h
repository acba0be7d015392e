/* cli: the factgraph program: options, subcommands, output files and exit
 * codes. The only module that prints or exits.
 *
 * Exit codes (DESIGN.md):
 *   0  everything processed and written
 *   1  some inputs failed, or the output could not be written completely
 *      (each named on stderr)
 *   2  usage or configuration error: no output at all */
#ifndef FG_CLI_H
#define FG_CLI_H

enum {
    FG_EXIT_OK = 0,
    FG_EXIT_PARTIAL = 1,
    FG_EXIT_USAGE = 2
};

/* The program: parses argv, runs the subcommand, returns the exit code. */
int fg_cli_main(int argc, char **argv);

#endif
