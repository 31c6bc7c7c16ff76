#define _GNU_SOURCE
#include <locale.h>
#include <string.h>
#include <pthread.h>
#include <wchar.h>
#include <stdatomic.h>
#include "CTownsText.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static locale_t utf8_locale = (locale_t)0;
static pthread_once_t utf8_once = PTHREAD_ONCE_INIT;

static void open_utf8_locale(void) {
    utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

/* The width of each scalar of the Basic Multilingual Plane once asked, plus 2 (0: not yet
   asked), so that a name of Chinese characters is measured without switching the thread's
   locale per character (uselocale and wcwidth were most of measuring 10,000 town names).
   wcwidth's answers under C.UTF-8 never change within a process; racing threads store the
   same value. 64 KiB of zeroes, only the pages of the scalars asked about ever touched. */
static _Atomic signed char bmp_widths[0x10000];

static int scalar_width_uncached(uint32_t scalar);

int towns_scalar_width(uint32_t scalar) {
    if (scalar >= 0x20 && scalar < 0x7f) return 1;
    if (scalar < 0x20 || scalar == 0x7f) return -1;
    if (scalar < 0x10000) {
        int known = atomic_load_explicit(&bmp_widths[scalar], memory_order_relaxed);
        if (known != 0) return known - 2;
        int width = scalar_width_uncached(scalar);
        atomic_store_explicit(&bmp_widths[scalar], (signed char)(width + 2), memory_order_relaxed);
        return width;
    }
    return scalar_width_uncached(scalar);
}

static int scalar_width_uncached(uint32_t scalar) {
    pthread_once(&utf8_once, open_utf8_locale);
    if (utf8_locale == (locale_t)0) {
        /* No UTF-8 locale at all (not seen on glibc >= 2.35, where C.UTF-8 is built in). */
        return -1;
    }
    locale_t previous = uselocale(utf8_locale);
    int width = wcwidth((wchar_t)scalar);
    uselocale(previous);
    return width;
}

int towns_bytes_contain(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    if (needle_length == 0) return 1;
    return memmem(haystack, haystack_length, needle, needle_length) != NULL;
}

long towns_find_bytes(const void *base, size_t from, size_t end, const void *needle, size_t needle_length) {
    const unsigned char *b = base, *n = needle;
    if (from > end) return -1;
    if (needle_length == 0) return (long)from;
    if (end - from < needle_length) return -1;
    if (needle_length == 1) {
        const unsigned char *hit = memchr(b + from, n[0], end - from);
        return hit ? (long)(hit - b) : -1;
    }
    /* Every offset at or below `last` has room for the whole needle. */
    size_t at = from, last = end - needle_length;
#if defined(__SSE2__)
    const __m128i first = _mm_set1_epi8((char)n[0]), second = _mm_set1_epi8((char)n[1]);
    /* Sixteen offsets at a time, while the second bytes' load (at + 1 ... at + 16) stays below end. */
    while (at + 17 <= end) {
        __m128i here = _mm_loadu_si128((const __m128i *)(b + at));
        __m128i next = _mm_loadu_si128((const __m128i *)(b + at + 1));
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(here, first),
                                                                  _mm_cmpeq_epi8(next, second)));
        while (mask) {
            size_t p = at + (size_t)__builtin_ctz(mask);
            if (p > last) return -1;
            if (needle_length == 2 || memcmp(b + p + 2, n + 2, needle_length - 2) == 0) return (long)p;
            mask &= mask - 1;
        }
        at += 16;
    }
#endif
    for (; at <= last; at++) {
        if (b[at] == n[0] && b[at + 1] == n[1]
            && (needle_length == 2 || memcmp(b + at + 2, n + 2, needle_length - 2) == 0)) return (long)at;
    }
    return -1;
}
