#include <string.h>
#include "CTownsSnapshot.h"

static inline uint32_t entry(const unsigned char *offsets, long i) {
    uint32_t v;
    memcpy(&v, offsets + i * 4, 4);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    return v;
}

long towns_check_offset_order(const unsigned char *offsets, long first, long end, long stride,
                              unsigned long records_count, uint32_t *last) {
    uint32_t l = *last;
    for (long i = first; i < end; i++) {
        uint32_t o = entry(offsets, i);
        if (!((o >= l || i % stride == 0) && (unsigned long)o <= records_count)) return i;
        l = o;
    }
    *last = l;
    return -1;
}

/// The LEB128 number at `*p` (moved past it); 0 when it runs past `end` or beyond 64 bits.
static inline int number(const unsigned char *bytes, long *p, long end, uint64_t *out) {
    uint64_t result = 0;
    unsigned shift = 0;
    while (*p < end) {
        unsigned char b = bytes[*p];
        *p += 1;
        if (shift >= 64) return 0;
        result |= (uint64_t)(b & 0x7F) << shift;
        if (b < 0x80) {
            *out = result;
            return 1;
        }
        shift += 7;
    }
    return 0;
}

int towns_check_town_records(const unsigned char *records, const unsigned char *offsets, long row, long slots,
                             uint64_t measure_count) {
    long end = row + slots;
    long p = (long)entry(offsets, row), stop = (long)entry(offsets, end);
    long boundary = row + 1;  // the next period's first offset not yet met
    while (p < stop) {
        while (boundary < end && (long)entry(offsets, boundary) <= p) {
            if ((long)entry(offsets, boundary) != p) return 1;
            boundary += 1;
        }
        uint64_t measure, length;
        if (!number(records, &p, stop, &measure)) return 2;
        if (measure >= measure_count) return 3;
        if (!number(records, &p, stop, &length) || length > (uint64_t)(stop - p)) return 4;
        p += (long)length;
    }
    uint32_t last = entry(offsets, end);
    while (boundary < end) {
        if (entry(offsets, boundary) != last) return 1;
        boundary += 1;
    }
    return 0;
}
