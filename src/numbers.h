/* numbers: numeric values and their qualifiers (DESIGN.md, numbers).
 *
 * Reads, at a token of a sentence, one number expression: digits with
 * German separators ("73.000", "1,5", "2.500,75"), number words ("zwei",
 * "dreißig", "hundert", "zweihundertfünfzig", "eine Million"), digits or
 * words with a multiplier word ("1,5 Millionen", "drei Milliarden",
 * "zwei Dutzend"), and the qualifier in front of it ("rund", "etwa",
 * "ca.", "über", "mehr als", "knapp", "fast", "bis zu", "mindestens",
 * "genau"). The value is exact: a canonical xsd:integer or xsd:decimal
 * lexical form, never a floating-point approximation. The engine makes
 * each expression an annotation of type Number; resolve reads counts of
 * groups from them. Pure functions of the tokens: thread-safe. */
#ifndef FG_NUMBERS_H
#define FG_NUMBERS_H

#include <stddef.h>
#include <stdint.h>

#include "facts.h"
#include "factgraph.h"

/* The longest canonical value: digits, a point, and the NUL. */
#define FG_NUMBER_MAX 48

typedef struct fg_number {
    uint32_t end;            /* one past the last token of the expression */
    uint32_t value_first;    /* first token of the number, after the
                                qualifier */
    fg_qualifier qualifier;  /* FG_QUALIFIER_NONE without one */
    fg_literal_type type;    /* FG_LITERAL_INTEGER or FG_LITERAL_DECIMAL */
    char value[FG_NUMBER_MAX]; /* canonical: "73000", "1.5", "1500000" */
} fg_number;

/* Reads the number expression that starts at token i of tok[0..n), the
 * tokens of one sentence, over the document text. Returns 1 and fills
 * *out (end and value_first are indexes into tok, like i), or 0 when no
 * number expression starts at i (and then *out is unspecified). Nothing
 * is allocated. text may be NULL: digits are then read from the norms,
 * and phone numbers are not told from counts.
 *
 * What is read, and what is not:
 * - A qualifier at i belongs to the expression only when a number
 *   follows ("über 500": the expression starts at "über", value_first is
 *   "500"); "über die Lage" is no expression at "über". At the number
 *   itself (i at "500") the expression has no qualifier, and at "mehr"
 *   of "nicht mehr als 50" it is Over: read from the left, and go on at
 *   end. "gut 200" is Over (a good 200); "unter" is no qualifier (it is
 *   also "among").
 * - Digits: groups of three after thousands points, a decimal comma.
 *   Ill-grouped digits ("1.00", "20.15"), dates ("28.11.2026"), times
 *   ("14:30", "9 Uhr"), scores ("2:1"), ordinals ("3."), codes with a
 *   leading zero ("0049") and runs of digit groups such as phone numbers
 *   ("+49 30 1234567") are no number. Signs are not read: values are
 *   never negative. A year ("2024") is a number; the caller decides.
 * - Words: cardinals written as one word below a million, "anderthalb",
 *   "eineinhalb", "zweieinhalb". A bare article ("ein", "eine", "einen")
 *   is no number, nor is a bare "eins"; plurals ("Hunderte", "Tausende",
 *   "Dutzende", "Millionen" alone) have no exact value.
 * - Multipliers after a number or an article: Tausend, Tsd., Million(en),
 *   Mio., Milliarde(n), Mrd., Billion(en) (10^12), Dutzend; at most two
 *   ("ein Dutzend Millionen"). "eine halbe Million" is 500000.
 * - A following "%" or "Prozent" is not part of the expression: end
 *   stops before it, and the value is the number as written.
 *
 * The type: a number written with a decimal comma (or "einhalb") stays a
 * decimal ("2,0" is "2.0", "1,50" is "1.5"); after a multiplier a whole
 * value is an integer ("1,5 Millionen" is "1500000"). The value is exact
 * or absent: a number that does not fit 64 bits as digits without the
 * point, or has more than 19 decimal places, is no number rather than a
 * rounded one. Every value is its own canonical form for fg_literal_make
 * (src/facts.c). */
int fg_number_at(const fg_token *tok, size_t n, size_t i, const char *text,
                 fg_number *out);

#endif
