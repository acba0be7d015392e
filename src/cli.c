/* cli: see cli.h. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <search.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include "factgraph.h"

#include "cli.h"
#include "cli_run.h"

/* stdio buffer for the output stream. */
#define OUTPUT_BUFFER (1 << 20)

/* The most worker threads -j takes. */
#define FG_MAX_JOBS 1024

/* ------------------------------------------------------------------ */
/* Options shared by the subcommands                                   */

typedef struct options {
    fg_input_format input_format;
    const char *output;  /* NULL: standard output */
    int compress;        /* --compress: gzip the output */
    fg_format format;
    const char *base;    /* NULL: FG_DEFAULT_BASE */
    int context_text;
    const char *date;    /* for documents without one, or NULL */
    int run_info;        /* extract: describe the run too */
    int explain;         /* extract: say which rule found what */
    const char **rules;  /* --rules, in order; NULL: the default pack */
    int n_rules;
    const char **extra_rules;
    int n_extra_rules;
    const char *ontology;
    const char *gold;    /* eval: the gold file */
    int tsv;             /* eval: scores as TSV, not a table */
    int list_errors;     /* eval: list the events that did not match */
    /* query (cmd_query) */
    const char *query_text;  /* -e */
    const char *query_file;  /* -f */
    fg_query_format query_format;
    const char *rdf_syntax;  /* --input-format naming an RDF syntax */
    /* end of query */
    /* show (cmd_show) and the filters of show and extract */
    fg_filter *filter;   /* --class, --agent, --min-certainty; or NULL */
    int color;           /* --color: COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER */
    unsigned width;      /* --width, or 0 */
    /* end of show */
    const char *trace_rule; /* explain: --rule */
    int threads;         /* -j: worker threads; 0: one per core */
    int progress;        /* draw the progress line */
    int summary;         /* the run's summary: -1 never (--quiet), 0 a
                            brief one when documents failed, 1 always */
    int stats;           /* --stats: hits per rule */
    const char *output_dir; /* --output-dir */
    int no_cache;        /* --no-cache */
    char **inputs;
    int n_inputs;
} options;

/* show: when there is colour (--color=WHEN). */
enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

enum {
    OPT_INPUT_FORMAT = 256,
    OPT_FORMAT,
    OPT_BASE,
    OPT_NO_CONTEXT_TEXT,
    OPT_DATE,
    OPT_RUN_INFO,
    OPT_RULES,
    OPT_EXTRA_RULES,
    OPT_ONTOLOGY,
    OPT_EXPLAIN,
    OPT_GOLD,
    OPT_ERRORS,
    OPT_COMPRESS,
    /* show */
    OPT_CLASS,
    OPT_AGENT,
    OPT_MIN_CERTAINTY,
    OPT_COLOR,
    OPT_WIDTH,
    /* end of show */
    OPT_RULE, /* explain */
    OPT_JOBS,
    OPT_QUIET,
    OPT_PROGRESS,
    OPT_STATS,
    OPT_OUTPUT_DIR,
    OPT_NO_CACHE
};

static const struct option LONG_OPTIONS[] = {
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"base", required_argument, NULL, OPT_BASE},
    {"no-context-text", no_argument, NULL, OPT_NO_CONTEXT_TEXT},
    {"date", required_argument, NULL, OPT_DATE},
    {"run-info", no_argument, NULL, OPT_RUN_INFO},
    {"rules", required_argument, NULL, OPT_RULES},
    {"extra-rules", required_argument, NULL, OPT_EXTRA_RULES},
    {"ontology", required_argument, NULL, OPT_ONTOLOGY},
    {"explain", no_argument, NULL, OPT_EXPLAIN},
    {"gold", required_argument, NULL, OPT_GOLD},
    {"errors", no_argument, NULL, OPT_ERRORS},
    {"compress", no_argument, NULL, OPT_COMPRESS},
    /* show */
    {"class", required_argument, NULL, OPT_CLASS},
    {"agent", required_argument, NULL, OPT_AGENT},
    {"min-certainty", required_argument, NULL, OPT_MIN_CERTAINTY},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"width", required_argument, NULL, OPT_WIDTH},
    /* end of show */
    {"rule", required_argument, NULL, OPT_RULE},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"stats", no_argument, NULL, OPT_STATS},
    {"output-dir", required_argument, NULL, OPT_OUTPUT_DIR},
    {"no-cache", no_argument, NULL, OPT_NO_CACHE},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static const char USAGE[] =
    "Usage: factgraph [extract] [OPTION]... [FILE|DIR|-]...\n"
    "   or: factgraph SUBCOMMAND [OPTION]... [FILE|DIR|-]...\n"
    "Read German news text and write what it finds.\n"
    "\n"
    "Subcommands:\n"
    "  extract     write each document and what was found in it as RDF\n"
    "              (the default)\n"
    "  tokens      print the token analysis as tab-separated values\n"
    "  check-rules load rule files, lint them and run their examples\n"
    "  eval        score what is found against a gold standard\n"
    "  query       run SPARQL over RDF dumps or what is found in texts\n"
    "  show        print what is found, or what an RDF dump holds, as\n"
    "              tables for the terminal\n"
    "  explain     say why a rule fired or did not fire on a sentence\n"
    "  help        show the help of a subcommand (factgraph help show)\n"
    "\n"
    "Options:\n"
    "  -o, --output=FILE        write to FILE (replaced only when complete)\n"
    "                           instead of standard output; gzip-compressed\n"
    "                           when FILE ends in .gz\n"
    "      --compress           write gzip (also to standard output)\n"
    "      --output-dir=DIR     extract, tokens: one file per input in DIR\n"
    "                           (DIR/NAME.ttl, .nt, .nq or .tsv), each\n"
    "                           renamed into place when complete; inputs\n"
    "                           whose file exists are skipped (resume)\n"
    "  -j, --jobs=N             N worker threads (default: one per core);\n"
    "                           the output is the same as with -j 1\n"
    "      --progress           a progress line and a summary on standard\n"
    "                           error (default when it is a terminal and\n"
    "                           the output goes elsewhere)\n"
    "      --quiet              neither; failures are still counted\n"
    "      --stats              also matches per rule and the rules that\n"
    "                           never fired\n"
    "      --input-format=FMT   text, jsonl, html or auto (default: auto,\n"
    "                           which reads *.jsonl and *.ndjson as JSON\n"
    "                           Lines, *.html, *.htm and *.xhtml as HTML)\n"
    "      --format=FMT         RDF format: turtle (default), ntriples,\n"
    "                           nquads (a named graph per document), rdfxml,\n"
    "                           json; rdfxml and json keep the whole output\n"
    "                           in memory and suit small outputs\n"
    "      --base=IRI           base IRI of documents and entities\n"
    "                           (default " FG_DEFAULT_BASE ")\n"
    "      --no-context-text    leave the document text (nif:isString) out\n"
    "      --date=YYYY-MM-DD    date of documents that have none\n"
    "      --run-info           describe the run (version, data digest,\n"
    "                           times) as a prov:Activity in its own graph\n"
    "      --rules=PATH         use the rule file or folder PATH instead of\n"
    "                           the default pack (repeatable)\n"
    "      --extra-rules=PATH   add the rules in PATH (repeatable)\n"
    "      --ontology=FILE      check rule classes against this ontology\n"
    "      --explain            say on standard error which rule found\n"
    "                           what, and which tokens each element matched\n"
    "      --no-cache           load the lexicons and rules from their XML\n"
    "                           without the cache (see FILES in the manual)\n"
    /* show and extract */
    "      --class=CLASS        keep only events of CLASS (Meeting or\n"
    "                           dpo:Meeting; repeatable, or a comma list)\n"
    "      --agent=TEXT         keep only events whose agent's name contains\n"
    "                           TEXT (case-insensitive; repeatable)\n"
    "      --min-certainty=LEVEL  keep only events at least this certain:\n"
    "                           Certain > Probable > Possible > Unlikely\n"
    "      --color=WHEN         show: colour auto (default: on a terminal,\n"
    "                           unless NO_COLOR is set), always or never\n"
    "      --width=N            show: lines of N columns (default: the\n"
    "                           terminal's, else $COLUMNS, else 100)\n"
    /* end of show and extract */
    "  -h, --help               show this help and exit\n"
    "  -V, --version            show the version and exit\n"
    "\n"
    "Inputs are files, directories (walked in sorted order) and - for\n"
    "standard input, which is also read when no input is given.\n"
    "JSON Lines: one object per line with \"text\" and optional \"id\",\n"
    "\"date\" (YYYY-MM-DD), \"title\" and \"source\".\n"
    "HTML: the page's main text (its article's paragraphs and headings),\n"
    "with its title, publication date and URL from its meta tags.\n"
    "Inputs compressed with gzip are read as they are (news.jsonl.gz).\n"
    "\n"
    "Data (word lists, rules, ontology) is read from $FACTGRAPH_DATADIR,\n"
    "else from the source tree when run from a build tree, else from\n"
    "the installed data.\n"
    "\n"
    "Exit status: 0 all processed, 1 some input or output failed,\n"
    "2 usage or configuration error.\n"
    "See factgraph(1).\n";

static const char TOKENS_HELP[] =
    "Usage: factgraph tokens [OPTION]... [FILE|DIR|-]...\n"
    "Print one line per token with the columns\n"
    "  doc sent clause start end form norm shape lemma stem tags entity\n"
    "doc: the document id; sent: the sentence, from 1 in each document;\n"
    "clause: the clause, from 1 in each sentence; start, end: byte offsets\n"
    "into the document text; form: the token; norm: its NFC case-folded\n"
    "form; shape: X for uppercase, x for lowercase, d for digits, runs cut\n"
    "to 4 (Healey: Xxxxx, 73.000: dd.ddd); lemma: from the lexicon, else\n"
    "guessed from regular inflection (a separable verb's joined lemma is\n"
    "on its finite verb: nahm ... teil gives teilnehmen); stem: Snowball's\n"
    "German stem; tags: comma-separated (verb noun adj word finite\n"
    "infinitive participle zu-infinitive separable past lemma particle\n"
    "joined guessed compound), - for none; entity: the named entity the\n"
    "token is in, BIO with the CoNLL types (B-PER, I-PER, B-ORG, B-LOC for\n"
    "countries and places, B-OTH for nationality adjectives and name\n"
    "parts), or O, as the rules' entities phase found it. Tabs, line breaks and\n"
    "backslashes in a field are written \\t, \\n, \\r and \\\\.\n"
    "\n"
    "Options: -o FILE, --compress, --input-format=FMT, --help (see\n"
    "factgraph --help).\n";

/* Prints "factgraph: WHAT 'ARG'" and where to find help. */
static void usage_error(const char *what, const char *arg)
{
    if (arg)
        fprintf(stderr, "factgraph: %s '%s'\n", what, arg);
    else
        fprintf(stderr, "factgraph: %s\n", what);
    fputs("Try 'factgraph --help' for more information.\n", stderr);
}

