/* morph: see morph.h. */
#include "config.h"

#include "alloc.h"
#include "morph.h"

void fg_morph_vec_clear(fg_morph_vec *v)
{
    fg_free(v->items);
    v->items = NULL;
    v->cap = 0;
}

int fg_morph_analyse(fg_morph_vec *v, const fg_token *tokens, size_t n,
                     const char *text, fg_norm_scratch *norm,
                     fg_arena *arena)
{
    if (fg_grow((void **)&v->items, &v->cap, n ? n : 1, sizeof *v->items) < 0)
        return FG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const fg_token *t = &tokens[i];
        fg_morph *m = &v->items[i];
        m->lemma = m->stem = m->head = t->norm;
        m->lemma_len = m->stem_len = m->head_len = t->norm_len;
        if (t->n_parts > 1) {
            const fg_span *last = &t->parts[t->n_parts - 1];
            size_t len;
            if (fg_text_norm(text + last->start, last->end - last->start,
                             norm, arena, &m->head, &len) < 0)
                return FG_ENOMEM;
            m->head_len = (uint32_t)len;
        }
    }
    return 0;
}
