/* text: see text.h. */
#include "config.h"

#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "factgraph.h"
#include "text.h"
#include "utf8.h"

/* Code points are counted from a checkpoint every CHECKPOINT bytes, so
 * an offset lookup reads at most that many bytes. */
#define CHECKPOINT_SHIFT 10

struct fg_nfc_segment {
    size_t start, end;     /* bytes of the text */
    size_t cp_text, cp_nfc; /* code points before and after NFC */
    ptrdiff_t delta;        /* cp_nfc - cp_text, summed up to this one */
};

static const char BOM[] = "\xEF\xBB\xBF";

/* ------------------------------------------------------------------ */
/* Repair                                                              */

int fg_text_repair(fg_text *t, const char *raw, size_t len, fg_arena *arena)
{
    memset(t, 0, sizeof *t);
    t->first_bad = FG_NO_OFFSET;
    size_t start = 0;
    if (len >= 3 && memcmp(raw, BOM, 3) == 0)
        start = t->skipped = 3;

    /* Find the first byte that needs repair; usually there is none and the
     * raw bytes are the text. */
    size_t pos = start, clean_end = len;
    while (pos < len) {
        /* Eight ASCII bytes without NUL at a time. */
        while (len - pos >= 8) {
            uint64_t w;
            memcpy(&w, raw + pos, 8);
            if ((w & 0x8080808080808080ull) ||
                ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull))
                break;
            pos += 8;
        }
        if (pos >= len)
            break;
        size_t at = pos;
        int valid;
        int32_t cp = fg_utf8_next(raw, len, &pos, &valid);
        if (!valid || cp == 0) {
            clean_end = at;
            break;
        }
    }
    if (clean_end == len) {
        t->data = raw + start;
        t->len = len - start;
        return 0;
    }

    /* Each bad byte becomes the three bytes of U+FFFD. */
    size_t cap = (clean_end - start) + (len - clean_end) * 3 + 1;
    char *out = fg_arena_alloc(arena, cap);
    if (out == NULL)
        return FG_ENOMEM;
    size_t n = clean_end - start;
    memcpy(out, raw + start, n);
    pos = clean_end;
    while (pos < len) {
        size_t at = pos;
        int valid;
        int32_t cp = fg_utf8_next(raw, len, &pos, &valid);
        if (!valid) {
            if (t->bad_bytes++ == 0)
                t->first_bad = at;
            n += (size_t)utf8proc_encode_char(FG_UTF8_REPLACEMENT,
                                              (utf8proc_uint8_t *)out + n);
        } else if (cp == 0) {
            t->nul_bytes++;
            out[n++] = ' ';
        } else {
            memcpy(out + n, raw + at, pos - at);
            n += pos - at;
        }
    }
    out[n] = '\0';
    t->data = out;
    t->len = n;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Token norms                                                         */

void fg_norm_scratch_clear(fg_norm_scratch *s)
{
    fg_free(s->cps);
    s->cps = NULL;
    s->cap = 0;
}

/* Case folding of U+0080..U+00FF, which are all NFC on their own and
 * never combine with what precedes them. Returns the number of bytes
 * written to out (at most 2). */