/* ---- query: its help, which parse_options also uses to know it ---- */
static const char QUERY_HELP[] =
    "Usage: factgraph query (-e SPARQL | -f FILE) [OPTION]... [INPUT]...\n"
    "Run a SPARQL 1.1 query (with Rasqal) over RDF dumps that factgraph\n"
    "wrote (INPUT ending in .ttl, .nt or .nq) and over texts (files,\n"
    "folders, JSON Lines, - for standard input), extracted with the rules.\n"
    "The prefixes of factgraph's RDF are declared: dpo: nif: prov: sem:\n"
    "dcterms: rdf: rdfs: xsd: owl:, and data: for the base IRI; a PREFIX\n"
    "of the query wins. All data is held in memory.\n"
    "\n"
    "Options:\n"
    "  -e SPARQL                the query\n"
    "  -f FILE                  read the query from FILE\n"
    "      --format=FMT         SELECT: table (default; aligned, IRIs\n"
    "                           shortened), csv, tsv or json (SPARQL 1.1\n"
    "                           results); ASK: true or false (json: the\n"
    "                           SPARQL JSON boolean); CONSTRUCT, DESCRIBE:\n"
    "                           ntriples (default) or turtle\n"
    "      --input-format=FMT   turtle, ntriples or nquads: read every\n"
    "                           input (and standard input) as that RDF;\n"
    "                           text, jsonl, html, auto (default): texts,\n"
    "                           but inputs ending in .ttl .nt .nq are RDF\n"
    "  -o FILE, --base, --rules, --extra-rules, --ontology, --date,\n"
    "  --no-context-text, --help (see factgraph --help).\n"
    "\n"
    "Exit status: 0 answered, 1 some input could not be read (the others\n"
    "still count) or the output failed, 2 usage error or a query that\n"
    "does not parse (FILE:LINE:COLUMN, or -e:LINE:COLUMN).\n";
/* ---- end of query ---- */

/* ---- show: its help, which parse_options also uses to know it ---- */
static const char SHOW_HELP[] =
    "Usage: factgraph show [OPTION]... [FILE|DIR|-]...\n"
    "Print, per document, a heading, a table of its events (class, agent,\n"
    "trigger, other roles, factuality as polarity certainty status) with\n"
    "each event's evidence sentence beneath its row, and a table of its\n"
    "entities (class, name, office, affiliation, mentions). In the\n"
    "sentence the trigger is marked [like this] and the role fillers\n"
    "*like this*, or by colour and underline when there is colour.\n"
    "\n"
    "Inputs are texts, extracted with the rules as by extract, or RDF\n"
    "dumps that factgraph wrote (files ending in .ttl, .nt or .nq, read\n"
    "back with the same --base).\n"
    "\n"
    "Options:\n"
    "      --class=CLASS, --agent=TEXT, --min-certainty=LEVEL\n"
    "                           show only the events kept (see --help)\n"
    "      --color=WHEN         auto (default): colour when standard output\n"
    "                           is a terminal and NO_COLOR is unset or\n"
    "                           empty; always; never\n"
    "      --width=N            lines of at most N columns (30-1000;\n"
    "                           default: the terminal's width, else\n"
    "                           $COLUMNS, else 100)\n"
    "      --explain            after each document extracted from text,\n"
    "                           the matches kept: rule, file and line,\n"
    "                           phase, roles and the tokens of each\n"
    "                           pattern element (not for dumps: they\n"
    "                           hold no tokens)\n"
    "      --input-format=FMT   text, jsonl, html, auto (default), or\n"
    "                           turtle, ntriples, nquads: inputs without a\n"
    "                           known extension (and standard input) are\n"
    "                           a dump\n"
    "  -o FILE, --rules, --extra-rules, --ontology, --base, --date, --help\n"
    "  (see factgraph --help).\n"
    "\n"
    "Exit status: 0 all shown, 1 some input failed, 2 usage error.\n";

static const char EXPLAIN_HELP[] =
    "Usage: factgraph explain --rule=ID [OPTION]... [SENTENCE]...\n"
    "Say why the rule ID fired or did not fire on each SENTENCE (text\n"
    "given as an argument; without one, the text on standard input). For\n"
    "each sentence: whether the rule index ran the rule there (it does\n"
    "only when every word or annotation the rule requires is in the\n"
    "sentence), each match with its roles and the tokens each pattern\n"
    "element matched, whether conflicts with other rules dropped it, and\n"
    "without a match the rule's best attempt: the tokens it matched and\n"
    "the pattern elements (with their lines) that refused the next token.\n"
    "The rule is traced on every sentence, also where the index skips it.\n"
    "\n"
    "Options: --rule=ID (required), --rules=PATH, --extra-rules=PATH,\n"
    "--ontology=FILE, --date=YYYY-MM-DD, -o FILE, --no-cache, --help.\n"
    "\n"
    "Exit status: 0 explained, 2 usage error or no rule with that id.\n";

/* Adds --class, --agent or --min-certainty to the filter; 0, or an exit
 * code after a usage error. */
static int add_filter(options *opt, int c, const char *arg)
{
    int rc = opt->filter ? 0 : fg_filter_new(&opt->filter);
    if (rc == 0)
        rc = c == OPT_CLASS   ? fg_filter_add_classes(opt->filter, arg)
             : c == OPT_AGENT ? fg_filter_add_agent(opt->filter, arg)
                              : fg_filter_set_min_certainty(opt->filter, arg);
    if (rc == FG_ENOMEM) {
        fputs("factgraph: out of memory\n", stderr);
        return FG_EXIT_USAGE;
    }
    if (rc == 0)
        return 0;
    if (c == OPT_CLASS) {
        fprintf(stderr, "factgraph: unknown event class in '%s'; the "
                        "classes are:", arg);
        for (size_t i = 0; fg_event_class_name(i); i++)
            fprintf(stderr, " %s", fg_event_class_name(i));
        fputs("\nTry 'factgraph --help' for more information.\n", stderr);
    } else if (c == OPT_AGENT) {
        usage_error("not a text to look for in agents:", arg);
    } else {
        usage_error("not a certainty (Certain, Probable, Possible, "
                    "Unlikely):", arg);
    }
    return FG_EXIT_USAGE;
}
/* ---- end of show ---- */

/* A decimal number from min to max into *out. Returns 0 or -1. */
static int parse_number(const char *s, unsigned min, unsigned max,
                        unsigned *out)
{
    char *end;
    errno = 0;
    unsigned long n = strtoul(s, &end, 10);
    if (errno || end == s || *end || s[0] == '-' || n < min || n > max)
        return -1;
    *out = (unsigned)n;
    return 0;
}

/* Parses argv after the subcommand; eval's options only for eval (where
 * --format names the form of the scores), query's only for query.
 * Returns -1 to go on, else an exit code (after --help, --version or a
 * usage error). */
static int parse_options(int argc, char **argv, const char *help, int eval,
                         options *opt)
{
    int query = help == QUERY_HELP;
    int show = help == SHOW_HELP; /* show: reads dumps too */
    memset(opt, 0, sizeof *opt);
    opt->input_format = FG_INPUT_AUTO;
    opt->format = FG_FORMAT_TURTLE;
    opt->context_text = 1;
    opt->progress = -1; /* not set */
    opt->summary = -2;  /* not set */
    optind = 1;
    opterr = 0;
    int c;
    /* Rule paths point into argv; at most one per argument. */
    opt->rules = calloc((size_t)argc, sizeof *opt->rules);
    opt->extra_rules = calloc((size_t)argc, sizeof *opt->extra_rules);
    if (opt->rules == NULL || opt->extra_rules == NULL) {
        fputs("factgraph: out of memory\n", stderr);
        return FG_EXIT_USAGE;
    }
    while ((c = getopt_long(argc, argv, "+:o:hVe:f:j:", LONG_OPTIONS, NULL)) !=
           -1) {
        switch (c) {
        /* ---- query ---- */
        case 'e':
        case 'f':
            if (!query) {
                usage_error("an option of query only:", c == 'e' ? "-e" : "-f");
                return FG_EXIT_USAGE;
            }
            if (opt->query_text || opt->query_file) {
                usage_error("one query only: -e or -f, once", NULL);
                return FG_EXIT_USAGE;
            }
            if (c == 'e')
                opt->query_text = optarg;
            else
                opt->query_file = optarg;
            break;
        /* ---- end of query ---- */
        case 'o':
            opt->output = optarg;
            break;
        case OPT_INPUT_FORMAT:
            /* ---- query: every input is RDF ---- */
            if ((query || show) && (strcmp(optarg, "turtle") == 0 ||
                          strcmp(optarg, "ntriples") == 0 ||
                          strcmp(optarg, "nquads") == 0)) {
                opt->rdf_syntax = optarg;
                break;
            }
            /* ---- end of query ---- */
            if (strcmp(optarg, "text") == 0)
                opt->input_format = FG_INPUT_TEXT;
            else if (strcmp(optarg, "jsonl") == 0)
                opt->input_format = FG_INPUT_JSONL;
            else if (strcmp(optarg, "html") == 0)
                opt->input_format = FG_INPUT_HTML;
            else if (strcmp(optarg, "auto") == 0)
                opt->input_format = FG_INPUT_AUTO;
            else {
                usage_error("unknown input format (text, jsonl, html, auto):",
                            optarg);
                return FG_EXIT_USAGE;
            }
            break;
        case OPT_COMPRESS:
            opt->compress = 1;
            break;
        case 'j': {
            unsigned n;
            if (parse_number(optarg, 1, FG_MAX_JOBS, &n) < 0) {
                usage_error("-j takes a number of threads from 1 to 1024, not",
                            optarg);
                return FG_EXIT_USAGE;
            }
            opt->threads = (int)n;
            break;
        }
        case OPT_QUIET:
            opt->progress = 0;
            opt->summary = -1;
            break;
        case OPT_PROGRESS:
            opt->progress = opt->summary = 1;
            break;
        case OPT_STATS:
            opt->stats = 1;
            break;
        case OPT_OUTPUT_DIR:
            opt->output_dir = optarg;
            break;
        case OPT_NO_CACHE:
            opt->no_cache = 1;
            break;
        case OPT_FORMAT: {
            /* ---- query ---- */
            if (query) {
                static const char *const NAMES[] = {
                    "table", "csv", "tsv", "json", "ntriples", "turtle"};
                size_t k = 0;
                while (k < sizeof NAMES / sizeof *NAMES &&
                       strcmp(optarg, NAMES[k]) != 0)
                    k++;
                if (k == sizeof NAMES / sizeof *NAMES) {
                    usage_error("unknown result format (table, csv, tsv, "
                                "json, ntriples, turtle):",
                                optarg);
                    return FG_EXIT_USAGE;
                }
                opt->query_format = (fg_query_format)k;
                break;
            }
            /* ---- end of query ---- */
            if (eval) {
                if (strcmp(optarg, "table") != 0 && strcmp(optarg, "tsv") != 0) {
                    usage_error("unknown score format (table, tsv):", optarg);
                    return FG_EXIT_USAGE;
                }
                opt->tsv = strcmp(optarg, "tsv") == 0;
                break;
            }
            int f = fg_format_from_name(optarg);
            if (f < 0) {
                usage_error("unknown RDF format (turtle, ntriples, nquads, "
                            "rdfxml, json):",
                            optarg);
                return FG_EXIT_USAGE;
            }
            opt->format = (fg_format)f;
            break;
        }
        case OPT_BASE:
            opt->base = optarg;
            break;
        case OPT_NO_CONTEXT_TEXT:
            opt->context_text = 0;
            break;
        case OPT_RUN_INFO:
            opt->run_info = 1;
            break;
        case OPT_RULES:
            opt->rules[opt->n_rules++] = optarg;
            break;
        case OPT_EXTRA_RULES:
            opt->extra_rules[opt->n_extra_rules++] = optarg;
            break;
        case OPT_ONTOLOGY:
            opt->ontology = optarg;
            break;
        case OPT_EXPLAIN:
            opt->explain = 1;
            break;
        case OPT_RULE:
            if (help != EXPLAIN_HELP) {
                usage_error("an option of explain only:", "--rule");
                return FG_EXIT_USAGE;
            }
            opt->trace_rule = optarg;
            break;
        case OPT_GOLD:
        case OPT_ERRORS:
            if (!eval) {
                usage_error("an option of eval only:",
                            c == OPT_GOLD ? "--gold" : "--errors");
                return FG_EXIT_USAGE;
            }
            if (c == OPT_GOLD)
                opt->gold = optarg;
            else
                opt->list_errors = 1;
            break;
        case OPT_DATE: {
            fg_doc *probe = NULL;
            int bad = fg_doc_new(&probe, "date", "", 0) < 0 ||
                      fg_doc_set_date(probe, optarg) < 0;
            fg_doc_free(probe);
            if (bad) {
                usage_error("not a date YYYY-MM-DD:", optarg);
                return FG_EXIT_USAGE;
            }
            opt->date = optarg;
            break;
        }
        /* ---- show, and the filters of show and extract ---- */
        case OPT_CLASS:
        case OPT_AGENT:
        case OPT_MIN_CERTAINTY:
            if (add_filter(opt, c, optarg) != 0)
                return FG_EXIT_USAGE;
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") == 0)
                opt->color = COLOR_AUTO;
            else if (strcmp(optarg, "always") == 0)
                opt->color = COLOR_ALWAYS;
            else if (strcmp(optarg, "never") == 0)
                opt->color = COLOR_NEVER;
            else {
                usage_error("--color takes auto, always or never, not",
                            optarg);
                return FG_EXIT_USAGE;
            }
            break;
        case OPT_WIDTH:
            if (parse_number(optarg, FG_SHOW_MIN_WIDTH, FG_SHOW_MAX_WIDTH,
                             &opt->width) < 0) {
                usage_error("--width takes a number of columns from 30 to "
                            "1000, not",
                            optarg);
                return FG_EXIT_USAGE;
            }
            break;
        /* ---- end of show ---- */
        case 'h':
            fputs(help, stdout);
            return fflush(stdout) == 0 ? FG_EXIT_OK : FG_EXIT_PARTIAL;
        case 'V':
            printf("factgraph %s\n", fg_version());
            return fflush(stdout) == 0 ? FG_EXIT_OK : FG_EXIT_PARTIAL;
        case ':':
            usage_error("missing argument for option", argv[optind - 1]);
            return FG_EXIT_USAGE;
        default:
            usage_error("unknown option", argv[optind - 1]);
            return FG_EXIT_USAGE;
        }
    }
    opt->inputs = argv + optind;
    opt->n_inputs = argc - optind;
    if (opt->output_dir && (eval || query || show || help == EXPLAIN_HELP)) {
        usage_error("an option of extract and tokens only:", "--output-dir");
        return FG_EXIT_USAGE;
    }
    /* By default a terminal gets the progress line and the summary,
     * unless the output goes to the same terminal. */
    if (opt->progress < 0) {
        int to_file = opt->output_dir ||
                      (opt->output && strcmp(opt->output, "-") != 0);
        opt->progress = isatty(STDERR_FILENO) &&
                        (to_file || !isatty(STDOUT_FILENO));
    }
    if (opt->summary == -2)
        opt->summary = opt->progress || opt->stats;
    return -1;
}

