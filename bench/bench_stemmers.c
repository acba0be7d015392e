/* Benchmark: Hunspell against Snowball as a lemma fallback, the
 * measurement doc/lexicon.md reports. Not part of the build: bench/stemmers
 * compiles it when libhunspell-dev is installed.
 *
 *   bench_stemmers DICT LEMMAS.tsv
 *
 * DICT is a Hunspell dictionary without its .aff/.dic extension
 * (/usr/share/hunspell/de_DE); LEMMAS.tsv the blind lemma list
 * (tests/morph/lemmas.tsv: FORM, LEMMA, POS, CONTEXT). Measures, each as
 * the best of several rounds:
 *  - loading: Hunspell_create on the dictionary, sb_stemmer_new("german"):
 *    the first time in the process (what a start-up pays) and the best;
 *  - the time per word of Hunspell_stem and sb_stemmer_stem over the
 *    list's forms;
 *  - how often the result is the list's lemma: Hunspell's first stem,
 *    any of its stems, and Snowball's stem, compared exactly and with
 *    case folded (the lexicon folds case: "Land" and "land" are one).
 * Prints one "key value" line each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hunspell/hunspell.h>
#include <libstemmer.h>

#define LOAD_ROUNDS 5
#define STEM_ROUNDS 20
#define MAX_WORDS 100000
#define MAX_LINE 4096

typedef struct {
    char *form, *lemma;
} item;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Lowercases ASCII and the German capitals Ä Ö Ü (UTF-8) in place: all
 * the case folding the list needs. */
static void fold(char *s)
{
    for (unsigned char *p = (unsigned char *)s; *p; p++) {
        if (*p >= 'A' && *p <= 'Z')
            *p = (unsigned char)(*p + 32);
        else if (p[0] == 0xC3 && (p[1] == 0x84 || p[1] == 0x96 ||
                                  p[1] == 0x9C))
            p[1] = (unsigned char)(p[1] + 0x20);
    }
}

static int same(const char *a, const char *b, int folded)
{
    if (!folded)
        return strcmp(a, b) == 0;
    char x[MAX_LINE], y[MAX_LINE];
    snprintf(x, sizeof x, "%s", a);
    snprintf(y, sizeof y, "%s", b);
    fold(x);
    fold(y);
    return strcmp(x, y) == 0;
}

static size_t read_list(const char *path, item *items)
{
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        perror(path);
        exit(1);
    }
    char line[MAX_LINE];
    size_t n = 0;
    while (n < MAX_WORDS && fgets(line, sizeof line, fp)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *form = strtok(line, "\t\n"), *lemma = strtok(NULL, "\t\n");
        if (form && lemma) {
            items[n].form = strdup(form);
            items[n].lemma = strdup(lemma);
            n++;
        }
    }
    fclose(fp);
    return n;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_stemmers DICT LEMMAS.tsv\n");
        return 2;
    }
    char aff[MAX_LINE], dic[MAX_LINE];
    snprintf(aff, sizeof aff, "%s.aff", argv[1]);
    snprintf(dic, sizeof dic, "%s.dic", argv[1]);
    static item items[MAX_WORDS];
    size_t n = read_list(argv[2], items);
    if (n == 0) {
        fprintf(stderr, "bench_stemmers: no words in %s\n", argv[2]);
        return 1;
    }

    /* Loading. */
    Hunhandle *h = NULL;
    double hload = 1e30, hfirst = 0;
    for (int r = 0; r < LOAD_ROUNDS; r++) {
        if (h)
            Hunspell_destroy(h);
        double t0 = now();
        h = Hunspell_create(aff, dic);
        double t = now() - t0;
        hload = t < hload ? t : hload;
        hfirst = r == 0 ? t : hfirst;
    }
    struct sb_stemmer *sb = NULL;
    double sload = 1e30, sfirst = 0;
    for (int r = 0; r < LOAD_ROUNDS; r++) {
        if (sb)
            sb_stemmer_delete(sb);
        double t0 = now();
        sb = sb_stemmer_new("german", NULL);
        double t = now() - t0;
        sload = t < sload ? t : sload;
        sfirst = r == 0 ? t : sfirst;
    }
    if (h == NULL || sb == NULL) {
        fprintf(stderr, "bench_stemmers: cannot load the stemmers\n");
        return 1;
    }

    /* Time per word. */
    double hbest = 1e30, sbest = 1e30;
    size_t sink = 0;
    for (int r = 0; r < STEM_ROUNDS; r++) {
        double t0 = now();
        for (size_t i = 0; i < n; i++) {
            char **list;
            int k = Hunspell_stem(h, &list, items[i].form);
            sink += (size_t)k;
            Hunspell_free_list(h, &list, k);
        }
        double t1 = now();
        for (size_t i = 0; i < n; i++) {
            const sb_symbol *s = sb_stemmer_stem(
                sb, (const sb_symbol *)items[i].form,
                (int)strlen(items[i].form));
            sink += s != NULL;
        }
        double t2 = now();
        hbest = t1 - t0 < hbest ? t1 - t0 : hbest;
        sbest = t2 - t1 < sbest ? t2 - t1 : sbest;
    }

    /* Stems as lemmas. */
    size_t first[2] = {0, 0}, any[2] = {0, 0}, none = 0, snow[2] = {0, 0};
    for (size_t i = 0; i < n; i++) {
        char **list;
        int k = Hunspell_stem(h, &list, items[i].form);
        none += k == 0;
        for (int folded = 0; folded < 2; folded++) {
            first[folded] += k > 0 && same(list[0], items[i].lemma, folded);
            int found = 0;
            for (int j = 0; j < k; j++)
                found |= same(list[j], items[i].lemma, folded);
            any[folded] += (size_t)found;
            const sb_symbol *s = sb_stemmer_stem(
                sb, (const sb_symbol *)items[i].form,
                (int)strlen(items[i].form));
            snow[folded] += s && same((const char *)s, items[i].lemma, folded);
        }
        Hunspell_free_list(h, &list, k);
    }

    printf("words %zu\n", n);
    printf("hunspell_load_first_ms %.1f\n", hfirst * 1e3);
    printf("hunspell_load_ms %.1f\n", hload * 1e3);
    printf("hunspell_stem_us_per_word %.2f\n", hbest / (double)n * 1e6);
    printf("hunspell_no_stem %.3f\n", (double)none / (double)n);
    printf("hunspell_first_stem_is_lemma %.3f\n", (double)first[0] / (double)n);
    printf("hunspell_first_stem_is_lemma_folded %.3f\n",
           (double)first[1] / (double)n);
    printf("hunspell_some_stem_is_lemma %.3f\n", (double)any[0] / (double)n);
    printf("hunspell_some_stem_is_lemma_folded %.3f\n",
           (double)any[1] / (double)n);
    printf("snowball_load_first_us %.1f\n", sfirst * 1e6);
    printf("snowball_load_us %.1f\n", sload * 1e6);
    printf("snowball_stem_us_per_word %.2f\n", sbest / (double)n * 1e6);
    printf("snowball_stem_is_lemma_folded %.3f\n", (double)snow[1] / (double)n);
    if (sink == 0) /* keeps the timed calls */
        printf("(no stems)\n");
    Hunspell_destroy(h);
    sb_stemmer_delete(sb);
    for (size_t i = 0; i < n; i++) {
        free(items[i].form);
        free(items[i].lemma);
    }
    return 0;
}
