#ifndef CTOWNSHASH_H
#define CTOWNSHASH_H

#include <stddef.h>
#include <stdint.h>

/// `WideHasher`'s stripe loop (TownsCore/Snapshot/SnapshotBytes.swift) with the CPU's 256-bit
/// vectors (AVX2), when it has them: hashes `count` whole stripes of 64 bytes at `bytes` into
/// `lanes` (eight words, updated in place), the first of them the stripe numbered `stripes`
/// (its keys `first[i] + step[i] * n`, a lane's scramble after every 16th stripe). The very
/// same arithmetic as the Swift loop, so the same hash (`W26FirstWideHasherTests`).
/// Returns 1 when done, 0 (nothing changed) when the CPU has no AVX2: then the caller hashes.
int towns_wide_stripes(uint64_t lanes[8], const void *bytes, size_t count, uint64_t stripes,
                       const uint64_t first[8], const uint64_t step[8]);

#endif