static void options_clear(options *opt)
{
    free(opt->rules);
    free(opt->extra_rules);
    opt->rules = opt->extra_rules = NULL;
    fg_filter_free(opt->filter); /* show */
    opt->filter = NULL;
}

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */

/* Prints and empties the list; returns the number of errors in it. */
static size_t flush_diags(fg_diag_list *diags)
{
    size_t errors = fg_diag_list_errors(diags);
    for (size_t i = 0; i < fg_diag_list_count(diags); i++)
        fg_diag_write(fg_diag_list_get(diags, i), stderr);
    fg_diag_list_clear(diags);
    return errors;
}

/* ------------------------------------------------------------------ */
/* Data directory                                                      */

/* The source tree's data when this program runs from its build tree,
 * so that a build can be tried without installing it. */
static const char *build_tree_datadir(void)
{
    char exe[PATH_MAX], build[PATH_MAX];
    if (realpath("/proc/self/exe", exe) == NULL ||
        realpath(FG_ABS_BUILDDIR, build) == NULL)
        return NULL;
    size_t n = strlen(build);
    if (strncmp(exe, build, n) != 0 || exe[n] != '/')
        return NULL;
    return FG_ABS_SRCDIR;
}

/* The cache of loaded data: $FACTGRAPH_CACHE_DIR, else the XDG cache
 * directory's factgraph folder; none without a home. */
static int set_cache_dir(fg_config *cfg)
{
    const char *env = getenv("FACTGRAPH_CACHE_DIR");
    if (env && env[0])
        return fg_config_set_cache_dir(cfg, env);
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    char dir[4096];
    int n;
    if (xdg && xdg[0] == '/') /* a relative one is to be ignored */
        n = snprintf(dir, sizeof dir, "%s/factgraph", xdg);
    else if (home && home[0] == '/')
        n = snprintf(dir, sizeof dir, "%s/.cache/factgraph", home);
    else
        return 0;
    return n > 0 && (size_t)n < sizeof dir ? fg_config_set_cache_dir(cfg, dir)
                                           : 0;
}

/* Loads the engine; prints what went wrong and returns NULL on failure. */
static fg_engine *load_engine(const options *opt, fg_diag_list *diags)
{
    fg_config *cfg = NULL;
    fg_engine *engine = NULL;
    int rc = fg_config_new(&cfg);
    const char *env = getenv("FACTGRAPH_DATADIR");
    const char *tree = env && env[0] ? NULL : build_tree_datadir();
    if (rc == 0 && tree)
        rc = fg_config_set_datadir(cfg, tree);
    if (rc == 0)
        rc = fg_config_set_format(cfg, opt->format);
    if (rc == 0)
        rc = fg_config_set_context_text(cfg, opt->context_text);
    for (int i = 0; rc == 0 && i < opt->n_rules; i++)
        rc = fg_config_add_rules(cfg, opt->rules[i]);
    for (int i = 0; rc == 0 && i < opt->n_extra_rules; i++)
        rc = fg_config_add_extra_rules(cfg, opt->extra_rules[i]);
    if (rc == 0 && opt->ontology)
        rc = fg_config_set_ontology(cfg, opt->ontology);
    if (rc == 0)
        rc = fg_config_set_explain(cfg, opt->explain);
    if (rc == 0 && opt->trace_rule)
        rc = fg_config_set_trace_rule(cfg, opt->trace_rule);
    if (rc == 0 && !opt->no_cache)
        rc = set_cache_dir(cfg);
    if (rc == 0 && opt->base && fg_config_set_base(cfg, opt->base) < 0) {
        usage_error("not a usable base IRI (absolute, ending in / or #):",
                    opt->base);
        fg_config_free(cfg);
        return NULL;
    }
    if (rc == 0)
        rc = fg_engine_new(&engine, cfg, diags);
    flush_diags(diags);
    if (rc < 0 && rc != FG_EDATA)
        fprintf(stderr, "factgraph: cannot load data from %s: %s\n",
                cfg ? fg_config_get_datadir(cfg) : "?", fg_strerror(rc));
    fg_config_free(cfg);
    return engine;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

/* Where results go. A regular (or new) file is written to a temporary
 * file beside it and renamed over it only when complete; standard
 * output, devices and pipes are written directly. With --compress or a
 * name ending in .gz, fp is a stdio stream over a zlib gzip stream on
 * the same file, so that every writer (fwrite, fprintf, the display
 * module) compresses without knowing it. */
typedef struct output {
    FILE *fp;
    FILE *raw;        /* under gzip: the file itself; else NULL */
    const char *name; /* for messages */
    const char *path; /* the file to replace, or NULL */
    char *tmp;        /* the temporary file, or NULL */
    char *vbuf;
} output;

/* fopencookie's write: 0 (never negative) on an error, with errno set. */
static ssize_t gz_stream_write(void *cookie, const char *buf, size_t size)
{
    size_t done = 0;
    while (done < size) {
        /* gzwrite takes an unsigned length and returns an int. */
        size_t part = size - done > INT_MAX ? INT_MAX : size - done;
        int n = gzwrite(cookie, buf + done, (unsigned)part);
        if (n <= 0) {
            int zerr;
            gzerror(cookie, &zerr);
            if (zerr != Z_ERRNO || errno == 0)
                errno = EIO;
            return 0;
        }
        done += (size_t)n;
    }
    return (ssize_t)size;
}

/* Writes the end of the gzip stream and closes its file descriptor. */
static int gz_stream_close(void *cookie)
{
    int rc = gzclose(cookie);
    if (rc == Z_OK)
        return 0;
    if (rc != Z_ERRNO || errno == 0)
        errno = EIO;
    return EOF;
}

/* Puts a gzip stream over out->fp, on a descriptor of its own that
 * gzclose closes. Returns 0, or -1 with errno set. */
static int output_gzip(output *out)
{
    int fd = dup(fileno(out->fp));
    gzFile gz = fd < 0 ? NULL : gzdopen(fd, "wb");
    if (gz == NULL) {
        int err = fd < 0 ? errno : ENOMEM;
        if (fd >= 0)
            close(fd);
        errno = err;
        return -1;
    }
    cookie_io_functions_t io = {.write = gz_stream_write,
                                .close = gz_stream_close};
    FILE *fp = fopencookie(gz, "w", io);
    if (fp == NULL) {
        gzclose(gz);
        return -1;
    }
    out->raw = out->fp;
    out->fp = fp;
    return 0;
}

/* Whether an output file name asks for gzip. */
static int gzip_name(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n > 3 && strcmp(path + n - 3, ".gz") == 0;
}

static int output_open(output *out, const char *path, int compress)
{
    memset(out, 0, sizeof *out);
    out->name = path ? path : "standard output";
    struct stat st;
    int exists = path && stat(path, &st) == 0;
    if (path == NULL || strcmp(path, "-") == 0) {
        out->fp = stdout;
        out->name = "standard output";
    } else if (exists && !S_ISREG(st.st_mode)) {
        out->fp = fopen(path, "w");
    } else {
        size_t n = strlen(path);
        out->tmp = malloc(n + 16);
        if (out->tmp == NULL)
            return -1;
        char *copy = strdup(path);
        if (copy == NULL)
            return -1;
        const char *dir = dirname(copy);
        const char *slash = strrchr(path, '/');
        snprintf(out->tmp, n + 16, "%s/.%s.XXXXXX", dir,
                 slash ? slash + 1 : path);
        free(copy);
        int fd = mkstemp(out->tmp);
        if (fd < 0) {
            free(out->tmp);
            out->tmp = NULL;
            return -1;
        }
        /* The file gets the mode a new file would get, or keeps its own. */
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, exists ? st.st_mode & 07777 : 0666 & ~mask);
        out->fp = fdopen(fd, "w");
        if (out->fp == NULL) {
            close(fd);
            unlink(out->tmp);
        }
        out->path = path;
    }
    if (out->fp == NULL)
        return -1;
    if ((compress || gzip_name(path)) && output_gzip(out) < 0) {
        int err = errno;
        if (out->fp != stdout)
            fclose(out->fp);
        if (out->tmp) {
            unlink(out->tmp);
            free(out->tmp);
            out->tmp = NULL;
        }
        errno = err;
        return -1;
    }
    out->vbuf = malloc(OUTPUT_BUFFER);
    if (out->vbuf)
        setvbuf(out->fp, out->vbuf, _IOFBF, OUTPUT_BUFFER);
    return 0;
}

/* Finishes the output; keep is 0 to throw away a temporary file. Returns
 * 0, or -1 after printing why the output is incomplete. */
