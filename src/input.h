/* input: documents from files, directories, stdin and JSON Lines.
 *
 * The public part (fg_doc, fg_input) is in factgraph.h. A document owns
 * its bytes, id and metadata; fg_input_next hands each one to the caller,
 * who frees it. */
#ifndef FG_INPUT_H
#define FG_INPUT_H

#include "factgraph.h"

/* Whether s is a valid calendar date written YYYY-MM-DD. */
int fg_input_valid_date(const char *s);

#endif
