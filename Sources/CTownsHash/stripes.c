#include "CTownsHash.h"

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2")))
static void stripes_avx2(uint64_t lanes[8], const unsigned char *p, size_t count, uint64_t n,
                         const uint64_t first[8], const uint64_t step[8]) {
    uint64_t k[8];
    for (int i = 0; i < 8; i++) k[i] = first[i] + step[i] * n;
    __m256i a0 = _mm256_loadu_si256((const __m256i *)lanes);
    __m256i a1 = _mm256_loadu_si256((const __m256i *)(lanes + 4));
    __m256i k0 = _mm256_loadu_si256((const __m256i *)k);
    __m256i k1 = _mm256_loadu_si256((const __m256i *)(k + 4));
    const __m256i s0 = _mm256_loadu_si256((const __m256i *)step);
    const __m256i s1 = _mm256_loadu_si256((const __m256i *)(step + 4));
    const __m256i prime = _mm256_set1_epi64x(0x9E3779B1);
    unsigned place = (unsigned)(n & 15);
    for (size_t i = 0; i < count; i++, p += 64) {
        __m256i w0 = _mm256_loadu_si256((const __m256i *)p);
        __m256i w1 = _mm256_loadu_si256((const __m256i *)(p + 32));
        // a[j] += lo32(w[j] ^ k[j]) * hi32(w[j] ^ k[j]) + w[j ^ 1]
        __m256i x0 = _mm256_xor_si256(w0, k0), x1 = _mm256_xor_si256(w1, k1);
        __m256i m0 = _mm256_mul_epu32(x0, _mm256_srli_epi64(x0, 32));
        __m256i m1 = _mm256_mul_epu32(x1, _mm256_srli_epi64(x1, 32));
        a0 = _mm256_add_epi64(a0, _mm256_add_epi64(m0, _mm256_shuffle_epi32(w0, 0x4E)));
        a1 = _mm256_add_epi64(a1, _mm256_add_epi64(m1, _mm256_shuffle_epi32(w1, 0x4E)));
        k0 = _mm256_add_epi64(k0, s0);
        k1 = _mm256_add_epi64(k1, s1);
        if (++place == 16) {
            place = 0;
            // a = (a ^ (a >> 47) ^ s) * 0x9E3779B1 (mod 2^64): the low and high halves times it.
            __m256i t0 = _mm256_xor_si256(_mm256_xor_si256(a0, _mm256_srli_epi64(a0, 47)), s0);
            __m256i t1 = _mm256_xor_si256(_mm256_xor_si256(a1, _mm256_srli_epi64(a1, 47)), s1);
            a0 = _mm256_add_epi64(_mm256_mul_epu32(t0, prime),
                                  _mm256_slli_epi64(_mm256_mul_epu32(_mm256_srli_epi64(t0, 32), prime), 32));
            a1 = _mm256_add_epi64(_mm256_mul_epu32(t1, prime),
                                  _mm256_slli_epi64(_mm256_mul_epu32(_mm256_srli_epi64(t1, 32), prime), 32));
        }
    }
    _mm256_storeu_si256((__m256i *)lanes, a0);
    _mm256_storeu_si256((__m256i *)(lanes + 4), a1);
}
#endif

int towns_wide_stripes(uint64_t lanes[8], const void *bytes, size_t count, uint64_t stripes,
                       const uint64_t first[8], const uint64_t step[8]) {
#if defined(__x86_64__)
    // Asked once; threads asking at once all find the same answer.
    static int avx2 = -1;
    int known = __atomic_load_n(&avx2, __ATOMIC_RELAXED);
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx2") ? 1 : 0;
        __atomic_store_n(&avx2, known, __ATOMIC_RELAXED);
    }
    if (known == 1) {
        stripes_avx2(lanes, (const unsigned char *)bytes, count, stripes, first, step);
        return 1;
    }
#endif
    (void)lanes; (void)bytes; (void)count; (void)stripes; (void)first; (void)step;
    return 0;
}