static int output_close(output *out, int keep)
{
    int failed = ferror(out->fp) != 0;
    int err = failed ? errno : 0;
    if (fflush(out->fp) != 0 && !failed) {
        failed = 1;
        err = errno;
    }
    if (out->raw) {
        /* Closing the gzip stream writes its end. */
        if (fclose(out->fp) != 0 && !failed) {
            failed = 1;
            err = errno;
        }
        out->fp = out->raw;
        out->raw = NULL;
    }
    if (out->fp != stdout) {
        if (fclose(out->fp) != 0 && !failed) {
            failed = 1;
            err = errno;
        }
    }
    int atomic = out->tmp != NULL;
    if (atomic) {
        if (!failed && keep && rename(out->tmp, out->path) != 0) {
            failed = 1;
            err = errno;
        }
        if (failed || !keep)
            unlink(out->tmp);
        free(out->tmp);
    }
    free(out->vbuf);
    if (failed)
        fprintf(stderr, "factgraph: %s: write error: %s%s\n", out->name,
                strerror(err),
                atomic ? " (the file was left as it was)" : "");
    return failed ? -1 : 0;
}

/* The file name endings of the RDF formats, by fg_format. */
static const char *const OUTPUT_EXT[] = {"ttl", "nt", "nq", "rdf", "json"};

/* The default consumer: the bytes to the output. */
static int write_output(void *ctx, const fg_doc *doc, const char *bytes,
                        size_t len)
{
    (void)doc;
    FILE *fp = ((output *)ctx)->fp;
    return fwrite(bytes, 1, len, fp) == len && !ferror(fp) ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* --output-dir                                                        */

/* One output file per input file (all documents of a JSON Lines file go
 * into one): DIR/NAME.EXT, NAME the input's path relative to the
 * directory argument it was found under, or the base name of a file
 * argument. Each is written to a temporary file and renamed when its
 * last document is in; an input whose output exists is skipped, so that
 * a stopped run resumes where it stopped. */
typedef struct dir_entry {
    char *src;  /* the input's path, as fg_doc_file gives it */
    char *path; /* its output */
} dir_entry;

typedef struct dir_output {
    const char *dir;
    char ext[16];       /* ".ttl", ".nq.gz", ... */
    const char *header; /* the first line of each file, or NULL */
    int compress;
    dir_entry *queue;   /* inputs being read, in order: [head, n) */
    size_t head, n, cap;
    void *names;        /* tsearch tree: the output paths of this run */
    output out;         /* open for queue[head] when is_open */
    int is_open;
    size_t collisions;  /* inputs refused: their output name was taken */
} dir_output;

/* Creates the folders of path up to its last slash. Returns 0 or -1. */
static int make_parents(const char *path)
{
    char *copy = strdup(path);
    if (copy == NULL)
        return -1;
    int rc = 0;
    for (char *p = strchr(copy + 1, '/'); p && rc == 0; p = strchr(p + 1, '/')) {
        *p = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST)
            rc = -1;
        *p = '/';
    }
    free(copy);
    return rc;
}

/* Whether name can be used below DIR as it is: relative, without "."
 * or ".." parts. */
static int plain_relative(const char *name)
{
    if (name[0] == '/' || name[0] == '\0')
        return 0;
    for (const char *p = name; p; p = strchr(p, '/')) {
        if (*p == '/')
            p++;
        size_t n = strcspn(p, "/");
        if (n == 0 || (n == 1 && p[0] == '.') ||
            (n == 2 && p[0] == '.' && p[1] == '.'))
            return 0;
    }
    return 1;
}

static int cmp_names(const void *a, const void *b) { return strcmp(a, b); }

/* Room for one more queued input; the finished ones are dropped first. */
static int queue_room(dir_output *d)
{
    if (d->head > 0 && d->n == d->cap) {
        memmove(d->queue, d->queue + d->head,
                (d->n - d->head) * sizeof *d->queue);
        d->n -= d->head;
        d->head = 0;
    }
    if (d->n < d->cap)
        return 0;
    size_t cap = d->cap ? d->cap * 2 : 64;
    dir_entry *q = realloc(d->queue, cap * sizeof *q);
    if (q == NULL)
        return -1;
    d->queue = q;
    d->cap = cap;
    return 0;
}

/* Opens the oldest queued input's file. Returns 0 or -1 (said why). */
static int dir_open_head(dir_output *d)
{
    const char *path = d->queue[d->head].path;
    if (make_parents(path) < 0 || output_open(&d->out, path, d->compress) < 0) {
        fprintf(stderr, "factgraph: %s: cannot create: %s\n", path,
                strerror(errno));
        return -1;
    }
    d->is_open = 1;
    if (d->header)
        fputs(d->header, d->out.fp);
    return 0;
}

/* fg_input's skip hook: skips an input whose output exists, else queues
 * it. */
static int dir_skip(void *ctx, const char *path, const char *name)
{
    dir_output *d = ctx;
    const char *slash = strrchr(name, '/');
    /* A file argument (its name is its path) is named by its base name. */
    const char *rel = strcmp(path, name) != 0 && plain_relative(name) ? name
                      : slash && slash[1]                              ? slash + 1
                                                                       : name;
    size_t n = strlen(d->dir) + strlen(rel) + strlen(d->ext) + 2;
    char *out = malloc(n);
    char *src = strdup(path);
    int rc = -1;
    if (out && src && plain_relative(rel)) {
        snprintf(out, n, "%s/%s%s", d->dir, rel, d->ext);
        if (tfind(out, &d->names, cmp_names) != NULL) {
            fprintf(stderr, "%s: error: its output %s is the output of an "
                            "earlier input too: not read\n",
                    path, out);
            d->collisions++;
            rc = 1;
        } else if (access(out, F_OK) == 0) {
            rc = 1; /* done by an earlier run */
        } else if (queue_room(d) == 0 &&
                   tsearch(out, &d->names, cmp_names) != NULL) {
            d->queue[d->n++] = (dir_entry){src, out};
            return 0;
        }
    }
    if (rc < 0) {
        fprintf(stderr, "%s: error: %s: not read\n", path,
                out && src && !plain_relative(rel) ? "no usable output name"
                                                   : "out of memory");
        d->collisions++;
        rc = 1;
    }
    free(out);
    free(src);
    return rc;
}

/* Finishes the oldest queued input's file (an input without documents
 * gets an empty one). keep is 0 to throw the file away. Returns 0 or
 * -1 (said why). */
static int dir_finish_head(dir_output *d, int keep)
{
    int rc = !d->is_open && keep ? dir_open_head(d) : 0;
    if (d->is_open && output_close(&d->out, keep) < 0)
        rc = -1;
    d->is_open = 0;
    free(d->queue[d->head].src); /* the path stays in d->names */
    d->head++;
    return rc;
}

/* The consumer of --output-dir. */
static int dir_consume(void *ctx, const fg_doc *doc, const char *bytes,
                       size_t len)
{
    dir_output *d = ctx;
    const char *src = fg_doc_file(doc);
    while (d->head < d->n && strcmp(d->queue[d->head].src, src) != 0)
        if (dir_finish_head(d, 1) < 0)
            return -1;
    if (d->head == d->n)
        return -1; /* cannot happen: every input is queued */
    if (!d->is_open && dir_open_head(d) < 0)
        return -1;
    return write_output(&d->out, doc, bytes, len);
}

/* After the run: the files still open or queued are finished when the
 * run went through (ok), else thrown away. Returns 0 or -1. */
static int dir_output_end(dir_output *d, int ok)
{
    int rc = 0;
    while (d->head < d->n)
        if (dir_finish_head(d, ok && rc == 0) < 0)
            rc = -1;
    tdestroy(d->names, free);
    free(d->queue);
    return rc;
}

/* ------------------------------------------------------------------ */
/* tokens                                                              */

/* Writes s[0..len) with TAB, LF, CR and backslash escaped. */
static void put_tsv_field(FILE *fp, const char *s, size_t len)
{
    size_t from = 0;
    for (size_t i = 0; i < len; i++) {
        const char *esc = s[i] == '\t'   ? "\\t"
                          : s[i] == '\n' ? "\\n"
                          : s[i] == '\r' ? "\\r"
                          : s[i] == '\\' ? "\\\\"
                                         : NULL;
        if (esc == NULL)
            continue;
        fwrite(s + from, 1, i - from, fp);
        fputs(esc, fp);
        from = i + 1;
    }
    fwrite(s + from, 1, len - from, fp);
}

/* What the subcommands' producers (fg_run_config.produce) read: the
 * same for every document and every worker thread. */
typedef struct sink_ctx {
    int explain;   /* extract: explain the matches on stderr; show: inline */
    const fg_filter *filter; /* extract, show: the events to keep */
    fg_show_options show;    /* show */
} sink_ctx;

/* The producer of `tokens`: one line per token. */
static int write_tokens(void *ctx, fg_analysis *a, FILE *fp, FILE *err)
{
    (void)ctx;
    (void)err;
    size_t len;
    const char *text = fg_analysis_text(a, &len);
    const char *id = fg_doc_id(fg_analysis_doc(a));
    size_t id_len = strlen(id);
    size_t n = fg_analysis_token_count(a);
    for (size_t i = 0; i < n && !ferror(fp); i++) {
        const fg_token *t = fg_analysis_get_token(a, i);
        put_tsv_field(fp, id, id_len);
        fprintf(fp, "\t%u\t%u\t%zu\t%zu\t", t->sentence + 1, t->clause + 1,
                t->start, t->end);
        put_tsv_field(fp, text + t->start, t->end - t->start);
        putc('\t', fp);
        put_tsv_field(fp, t->norm, t->norm_len);
        putc('\t', fp);
        put_tsv_field(fp, t->shape, strlen(t->shape));
        const fg_morph *m = fg_analysis_get_morph(a, i);
        putc('\t', fp);
        put_tsv_field(fp, m->lemma, m->lemma_len);
        putc('\t', fp);
        put_tsv_field(fp, m->stem, m->stem_len);
        putc('\t', fp);
        int any = 0;
        for (unsigned b = 0; b < FG_TAG_COUNT; b++)
            if (m->tags & (1u << b))
                fprintf(fp, "%s%s", any++ ? "," : "", fg_tag_name(b));
        if (!any)
            putc('-', fp);
        fprintf(fp, "\t%s\n", fg_analysis_entity_tag(a, i));
    }
    return ferror(fp) ? -1 : 0; /* a memory stream: out of memory */
}

/* The current time as xsd:dateTime in UTC. */
static void utc_now(char out[32])
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* How a subcommand's documents are run: see fg_run_config. consume may
 * be NULL: then the bytes go to the output. */
typedef struct run_spec {
    int (*produce)(void *ctx, fg_analysis *a, FILE *out, FILE *err);
    void *produce_ctx;
    int (*consume)(void *ctx, const fg_doc *doc, const char *bytes,
                   size_t len);
    void *consume_ctx;
    int one_worker; /* produce_ctx changes from one document to the next */
    int rdf;        /* the summary counts events and triples */
    dir_output *dir; /* --output-dir, or NULL */
} run_spec;

/* Rules by hits, most first, then in load order. */
typedef struct rule_hits {
    size_t rule, hits;
} rule_hits;

