/* text: the document text and its normal forms.
 *
 * fg_text_repair turns a document's raw bytes into the document text of
 * DESIGN.md once: a BOM skipped, every invalid UTF-8 byte replaced by
 * U+FFFD, NUL by a space. Everything later points into that text by byte
 * offset and never rewrites it. When nothing needs repair the text is the
 * raw bytes themselves (no copy), so the raw bytes must outlive it.
 *
 * Normal forms are keys beside the text, never replacements:
 * fg_text_norm gives the NFC case-folded form of a span (token norms),
 * and fg_text_prepare_nfc builds the NFC form of the whole text with the
 * map from byte offsets to NFC code points that NIF output needs.
 * Memory comes from the caller's arena. */
#ifndef FG_TEXT_H
#define FG_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct fg_nfc_segment fg_nfc_segment;

typedef struct fg_text {
    const char *data; /* the document text, valid UTF-8 without NUL */
    size_t len;
    size_t bad_bytes;  /* invalid bytes replaced */
    size_t first_bad;  /* raw offset of the first one, or FG_NO_OFFSET */
    size_t nul_bytes;  /* NULs replaced by spaces */
    size_t skipped;    /* bytes of a BOM skipped at the start */

    /* Filled by fg_text_prepare_nfc. */
    int nfc_ready;
    const char *nfc;
    size_t nfc_len;
    size_t *checkpoints;     /* code points before every CHECKPOINT bytes */
    size_t *nfc_bytes;       /* byte offset in nfc of every CHECKPOINT-th
                                code point */
    size_t nfc_cps;          /* code points in nfc */
    fg_nfc_segment *segments; /* spans whose NFC differs, in order */
    size_t n_segments;
} fg_text;

/* Scratch for fg_text_norm, one per worker. */
typedef struct fg_norm_scratch {
    int32_t *cps;
    size_t cap;
} fg_norm_scratch;

void fg_norm_scratch_clear(fg_norm_scratch *s);

/* Fills t from raw[0..len). Returns 0 or FG_ENOMEM. */
int fg_text_repair(fg_text *t, const char *raw, size_t len, fg_arena *arena);

/* The NFC case-folded form of valid UTF-8 s[0..len), NUL-terminated, in
 * the arena. ASCII and Latin-1 take a fast path that gives the same
 * result as utf8proc. Returns 0 or FG_ENOMEM. */
int fg_text_norm(const char *s, size_t len, fg_norm_scratch *scratch,
                 fg_arena *arena, const char **out, size_t *len_out);

/* Builds t->nfc and the offset map. Idempotent. Returns 0 or FG_ENOMEM. */
int fg_text_prepare_nfc(fg_text *t, fg_arena *arena);

/* The byte offset in t->nfc of code point cp (at most t->nfc_cps). Needs
 * fg_text_prepare_nfc. */
size_t fg_text_nfc_byte(const fg_text *t, size_t cp);

/* The position in code points of t->nfc that corresponds to byte offset
 * pos of the text (a token boundary). Needs fg_text_prepare_nfc. Returns
 * 0 or FG_ENOMEM. */
int fg_text_nfc_offset(const fg_text *t, size_t pos, size_t *out);

#endif
