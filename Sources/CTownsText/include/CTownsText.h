#ifndef CTOWNSTEXT_H
#define CTOWNSTEXT_H
#include <stddef.h>
#include <stdint.h>

/// Display width, in terminal cells, of one Unicode scalar as glibc's wcwidth() reports it
/// under the C.UTF-8 locale (every glibc UTF-8 locale shares this table, and ncursesw uses
/// wcwidth under the program's UTF-8 locale to place characters).
/// Returns 0 for combining marks, 1 or 2 for printable characters, and -1 for control
/// characters and code points wcwidth calls non-printable. Thread-safe: the locale is
/// switched only for the calling thread (uselocale), never globally.
int towns_scalar_width(uint32_t scalar);

/// Whether the `needle_length` bytes at `needle` occur in the `haystack_length` bytes at
/// `haystack` (glibc's memmem, which Swift's Glibc module does not show). 1 or 0; an empty
/// needle occurs everywhere.
int towns_bytes_contain(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// The first offset at or after `from` and before `end` of `base` where the `needle_length`
/// bytes at `needle` lie whole below `end`, or -1 (an empty needle: `from`, when `from <= end`).
/// Looks for the needle's first two bytes together, sixteen offsets a step (SSE2 where the
/// machine has it), so a first byte common in the text (a search text's byte 2, before each
/// syllable's pinyin) costs no call per occurrence.
long towns_find_bytes(const void *base, size_t from, size_t end, const void *needle, size_t needle_length);

#endif