static int cmp_hits(const void *a, const void *b)
{
    const rule_hits *x = a, *y = b;
    if (x->hits != y->hits)
        return x->hits > y->hits ? -1 : 1;
    return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* --stats: kept matches per rule over all workers, and the rules that
 * never fired, on stderr. */
static void print_rule_stats(const fg_engine *engine, fg_worker **workers,
                             int n_workers)
{
    size_t n = fg_engine_rule_count(engine);
    rule_hits *h = calloc(n ? n : 1, sizeof *h);
    if (h == NULL) {
        fputs("factgraph: out of memory\n", stderr);
        return;
    }
    const char *cache = fg_engine_cache_file(engine);
    if (cache)
        fprintf(stderr, "factgraph: lexicons and rules %s the cache %s\n",
                fg_engine_from_cache(engine) ? "mapped from" : "written to",
                cache);
    else
        fputs("factgraph: lexicons and rules loaded without a cache\n",
              stderr);
    size_t never = 0;
    for (size_t i = 0; i < n; i++) {
        h[i].rule = i;
        for (int w = 0; w < n_workers; w++)
            h[i].hits += fg_worker_rule_hits(workers[w], i);
        never += h[i].hits == 0;
    }
    qsort(h, n, sizeof *h, cmp_hits);
    fprintf(stderr, "factgraph: matches kept per rule (%zu of %zu rules "
                    "fired):\n",
            n - never, n);
    for (size_t i = 0; i < n && h[i].hits > 0; i++) {
        const char *file;
        unsigned long line;
        const char *id = fg_engine_rule_id(engine, h[i].rule, &file, &line);
        fprintf(stderr, "%10zu  %s  %s:%lu\n", h[i].hits, id, file, line);
    }
    if (never)
        fprintf(stderr, "factgraph: %zu rules never fired:\n", never);
    for (size_t i = n - never; i < n; i++) {
        const char *file;
        unsigned long line;
        const char *id = fg_engine_rule_id(engine, h[i].rule, &file, &line);
        fprintf(stderr, "%10s  %s  %s:%lu\n", "0", id, file, line);
    }
    free(h);
}

/* The summary of a run on stderr; brief: only the documents (what a
 * run with failures says even when no summary was asked for). */
static void print_summary(const fg_run_counts *n, fg_worker **workers,
                          int n_workers, int rdf, int brief)
{
    fg_worker_stats total = {0, 0, 0};
    for (int w = 0; w < n_workers; w++) {
        fg_worker_stats st;
        fg_worker_get_stats(workers[w], &st);
        total.events += st.events;
        total.statements += st.statements;
    }
    double secs = n->seconds > 1e-3 ? n->seconds : 1e-3;
    fprintf(stderr, "factgraph: %zu document%s read, %zu processed, %zu "
                    "failed",
            n->read, n->read == 1 ? "" : "s", n->processed, n->failed);
    if (brief) {
        fputs(n->stopped ? " (the run stopped)\n" : "\n", stderr);
        return;
    }
    if (rdf)
        fprintf(stderr, "; %zu events, %zu triples written", total.events,
                total.statements);
    if (n->skipped)
        fprintf(stderr, "; %zu input%s skipped (output exists)", n->skipped,
                n->skipped == 1 ? "" : "s");
    if (n->stopped)
        fputs("; the run stopped", stderr);
    fprintf(stderr, "; %.1f MB in %.2f s (%.1f docs/s, %.2f MB/s, %d "
                    "thread%s)\n",
            (double)n->bytes / 1e6, n->seconds, (double)n->processed / secs,
            (double)n->bytes / 1e6 / secs, n_workers,
            n_workers == 1 ? "" : "s");
}

/* Runs every document of the inputs through spec, into out (NULL with
 * --output-dir). Returns the exit code. */
static int run_documents(const options *opt, fg_engine *engine,
                         const run_spec *spec, output *out)
{
    int status = FG_EXIT_OK;
    fg_input *in = NULL;
    fg_diag_list *diags = NULL;
    char started[32];
    utc_now(started);
    /* Whole-output formats keep every document in one worker. */
    int n_workers = opt->threads ? opt->threads : fg_cli_cores();
    if (spec->one_worker || opt->format == FG_FORMAT_RDFXML ||
        opt->format == FG_FORMAT_JSON)
        n_workers = 1;
    fg_worker **workers = calloc((size_t)n_workers, sizeof *workers);
    int rc = workers ? fg_input_new(&in, opt->input_format) : FG_ENOMEM;
    if (rc == 0)
        rc = fg_diag_list_new(&diags);
    for (int w = 0; rc == 0 && w < n_workers; w++)
        rc = fg_worker_new(&workers[w], engine);
    for (int i = 0; rc == 0 && i < opt->n_inputs; i++)
        rc = fg_input_add(in, opt->inputs[i]);
    if (rc == 0 && opt->n_inputs == 0)
        rc = fg_input_add(in, "-");
    if (rc == 0 && spec->dir)
        fg_input_set_skip(in, dir_skip, spec->dir);
    fg_run_counts counts = {0};
    if (rc == 0) {
        fg_run_config c = {
            .engine = engine,
            .workers = workers,
            .n_workers = n_workers,
            .date = opt->date,
            .produce = spec->produce,
            .produce_ctx = spec->produce_ctx,
            .consume = spec->dir       ? dir_consume
                       : spec->consume ? spec->consume
                                       : write_output,
            .consume_ctx = spec->dir       ? (void *)spec->dir
                           : spec->consume ? spec->consume_ctx
                                           : out,
            .progress = opt->progress,
        };
        int r = fg_cli_run(&c, in, &counts);
        if (r != 0)
            status = FG_EXIT_PARTIAL;
        if (r < 0)
            rc = FG_ENOMEM;
        if (spec->dir && (dir_output_end(spec->dir, !counts.stopped) < 0 ||
                          spec->dir->collisions > 0))
            status = FG_EXIT_PARTIAL;
    } else {
        fputs("factgraph: out of memory\n", stderr);
        status = FG_EXIT_PARTIAL;
    }
    if (rc == 0 && out) {
        const char *bytes;
        size_t len;
        if (opt->run_info) {
            char ended[32];
            utc_now(ended);
            if (fg_worker_run_info(workers[0], started, ended, &bytes, &len,
                                   diags) < 0)
                status = FG_EXIT_PARTIAL;
            else
                fwrite(bytes, 1, len, out->fp);
        }
        /* What the worker holds back: the whole RDF/XML or JSON output. */
        if (fg_worker_finish(workers[0], &bytes, &len, diags) < 0)
            status = FG_EXIT_PARTIAL;
        else
            fwrite(bytes, 1, len, out->fp);
        if (flush_diags(diags))
            status = FG_EXIT_PARTIAL;
    }
    if (rc == 0) {
        if (opt->summary > 0 || (opt->summary == 0 && counts.failed > 0))
            print_summary(&counts, workers, n_workers, spec->rdf,
                          opt->summary == 0);
        if (opt->stats)
            print_rule_stats(engine, workers, n_workers);
    }
    for (int w = 0; workers && w < n_workers; w++)
        fg_worker_free(workers[w]);
    free(workers);
    fg_diag_list_free(diags);
    fg_input_free(in);
    return status;
}

/* ------------------------------------------------------------------ */
/* extract                                                             */

static const char EXTRACT_HELP[] =
    "Usage: factgraph [extract] [OPTION]... [FILE|DIR|-]...\n"
    "Write each document as RDF: the document as a nif:Context with its\n"
    "text, and the entities and events found in it with their provenance\n"
    "(see doc/ontology.md). The output is the same, byte for byte, for the\n"
    "same input.\n"
    "\n"
    "Options: -o FILE, --output-dir=DIR, --compress, --format=FMT,\n"
    "--base=IRI, --no-context-text, --date=YYYY-MM-DD, --run-info,\n"
    "--rules=PATH, --extra-rules=PATH, --ontology=FILE, --explain,\n"
    "--input-format=FMT, -j N, --progress, --quiet, --stats, --class,\n"
    "--agent, --min-certainty, --no-cache, --help (see factgraph --help).\n";

/* Writes the words of tokens [first, end) in quotes. */
static void put_words(FILE *fp, fg_analysis *a, size_t first, size_t end)
{
    size_t len;
    const char *text = fg_analysis_text(a, &len);
    const fg_token *f = fg_analysis_get_token(a, first);
    const fg_token *l = fg_analysis_get_token(a, end - 1);
    putc('"', fp);
    for (size_t p = f->start; p < l->end; p++)
        putc(text[p] == '\n' || text[p] == '\t' || text[p] == '\r' ? ' '
                                                                    : text[p],
             fp);
    putc('"', fp);
}

/* One kept match: its rule, span, roles, and its elements' tokens, the
 * details indented by indent. */
static void explain_match(FILE *fp, fg_analysis *a, const fg_match_info *m,
                          const char *indent)
{
    fprintf(fp, "rule %s (%s:%lu, phase %s, class dpo:%s) matched ", m->rule,
            m->file, m->line, m->phase, m->cls);
    put_words(fp, a, m->first_token, m->end_token);
    fprintf(fp, " (tokens %zu-%zu)\n", m->first_token + 1, m->end_token);
    for (size_t k = 0; k < m->n_roles; k++) {
        fprintf(fp, "%srole %s: ", indent, m->roles[k].name);
        put_words(fp, a, m->roles[k].first_token, m->roles[k].end_token);
        putc('\n', fp);
    }
    for (size_t k = 0; k < m->n_elements; k++) {
        const fg_match_span *e = &m->elements[k];
        fprintf(fp, "%sline %lu <%s>: ", indent, e->line, e->name);
        if (e->end_token > e->first_token)
            put_words(fp, a, e->first_token, e->end_token);
        else
            fputs("no tokens", fp);
        putc('\n', fp);
    }
}

/* --explain: each kept match, its roles and its elements' tokens. */
static void explain_matches(fg_analysis *a, FILE *fp)
{
    const char *id = fg_doc_id(fg_analysis_doc(a));
    for (size_t i = 0; i < fg_analysis_match_count(a); i++) {
        const fg_match_info *m = fg_analysis_get_match(a, i);
        const fg_token *t = fg_analysis_get_token(a, m->first_token);
        fprintf(fp, "%s: sentence %u: ", id, t->sentence + 1);
        explain_match(fp, a, m, "  ");
    }
}

/* The producer of extract (and of the N-Triples that eval and query
 * read): each document's RDF. A document whose RDF cannot be made is
 * reported and the others go on. */
static int write_rdf(void *ctx, fg_analysis *a, FILE *fp, FILE *err)
{
    const sink_ctx *x = ctx;
    const char *bytes;
    size_t len;
    if (x->explain)
        explain_matches(a, err);
    /* --class, --agent, --min-certainty: before the RDF is made. */
    int rc = x->filter ? fg_analysis_filter(a, x->filter) : 0;
    if (rc == 0)
        rc = fg_analysis_rdf(a, &bytes, &len);
    if (rc == FG_ENOMEM)
        return -1;
    if (rc < 0) {
        /* FG_EIO is in the diagnostics already; FG_ELIMIT is not. */
        if (rc == FG_ELIMIT)
            fprintf(err, "%s: error: document '%s': RDF larger than "
                         "1 GiB: not written\n",
                    fg_doc_file(fg_analysis_doc(a)),
                    fg_doc_id(fg_analysis_doc(a)));
        return 1;
    }
    return fwrite(bytes, 1, len, fp) == len ? 0 : -1;
}

/* A subcommand that runs a sink over the documents: options, data,
 * output, the documents, and the exit code. */
static int run_subcommand(int argc, char **argv, const char *help,
                          int (*fn)(void *ctx, fg_analysis *a, FILE *out,
                                    FILE *err),
                          const char *header)
{
    options opt;
    int status = parse_options(argc, argv, help, 0, &opt);
    if (status < 0 && opt.output_dir) {
        const char *bad =
            opt.output          ? "--output-dir goes without -o"
            : opt.run_info      ? "--run-info needs one output (-o), not "
                                  "--output-dir"
            : opt.format == FG_FORMAT_RDFXML || opt.format == FG_FORMAT_JSON
                ? "--output-dir writes turtle, ntriples or nquads"
                : NULL;
        if (bad) {
            usage_error(bad, NULL);
            status = FG_EXIT_USAGE;
        }
    }
    if (status >= 0) {
        options_clear(&opt);
        return status;
    }
    fg_diag_list *diags = NULL;
    if (fg_diag_list_new(&diags) < 0) {
        fputs("factgraph: out of memory\n", stderr);
        options_clear(&opt);
        return FG_EXIT_USAGE;
    }
    fg_engine *engine = load_engine(&opt, diags);
    if (engine == NULL) {
        fg_diag_list_free(diags);
        options_clear(&opt);
        return FG_EXIT_USAGE;
    }
    output out;
    dir_output dir = {.dir = opt.output_dir, .header = header,
                      .compress = opt.compress};
    int rdf = fn == write_rdf;
    if (opt.output_dir)
        snprintf(dir.ext, sizeof dir.ext, ".%s%s",
                 rdf ? OUTPUT_EXT[opt.format] : "tsv",
                 opt.compress ? ".gz" : "");
    if (opt.output_dir ? make_parents(opt.output_dir) < 0 ||
                             (mkdir(opt.output_dir, 0777) != 0 &&
                              errno != EEXIST)
                       : output_open(&out, opt.output, opt.compress) < 0) {
        fprintf(stderr, "factgraph: %s: cannot create: %s\n",
                opt.output_dir ? opt.output_dir : opt.output,
                strerror(errno));
        fg_engine_free(engine);
        fg_diag_list_free(diags);
        options_clear(&opt);
        return FG_EXIT_USAGE;
    }
    if (header && !opt.output_dir)
        fputs(header, out.fp);
    sink_ctx x = {.explain = opt.explain, .filter = opt.filter};
    run_spec spec = {.produce = fn, .produce_ctx = &x, .rdf = rdf,
                     .dir = opt.output_dir ? &dir : NULL};
    status = run_documents(&opt, engine, &spec,
                           opt.output_dir ? NULL : &out);
    if (!opt.output_dir && output_close(&out, 1) < 0)
        status = FG_EXIT_PARTIAL;
    fg_engine_free(engine);
    fg_diag_list_free(diags);
    options_clear(&opt);
    return status;
}

static int cmd_tokens(int argc, char **argv)
{
    return run_subcommand(argc, argv, TOKENS_HELP, write_tokens,
                          "doc\tsent\tclause\tstart\tend\tform\tnorm\tshape\tlemma\tstem\ttags\tentity\n");
}

static int cmd_extract(int argc, char **argv)
{
    return run_subcommand(argc, argv, EXTRACT_HELP, write_rdf, NULL);
}

/* ------------------------------------------------------------------ */
/* check-rules                                                         */

static const char CHECK_RULES_HELP[] =
    "Usage: factgraph check-rules [OPTION]... [DIR|FILE]...\n"
    "Load rule files (default: the default pack), lint them, and run every\n"
    "rule's examples and counter-examples through all the rules loaded.\n"
    "A failure prints as FILE:LINE: error: rule ID: expected ..., got ...\n"
    "(LINE is the example's). A folder means every *.xml file below it.\n"
    "\n"
    "Options: --extra-rules=PATH, --ontology=FILE, --no-cache, --help.\n"
    "\n"
    "Exit status: 0 every example passes, 1 some fail, 2 a rule file\n"
    "cannot be loaded.\n";

static int cmd_check_rules(int argc, char **argv)
{
    options opt;
    int status = parse_options(argc, argv, CHECK_RULES_HELP, 0, &opt);
    if (status >= 0) {
        options_clear(&opt);
        return status;
    }
    /* The arguments are rule paths. */
    for (int i = 0; i < opt.n_inputs; i++)
        opt.rules[opt.n_rules++] = opt.inputs[i];
    opt.n_inputs = 0;
    fg_diag_list *diags = NULL;
    fg_engine *engine = NULL;
    if (fg_diag_list_new(&diags) < 0 ||
        (engine = load_engine(&opt, diags)) == NULL) {
        fg_diag_list_free(diags);
        options_clear(&opt);
        return FG_EXIT_USAGE;
    }
    size_t passed, failed;
    int rc = fg_engine_check_examples(engine, diags, &passed, &failed);
    flush_diags(diags);
    if (rc < 0) {
        fprintf(stderr, "factgraph: %s\n", fg_strerror(rc));
        status = FG_EXIT_USAGE;
    } else {
        printf("%zu rules, %zu examples: %zu passed, %zu failed\n",
               fg_engine_rule_count(engine), passed + failed, passed, failed);
        status = failed ? FG_EXIT_PARTIAL : FG_EXIT_OK;
        if (fflush(stdout) != 0)
            status = FG_EXIT_PARTIAL;
    }
    fg_engine_free(engine);
    fg_diag_list_free(diags);
    options_clear(&opt);
    return status;
}

/* ------------------------------------------------------------------ */
/* eval                                                                */

static const char EVAL_HELP[] =
    "Usage: factgraph eval --gold=FILE [OPTION]... [INPUT]...\n"
    "Score the events found against a gold standard (tests/gold/FORMAT.md):\n"
    "precision, recall and F1 of events per class and over all, of each\n"
    "role, and of polarity, certainty and status. An event matches when\n"
    "its sentence, its class and its agent (a shared word) match.\n"
    "\n"
    "Without INPUT, the gold's own texts are extracted with the rules.\n"
    "An INPUT ending in .nt, .ttl or .nq is an RDF dump that factgraph\n"
    "wrote (with the same --base); other inputs are text or JSON Lines,\n"
    "extracted on the fly. Documents are known by their id.\n"
    "\n"
    "Options:\n"
    "      --gold=FILE          the gold standard (JSON Lines)\n"
    "      --format=FMT         table (default) or tsv\n"
    "      --errors             list the events that did not match, as\n"
    "                           missed (gold only) or spurious (found only),\n"
    "                           and matched events whose polarity, certainty,\n"
    "                           status or a role differs (with the gold's and\n"
    "                           the found value)\n"
    "  -o FILE, --rules, --extra-rules, --base, --input-format, --date,\n"
    "  --help (see factgraph --help).\n"
    "\n"
    "Exit status: 0 scored, 1 some input failed, 2 usage error or a bad\n"
    "gold file.\n";

/* The RDF syntax of a dump by its name, or NULL for text. */
static const char *rdf_syntax_of(const char *path)
{
    static const struct {
        const char *ext, *syntax;
    } KNOWN[] = {{".nt", "ntriples"}, {".ttl", "turtle"}, {".nq", "nquads"}};
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof KNOWN / sizeof *KNOWN; i++) {
        size_t e = strlen(KNOWN[i].ext);
        if (n > e && strcmp(path + n - e, KNOWN[i].ext) == 0)
            return KNOWN[i].syntax;
    }
    return NULL;
}

