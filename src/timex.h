/* timex: time expressions, normalised against the document date
 * (DESIGN.md, numbers and timex; in the spirit of HeidelTime's German
 * rules).
 *
 * Reads, at a token of a sentence, one time expression: absolute ones
 * ("28. November 2026", "28.11.2026", "2026-11-28", "März 2025", "2024",
 * "Jahr 2024", "Ende 2025", "Anfang März 2025", "Sommer 2025") and
 * relative ones ("heute", "gestern Abend", "Montag", "kommenden Montag",
 * "vergangene Woche", "im vergangenen Jahr" without "im", "Anfang Juni",
 * "nächsten Monat", "Ende des Jahres", "im März" without "im", "28.
 * November", "des Vorjahres", "vor drei Tagen"). A leading preposition
 * (am, im, seit, bis, ab, vom, zum, in, an, um) is not part of the
 * expression, so the caller, which tries every token, finds "am Montag"
 * at "Montag"; an article or adjective is ("des vergangenen Jahres").
 * Absolute expressions always get a value; relative ones get one only
 * when the document has a date (JSON Lines "date", or --date), and
 * otherwise keep only their text. The value is canonical, with the
 * precision of its datatype: xsd:date (day), xsd:gYearMonth (month),
 * xsd:gYear (year); an expression more precise than a month but less than
 * a day ("vergangene Woche", "Anfang Juni", "24. und 25. Mai") takes the
 * month, and a season its year. timex.c lists the judgement calls (bare
 * years, weekdays, two-digit years, "Morgen").
 * Pure functions of the tokens, no allocation: thread-safe. */
#ifndef FG_TIMEX_H
#define FG_TIMEX_H

#include <stddef.h>
#include <stdint.h>

#include "facts.h"
#include "factgraph.h"

typedef struct fg_timex {
    uint32_t end;          /* one past the last token of the expression */
    int relative;          /* needs the document date to be resolved */
    int resolved;          /* value is set (always, unless relative and
                              the document has no valid date) */
    fg_literal_type type;  /* FG_LITERAL_DATE, _YEAR_MONTH or _YEAR: the
                              precision, set even when not resolved */
    char value[11];        /* "2026-11-28", "2026-11", "2026"; "" when not
                              resolved */
} fg_timex;

/* Reads the time expression that starts at token i of tok[0..n), the
 * tokens of one sentence, over the document text (which may be NULL: the
 * token norms suffice); doc_date is the document's date "YYYY-MM-DD", or
 * NULL (a string that is not a valid date counts as NULL). Returns 1 and
 * fills *out, or 0 when no time expression starts at i (also when i >= n,
 * or when the value would fall outside the years 1..9999); then *out is
 * unspecified. */
int fg_timex_at(const fg_token *tok, size_t n, size_t i, const char *text,
                const char *doc_date, fg_timex *out);

#endif
