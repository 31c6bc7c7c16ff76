#define _GNU_SOURCE
#include <locale.h>
#include <string.h>
#include <pthread.h>
#include <wchar.h>
#include <stdatomic.h>
#include "CTownsText.h"

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