/* Where eval and query send the N-Triples of each extracted document
 * (write_rdf makes them): to the scorer or to the query's data, through
 * add. */
typedef struct rdf_sink {
    int (*add)(void *target, const char *name, const char *syntax,
               const char *bytes, size_t len, fg_diag_list *diags);
    void *target;
    fg_diag_list *diags;
} rdf_sink;

static int consume_rdf(void *ctx, const fg_doc *doc, const char *bytes,
                       size_t len)
{
    rdf_sink *x = ctx;
    int rc = x->add(x->target, fg_doc_id(doc), "ntriples", bytes, len,
                    x->diags);
    flush_diags(x->diags);
    if (rc == FG_ENOMEM)
        fputs("factgraph: out of memory\n", stderr);
    return rc == FG_ENOMEM ? -1 : rc < 0;
}

/* Runs the texts of eval and query into target. */
static int run_into(const options *opt, fg_engine *engine, output *out,
                    rdf_sink *x)
{
    static const sink_ctx plain = {0, NULL, {0, 0}};
    run_spec spec = {.produce = write_rdf,
                     .produce_ctx = (void *)&plain,
                     .consume = consume_rdf,
                     .consume_ctx = x};
    return run_documents(opt, engine, &spec, out);
}

static int add_to_eval(void *ev, const char *name, const char *syntax,
                       const char *bytes, size_t len, fg_diag_list *diags)
{
    return fg_eval_add_rdf(ev, name, syntax, bytes, len, diags);
}

static void print_scores(const fg_eval *ev, const options *opt, FILE *fp)
{
    if (opt->tsv) {
        fputs("kind\tname\ttp\tfp\tfn\tprecision\trecall\tf1\n", fp);
        for (size_t i = 0; i < fg_eval_row_count(ev); i++) {
            const fg_eval_row *r = fg_eval_get_row(ev, i);
            fprintf(fp, "%s\t%s\t%zu\t%zu\t%zu\t%.4f\t%.4f\t%.4f\n", r->kind,
                    r->name, r->tp, r->fp, r->fn, r->precision, r->recall,
                    r->f1);
        }
    } else {
        size_t docs = fg_eval_gold_doc_count(ev),
               gold = fg_eval_gold_event_count(ev),
               found = fg_eval_system_event_count(ev),
               apart = fg_eval_unknown_doc_event_count(ev);
        fprintf(fp, "gold: %zu document%s, %zu event%s; found: %zu event%s "
                    "in them",
                docs, docs == 1 ? "" : "s", gold, gold == 1 ? "" : "s", found,
                found == 1 ? "" : "s");
        if (apart)
            fprintf(fp, " (and %zu in documents the gold does not have)",
                    apart);
        fputs("\n", fp);
        const char *kind = "";
        for (size_t i = 0; i < fg_eval_row_count(ev); i++) {
            const fg_eval_row *r = fg_eval_get_row(ev, i);
            if (strcmp(kind, r->kind) != 0) {
                kind = r->kind;
                fprintf(fp, "\n%-16s %9s %9s %9s %6s %6s %6s\n",
                        strcmp(kind, "event") == 0  ? "events"
                        : strcmp(kind, "role") == 0 ? "roles"
                                                    : "factuality",
                        "precision", "recall", "F1", "TP", "FP", "FN");
            }
            fprintf(fp, "  %-14s %9.3f %9.3f %9.3f %6zu %6zu %6zu\n",
                    strcmp(r->name, "all") == 0 ? "all (micro)" : r->name,
                    r->precision, r->recall, r->f1, r->tp, r->fp, r->fn);
        }
    }
    if (opt->list_errors) {
        if (!opt->tsv)
            fputs("\n", fp);
        for (size_t i = 0; i < fg_eval_miss_count(ev); i++) {
            const fg_eval_miss *m = fg_eval_get_miss(ev, i);
            fprintf(fp, "%s\t%s\t%s\t%s\t%s%s%s\n", m->kind, m->doc, m->cls,
                    m->trigger, m->agent, m->detail[0] ? "\t" : "", m->detail);
        }
    }
}