static size_t fold_latin1(int32_t cp, char *out)
{
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
        cp += 0x20;
    else if (cp == 0xDF) {
        out[0] = 's';
        out[1] = 's';
        return 2;
    } else if (cp == 0xB5)
        cp = 0x3BC; /* MICRO SIGN folds to GREEK SMALL LETTER MU */
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

int fg_text_norm(const char *s, size_t len, fg_norm_scratch *scratch,
                 fg_arena *arena, const char **out, size_t *len_out)
{
    /* Fast path: every code point below U+0100. The result is at most
     * twice as long (ß to ss is the only growth, 2 bytes to 2). */
    char *dst = fg_arena_alloc(arena, len * 2 + 1);
    if (dst == NULL)
        return FG_ENOMEM;
    size_t pos = 0, n = 0;
    while (pos < len) {
        unsigned char c = (unsigned char)s[pos];
        if (c < 0x80) {
            dst[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            pos++;
        } else if (c == 0xC2 || c == 0xC3) {
            int32_t cp = fg_utf8_decode(s, len, &pos);
            n += fold_latin1(cp, dst + n);
        } else {
            break;
        }
    }
    if (pos == len) {
        dst[n] = '\0';
        *out = dst;
        *len_out = n;
        return 0;
    }

    /* General case: utf8proc's decomposition with case folding, then
     * composition, in the worker's scratch to avoid a malloc per token. */
    const int opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    utf8proc_ssize_t ncp = (utf8proc_ssize_t)scratch->cap;
    for (;;) {
        ncp = utf8proc_decompose((const utf8proc_uint8_t *)s,
                                 (utf8proc_ssize_t)len,
                                 (utf8proc_int32_t *)scratch->cps,
                                 (utf8proc_ssize_t)scratch->cap, opts);
        if (ncp < 0)
            return FG_ENOMEM; /* the text is valid: only memory can fail */
        if ((size_t)ncp <= scratch->cap)
            break;
        if (fg_grow((void **)&scratch->cps, &scratch->cap, (size_t)ncp,
                    sizeof *scratch->cps) < 0)
            return FG_ENOMEM;
    }
    /* Romanian s and t with a comma below are often written with the
     * cedilla (Turkish) letters, which look the same: "Chişinău" and
     * "Chișinău" are one name, so both fold to the comma below. The
     * code points are decomposed here (and composed on reencoding):
     * s or t, then COMBINING CEDILLA, becomes COMBINING COMMA BELOW. */
    for (utf8proc_ssize_t k = 1; k < ncp; k++)
        if (scratch->cps[k] == 0x0327 &&
            (scratch->cps[k - 1] == 's' || scratch->cps[k - 1] == 't'))
            scratch->cps[k] = 0x0326;
    utf8proc_ssize_t nbytes =
        utf8proc_reencode((utf8proc_int32_t *)scratch->cps, ncp, opts);
    if (nbytes < 0)
        return FG_ENOMEM;
    char *res = fg_arena_strndup(arena, (const char *)scratch->cps,
                                 (size_t)nbytes);
    if (res == NULL)
        return FG_ENOMEM;
    *out = res;
    *len_out = (size_t)nbytes;
    return 0;
}

/* ------------------------------------------------------------------ */
/* NFC and the offset map                                              */

/* Code points that are NFC on their own and never combine with what is
 * before them: the Latin letters German and its neighbours use, general
 * punctuation and the euro sign. */
static int nfc_stable(int32_t cp)
{
    return (cp >= 0x80 && cp < 0x180) || (cp >= 0x2000 && cp < 0x2070) ||
           cp == 0x20AC || cp == FG_UTF8_REPLACEMENT;
}

/* NFC of s[0..len) and its length in code points, or -1 on failure. The
 * result is malloc'd by utf8proc (free with free) and stored in *nfc_out
 * unless that is NULL. */
static utf8proc_ssize_t nfc_map(const char *s, size_t len, char **nfc_out,
                                size_t *cp_out)
{
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
                                      (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        return -1;
    *cp_out = fg_utf8_count((const char *)nfc, (size_t)n);
    if (nfc_out)
        *nfc_out = (char *)nfc;
    else
        free(nfc);
    return n;
}

int fg_text_prepare_nfc(fg_text *t, fg_arena *arena)
{
    if (t->nfc_ready)
        return 0;
    int rc = FG_ENOMEM;
    char **seg_nfc = NULL; /* NFC bytes of each segment, from utf8proc */
    size_t *seg_nfc_len = NULL, seg_cap = 0, seg_len_cap = 0, n_seg = 0;
    fg_nfc_segment *segs = NULL;
    size_t segs_cap = 0;

    size_t n_ck = (t->len >> CHECKPOINT_SHIFT) + 1;
    size_t *ck = fg_arena_alloc(arena, n_ck * sizeof *ck);
    if (ck == NULL)
        goto fail;
    size_t cps = 0;
    for (size_t i = 0; i <= t->len; i++) {
        if ((i & ((1u << CHECKPOINT_SHIFT) - 1)) == 0)
            ck[i >> CHECKPOINT_SHIFT] = cps;
        if (i < t->len)
            cps += ((unsigned char)t->data[i] & 0xC0) != 0x80;
    }

    /* Nothing composes with a code point before an ASCII character, so
     * the text splits into independent segments at ASCII characters:
     * each run of non-ASCII code points with the ASCII one before it. */
    size_t pos = 0;
    while (pos < t->len) {
        if ((unsigned char)t->data[pos] < 0x80) {
            pos++;
            continue;
        }
        size_t run = pos, stable = 1;
        while (pos < t->len && (unsigned char)t->data[pos] >= 0x80) {
            int32_t cp = fg_utf8_decode(t->data, t->len, &pos);
            stable &= nfc_stable(cp);
        }
        if (stable)
            continue;
        size_t start = run > 0 ? run - 1 : run;
        char *nfc = NULL;
        size_t cp_nfc;
        utf8proc_ssize_t nlen = nfc_map(t->data + start, pos - start, &nfc,
                                        &cp_nfc);
        if (nlen < 0)
            goto fail;
        if ((size_t)nlen == pos - start &&
            memcmp(nfc, t->data + start, pos - start) == 0) {
            free(nfc);
            continue;
        }
        if (fg_grow((void **)&segs, &segs_cap, n_seg + 1, sizeof *segs) < 0 ||
            fg_grow((void **)&seg_nfc, &seg_cap, n_seg + 1,
                    sizeof *seg_nfc) < 0 ||
            fg_grow((void **)&seg_nfc_len, &seg_len_cap, n_seg + 1,
                    sizeof *seg_nfc_len) < 0) {
            free(nfc);
            goto fail;
        }
        size_t cp_text = fg_utf8_count(t->data + start, pos - start);
        segs[n_seg] = (fg_nfc_segment){
            .start = start,
            .end = pos,
            .cp_text = cp_text,
            .cp_nfc = cp_nfc,
            .delta = (n_seg ? segs[n_seg - 1].delta : 0) +
                     ((ptrdiff_t)cp_nfc - (ptrdiff_t)cp_text),
        };
        seg_nfc[n_seg] = nfc;
        seg_nfc_len[n_seg] = (size_t)nlen;
        n_seg++;
    }

    if (n_seg == 0) {
        t->nfc = t->data;
        t->nfc_len = t->len;
    } else {
        size_t total = t->len;
        for (size_t i = 0; i < n_seg; i++)
            total = total - (segs[i].end - segs[i].start) + seg_nfc_len[i];
        char *nfc = fg_arena_alloc(arena, total + 1);
        fg_nfc_segment *kept = fg_arena_alloc(arena, n_seg * sizeof *kept);
        if (nfc == NULL || kept == NULL)
            goto fail;
        size_t from = 0, n = 0;
        for (size_t i = 0; i < n_seg; i++) {
            memcpy(nfc + n, t->data + from, segs[i].start - from);
            n += segs[i].start - from;
            memcpy(nfc + n, seg_nfc[i], seg_nfc_len[i]);
            n += seg_nfc_len[i];
            from = segs[i].end;
        }
        memcpy(nfc + n, t->data + from, t->len - from);
        n += t->len - from;
        nfc[n] = '\0';
        memcpy(kept, segs, n_seg * sizeof *kept);
        t->nfc = nfc;
        t->nfc_len = n;
        t->segments = kept;
    }
    t->n_segments = n_seg;
    t->checkpoints = ck;
    /* Code points to bytes in the NFC text, for slicing it. */
    size_t nfc_cps = fg_utf8_count(t->nfc, t->nfc_len);
    size_t *nb = fg_arena_alloc(
        arena, ((nfc_cps >> CHECKPOINT_SHIFT) + 1) * sizeof *nb);
    if (nb == NULL)
        goto fail;
    for (size_t i = 0, cp = 0; i <= t->nfc_len; i++) {
        if (i < t->nfc_len && ((unsigned char)t->nfc[i] & 0xC0) == 0x80)
            continue;
        if ((cp & ((1u << CHECKPOINT_SHIFT) - 1)) == 0)
            nb[cp >> CHECKPOINT_SHIFT] = i;
        cp++;
    }
    t->nfc_bytes = nb;
    t->nfc_cps = nfc_cps;
    t->nfc_ready = 1;
    rc = 0;
fail:
    for (size_t i = 0; i < n_seg; i++)
        free(seg_nfc[i]);
    fg_free(seg_nfc);
    fg_free(seg_nfc_len);
    fg_free(segs);
    return rc;
}

size_t fg_text_nfc_byte(const fg_text *t, size_t cp)
{
    assert(t->nfc_ready);
    if (cp > t->nfc_cps)
        cp = t->nfc_cps;
    size_t byte = t->nfc_bytes[cp >> CHECKPOINT_SHIFT];
    for (size_t k = cp & ~(((size_t)1 << CHECKPOINT_SHIFT) - 1); k < cp; k++) {
        byte++;
        while (byte < t->nfc_len && ((unsigned char)t->nfc[byte] & 0xC0) == 0x80)
            byte++;
    }
    return byte;
}

int fg_text_nfc_offset(const fg_text *t, size_t pos, size_t *out)
{
    assert(t->nfc_ready);
    if (pos > t->len)
        pos = t->len;
    size_t base = pos & ~(((size_t)1 << CHECKPOINT_SHIFT) - 1);
    size_t cp = t->checkpoints[base >> CHECKPOINT_SHIFT] +
                fg_utf8_count(t->data + base, pos - base);

    /* Add what NFC changed before pos: whole segments, and the part of a
     * segment that pos falls into. */
    size_t lo = 0, hi = t->n_segments;
    while (lo < hi) { /* first segment with end > pos */
        size_t mid = lo + (hi - lo) / 2;
        if (t->segments[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0)
        cp = (size_t)((ptrdiff_t)cp + t->segments[lo - 1].delta);
    if (lo < t->n_segments && t->segments[lo].start < pos) {
        const fg_nfc_segment *s = &t->segments[lo];
        size_t cp_nfc;
        if (nfc_map(t->data + s->start, pos - s->start, NULL, &cp_nfc) < 0)
            return FG_ENOMEM;
        cp = cp - fg_utf8_count(t->data + s->start, pos - s->start) + cp_nfc;
    }
    *out = cp;
    return 0;
}