static int cmd_eval(int argc, char **argv)
{
    options opt;
    int status = parse_options(argc, argv, EVAL_HELP, 1, &opt);
    if (status < 0 && opt.gold == NULL) {
        usage_error("eval needs --gold=FILE", NULL);
        status = FG_EXIT_USAGE;
    }
    fg_diag_list *diags = NULL;
    if (status < 0 && fg_diag_list_new(&diags) < 0) {
        fputs("factgraph: out of memory\n", stderr);
        status = FG_EXIT_USAGE;
    }
    fg_eval *ev = NULL;
    if (status < 0) {
        int rc = fg_eval_new(&ev, opt.gold, opt.base, diags);
        flush_diags(diags);
        if (rc < 0) {
            if (rc == FG_ENOMEM)
                fputs("factgraph: out of memory\n", stderr);
            status = FG_EXIT_USAGE;
        }
    }
    if (status >= 0) {
        fg_diag_list_free(diags);
        options_clear(&opt);
        return status;
    }
    status = FG_EXIT_OK;
    /* Dumps are read; the other inputs, or the gold, are extracted. */
    char **texts = calloc((size_t)opt.n_inputs + 1, sizeof *texts);
    int n_texts = 0;
    for (int i = 0; texts && i < opt.n_inputs; i++) {
        const char *syntax = rdf_syntax_of(opt.inputs[i]);
        if (syntax == NULL) {
            texts[n_texts++] = opt.inputs[i];
            continue;
        }
        int rc = fg_eval_add_rdf(ev, opt.inputs[i], syntax, NULL, 0, diags);
        if (flush_diags(diags) || rc < 0)
            status = FG_EXIT_PARTIAL;
    }
    if (texts && opt.n_inputs == 0)
        texts[n_texts++] = (char *)opt.gold;
    output out;
    fg_engine *engine = NULL;
    if (texts == NULL) {
        fputs("factgraph: out of memory\n", stderr);
        status = FG_EXIT_USAGE;
    } else if (n_texts > 0) {
        opt.inputs = texts;
        opt.n_inputs = n_texts;
        opt.format = FG_FORMAT_NTRIPLES;
        opt.context_text = 0;
        if ((engine = load_engine(&opt, diags)) == NULL)
            status = FG_EXIT_USAGE;
    }
    if (status != FG_EXIT_USAGE &&
        output_open(&out, opt.output, opt.compress) < 0) {
        fprintf(stderr, "factgraph: %s: cannot create: %s\n", opt.output,
                strerror(errno));
        status = FG_EXIT_USAGE;
    }
    if (status != FG_EXIT_USAGE) {
        rdf_sink x = {add_to_eval, ev, diags};
        if (engine && run_into(&opt, engine, &out, &x) != FG_EXIT_OK)
            status = FG_EXIT_PARTIAL;
        if (fg_eval_score(ev) < 0) {
            fputs("factgraph: out of memory\n", stderr);
            status = FG_EXIT_PARTIAL;
        } else {
            print_scores(ev, &opt, out.fp);
        }
        if (output_close(&out, 1) < 0)
            status = FG_EXIT_PARTIAL;
    }
    fg_engine_free(engine);
    fg_eval_free(ev);
    free(texts);
    fg_diag_list_free(diags);
    options_clear(&opt);
    return status;
}

/* ------------------------------------------------------------------ */
/* query                                                               */

/* The longest query file read (the library refuses more than 16 MiB). */
#define MAX_QUERY_FILE ((size_t)17 << 20)

/* Reads a query file (- for standard input) into *out (free it). Returns
 * 0, or -1 with errno set. */
static int read_query_file(const char *path, char **out, size_t *len_out)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (fp == NULL)
        return -1;
    size_t len = 0, cap = 0;
    char *buf = NULL;
    int rc = 0;
    while (rc == 0 && len < MAX_QUERY_FILE) {
        if (len == cap) {
            cap = cap ? cap * 2 : 4096;
            char *grown = realloc(buf, cap);
            if (grown == NULL) {
                rc = -1;
                break;
            }
            buf = grown;
        }
        size_t n = fread(buf + len, 1, cap - len, fp);
        len += n;
        if (n == 0) {
            if (ferror(fp))
                rc = -1;
            break;
        }
    }
    int err = errno;
    if (fp != stdin)
        fclose(fp);
    if (rc < 0) {
        free(buf);
        errno = err;
        return -1;
    }
    *out = buf;
    *len_out = len;
    return 0;
}

static int add_to_query(void *q, const char *name, const char *syntax,
                        const char *bytes, size_t len, fg_diag_list *diags)
{
    return fg_query_add_rdf(q, name, syntax, bytes, len, diags);
}

static int cmd_query(int argc, char **argv)
{
    options opt;
    int status = parse_options(argc, argv, QUERY_HELP, 0, &opt);
    if (status < 0 && opt.query_text == NULL && opt.query_file == NULL) {
        usage_error("query needs -e SPARQL or -f FILE", NULL);
        status = FG_EXIT_USAGE;
    }
    if (status >= 0) {
        options_clear(&opt);
        return status;
    }
    status = FG_EXIT_USAGE;
    fg_diag_list *diags = NULL;
    char *file_text = NULL;
    fg_query *q = NULL;
    fg_engine *engine = NULL;
    output out;
    int out_open = 0, rc = 0;
    const char *name = opt.query_file ? opt.query_file : "-e";
    const char *text = opt.query_text;
    size_t len = text ? strlen(text) : 0;
    /* Dumps are read by the query; texts are extracted first. */
    char **texts = calloc((size_t)opt.n_inputs + 1, sizeof *texts);
    char **dumps = calloc((size_t)opt.n_inputs + 1, sizeof *dumps);
    int n_texts = 0, n_dumps = 0;
    if (texts == NULL || dumps == NULL || fg_diag_list_new(&diags) < 0) {
        fputs("factgraph: out of memory\n", stderr);
        goto done;
    }
    if (opt.query_file) {
        if (read_query_file(opt.query_file, &file_text, &len) < 0) {
            fprintf(stderr, "%s: error: cannot read: %s\n", opt.query_file,
                    strerror(errno));
            goto done;
        }
        text = file_text ? file_text : "";
    }
    rc = fg_query_new(&q, name, text, len, opt.base, opt.query_format, diags);
    flush_diags(diags);
    if (rc == FG_EINVAL)
        usage_error("not a usable base IRI (absolute, ending in / or #):",
                    opt.base);
    else if (rc == FG_ENOMEM)
        fputs("factgraph: out of memory\n", stderr);
    if (rc < 0)
        goto done;
    for (int i = 0; i < opt.n_inputs; i++) {
        if (opt.rdf_syntax || rdf_syntax_of(opt.inputs[i]))
            dumps[n_dumps++] = opt.inputs[i];
        else
            texts[n_texts++] = opt.inputs[i];
    }
    /* No input: standard input, RDF only when --input-format says so. */
    if (opt.n_inputs == 0 && opt.rdf_syntax)
        dumps[n_dumps++] = "-";
    else if (opt.n_inputs == 0)
        texts[n_texts++] = "-";
    if (n_texts > 0) {
        opt.inputs = texts;
        opt.n_inputs = n_texts;
        opt.format = FG_FORMAT_NTRIPLES;
        if ((engine = load_engine(&opt, diags)) == NULL)
            goto done;
    }
    if (output_open(&out, opt.output, opt.compress) < 0) {
        fprintf(stderr, "factgraph: %s: cannot create: %s\n", opt.output,
                strerror(errno));
        goto done;
    }
    out_open = 1;
    status = FG_EXIT_OK;
    for (int i = 0; i < n_dumps; i++) {
        const char *syntax =
            opt.rdf_syntax ? opt.rdf_syntax : rdf_syntax_of(dumps[i]);
        rc = fg_query_add_rdf(q, dumps[i], syntax, NULL, 0, diags);
        if (flush_diags(diags) || rc < 0)
            status = FG_EXIT_PARTIAL;
        if (rc == FG_ENOMEM)
            break;
    }
    if (engine && rc != FG_ENOMEM) {
        rdf_sink x = {add_to_query, q, diags};
        if (run_into(&opt, engine, &out, &x) != FG_EXIT_OK)
            status = FG_EXIT_PARTIAL;
    }
    rc = rc == FG_ENOMEM ? rc : fg_query_run(q, out.fp, diags);
    flush_diags(diags);
    if (rc == FG_ENOMEM)
        fputs("factgraph: out of memory\n", stderr);
    if (rc < 0)
        status = FG_EXIT_PARTIAL;
done:
    /* A file is replaced only by a complete answer. */
    if (out_open && output_close(&out, rc == 0) < 0)
        status = FG_EXIT_PARTIAL;
    fg_query_free(q);
    fg_engine_free(engine);
    fg_diag_list_free(diags);
    free(file_text);
    free(texts);
    free(dumps);
    options_clear(&opt);
    return status;
}

/* ------------------------------------------------------------------ */
/* show                                                                */

/* Colour and width for the output stream fp: colour with --color=always,
 * or by default when fp is a terminal and NO_COLOR is unset or empty
 * (no-color.org); the width from --width, else the terminal's, else
 * $COLUMNS, else 100. */
static fg_show_options show_options(const options *opt, FILE *fp)
{
    int tty = isatty(fileno(fp));
    const char *no_color = getenv("NO_COLOR");
    fg_show_options so = {0, 0};
    so.color = opt->color == COLOR_ALWAYS ||
               (opt->color == COLOR_AUTO && tty &&
                !(no_color && no_color[0]));
    unsigned long w = opt->width;
    struct winsize ws;
    if (w == 0 && tty && ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0)
        w = ws.ws_col;
    const char *columns = getenv("COLUMNS");
    if (w == 0 && columns && columns[0] >= '1' && columns[0] <= '9')
        w = strtoul(columns, NULL, 10);
    if (w == 0)
        w = 100;
    so.width = w < FG_SHOW_MIN_WIDTH   ? FG_SHOW_MIN_WIDTH
               : w > FG_SHOW_MAX_WIDTH ? FG_SHOW_MAX_WIDTH
                                       : (unsigned)w;
    return so;
}

/* The RDF syntax of a show input that is a dump, or NULL for text: by
 * its extension, else --input-format's; a directory is texts. */
static const char *show_syntax(const options *opt, const char *path)
{
    const char *syntax = rdf_syntax_of(path);
    struct stat st;
    if (syntax == NULL && opt->rdf_syntax &&
        !(strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
          S_ISDIR(st.st_mode)))
        syntax = opt->rdf_syntax;
    return syntax;
}

/* The sink of show: each document's tables. */
static int write_show(void *ctx, fg_analysis *a, FILE *fp, FILE *err)
{
    (void)err;
    const sink_ctx *x = ctx;
    int rc = x->filter ? fg_analysis_filter(a, x->filter) : 0;
    if (rc == 0)
        rc = fg_analysis_show(a, &x->show, fp);
    if (rc == 0 && x->explain && fg_analysis_match_count(a) > 0) {
        /* --explain: inline, after the document's tables. */
        fprintf(fp, "Matches (%zu)\n", fg_analysis_match_count(a));
        for (size_t i = 0; i < fg_analysis_match_count(a); i++) {
            const fg_match_info *m = fg_analysis_get_match(a, i);
            fprintf(fp, "  sentence %u: ",
                    fg_analysis_get_token(a, m->first_token)->sentence + 1);
            explain_match(fp, a, m, "    ");
        }
        putc('\n', fp);
    }
    return rc == 0 && !ferror(fp) ? 0 : -1; /* out of memory */
}

/* Shows one dump; returns the exit status of that input. */
static int show_dump(const options *opt, const char *path,
                     const char *syntax, const fg_show_options *so,
                     FILE *fp, fg_diag_list *diags)
{
    fg_dump *d = NULL;
    int rc = fg_dump_new(&d, opt->base);
    if (rc == 0)
        rc = fg_dump_add(d, path, syntax, NULL, 0, diags);
    size_t errors = flush_diags(diags);
    /* A dump that does not parse is not shown in part. */
    if (rc == 0 && errors == 0)
        rc = fg_dump_show(d, opt->filter, so, fp);
    fg_dump_free(d);
    if (rc == FG_ENOMEM)
        fputs("factgraph: out of memory\n", stderr);
    return rc < 0 || errors ? FG_EXIT_PARTIAL : FG_EXIT_OK;
}

static int cmd_show(int argc, char **argv)
{
    options opt;
    int status = parse_options(argc, argv, SHOW_HELP, 0, &opt);
    if (status >= 0) {
        options_clear(&opt);
        return status;
    }
    static char *const STDIN[] = {"-"};
    char **inputs = opt.n_inputs ? opt.inputs : (char **)STDIN;
    int n = opt.n_inputs ? opt.n_inputs : 1, texts = 0;
    for (int i = 0; i < n; i++)
        texts += show_syntax(&opt, inputs[i]) == NULL;
    /* Nothing is written as RDF: N-Triples keeps the worker from holding
     * a whole RDF/XML output back. */
    opt.format = FG_FORMAT_NTRIPLES;
    opt.run_info = 0;
    fg_diag_list *diags = NULL;
    fg_engine *engine = NULL;
    output out;
    status = FG_EXIT_OK;
    if (fg_diag_list_new(&diags) < 0) {
        fputs("factgraph: out of memory\n", stderr);
        status = FG_EXIT_USAGE;
    } else if (texts && (engine = load_engine(&opt, diags)) == NULL) {
        status = FG_EXIT_USAGE;
    } else if (output_open(&out, opt.output, opt.compress) < 0) {
        fprintf(stderr, "factgraph: %s: cannot create: %s\n", opt.output,
                strerror(errno));
        status = FG_EXIT_USAGE;
    }
    if (status == FG_EXIT_USAGE) {
        fg_engine_free(engine);
        fg_diag_list_free(diags);
        options_clear(&opt);
        return status;
    }
    fg_show_options so = show_options(&opt, out.fp);
    /* In the order given: dumps one by one, runs of texts together. */
    for (int i = 0; i < n && !ferror(out.fp);) {
        const char *syntax = show_syntax(&opt, inputs[i]);
        if (syntax) {
            if (show_dump(&opt, inputs[i], syntax, &so, out.fp, diags) != 0)
                status = FG_EXIT_PARTIAL;
            i++;
            continue;
        }
        int j = i;
        while (j < n && show_syntax(&opt, inputs[j]) == NULL)
            j++;
        options run = opt;
        run.inputs = inputs + i;
        run.n_inputs = j - i;
        sink_ctx x = {.explain = opt.explain, .filter = opt.filter,
                      .show = so};
        run_spec spec = {.produce = write_show, .produce_ctx = &x};
        if (run_documents(&run, engine, &spec, &out) != FG_EXIT_OK)
            status = FG_EXIT_PARTIAL;
        i = j;
    }
    if (output_close(&out, 1) < 0)
        status = FG_EXIT_PARTIAL;
    fg_engine_free(engine);
    fg_diag_list_free(diags);
    options_clear(&opt);
    return status;
}

/* ------------------------------------------------------------------ */
/* explain                                                             */

typedef struct explain_ctx {
    FILE *fp;
    int said_rule; /* the rule was named */
} explain_ctx;

/* What the traced rule did on each sentence of a document. */
static int write_explanation(void *ctx, fg_analysis *a)
{
    explain_ctx *x = ctx;
    FILE *fp = x->fp;
    for (size_t i = 0; i < fg_analysis_trace_count(a); i++) {
        const fg_rule_trace *t = fg_analysis_get_trace(a, i);
        if (!x->said_rule) {
            fprintf(fp, "rule %s (%s:%lu, phase %s)\n", t->rule, t->file,
                    t->line, t->phase);
            x->said_rule = 1;
        }
        fprintf(fp, "sentence %zu: ", t->sentence + 1);
        put_words(fp, a, t->first_token, t->end_token);
        putc('\n', fp);
        if (!t->indexed)
            fputs("  the rule index does not run the rule here: a word or "
                  "annotation it requires is not in the sentence\n",
                  fp);
        size_t kept = 0;
        for (size_t k = 0; k < fg_analysis_match_count(a); k++) {
            const fg_match_info *m = fg_analysis_get_match(a, k);
            if (strcmp(m->rule, t->rule) != 0 ||
                m->first_token < t->first_token ||
                m->first_token >= t->end_token)
                continue;
            kept++;
            fputs("  kept: ", fp);
            explain_match(fp, a, m, "    ");
        }
        if (t->indexed && t->matches > kept)
            fprintf(fp,
                    "  %zu match%s dropped where it overlapped a match of "
                    "another rule (factgraph extract --explain shows "
                    "what was kept)\n",
                    t->matches - kept, t->matches - kept == 1 ? "" : "es");
        if (!t->indexed && t->matches)
            fprintf(fp, "  the pattern matches here %zu time%s\n", t->matches,
                    t->matches == 1 ? "" : "s");
        if (t->matches)
            continue;
        fputs("  no match", fp);
        if (t->n_refused == 0) {
            fputs("\n", fp);
            continue;
        }
        fprintf(fp, "; the best attempt started at token %zu ",
                t->attempt_first + 1);
        put_words(fp, a, t->attempt_first, t->attempt_first + 1);
        if (t->attempt_end > t->attempt_first) {
            fputs(", matched ", fp);
            put_words(fp, a, t->attempt_first, t->attempt_end);
        }
        if (t->attempt_end < t->end_token) {
            fprintf(fp, ", and at token %zu ", t->attempt_end + 1);
            put_words(fp, a, t->attempt_end, t->attempt_end + 1);
            fputs(" failed:\n", fp);
        } else {
            fputs(", and the sentence ended where it wanted more:\n", fp);
        }
        for (size_t k = 0; k < t->n_refused; k++)
            fprintf(fp, "    line %lu <%s>\n", t->refused[k].line,
                    t->refused[k].what);
    }
    return ferror(fp) ? -1 : 0;
}

/* write_explanation as the producer of a run (of one worker). */
static int produce_explanation(void *ctx, fg_analysis *a, FILE *out,
                               FILE *err)
{
    (void)err;
    explain_ctx *x = ctx;
    x->fp = out;
    return write_explanation(x, a);
}

static int cmd_explain(int argc, char **argv)
{
    options opt;
    int status = parse_options(argc, argv, EXPLAIN_HELP, 0, &opt);
    if (status >= 0) {
        options_clear(&opt);
        return status;
    }
    if (opt.trace_rule == NULL) {
        usage_error("explain needs --rule=ID", NULL);
        options_clear(&opt);
        return FG_EXIT_USAGE;
    }
    opt.explain = 1;
    fg_diag_list *diags = NULL;
    fg_engine *engine = NULL;
    if (fg_diag_list_new(&diags) < 0 ||
        (engine = load_engine(&opt, diags)) == NULL) {
        fg_diag_list_free(diags);
        options_clear(&opt);
        return FG_EXIT_USAGE;
    }
    output out;
    if (output_open(&out, opt.output, 0) < 0) {
        fprintf(stderr, "factgraph: %s: cannot create: %s\n", opt.output,
                strerror(errno));
        fg_engine_free(engine);
        fg_diag_list_free(diags);
        options_clear(&opt);
        return FG_EXIT_USAGE;
    }
    explain_ctx x = {out.fp, 0};
    fg_sink sink = {&x, write_explanation};
    if (opt.n_inputs == 0) {
        /* The text on standard input, as one document. */
        opt.inputs = (char *[]){"-"};
        opt.input_format = FG_INPUT_TEXT;
        opt.n_inputs = 1;
        run_spec spec = {.produce = produce_explanation,
                         .produce_ctx = &x,
                         .one_worker = 1};
        status = run_documents(&opt, engine, &spec, &out);
    } else {
        fg_worker *worker = NULL;
        int rc = fg_worker_new(&worker, engine);
        for (int i = 0; rc == 0 && i < opt.n_inputs; i++) {
            fg_doc *doc = NULL;
            char id[32];
            snprintf(id, sizeof id, "sentence-%d", i + 1);
            rc = fg_doc_new(&doc, id, opt.inputs[i], strlen(opt.inputs[i]));
            if (rc == 0 && opt.date)
                rc = fg_doc_set_date(doc, opt.date);
            if (rc == 0)
                rc = fg_engine_process(engine, worker, doc, &sink, diags);
            if (flush_diags(diags))
                status = FG_EXIT_PARTIAL;
            fg_doc_free(doc);
        }
        if (rc < 0) {
            fprintf(stderr, "factgraph: %s\n", fg_strerror(rc));
            status = FG_EXIT_PARTIAL;
        } else if (status < 0) {
            status = FG_EXIT_OK;
        }
        fg_worker_free(worker);
    }
    if (output_close(&out, 1) < 0)
        status = FG_EXIT_PARTIAL;
    fg_engine_free(engine);
    fg_diag_list_free(diags);
    options_clear(&opt);
    return status;
}

/* ------------------------------------------------------------------ */

static const struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} SUBCOMMANDS[] = {
    {"extract", cmd_extract, EXTRACT_HELP},
    {"tokens", cmd_tokens, TOKENS_HELP},
    {"check-rules", cmd_check_rules, CHECK_RULES_HELP},
    {"eval", cmd_eval, EVAL_HELP},
    {"query", cmd_query, QUERY_HELP},
    {"show", cmd_show, SHOW_HELP},
    {"explain", cmd_explain, EXPLAIN_HELP},
};
#define N_SUBCOMMANDS (sizeof SUBCOMMANDS / sizeof *SUBCOMMANDS)

/* factgraph help [SUBCOMMAND]: the subcommand's help, or the overview. */
static int cmd_help(int argc, char **argv)
{
    const char *help = USAGE;
    if (argc > 2) {
        usage_error("help takes one subcommand", NULL);
        return FG_EXIT_USAGE;
    }
    if (argc == 2) {
        help = NULL;
        for (size_t i = 0; i < N_SUBCOMMANDS && help == NULL; i++)
            if (strcmp(argv[1], SUBCOMMANDS[i].name) == 0)
                help = SUBCOMMANDS[i].help;
        if (help == NULL) {
            usage_error("no such subcommand:", argv[1]);
            return FG_EXIT_USAGE;
        }
    }
    fputs(help, stdout);
    return fflush(stdout) == 0 ? FG_EXIT_OK : FG_EXIT_PARTIAL;
}

int fg_cli_main(int argc, char **argv)
{
    /* A closed pipe is reported as a write error, not a silent death. */
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2) {
        fputs(USAGE, stderr);
        return FG_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    for (size_t i = 0; i < N_SUBCOMMANDS; i++)
        if (strcmp(cmd, SUBCOMMANDS[i].name) == 0)
            return SUBCOMMANDS[i].run(argc - 1, argv + 1);
    if (strcmp(cmd, "help") == 0)
        return cmd_help(argc - 1, argv + 1);
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
        fputs(USAGE, stdout);
        return fflush(stdout) == 0 ? FG_EXIT_OK : FG_EXIT_PARTIAL;
    }
    /* Without a subcommand, the arguments are extract's; but a word that
     * is no file is more likely a mistyped subcommand. */
    if (cmd[0] != '-' && strspn(cmd, "abcdefghijklmnopqrstuvwxyz-") ==
                             strlen(cmd) &&
        access(cmd, F_OK) != 0) {
        usage_error("unknown subcommand, and no such file:", cmd);
        return FG_EXIT_USAGE;
    }
    return cmd_extract(argc, argv);
}

int main(int argc, char **argv) { return fg_cli_main(argc, argv); }
